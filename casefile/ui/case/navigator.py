"""The navigator on the left: the six record kinds, each with its live count."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView

from ...model.kinds import RECORD_KIND, RECORD_KINDS
from ...services.records import overview
from ...store import Case

KINDS = tuple(k.name for k in RECORD_KINDS)
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def kind_title(kind: str) -> str:
    """The kind's name in the navigator and headings, translated."""
    return QCoreApplication.translate("Kinds", RECORD_KIND[kind].plural)


class NavigatorModel(QAbstractListModel):
    counted = Signal()

    def __init__(self, case: Case, parent=None):
        super().__init__(parent)
        self.case = case
        self._counts = {kind: 0 for kind in KINDS}
        # Counting 100,000 rows six times would delay the list's first paint; count just after.
        QTimer.singleShot(0, self.refresh)

    def refresh(self, kinds: Iterable[str] | None = None) -> None:
        """Count again the records of ``kinds`` (of every kind if None): a batch
        intake tells of each file's commit, and only the evidence count moved."""
        if self.case.closed:  # closed before the deferred count ran
            return
        wanted = [kind for kind in KINDS if kinds is None or kind in kinds]
        if not wanted:
            return
        counts = overview.counts(self.case, wanted)
        fresh = self._counts | {kind: counts[RECORD_KIND[kind].section] for kind in wanted}
        if fresh != self._counts:
            self._counts = fresh
            self.dataChanged.emit(self.index(0), self.index(len(KINDS) - 1))
            self.counted.emit()

    def count(self, kind: str) -> int:
        return self._counts[kind]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(KINDS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(KINDS):
            return None
        kind = KINDS[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("Navigator", "{kind}  ({count})").format(
                kind=kind_title(kind), count=f"{self._counts[kind]:,}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return QCoreApplication.translate("Navigator", "{kind}, {count} records").format(
                kind=kind_title(kind), count=self._counts[kind])
        if role == KIND_ROLE:
            return kind
        return None


class NavigatorView(QListView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setAccessibleName(self.tr("Record kinds"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        self.setMinimumWidth(150)
