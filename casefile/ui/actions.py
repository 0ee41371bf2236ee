"""Every main-window action in one place (Picard's ``ui/mainwindow/actions.py``).

An action is declared once as an :class:`ActionSpec` (id, text, shortcuts,
menu); the registry makes the ``QAction``s and the menus from the lists below.
Another panel adds its own with ``window.actions.add(spec, handler)``, which
also places it in its menu.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from ..i18n import QT_TRANSLATE_NOOP

T = QT_TRANSLATE_NOOP
SK = QKeySequence.StandardKey


class ActionId(StrEnum):
    NEW_CASE = "new_case"
    OPEN_CASE = "open_case"
    OPEN_SAMPLE = "open_sample"
    CLOSE_CASE = "close_case"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    NEW_RECORD = "new_record"
    DELETE_RECORD = "delete_record"
    FILTER = "filter"
    SEARCH = "search"
    BACK = "back"
    FORWARD = "forward"
    SHOW_INCIDENTS = "show_incident"
    SHOW_ACTORS = "show_actor"
    SHOW_PLACES = "show_place"
    SHOW_SOURCES = "show_source"
    SHOW_CLAIMS = "show_claim"
    SHOW_EVIDENCE = "show_evidence"
    CLAIM_FROM_SELECTION = "claim_from_selection"
    INCIDENT_FROM_SELECTION = "incident_from_selection"
    LINK_MENTION = "link_mention"
    FIND_IN_TEXT = "find_in_text"
    LOAD_SOURCE_TEXT = "load_source_text"
    ADD_SAVED_PAGE = "add_saved_page"
    SHOW_LIST = "show_list"
    SHOW_TIMELINE = "show_timeline"
    SHOW_LINK_CHART = "show_link_chart"
    EXPORT_VIEW_SVG = "export_view_svg"
    EXPORT_VIEW_PNG = "export_view_png"
    ABOUT = "about"


class Needs(StrEnum):
    """What must be on screen for an action to act; it is disabled otherwise."""
    NOTHING = "nothing"
    CASE = "case"
    SOURCE = "source"  # a source's text in the editor
    SELECTION = "selection"  # ... with a passage of it selected
    BACK = "back"  # a record visited before this one
    FORWARD = "forward"  # a record left by going back


@dataclass(frozen=True)
class ActionState:
    """What the window shows now, as far as actions care."""
    case: bool = False
    source: bool = False
    selection: bool = False
    back: bool = False
    forward: bool = False

    def allows(self, needs: Needs) -> bool:
        return {Needs.NOTHING: True, Needs.CASE: self.case, Needs.SOURCE: self.case and self.source,
                Needs.SELECTION: self.case and self.source and self.selection,
                Needs.BACK: self.case and self.back, Needs.FORWARD: self.case and self.forward}[needs]


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str  # marked with T(); translated when the QAction is made
    shortcuts: tuple = ()
    tip: str = ""
    menu: str = ""  # a key of MENUS; "" for actions without a menu entry
    needs_case: bool = True  # shorthand for needs=Needs.CASE / Needs.NOTHING
    extra: dict = field(default_factory=dict)
    needs: Needs | None = None

    @property
    def required(self) -> Needs:
        if self.needs is not None:
            return self.needs
        return Needs.CASE if self.needs_case else Needs.NOTHING


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(ActionId.NEW_CASE, T("Actions", "&New Case…"), (SK.New,), menu="file", needs_case=False),
    ActionSpec(ActionId.OPEN_CASE, T("Actions", "&Open Case…"), (SK.Open,), menu="file", needs_case=False),
    ActionSpec(ActionId.OPEN_SAMPLE, T("Actions", "Open the &Sample Case"), menu="file", needs_case=False),
    ActionSpec(ActionId.CLOSE_CASE, T("Actions", "&Close Case"), (SK.Close,), menu="file"),
    ActionSpec(ActionId.QUIT, T("Actions", "&Quit"), (SK.Quit, "Ctrl+Q"), menu="file", needs_case=False),
    ActionSpec(ActionId.NEW_RECORD, T("Actions", "&New Record"), ("Ctrl+Shift+N",), menu="edit",
               tip=T("Actions", "Add a record of the kind shown in the list")),
    ActionSpec(ActionId.DELETE_RECORD, T("Actions", "&Delete Record…"), (SK.Delete,), menu="edit"),
    ActionSpec(ActionId.FILTER, T("Actions", "&Filter the List"), (SK.Find,), menu="edit"),
    ActionSpec(ActionId.SEARCH, T("Actions", "&Search Everything…"), ("Ctrl+K",), menu="edit"),
    ActionSpec(ActionId.BACK, T("Actions", "&Back"), (SK.Back, "Alt+Left"), menu="go", needs=Needs.BACK),
    ActionSpec(ActionId.FORWARD, T("Actions", "&Forward"), (SK.Forward, "Alt+Right"), menu="go",
               needs=Needs.FORWARD),
    ActionSpec(ActionId.SHOW_INCIDENTS, T("Actions", "&Incidents"), ("Ctrl+1",), menu="go"),
    ActionSpec(ActionId.SHOW_ACTORS, T("Actions", "&Actors"), ("Ctrl+2",), menu="go"),
    ActionSpec(ActionId.SHOW_PLACES, T("Actions", "&Places"), ("Ctrl+3",), menu="go"),
    ActionSpec(ActionId.SHOW_SOURCES, T("Actions", "&Sources"), ("Ctrl+4",), menu="go"),
    ActionSpec(ActionId.SHOW_CLAIMS, T("Actions", "&Claims"), ("Ctrl+5",), menu="go"),
    ActionSpec(ActionId.SHOW_EVIDENCE, T("Actions", "&Evidence"), ("Ctrl+6",), menu="go"),
    ActionSpec(ActionId.CLAIM_FROM_SELECTION, T("Actions", "&Claim from Selection"), ("Ctrl+Shift+C",),
               menu="source", tip=T("Actions", "Make a claim carrying the selected passage as its quote"),
               needs=Needs.SELECTION),
    ActionSpec(ActionId.INCIDENT_FROM_SELECTION, T("Actions", "&Incident from Selection"), ("Ctrl+Shift+I",),
               menu="source", tip=T("Actions", "Make an incident titled and dated by the selected passage"),
               needs=Needs.SELECTION),
    ActionSpec(ActionId.LINK_MENTION, T("Actions", "Link the &Mention…"), ("Ctrl+Shift+M",), menu="source",
               tip=T("Actions", "Link the actor or place named at the cursor to the claim being written, "
                                "or make one from the selected words"),
               needs=Needs.SOURCE),
    ActionSpec(ActionId.FIND_IN_TEXT, T("Actions", "&Find in Text…"), ("Ctrl+Shift+F",), menu="source",
               tip=T("Actions", "Find words in the open source's text, with or without accents"),
               needs=Needs.SOURCE),
    ActionSpec(ActionId.LOAD_SOURCE_TEXT, T("Actions", "&Load Text from File…"), menu="source",
               tip=T("Actions", "Replace the open source's text with a .txt, .html or .pdf file"),
               needs=Needs.SOURCE),
    ActionSpec(ActionId.ADD_SAVED_PAGE, T("Actions", "Add Saved &Web Page…"), menu="source",
               tip=T("Actions", "Take in a saved web page (HTML, MHTML or WARC) as the open source's evidence: "
                                "its address, the day it was saved and its text fill what the source lacks"),
               needs=Needs.SOURCE),
    # The views (ui/views): tabs beside the list, filtered like it.
    ActionSpec(ActionId.SHOW_LIST, T("Actions", "&List"), ("Ctrl+Shift+L",), menu="view"),
    ActionSpec(ActionId.SHOW_TIMELINE, T("Actions", "&Timeline"), ("Ctrl+Shift+T",), menu="view",
               tip=T("Actions", "The listed incidents on a time axis")),
    ActionSpec(ActionId.SHOW_LINK_CHART, T("Actions", "Lin&k Chart"), ("Ctrl+Shift+K",), menu="view",
               tip=T("Actions", "The listed records with the people, claims and sources linked to them")),
    ActionSpec(ActionId.EXPORT_VIEW_SVG, T("Actions", "Export the View as S&VG…"), menu="view"),
    ActionSpec(ActionId.EXPORT_VIEW_PNG, T("Actions", "Export the View as &PNG…"), menu="view"),
    ActionSpec(ActionId.ABOUT, T("Actions", "&About Casefile"), menu="help", needs_case=False),
)

#: menu key -> (title, ids in order; None is a separator)
MENUS: dict[str, tuple[str, list]] = {
    "file": (T("Actions", "&File"), [ActionId.NEW_CASE, ActionId.OPEN_CASE, ActionId.OPEN_SAMPLE, None,
                                     ActionId.CLOSE_CASE, None, ActionId.QUIT]),
    "edit": (T("Actions", "&Edit"), [ActionId.UNDO, ActionId.REDO, None, ActionId.NEW_RECORD,
                                     ActionId.DELETE_RECORD, None, ActionId.FILTER, ActionId.SEARCH]),
    "go": (T("Actions", "&Go"), [ActionId.BACK, ActionId.FORWARD, None, ActionId.SHOW_INCIDENTS,
                                 ActionId.SHOW_ACTORS, ActionId.SHOW_PLACES, ActionId.SHOW_SOURCES,
                                 ActionId.SHOW_CLAIMS, ActionId.SHOW_EVIDENCE]),
    "source": (T("Actions", "&Source"), [ActionId.CLAIM_FROM_SELECTION, ActionId.INCIDENT_FROM_SELECTION,
                                         ActionId.LINK_MENTION, None, ActionId.FIND_IN_TEXT,
                                         ActionId.LOAD_SOURCE_TEXT, ActionId.ADD_SAVED_PAGE]),
    "view": (T("Actions", "&View"), [ActionId.SHOW_LIST, ActionId.SHOW_TIMELINE, ActionId.SHOW_LINK_CHART, None,
                                     ActionId.EXPORT_VIEW_SVG, ActionId.EXPORT_VIEW_PNG]),
    "help": (T("Actions", "&Help"), [ActionId.ABOUT]),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


class ActionRegistry:
    """QActions by id; menus built from MENUS; handlers wired in one place.

    The window keeps it as ``window.actions``, where QWidget has its
    ``actions()`` method: called, the registry answers as that method does."""

    def __init__(self, window: QWidget):
        self.window = window
        self._actions: dict[str, QAction] = {}
        self._specs: dict[str, ActionSpec] = {}
        self._menus: dict[str, QMenu] = {}
        self._menu_order = {key: list(ids) for key, (_, ids) in MENUS.items()}
        self._state = ActionState()
        for spec in SPECS:
            self._make(spec)

    def _make(self, spec: ActionSpec, action: QAction | None = None) -> QAction:
        action = action or QAction(_tr(spec.text), self.window)
        action.setObjectName(f"action_{spec.id}")
        if spec.shortcuts:
            keys = []
            for key in spec.shortcuts:
                keys.extend(QKeySequence.keyBindings(key) if isinstance(key, SK) else [QKeySequence(key)])
            unique = []
            for key in keys:
                if not key.isEmpty() and key not in unique:
                    unique.append(key)
            action.setShortcuts(unique)
        if spec.tip:
            action.setStatusTip(_tr(spec.tip))
            action.setToolTip(_tr(spec.tip))
        self._actions[spec.id] = action
        self._specs[spec.id] = spec
        return action

    def __call__(self) -> list[QAction]:
        return QWidget.actions(self.window)

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self._actions

    def adopt(self, action_id: str, action: QAction, spec: ActionSpec | None = None) -> QAction:
        """Use an action made elsewhere (the undo stack's undo/redo) under an id."""
        spec = spec or ActionSpec(action_id, action.text())
        action.setObjectName(f"action_{action_id}")
        self._actions[action_id] = action
        self._specs[action_id] = spec
        return action

    def connect(self, action_id: str, handler: Callable[[], object]) -> None:
        self._actions[action_id].triggered.connect(lambda _checked=False: handler())

    def add(self, spec: ActionSpec, handler: Callable[[], object] | None = None, *,
            after: str | None = None) -> QAction:
        """Add a new action (from another panel) and put it in its menu."""
        action = self._make(spec)
        if handler is not None:
            self.connect(spec.id, handler)
        if spec.menu:
            ids = self._menu_order.setdefault(spec.menu, [])
            ids.insert(ids.index(after) + 1 if after in ids else len(ids), spec.id)
            menu = self._menus.get(spec.menu)
            if menu is not None:  # right after ``after`` when it is in this menu, else at the end
                entries = menu.actions()
                anchor = self._actions.get(after) if after else None
                position = entries.index(anchor) + 1 if anchor in entries else len(entries)
                if position < len(entries):
                    menu.insertAction(entries[position], action)
                else:
                    menu.addAction(action)
        self.window.addAction(action)  # shortcuts work even when the menu bar is hidden
        self.update_enabled(self._state)
        return action

    def build_menus(self, bar: QMenuBar) -> None:
        for key, (title, _) in MENUS.items():
            menu = bar.addMenu(_tr(title))
            menu.setObjectName(f"menu_{key}")
            self._menus[key] = menu
            for action_id in self._menu_order[key]:
                if action_id is None:
                    menu.addSeparator()
                elif action_id in self._actions:
                    menu.addAction(self._actions[action_id])
        for action in self._actions.values():
            self.window.addAction(action)

    def menu(self, key: str) -> QMenu:
        return self._menus[key]

    def ids(self) -> list[str]:
        return list(self._actions)

    def update_enabled(self, state: ActionState) -> None:
        self._state = state
        for action_id, action in self._actions.items():
            if action_id in (ActionId.UNDO, ActionId.REDO):
                continue  # the undo stack enables these itself
            action.setEnabled(state.allows(self._specs[action_id].required))
