"""Where Casefile may write an output, and how it writes one.

Every output (JSON, CSV, PDF dossier, exported evidence, encrypted copy,
demo case, new case) goes through ``check_output`` and, except a new case,
through ``atomic_output``. An output is never:

- a case file (SQLite header with Casefile's application_id, or a
  ``.casefile`` name), the case being exported, or any case held open by a
  Casefile window or command (the ``store.lock`` flock on the file), under
  any spelling or hard link;
- a case's companions (``-wal``, ``-shm``, ``-journal``) or backups
  (``*.backup-*.bak``, ``*.before-format-*.bak``, ``*.partial``);
- a folder, a device, a FIFO, a socket, or a symbolic link (dangling or not:
  ``os.replace`` would swap the link, and writing through it would reach a
  file the user did not name).

An existing regular file is replaced only with ``force=True`` (the command
line's ``--force``; the window asks). Refusals change nothing on disk.

The writer puts the bytes in a temporary file in the target's folder: on
Linux an unnamed ``O_TMPFILE`` that a killed process cannot leave behind,
else a hidden ``.NAME.PID-XXXX.part`` that is removed on any error (and, if
the process was killed, at the next write to the same target). The file is
synced, the target checked again, then the file is linked (a new target) or
renamed over it (``force``), and the folder synced.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import CasefileError
from ..i18n import translate
from .connection import allowed

if sys.platform == "win32":  # Windows: no advisory locks (see store.lock)
    fcntl = None
else:
    import fcntl

SUFFIX = ".casefile"
COMPANIONS = ("-wal", "-shm", "-journal")
APPLICATION_ID = 0x43415345  # store.connection.APPLICATION_ID, without importing SQLCipher here
SQLITE_HEADER = b"SQLite format 3\x00"
# Backups that store.backup writes next to a case, and the partial copies it
# (and the encrypted copy) write first.
_BACKUP = re.compile(r".+\.(backup-.*|before-format-.*)\.bak(\.partial)?|.+\.partial", re.DOTALL | re.IGNORECASE)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# On a system that cannot tell whether a process lives, a temp is stale after this.
_STALE_SECONDS = 24 * 3600


class OutputRefused(CasefileError):
    """The path may not be written as an output; nothing was changed."""


class OutputExists(OutputRefused):
    """The path is an existing regular file: replaced only when forced."""


def _refuse(path: Path | str, reason: str, cls: type[OutputRefused] = OutputRefused) -> OutputRefused:
    return cls(translate("Outputs", "{path}: {reason}; nothing was written").format(path=path, reason=reason))


def check_output(path: str | os.PathLike, *, force: bool | None, open_cases: Iterable[str | os.PathLike] = ()) -> Path:
    """The absolute path to write (its folder's symlinks resolved), or
    ``OutputRefused`` with one line naming the path and the reason.

    ``force``: True replaces an existing regular file, False refuses it
    (``OutputExists``, mentioning ``--force``), None never replaces (``new``,
    ``encrypt``). ``open_cases``: the case(s) this process has open; they are
    compared by identity (device and inode), never opened.
    """
    given = Path(os.fspath(path))
    if "\x00" in str(given):  # no file system takes it (and os.stat would raise)
        raise _refuse(given, translate("Outputs", "not a file name"))
    if given.name in ("", ".", ".."):  # "-o .", "-o /", "-o x/..": a folder by its spelling
        if given.is_dir():
            raise _refuse(given, translate("Outputs", "it is a folder"))
        raise _refuse(given, translate("Outputs", "not a file name"))
    folder = Path(os.path.realpath(given.parent))
    if not folder.is_dir():
        raise _refuse(given, translate("Outputs", "folder {folder} does not exist").format(folder=given.parent))
    target = folder / given.name
    _check_name(target, given, open_cases)
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return target
    except OSError as error:
        raise _refuse(given, error.strerror or str(error)) from None
    if stat.S_ISLNK(st.st_mode):
        raise _refuse(given, translate("Outputs", "it is a symbolic link (give the real file's path)"))
    if stat.S_ISDIR(st.st_mode):
        raise _refuse(given, translate("Outputs", "it is a folder"))
    if not stat.S_ISREG(st.st_mode):
        raise _refuse(given, translate("Outputs", "it is a device, pipe or socket, not a regular file"))
    for case in open_cases:
        with contextlib.suppress(OSError):
            case_st = os.stat(case)
            if (case_st.st_dev, case_st.st_ino) == (st.st_dev, st.st_ino):
                raise _refuse(given, translate("Outputs", "it is the case itself"))
    if force is None:  # never replaced, whatever it is
        raise _refuse(given, translate("Outputs", "it already exists; choose another name"), OutputExists)
    # Only now is the file opened (read-only, never followed): it is not a
    # case this process has open, so closing it drops none of SQLite's locks.
    if _held_open(target):
        raise _refuse(given, translate("Outputs", "it is a case open in Casefile"))
    if target.suffix.lower() == SUFFIX or is_case_file(target):
        raise _refuse(given, translate("Outputs", "it is a case file"))
    if not force:
        raise _refuse(given, translate("Outputs", "it already exists (--force replaces it)"), OutputExists)
    return target


def _folder(path: str | os.PathLike, open_cases: Iterable[str | os.PathLike]) -> tuple[Path, Path]:
    """A folder as given and as it resolves; refused if a link, or named like a case's companion."""
    given = Path(os.fspath(path))
    if "\x00" in str(given):
        raise _refuse(given, translate("Outputs", "not a file name"))
    if given.is_symlink():
        raise _refuse(given, translate("Outputs", "it is a symbolic link (give the real folder's path)"))
    folder = Path(os.path.realpath(given))
    _check_name(folder, given, open_cases)  # a folder named c.casefile-wal would stop the case from opening
    return given, folder


def check_output_folder(path: str | os.PathLike, names: Iterable[str], *, force: bool,
                        open_cases: Iterable[str | os.PathLike] = ()) -> Path:
    """A folder of outputs (CSV): new or an existing folder (not a symlink),
    and each file in it checked like ``check_output``. Returns the folder."""
    given, folder = _folder(path, open_cases)
    if folder.exists() and not folder.is_dir():
        raise _refuse(given, translate("Outputs", "it exists and is not a folder"))
    if not folder.exists():
        if not folder.parent.is_dir():
            raise _refuse(given, translate("Outputs", "folder {folder} does not exist").format(folder=given.parent))
        for name in names:  # a new folder holds nothing yet: only the names can be wrong
            _check_name(folder / name, folder / name, open_cases)
        return folder
    for name in names:
        check_output(folder / name, force=force, open_cases=open_cases)
    return folder


def is_case_file(path: Path) -> bool:
    """A plain Casefile case (or backup) by its header, read without SQLite
    and without following a link or blocking on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except OSError:
        return False
    try:
        header = os.read(fd, 100)
    except OSError:
        return False
    finally:
        os.close(fd)
    return header[:16] == SQLITE_HEADER and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def _held_open(path: Path) -> bool:
    """Does another Casefile (or this one, through another descriptor) hold
    the case lock (``store.lock.CaseLock``: an exclusive flock) on ``path``?"""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops our shared flock too
    return False


def _check_name(target: Path, given: Path, open_cases: Iterable[str | os.PathLike]) -> None:
    """Refusals by name, whether or not the file exists yet: backups, and the
    companions of any case (the one exported, another open one, any case)."""
    name = target.name
    if _BACKUP.fullmatch(name):
        raise _refuse(given, translate("Outputs", "it is the name of a case backup"))
    for suffix in COMPANIONS:
        if not name.lower().endswith(suffix):
            continue
        base = target.with_name(name[: -len(suffix)])
        cases = [Path(os.path.realpath(c)) for c in open_cases]
        if (base.suffix.lower() == SUFFIX or base in cases or _same_as_any(base, cases)
                or (base.is_file() and not base.is_symlink() and is_case_file(base))):
            raise _refuse(given, translate("Outputs", "it is a companion file of a case"))


def _same_as_any(path: Path, others: list[Path]) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    for other in others:
        with contextlib.suppress(OSError):
            o = os.stat(other)
            if (o.st_dev, o.st_ino) == (st.st_dev, st.st_ino):
                return True
    return False


# -- writing ---------------------------------------------------------------------------------

def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.part")


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove hidden temps for ``target`` left by a process that is gone."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.([0-9]+)-[0-9a-f]+\.part(-wal|-shm|-journal)?", re.DOTALL)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if not match:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        pid = int(match.group(1))
        if not stat.S_ISREG(st.st_mode) or pid == os.getpid() or _alive(pid, st.st_mtime):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed.append(Path(entry.path))
    return removed


def _alive(pid: int, mtime: float) -> bool:
    if os.name != "posix":  # os.kill(pid, 0) would end the process on Windows
        return time.time() - mtime < _STALE_SECONDS
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _can_tmpfile() -> bool:
    return hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")


class AtomicOutput:
    """A file being written for ``target``: ``write`` bytes (hashed on the
    way), or, with ``named=True``, let a library write the file at ``temp``
    (SQLite). ``commit`` puts it in place; leaving the ``with`` block on an
    error removes every trace. Use ``atomic_output``."""

    def __init__(self, target: Path, given: Path, *, force: bool | None, open_cases: tuple, named: bool):
        self.path = target
        self._given = given
        self._force = force
        self._open_cases = open_cases
        self._digest = hashlib.sha256()
        self.size = 0
        self.temp: Path | None = None  # a named temp file, if any
        self._fd: int | None = None
        self._created = False  # the commit made a new file (it did not replace one)
        self.committed = False
        if named:  # the library creates the temp file: the folder's refusal is said now, naming the output
            if not allowed(target.parent, os.W_OK | os.X_OK):
                raise _cannot_write(target, PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
            self.temp = _temp_name(target)
            return
        if _can_tmpfile():
            try:
                self._fd = os.open(target.parent, os.O_TMPFILE | os.O_RDWR | _CLOEXEC, 0o600)
            except OSError:  # the file system has no unnamed files (EOPNOTSUPP, EISDIR...)
                self._fd = None
        if self._fd is None:
            self.temp = _temp_name(target)
            self._fd = os.open(self.temp, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()

    @property
    def temp_path(self) -> Path:
        """Where a library writes a ``named=True`` output until the commit."""
        if self.temp is None:
            raise ValueError("an unnamed or committed output has no temp file to write")
        return self.temp

    def write(self, data: bytes) -> int:
        if self._fd is None:  # named: the library writes the file at ``temp`` itself
            raise ValueError("a named output is not written through write()")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self._digest.update(data)
        self.size += len(data)
        return len(data)

    def amend(self, edit: Callable[[BinaryIO], None]) -> None:
        """Let ``edit`` read what was written and add to it in place (a PDF
        signature is an incremental update appended to the finished file);
        the hash and size are then taken again from the bytes as they are."""
        if self._fd is None:
            raise ValueError("a named output is amended by writing its temp file")
        with os.fdopen(os.dup(self._fd), "r+b") as stream:
            edit(stream)
            stream.flush()
            stream.seek(0)
            digest, size = hashlib.sha256(), 0
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
            end = stream.seek(0, os.SEEK_END)
        os.lseek(self._fd, end, os.SEEK_SET)  # later writes go after what edit() added
        self._digest, self.size = digest, size

    def commit(self) -> Path:
        """Sync, check the target again, and put the file in place."""
        if self.committed:
            return self.path
        self._sync()
        # The target may have become a symlink, a case or a folder meanwhile.
        check_output(self._given, force=self._force, open_cases=self._open_cases)
        if not os.path.lexists(self.path):
            try:
                self._link(self.path)  # never replaces: whatever appeared meanwhile stays
                self._created = True
            except FileExistsError:
                check_output(self._given, force=self._force, open_cases=self._open_cases)
            except OSError:  # no hard links here (FAT, some network shares): a rename will do
                pass
        if not self._created:
            source = self.temp
            if source is None:  # an unnamed file needs a name before it can be renamed
                source = _temp_name(self.path)
                self._link(source)
                self.temp = source
            self._created = not os.path.lexists(self.path)
            os.replace(source, self.path)
        if self.temp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.temp)  # after a link, the temp name is a second name for the output
        self.temp = None
        self.committed = True
        sync_folder(self.path.parent)
        self._close()
        return self.path

    def retract(self) -> None:
        """Undo a commit that made a new file, when what must go with it (a
        custody event, a history entry) could not be recorded."""
        if self.committed and self._created:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
                sync_folder(self.path.parent)

    def discard(self) -> None:
        self._close()
        if self.temp is not None:
            for p in (self.temp, *(self.temp.with_name(self.temp.name + s) for s in COMPANIONS)):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(p)
            self.temp = None

    def _link(self, name: Path) -> None:
        if self._fd is not None and self.temp is None:
            # Unnamed: linkat() through /proc with AT_SYMLINK_FOLLOW, which
            # os.link uses only when given a folder descriptor.
            folder = os.open(name.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _CLOEXEC)
            try:
                os.link(f"/proc/self/fd/{self._fd}", name.name, dst_dir_fd=folder, follow_symlinks=True)
            finally:
                os.close(folder)
        else:
            assert self.temp is not None  # a named temp, or an unnamed file still open
            os.link(self.temp, name, follow_symlinks=False)

    def _sync(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
        elif self.temp is not None:
            fd = os.open(self.temp, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def _close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike, *, force: bool | None, open_cases: Iterable[str | os.PathLike] = (),
                  named: bool = False) -> Iterator[AtomicOutput]:
    """Check ``path`` (``check_output``), give a temporary to write, and put it
    in place when the block ends without an error (or at ``commit()``).

    On any error nothing is left: no output, no temporary, and an existing
    target untouched (an error after an early ``commit()`` removes a file the
    commit made: what had to be recorded with it was not). OSErrors become
    one clear line.
    """
    given = Path(os.fspath(path))
    cases = tuple(open_cases)
    target = check_output(given, force=force, open_cases=cases)
    remove_stale_temps(target)
    try:
        output = AtomicOutput(target, given, force=force, open_cases=cases, named=named)
    except OSError as error:
        raise _cannot_write(given, error) from None
    try:
        yield output
        output.commit()
    except OSError as error:
        output.discard()
        output.retract()  # committed, then what had to go with it failed
        raise _cannot_write(given, error) from None
    except BaseException:
        output.discard()
        output.retract()
        raise
    finally:
        output._close()


def write_bytes(path: str | os.PathLike, data: bytes, *, force: bool | None,
                open_cases: Iterable[str | os.PathLike] = ()) -> Path:
    with atomic_output(path, force=force, open_cases=open_cases) as output:
        output.write(data)
    return output.path


def write_folder(folder: str | os.PathLike, files: dict[str, bytes], *, force: bool,
                 open_cases: Iterable[str | os.PathLike] = ()) -> Path:
    """Write ``files`` (name: bytes) into ``folder`` (made if missing), after
    checking every one of them; a folder this call made goes again on error."""
    cases = tuple(open_cases)
    target = check_output_folder(folder, files, force=force, open_cases=cases)
    made = not target.exists()
    if made:
        try:
            target.mkdir()
        except OSError as error:
            raise _cannot_write(Path(os.fspath(folder)), error) from None
    try:
        for name, data in files.items():
            write_bytes(target / name, data, force=force, open_cases=cases)
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                target.rmdir()  # only if still empty
        raise
    return target


def check_new_folder(path: str | os.PathLike, *, open_cases: Iterable[str | os.PathLike] = ()) -> Path:
    """A folder to be made whole (a handover's bag): it must not exist yet, its
    parent must, and it is never a link or a case's name. Returns it."""
    given, folder = _folder(path, open_cases)
    if folder.suffix.lower() == SUFFIX:
        raise _refuse(given, translate("Outputs", "it is a case file"))
    if folder.exists():
        raise _refuse(given, translate("Outputs", "it already exists (choose a new folder)"), OutputExists)
    if not folder.parent.is_dir():
        raise _refuse(given, translate("Outputs", "folder {folder} does not exist").format(folder=given.parent))
    return folder


@contextlib.contextmanager
def atomic_folder(path: str | os.PathLike, *, open_cases: Iterable[str | os.PathLike] = ()) -> Iterator[Path]:
    """A new folder, written whole or not at all: the block fills a hidden
    temporary folder beside it (synced file by file by the caller), which is
    renamed into place when the block ends; on any error it goes."""
    cases = tuple(open_cases)
    target = check_new_folder(path, open_cases=cases)
    temp = _temp_name(target)
    try:
        temp.mkdir()
    except OSError as error:
        raise _cannot_write(Path(os.fspath(path)), error) from None
    try:
        yield temp
        sync_folder(temp)
        check_new_folder(path, open_cases=cases)  # again: something may have appeared meanwhile
        try:
            os.rename(temp, target)
        except OSError as error:
            raise _cannot_write(Path(os.fspath(path)), error) from None
        sync_folder(target.parent)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); harmless where a folder cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _cannot_write(path: Path, error: OSError) -> CasefileError:
    return CasefileError(translate("Outputs", "cannot write {path}: {why}").format(
        path=path, why=error.strerror or error))
