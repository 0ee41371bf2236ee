"""Rotating backups kept next to the case: ``NAME.casefile.backup-<UTC>.bak``.

A backup is a byte copy of the checkpointed case file, so an encrypted case
stays encrypted under the same key without ever being decrypted. When a
checkpoint cannot complete (another connection still reads an old snapshot),
a consistent copy is written instead: ``VACUUM INTO`` for a plain case,
``sqlcipher_export`` under the case's own key and salt for an encrypted one.
Copies are written under a temporary name (``.partial``), synced, then
renamed, so a crash never leaves a half backup that looks whole; a
``.partial`` left by a killed process is removed at the next open.

A backup is written when a case that was changed closes; commands that only
read write none. Backups sit beside the real file of a symlinked case.

Rotation is by age, not by count. Kept are:

- the newest ``keep`` backups (3 by default: the last few sessions);
- the oldest backup of each of the last ``DAILY`` (7) days, today included
  (local calendar days), so the state at the start of each day survives a
  day of damaging edits;
- the oldest backup of each of the last ``WEEKLY`` (5) calendar weeks;
- the newest backup that passed its check, whatever its age.

That is at most about 15 copies of the case. Before an older backup is
dropped, the newest one is checked, and if it fails the one before it, and
so on until one passes: it must open read-only (with the case's key if
encrypted), pass ``PRAGMA quick_check``, its history chain must recompute,
every chunk of stored evidence must still hash to its name, and every
evidence file must still have all its chunks. That reads the backup about
once (0.3 GiB: about 1 s plain, 3 s encrypted). The result goes into a hidden marker beside the backup
(``.NAME.casefile.backup-<UTC>.bak.checked``: "ok" or "failed"), so each
backup is read for its check once at most. A case whose evidence was
damaged therefore never rotates out its last good backup, however many
sessions follow.

Backups before a migration (``NAME.casefile.before-format-N-<UTC>.bak``) are
not rotated: they are the way back to the older format.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from ..model import utcnow
from . import audit, chunks
from .connection import CaseKey, connect, encrypted_copy, salt_of
from .storage import real_path

DEFAULT_KEEP = 3  # the newest backups kept whatever their age
DAILY = 7  # days back for which the first backup of the day is kept
WEEKLY = 5  # calendar weeks back for which the first backup of the week is kept
# A rotating backup copies the whole file at every close that follows a
# change. For a case of tens of GB of evidence that copy would hold up the
# close (and the idle lock) for minutes and take many times the case's size
# on disk, so above this size there are none. Such a case is backed up by
# copying it to other media. Backups before a migration are always made.
ROTATING_LIMIT = 1 << 30
STAMP = "%Y%m%dT%H%M%S.%fZ"  # sorts by time; microseconds keep two backups in one second apart
_PREFIX = ".backup-"


def backups_of(path: Path) -> list[Path]:
    """The rotating backups of ``path``, oldest first (beside its real file)."""
    path = real_path(Path(path))
    return sorted(p for p in path.parent.glob(f"{_glob_escape(path.name)}{_PREFIX}*.bak") if p.is_file())


def make_backup(path: Path, key: CaseKey | None, *, keep: int = DEFAULT_KEEP) -> Path | None:
    """Back up a case whose engine is closed (the caller holds the case lock),
    then rotate the older backups. No backup when ``keep <= 0`` or the case
    is larger than ``ROTATING_LIMIT``."""
    path = real_path(Path(path))
    if keep <= 0 or path.stat().st_size > ROTATING_LIMIT:
        return None
    target = path.with_name(f"{path.name}{_PREFIX}{utcnow().strftime(STAMP)}.bak")
    _snapshot(path, key, target)
    rotate(path, keep, key)
    return target


def backup_before_migration(path: Path, key: CaseKey | None, *, to_format: int) -> Path:
    path = real_path(Path(path))
    target = path.with_name(f"{path.name}.before-format-{to_format}-{utcnow().strftime(STAMP)}.bak")
    _snapshot(path, key, target)
    return target


def rotate(path: Path, keep: int, key: CaseKey | None = None, *, now: datetime | None = None) -> list[Path]:
    """Delete the rotating backups the age rule no longer keeps; returns what
    went. The newest backup that passes its check stays, whatever its age."""
    if keep <= 0:
        return []
    backups = backups_of(path)
    kept = _kept_by_age(backups, keep, now or datetime.now(UTC))
    dropped = [p for p in backups if p not in kept]
    if not dropped:
        return []
    good = next((p for p in reversed(backups) if _passes(p, key)), None)
    dropped = [p for p in dropped if p != good]
    for p in dropped:
        p.unlink(missing_ok=True)
        _marker(p).unlink(missing_ok=True)
    return dropped


def passed(backup: Path) -> bool | None:
    """Did this backup pass its check? None: not checked yet."""
    try:
        result = _marker(backup).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return {"ok": True, "failed": False}.get(result)  # a marker cut short by a full disk: not checked


def _passes(backup: Path, key: CaseKey | None) -> bool:
    """The recorded result of the backup's check; checked now if it has none."""
    result = passed(backup)
    if result is None:
        result = check(backup, key)
        try:
            _marker(backup).write_text("ok\n" if result else "failed\n", encoding="ascii")
        except OSError:
            pass  # no room for even a line: it will be checked again
    return result


