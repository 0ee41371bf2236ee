"""Files a user names for Casefile to read: an evidence file, an import, a
bundle, a colleague's key, a dossier to check, a source's text.

Only a regular file is read. A FIFO put in a file's place would hang the
reader (it is opened without blocking, then refused), a device (``/dev/zero``)
would never end, a folder is no file. Every refusal is an ``OSError``, so a
caller's one handler words them all ("cannot read {path}: {reason}").
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from .i18n import translate

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegularFile(OSError):
    """The path names something other than a regular file (a FIFO, a device, a socket)."""


def open_regular(path: str | os.PathLike) -> tuple[BinaryIO, os.stat_result]:
    """``path`` opened for reading, and its state then, if it is a regular
    file; ``IsADirectoryError`` for a folder, ``NotRegularFile`` for anything
    else that is no file, the ``OSError`` of opening it otherwise."""
    try:
        fd = os.open(path, _FLAGS)
    except ValueError:  # a NUL in the name: no file has one
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), os.fspath(path)) from None
    try:
        state = os.fstat(fd)
        if stat.S_ISDIR(state.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        if not stat.S_ISREG(state.st_mode):
            raise NotRegularFile(errno.EINVAL, translate("Files", "not a regular file"), os.fspath(path))
    except BaseException:
        os.close(fd)
        raise
    return open(fd, "rb"), state


def read_regular(path: str | os.PathLike) -> bytes:
    """The whole of a regular file (``open_regular``)."""
    file, _ = open_regular(path)
    with file:
        return file.read()


def is_regular(path: str | os.PathLike) -> bool:
    """Whether ``path`` names a regular file; False for a name the system
    refuses (too long, a NUL), where ``Path.is_file`` raises."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False
