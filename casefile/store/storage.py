"""The disk under a case: read-only media and full disks.

A case on a read-only medium (a mounted USB stick, a write-protected folder or
file) is opened read-only: SQLite then creates no companion files and
nothing is written, so commands that only read still work. A full disk
makes SQLite fail while it sets up the write-ahead log (``disk I/O error``)
or while it commits (``database or disk is full``); both are told to the
user in one line, and a half-made log index left by such a failed opening is
removed at the next open, so that the case is never called damaged for it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import DBAPIError

from ..errors import CasefileError
from ..i18n import translate
from .connection import allowed, hot_journal

# Below this, a writable opening (a 32 KiB WAL index, then WAL frames of
# 64 KiB pages) cannot work: the case is read as on a read-only medium.
MIN_FREE = 1 << 20
_SHM_MIN = 32768  # a WAL index SQLite finished making is at least this long


# What a full disk or a read-only file system raises, directly or through SQLAlchemy.
DISK_ERRORS = (OSError, DBAPIError, sqlite3.Error, sqlcipher.Error)


class CaseReadOnly(CasefileError):
    """The case is on a read-only medium, or there is no room to change it."""


def real_path(path: Path) -> Path:
    """The file a (possibly symlinked) case path stands for: its backups and
    companions belong beside this one."""
    return Path(os.path.realpath(path))


def companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def free_bytes(folder: Path) -> int | None:
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):  # Windows has no statvfs
        return None
    return st.f_bavail * st.f_frsize


READ_ONLY = "read-only"
FULL = "full"


def why_not_writable(path: Path) -> str | None:
    """None when the case can be changed; else ``READ_ONLY`` or ``FULL``.

    SQLite writes the file and creates its ``-wal``/``-shm`` beside it, so
    both the file and its folder must be writable (``allowed`` honours a
    read-only mount even for root), and there must be some room."""
    real = real_path(path)
    if not allowed(real, os.W_OK) or not allowed(real.parent, os.W_OK):
        return READ_ONLY
    free = free_bytes(real.parent)
    if free is not None and free < MIN_FREE:
        return FULL
    return None


def check_can_create(path: Path) -> None:
    """One line before a new case is begun in a read-only folder or on a full disk."""
    folder = real_path(path.parent)
    if not allowed(folder, os.W_OK):
        raise CaseReadOnly(translate("Storage", "{path} cannot be created: its folder is read-only").format(path=path))
    free = free_bytes(folder)
    if free is not None and free < MIN_FREE:
        raise CaseReadOnly(not_created_message(path))


def not_created_message(path: Path) -> str:
    return translate("Storage", "no space left on device: {path} was not created").format(path=path)


def read_only_error(path: Path, why: str) -> CaseReadOnly:
    """The one line for a change refused because of ``why``."""
    if why == FULL:
        return CaseReadOnly(no_space_message(path))
    return CaseReadOnly(translate(
        "Storage", "{path} is read-only: it cannot be changed here (copy it to a writable folder to work on it)"
    ).format(path=path))


def no_space_message(path: Path) -> str:
    return translate(
        "Storage", "no space left on device: {path} was not changed; free some space and try again").format(path=path)


def check_readable_here(path: Path) -> None:
    """A case left unclosed keeps its last changes in ``-wal``; without the
    ``-shm`` index beside it, SQLite cannot read that log on a read-only
    medium (and must not make one): say so rather than show older data."""
    real = real_path(path)
    wal = companion(real, "-wal")
    if hot_journal(real) or (
            wal.is_file() and wal.stat().st_size and not companion(real, "-shm").is_file()):
        raise CaseReadOnly(translate(
            "Storage", "{path} was not closed cleanly and is read-only here, so its last changes cannot be "
            "read: copy it with the files beside it to a writable folder and open it there").format(path=path))


def is_disk_full(error: BaseException, folder: Path | None = None) -> bool:
    """Does ``error`` (an OSError, a DB-API error, or SQLAlchemy's wrapper of
    one) mean that the disk is full? SQLite says "disk I/O error" when it
    cannot size its WAL index on a full disk, so that one counts only when
    the folder really has no room left."""
    error = getattr(error, "orig", None) or error
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    if isinstance(error, (sqlite3.Error, sqlcipher.Error)):
        text = str(error).lower()
        if "database or disk is full" in text:
            return True
        if "disk i/o error" in text and folder is not None:
            free = free_bytes(folder)
            return free is not None and free < MIN_FREE
    return False


def clear_half_made_index(path: Path) -> None:
    """Remove an empty ``-wal`` and the unfinished ``-shm`` beside it that an
    opening on a full disk left behind (the caller holds the case lock and no
    connection is open). An empty log holds nothing to recover; SQLite reads
    such an index as damage and would refuse the case until space is freed."""
    real = real_path(path)
    wal, shm = companion(real, "-wal"), companion(real, "-shm")
    try:
        if wal.stat().st_size != 0 or shm.stat().st_size >= _SHM_MIN:
            return
    except FileNotFoundError:
        return
    for p in (shm, wal):
        try:
            p.unlink()
        except OSError:  # read-only: then it is read as immutable anyway
            return


def trouble_message(error: BaseException, near: Iterable[str | Path] = ()) -> str | None:
    """One line for an error that comes from the disk, not from Casefile (a
    full disk, a read-only file system), or None. ``near``: paths whose
    folders count for SQLite's vague "disk I/O error"."""
    folders: list[Path | None] = [real_path(Path(p)).parent for p in near if p]
    if any(is_disk_full(error, folder) for folder in folders or [None]):
        return translate("Storage", "no space left on device: nothing more was written; free some space and try again")
    error = getattr(error, "orig", None) or error
    if (isinstance(error, OSError) and error.errno == errno.EROFS) or (
            isinstance(error, (sqlite3.Error, sqlcipher.Error)) and "readonly database" in str(error).lower()):
        return translate("Storage", "read-only file system: nothing was written")
    return None
