"""The hash-chained history: any change to any entry is found and named;
nothing is written on top of a head that does not verify."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from sqlalchemy import select

from casefile.cli import main
from casefile.model import Actor, AuditEntry, Incident, Place
from casefile.services import security, verify
from casefile.store import Case, audit
from casefile.store.audit import ChainHeadUnreadable

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case

COLUMNS = ["seq", "at", "who", "action", "record_kind", "record_uuid", "record_code", "changes",
           "prev_hash", "hash"]


def _altered(column: str, value):
    """A different value of the right kind for ``column``."""
    if column == "seq":
        return value + 1000
    if column == "at":
        return "1999-01-01 00:00:00.000000"
    if column in ("prev_hash", "hash"):
        return ("f" if value[0] != "f" else "e") + value[1:]
    if column == "changes":
        return json.dumps({**json.loads(value), "forged": True}, sort_keys=True, separators=(",", ":"))
    return value + "x"


@pytest.fixture
def history(tmp_path):
    """A closed plain case with eight audit entries."""
    path = tmp_path / "h.casefile"
    with Case.create(path, "History", documenter="Ana") as case:
        with case.session() as s:
            place = Place(name="Ayutla")
            s.add_all([place, Incident(title="Detention", place=place), Actor(name="Army")])
        with case.session() as s:
            s.scalars(select(Incident)).one().title = "Detention of community police"
        with case.session() as s:
            s.delete(s.scalars(select(Actor)).one())
        head = case.audit_head()
        case.close(backup=False)
    conn = sqlite3.connect(path)
    n = conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0]
    conn.close()
    assert n >= 6
    return path, head, n


def _raw(path):
    return sqlite3.connect(path, isolation_level=None)


def _verify_cli(path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    rc = main(["verify", str(path)])
    return rc, capsys.readouterr().out


def test_intact_history_verifies_and_info_shows_the_head(history, capsys):
    path, head, _ = history
    assert _verify_cli(path, capsys)[0] == 0
    assert main(["info", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["audit_head"] == head


@pytest.mark.parametrize("column", COLUMNS)
def test_changing_any_field_of_any_entry_is_named(history, column, capsys):
    path, _, n = history
    for seq in (1, n // 2, n):  # first, middle and last entry; each put back before the next
        conn = _raw(path)
        conn.execute("SAVEPOINT tamper")
        value = conn.execute(f"SELECT {column} FROM audit_entry WHERE seq = ?", (seq,)).fetchone()[0]
        conn.execute(f"UPDATE audit_entry SET {column} = ? WHERE seq = ?", (_altered(column, value), seq))
        conn.execute("RELEASE tamper")
        conn.close()
        rc, out = _verify_cli(path, capsys)
        assert rc == 3, (column, seq)
        named = {int(x) for x in re.findall(r"audit #(\d+)", out)}
        # The first bad entry is the altered one (an altered seq is named where it now stands,
        # or as the gap it left; an altered hash surfaces at the entry that links to it).
        expected = {seq, seq + 1000} if column == "seq" else ({seq, seq + 1} if column == "hash" else {seq})
        assert named & expected, (column, seq, out)
        conn = _raw(path)  # put it back for the next position
        current = seq + 1000 if column == "seq" else seq
        conn.execute(f"UPDATE audit_entry SET {column} = ? WHERE seq = ?", (value, current))
        conn.close()
    assert _verify_cli(path, capsys)[0] == 0  # restored: it was the alteration that failed


def test_any_change_to_the_stored_text_of_a_timestamp_is_caught(history, capsys):
    path, _, _ = history
    conn = _raw(path)
    conn.execute("UPDATE audit_entry SET at = 'yesterday' WHERE seq = 2")
    conn.close()
    rc, out = _verify_cli(path, capsys)
    assert rc == 3 and "audit #2" in out


def test_deleting_an_entry_is_caught(history, capsys):
    path, _, n = history
    conn = _raw(path)
    conn.execute("DELETE FROM audit_entry WHERE seq = 3")
    conn.close()
    rc, out = _verify_cli(path, capsys)
    assert rc == 3 and "audit #3" in out and "missing" in out


def test_cutting_the_tail_is_caught_by_a_head_held_elsewhere(history, capsys):
    """Removing the last entries leaves a chain that verifies by itself: the
    head written down elsewhere (a dossier cover) is what proves the cut."""
    path, head, n = history
    conn = _raw(path)
    conn.execute("DELETE FROM audit_entry WHERE seq = ?", (n,))
    conn.close()
    capsys.readouterr()
    assert main(["check-head", str(path), head]) == 3
    assert "not in this case's history" in capsys.readouterr().err


def test_a_held_head_stands_while_the_history_grows(history, capsys):
    path, head, n = history
    with Case.open(path) as case:
        with case.session() as s:
            s.add(Incident(title="later"))
        assert security.check_head(case, head).seq == n
        case.close(backup=False)
    assert main(["check-head", str(path), head]) == 0


@pytest.mark.parametrize("forgery", ["naive", "wrong_link", "copied_row"])
def test_appending_a_forged_entry_is_caught(history, forgery, capsys):
    path, head, n = history
    conn = _raw(path)
    row = conn.execute("SELECT * FROM audit_entry WHERE seq = ?", (n,)).fetchone()
    seq, at, who, action, kind, uuid, code, changes, prev, digest = row
    if forgery == "naive":  # plausible fields, made-up hash
        values = (n + 1, at, "Mallory", "delete", "incident", uuid, "INC-0001", "{}", digest, "ab" * 32)
    elif forgery == "wrong_link":  # a correct hash over a made-up predecessor
        from datetime import UTC, datetime
        fake_prev = "cd" * 32
        values = (n + 1, at, who, "update", kind, uuid, code, "{}", fake_prev,
                  audit.entry_hash(fake_prev, n + 1, datetime.fromisoformat(at).replace(tzinfo=UTC),
                                   who, "update", kind, uuid, code, "{}"))
    else:  # replaying an existing entry under the next number
        values = (n + 1, at, who, action, kind, uuid, code, changes, digest, digest)
    conn.execute(f"INSERT INTO audit_entry ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * 10)})", values)
    conn.close()
    rc, out = _verify_cli(path, capsys)
    assert rc == 3 and f"audit #{n + 1}" in out


def test_store_refuses_to_write_on_an_altered_head(history):
    path, _, n = history
    conn = _raw(path)
    conn.execute("UPDATE audit_entry SET who = 'Mallory' WHERE seq = ?", (n,))
    conn.close()
    with Case.open(path) as case:
        with pytest.raises(ChainHeadUnreadable):
            with case.session() as s:
                s.add(Incident(title="written on a bad head"))
        with case.connection() as conn:
            assert conn.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)) == n
            assert conn.scalar(select(Incident.id).where(Incident.title == "written on a bad head")) is None
        case.close(backup=False)


def test_store_refuses_to_write_when_the_history_is_unreadable(history):
    path, _, _ = history
    conn = _raw(path)
    conn.execute("ALTER TABLE audit_entry RENAME TO audit_gone")
    conn.close()
    with Case.open(path) as case:
        with pytest.raises(ChainHeadUnreadable, match="history"):
            with case.session() as s:
                s.add(Incident(title="nowhere to record it"))
        case.close(backup=False)


def test_every_orm_change_path_is_audited(case):
    """Create, update and delete of records and of link rows each leave an entry."""
    with case.connection() as conn:
        start = audit.head(conn)[0]
    with case.session() as s:
        place = Place(name="Tlapa")
        incident = Incident(title="Roadblock", place=place)
        s.add_all([place, incident])
    with case.session() as s:
        s.get(Incident, incident.id).place_id = None
    with case.session() as s:
        s.delete(s.get(Place, place.id))
    with case.connection() as conn:
        entries = conn.execute(select(AuditEntry.action, AuditEntry.record_kind)
                               .where(AuditEntry.seq > start).order_by(AuditEntry.seq)).all()
        assert audit.verify(conn) is None
    assert ("create", "place") in entries and ("create", "incident") in entries
    assert ("update", "incident") in entries and ("delete", "place") in entries
    assert [p for p in verify.verify(case) if p.code.startswith("audit")] == []


def test_bulk_paths_append_to_the_history(case, tmp_path):
    """Import (Core bulk insert) and evidence intake leave entries too."""
    from casefile.services.evidence.intake import intake
    from casefile.services.interchange.importer import import_json
    from tests.store.test_crash import make_import

    doc, _ = make_import(tmp_path, 1, 5)
    with case.connection() as conn:
        start = audit.head(conn)[0]
    import_json(case, doc)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    evidence = intake(case, tmp_path / "photo.jpg")
    with case.connection() as conn:
        rows = conn.execute(select(AuditEntry.action, AuditEntry.record_code).where(AuditEntry.seq > start)).all()
        assert audit.verify(conn) is None
    actions = {action for action, _ in rows}
    assert any("import" in a for a in actions), actions
    assert any(code == evidence.code for _, code in rows)
