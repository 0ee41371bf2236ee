"""Every action in every menu and on the toolbar, in each state where it is
enabled, triggered the way a user does (the action, its toolbar button, each
of its shortcuts on the focused widget), does what it says.

The table ``EFFECTS`` names, for each action id, the effect to look for. An
action in a menu without an entry fails ``test_every_action_has_an_effect``,
so a new action cannot land without a test; an action that does nothing fails
the walk. Dialogs are patched to record that they were asked for (and to
answer "cancel"), so nothing blocks.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QTabWidget, QWidget
from sqlalchemy import select

from casefile import i18n_build
from casefile.model import Source
from casefile.model.kinds import TITLE_FIELD
from casefile.services import records
from casefile.services.sample import create_demo_case
from casefile.store import Case
from casefile.ui import dialogs
from casefile.ui import language as ui_i18n
from casefile.ui.actions import ActionId
from casefile.ui.case.history import HistoryDialog
from casefile.ui.case.list_model import ID_ROLE
from casefile.ui.commands import UpdateRecord
from casefile.ui.dialogs.dossier import DossierDialog
from casefile.ui.dialogs.exchange import KeyDialog, ReviewDialog, SendDialog
from casefile.ui.dialogs.handover import HandoverDialog
from casefile.ui.dialogs.passphrase import ChangePassphraseDialog
from casefile.ui.dialogs.redaction_preview import RedactionPreviewDialog
from casefile.ui.dialogs.search_popup import SearchPopup
from casefile.ui.dialogs.shortcuts import ShortcutsDialog
from casefile.ui.editors import source_reader
from casefile.ui.mainwindow import MainWindow
from casefile.ui.screen_lock import CaseLocker
from casefile.ui.server_case import ServerCaseDialog
from casefile.ui.welcome import NewCaseDialog

PASSPHRASE = "correct horse battery staple"
REPORT = Path("/work/shared/samples/news-report-guerrero-2013.txt")
KINDS = ("incident", "actor", "place", "source", "claim", "evidence")
LOADED_TEXT = "Texto cargado desde un archivo: 60 soldados retenidos en Ayutla."


# -- what happened: dialogs asked for, and the window before the action ------------------


@dataclass
class Before:
    path: Path | None
    kind: str | None
    current: tuple[str, int] | None
    counts: dict[str, int]
    row: dict | None
    undo_index: int
    back: list
    forward: list
    selection: tuple[int, int] | None
    status: str
    undo_command: object = None
    redo_command: object = None
    language: str = ""


@dataclass
class Walk:
    window: MainWindow
    qtbot: object
    tmp: Path
    state: str
    calls: list[tuple[str, tuple]] = field(default_factory=list)
    before: Before | None = None

    def called(self, name: str) -> list[tuple]:
        return [args for call, args in self.calls if call == name]


def _counts(case: Case) -> dict[str, int]:
    return {kind: records.count_rows(case, kind) for kind in KINDS}


def _snapshot(walk: Walk) -> Before:
    w = walk.window
    row = None
    if w.case is not None and w.current_record is not None:
        row = records.get(w.case, *w.current_record)
    reader = w.source_reader
    stack = w.undo_stack
    return Before(w.case.path if w.case else None, w.view.kind if w.view else None, w.current_record,
                  _counts(w.case) if w.case else {}, row, stack.index(), list(w._back), list(w._forward),
                  reader.selection_offsets() if reader else None, w.statusBar().currentMessage(),
                  stack.command(stack.index() - 1) if stack.canUndo() else None,
                  stack.command(stack.index()) if stack.canRedo() else None, ui_i18n.language_choice())


# -- effects, one per action id -----------------------------------------------------------


def _dialog(name: str) -> Callable[[Walk], None]:
    def check(walk: Walk) -> None:
        assert walk.called(name), f"{name} was not asked for"
    return check


def _case_closed(walk: Walk) -> None:
    assert walk.window.case is None and walk.window.pages.currentWidget() is walk.window.welcome


def _sample_opened(walk: Walk) -> None:
    case = walk.window.case
    assert case is not None and case.path != walk.before.path
    assert records.count_rows(case, "incident") > 0 and walk.window.view is not None


def _locked(walk: Walk) -> None:
    _case_closed(walk)
    walk.qtbot.waitUntil(lambda: bool(walk.called("ask_to_reopen")))
    (args,) = walk.called("ask_to_reopen")
    assert args[-1] == (walk.state == "encrypted")  # the passphrase is asked for an encrypted case


def _quit(walk: Walk) -> None:
    assert not walk.window.isVisible() and walk.window.case is None


def _passphrase(walk: Walk) -> None:
    if walk.state == "encrypted":
        assert walk.called("change_passphrase")
    else:  # a plain case has no passphrase: the window says so
        assert any("not encrypted" in args[1] for args in walk.called("error"))


def _history(walk: Walk) -> None:
    (args,) = walk.called("show_history")
    code = records.get(walk.window.case, *walk.before.current)["code"] if walk.before.current else ""
    assert args[-1] == code  # the history opens on the open record


def _undone(walk: Walk, step: int) -> None:
    """The edit undone (or redone) is what the case holds now."""
    stack = walk.window.undo_stack
    assert stack.index() == walk.before.undo_index + step
    command = walk.before.undo_command if step < 0 else walk.before.redo_command
    assert isinstance(command, UpdateRecord)  # the states make edits
    values = command.old if step < 0 else command.new
    row = records.get(walk.window.case, command.kind, command.record_id)
    assert {name: row[name] for name in values} == values


def _new_record(walk: Walk) -> None:
    w, kind = walk.window, walk.before.kind
    if kind == "evidence":  # evidence enters as files: a file dialog, or words on how
        asked = walk.called("file_dialog")
        assert asked or w.statusBar().currentMessage() not in ("", walk.before.status)
        return
    assert _counts(w.case)[kind] == walk.before.counts[kind] + 1
    assert w.current_record is not None and w.current_record[0] == kind
    assert w.current_record != walk.before.current
    assert QApplication.focusWidget() is w.editor.fields[TITLE_FIELD[kind]]


def _deleted(walk: Walk) -> None:
    w, (kind, record_id) = walk.window, walk.before.current
    assert walk.called("confirm")
    if kind == "evidence":
        assert records.get(w.case, kind, record_id)["withdrawn"]
    else:
        assert _counts(w.case)[kind] == walk.before.counts[kind] - 1
    w.undo_stack.undo()  # and it comes back, as it was (withdrawing evidence is a dated change)
    assert _without_time(records.get(w.case, kind, record_id)) == _without_time(walk.before.row)


def _without_time(row: dict) -> dict:
    return {key: value for key, value in row.items() if key != "updated_at"}


def _filter(walk: Walk) -> None:
    assert QApplication.focusWidget() is walk.window.view.filter_box


def _search(walk: Walk) -> None:
    popups = [p for p in QApplication.topLevelWidgets() if isinstance(p, SearchPopup) and p.isVisible()]
    assert popups and QApplication.focusWidget() is popups[0].query
    for popup in popups:
        popup.close()


def _back(walk: Walk) -> None:
    assert walk.window.current_record == walk.before.back[-1]


def _forward(walk: Walk) -> None:
    assert walk.window.current_record == walk.before.forward[-1]


def _shows(kind: str) -> Callable[[Walk], None]:
    def check(walk: Walk) -> None:
        assert walk.window.view.kind == kind and QApplication.focusWidget() is walk.window.view.table
    return check


def _claim_made(walk: Walk) -> None:
    w = walk.window
    source_id = walk.before.current[1]
    start, end = walk.before.selection
    assert _counts(w.case)["claim"] == walk.before.counts["claim"] + 1
    assert w.current_record is not None and w.current_record[0] == "claim"  # the new claim is open
    claim = records.get(w.case, "claim", w.current_record[1])
    text = records.get(w.case, "source", source_id)["text"]
    assert (claim["source_id"], claim["quote_start"], claim["quote_end"]) == (source_id, start, end)
    assert claim["quote"] == text[start:end]
    assert QApplication.focusWidget() is w.editor.fields["summary"]  # ready to write what it claims
    w.undo_stack.undo()  # one step takes it all back
    assert _counts(w.case)["claim"] == walk.before.counts["claim"]


def _incident_made(walk: Walk) -> None:
    w = walk.window
    start, end = walk.before.selection
    assert _counts(w.case)["incident"] == walk.before.counts["incident"] + 1
    assert w.current_record is not None and w.current_record[0] == "incident"  # the new incident is open
    text = records.get(w.case, *walk.before.current)["text"]
    assert records.get(w.case, *w.current_record)["title"].startswith(" ".join(text[start:end].split())[:40])
    assert QApplication.focusWidget() is w.editor.fields["title"]
    w.undo_stack.undo()  # one step takes it all back
    assert _counts(w.case)["incident"] == walk.before.counts["incident"]


def _mention_offered(walk: Walk) -> None:
    """A menu for the name at the cursor or the selected words, or a word on what to select."""
    assert walk.called("mention_menu") or "underlined name" in walk.window.statusBar().currentMessage()


def _finding(walk: Walk) -> None:
    """The source's find field has the keyboard, its text shown."""
    reader = walk.window.source_reader
    assert reader is not None and QApplication.focusWidget() is reader.find_field and reader.find_field.isVisible()


