"""The undo and redo keys where a text field has the keyboard.

Qt asks the focused widget first (a ShortcutOverride event) whether it wants
a key that is also a shortcut, and a line or text edit always wants Ctrl+Z
and the redo keys, for its own typing, even with nothing typed: after Add
Evidence Files or New Record, with the keyboard waiting in the new record's
title, Ctrl+Z did nothing at all. Here a field of the main window keeps the
keys while it has typing of its own to undo (or redo), and lets them through
to the window's Undo and Redo (the case's history) when it has none.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit)


def has_own(field: QWidget, redo: bool) -> bool:
    """Whether a text field has typing of its own to undo (``redo``: to redo)."""
    if isinstance(field, QLineEdit):
        return field.isRedoAvailable() if redo else field.isUndoAvailable()
    if isinstance(field, (QTextEdit, QPlainTextEdit)) and not field.isReadOnly():
        document = field.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return False


class UndoKeys(QObject):
    """Watches each text field of ``window`` that gets the keyboard (not every
    event of the application: a field is filtered from its first focus on,
    once), so that ``undo`` and ``redo`` take the keys it has no use for."""

    def __init__(self, window: QWidget, undo: QAction, redo: QAction):
        super().__init__(window)
        self._window, self._undo, self._redo = window, undo, redo
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, TEXT_FIELDS) and new.window() is self._window:
            new.installEventFilter(self)  # Qt keeps one installation per filter and object

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, TEXT_FIELDS):
            return False
        assert isinstance(event, QKeyEvent)
        key = QKeySequence(event.keyCombination())
        for action, redo in ((self._undo, False), (self._redo, True)):
            if key in action.shortcuts():
                if has_own(watched, redo):
                    return False  # the field's own typing, as Qt does
                event.ignore()  # not the field's: the window's shortcut takes it
                return True
        return False
