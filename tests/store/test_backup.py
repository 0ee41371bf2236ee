"""Rotating backups next to the case: on close after changes, by age, checked,
encrypted, beside a symlink's real file, and never left half written."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from casefile.errors import CaseLocked
from casefile.model import Incident
from casefile.services import evidence
from casefile.store import Case, backup
from casefile.store.connection import SQLITE_HEADER, CaseKey, connect

NAME = re.compile(r"^c\.casefile\.backup-\d{8}T\d{6}\.\d{6}Z\.bak$")
CLI = "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"


def run_cli(*argv, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CLI, *map(str, argv)], capture_output=True, text=True,
                          timeout=300, **kw)


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


def _restored_count(tmp_path, made, **kw) -> int:
    copy = tmp_path / f"restore-{made.name}.casefile"
    copy.write_bytes(made.read_bytes())
    return _count(copy, **kw)


def test_close_after_changes_keeps_the_newest_three_and_the_first_of_the_day(tmp_path):
    path = tmp_path / "c.casefile"
    Case.create(path, "Backups").close()
    assert backup.backups_of(path) == []  # nothing changed since create's open
    for i in range(5):
        _edit(path, f"incident {i}")
    kept = backup.backups_of(path)
    assert len(kept) == 4 and all(NAME.match(p.name) for p in kept)
    # Oldest first: the day's first backup (one incident), then the newest three.
    assert [_restored_count(tmp_path, p) for p in kept] == [1, 3, 4, 5]
    assert backup.passed(kept[-1]) is True  # checked before the second one went


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
    assert len(backup.backups_of(path)) == 2  # the newest, and the first of the day
    with Case.open(path) as case:
        case.backup_keep = 0
        with case.session() as s:
            s.add(Incident(title="four"))
    with Case.open(path) as case:
        with case.session() as s:
            s.add(Incident(title="five"))
        case.close(backup=False)
    assert len(backup.backups_of(path)) == 2


def _backup_at(path, when: datetime):
    made = path.with_name(f"{path.name}.backup-{when.strftime(backup.STAMP)}.bak")
    shutil.copyfile(path, made)
    return made


def test_rotation_by_age_keeps_recent_daily_and_weekly(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    path = tmp_path / "c.casefile"
    Case.create(path, "Backups").close()
    now = datetime(2025, 6, 11, 12, 0, tzinfo=UTC)  # a Wednesday
    at = {label: _backup_at(path, when) for label, when in {
        "today 11h": now - timedelta(hours=1), "today 10h": now - timedelta(hours=2),
        "today 9h": now - timedelta(hours=3), "today 8h": now - timedelta(hours=4),
        "yesterday 18h": datetime(2025, 6, 10, 18, tzinfo=UTC),
        "yesterday 9h": datetime(2025, 6, 10, 9, tzinfo=UTC),
        "6 days ago": datetime(2025, 6, 5, 10, tzinfo=UTC),
        "last week, later": datetime(2025, 6, 4, 10, tzinfo=UTC),
        "last week, first": datetime(2025, 6, 2, 9, tzinfo=UTC),
        "3 weeks ago": datetime(2025, 5, 20, 9, tzinfo=UTC),
        "5 weeks ago": datetime(2025, 5, 7, 9, tzinfo=UTC),
        "10 weeks ago": datetime(2025, 4, 1, 9, tzinfo=UTC),
    }.items()}
    gone = backup.rotate(path, 3, now=now)
    assert sorted(gone) == sorted(at[k] for k in ("yesterday 18h", "last week, later", "5 weeks ago",
                                                  "10 weeks ago"))
    assert backup.backups_of(path) == sorted(p for p in at.values() if p not in gone)
    assert backup.passed(at["today 11h"]) is True
    assert backup.rotate(path, 3, now=now) == []  # stable: the same day keeps the same backups


def _flip_evidence_byte(path, payload: bytes) -> None:
    """Damage the case the way a failing disk would: one byte of the stored
    evidence, in the file itself, leaving SQLite's structure intact."""
    data = bytearray(path.read_bytes())
    at = data.find(payload[1000:1064])
    assert at > 0
    data[at + 10] ^= 0x01
    path.write_bytes(bytes(data))


def test_verify_runs_and_edits_on_a_damaged_case_never_drop_the_last_good_backup(tmp_path):
    path = tmp_path / "c.casefile"
    payload = os.urandom(300_000)
    (tmp_path / "photo.bin").write_bytes(payload)
    Case.create(path, "Backups").close()
    with Case.open(path) as case:
        evidence.intake(case, tmp_path / "photo.bin")
    [good] = backup.backups_of(path)
    _flip_evidence_byte(path, payload)

    for _ in range(3):  # verify finds the damage, records it in custody, and writes no backup
        result = run_cli("verify", path)
        assert result.returncode == 3 and "EVI-0001" in result.stdout, result.stderr
    assert backup.backups_of(path) == [good]

    for i in range(3):  # three sessions of work on the damaged case: three backups of it
        _edit(path, f"after the damage {i}")
    damaged = backup.backups_of(path)[1:]
    assert backup.backups_of(path) == [good, *damaged] and len(damaged) == 3
    # A month on, age alone would keep only the newest three: the check keeps the good one.
    gone = backup.rotate(path, 3, now=datetime.now(UTC) + timedelta(days=60))
    assert gone == [] and backup.backups_of(path) == [good, *damaged]
    assert [backup.passed(p) for p in (good, *damaged)] == [True, False, False, False]
    assert _restored_count(tmp_path, good) == 0
    _edit(path, "one more")  # the next close rotates by today's date: still there
    assert good in backup.backups_of(path)