def _text_loaded(walk: Walk) -> None:
    assert walk.called("open_text_file")
    assert records.get(walk.window.case, *walk.before.current)["text"] == LOADED_TEXT
    walk.window.undo_stack.undo()
    assert _without_time(records.get(walk.window.case, *walk.before.current)) == _without_time(walk.before.row)


def _language(code: str) -> Callable[[Walk], None]:
    def check(walk: Walk) -> None:
        assert ui_i18n.language_choice() == code and walk.window.findChild(QAction, f"action_language_{code}").isChecked()
        if walk.before.language != code:  # a new choice is applied to what opens next, and said
            assert walk.called("install_translators")[-1][-1] == code
            assert "Restart" in walk.window.statusBar().currentMessage()
    return check


def _about(walk: Walk) -> None:
    assert "About Casefile" in [args[0] for args in walk.called("message_box")]


def _view_tab(index: int) -> Callable[[Walk], None]:
    def check(walk: Walk) -> None:
        tabs = walk.window.findChild(QTabWidget, "viewTabs")
        assert tabs is not None and tabs.currentIndex() == index
    return check


def _view_exported(walk: Walk) -> None:  # a view shown: asks where; the list shown: says to choose a view
    assert walk.called("file_dialog") or "Choose a view" in walk.window.statusBar().currentMessage()


