"""Evidence in the window: the panel that shows one item (preview, hash,
metadata, custody, links, export), thumbnails in the Evidence list, and the
wiring of drops and the panel into the main window (``install``).

Taking files in lives in ``evidence_intake``.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import CasefileError
from ...formatting import human_size
from ...model import Evidence
from ...services import evidence, history, records
from ...services.evidence import capture
from ...services.evidence.custody import RELATIONS
from ...services.records import links
from ..dialogs.output_path import may_write
from ..editors.fields import WrappingLabel
from ..workers import JobProgressDialog, ThreadJob
from .commands import LinkEvidence, UnlinkEvidence
from .intake import EvidenceIntake, FileDropFilter, RelationDialog, relation_label, route_file_drops
from .preview import EvidencePreview


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvidencePanel", text)


class CustodyModel(QAbstractTableModel):
    """An item's chain of custody, oldest first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._headers = (self.tr("When (UTC)"), self.tr("Who"), self.tr("Action"), self.tr("SHA-256 seen"),
                         self.tr("Details"))

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        return (row.at.strftime("%Y-%m-%d %H:%M:%S"), row.who, row.action, row.sha256_observed,
                " ".join((row.details or "").split()))[index.column()]


class EvidencePanel(QWidget):
    """One evidence item: preview, what we know about the file, custody,
    links, and its original exported on request."""

    record_requested = Signal(str, int)  # kind, id: a linked record was double-clicked
    history_requested = Signal(str)  # code

    def __init__(self, case=None, undo_stack=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.case = case
        self.undo_stack = undo_stack
        self.code: str | None = None
        self.record: Evidence | None = None
        self.export_job: ThreadJob | None = None
        #: the window's ``execute(command)``, when there is one (it applies, then pushes)
        self.executor = None

        self.heading = WrappingLabel(parent=self)  # a long file name wraps inside itself
        self.heading.setAccessibleName(self.tr("Evidence"))
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedSize(QSize(96, 96))
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = EvidencePreview(self)

        self.details = QWidget(self)
        self.form = QFormLayout(self.details)
        self.fields: dict[str, QLabel | QLineEdit] = {}
        for key, label in self._field_labels():
            value: QLabel | QLineEdit
            if key in self.UNBROKEN:  # a line that scrolls within itself, so the pane never widens
                value = QLineEdit(self.details)
                value.setReadOnly(True)
                value.setFrame(False)
                value.setMinimumWidth(80)
                value.setStyleSheet("QLineEdit { background: transparent; }")
            else:
                value = QLabel(self.details)
                value.setTextFormat(Qt.TextFormat.PlainText)  # file names and metadata come from outside
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
                value.setWordWrap(True)
            value.setAccessibleName(label)
            self.fields[key] = value
            self.form.addRow(label + ":", value)

        self.custody_model = CustodyModel(self)
        self.custody = QTableView(self)
        self.custody.setModel(self.custody_model)
        self.custody.verticalHeader().hide()
        self.custody.setWordWrap(False)
        self.custody.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.custody.horizontalHeader().setStretchLastSection(True)
        self.custody.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.custody.setAccessibleName(self.tr("Chain of custody"))

        self.links = QListWidget(self)
        self.links.setAccessibleName(self.tr("Linked records"))
        self.links.itemActivated.connect(self._open_link)
        self.link_button = QPushButton(self.tr("&Link to record…"), self)
        self.link_button.clicked.connect(self.link_to_record)
        self.unlink_button = QPushButton(self.tr("&Remove link"), self)
        self.unlink_button.clicked.connect(self.remove_link)
        links_page = QWidget(self)
        links_layout = QVBoxLayout(links_page)
        links_layout.addWidget(self.links)
        row = QHBoxLayout()
        row.addWidget(self.link_button)
        row.addWidget(self.unlink_button)
        row.addStretch(1)
        links_layout.addLayout(row)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.details, self.tr("&Details"))
        self.tabs.addTab(self.custody, self.tr("&Custody"))
        self.tabs.addTab(links_page, self.tr("Lin&ks"))

        self.export_button = QPushButton(self.tr("&Export original…"), self)
        self.export_button.clicked.connect(self.export_original)
        self.history_button = QPushButton(self.tr("&History…"), self)
        self.history_button.clicked.connect(lambda: self.code and self.history_requested.emit(self.code))

        top = QHBoxLayout()
        top.addWidget(self.thumbnail)
        top.addWidget(self.heading, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.preview)
        split.addWidget(self.tabs)
        split.setSizes([360, 240])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._set_enabled(False)

    #: values with no place to break a line (a hash, a file name): a wrapped label would
    #: be as wide as the whole value and push the editor wider than its pane
    UNBROKEN = ("sha256", "original_name")

    def _field_labels(self) -> list[tuple[str, str]]:
        return [
            ("sha256", self.tr("SHA-256")), ("size", self.tr("Size")), ("media_type", self.tr("Type")),
            ("original_name", self.tr("Original name")), ("intake", self.tr("Taken in")),
            ("obtained", self.tr("Obtained")), ("captured", self.tr("Captured")),
            ("capture", self.tr("Capture app's proof")), ("position", self.tr("Position")),
            ("camera", self.tr("Camera")), ("dimensions", self.tr("Dimensions")), ("duration", self.tr("Duration")),
            ("document", self.tr("Document")), ("derived", self.tr("Derived from")), ("state", self.tr("State")),
            ("notes", self.tr("Notes")),
        ]

    # -- showing one item ----------------------------------------------------------

    def set_case(self, case, undo_stack=None) -> None:
        self.clear()
        self.case = case
        self.undo_stack = undo_stack

    def show_evidence(self, code: str) -> None:
        if self.case is None:
            return
        item = evidence.get(self.case, code)
        self.code, self.record = item.code, item
        self.heading.setText(f"{item.code}  {item.title or item.original_name}")
        png = evidence.thumbnail(self.case, item.code)
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png, "PNG"):
            self.thumbnail.setPixmap(pixmap.scaled(self.thumbnail.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))
        else:
            self.thumbnail.clear()
        for key, value in self._describe(item).items():
            shown = self.fields[key]
            shown.setText(value)
            if isinstance(shown, QLineEdit):
                shown.setCursorPosition(0)  # the start of the hash or name shows
                shown.setToolTip(value)
            self.form.setRowVisible(shown, bool(value))
        self.custody_model.set_rows(history.custody_of(self.case, item.code))
        self._fill_links(item)
        self.preview.show_evidence(self.case, item.code, item.media_type)
        self._set_enabled(True)

    def refresh(self) -> None:
        """The item changed (custody, links, withdrawal): show it again."""
        if self.code and self.case is not None:
            code, self.code = self.code, None
            try:
                self.show_evidence(code)
            except Exception:  # noqa: BLE001 - the item went away with an undo
                self.clear()

    @Slot(dict)
    def case_changed(self, changes: dict) -> None:
        """After any commit touching evidence or its custody, show the item again."""
        if self.code and any(k in changes for k in ("evidence", "custody_event", "evidence_link")):
            self.refresh()

    def clear(self) -> None:
        self.code, self.record = None, None
        self.heading.clear()
        self.thumbnail.clear()
        for label in self.fields.values():
            label.clear()
        self.custody_model.set_rows([])
        self.links.clear()
        self.preview.clear()
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.export_button, self.history_button, self.link_button, self.unlink_button):
            widget.setEnabled(on)

    def _describe(self, item) -> dict[str, str]:
        size = self.tr("{bytes} bytes ({human})").format(bytes=f"{item.size:,}", human=human_size(item.size))
        intake = self.tr("{when} UTC by {who}").format(when=item.intake_at.strftime("%Y-%m-%d %H:%M:%S"),
                                                       who=item.intake_by)
        obtained = " — ".join(p for p in (item.obtained_how, item.origin) if p)
        position = (f"{item.latitude:.6f}, {item.longitude:.6f}"
                    if item.latitude is not None and item.longitude is not None else "")
        dimensions = f"{item.width} × {item.height}" if item.width and item.height else ""
        duration = self.tr("{seconds} s").format(seconds=f"{item.duration:.1f}") if item.duration else ""
        document = " — ".join(p for p in (item.document_title, item.document_author, item.document_created) if p)
        state = []
        if item.withdrawn:
            state.append(self.tr("Withdrawn (kept with its history)"))
        if item.confidential:
            state.append(self.tr("Confidential"))
        duplicate = evidence.duplicate_of(item)
        if duplicate and duplicate != item.code:
            state.append(self.tr("Same bytes as {code}").format(code=duplicate))
        notes = [item.note] if item.note else []
        notes += evidence.warnings(item, with_capture=False)  # the proof has a row of its own
        proofs = evidence.capture_proofs(item)
        derived = ""
        if item.derived_from_id:
            derived = records.title_of(self.case, "evidence", item.derived_from_id)
        extra = item.extra()
        if extra.get("pages"):
            document = (document + " — " if document else "") + self.tr("{n} pages").format(n=extra["pages"])
        return {
            "sha256": item.sha256, "size": size, "media_type": item.media_type, "original_name": item.original_name,
            "intake": intake, "obtained": obtained, "captured": item.captured_at or "",
            "capture": "\n".join(capture.summary(p) for p in proofs), "position": position,
            "camera": " ".join(p for p in (item.camera_make, item.camera_model) if p), "dimensions": dimensions,
            "duration": duration, "document": document, "derived": derived, "state": "; ".join(state),
            "notes": "\n".join(notes),
        }

    def _fill_links(self, record: Evidence) -> None:
        self.links.clear()
        for link in links.links_of(self.case, "evidence", record.id):
            item = QListWidgetItem(f"{link.detail}: {link.target_code}  {link.target_title}")
            item.setData(Qt.ItemDataRole.UserRole, link)
            self.links.addItem(item)

    # -- actions ---------------------------------------------------------------------

    @Slot(QListWidgetItem)
    def _open_link(self, item: QListWidgetItem) -> None:
        link = item.data(Qt.ItemDataRole.UserRole)
        if link is not None and link.target_kind and link.target_id is not None:
            self.record_requested.emit(link.target_kind, link.target_id)

    @Slot()
    def link_to_record(self) -> None:
        if self.code is None or self.record is None:
            return
        kind, ok = LinkTargetDialog.choose(self)
        if not ok:
            return
        from ..editors.picker import RecordPicker, already_linked

        choice, ok = RecordPicker.pick(self, self.case, kind, allow_create=False, exclude=already_linked(
            "evidence", self.record.id, "evidence_link", "evidence_id", f"{kind}_id", kind))
        if not ok or choice is None or choice.record_id is None:
            return
        target = records.get(self.case, kind, choice.record_id)["code"]
        relation, ok = RelationDialog.choose(self, target)
        if ok:
            self._execute(LinkEvidence(self.case, self.code, target, relation))

    @Slot()
    def remove_link(self) -> None:
        item = self.links.currentItem()
        link = item.data(Qt.ItemDataRole.UserRole) if item else None
        if link is None or self.code is None:
            return
        relation = self._relation_of(link)
        self._execute(UnlinkEvidence(self.case, self.code, link.target_code, relation))

    def _relation_of(self, link) -> str:
        for relation in RELATIONS:  # the detail is the relation's label in the vocabulary
            if link.detail in (relation, relation_label(relation)):
                return relation
        labels = {term.label: term.key for term in records.vocabulary(self.case, "evidence_relation")}
        return labels.get(link.detail, link.detail)

    def _execute(self, command) -> None:
        """Apply first (a refused change never reaches the stack), then push."""
        if self.executor is not None:
            self.executor(command)
            self.refresh()
            return
        try:
            command.apply()
        except Exception as error:  # noqa: BLE001 - CasefileError in practice; shown in words
            QMessageBox.warning(self, self.tr("Evidence"), str(error))
            return
        command.mark_applied()
        if self.undo_stack is not None:
            self.undo_stack.push(command)
        self.refresh()

    @Slot()
    def export_original(self) -> None:
        if self.code is None or self.record is None or self.export_job is not None:
            return
        suggested = Path(self.record.original_name).name or self.code
        # Replacing a file is asked once, below, after the path is checked (ui.dialogs.output_path).
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the original of {code}").format(
            code=self.code), suggested, "", "", QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return
        case, code = self.case, self.code
        try:
            force = may_write(self, path, open_cases=(case.path,))
        except CasefileError as error:  # the case itself, its companions, a link, a device...
            self._export_failed(str(error))
            return
        if force is None:
            return
        job = ThreadJob(lambda progress, cancelled: evidence.export_original(case, code, path, force=force), self)
        job.succeeded.connect(self._exported)
        job.failed.connect(self._export_failed)
        JobProgressDialog(job, self.tr("Exporting {code}").format(code=code), self, cancellable=False)
        self.export_job = job
        job.start()

    def _exported(self, out) -> None:
        self.export_job = None
        self.refresh()  # the export is a custody event
        QMessageBox.information(self, self.tr("Exported"), self.tr(
            "The original was written to {path}; its SHA-256 was checked on the way out.").format(path=out))

    def _export_failed(self, message: str) -> None:
        self.export_job = None
        QMessageBox.warning(self, self.tr("Export failed"), message)


