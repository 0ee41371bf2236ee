"""Rotating backups kept next to the case: ``NAME.casefile.backup-<UTC>.bak``.

A backup is a byte copy of the checkpointed case file, so an encrypted case
stays encrypted under the same key without ever being decrypted. When a
checkpoint cannot complete (another connection still reads an old snapshot),
a consistent copy is written instead: ``VACUUM INTO`` for a plain case,
``sqlcipher_export`` under the case's own key and salt for an encrypted one.
Copies are written under a temporary name, synced, then renamed, so a crash
never leaves a half backup that looks whole.

Backups before a migration (``NAME.casefile.before-format-N-<UTC>.bak``) are
not rotated: they are the way back to the older format.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..model import utcnow
from .connection import CaseKey, connect, encrypted_copy, salt_of

DEFAULT_KEEP = 3
# A rotating backup copies the whole file at every close that follows a
# change. For a case of tens of GB of evidence that copy would hold up the
# close (and the idle lock) for minutes and take three times the case's size
# on disk, so above this size there are none. Such a case is backed up by
# copying it to other media. Backups before a migration are always made.
ROTATING_LIMIT = 1 << 30
STAMP = "%Y%m%dT%H%M%S.%fZ"  # sorts by time; microseconds keep two backups in one second apart


def backups_of(path: Path) -> list[Path]:
    """The rotating backups of ``path``, oldest first."""
    path = Path(path)
    return sorted(p for p in path.parent.glob(f"{_glob_escape(path.name)}.backup-*.bak") if p.is_file())


def make_backup(path: Path, key: CaseKey | None, *, keep: int = DEFAULT_KEEP) -> Path | None:
    """Back up a case whose engine is closed (the caller holds the case lock),
    then delete all but the newest ``keep`` backups. No backup when ``keep <=
    0`` or the case is larger than ``ROTATING_LIMIT``."""
    path = Path(path)
    if keep <= 0 or path.stat().st_size > ROTATING_LIMIT:
        return None
    target = path.with_name(f"{path.name}.backup-{utcnow().strftime(STAMP)}.bak")
    _snapshot(path, key, target)
    rotate(path, keep)
    return target


def backup_before_migration(path: Path, key: CaseKey | None, *, to_format: int) -> Path:
    path = Path(path)
    target = path.with_name(f"{path.name}.before-format-{to_format}-{utcnow().strftime(STAMP)}.bak")
    _snapshot(path, key, target)
    return target


def rotate(path: Path, keep: int) -> list[Path]:
    """Delete the oldest rotating backups beyond ``keep``; returns what went."""
    old = backups_of(path)[: -keep] if keep > 0 else []
    for p in old:
        p.unlink(missing_ok=True)
    return old


def _snapshot(path: Path, key: CaseKey | None, target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    conn = connect(path, key)
    try:
        # PASSIVE never waits for a reader; if it could not copy every frame
        # home, the main file alone is not the case and VACUUM INTO takes over.
        busy, log_frames, checkpointed = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        if busy == 0 and log_frames in (0, checkpointed, -1):
            # Everything is in the main file and nobody writes (we hold the lock
            # and our engine is closed): the bytes are the case.
            shutil.copyfile(path, partial)
        else:
            partial.unlink(missing_ok=True)
            if key is None:
                conn.execute("VACUUM INTO ?", (str(partial),))
            else:  # same key and salt as the case, so its passphrase opens the backup
                encrypted_copy(conn, partial, key, salt_of(path))
        _fsync(partial)
        os.replace(partial, target)
        _fsync_dir(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        conn.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":  # a directory cannot be opened for fsync on Windows
        _fsync(path)


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
