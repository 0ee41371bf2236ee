"""The sole writer: a rollback journal instead of the WAL while a command has
the case to itself, so evidence bytes are written once (Case.sole_writer).

Real case files throughout; the crash tests kill a real process in the middle
of a large intake and open what it left behind.
"""

from __future__ import annotations

import importlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casefile.errors import WrongPassphrase
from casefile.model import Evidence, Incident
from casefile.services import evidence, verify
from casefile.store import Case

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "sole writer passphrase"


def journal_mode(case: Case) -> str:
    with case.engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA journal_mode").scalar()


def header_says_wal(path: Path) -> bool:
    """Bytes 18-19 of a plain SQLite header: 2 = WAL, 1 = rollback journal."""
    return path.read_bytes()[18:20] == b"\x02\x02"


def companions(path: Path) -> set[str]:
    return {p.name[len(path.name):] for p in path.parent.glob(path.name + "-*")}


def test_inside_a_rollback_journal_and_back_to_wal_after(case, tmp_path):
    (tmp_path / "photo.bin").write_bytes(os.urandom(3 << 20))
    with case.sole_writer() as sole:
        assert sole and case.sole
        assert journal_mode(case) == "delete"
        item = evidence.intake(case, tmp_path / "photo.bin")
    assert not case.sole
    assert journal_mode(case) == "wal"
    assert "-journal" not in companions(case.path)
    assert evidence.read_all(case, item.code) == (tmp_path / "photo.bin").read_bytes()
    assert verify.verify(case) == []
    case.close()
    assert header_says_wal(case.path)


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE])
def test_the_lent_connection_comes_from_the_pool_and_goes_back_to_it(tmp_path, monkeypatch, passphrase):
    """No new connection for the lend when one is idle, none for the first
    query after it: the lent one, back in WAL and armed for the seal, is the
    pool's next. A new passphrase does not reuse it (it holds the old key)."""
    from casefile.store import case as case_module

    opened: list[Path] = []
    real = case_module.connect
    monkeypatch.setattr(case_module, "connect", lambda path, *args, **kw: opened.append(path) or real(path, *args, **kw))
    case = Case.create(tmp_path / "pool.casefile", "Pool", documenter="ana", passphrase=passphrase)
    (tmp_path / "clip.bin").write_bytes(os.urandom(2 << 20))
    with case.connection() as conn:
        conn.exec_driver_sql("SELECT 1")  # an idle connection in the pool
    before = len(opened)
    with case.sole_writer() as sole:
        assert sole
        item = evidence.intake(case, tmp_path / "clip.bin")
    assert journal_mode(case) == "wal"
    with case.session("ana") as session:  # written through the lent connection, and sealed
        session.get(Evidence, item.id).note = "after the lend"
    assert len(opened) == before
    (tmp_path / "clip2.bin").write_bytes(os.urandom(2 << 20))
    with case.sole_writer() as sole:  # a second lend, through the same engine on this lend's connection
        assert sole and journal_mode(case) == "delete"
        second = evidence.intake(case, tmp_path / "clip2.bin")
    assert journal_mode(case) == "wal" and len(opened) == before
    assert evidence.read_all(case, second.code) == (tmp_path / "clip2.bin").read_bytes()
    assert verify.verify(case) == []
    if passphrase:
        with case.sole_writer():  # leaves its connection, under the old key, for the pool
            pass
        case.change_passphrase("a new passphrase for the pool")
        assert evidence.read_all(case, item.code) == (tmp_path / "clip.bin").read_bytes()
        assert len(opened) > before
    case.close()
    assert verify.verify(Case.open(case.path, passphrase="a new passphrase for the pool" if passphrase else None)) == []


def test_a_failure_inside_rolls_back_and_the_case_returns_to_wal(case):
    with pytest.raises(RuntimeError):
        with case.sole_writer():
            with case.session() as session:
                session.add(Incident(title="never committed"))
                session.flush()
                raise RuntimeError("interrupted")
    assert journal_mode(case) == "wal"
    with case.session() as session:
        assert session.scalar(select(func.count()).select_from(Incident)) == 0
        session.add(Incident(title="after"))  # the shared pool works again


