"""One Casefile at a time per case: an advisory lock on the case file itself.

flock() locks are independent of SQLite's own fcntl() locks on Linux and the
BSDs, and vanish with the process, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Protocol

from ..errors import CaseLocked
from ..i18n import translate

if sys.platform == "win32":  # Windows: no advisory lock yet (see README)
    fcntl = None
else:
    import fcntl


class Lock(Protocol):
    """What a case holds while it is open: a ``CaseLock`` or a ``DelegatedLock``."""

    def acquire(self) -> None: ...

    def release(self) -> None: ...


class CaseLock:
    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None

    def acquire(self) -> None:
        if fcntl is None:
            return
        fd = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise CaseLocked(translate(
                "Errors", "{name} is already open in another Casefile window or command."
            ).format(name=self.path.name)) from None
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing drops the flock
            self.fd = None


class DelegatedLock:
    """For a helper process (the window's dossier builder) working on behalf of
    the process that holds the real lock: nothing to take, nothing to release."""

    def acquire(self) -> None:
        pass

    def release(self) -> None:
        pass
