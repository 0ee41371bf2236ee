"""The chronology's order (casefile.dossier.chronology): pure functions, and
the sample case's dossier read back."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.dossier.chronology import Dated, earliest, order, period, precision


def codes(items, links=()):
    by_key = {i.key: i.code for i in items}
    dated, undated = order(items, links)
    return [by_key[k] for k in dated], [by_key[k] for k in undated]


def test_a_partial_date_begins_on_its_first_day():
    assert earliest("2013") == date(2013, 1, 1)
    assert earliest("2013", "approximate") == date(2013, 1, 1)
    assert earliest("2013-08") == date(2013, 8, 1)
    assert earliest("2013-08-05") == date(2013, 8, 5)
    assert earliest(None) is None and earliest("2013", "unknown") is None and earliest("13/8") is None
    assert [precision("2013-08-05"), precision("2013-08"), precision("2013"), precision("2013-08-05", "approximate"),
            precision(None)] == [0, 1, 2, 3, 4]


def test_earliest_date_first_then_precision_then_code():
    items = [Dated(1, "2013-08", code="A"), Dated(2, "2013-08-01", code="B"), Dated(3, "2012", code="C"),
             Dated(4, "2013-08-01", "approximate", code="D"), Dated(5, "2013-08-01", code="E"),
             Dated(6, "2013", code="F")]
    assert codes(items) == (["C", "F", "B", "E", "A", "D"], [])


def test_undated_incidents_are_apart_in_code_order():
    items = [Dated(1, None, code="INC-0009"), Dated(2, "2013", code="INC-0002"),
             Dated(3, "2013", "unknown", code="INC-0001"), Dated(4, "not a date", code="INC-0003")]
    assert codes(items) == (["INC-0002"], ["INC-0001", "INC-0003", "INC-0009"])


def test_a_cause_comes_before_its_consequence_on_the_same_footing():
    items = [Dated(1, "2013-08", code="INC-0001"), Dated(2, "2013-08", code="INC-0002")]
    assert codes(items, [(2, 1, "causes")]) == (["INC-0002", "INC-0001"], [])
    assert codes(items, [(2, 1, "precedes")]) == (["INC-0002", "INC-0001"], [])
    assert codes(items, [(1, 2, "part_of")]) == (["INC-0002", "INC-0001"], [])  # the whole first
    assert codes(items, [(2, 1, "related")]) == (["INC-0001", "INC-0002"], [])


def test_a_consequence_cannot_begin_before_its_cause():
    # The Guerrero report: the detention on 5 August caused the roadblocks ("August 2013"),
    # which preceded the announced takeover; the held soldiers were part of the roadblocks.
    items = [Dated(1, "2013-08-05", code="INC-0001"), Dated(2, "2013-08", code="INC-0002"),
             Dated(3, "2013-08", code="INC-0003"), Dated(4, "2013-08", code="INC-0004"),
             Dated(5, None, code="INC-0005")]
    links = [(1, 2, "causes"), (2, 4, "precedes"), (3, 2, "part_of")]
    assert codes(items, links) == (["INC-0001", "INC-0002", "INC-0003", "INC-0004"], ["INC-0005"])
    # Without the links, "August 2013" may have begun on the 1st, before the 5th.
    assert codes(items)[0][0] == "INC-0002"
    # A bound passes through an undated incident.
    chain = [Dated(1, "2013-08-05", code="A"), Dated(2, None, code="B"), Dated(3, "2013", code="C")]
    assert codes(chain, [(1, 2, "causes"), (2, 3, "causes")]) == (["A", "C"], ["B"])


def test_a_cycle_of_links_still_orders_everything():
    items = [Dated(n, "2013", code=f"INC-{n}") for n in range(1, 4)]
    links = [(1, 2, "causes"), (2, 3, "causes"), (3, 1, "causes")]
    dated, _ = codes(items, links)
    assert sorted(dated) == ["INC-1", "INC-2", "INC-3"]


def test_period_from_dated_incidents_as_recorded():
    assert period([Dated(1, None), Dated(2, "2013", "unknown")]) is None
    p = period([Dated(1, "2013-08-05"), Dated(2, "2013-08", end="2013-09-02"), Dated(3, None)])
    assert (p.start, p.end, p.approximate) == ("2013-08", "2013-09-02", False)  # August began on the 1st
    p = period([Dated(1, "2013-08-05"), Dated(2, "2013", "approximate")])
    assert (p.start, p.start_qualifier, p.end, p.approximate) == ("2013", "approximate", "2013", True)


dates = st.one_of(st.none(), st.integers(2000, 2002).map(str),
                  st.tuples(st.integers(2000, 2002), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
                  st.dates(date(2000, 1, 1), date(2002, 12, 31)).map(date.isoformat))


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # a loaded machine is not a failure
@given(st.lists(st.tuples(dates, st.sampled_from(["exact", "approximate", "unknown"])), max_size=30),
       st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29),
                          st.sampled_from(["causes", "precedes", "part_of", "related"])), max_size=40))
def test_every_incident_listed_once_and_acyclic_links_hold(raw, raw_links):
    items = [Dated(n, iso, q, code=f"INC-{n:04d}") for n, (iso, q) in enumerate(raw)]
    links = [(a, b, r) for a, b, r in raw_links if a < len(items) and b < len(items)]
    dated, undated = order(items, links)
    assert sorted(dated + undated) == list(range(len(items)))
    position = {k: n for n, k in enumerate(dated)}
    # Forward-only links among dated incidents never form a cycle: each antecedent is listed first.
    for a, b, relation in links:
        if a < b and relation in ("causes", "precedes") and a in position and b in position:
            assert position[a] < position[b], (a, b)
    # Otherwise the list is in order of earliest date (antecedents only ever push a date later).
    firsts = [earliest(items[k].start, items[k].qualifier) for k in dated]
    if not links:
        assert firsts == sorted(firsts)


def chronology_page(path, heading: str) -> str:
    """The text of the page the outline's chronology entry leads to."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    entry = next(item for item in reader.outline if not isinstance(item, list) and item.title == heading)
    return reader.pages[reader.get_destination_page_number(entry)].extract_text()