def test_another_connection_in_use_keeps_the_wal(case, tmp_path):
    """The mode can only change on the sole connection: with a reader open
    the intake still works, through the WAL, and needs its size twice."""
    (tmp_path / "a.txt").write_text("testimonio", encoding="utf-8")
    with case.engine.connect() as reader, reader.begin():
        reader.exec_driver_sql("SELECT count(*) FROM incident").scalar()
        with case.sole_writer() as sole:
            assert not sole and not case.sole
            item = evidence.intake(case, tmp_path / "a.txt")
    assert journal_mode(case) == "wal"
    assert evidence.get(case, item.code).size == len(b"testimonio")


def test_nested_sole_writer_is_one(case):
    with case.sole_writer() as outer, case.sole_writer() as inner:
        assert outer and inner
        assert journal_mode(case) == "delete"
    assert journal_mode(case) == "wal"


# -- killed in the middle --------------------------------------------------------

STUCK_INTAKE = r"""
import os, sys, time
from casefile.store import Case
from casefile.services.evidence.intake import intake as evidence_intake

case_path, file_path, passphrase = sys.argv[1], sys.argv[2], sys.argv[3] or None
case = Case.open(case_path, passphrase=passphrase)


def progress(done, total):
    # Past the page cache (32 MiB): changed pages are in the case file, the
    # originals in the journal. Stop here and wait for the kill.
    if done >= 40 << 20:
        os.write(1, b"STUCK\n")
        time.sleep(60)


with case.sole_writer():
    evidence_intake(case, file_path, progress=progress)
"""


def killed_mid_intake(tmp_path: Path, passphrase: str | None) -> Path:
    path = tmp_path / "hot.casefile"
    with Case.create(path, "Hot journal", documenter="Ana", passphrase=passphrase) as case:
        with case.session() as session:
            session.add(Incident(title="before the crash"))
    (tmp_path / "video.bin").write_bytes(os.urandom(48 << 20))
    proc = subprocess.Popen([sys.executable, "-c", STUCK_INTAKE, str(path), str(tmp_path / "video.bin"),
                             passphrase or ""], stdout=subprocess.PIPE, cwd=ROOT)
    try:
        assert proc.stdout.readline() == b"STUCK\n"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
    assert (tmp_path / "hot.casefile-journal").stat().st_size > 0  # a hot journal: the case is mid-transaction
    return path


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE], ids=["plain", "encrypted"])
def test_killed_mid_intake_opens_as_before(tmp_path, passphrase):
    path = killed_mid_intake(tmp_path, passphrase)
    # The journal holds pages as they were on disk: the schema (page 1) in
    # clear in a plain case, nothing readable in an encrypted one.
    journal = Path(f"{path}-journal").read_bytes()
    assert (b"CREATE TABLE" in journal) is (passphrase is None)
    with Case.open(path, passphrase=passphrase) as case:
        assert "-journal" not in companions(path)
        assert journal_mode(case) == "wal"
        with case.session() as session:
            assert session.scalars(select(Incident.title)).all() == ["before the crash"]
            assert session.scalar(select(func.count()).select_from(Evidence)) == 0
        assert verify.verify(case) == []
        item = evidence.intake(case, tmp_path / "video.bin")  # and the file goes in on a second try
        assert [(f.code, f.ok) for f in evidence.verify_evidence(case)] == [(item.code, True)]


