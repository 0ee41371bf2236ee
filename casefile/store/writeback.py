"""Early write-back: the disk writes a growing file while the writer still works.

A large intake writes a whole evidence file through the page cache, and the
commit's fsync then waits for every byte of it at once. ``Writeback`` has the
kernel start writing, from a thread, each time another ``every`` bytes have
gone in, so the disk works while the intake still reads and hashes, and the
commit finds little left to wait for. Pages that are only dropped go in
eighths of the file, 4 MiB at least, so a mid-size file gains too (64 MiB:
0.56x to 0.83x a plain hashed copy); a WAL step costs a device flush, so it
waits for 64 MiB.

Two ways, by whether the bytes are read again:

- a sole writer's new pages in the case (``Case.sole_writer``) are not, so
  they are dropped from the page cache (``POSIX_FADV_DONTNEED``), which starts
  their write-back without waiting and without the device flush an fsync
  costs: a 2 GiB intake ran at 761-796 MiB/s this way, 571-712 with fdatasync;
- the WAL is read again by the checkpoint, so it is synced (``fdatasync``)
  and stays cached.

Neither changes an ordering SQLite relies on: pages handed to ``write()`` may
reach the disk at any moment anyway. A failed sync is kept and reported
(``error``), so the caller can roll back instead of committing.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

EVERY = 64 << 20
DROP_EVERY_MIN = 4 << 20
# fdatasync skips metadata the data does not need; not on every platform.
_sync = getattr(os, "fdatasync", os.fsync)


class Writeback:
    def __init__(self, path: Path, size: int, *, reread: bool, every: int | None = None):
        """``size``: how much is about to be written (below ``every`` the commit's
        own fsync is soon done, and no thread is started); ``reread``: whether
        the written pages are read again soon (the WAL, at the checkpoint)."""
        self._drop = not reread and hasattr(os, "posix_fadvise")
        self._path, self._size = path, size
        self._every = every or (min(EVERY, max(DROP_EVERY_MIN, size // 8)) if self._drop else EVERY)
        self._fd: int | None = None
        self._from = 0  # where the new pages start
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()
        self._done = False
        self._asked = False  # a write-back is wanted
        self._last = 0
        self.error: OSError | None = None

    def __enter__(self) -> Writeback:
        if self._size <= self._every or os.name == "nt":  # Windows flushes only through a writable handle
            return self
        try:
            self._fd = os.open(self._path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:  # no file yet (a WAL not made): nothing to help with
            return self
        self._from = os.fstat(self._fd).st_size
        self._thread = threading.Thread(target=self._run, name="writeback", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.finish()
        if self._fd is not None:
            os.close(self._fd)

    def finish(self) -> None:
        """Stop the thread once a write-back it runs is done; ``error`` is final then."""
        if self._thread is not None:
            self._done = True
            self._wake.set()
            self._thread.join()

    def wrote(self, total: int) -> None:
        """``total`` bytes have gone in so far."""
        if self._thread is not None and total - self._last >= self._every:
            self._last = total
            self._asked = True
            self._wake.set()

    def _write_back(self) -> None:
        assert self._fd is not None  # the thread runs only with the file open
        if self._drop:
            # From where the file ended to its end now (length 0); pages still
            # dirty start their write-back and are dropped on a later call.
            os.posix_fadvise(self._fd, self._from, 0, os.POSIX_FADV_DONTNEED)
        else:
            _sync(self._fd)

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._asked:  # asks made while a write-back ran are served by the next one
                self._asked = False
                try:
                    self._write_back()
                except OSError as error:
                    self.error = error
                    return
            if self._done:
                return