@dataclass(frozen=True)
class Effect:
    check: Callable[[Walk], None]
    #: the window is left as it was (a dialog answered cancel, the focus moved): no need to set it up again
    keeps: bool = False
    #: it closes or replaces the case: walked in these states only
    fresh_in: tuple[str, ...] = ()


#: where actions that close the case are walked (each needs the case opened again after it)
CLOSING_STATES = ("welcome", "incident")
LOCK_STATES = ("incident", "encrypted")  # a plain case is reopened by a question, an encrypted one by its passphrase


EFFECTS: dict[str, Effect] = {
    ActionId.NEW_CASE: Effect(_dialog("new_case"), keeps=True),
    ActionId.OPEN_CASE: Effect(_dialog("open_case_file"), keeps=True),
    ActionId.OPEN_SAMPLE: Effect(_sample_opened, fresh_in=CLOSING_STATES),
    "export_dossier": Effect(_dialog("export_dossier"), keeps=True),
    "handover": Effect(_dialog("handover"), keeps=True),
    "redaction_preview": Effect(_dialog("redaction_preview"), keeps=True),
    "send_changes": Effect(_dialog("send_changes"), keeps=True),
    "open_server_case": Effect(_dialog("open_server_case"), keeps=True),
    "receive_changes": Effect(_dialog("file_dialog"), keeps=True),
    "review_conflicts": Effect(_dialog("review_conflicts"), keeps=True),
    "documenter_key": Effect(_dialog("documenter_key"), keeps=True),
    ActionId.CLOSE_CASE: Effect(_case_closed, fresh_in=CLOSING_STATES),
    "lock_case": Effect(_locked, fresh_in=LOCK_STATES),
    "change_passphrase": Effect(_passphrase, keeps=True),
    "show_history": Effect(_history, keeps=True),
    ActionId.QUIT: Effect(_quit, fresh_in=CLOSING_STATES),
    ActionId.UNDO: Effect(lambda walk: _undone(walk, -1)),
    ActionId.REDO: Effect(lambda walk: _undone(walk, +1)),
    ActionId.NEW_RECORD: Effect(_new_record),
    "add_evidence_files": Effect(_dialog("file_dialog"), keeps=True),
    ActionId.DELETE_RECORD: Effect(_deleted),
    ActionId.FILTER: Effect(_filter, keeps=True),
    ActionId.SEARCH: Effect(_search, keeps=True),
    ActionId.BACK: Effect(_back),
    ActionId.FORWARD: Effect(_forward),
    **{f"show_{kind}": Effect(_shows(kind)) for kind in KINDS},
    ActionId.CLAIM_FROM_SELECTION: Effect(_claim_made),
    ActionId.INCIDENT_FROM_SELECTION: Effect(_incident_made),
    ActionId.LINK_MENTION: Effect(_mention_offered, keeps=True),
    ActionId.FIND_IN_TEXT: Effect(_finding),
    ActionId.LOAD_SOURCE_TEXT: Effect(_text_loaded),
    ActionId.ADD_SAVED_PAGE: Effect(_dialog("file_dialog"), keeps=True),
    ActionId.ABOUT: Effect(_about, keeps=True),
    "keyboard_shortcuts": Effect(_dialog("shortcuts"), keeps=True),
    ActionId.SHOW_LIST: Effect(_view_tab(0)),
    ActionId.SHOW_TIMELINE: Effect(_view_tab(1)),
    ActionId.SHOW_LINK_CHART: Effect(_view_tab(2)),
    "show_map": Effect(_view_tab(3)),
    "add_map_tiles": Effect(_dialog("file_dialog"), keeps=True),
    ActionId.EXPORT_VIEW_SVG: Effect(_view_exported, keeps=True),
    ActionId.EXPORT_VIEW_PNG: Effect(_view_exported, keeps=True),
    **{f"language_{code}": Effect(_language(code), keeps=True)
       for code in (ui_i18n.SYSTEM, *i18n_build.available_languages())},
}


