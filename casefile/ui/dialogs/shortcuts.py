"""Help > Keyboard Shortcuts (F1), and small keys of the list.

The dialog reads every shortcut from the window's own actions when it opens,
so it lists whatever another panel added and always speaks the interface's
language. In the list's filter, Down or Enter goes to the first row it
keeps, and Escape clears it (and, on an empty filter, goes back to the list).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from ..case.panes import CaseView

NATIVE = QKeySequence.SequenceFormat.NativeText


@dataclass(frozen=True)
class Shortcut:
    keys: str  # as the platform writes them, several joined by ", "
    text: str  # what it does: the action's text, without its "&"
    menu: str  # where the action sits, "" when in no menu


def plain(text: str) -> str:
    """An action's text as read: no mnemonic "&" (a "&&" is a real one)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def typeable(key: QKeySequence) -> bool:
    """A key a laptop has: not a dedicated key of special keyboards (Help, Open,
    Back...), which Qt's standard bindings add and would only confuse the list."""
    # PySide6's stubs omit QKeySequence.__getitem__ (operator[], there at run time)
    return not key.isEmpty() and all(key[n].key().value < Qt.Key.Key_Help.value  # type: ignore[index]
                                     for n in range(key.count()))


def _menus(window) -> dict[QAction, str]:
    found: dict[QAction, str] = {}

    def walk(actions, title: str) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions(), plain(action.text()))
            elif action not in found:
                found[action] = title
    walk(window.menuBar().actions(), "")
    return found


def window_shortcuts(window) -> list[Shortcut]:
    """Every action of the window that has a shortcut, in menu order, then the rest."""
    menus = _menus(window)
    actions = list(menus) + [a for a in {*window.findChildren(QAction), *QWidget.actions(window)} if a not in menus]
    rows, seen = [], set()
    for action in actions:
        keys = [key.toString(NATIVE) for key in action.shortcuts() if typeable(key)]
        if not keys or id(action) in seen:
            continue
        seen.add(id(action))
        rows.append(Shortcut(", ".join(keys), _text(action), menus.get(action, "")))
    return rows


def _text(action: QAction) -> str:
    # Undo and Redo carry the change they would undo ("Undo Create place"): name the command only.
    name = action.objectName()
    if name == "action_undo":  # the window's own words for them, already translated
        return plain(QCoreApplication.translate("MainWindow", "&Undo"))
    if name == "action_redo":
        return plain(QCoreApplication.translate("MainWindow", "&Redo"))
    return plain(action.text())


class ShortcutsDialog(QDialog):
    """The window's shortcuts as a table: keys, what they do, and in which menu."""

    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = window_shortcuts(window) + [
            Shortcut(QKeySequence(Qt.Key.Key_Escape).toString(NATIVE), self.tr("Clear the list's filter"),
                     self.tr("In the filter box"))]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does"), self.tr("Menu")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        for row, shortcut in enumerate(rows):  # items are drawn as plain text
            for column, value in enumerate((shortcut.keys, shortcut.text, shortcut.menu)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(780, 600)
        self.rows = rows

    @classmethod
    def show_for(cls, window) -> tuple[None, bool]:
        cls(window).exec()
        return None, True


class FilterKeys(QObject):
    """The list's filter box: Down or Enter goes to the first row it keeps,
    the filter applied at once (not after the pause typing waits for); Tab
    applies it too. Escape clears it; on an empty filter, back to the list."""

    def __init__(self, view: CaseView):
        super().__init__(view.filter_box)
        self.view = view
        view.filter_box.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        # The keypad's Enter, and arrows on some keyboards, carry the keypad modifier.
        if (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier) != Qt.KeyboardModifier.NoModifier:
            return False
        key, box = event.key(), self.view.filter_box
        if key == Qt.Key.Key_Escape:
            if box.text():
                box.clear()
            else:
                self.view.table.setFocus()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.view.enter_list()
            return True
        if key == Qt.Key.Key_Tab:
            self.view.settle_filter()
        return False


def install(window) -> None:
    """Help > Keyboard Shortcuts (F1); Escape in the list's filter."""
    from ..actions import ActionSpec

    window.actions.add(ActionSpec(
        "keyboard_shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        (QKeySequence.StandardKey.HelpContents, "F1"), menu="help", needs_case=False,
        tip=QT_TRANSLATE_NOOP("Actions", "Every shortcut of the window, read from its actions")),
        lambda: ShortcutsDialog.show_for(window))

    def opened(_case) -> None:
        if window.view is not None:
            FilterKeys(window.view)

    window.case_opened.connect(opened)
    if window.case is not None:
        opened(window.case)