def chronology_rows(path, heading: str) -> list[str]:
    return re.findall(r"INC-\d{4}", chronology_page(path, heading))


def incident_sections(path) -> list[str]:
    from pypdf import PdfReader

    return [entry.title.split(" ")[0] for item in PdfReader(path).outline if isinstance(item, list)
            for entry in item if not isinstance(entry, list) and entry.title.startswith("INC-")]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_sample_chronology_starts_with_inc_0001_and_lists_the_undated_apart(tmp_path, lang):
    sample = pytest.importorskip("casefile.services.sample")
    from sqlalchemy import select

    from casefile.dossier import write_dossier
    from casefile.model import Incident, IncidentLink

    case = sample.create_demo_case(tmp_path / "demo.casefile")
    try:
        out = tmp_path / "d.pdf"
        write_dossier(case, out, lang=lang)
        with case.session() as s:
            items = [Dated(i.id, i.start_date, i.start_qualifier, i.code) for i in s.scalars(select(Incident))]
            links = [tuple(row) for row in s.execute(select(IncidentLink.from_id, IncidentLink.to_id,
                                                            IncidentLink.relation))]
    finally:
        case.close()
    expected = codes(items, links)
    rows = chronology_rows(out, "Chronology" if lang == "en" else "Cronología")
    assert rows == expected[0] + expected[1]
    assert incident_sections(out) == rows  # the incident sections follow the chronology
    # Clashes began on 5 August: the roadblocks it caused, the soldiers held there and the
    # takeover they preceded ("August 2013") come after it, although August began on the 1st.
    first = rows.index("INC-0001")
    assert all(rows.index(code) > first for code in ("INC-0002", "INC-0003", "INC-0004"))
    dated = [code for code in rows if code in expected[0]]
    # Nothing dated before 5 August 2013 is listed before it, except what may have begun earlier.
    starts = {i.code: earliest(i.start, i.qualifier) for i in items}
    assert all(starts[code] < date(2013, 8, 5) for code in dated[:dated.index("INC-0001")])
    # The sample as the report tells it: the chronology starts where the clashes began, and the
    # sightings of men in black, which the report does not date, are listed apart.
    assert rows == ["INC-0001", "INC-0002", "INC-0003", "INC-0004", "INC-0005"]
    page = chronology_page(out, "Chronology" if lang == "en" else "Cronología")
    undated = "Undated incidents" if lang == "en" else "Hechos sin fecha"
    assert page.index("INC-0004") < page.index(undated) < page.index("INC-0005")


def test_undated_incidents_are_listed_apart_in_the_dossier(sample, tmp_path):
    from casefile.dossier import write_dossier
    from casefile.model import Incident

    with sample.case.session() as s:
        s.add(Incident(title="Undated sighting"))
    out = tmp_path / "d.pdf"
    write_dossier(sample.case, out)
    page = chronology_page(out, "Chronology")
    assert page.index("Undated incidents") < page.index("Undated sighting")
    rows = re.findall(r"INC-\d{4}", page)
    assert rows == ["INC-0001", "INC-0002", "INC-0003", "INC-0004"], rows
