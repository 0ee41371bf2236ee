"""The history viewer: the case's audit log, newest first, fetched a page at a
time, filtered by record code, with whether the hash chain verifies."""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import CasefileError
from ...services import history
from ...services.records.fields import FIELDS, field
from ..workers import ThreadJob

PAGE = 200
#: fields that name a record: the summary of a creation shows the first present
NAMING_FIELDS = ("title", "name", "paraphrase", "original_name", "quote")


def _label(kind: str, key: str) -> str:
    """A record's field as its form names it, in the user's language; any
    other column (a link's, a field no form shows) by its name."""
    if kind not in FIELDS:
        return key
    try:
        return field(kind, key).label
    except CasefileError:
        return key


def summarise(action: str, changes: str, limit: int = 120, kind: str = "") -> str:
    """One line about what an entry changed: the fields of an update (named
    as ``kind``'s form names them), the values of anything else, shortened."""
    try:
        data = json.loads(changes or "{}")
    except ValueError:
        return changes[:limit]
    if not isinstance(data, dict):
        return str(data)[:limit]
    named = [str(data[k]) for k in NAMING_FIELDS if data.get(k)]
    if action == "update":
        text = ", ".join(sorted(_label(kind, key) for key in data))
    elif named:
        text = named[0]
    else:
        parts = []
        for key in sorted(data):
            value = data[key]
            if value in (None, "", [], {}) or key in ("id", "uuid"):
                continue
            parts.append(f"{key}={value}")
        text = "; ".join(parts)
    text = " ".join(text.split())  # one line, whatever the user typed
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(action: str, changes: str, kind: str = "") -> str:
    """Every field of an entry on its own line: ``field: value``, or
    ``field: old → new`` for an update (named as in ``summarise``)."""
    try:
        data = json.loads(changes or "{}")
    except ValueError:
        return changes
    if not isinstance(data, dict):
        return str(data)
    lines = []
    for key in sorted(data):
        value = data[key]
        name = _label(kind, key)
        if action == "update" and isinstance(value, list) and len(value) == 2:
            lines.append(f"{name}: {_plain(value[0])} → {_plain(value[1])}")
        else:
            lines.append(f"{name}: {_plain(value)}")
    return "\n".join(lines)


def _plain(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


class AuditModel(QAbstractTableModel):
    COLUMNS = ("seq", "at", "who", "action", "record", "changes")

    def __init__(self, case, parent=None):
        super().__init__(parent)
        self.case = case
        self.code = ""
        self._rows: list = []
        self._total = 0
        self._headers = (self.tr("#"), self.tr("When (UTC)"), self.tr("Who"), self.tr("Action"),
                         self.tr("Record"), self.tr("Changes"))
        self.reload()

    # -- loading ------------------------------------------------------------------

    def set_code(self, code: str) -> None:
        self.code = code.strip()
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        if self.case is None:
            self._total, self._rows = 0, []
        else:
            self._total = history.count(self.case, self.code)
            self._rows = history.entries(self.case, 0, PAGE, self.code)
        self.endResetModel()

    def clear(self) -> None:
        """Forget the case (lock): drop every row held in memory."""
        self.beginResetModel()
        self.case = None
        self._rows, self._total = [], 0
        self.endResetModel()

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self.case is None:
            return
        more = history.entries(self.case, len(self._rows), PAGE, self.code)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- the model ------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "seq":
                return row.seq
            if column == "at":
                return row.at.strftime("%Y-%m-%d %H:%M:%S")
            if column == "who":
                return row.who
            if column == "action":
                return row.shown_action
            if column == "record":
                return row.shown_record
            return summarise(row.action, row.changes, kind=row.record_kind)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "seq":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def entry(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None


class HistoryView(QWidget):
    """Filter field, the audit table, the selected entry in full, and the
    chain status (verified in a background thread: a long log takes a while)."""

    verified = Signal(str)  # the status text, once known

    def __init__(self, case, parent: QWidget | None = None):
        super().__init__(parent)
        self.case = case
        self.model = AuditModel(case, self)
        self._job: ThreadJob | None = None

        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Record code, e.g. INC-0001"))
        self.filter.setAccessibleName(self.tr("Filter by record code"))
        self.filter.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(lambda: self.model.set_code(self.filter.text()))
        self.filter.textChanged.connect(self._debounce.start)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("History"))
        # The record: a code, or a link's kind and the two codes it joins ("participación INC-0001 · ACT-0002").
        for column, width in enumerate((60, 150, 130, 110, 250)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().currentRowChanged.connect(self._show_entry)

        self.detail = QPlainTextEdit(self)  # plain text: user data never becomes markup
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("Entry details"))

        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("History verification"))
        self.verify_button = QPushButton(self.tr("&Verify again"), self)
        self.verify_button.clicked.connect(self.verify)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count_label)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([400, 120])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

        self.model.modelReset.connect(self._update_count)
        self._update_count()
        if case is not None:
            self.verify()

    def set_filter(self, code: str) -> None:
        self.filter.setText(code)
        self._debounce.stop()
        self.model.set_code(code)

    def refresh(self) -> None:
        """New entries were written (the window calls this on case changes)."""
        self.model.reload()

    def clear(self) -> None:
        self.case = None
        self.model.clear()
        self.detail.clear()
        self.status.clear()

    @Slot()
    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{count} entries").format(count=self.model.total()))

    @Slot(QModelIndex, QModelIndex)
    def _show_entry(self, current, _previous) -> None:
        row = self.model.entry(current.row()) if current.isValid() else None
        if row is None:
            self.detail.clear()
            return
        changes = describe(row.action, row.changes, row.record_kind)
        self.detail.setPlainText(self.tr("#{seq} {action} {record} by {who} at {at}\nhash {hash}\n{changes}").format(
            seq=row.seq, action=row.shown_action, record=row.shown_record, who=row.who,
            at=row.at.isoformat(), hash=row.hash, changes=changes))

    @Slot()
    def verify(self) -> None:
        if self.case is None or self._job is not None:
            return
        self.status.setText(self.tr("Verifying the history…"))
        self.verify_button.setEnabled(False)
        case = self.case
        self._job = ThreadJob(lambda progress, cancelled: history.verify_chain(case), self)
        self._job.succeeded.connect(self._verified)
        self._job.failed.connect(self._verify_failed)
        self._job.start()

    @Slot(object)
    def _verified(self, outcome) -> None:
        self._job = None
        self.verify_button.setEnabled(True)
        if self.case is None:
            return
        problem, entries, head = outcome
        if problem is None:
            text = self.tr("Chain verified: {count} entries, head {head}").format(count=entries, head=head[:16])
        else:
            text = self.tr("Chain broken at #{seq}: {reason}").format(seq=problem.seq, reason=problem.message)
        self.status.setText(text)
        self.verified.emit(text)

    @Slot(str)
    def _verify_failed(self, message: str) -> None:
        self._job = None
        self.verify_button.setEnabled(True)
        self.status.setText(message)
        self.verified.emit(message)


class HistoryDialog(QDialog):
    def __init__(self, case, parent: QWidget | None = None, code: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History"))
        self.resize(900, 600)
        self.view = HistoryView(case, self)
        if code:
            self.view.set_filter(code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    @classmethod
    def show_history(cls, parent: QWidget | None, case, code: str = "") -> tuple[None, bool]:
        dialog = cls(case, parent, code)
        dialog.exec()
        return None, True