def test_killed_mid_intake_then_a_wrong_passphrase(tmp_path):
    """The journal holds pages as they were on disk, so even a wrong
    passphrase rolls back to a consistent case; it is then refused, and the
    right one opens it."""
    path = killed_mid_intake(tmp_path, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Case.open(path, passphrase="not the passphrase")
    with Case.open(path, passphrase=PASSPHRASE) as case:
        with case.session() as session:
            assert session.scalars(select(Incident.title)).all() == ["before the crash"]
        assert verify.verify(case) == []


# -- who uses it: add-evidence, for large files ---------------------------------------

def test_fastest_journal_is_the_sole_writer_for_large_files_only(case, tmp_path, monkeypatch):
    # the module, not the function of the same name that the package exports
    evidence_intake = importlib.import_module("casefile.services.evidence.intake")

    monkeypatch.setattr(evidence_intake, "SOLE_FROM", 1 << 20)
    (tmp_path / "photo.jpg").write_bytes(os.urandom(300_000))
    (tmp_path / "video.mp4").write_bytes(os.urandom(2 << 20))
    for name, sole in (("photo.jpg", False), ("video.mp4", True), ("missing.mp4", False)):
        with evidence.fastest_journal(case, tmp_path / name):
            assert case.sole is sole, name
    assert journal_mode(case) == "wal"


def test_add_evidence_takes_a_large_file_in_through_the_journal(tmp_path, monkeypatch):
    from casefile.cli import main
    # the module, not the function of the same name that the package exports
    evidence_intake = importlib.import_module("casefile.services.evidence.intake")

    monkeypatch.setattr(evidence_intake, "SOLE_FROM", 1 << 20)
    path = tmp_path / "c.casefile"
    Case.create(path, "CLI", documenter="Ana").close()
    used = []
    real = Case.sole_writer

    def watched(self):
        used.append(True)
        return real(self)

    monkeypatch.setattr(Case, "sole_writer", watched)
    (tmp_path / "note.txt").write_text("testimonio", encoding="utf-8")
    (tmp_path / "video.mp4").write_bytes(os.urandom(3 << 20))
    assert main(["add-evidence", str(path), str(tmp_path / "note.txt"), str(tmp_path / "video.mp4")]) == 0
    assert used == [True]  # the large file only
    assert "-journal" not in companions(path) and header_says_wal(path)
    with Case.open(path) as case:
        assert [(f.code, f.ok) for f in evidence.verify_evidence(case)] == [("EVI-0001", True), ("EVI-0002", True)]


def test_a_garbage_journal_is_ignored(tmp_path):
    """A journal without SQLite's header (planted, or damaged) holds nothing
    to roll back: SQLite discards it and the case opens as it was."""
    path = tmp_path / "g.casefile"
    with Case.create(path, "Garbage journal") as case, case.session() as session:
        session.add(Incident(title="kept"))
    # Not starting with a zero byte: SQLite leaves such a journal where it is, as no journal
    # at all (harmless, but then not discarded); random bytes did so once in 256 runs.
    Path(f"{path}-journal").write_bytes(b"\xff" + os.urandom(69_999))
    with Case.open(path) as case:
        assert "-journal" not in companions(path)
        with case.session() as session:
            assert session.scalars(select(Incident.title)).all() == ["kept"]
        assert verify.verify(case) == []


def test_a_cancelled_or_changed_file_leaves_nothing_and_wal_after(case, tmp_path):
    from casefile.services.evidence.intake import IntakeError
    from casefile.store.chunks import Cancelled

    with case.connection() as conn:
        before = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                  for t in ("chunk", "blob", "evidence", "custody_event", "audit_entry")}
    video = tmp_path / "video.mp4"
    video.write_bytes(os.urandom(4 << 20))

    def grow(done, total):  # the recording is still being written
        with open(video, "ab") as f:
            f.write(b"more")

    with case.sole_writer():
        with pytest.raises(Cancelled):
            evidence.intake(case, video, cancelled=lambda: True)
        with pytest.raises(IntakeError, match="changed while it was being read"):
            evidence.intake(case, video, progress=grow)
    assert journal_mode(case) == "wal" and "-journal" not in companions(case.path)
    with case.connection() as conn:
        assert {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in before} == before
    assert verify.verify(case) == []