# -- states ---------------------------------------------------------------------------------


def _ids(window: MainWindow, kind: str) -> list[int]:
    window.show_kind(kind)
    model = window.view.list_model
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def _open_first(window: MainWindow, kind: str) -> None:
    first = _ids(window, kind)[0]
    if window.current_record != (kind, first) or window.editor is None:
        window.open_record(kind, first)
    window.view.table.setFocus()


def _on(kind: str) -> Callable[[MainWindow], None]:
    return lambda window: _open_first(window, kind)


def _source_selection(window: MainWindow) -> None:
    """The source with text open, a passage selected, the keyboard in the text."""
    source_id = next(i for i in _ids(window, "source") if records.get(window.case, "source", i)["text"])
    if window.current_record != ("source", source_id) or window.source_reader is None:
        window.open_record("source", source_id)
    reader = window.source_reader
    start = reader.text.index("Placido told")
    reader.show_passage(start, reader.text.index(".", start) + 1)
    assert reader.can_claim and QApplication.focusWidget() is reader.view


def _worked(window: MainWindow) -> None:
    """Records visited and one left by Back; two edits, one undone: Back, Forward, Undo
    and Redo can all act. Only what an action used up is done again."""
    actions, stack = window.actions, window.undo_stack
    if not (actions[ActionId.BACK].isEnabled() and actions[ActionId.FORWARD].isEnabled()) \
            or window.current_record is None:
        incidents = _ids(window, "incident")
        window.open_record("actor", _ids(window, "actor")[0])
        window.open_record("incident", incidents[1])
        window.open_record("incident", incidents[0])
        window.go_back()
    if not (stack.canUndo() and stack.canRedo()):
        stack.clear()
        case, (kind, record_id) = window.case, window.current_record
        name = TITLE_FIELD[kind]
        title = records.get(case, kind, record_id)[name]
        for suffix in (" (edited)", " (edited twice)"):
            assert window.execute(UpdateRecord(case, kind, record_id, {name: title + suffix}))
        stack.undo()
    window.view.table.setFocus()


#: state -> (which case: None, "plain" or "encrypted"; how to get there from an open case)
STATES: dict[str, tuple[str | None, Callable[[MainWindow], None]]] = {
    "welcome": (None, lambda window: None),
    **{kind: ("plain", _on(kind)) for kind in KINDS},
    "source_selection": ("plain", _source_selection),
    "worked": ("plain", _worked),
    "encrypted": ("encrypted", _on("incident")),
}


# -- the walk ---------------------------------------------------------------------------------


def menu_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def toolbar_actions(window: MainWindow) -> list[QAction]:
    return [action for action in window.toolbar.actions() if not action.isSeparator()]


def action_id(action: QAction) -> str:
    return action.objectName().removeprefix("action_")


def typeable(sequence: QKeySequence) -> bool:
    """A key a keyboard has (not the Back/Forward/Open... keys of multimedia keyboards)."""
    return sequence.count() == 1 and sequence[0].key().value < Qt.Key.Key_Back.value


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("samples")
    with create_demo_case(folder / "plain.casefile") as case, case.session() as session:
        source_id = session.scalar(select(Source.id).where(Source.code == "SRC-0001"))
    with Case.open(folder / "plain.casefile") as case:  # the InSight Crime piece, to read and quote
        records.update(case, "source", source_id, text=REPORT.read_text(encoding="utf-8"))
    create_demo_case(folder / "encrypted.casefile", passphrase=PASSPHRASE).close()
    return folder


