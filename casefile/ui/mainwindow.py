"""The documenter's main window: welcome page, or an open case in three panes.

How to extend it
----------------
- **An action**: declare an ``ActionSpec`` and call
  ``window.actions.add(spec, handler)``; it lands in ``spec.menu`` ("file",
  "edit", "go", "source", "help", or a new key) with its shortcuts. Built-in
  actions are listed in ``ui/actions.py``; wire handlers in ``_wire()``.
- **An editor or panel for a kind**: ``window.register_editor(kind, factory)``
  where ``factory(window, kind, record_id) -> Editor`` (``ui/editors/protocol.py``: the
  window calls its ``commit_pending``, ``reload(changes)``, ``focus_first`` and
  ``source_reader``, never a method found by name).
  ``window.register_editor_tab(kind, title, factory)`` adds a tab to the
  built-in editor instead (evidence preview, custody).
- **A change**: build a ``ui.commands`` command and call
  ``window.execute(command)``, the one place that pushes on the undo stack
  (``window.push_done(command)`` for a change a worker already made); never
  write to the case directly. The store notifies, and ``_case_changed``
  refreshes navigator, list and editor.
- **Jumping to a record**: ``window.open_record(kind, id)`` (joins back/forward).
- **A panel's hooks**: the evidence panel fills ``window.evidence_hooks`` (ask
  for files; withdraw an item) and sets ``window.evidence_intake``; the lock
  sets ``window.locker``. They are typed attributes, None until installed.

``window.case`` is the open :class:`~casefile.store.Case` (or None) and
``window.undo_stack`` its :class:`~casefile.ui.commands.CaseUndoStack`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolBar, QWidget

from ..errors import CasefileError
from ..services import records
from ..store import Case, PassphraseRequired
from . import dialogs
from .actions import ActionId, ActionRegistry, ActionState
from .button_keys import ButtonKeys
from .case.layout_memory import LayoutMemory
from .case.list_model import ID_ROLE
from .case.navigator import KINDS
from .case.panes import CaseView
from .case_events import CaseEvents
from .commands import CaseCommand, CaseUndoStack, CreateRecord, DeleteRecord, Sequence, WithdrawEvidence
from .editors.protocol import Editor
from .field_keys import FieldKeys
from .recent import RecentCases
from .welcome import WelcomePage

if TYPE_CHECKING:
    from .editors.source_reader import SourceReader
    from .evidence.intake import EvidenceIntake
    from .screen_lock import CaseLocker

EditorFactory = Callable[["MainWindow", str, int], Editor]
TabFactory = Callable[["MainWindow", str, int], QWidget]


@dataclass
class EvidenceHooks:
    """What the evidence panel lends the window's generic actions (None: not installed)."""
    add_files: Callable[[], None] | None = None  # New Record on the Evidence list: ask for files
    withdraw: Callable[[int], None] | None = None  # Delete Record on an evidence item


