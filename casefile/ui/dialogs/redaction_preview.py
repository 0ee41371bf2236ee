"""The redaction preview (File > Redaction Preview…, and "Preview redaction…"
in the dossier export dialog): before a partner or public export leaves, every
replacement the redaction engine makes and every near miss it leaves, each
with its record and field, as ``casefile redaction-report`` prints them.

A near miss can be marked "withhold this passage" from here; the mark goes
through the window's undo stack (one Ctrl+Z takes it back), then the report is
built again, so the passage now shows among the replacements.

The report is built in a worker thread (``workers.ThreadJob``): on a large
case it reads every text field of every record. Cells show user text as
plain text (item views never interpret markup), one line each.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import CasefileError
from ...services.redaction import marks
from ...services.redaction.report import Entry, Report, kind_label, redaction_report
from ..commands import CaseCommand
from ..workers import ThreadJob, guarded

PROFILES = ("partner", "public")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RedactionPreview", text)


def one_line(text: str) -> str:
    """Record text on one line, control characters shown escaped (as the CLI prints them)."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in " ".join(str(text).split()))


class WithholdPassage(CaseCommand):
    """Mark a passage to be withheld from shared exports; undo removes the mark
    (unless it was there before, in which case nothing changed)."""

    def __init__(self, case, code: str, field: str, passage: str):
        super().__init__(case, _tr("Withhold “{passage}” in {code}").format(passage=one_line(passage)[:40],
                                                                              code=code))
        self.code, self.field, self.passage = code, field, passage
        self._was_there = False

    def apply(self) -> None:
        with self.case.session() as session:
            self._was_there = (self.code, self.field, self.passage.strip()) in marks.marks(session)
        marks.add_mark(self.case, self.code, self.field, self.passage)

    def revert(self) -> None:
        if not self._was_there:
            marks.remove_mark(self.case, self.code, self.field, self.passage)

    @property
    def changes_something(self) -> bool:
        return not self._was_there


class EntryModel(QAbstractTableModel):
    """Replacements (record, field, what matched, replaced by) or near misses
    (record, field, text, why)."""

    def __init__(self, near_misses: bool, parent=None):
        super().__init__(parent)
        self.near_misses = near_misses
        self._rows: list[Entry] = []
        last = self.tr("Why") if near_misses else self.tr("Replaced by")
        third = self.tr("Text") if near_misses else self.tr("What matched")
        self._headers = (self.tr("Record"), self.tr("Field"), third, last)

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self.entry(index.row())
        if entry is None:
            return None
        column = index.column()
        if column == 0:
            return entry.record
        if column == 1:
            return one_line(entry.field)
        if column == 2:
            return one_line(entry.matched)
        if self.near_misses:  # the engine's kind of resemblance, and whose name it resembles
            return self.tr("{kind}, like {owner}").format(kind=kind_label(entry.kind), owner=entry.owner)
        return self.tr("{replacement} ({kind})").format(replacement=one_line(entry.replacement),
                                                        kind=kind_label(entry.kind))