class LinkTargetDialog(QDialog):
    """Which kind of record to link evidence to."""

    KINDS = ("incident", "claim", "source", "actor")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link evidence to"))
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Kind of record"))
        names = {"incident": self.tr("an incident"), "claim": self.tr("a claim"), "source": self.tr("a source"),
                 "actor": self.tr("an actor")}
        for kind in self.KINDS:
            self.combo.addItem(names[kind], kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    @classmethod
    def choose(cls, parent: QWidget | None) -> tuple[str, bool]:
        dialog = cls(parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.combo.currentData(), accepted


# -- the window ----------------------------------------------------------------------------


class ThumbnailDelegate(QStyledItemDelegate):
    """Draws an evidence item's stored thumbnail beside its code in the list."""

    SIZE = QSize(20, 20)
    LIMIT = 512  # pixmaps kept; each is a few KiB

    def __init__(self, window, parent=None):
        super().__init__(parent)
        self.window = window
        self._cache: OrderedDict[str, QIcon | None] = OrderedDict()

    def clear(self) -> None:
        self._cache.clear()

    def _icon(self, code: str) -> QIcon | None:
        if code in self._cache:
            self._cache.move_to_end(code)
            return self._cache[code]
        icon = None
        case = self.window.case
        if case is not None:
            try:
                png = evidence.thumbnail(case, code)
            except Exception:  # noqa: BLE001 - a row that went away: no picture
                png = None
            pixmap = QPixmap()
            if png and pixmap.loadFromData(png, "PNG"):
                icon = QIcon(pixmap)
        self._cache[code] = icon
        if len(self._cache) > self.LIMIT:
            self._cache.popitem(last=False)
        return icon

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        code = index.data(Qt.ItemDataRole.DisplayRole)
        if isinstance(code, str) and code.startswith("EVI-"):
            icon = self._icon(code)
            if icon is not None:
                option.icon = icon
                option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
                option.decorationSize = self.SIZE


LINKABLE = ("incident", "claim", "source", "actor")


def install(window) -> EvidenceIntake:
    """Evidence in a MainWindow: drop files on the list (intake) or anywhere on
    a record's editor, its text fields included (intake and link); Edit > Add
    Evidence Files… (Ctrl+Shift+E, and New Record on the Evidence list) through a
    file dialog; thumbnails in the Evidence list; the evidence panel as a tab
    of the evidence editor."""
    from ...i18n import QT_TRANSLATE_NOOP
    from ..actions import ActionId, ActionSpec

    intake = EvidenceIntake(None, window.undo_stack, window)
    intake.push = window.push_done
    intake.flush = window.flush_editor
    delegate = ThumbnailDelegate(window, window)

    def open_first(result) -> None:
        """After Add Files: the first new item opens, the keyboard in its title."""
        if result.taken and window.case is not None:
            window.open_new_record("evidence", evidence.get(window.case, result.taken[0][0]).id)

    def add_files() -> None:
        if window.case is not None:
            intake.add_files(then=open_first)

    def drop_on_record(paths: list[str]) -> None:
        current = _current_record(window)
        if current is None or current[0] not in LINKABLE:
            intake.take_in(paths)
            return
        code = records.get(window.case, current[0], current[1])["code"]
        relation, ok = RelationDialog.choose(window, code)
        if ok:
            intake.take_in(paths, link=(code, relation))

    def opened(case) -> None:
        intake.case = case
        delegate.clear()
        view = window.view
        if view is None:
            return
        FileDropFilter(view.table).files_dropped.connect(intake.take_in)
        FileDropFilter(view.editor_scroll).files_dropped.connect(drop_on_record)

        def editor_changed() -> None:
            if view.editor is not None:
                route_file_drops(view.editor, drop_on_record)

        view.editor_changed.connect(editor_changed)
        FileDropFilter(view.placeholder).files_dropped.connect(intake.take_in)
        general = view.placeholder.text()

        def hint(kind: str) -> None:
            """On the Evidence list, the empty pane says how files come in (keys read from the actions)."""
            if kind != "evidence":
                view.placeholder.setText(general)
                return
            keys = [window.actions[name].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                    for name in ("add_evidence_files", ActionId.NEW_RECORD)]
            view.placeholder.setText(_tr(
                "Choose an item in the list, or add files: press {add} (or {new}) to pick them from a "
                "folder, or drop them here or on the list.").format(add=keys[0], new=keys[1]))
        view.kind_changed.connect(hint)
        hint(view.kind)
        view.table.setItemDelegateForColumn(0, delegate)

    def closing() -> None:
        intake.cancel()
        if intake.job is not None:
            intake.job.wait()  # the intake must not outlive the case's engine
        intake.case = None
        delegate.clear()

    def panel_tab(win, kind: str, record_id: int) -> QWidget:
        panel = EvidencePanel(win.case, win.undo_stack)
        panel.executor = win.execute
        panel.record_requested.connect(win.open_record)
        panel.history_requested.connect(lambda code: _show_history(win, code))
        if win.events is not None:
            win.events.changed.connect(panel.case_changed)
        panel.show_evidence(records.get(win.case, "evidence", record_id)["code"])
        return panel

    window.case_opened.connect(opened)
    if hasattr(window, "case_closing"):
        window.case_closing.connect(closing)
    window.case_closed.connect(closing)
    window.register_editor_tab("evidence", _tr("File"), panel_tab)
    window.actions.add(ActionSpec("add_evidence_files", QT_TRANSLATE_NOOP("Actions", "Add &Evidence Files…"),
                                  ("Ctrl+Shift+E",), menu="edit", tip=QT_TRANSLATE_NOOP(
                                      "Actions", "Take files into the case as evidence (several at once)")),
                       add_files, after=ActionId.NEW_RECORD)
    window.evidence_hooks.add_files = add_files  # New Record on the Evidence list
    if window.case is not None:
        opened(window.case)
    window.evidence_intake = intake
    return intake


def _show_history(window, code: str) -> None:
    from ..case.history import HistoryDialog

    HistoryDialog.show_history(window, window.case, code)


def _current_record(window) -> tuple[str, int] | None:
    """The window's open record (a property there; tolerate a method too)."""
    current = getattr(window, "current_record", None)
    return current() if callable(current) else current
