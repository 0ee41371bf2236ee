"""The store's change notifications as a Qt signal.

``Case.notify`` calls its listeners right after a commit, on whatever thread
committed (a background intake, say). Re-emitting as a signal queues the call
onto the UI thread, so views only ever refresh there (Picard's rule).

Commits heard from another thread are gathered until the UI thread gets to
them, and told in one signal: a batch of 300 files commits 300 times, and a
window that refreshed its list for each fell further behind with every file.
One notice stays on its way at a time, so whatever the worker signals after
a commit (its progress, its end) still arrives after that commit's notice.
A notice that finds the case lent to another thread (``Case.sole_writer``:
a commit just before a large file went in) waits until it is back, since
the views it reaches could not read the case meanwhile.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..store import Case

#: How often a notice that found the case lent looks again (a lend lasts as
#: long as a large file takes to go in).
LENT_RETRY_MS = 50


class CaseEvents(QObject):
    #: {record kind or link table: ids}, after every commit
    changed = Signal(dict)
    _waiting = Signal()  # changes from another thread are gathered

    def __init__(self, case: Case, parent: QObject | None = None):
        super().__init__(parent)
        self.case = case
        self._home = threading.get_ident()  # the UI thread, which makes this object
        self._lock = threading.Lock()
        self._gathered: dict[str, set[int]] | None = None  # None: no notice on its way
        self._waiting.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        case.subscribe(self._heard)

    def _heard(self, changes: dict) -> None:
        if threading.get_ident() == self._home:
            self._deliver()  # what another thread committed before comes first
            self.changed.emit({k: set(v) for k, v in changes.items()})
            return
        with self._lock:
            gathered = self._gathered
            post = gathered is None
            if gathered is None:
                gathered = self._gathered = {}
            for kind, ids in changes.items():
                gathered.setdefault(kind, set()).update(ids)
        if post:
            self._waiting.emit()

    def _deliver(self) -> None:
        if self.case.lent:  # still on its way: what the lend commits joins it
            QTimer.singleShot(LENT_RETRY_MS, self, self._deliver)
            return
        with self._lock:
            changes, self._gathered = self._gathered, None
        if changes:
            self.changed.emit(changes)

    def detach(self) -> None:
        self.case.unsubscribe(self._heard)
        with self._lock:
            self._gathered = None
