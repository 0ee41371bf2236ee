"""Rotating backups next to the case: on close after changes, kept N, encrypted."""

from __future__ import annotations

import re
import sqlite3

from sqlalchemy import func, select

from casefile.model import Incident
from casefile.store import Case, backup
from casefile.store.connection import SQLITE_HEADER, CaseKey, connect

NAME = re.compile(r"^c\.casefile\.backup-\d{8}T\d{6}\.\d{6}Z\.bak$")


def _edit(path, title, **kw):
    with Case.open(path, **kw) as case:
        with case.session() as s:
            s.add(Incident(title=title))


def _count(path, **kw) -> int:
    with Case.open(path, **kw) as case:
        with case.connection() as conn:
            n = conn.scalar(select(func.count()).select_from(Incident))
        case.close(backup=False)
        return n


def test_close_after_changes_keeps_the_newest_three(tmp_path):
    path = tmp_path / "c.casefile"
    Case.create(path, "Backups").close()
    assert backup.backups_of(path) == []  # nothing changed since create's open
    for i in range(5):
        _edit(path, f"incident {i}")
    kept = backup.backups_of(path)
    assert len(kept) == 3 and all(NAME.match(p.name) for p in kept)
    # Oldest first; the newest holds all five incidents, the oldest of the three holds three.
    counts = []
    for p in kept:
        copy = tmp_path / f"restore-{p.name}.casefile"
        copy.write_bytes(p.read_bytes())
        counts.append(_count(copy))
    assert counts == [3, 4, 5]


def test_reading_leaves_no_backup_and_keep_is_configurable(tmp_path):
    path = tmp_path / "c.casefile"
    Case.create(path, "Backups").close()
    _count(path)
    with Case.open(path):
        pass  # opened and closed, nothing changed
    assert backup.backups_of(path) == []
    with Case.open(path) as case:
        case.backup_keep = 1  # the window passes its setting
        with case.session() as s:
            s.add(Incident(title="one"))
    _edit(path, "two")
    with Case.open(path) as case:
        case.backup_keep = 1
        with case.session() as s:
            s.add(Incident(title="three"))
    assert len(backup.backups_of(path)) == 1
    with Case.open(path) as case:
        case.backup_keep = 0
        with case.session() as s:
            s.add(Incident(title="four"))
    with Case.open(path) as case:
        with case.session() as s:
            s.add(Incident(title="five"))
        case.close(backup=False)
    assert len(backup.backups_of(path)) == 1


def test_encrypted_backups_stay_encrypted(tmp_path):
    path = tmp_path / "c.casefile"
    Case.create(path, "Backups", passphrase="pass phrase words").close()
    _edit(path, "secret title", passphrase="pass phrase words")
    [made] = backup.backups_of(path)
    assert made.read_bytes()[:16] != SQLITE_HEADER
    assert b"secret title" not in made.read_bytes()


def test_backup_with_a_reader_in_the_way_uses_vacuum_into(tmp_path):
    """A reader holding an old snapshot blocks the checkpoint; the backup must
    still hold every committed change."""
    path = tmp_path / "c.casefile"
    with Case.create(path, "Backups") as case:
        with case.session() as s:
            s.add(Incident(title="first"))
        reader = sqlite3.connect(path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM incident").fetchone()  # pins the snapshot
        with case.session() as s:
            s.add(Incident(title="second"))
        made = backup.make_backup(path, None, keep=3)
        reader.execute("COMMIT")
        reader.close()
        case.close(backup=False)
    copy = tmp_path / "restored.casefile"
    copy.write_bytes(made.read_bytes())
    assert _count(copy) == 2


def test_migration_backups_are_not_rotated(tmp_path):
    path = tmp_path / "c.casefile"
    Case.create(path, "Backups").close()
    (tmp_path / "c.casefile.before-format-2-20240101T000000.000000Z.bak").write_bytes(b"old")
    for i in range(4):
        _edit(path, f"incident {i}")
    assert (tmp_path / "c.casefile.before-format-2-20240101T000000.000000Z.bak").exists()
    assert len(backup.backups_of(path)) == 3
    assert not list(tmp_path.glob("*.partial"))


def test_no_rotating_backup_of_a_case_too_large_to_copy_at_every_close(tmp_path, monkeypatch):
    path = tmp_path / "c.casefile"
    Case.create(path, "Large").close()
    _edit(path, "while small")
    assert len(backup.backups_of(path)) == 1
    monkeypatch.setattr(backup, "ROTATING_LIMIT", path.stat().st_size - 1)  # as if it held 1 GiB of video
    _edit(path, "once large")
    assert len(backup.backups_of(path)) == 1  # the close did not copy it again
    assert _count(path) == 2  # and lost nothing


def test_encrypted_backup_through_vacuum_into_opens_with_the_passphrase(tmp_path):
    path = tmp_path / "c.casefile"
    with Case.create(path, "Backups", passphrase="pass phrase words") as case:
        with case.session() as s:
            s.add(Incident(title="first"))
        reader = connect(path, "pass phrase words")
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM incident").fetchone()  # pins the snapshot: no byte copy
        with case.session() as s:
            s.add(Incident(title="second"))
        made = backup.make_backup(path, CaseKey("pass phrase words"), keep=3)
        reader.execute("COMMIT")
        reader.close()
        case.close(backup=False)
    assert b"second" not in made.read_bytes()
    copy = tmp_path / "restored.casefile"
    copy.write_bytes(made.read_bytes())
    assert _count(copy, passphrase="pass phrase words") == 2