@pytest.fixture
def patched(monkeypatch, tmp_path):
    """Every dialog an action may open records that it was asked for, and answers cancel."""
    calls: list[tuple[str, tuple]] = []

    def record(name, result):
        return lambda *args, **kwargs: calls.append((name, args)) or result

    text_file = tmp_path / "loaded.txt"
    text_file.write_text(LOADED_TEXT, encoding="utf-8")
    monkeypatch.setattr(NewCaseDialog, "get_new_case", classmethod(record("new_case", (None, False))))
    monkeypatch.setattr(dialogs, "open_case_file", record("open_case_file", ("", False)))
    monkeypatch.setattr(dialogs, "open_text_file", record("open_text_file", (str(text_file), True)))
    monkeypatch.setattr(dialogs, "confirm", record("confirm", True))
    monkeypatch.setattr(source_reader, "popup", record("mention_menu", None))
    monkeypatch.setattr(dialogs, "error", record("error", None))
    monkeypatch.setattr(DossierDialog, "export", classmethod(
        lambda cls, parent, case, **k: calls.append(("export_dossier", (case,))) or (None, False)))
    monkeypatch.setattr(HandoverDialog, "run", classmethod(
        lambda cls, parent, case, **k: calls.append(("handover", (case,))) or None))
    monkeypatch.setattr(HistoryDialog, "show_history", classmethod(
        lambda cls, parent, case, code="": calls.append(("show_history", (case, code))) or (None, True)))
    monkeypatch.setattr(ChangePassphraseDialog, "change", classmethod(record("change_passphrase", (None, False))))
    monkeypatch.setattr(CaseLocker, "ask_to_reopen", record("ask_to_reopen", None))
    monkeypatch.setattr(ShortcutsDialog, "show_for", classmethod(record("shortcuts", (None, True))))
    monkeypatch.setattr(RedactionPreviewDialog, "show_for", classmethod(record("redaction_preview", (None, True))))
    monkeypatch.setattr(ReviewDialog, "show_for", classmethod(record("review_conflicts", (None, True))))
    monkeypatch.setattr(KeyDialog, "show_for", classmethod(record("documenter_key", (None, True))))
    monkeypatch.setattr(SendDialog, "ask", classmethod(record("send_changes", None)))
    monkeypatch.setattr(ServerCaseDialog, "ask", classmethod(record("open_server_case", ("", "", False))))
    monkeypatch.setattr(ui_i18n, "install_translators", record("install_translators", "en"))  # the tests stay English
    monkeypatch.setattr(QMessageBox, "exec", lambda box: calls.append(("message_box", (box.windowTitle(),))) or 0)
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(record("file_dialog", ("", ""))))
    return calls


class Walker:
    """One window in one state. After an action that changed what is shown it is set
    up again; after one that closed the case, the case is opened again (a new copy)."""

    def __init__(self, qtbot, templates: Path, tmp: Path, state: str, calls: list):
        self.qtbot, self.templates, self.tmp, self.state, self.calls = qtbot, templates, tmp, state, calls
        self.window = MainWindow()
        qtbot.addWidget(self.window)
        self.copies = 0
        self.stale = True  # the window must be set up (again) before the next action

    def _open(self) -> None:
        window, (which, _setup) = self.window, STATES[self.state]
        if not window.isVisible():
            window.show()
        if which is not None and window.case is None:
            self.copies += 1
            path = self.tmp / f"{which}-{self.copies}.casefile"
            shutil.copyfile(self.templates / f"{which}.casefile", path)
            window.set_case(Case.open(path, passphrase=PASSPHRASE if which == "encrypted" else None),
                            remember=False)
        elif which is None and window.case is not None:
            window.close_case()
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def ready(self) -> MainWindow:
        window = self.window
        self._open()
        window.statusBar().clearMessage()
        if self.stale:
            STATES[self.state][1](window)
            self.stale = False
        self.focus = QApplication.focusWidget()
        return window

    def run(self, name: str, press: Callable[[MainWindow], None]) -> None:
        window = self.ready()
        if self.focus is not None:
            self.focus.setFocus()
        walk = Walk(window, self.qtbot, self.tmp, self.state, self.calls)
        walk.before = _snapshot(walk)
        self.calls.clear()
        press(window)
        effect = EFFECTS[name]
        effect.check(walk)
        self.stale = not effect.keeps
        if effect.fresh_in and window.case is not None:
            window.close_case()  # the sample case it opened is not this state's case

    def close(self) -> None:
        self.window.close()


