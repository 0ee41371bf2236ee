"""Two laptops and the server copy exchange changes with the same merge as
bundles: edits meet, the same field changed on both sides is reported, evidence
arrives byte for byte, and every copy ends the same and verifies."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from casefile.errors import CasefileError
from casefile.services import records, verify
from casefile.services.evidence.intake import intake
from casefile.services.exchange import review
from casefile.services.exchange.reading import content_digest
from casefile.services.exchange.sync import sync
from casefile.store import Case
from casefile.store.server.address import ServerAddress
from casefile.store.server.transfer import pull
from tests.server.conftest import member_key


def _digest(case: Case) -> str:
    with case.connection() as conn:
        return content_digest(conn)


def _incident(case: Case, code: str) -> dict:
    with case.connection() as conn:
        record_id = conn.execute(text("SELECT id FROM incident WHERE code = :c"), {"c": code}).scalar_one()
    return records.get(case, "incident", record_id)


def _evidence_names(case: Case) -> set[str]:
    with case.connection() as conn:
        return {name for (name,) in conn.execute(text("SELECT original_name FROM evidence"))}


@pytest.fixture
def team(sample_on_server, tmp_path):
    """Ana's laptop (the case pushed from it), the server, Beto's laptop (pulled)."""
    (tmp_path / "sample.casefile").rename(tmp_path / "ana.casefile")
    address = ServerAddress.parse(sample_on_server)
    ana_key = member_key(sample_on_server, "Ana", tmp_path / "ana-keys")
    beto_key = member_key(sample_on_server, "Beto", tmp_path / "beto-keys")
    pull(address, tmp_path / "beto.casefile", beto_key).close()
    ana, beto = Case.open(tmp_path / "ana.casefile"), Case.open(tmp_path / "beto.casefile")
    yield address, (ana, ana_key), (beto, beto_key)
    ana.close()
    beto.close()


def test_two_laptops_meet_through_the_server(team, tmp_path):
    address, (ana, ana_key), (beto, beto_key) = team
    first, second = _incident(ana, "INC-0001"), _incident(beto, "INC-0002")
    records.update(ana, "incident", first["id"], title="Detention at the Ayutla checkpoint")
    records.update(beto, "incident", second["id"], notes="Checked with the community radio")
    photo = tmp_path / "roadblock.bin"
    photo.write_bytes(b"\x89 evidence bytes " * 5000)
    intake(ana, photo)

    sync(ana, address, ana_key)
    sync(beto, address, beto_key)   # gets Ana's edit and file, sends his
    sync(ana, address, ana_key)     # gets Beto's
    assert _incident(beto, "INC-0001")["title"] == "Detention at the Ayutla checkpoint"
    assert records.get(ana, "incident", second["id"])["notes"] == "Checked with the community radio"
    assert "roadblock.bin" in _evidence_names(beto)
    server_copy = pull(address, tmp_path / "server-now.casefile", ana_key)
    try:
        assert _digest(ana) == _digest(beto) == _digest(server_copy)
        for copy in (ana, beto, server_copy):
            assert list(verify.verify(copy)) == []  # history, row seals and evidence bytes hold everywhere
    finally:
        server_copy.close()
    sync(ana, address, ana_key)  # nothing new: nothing changes
    assert _digest(ana) == _digest(beto)


def test_the_same_field_changed_on_two_laptops_is_a_conflict_not_an_overwrite(team):
    address, (ana, ana_key), (beto, beto_key) = team
    target = _incident(ana, "INC-0003")["id"]
    records.update(ana, "incident", target, title="Ana's title")
    records.update(beto, "incident", target, title="Beto's title")
    sync(ana, address, ana_key)
    report = sync(beto, address, beto_key)
    assert report.received.counts["conflicts"] == 1
    waiting = review.conflicts(beto)
    values = {str(c.theirs) for c in waiting} | {str(c.here) for c in waiting}
    assert {"Ana's title", "Beto's title"} <= values  # both kept, neither lost


def test_a_reader_cannot_sync_and_is_told_why(team, pg_server, pg_database, tmp_path, capsys):
    address, (ana, _ana_key), _beto = team
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:
        admin.execute(f'CREATE ROLE "{pg_database}_r" LOGIN')
    key = member_key(str(address), "R", tmp_path / "reader-keys", login=f"{pg_database}_r", role="reader")
    as_reader = ServerAddress.parse(pg_server.url(pg_database, user=f"{pg_database}_r", case="guerrero"))
    records.update(ana, "incident", _incident(ana, "INC-0001")["id"], title="A reader's try")
    with pytest.raises(CasefileError, match="does not let you make this change"):
        sync(ana, as_reader, key)
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:
        admin.execute("DROP SCHEMA case_guerrero CASCADE")
        admin.execute(f'DROP OWNED BY "{pg_database}_r"')
        admin.execute(f'DROP ROLE "{pg_database}_r"')


def test_a_kept_mirror_is_brought_up_to_date_not_copied_again(team, tmp_path):
    """The window keeps a copy of the server case between syncs: another laptop's
    changes reach it as the rows the server sealed since, and it stays a faithful copy."""
    from casefile.store.server.working import Mirror

    address, (ana, ana_key), (beto, beto_key) = team
    mirror = Mirror(address)
    try:
        sync(ana, address, ana_key, mirror=mirror)
        records.update(beto, "incident", _incident(beto, "INC-0004")["id"], title="Beto, from the office")
        photo = tmp_path / "scan.bin"
        photo.write_bytes(b"scanned page " * 4000)
        intake(beto, photo)
        sync(beto, address, beto_key)
        sync(ana, address, ana_key, mirror=mirror)
        assert mirror._made == 1  # brought up to date, not copied again
        assert _incident(ana, "INC-0004")["title"] == "Beto, from the office"
        assert "scan.bin" in _evidence_names(ana)
        fresh = pull(address, tmp_path / "fresh.casefile", beto_key)
        try:
            assert mirror.case is not None
            assert _digest(mirror.case) == _digest(fresh) == _digest(ana)
            assert mirror.case.audit_head() == fresh.audit_head()
            assert list(verify.verify(mirror.case)) == []
            from casefile.services.records.search import search

            assert any(hit for hit in search(mirror.case, "office"))  # its search index follows
        finally:
            fresh.close()
    finally:
        mirror.close()


def test_a_kept_mirror_compiles_its_server_statements_once(team):
    """The window syncs on every change it hears of: with its mirror it keeps one
    server engine, so a sync reuses what the ones before it compiled (a new
    engine per sync compiled all of them again: a fifth of the round trip)."""
    from sqlalchemy import event
    from sqlalchemy.engine import default

    from casefile.store.server.working import Mirror

    address, (ana, ana_key), _ = team
    mirror = Mirror(address)
    try:
        incident = _incident(ana, "INC-0001")["id"]
        for n in range(2):
            records.update(ana, "incident", incident, title=f"Seen on the server, version {n}")
            sync(ana, address, ana_key, mirror=mirror)
        engine, ran, compiled = mirror.engine, [], []

        def executed(conn, cursor, statement, parameters, context, executemany):
            ran.append(statement)
            if context is not None and context.compiled is not None and context.cache_hit != default.CACHE_HIT:
                compiled.append(statement)

        event.listen(engine, "before_cursor_execute", executed)
        records.update(ana, "incident", incident, title="Seen on the server, version 2")
        sync(ana, address, ana_key, mirror=mirror)
        assert mirror.engine is engine
        assert len(ran) > 20  # the sync went through this engine
        assert compiled == []
        assert _incident(ana, "INC-0001")["title"] == "Seen on the server, version 2"
    finally:
        mirror.close()
    assert mirror._engine is None  # closed with the mirror


def test_a_pulled_copy_is_introduced_and_its_first_sync_moves_only_what_changed(sample_on_server, tmp_path):
    """``pull_copy`` makes the new copy and the server copy peers that hold the same
    state: the first sync of each sends and merges only the edit, not the whole case."""
    from casefile.services.exchange.sync import pull_copy

    address = ServerAddress.parse(sample_on_server)
    carla_key = member_key(sample_on_server, "Carla", tmp_path / "carla-keys")
    dario_key = member_key(sample_on_server, "Dario", tmp_path / "dario-keys")
    carla = pull_copy(address, tmp_path / "carla.casefile", carla_key)
    dario = pull_copy(address, tmp_path / "dario.casefile", dario_key)
    plain = pull(address, tmp_path / "plain.casefile", dario_key)  # not introduced
    try:
        target = _incident(carla, "INC-0002")["id"]
        records.update(carla, "incident", target, title="Carla's first edit")
        first = sync(carla, address, carla_key)
        assert first.sent.counts["updated"] == 1 and first.sent.counts["unchanged"] == 0
        assert first.received.counts["unchanged"] == 0 and first.received.counts["updated"] == 0
        second = sync(dario, address, dario_key)
        assert second.received.counts["updated"] == 1 and second.received.counts["unchanged"] == 0
        assert _incident(dario, "INC-0002")["title"] == "Carla's first edit"
        records.update(dario, "incident", target, notes="Dario adds a note")
        sync(dario, address, dario_key)
        assert sync(carla, address, carla_key).received.counts["updated"] == 1
        fresh = pull(address, tmp_path / "fresh.casefile", carla_key)
        try:
            assert _digest(carla) == _digest(dario) == _digest(fresh)
            for copy in (carla, dario, fresh):
                assert list(verify.verify(copy)) == []
        finally:
            fresh.close()
        # a copy made without the introduction meets the server copy as a stranger: everything, once
        assert sync(plain, address, dario_key).sent.counts["unchanged"] > 20
        assert _digest(plain) == _digest(carla)
    finally:
        for case in (carla, dario, plain):
            case.close()
