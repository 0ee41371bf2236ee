"""Early write-back (store/writeback.py): the disk writes a growing file while
the writer still works; a failure is kept for the caller to act on."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casefile.model import Evidence
from casefile.services import evidence
from casefile.store import writeback
from casefile.store.writeback import Writeback


def counting_sync(monkeypatch) -> list[int]:
    """Count the real syncs (the real call still runs)."""
    calls: list[int] = []
    real = writeback._sync

    def sync(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(writeback, "_sync", sync)
    return calls


def counting_drops(monkeypatch) -> list[tuple[int, int]]:
    """Count the real POSIX_FADV_DONTNEED calls: (offset, length)."""
    calls: list[tuple[int, int]] = []
    real = os.posix_fadvise

    def fadvise(fd: int, offset: int, length: int, advice: int) -> None:
        if advice == os.POSIX_FADV_DONTNEED:
            calls.append((offset, length))
        real(fd, offset, length, advice)

    monkeypatch.setattr(os, "posix_fadvise", fadvise)
    return calls


def test_syncs_each_time_another_step_has_gone_in(tmp_path, monkeypatch):
    calls = counting_sync(monkeypatch)
    path = tmp_path / "growing.bin"
    path.write_bytes(b"")
    with open(path, "ab") as out, Writeback(path, size=8 << 20, reread=True, every=1 << 20) as flush:
        for step in range(1, 9):
            out.write(os.urandom(1 << 20))
            out.flush()
            flush.wrote(step << 20)
            flush.wrote(step << 20)  # no new step: no new sync asked for
    assert 1 <= len(calls) <= 8  # asks coalesce while a sync runs
    assert flush.error is None


def test_small_writes_start_no_thread(tmp_path, monkeypatch):
    calls = counting_sync(monkeypatch)
    (tmp_path / "small.bin").write_bytes(b"x")
    before = threading.active_count()
    with Writeback(tmp_path / "small.bin", size=1 << 20, reread=True, every=4 << 20) as flush:
        assert threading.active_count() == before
        flush.wrote(1 << 20)
    assert calls == []


def test_a_missing_file_is_nothing_to_help_with(tmp_path):
    with Writeback(tmp_path / "absent-wal", size=1 << 30, reread=True, every=1) as flush:
        flush.wrote(10)
    assert flush.error is None


def test_a_failed_sync_is_kept_for_the_caller():
    """/dev/null cannot be synced (EINVAL): the error comes back, not lost in a thread."""
    with Writeback(Path(os.devnull), size=10, reread=True, every=1) as flush:
        flush.wrote(5)
    assert isinstance(flush.error, OSError)


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="no posix_fadvise here")
def test_pages_not_read_again_are_dropped_from_where_the_file_ended(tmp_path, monkeypatch):
    drops, syncs = counting_drops(monkeypatch), counting_sync(monkeypatch)
    path = tmp_path / "case.bin"
    path.write_bytes(b"\0" * 65536)  # what was there before stays cached
    with open(path, "ab") as out, Writeback(path, size=4 << 20, reread=False, every=1 << 20) as flush:
        for step in range(1, 5):
            out.write(os.urandom(1 << 20))
            out.flush()
            flush.wrote(step << 20)
    assert drops and all(d == (65536, 0) for d in drops) and syncs == []


def test_a_mid_size_file_not_read_again_is_written_back_in_steps(tmp_path, monkeypatch):
    """A sole writer's 16 MiB file is written back in eighths (no less than
    4 MiB at a time), not left whole for the commit's fsync; through the WAL
    (synced, so each step costs a device flush) it waits for 64 MiB."""
    drops, syncs = counting_drops(monkeypatch), counting_sync(monkeypatch)
    for reread in (False, True):
        path = tmp_path / f"case-{reread}.bin"
        path.write_bytes(b"")
        with open(path, "ab") as out, Writeback(path, size=16 << 20, reread=reread) as flush:
            for step in range(1, 17):
                out.write(os.urandom(1 << 20))
                out.flush()
                flush.wrote(step << 20)
    assert 1 <= len(drops) <= 4 and syncs == []


def test_large_intake_writes_back_early_in_both_journal_modes(case, tmp_path, monkeypatch):
    syncs, drops = counting_sync(monkeypatch), counting_drops(monkeypatch)
    monkeypatch.setattr(writeback, "EVERY", 1 << 20)
    (tmp_path / "video.bin").write_bytes(os.urandom(6 << 20))
    first = evidence.intake(case, tmp_path / "video.bin")  # through the WAL: synced, stays cached
    assert len(syncs) >= 1 and drops == []
    with case.sole_writer():
        (tmp_path / "video2.bin").write_bytes(os.urandom(6 << 20))
        second = evidence.intake(case, tmp_path / "video2.bin")  # the sole writer's new pages: dropped
    assert len(drops) >= 1
    assert [(f.code, f.ok) for f in evidence.verify_evidence(case)] == [(first.code, True), (second.code, True)]


def test_a_failed_write_back_during_an_intake_keeps_nothing(case, tmp_path, monkeypatch):
    """The intake waits for the write-back before it commits: a sync that
    fails on the way is seen in time, and the file is refused whole."""
    import errno

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(writeback, "_sync", failing)
    monkeypatch.setattr(writeback, "EVERY", 1 << 20)
    (tmp_path / "video.bin").write_bytes(os.urandom(6 << 20))
    with pytest.raises(evidence.IntakeError, match="cannot store it in the case.*nothing was kept"):
        evidence.intake(case, tmp_path / "video.bin")  # through the WAL: synced every MiB
    with case.session() as session:
        assert session.scalar(select(func.count()).select_from(Evidence)) == 0