def _trigger(action: QAction) -> Callable[[MainWindow], None]:
    return lambda window: action.trigger()


def _click_toolbar(action: QAction) -> Callable[[MainWindow], None]:
    def press(window: MainWindow) -> None:
        button = window.toolbar.widgetForAction(action)
        assert button is not None and button.isVisible()
        button.click()
    return press


def _shortcut(action: QAction, sequence: QKeySequence) -> Callable[[MainWindow], None]:
    def press(window: MainWindow) -> None:
        target: QWidget | None = QApplication.focusWidget()
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:  # Delete acts on the list only
            target = window.view.table
            target.setFocus()
        key = sequence[0]
        QTest.keyClick(target or window, key.key(), key.keyboardModifiers())
    return press


def test_every_action_has_an_effect(qtbot):
    """A menu or toolbar action without an entry in EFFECTS fails here."""
    window = MainWindow()
    qtbot.addWidget(window)
    shown = {action_id(a) for a in menu_actions(window) + toolbar_actions(window)}
    assert shown - set(EFFECTS) == set(), "add these actions to EFFECTS with the effect to look for"
    assert set(EFFECTS) - shown == set(), "these actions are no longer in a menu"


def _walked_in(name: str, state: str) -> bool:
    return not EFFECTS[name].fresh_in or state in EFFECTS[name].fresh_in


@pytest.mark.parametrize("state", list(STATES))
def test_walk(state, qtbot, templates, tmp_path, patched):
    walker = Walker(qtbot, templates, tmp_path, state, patched)
    window = walker.ready()
    actions = list(dict.fromkeys(menu_actions(window) + toolbar_actions(window)))
    enabled = [a for a in actions if a.isEnabled() and _walked_in(action_id(a), state)]
    on_toolbar = toolbar_actions(window)
    # the closing ones last in each state: they need the case opened again after them
    enabled.sort(key=lambda action: bool(EFFECTS[action_id(action)].fresh_in))
    for action in enabled:
        name = action_id(action)
        ways = [("trigger", _trigger(action))]
        if action in on_toolbar:
            ways.append(("toolbar", _click_toolbar(action)))
        ways += [(keys.toString(), _shortcut(action, keys)) for keys in action.shortcuts() if typeable(keys)]
        for way, press in ways:
            try:
                walker.run(name, press)
            except AssertionError as error:
                raise AssertionError(f"{name} by {way} in state {state}: {error}") from error
        WALKED.setdefault(name, set()).add(state)
    walker.close()


#: action id -> the states it was walked in, filled by test_walk
WALKED: dict[str, set[str]] = {}


def test_every_action_was_walked(qtbot):
    """An action enabled in no state is never walked: each needs a state in STATES.
    (Runs after the walk; when only some states were chosen with -k it cannot tell.)"""
    walked_states = set().union(*WALKED.values()) if WALKED else set()
    if walked_states != set(STATES):
        pytest.skip("only part of the walk ran")
    assert set(EFFECTS) - set(WALKED) == set(), "add a state in which these actions can act"


def test_source_actions_follow_what_the_editor_shows(window):
    """Enabled only when they can act, as the documenter moves between records."""
    case = window.case
    claim, load = window.actions[ActionId.CLAIM_FROM_SELECTION], window.actions[ActionId.LOAD_SOURCE_TEXT]
    incident = records.create(case, "incident", title="Detention")
    source = records.create(case, "source", title="La Jornada", text="Placido told La Jornada about men in black.")
    window.open_record("incident", incident)
    assert not claim.isEnabled() and not load.isEnabled()
    window.open_record("source", source)
    assert load.isEnabled() and not claim.isEnabled()  # nothing selected yet
    window.source_reader.select_offsets(0, 11)
    assert claim.isEnabled()
    window.source_reader.select_offsets(0, 0)
    assert not claim.isEnabled()
    window.source_reader.select_offsets(0, 11)
    window.go_back()
    assert window.current_record == ("incident", incident)
    assert not claim.isEnabled() and not load.isEnabled()
    window.close_case()
    assert not claim.isEnabled() and not load.isEnabled()
