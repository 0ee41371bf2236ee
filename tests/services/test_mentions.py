"""The case's actors and places found in a source's text."""

from __future__ import annotations

import pytest

from casefile.services import records
from casefile.services.records.mentions import MentionMatcher, Name, find_mentions, key_of, mention_at

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case

TEXT = ("Bruno Plácido Valerio, coordinator of the UPOEG, told La Jornada that men in black were seen in "
        "AYUTLA; placido said so again in Ayutla de los Libres.")


def spans(text: str, mentions) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.first.text) for m in mentions]


def test_names_and_aliases_found_whatever_their_accents_and_case(case):
    bruno = records.create(case, "actor", name="Bruno Placido Valerio", aliases="Placido\nUPOEG coordinator")
    upoeg = records.create(case, "actor", name="Unión de los Pueblos (UPOEG)", aliases="UPOEG")
    ayutla = records.create(case, "place", name="Ayutla")
    ayutla_full = records.create(case, "place", name="Ayutla de los Libres")
    found = find_mentions(case, TEXT)
    assert spans(TEXT, found) == [("Bruno Plácido Valerio", "Bruno Placido Valerio"), ("UPOEG", "UPOEG"),
                                  ("AYUTLA", "Ayutla"), ("placido", "Placido"),
                                  ("Ayutla de los Libres", "Ayutla de los Libres")]  # the longest name wins
    assert [(m.first.kind, m.first.record_id) for m in found] == [
        ("actor", bruno), ("actor", upoeg), ("place", ayutla), ("actor", bruno), ("place", ayutla_full)]


def test_whole_words_only_and_short_names_left_out():
    matcher = MentionMatcher([Name("actor", 1, "Army"), Name("place", 2, "La"), Name("actor", 3, "Ejército")])
    text = "The armyman and the Army; La Paz; el EJERCITO."
    assert spans(text, matcher.find(text)) == [("Army", "Army"), ("EJERCITO", "Ejército")]


def test_decomposed_accents_and_separators_in_the_text():
    matcher = MentionMatcher([Name("actor", 1, "Bruno Plácido")])
    text = "BRUNO\u00a0Pla\u0301cido\n and bruno-placido"
    assert spans(text, matcher.find(text)) == [("BRUNO\u00a0Pla\u0301cido", "Bruno Plácido"),
                                               ("bruno-placido", "Bruno Plácido")]


def test_one_wording_naming_two_records_names_both():
    matcher = MentionMatcher([Name("actor", 1, "Ayutla"), Name("place", 2, "Ayutla"), Name("actor", 1, "ayutla")])
    (mention,) = matcher.find("in Ayutla.")
    assert mention.names == (Name("actor", 1, "Ayutla"), Name("place", 2, "Ayutla"))


def test_lookup_and_mention_at_the_cursor():
    matcher = MentionMatcher([Name("actor", 1, "UPOEG"), Name("place", 2, "Ayutla de los Libres")])
    assert matcher.lookup("  upoeg ") == (Name("actor", 1, "UPOEG"),)
    assert matcher.lookup("Ayutla de los") == ()
    found = matcher.find("The UPOEG in Ayutla de los Libres")
    assert mention_at(found, 4).first.record_id == 1
    assert mention_at(found, 9).first.record_id == 1  # just after the name
    assert mention_at(found, 11) is None
    assert mention_at(found, 20).first.record_id == 2


def test_hostile_text_and_names():
    names = [Name("actor", 1, ""), Name("actor", 2, "   "), Name("actor", 3, "<b>Rosa</b> Ficticia"),
             Name("actor", 4, "NEAR( \"x\" *"), Name("place", 5, "\u202eAyutla\u202c")]
    matcher = MentionMatcher(names)
    assert key_of("<b>Rosa</b> Ficticia") == ("b", "rosa", "b", "ficticia")
    text = "\x00 Ayutla \u0000 NEAR x" + "é" * 100_000
    assert [m.first.record_id for m in matcher.find(text)] == [5]
    assert matcher.find("") == []


def test_a_long_text_against_many_names_stays_linear():
    names = [Name("actor", n, f"Actor número {n} Pérez") for n in range(10_000)]
    names.append(Name("place", 1, "Tlapa de Comonfort"))
    matcher = MentionMatcher(names)
    text = ("Los vecinos de Tlapa de Comonfort dicen que el actor número 9999 pérez llegó. " * 2600)[:200_000]
    found = matcher.find(text)
    assert len(found) > 4000
    assert {m.first.text for m in found} == {"Tlapa de Comonfort", "Actor número 9999 Pérez"}


def test_the_cases_matcher_is_built_once_and_again_when_a_name_changes(case):
    """Each source opened in the window built the matcher of every name in the
    case (1.4 s at 20,000 actors and 20,000 places); it is kept until an actor
    or a place changes, and a change is found at once."""
    from casefile.services.records.mentions import case_matcher

    bruno = records.create(case, "actor", name="Bruno Placido Valerio")
    first = case_matcher(case)[1]
    assert case_matcher(case)[1] is first
    records.create(case, "incident", title="Roadblock")  # names neither an actor nor a place
    assert case_matcher(case)[1] is first
    place = records.create(case, "place", name="Ayutla de los Libres")
    assert case_matcher(case)[1] is not first
    assert spans(TEXT, find_mentions(case, TEXT)) == [("Bruno Plácido Valerio", "Bruno Placido Valerio"),
                                                      ("Ayutla de los Libres", "Ayutla de los Libres")]
    records.update(case, "actor", bruno, aliases="UPOEG")
    assert ("UPOEG", "UPOEG") in spans(TEXT, find_mentions(case, TEXT))
    records.delete(case, "place", place)
    assert [m.first.kind for m in find_mentions(case, TEXT)] == ["actor", "actor"]
