import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.model import Actor, Claim, Incident
from casefile.services.records.search import search
from casefile.store.fulltext import fts_query

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case

HOSTILE = ['"', "AND", "NEAR(", "*", "-", "a OR b", "title:x", "^", "'); DROP TABLE actor; --",
           "\u202eevil\u202c", "e\u0301", "🔥", "\x00", "(", ")", ":", "{a b}", '""""']


def test_accent_and_case_insensitive(case):
    with case.session() as s:
        s.add(Actor(name="Bruno Plácido Valerio", category="person"))
        s.add(Incident(title="Detención de policías comunitarios"))
    assert [h.code for h in search(case, "placido")] == ["ACT-0001"]
    assert [h.code for h in search(case, "PLÁCIDO")] == ["ACT-0001"]
    assert [h.code for h in search(case, "detencion policias")] == ["INC-0001"]
    assert search(case, "detenc")[0].code == "INC-0001"  # prefix as you type


def test_a_short_last_word_begins_words_only_in_a_small_case(case, monkeypatch):
    """From the fourth letter a last word finds the words it begins (fts_query).
    Fewer would make FTS5 merge every word that begins with them,
    most of a second on the window's thread in a large case; there, until the
    fourth letter, a fragment after other words is left out and a lone word or
    a number matches whole. In a small case they begin words from the first."""
    from casefile.store import fulltext

    with case.session() as s:
        s.add(Actor(name="Bruno Plácido Valerio", category="person"))
        s.add(Actor(name="Pl Ensemble", category="group"))
        s.add(Incident(title="Detención de policías comunitarios", description="a roadblock"))
        s.add(Incident(title="Roadblock number 7", description="seventy: 70"))
    assert {h.code for h in search(case, "pl")} == {"ACT-0001", "ACT-0002"}
    assert [h.code for h in search(case, "bruno p")] == ["ACT-0001"]
    assert {h.code for h in search(case, "roadblock 7")} == {"INC-0002"}
    assert fts_query("policía c") == '"policía" "c"*'

    monkeypatch.setattr(fulltext, "SHORT_PREFIX_RECORDS", 3)  # four records: a large case
    assert fts_query("policía c", short_prefix=False) == '"policía"*'
    assert fts_query("a", short_prefix=False) == '"a"' and fts_query("de l", short_prefix=False) == '"de"'
    assert fts_query("detenc", short_prefix=False) == '"detenc"*' and fts_query("des", short_prefix=False) == '"des"'
    assert fts_query("policía com", short_prefix=False) == '"policía"*'
    assert fts_query("roadblock 7", short_prefix=False) == '"roadblock" "7"'
    assert [h.code for h in search(case, "pl")] == ["ACT-0002"]  # whole, not Plácido
    assert [h.code for h in search(case, "pla")] == [] and [h.code for h in search(case, "plac")] == ["ACT-0001"]
    assert [h.code for h in search(case, "bruno p")] == ["ACT-0001"]  # the fragment waits
    assert [h.code for h in search(case, "detención de p")] == ["INC-0001"]
    assert [h.code for h in search(case, "roadblock 7")] == ["INC-0002"]  # a number is a word, not 70
    assert {h.code for h in search(case, "a")} == {"INC-0001"}
    assert {h.code for h in search(case, "pl", kinds=("actor",))} == {"ACT-0001", "ACT-0002"}  # two actors: few


def test_results_ranked_with_snippet(case):
    with case.session() as s:
        s.add(Claim(summary="Men in black seen in the communities",
                    quote="hombres extraños vestidos de negro en las comunidades"))
        s.add(Incident(title="Roadblock", description="black cars"))
    hits = search(case, "black")
    assert {h.code for h in hits} == {"CLM-0001", "INC-0001"}
    assert "\x02" in hits[0].snippet


def test_search_follows_edits_and_deletes(case):
    with case.session() as s:
        incident = Incident(title="Toma del palacio municipal")
        s.add(incident)
    with case.session() as s:
        s.get(Incident, incident.id).title = "Occupation of the town hall"
    assert search(case, "palacio") == []
    assert search(case, "town hall")[0].code == "INC-0001"
    with case.session() as s:
        s.delete(s.get(Incident, incident.id))
    assert search(case, "town") == []


def test_hostile_queries_are_plain_words(case):
    with case.session() as s:
        s.add(Incident(title="AND NEAR title"))
    for query in HOSTILE:
        search(case, query)
    assert fts_query("") is None and fts_query('"*-') is None


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text())
def test_any_typed_string_is_a_valid_query(case, query):
    search(case, query)


def test_common_word_is_ranked_among_its_newest_matches(case):
    from casefile.store import fulltext as store_search

    with case.session() as s:
        s.add_all(Incident(title=f"roadblock number {i}") for i in range(30))
        s.add(Incident(title="roadblock roadblock roadblock", description="roadblock"))
    with case.connection() as conn:
        windowed = store_search.search(conn, "roadblock", limit=5, window=10)
        everything = store_search.search(conn, "roadblock", limit=50, window=None)
    assert len(everything) == 31
    assert windowed[0].code == "INC-0031"  # the best match is also among the newest
    assert {h.id for h in windowed} <= {h.id for h in everything if h.id > 21}
    assert search(case, "roadblock", limit=50, exhaustive=True) == everything
