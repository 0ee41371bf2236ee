"""The store's change notifications as a Qt signal.

``Case.notify`` calls its listeners right after a commit, on whatever thread
committed (a background intake, say). Re-emitting as a signal queues the call
onto the UI thread, so views only ever refresh there (Picard's rule).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..store import Case


class CaseEvents(QObject):
    #: {record kind or link table: ids}, after every commit
    changed = Signal(dict)

    def __init__(self, case: Case, parent: QObject | None = None):
        super().__init__(parent)
        self.case = case
        case.subscribe(self._heard)

    def _heard(self, changes: dict) -> None:
        self.changed.emit({k: set(v) for k, v in changes.items()})

    def detach(self) -> None:
        self.case.unsubscribe(self._heard)