def test_a_backup_that_was_good_stays_through_damage_in_an_encrypted_case(tmp_path):
    path = tmp_path / "c.casefile"
    phrase = "pass phrase words"
    Case.create(path, "Backups", passphrase=phrase).close()
    _edit(path, "first", passphrase=phrase)
    [good] = backup.backups_of(path)
    assert backup.check(good, CaseKey(phrase)) is True
    assert backup.check(good, CaseKey("another phrase")) is False
    assert backup.check(good, None) is False


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
    assert _restored_count(tmp_path, made) == 2


def test_migration_backups_are_not_rotated(tmp_path):
    path = tmp_path / "c.casefile"
    Case.create(path, "Backups").close()
    (tmp_path / "c.casefile.before-format-2-20240101T000000.000000Z.bak").write_bytes(b"old")
    for i in range(5):
        _edit(path, f"incident {i}")
    assert (tmp_path / "c.casefile.before-format-2-20240101T000000.000000Z.bak").exists()
    assert len(backup.backups_of(path)) == 4
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
    assert _restored_count(tmp_path, made, passphrase="pass phrase words") == 2


def test_backups_of_a_symlinked_case_go_beside_its_real_file(tmp_path):
    home, elsewhere = tmp_path / "cases", tmp_path / "desktop"
    home.mkdir()
    elsewhere.mkdir()
    real = home / "c.casefile"
    Case.create(real, "Linked").close()
    link = elsewhere / "shortcut.casefile"
    link.symlink_to(real)
    with Case.open(link) as case:
        assert case.path == link  # shown as given
        with pytest.raises(CaseLocked):  # one lock, whichever name opens it
            Case.open(real)
        with case.session() as s:
            s.add(Incident(title="through the link"))
    assert sorted(p.name for p in elsewhere.iterdir()) == ["shortcut.casefile"]
    [made] = backup.backups_of(link)
    assert made.parent == home and made.name.startswith("c.casefile.backup-")
    assert backup.backups_of(real) == [made]


KILLED_DURING_BACKUP = """
import os, shutil, signal, sys
from casefile.model import Incident
from casefile.store import Case

def copy_then_die(src, dst):
    with open(src, "rb") as f, open(dst, "wb") as out:
        out.write(f.read(4096))
        out.flush()
    os.kill(os.getpid(), signal.SIGKILL)

shutil.copyfile = copy_then_die
with Case.open(sys.argv[1]) as case:
    with case.session() as s:
        s.add(Incident(title="saved before the kill"))
"""


def test_a_backup_killed_half_way_is_cleaned_up_at_the_next_open(tmp_path):
    path = tmp_path / "c.casefile"
    Case.create(path, "Killed").close()
    killed = subprocess.run([sys.executable, "-c", KILLED_DURING_BACKUP, str(path)], capture_output=True,
                            timeout=120)
    assert killed.returncode == -9
    [partial] = tmp_path.glob("*.partial")
    assert partial.name.startswith("c.casefile.backup-")
    assert backup.backups_of(path) == []  # never taken for a backup
    assert run_cli("info", path).returncode == 0  # the next opening cleans it up
    assert not list(tmp_path.glob("*.partial"))
    assert _count(path) == 1  # the change itself was committed before the kill


def test_the_check_of_a_backup(tmp_path):
    path = tmp_path / "c.casefile"
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.bin").write_bytes(os.urandom(200_000))
    Case.create(path, "Checked").close()
    with Case.open(path) as case:
        evidence.intake(case, tmp_path / "empty.txt")  # a file of no chunks at all
        evidence.intake(case, tmp_path / "photo.bin")
    [made] = backup.backups_of(path)
    assert backup.check(made, None) is True
    cut = tmp_path / "cut.bak"
    cut.write_bytes(made.read_bytes()[: made.stat().st_size // 2])  # a copy cut short
    assert backup.check(cut, None) is False
    edited = tmp_path / "edited.bak"
    shutil.copyfile(made, edited)
    with sqlite3.connect(edited) as conn:  # the history rewritten behind Casefile's back
        conn.execute("UPDATE audit_entry SET who = 'someone else' WHERE seq = 1")
    conn.close()
    assert backup.check(edited, None) is False