def test_add_evidence_links_a_large_file_through_the_journal(tmp_path, monkeypatch):
    from casefile.cli import main
    # the module, not the function of the same name that the package exports
    evidence_intake = importlib.import_module("casefile.services.evidence.intake")

    monkeypatch.setattr(evidence_intake, "SOLE_FROM", 1 << 20)
    path = tmp_path / "c.casefile"
    with Case.create(path, "CLI", documenter="Ana") as case, case.session() as session:
        session.add(Incident(title="Detention at the roadblock"))
    (tmp_path / "video.mp4").write_bytes(os.urandom(3 << 20))
    assert main(["add-evidence", str(path), str(tmp_path / "video.mp4"), "--link", "INC-0001",
                 "--relation", "depicts", "--note", "from the road"]) == 0
    with Case.open(path) as case:
        with case.connection() as conn:
            assert conn.exec_driver_sql("SELECT relation FROM evidence_link").scalars().all() == ["depicts"]
            assert conn.exec_driver_sql("SELECT action FROM custody_event ORDER BY id").scalars().all() == [
                "acquired", "linked"]
        assert verify.verify(case) == []


def test_no_new_connection_falls_back_to_the_wal(case, tmp_path, monkeypatch):
    """If the sole connection cannot be opened (here: SQLite refuses it), the
    intake still runs, through the WAL, instead of failing with a traceback."""
    from casefile.store import case as case_module

    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    (tmp_path / "a.bin").write_bytes(os.urandom(2 << 20))
    case.engine.dispose()  # no idle connection to lend: it needs a new one
    monkeypatch.setattr(case_module, "connect", refuse)
    with case.sole_writer() as sole:
        assert not sole
        monkeypatch.undo()  # the shared pool opens its connections as usual
        item = evidence.intake(case, tmp_path / "a.bin")
    assert [(f.code, f.ok) for f in evidence.verify_evidence(case)] == [(item.code, True)]


# -- lent to one thread: the window's intake ------------------------------------------

def test_the_case_is_lent_to_the_sole_writers_thread_only(case, tmp_path):
    """Another thread that reaches for the case meanwhile is told at once that
    it is busy, instead of waiting for the whole intake on its lock (or
    writing inside the intake's transaction); the changes committed meanwhile
    reach listeners once it is done, together."""
    import threading

    from casefile.store import CaseBusy

    told: list[dict] = []
    case.subscribe(told.append)
    (tmp_path / "video.mp4").write_bytes(os.urandom(2 << 20))
    seen: dict[str, object] = {}

    def other_thread():
        seen["lent"], seen["sole"] = case.lent, case.sole
        try:
            with case.session() as session:
                session.scalar(select(func.count()).select_from(Incident))
        except CaseBusy as error:
            seen["error"] = str(error)

    with case.sole_writer() as sole:
        assert sole and case.sole and not case.lent
        with case.session() as session:
            session.add(Incident(title="written by the sole writer"))
        item = evidence.intake(case, tmp_path / "video.mp4")
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        assert told == []  # held: a listener in the window could not read the case now
    assert seen == {"lent": True, "sole": False,
                    "error": "test.casefile is busy taking in a large file; try again when it is done."}
    assert told == [{"incident": {1}, "evidence": {item.id}, "custody_event": {1}}] and not case.lent
    with case.session() as session:  # every thread has the shared pool again
        assert session.scalars(select(Incident.title)).all() == ["written by the sole writer"]


def test_closing_waits_for_the_sole_writer_on_another_thread(tmp_path):
    """The window closes its case (a lock, quitting) after cancelling an
    intake; should the intake still be committing, closing waits for it
    instead of failing half way with the case's lock still held."""
    import threading

    path = tmp_path / "lent.casefile"
    case = Case.create(path, "Lent", documenter="Ana")
    inside, go = threading.Event(), threading.Event()

    def intake():
        with case.sole_writer(), case.session() as session:
            session.add(Incident(title="committed while closing waited"))
            inside.set()
            go.wait(10)

    worker = threading.Thread(target=intake)
    worker.start()
    assert inside.wait(10) and case.lent
    threading.Timer(0.2, go.set).start()
    case.close()
    worker.join()
    assert case.closed and go.is_set()  # closed only once the writer was done
    with Case.open(path) as again:  # the lock was let go, and the row is in
        with again.session() as session:
            assert session.scalars(select(Incident.title)).all() == ["committed while closing waited"]
        assert verify.verify(again) == []