class MainWindow(QMainWindow):
    case_opened = Signal(object)
    case_closing = Signal()  # before the case closes: background work on it stops here
    case_closed = Signal()
    record_opened = Signal(str, int)
    #: the window's actions by id; called, it is QWidget.actions()
    actions: ActionRegistry

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Casefile"))
        self.case: Case | None = None
        self.events: CaseEvents | None = None
        self.view: CaseView | None = None
        self.undo_stack = CaseUndoStack(self)
        self.undo_stack.dropped.connect(self._change_dropped)
        self.recent = RecentCases()
        self._editor_factories: dict[str, EditorFactory] = {}
        self._editor_tabs: dict[str, list[tuple[str, TabFactory]]] = {}
        self.evidence_hooks = EvidenceHooks()
        self.evidence_intake: EvidenceIntake | None = None  # set by the evidence panel
        self.locker: CaseLocker | None = None  # set by the lock
        self._back: list[tuple[str, int]] = []
        self._forward: list[tuple[str, int]] = []
        self._seen: dict[tuple[str, int], str] = {}  # the UUID of each record Back and Forward hold
        self._current: tuple[str, int] | None = None
        self._cleanup: list[Callable[[], None]] = []  # run after the case closes (temp folders)
        self._remembered = False  # the case is in the recent list (a sample in a temp folder is not)
        self.lang = "es" if self.locale().name().startswith("es") else "en"

        self.pages = QStackedWidget()
        self.welcome = WelcomePage(self)
        self.pages.addWidget(self.welcome)
        self.setCentralWidget(self.pages)

        self.actions = ActionRegistry(self)
        self.actions.adopt(ActionId.UNDO, self.undo_stack.createUndoAction(self, self.tr("&Undo")))
        self.actions.adopt(ActionId.REDO, self.undo_stack.createRedoAction(self, self.tr("&Redo")))
        self.actions[ActionId.UNDO].setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.actions[ActionId.REDO].setShortcuts(_redo_keys())
        FieldKeys(self, self.actions[ActionId.UNDO], self.actions[ActionId.REDO], self.actions)  # from a field too
        ButtonKeys(self)  # Enter presses a focused button, as in a dialog
        self.actions.build_menus(self.menuBar())
        self._build_toolbar()
        self._wire()
        self.refresh_actions()
        self.statusBar().showMessage(self.tr("Ready"))
        self.resize(1400, 900)
        self.layout_memory = LayoutMemory(self)
        self.layout_memory.restore_window()
        self._install_panels()

    # -- building ----------------------------------------------------------------

    def _install_panels(self) -> None:
        """Capabilities that add their own actions, tabs and drop targets."""
        from . import file_commands, source_commands, views
        from . import screen_lock as lock
        from .dialogs import shortcuts
        from .evidence import panel as evidence_panel
        from .language import attach_language_menu

        # The order places menu entries that follow the same one (file_commands before the lock).
        for module in (evidence_panel, file_commands, source_commands, lock, shortcuts, views):
            module.install(self)
        attach_language_menu(self)  # Edit > Language: every window has it, not only the app's

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        for action_id in (ActionId.BACK, ActionId.FORWARD, None, ActionId.NEW_RECORD, ActionId.DELETE_RECORD,
                          None, ActionId.UNDO, ActionId.REDO, None, ActionId.SEARCH):
            if action_id is None:
                bar.addSeparator()
            else:
                bar.addAction(self.actions[action_id])
        self.addToolBar(bar)
        self.toolbar = bar

    def _wire(self) -> None:
        """Every built-in action's handler, in one visible block."""
        a = self.actions
        a.connect(ActionId.NEW_CASE, self.welcome.new_case)
        a.connect(ActionId.OPEN_CASE, self.welcome.open_case)
        a.connect(ActionId.OPEN_SAMPLE, self.welcome.open_sample)
        a.connect(ActionId.CLOSE_CASE, self.close_case)
        a.connect(ActionId.QUIT, self.close)
        a.connect(ActionId.NEW_RECORD, self.new_record)
        a.connect(ActionId.DELETE_RECORD, self.delete_current)
        a.connect(ActionId.FILTER, self.focus_filter)
        a.connect(ActionId.SEARCH, self.show_search)
        a.connect(ActionId.BACK, self.go_back)
        a.connect(ActionId.FORWARD, self.go_forward)
        for kind in KINDS:
            a.connect(f"show_{kind}", partial(self.show_kind, kind))
        a.connect(ActionId.ABOUT, self.about)

    def register_editor(self, kind: str, factory: EditorFactory) -> None:
        self._editor_factories[kind] = factory

    def register_editor_tab(self, kind: str, title: str, factory: TabFactory) -> None:
        self._editor_tabs.setdefault(kind, []).append((title, factory))

    def editor_tabs(self, kind: str) -> list[tuple[str, TabFactory]]:
        return list(self._editor_tabs.get(kind, []))

    # -- opening and closing cases ------------------------------------------------

    def open_path(self, path: str | Path, passphrase: str | None = None) -> bool:
        """Open a case file, asking for a passphrase if it is encrypted."""
        path = Path(path)
        try:
            try:
                case = dialogs.open_case(self, path, passphrase)
            except PassphraseRequired:
                opened, ok = dialogs.open_encrypted(self, path)
                if not ok or opened is None:
                    return False
                case = opened
        except CasefileError as error:
            self.show_error(error)
            return False
        self.set_case(case)
        return True

    def set_case(self, case: Case, *, remember: bool = True, cleanup: Callable[[], None] | None = None) -> None:
        self.close_case()
        self.case = case
        self._remembered = remember
        if cleanup is not None:
            self._cleanup.append(cleanup)
        self.events = CaseEvents(case, self)
        self.events.changed.connect(self._case_changed)
        self.view = CaseView(case, self, lang=self.lang)
        self.view.record_chosen.connect(lambda kind, rid: self.open_record(kind, rid))
        self.view.kind_changed.connect(lambda _kind: self._show_current_editor_for_kind())
        self.view.editor_changed.connect(self._editor_changed)
        self.pages.addWidget(self.view)
        self.pages.setCurrentWidget(self.view)
        self.actions[ActionId.DELETE_RECORD].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.table.addAction(self.actions[ActionId.DELETE_RECORD])
        self.layout_memory.restore_case_layout(self.view)
        if remember:
            self.recent.add(case.path)
            QSettings().setValue("cases/last", str(case.path))
        self.setWindowTitle(self.tr("{title} — Casefile").format(title=case.title or case.path.name))
        self.setWindowFilePath(str(case.path))
        self.refresh_actions()
        self.statusBar().showMessage(
            self.tr("{path} — encrypted").format(path=case.path) if case.encrypted
            else self.tr("{path}").format(path=case.path))
        self.case_opened.emit(case)
        # Open on the first record rather than an empty pane; in a window about
        # to be painted for the first time (the start), once the list is on
        # screen: building the editor can wait, the list should not (40-70 ms).
        if self.isVisible():
            _FirstPaint(self.view.table.viewport(), self._open_first_record, at_most=500)
        else:
            self._open_first_record()

    def reopen_case(self, case: Case | None) -> None:
        """After ``close_case(reopening=True)``: the case again as it was set
        (in the recent list or not, its temporary folder still to go when it
        closes), or, with None (the documenter closed it), its folder now."""
        if case is None:
            self._clean_up()
            return
        kept, self._cleanup = self._cleanup, []
        self.set_case(case, remember=self._remembered)
        self._cleanup = kept

    def _clean_up(self) -> None:
        steps, self._cleanup = self._cleanup, []
        for step in steps:
            step()

    def _open_first_record(self) -> None:
        if self.view is None or self._current is not None:  # closed, or a record chosen meanwhile
            return
        first = self.view.list_model.index(0, 0)
        if first.isValid():
            self.open_record(self.view.kind, first.data(ID_ROLE), remember=False)

    def close_case(self, *, reopening: bool = False) -> None:
        """Close the case; ``reopening`` (the lock) keeps its temporary folder
        for ``reopen_case``: locking the sample must not delete it."""
        if self.case is None:
            return
        self.case_closing.emit()
        self.flush_editor()
        self.layout_memory.save_case_layout(self.view)
        self.undo_stack.clear()
        if self.view is not None:
            self.view.set_editor(None)
            self.pages.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        if self.events is not None:
            self.events.detach()
            self.events.deleteLater()
            self.events = None
        case, self.case = self.case, None
        try:
            case.close()
        except CasefileError as error:  # saved, but no backup or no room to fold the log in: say so, go on
            self.show_error(error)
        if not reopening:
            self._clean_up()
        self._back.clear()
        self._forward.clear()
        self._seen.clear()
        self._current = None
        self.pages.setCurrentWidget(self.welcome)
        self.welcome.refresh()
        self.setWindowTitle(self.tr("Casefile"))
        self.setWindowFilePath("")
        self.statusBar().clearMessage()  # the closed case's path would stay under the welcome page
        self.refresh_actions()
        self.case_closed.emit()

    # -- records ---------------------------------------------------------------------

    def show_kind(self, kind: str) -> None:
        if self.view is not None:
            self.view.show_kind(kind)
            self.view.table.setFocus()

    def open_record(self, kind: str, record_id: int, *, remember: bool = True) -> None:
        """Show a record in the editor pane (and in the list), joining back/forward."""
        if self.view is None:
            return
        self.flush_editor()
        if remember and self._current is not None and self._current != (kind, record_id):
            self._back.append(self._current)
            self._forward.clear()
        self._current = (kind, record_id)
        self.view.select(kind, record_id)
        self._show_editor(kind, record_id)
        uuid = (getattr(self.editor, "row", None) or {}).get("uuid")
        if uuid:
            self._seen[self._current] = uuid
        self.refresh_actions()
        self.record_opened.emit(kind, record_id)

    def open_new_record(self, kind: str, record_id: int) -> None:
        """Open a record just made, with the keyboard in its first field."""
        self.open_record(kind, record_id)
        if self.editor is not None and self.current_record == (kind, record_id):
            self.editor.focus_first()

    def _show_editor(self, kind: str, record_id: int) -> None:
        from .editors.record import RecordEditor

        assert self.view is not None
        factory: EditorFactory = self._editor_factories.get(kind, RecordEditor)
        try:
            editor = factory(self, kind, record_id)
        except CasefileError as error:  # deleted meanwhile
            self.statusBar().showMessage(str(error), 5000)
            self.view.set_editor(None)
            return
        self.view.set_editor(editor)

    def _editor_changed(self) -> None:
        reader = self.source_reader
        if reader is not None:  # Claim from Selection follows the reader's selection
            reader.can_claim_changed.connect(lambda _can: self.refresh_actions())
        self.refresh_actions()

    def _show_current_editor_for_kind(self) -> None:
        if self.view is not None and (self._current is None or self._current[0] != self.view.kind):
            self.view.set_editor(None)

    def flush_editor(self) -> None:
        """Store what is still being typed in the editor (a field not yet left)."""
        if self.editor is None:
            return
        try:
            self.editor.commit_pending()
        except CasefileError as error:
            self.statusBar().showMessage(str(error), 5000)

    @property
    def current_record(self) -> tuple[str, int] | None:
        return self._current

    @property
    def editor(self) -> Editor | None:
        return self.view.editor if self.view is not None else None

    @property
    def source_reader(self) -> SourceReader | None:
        """The open source's text, when the editor shows one."""
        return self.editor.source_reader if self.editor is not None else None

    def refresh_actions(self) -> None:
        """Enable each action when it can act on what is shown now."""
        reader = self.source_reader
        self.actions.update_enabled(ActionState(
            case=self.case is not None, source=reader is not None,
            selection=reader is not None and reader.can_claim,
            back=bool(self._back), forward=bool(self._forward)))

    def go_back(self) -> None:
        if self._back:
            if self._current:
                self._forward.append(self._current)
            target = self._back.pop()
            self._current = None
            self.open_record(*target, remember=False)
            self._keyboard_to_editor()

    def go_forward(self) -> None:
        if self._forward:
            if self._current:
                self._back.append(self._current)
            target = self._forward.pop()
            self._current = None
            self.open_record(*target, remember=False)
            self._keyboard_to_editor()

    def _keyboard_to_editor(self) -> None:
        """After Back or Forward the keyboard is in the record shown, not lost in the navigator
        (once the editor left behind, which may have had it, is gone)."""
        editor = self.editor
        if editor is None or self.view is None or self.view.table.hasFocus():
            return
        editor.focus_first()
        QTimer.singleShot(0, lambda: editor.focus_first() if editor is self.editor else None)

    # -- the one path for changes -------------------------------------------------------

    def execute(self, command: CaseCommand, *, refused: Callable[[CasefileError], None] | None = None) -> bool:
        """Apply a change now and put it on the undo stack; a refused change is
        shown (in a dialog, or by ``refused``) and leaves the stack as it was."""
        try:
            command.apply()
        except CasefileError as error:
            if refused is not None:
                refused(error)
            else:
                self.show_error(error)
            return False
        if command.changes_something:
            self.undo_stack.push_applied(command)
        return True

    def push_done(self, command: CaseCommand) -> None:
        """Put a change already made (by a worker: an intake) on the undo stack."""
        self.undo_stack.push_applied(command)

    def _change_dropped(self, message: str) -> None:
        """An undo or redo failed and the stack let go of that change: say so."""
        self.statusBar().showMessage(message, 8000)
        dialogs.error(self, message, self.tr("It was taken off the undo history; the rest of the history "
                                             "is kept."))

    def apply_choice(self, choice, make_command: Callable[[int], CaseCommand], text: str) -> bool:
        """Run ``make_command(target_id)`` for a picker's choice; when the choice is
        "create new …", create that record first, both as one undoable step."""
        if self.case is None:
            return False
        if choice.record_id is not None:
            return self.execute(make_command(choice.record_id))
        create = CreateRecord(self.case, choice.kind, {records.TITLE_FIELD[choice.kind]: choice.text})

        def then() -> CaseCommand:
            assert create.record_id is not None  # the sequence made the record first
            return make_command(create.record_id)

        return self.execute(Sequence(self.case, text, [create, then]))

    def new_record(self) -> None:
        if self.view is None or self.case is None:
            return
        kind = self.view.kind
        if kind == "evidence":
            if self.evidence_hooks.add_files is not None:
                self.evidence_hooks.add_files()
            else:
                self.statusBar().showMessage(self.tr("Evidence enters by dragging files onto the window."), 5000)
            return
        names = {"incident": self.tr("New incident"), "actor": self.tr("New actor"), "place": self.tr("New place"),
                 "source": self.tr("New source"), "claim": self.tr("New claim")}
        field = records.TITLE_FIELD[kind]
        command = CreateRecord(self.case, kind, {field: names[kind]})
        if self.execute(command) and command.record_id is not None:
            self.open_new_record(kind, command.record_id)

    def delete_current(self) -> None:
        if self._current is None or self.case is None:
            return
        kind, record_id = self._current
        try:
            row = records.get(self.case, kind, record_id)
        except CasefileError as error:
            self.show_error(error)
            return
        label = f"{row['code']} {row.get(records.TITLE_FIELD[kind]) or ''}".strip()
        if kind == "evidence":
            if self.evidence_hooks.withdraw is not None:
                self.evidence_hooks.withdraw(record_id)
            elif not row.get("withdrawn") and dialogs.confirm(
                    self, self.tr("Withdraw evidence"), self.tr("Withdraw {label}?").format(label=label),
                    self.tr("Evidence is never deleted: its file and its custody record stay in the case, "
                            "marked as withdrawn. You can undo this with Ctrl+Z."), action=self.tr("Withdraw")):
                self.execute(WithdrawEvidence(self.case, row["code"]))
            return
        lines = records.describe_deletion(self.case, kind, record_id)
        details = "\n".join(lines) + ("\n\n" if lines else "") + self.tr("You can undo this with Ctrl+Z.")
        if not dialogs.confirm(self, self.tr("Delete record"), self.tr("Delete {label}?").format(label=label),
                               details, action=self.tr("Delete")):
            return
        if self.execute(DeleteRecord(self.case, kind, record_id, label)):
            self._current = None
            if self.view is not None:
                self.view.set_editor(None)

    # -- store notifications ---------------------------------------------------------

    def _case_changed(self, changes: dict) -> None:
        if self.view is None:
            return
        self.view.case_changed(changes)
        self._forget_deleted(changes)
        if self._current is not None and self.case is not None:
            kind, record_id = self._current
            if record_id in changes.get(kind, ()) and not self._still_there(self._current):  # deleted (by undo?)
                self.view.set_editor(None)
                self._current = None
                self.refresh_actions()
                return
        if self.editor is not None:
            self.editor.reload(changes)

    def _forget_deleted(self, changes: dict) -> None:
        """Back and Forward forget a record deleted: SQLite gives its id to the
        next record made (in the same change, for a merge), which Back would
        otherwise open in its place."""
        if self.case is None:
            return
        visited = set(self._back) | set(self._forward)
        gone = {entry for entry in visited if entry[1] in changes.get(entry[0], ()) and not self._still_there(entry)}
        if gone:
            self._back = [entry for entry in self._back if entry not in gone]
            self._forward = [entry for entry in self._forward if entry not in gone]
            self.refresh_actions()

    def _still_there(self, entry: tuple[str, int]) -> bool:
        """Whether the record opened under ``entry`` is still there, not deleted
        nor replaced under its id (``records.fingerprint``, as undo checks)."""
        assert self.case is not None
        found = records.fingerprint(self.case, *entry)
        return found is not None and found == self._seen.get(entry, found)

    # -- small things ---------------------------------------------------------------------

    def focus_filter(self) -> None:
        if self.view is not None:
            self.view.filter_box.setFocus()
            self.view.filter_box.selectAll()

    def show_search(self) -> None:
        if self.case is None:
            return
        from .dialogs.search_popup import SearchPopup

        popup = SearchPopup(self.case, self)
        popup.chosen.connect(lambda kind, rid: self.open_record(kind, rid))
        popup.popup()

    def show_error(self, error: Exception | str) -> None:
        dialogs.error(self, str(error))

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About Casefile"), self.tr(
            "Casefile keeps a human-rights case offline: incidents, actors, places, sources, claims and "
            "evidence, in one file."), parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.layout_memory.save_window()
        self.close_case()  # every edit is already stored; this checkpoints the file
        super().closeEvent(event)


def _redo_keys():
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
        if QKeySequence(extra) not in keys:
            keys.append(QKeySequence(extra))
    return keys


class _FirstPaint(QObject):
    """Calls ``then`` once, after ``widget``'s first paint has been shown, or
    after ``at_most`` ms if it is never painted (a window kept behind others)."""

    def __init__(self, widget: QWidget, then: Callable[[], None], at_most: int):
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(at_most, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self, self._fire)  # after the paint reaches the screen
        return False

    def _fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.deleteLater()
            then()