def check(backup: Path, key: CaseKey | None) -> bool:
    """Does the backup open read-only, pass quick_check, hold a history that
    recomputes, and evidence that reads back whole (``chunks.sound``)?

    Reads the file about once: ``quick_check`` covers every table but the
    chunks (most of the bytes), which are read and hashed file by file
    instead, their key index in another scan."""
    try:
        engine = create_engine("sqlite://", creator=lambda: connect(backup, key, readonly=True), poolclass=NullPool)
        try:
            with engine.connect() as conn:
                return _sound(conn)
        finally:
            engine.dispose()
    except Exception:  # noqa: BLE001 - unreadable, wrong key, damaged: it did not pass
        return False


def _sound(conn) -> bool:
    tables = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").scalars().all()
    for table in tables:
        if table != "chunk" and conn.exec_driver_sql(f'PRAGMA quick_check("{table}")').scalar() != "ok":
            return False
    if audit.verify(conn) is not None:
        return False
    if "chunk" not in tables:
        return True
    conn.exec_driver_sql("SELECT count(sha256) FROM chunk INDEXED BY sqlite_autoindex_chunk_1").scalar()
    return chunks.sound(conn)


def clean_partials(path: Path) -> list[Path]:
    """Remove backups a killed process left half written, and check markers
    whose backup is gone (the caller holds the case lock, so nobody is
    writing one now)."""
    path = real_path(Path(path))
    name = _glob_escape(path.name)
    leftovers = list(path.parent.glob(f"{name}.*.bak.partial"))
    leftovers += [m for m in path.parent.glob(f".{name}{_PREFIX}*.bak.checked")
                  if not m.with_name(m.name[1:].removesuffix(".checked")).exists()]
    gone = []
    for p in leftovers:
        try:
            p.unlink()
        except OSError:
            continue
        gone.append(p)
    return gone


def _kept_by_age(backups: list[Path], keep: int, now: datetime) -> set[Path]:
    kept = set(backups[-keep:])
    today = now.astimezone().date()
    first_of_day: dict[object, Path] = {}
    first_of_week: dict[object, Path] = {}
    for p in backups:  # oldest first: the first seen in a day or week is its oldest
        when = _stamp(p)
        if when is None:
            kept.add(p)  # not a name we made: never ours to delete
            continue
        day = when.astimezone().date()
        if today - day < timedelta(days=DAILY):
            first_of_day.setdefault(day, p)
        week = day - timedelta(days=day.weekday())
        this_week = today - timedelta(days=today.weekday())
        if this_week - week < timedelta(weeks=WEEKLY):
            first_of_week.setdefault(week, p)
    return kept | set(first_of_day.values()) | set(first_of_week.values())


def _stamp(backup: Path) -> datetime | None:
    stamp = backup.name.rsplit(_PREFIX, 1)[-1].removesuffix(".bak")
    try:
        return datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _marker(backup: Path) -> Path:
    return backup.with_name(f".{backup.name}.checked")


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
                salt = salt_of(path)
                assert salt is not None  # an encrypted case we just opened begins with its salt
                encrypted_copy(conn, partial, key, salt)
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
