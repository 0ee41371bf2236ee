"""Hostile strings go into the store and come back exactly; the history and
the search index take them without complaint."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from casefile.model import AuditEntry, Incident
from casefile.services.records.search import search
from casefile.store import audit
from tests.fixtures.hostile import HOSTILE_STRINGS, huge_string


def test_every_hostile_string_round_trips_and_searches(case):
    ids = {}
    with case.session() as s:
        for name, text in HOSTILE_STRINGS.items():
            incident = Incident(title=text or "(empty)", description=text)
            s.add(incident)
            s.flush()
            ids[name] = incident.id
    with case.session() as s:
        for name, text in HOSTILE_STRINGS.items():
            assert s.get(Incident, ids[name]).description == text, name
    for text in HOSTILE_STRINGS.values():
        search(case, text)  # any typed string is a valid query
    with case.connection() as conn:
        assert audit.verify(conn) is None


def test_a_ten_megabyte_value_is_stored_indexed_and_audited_by_hash(case):
    text = huge_string()
    with case.session() as s:
        incident = Incident(title="huge", description=text)
        s.add(incident)
    with case.session() as s:
        assert s.get(Incident, incident.id).description == text
    assert [h.code for h in search(case, "needle")] == [incident.code]
    with case.connection() as conn:
        changes = conn.scalar(select(AuditEntry.changes).where(AuditEntry.record_code == incident.code))
        assert len(changes) < 10_000  # the history keeps a hash and a length, not 10 MB
        assert audit.verify(conn) is None


@pytest.mark.parametrize("name", ["nul", "rtl_override", "combining", "emoji"])
def test_hostile_values_survive_close_and_reopen(tmp_path, name):
    from casefile.store import Case

    path = tmp_path / "c.casefile"
    with Case.create(path, HOSTILE_STRINGS[name] or "t", passphrase="hostile strings passphrase") as case:
        with case.session() as s:
            s.add(Incident(title=HOSTILE_STRINGS[name]))
    with Case.open(path, passphrase="hostile strings passphrase") as case:
        assert case.title == HOSTILE_STRINGS[name]
        with case.session() as s:
            assert s.scalars(select(Incident.title)).one() == HOSTILE_STRINGS[name]
        case.close(backup=False)
