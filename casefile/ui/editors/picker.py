"""A search-as-you-type picker for the record at the other end of a link.

The last entry offers to create the record on the spot ("Create new actor
“Army patrol”") when nothing fits. ``RecordPicker.pick`` returns
``(Choice, accepted)``; tests patch it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QListView, QVBoxLayout

from ...services.records.search import candidates
from ...store import Case
from ...store.fulltext import Exclude
from ..case.navigator import kind_title


@dataclass(frozen=True)
class Choice:
    kind: str
    record_id: int | None  # None: create a new record named ``text``
    text: str = ""


class PickerModel(QAbstractListModel):
    """Records of one kind matching what is typed: a name match before a mention
    in a description, and never one ``exclude`` names (already linked that way)."""

    def __init__(self, case: Case, kind: str, allow_create: bool = True, parent=None,
                 exclude: Exclude | None = None):
        super().__init__(parent)
        self.case, self.kind, self.allow_create, self.exclude = case, kind, allow_create, exclude
        self._items: list[tuple[int | None, str]] = []
        self.query = ""
        self.set_query("")

    def set_query(self, text: str) -> None:
        self.beginResetModel()
        self.query = text
        items: list[tuple[int | None, str]] = [
            (hit.id, f"{hit.code}  {hit.title}")
            for hit in candidates(self.case, self.kind, text, limit=50, exclude=self.exclude)]
        if self.allow_create and text.strip() and self.kind != "evidence":
            items.append((None, self.tr("Create new {kind} “{text}”").format(
                kind=_singular(self.kind), text=text.strip())))
        self._items = items
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        record_id, text = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        if role == Qt.ItemDataRole.FontRole and record_id is None:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def choice(self, row: int) -> Choice | None:
        if not 0 <= row < len(self._items):
            return None
        record_id, _ = self._items[row]
        return Choice(self.kind, record_id, self.query.strip())


def _singular(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    return {"incident": tr("Picker", "incident"), "actor": tr("Picker", "actor"), "place": tr("Picker", "place"),
            "source": tr("Picker", "source"), "claim": tr("Picker", "claim"),
            "evidence": tr("Picker", "evidence")}[kind]


class RecordPicker(QDialog):
    def __init__(self, parent, case: Case, kind: str, title: str = "", allow_create: bool = True,
                 exclude: Exclude | None = None):
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Choose from {kind}").format(kind=kind_title(kind).lower()))
        self.model = PickerModel(case, kind, allow_create, self, exclude=exclude)
        self.query = QLineEdit()
        self.query.setObjectName("pickerQuery")
        self.query.setPlaceholderText(self.tr("Type to search…"))
        self.query.setAccessibleName(self.tr("Search"))
        self.results = QListView()
        self.results.setObjectName("pickerResults")
        self.results.setModel(self.model)
        self.results.setAccessibleName(self.tr("Matching records"))
        self.results.activated.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self._search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.installEventFilter(self)
        self._select(0)
        self.resize(520, 420)

    def _search(self) -> None:
        self.model.set_query(self.query.text())
        self._select(0)

    def _select(self, row: int) -> None:
        if self.model.rowCount():
            self.results.setCurrentIndex(self.model.index(max(0, min(row, self.model.rowCount() - 1))))

    def eventFilter(self, obj, event) -> bool:
        # Arrow keys move through the results while typing continues in the box.
        if obj is self.query and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                self._select(self.results.currentIndex().row() + step)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self._timer.stop()
                    self._search()
                self.accept()
                return True
        return super().eventFilter(obj, event)

    def chosen(self) -> Choice | None:
        return self.model.choice(self.results.currentIndex().row())

    @classmethod
    def pick(cls, parent, case: Case, kind: str, title: str = "", allow_create: bool = True,
             exclude: Exclude | None = None) -> tuple[Choice | None, bool]:
        dialog = cls(parent, case, kind, title, allow_create, exclude)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            choice = dialog.chosen()
        finally:
            dialog.deleteLater()  # not kept as a hidden child of the editor until it closes
        return choice, accepted and choice is not None


def already_linked(kind: str, record_id: int, link_kind: str, mine: str, theirs: str,
                   target_kind: str) -> Exclude:
    """The records of ``target_kind`` already linked to this record through
    ``link_kind`` (a link table, or ``field:<kind>:<column>`` on the target), and
    the record itself when it is of that kind: a picker leaves them out."""
    also = record_id if target_kind == kind else None
    if link_kind.startswith("field:"):
        _, table, column = link_kind.split(":")
        return Exclude(table, "id", column, record_id, also)
    return Exclude(link_kind, theirs, mine, record_id, also)