def _table(model: EntryModel, name: str, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab moves on to the next control, arrows move in the table
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    for column, width in enumerate((90, 120, 220)):
        table.setColumnWidth(column, width)
    table.setAccessibleName(name)
    return table


class RedactionPreviewDialog(QDialog):
    """``RedactionPreviewDialog.show_for(window, case, profile)`` returns (None, True)."""

    def __init__(self, case, parent: QWidget | None = None, *, profile: str = "public",
                 execute: Callable[..., bool] | None = None):
        super().__init__(parent)
        self.case = case
        self.execute = execute
        self.report: Report | None = None
        self._job: ThreadJob | None = None
        self._again = False  # the profile changed or a mark was added while a build ran
        self.setWindowTitle(self.tr("Redaction Preview"))
        self.resize(860, 620)

        self.profile_box = QComboBox(self)
        self.profile_box.addItem(self.tr("Partner"), "partner")
        self.profile_box.addItem(self.tr("Public"), "public")
        self.profile_box.setCurrentIndex(max(0, self.profile_box.findData(profile)))
        self.profile_box.setAccessibleName(self.tr("Profile"))
        profile_label = QLabel(self.tr("&Profile:"), self)
        profile_label.setBuddy(self.profile_box)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: the report has no steps to count
        self.progress.setAccessibleName(self.tr("Building the report"))
        self.progress.hide()
        top = QHBoxLayout()
        top.addWidget(profile_label)
        top.addWidget(self.profile_box)
        top.addStretch(1)
        top.addWidget(self.progress)

        self.summary = self._label(self.tr("Summary"))
        self.replacements = EntryModel(False, self)
        self.replacement_table = _table(self.replacements, self.tr("Replacements"), self)
        replaced_label = QLabel(self.tr("&Replaced in the shared output:"), self)
        replaced_label.setBuddy(self.replacement_table)
        self.near = EntryModel(True, self)
        self.near_table = _table(self.near, self.tr("Near misses"), self)
        near_label = QLabel(self.tr("&Near misses, left as they are (check each one):"), self)
        near_label.setBuddy(self.near_table)
        self.withhold_button = QPushButton(self.tr("&Withhold This Passage"), self)
        self.withhold_button.setToolTip(self.tr("Replace this text with “[withheld]” in every partner and "
                                                "public output"))
        self.withhold_button.setEnabled(False)
        self.withhold_button.clicked.connect(self.withhold_selected)
        self.near_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_button())
        self.near.modelReset.connect(self._update_button)
        self.withheld = self._label(self.tr("Withheld records"))
        self.status = self._label(self.tr("Status"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        near_row = QHBoxLayout()
        near_row.addWidget(near_label, 1)
        near_row.addWidget(self.withhold_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(replaced_label)
        layout.addWidget(self.replacement_table, 3)
        layout.addLayout(near_row)
        layout.addWidget(self.near_table, 2)
        layout.addWidget(self.withheld)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        for first, second in ((self.profile_box, self.replacement_table), (self.replacement_table, self.near_table),
                              (self.near_table, self.withhold_button),
                              (self.withhold_button, self.buttons.button(QDialogButtonBox.StandardButton.Close))):
            QWidget.setTabOrder(first, second)

        self.profile_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.profile_box.setFocus()
        self.refresh()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # codes and counts, but never let record text become markup
        label.setWordWrap(True)
        label.setAccessibleName(name)
        return label

    def profile(self) -> str:
        return self.profile_box.currentData()

    # -- building the report ---------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Build the report for the chosen profile in a worker thread."""
        if self._job is not None:
            self._again = True
            return
        self._again = False
        case, profile = self.case, self.profile()
        self.progress.show()
        self.status.setText(self.tr("Building the report…"))
        self._job = ThreadJob(lambda progress, cancelled: redaction_report(case, profile), self)
        self._job.succeeded.connect(guarded(self, self._built))
        self._job.failed.connect(guarded(self, self._failed))
        self._job.finished.connect(guarded(self, self._job_done))
        self._job.start()

    def _built(self, report: Report) -> None:
        if self._again or report.profile != self.profile():
            return  # a newer build follows
        self.report = report
        self.replacements.set_entries(report.replacements)
        self.near.set_entries(report.near_misses)
        self.summary.setText(self.tr("{profile} profile: {n} replacements, {m} near misses.").format(
            profile=self.profile_box.currentText(), n=len(report.replacements), m=len(report.near_misses)))
        withheld = sum(len(codes) for codes in report.withheld.values())
        parts = ", ".join(self.tr("{kind}: {count} ({codes})").format(kind=kind_label(kind), count=len(codes),
                                                                       codes=", ".join(codes))
                          for kind, codes in sorted(report.withheld.items()))
        self.withheld.setText(self.tr("Withheld records: {count}. {parts}").format(count=withheld, parts=parts)
                              if withheld else self.tr("Withheld records: none."))
        self.status.setText(self.tr("Mark a near miss to withhold it, or leave it if it names someone else.")
                            if report.near_misses else self.tr("No near misses."))
        if report.near_misses and self.near_table.hasFocus():
            self.near_table.selectRow(0)

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("The report could not be built: {reason}").format(reason=message))

    def _job_done(self) -> None:
        self._job = None
        self.progress.hide()
        if self._again:
            self.refresh()

    def is_busy(self) -> bool:
        return self._job is not None

    # -- marking a near miss -----------------------------------------------------------

    def _selected_near_miss(self) -> Entry | None:
        index = self.near_table.selectionModel().currentIndex()
        return self.near.entry(index.row()) if index.isValid() else None

    def _update_button(self) -> None:
        self.withhold_button.setEnabled(self._selected_near_miss() is not None)

    @Slot()
    def withhold_selected(self) -> None:
        entry = self._selected_near_miss()
        if entry is None:
            return
        command = WithholdPassage(self.case, entry.record, entry.field, entry.matched)
        if self.execute is not None:
            done = self.execute(command, refused=self._refused)
        else:
            # No window to hold an undo stack (the dialog was opened on its own): mark
            # directly; the mark is still a row of the case, in its history.
            try:
                command.apply()
                done = True
            except CasefileError as error:
                self._refused(error)
                done = False
        if done:
            self.status.setText(self.tr("{code} {field}: “{passage}” will be withheld.").format(
                code=entry.record, field=one_line(entry.field), passage=one_line(entry.matched)))
            self.refresh()

    def _refused(self, error: CasefileError) -> None:
        self.status.setText(self.tr("Not marked: {reason}").format(reason=str(error)))

    @classmethod
    def show_for(cls, window: QWidget | None, case, profile: str = "public", *,
                 parent: QWidget | None = None) -> tuple[None, bool]:
        """Show the preview; a mark goes through ``window``'s undo stack when it is the main window."""
        from ..mainwindow import MainWindow

        execute = window.execute if isinstance(window, MainWindow) else None
        dialog = cls(case, parent or window, profile=profile if profile in PROFILES else "public", execute=execute)
        dialog.exec()
        return None, True
