"""What a selected passage proposes for the claim or incident made from it."""

from __future__ import annotations

import pytest

from casefile.model.dates import PartialDate
from casefile.services import records
from casefile.services.records.passages import claim_draft, find_date, incident_draft, one_line

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case

TEXT = ("Clashes began on August 5, when a military patrol detained members of the local “community police” "
        "from the Ayutla municipality.\n\nBruno Placido Valerio, coordinator of the UPOEG, also denounced "
        "military collusion. Placido told La Jornada that people had witnessed strange men dressed in black "
        "in the communities.")


@pytest.mark.parametrize(("text", "default_year", "expected", "guessed"), [
    ("el 5 de agosto de 2013 en Ayutla", None, PartialDate(2013, 8, 5), False),
    ("On August 5, 2013, a patrol", None, PartialDate(2013, 8, 5), False),
    ("on 5 Aug. 2013", None, PartialDate(2013, 8, 5), False),
    ("el 2013-08-05", None, PartialDate(2013, 8, 5), False),
    ("en agosto de 2013", None, PartialDate(2013, 8), False),
    ("in August 2013", None, PartialDate(2013, 8), False),
    ("a finales de 2013", None, PartialDate(2013), False),
    ("Clashes began on August 5, when", 2013, PartialDate(2013, 8, 5), True),
    ("el 5 de agosto, cuando", 2014, PartialDate(2014, 8, 5), True),
    ("el 31 de febrero de 2013 y el 2 de marzo de 2013", None, PartialDate(2013, 3, 2), False),
])
def test_dates_written_in_a_passage(text, default_year, expected, guessed):
    found = find_date(text, default_year)
    assert found is not None and found.date == expected and found.year_guessed == guessed


@pytest.mark.parametrize("text", ["Clashes began on August 5, when", "about 60 soldiers", "1000 people", ""])
def test_no_date_without_a_year(text):
    assert find_date(text) is None


def test_one_line_bounds_at_a_word():
    assert one_line("  a\nb  c ", 20) == "a b c"
    line = one_line("word " * 50, 40)
    assert len(line) <= 40 and line.endswith("word…")


def _sources(case):
    read = records.create(case, "source", title="Guerrero vigilantes detain 60 soldiers", outlet="InSight Crime",
                          published="2013-08-09", text=TEXT)
    jornada = records.create(case, "source", title="Denuncia UPOEG paramilitares", outlet="La Jornada")
    milenio = records.create(case, "source", title="Toman palacio municipal", outlet="Milenio")
    interview = records.create(case, "source", title="Entrevista con Bruno Plácido", source_kind="interview")
    for cited in (milenio, jornada):
        records.create_link(case, "source_citation", source_id=read, cited_id=cited)
    records.create_link(case, "source_citation", source_id=jornada, cited_id=interview)
    return read, jornada, milenio, interview


def test_claim_chain_follows_the_outlet_the_passage_names_then_single_citations(case):
    read, jornada, _milenio, interview = _sources(case)
    bruno = records.create(case, "actor", name="Bruno Plácido Valerio", category="person", aliases="Placido")
    records.create(case, "actor", name="UPOEG", category="group")
    start = TEXT.index("people had")
    draft = claim_draft(case, read, TEXT, start, TEXT.index(" in the communities"))
    assert draft.values["origin_id"] == interview and draft.values["origin_status"] == "located"
    assert draft.relays == [jornada]
    assert draft.values["claimant_id"] == bruno and draft.claimant_guessed  # named by the sentence
    assert draft.values["quote_kind"] == "paraphrase"
    assert draft.values["claimed_on"] == "2013-08-09" and draft.values["source_id"] == read
    assert (draft.values["quote_start"], draft.values["quote_end"]) == (start, TEXT.index(" in the communities"))


def test_claim_from_a_passage_naming_no_cited_outlet_leaves_the_chain_open(case):
    read, *_ = _sources(case)
    group = records.create(case, "actor", name="UPOEG", category="group")
    records.create(case, "actor", name="Army", category="group")
    start = TEXT.index("Bruno")
    end = TEXT.index("Placido told")
    draft = claim_draft(case, read, TEXT, start, end)
    assert "origin_id" not in draft.values and draft.relays == []
    assert draft.values["claimant_id"] == group  # the only actor the passage names
    quoted = TEXT.index("“community")
    assert claim_draft(case, read, TEXT, quoted, quoted + 20).values["quote_kind"] == "own_words"


def test_several_actors_and_no_person_propose_no_claimant(case):
    read, *_ = _sources(case)
    records.create(case, "actor", name="UPOEG", category="group")
    records.create(case, "actor", name="Bruno Placido Valerio", category="group")
    draft = claim_draft(case, read, TEXT, TEXT.index("Bruno"), TEXT.index("Placido told"))
    assert "claimant_id" not in draft.values


def test_incident_draft_title_date_place_and_the_claims_quoting_it(case):
    read, *_ = _sources(case)
    ayutla = records.create(case, "place", name="Ayutla")
    end = TEXT.index(" municipality.")
    overlapping = records.create(case, "claim", summary="patrol detained police", source_id=read,
                                 quote_start=17, quote_end=40)
    records.create(case, "claim", summary="elsewhere", source_id=read, quote_start=end + 5, quote_end=end + 9)
    draft = incident_draft(case, read, TEXT, 0, end)
    assert draft.values["title"].startswith("Clashes began on August 5, when a military patrol")
    assert len(draft.values["title"]) <= 120
    assert draft.values["start_date"] == "2013-08-05" and draft.date.year_guessed
    assert draft.values["place_id"] == ayutla
    assert draft.values["description"] == TEXT[:end]
    assert draft.claims == [overlapping]
