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


def has_own(widget: QObject, redo: bool) -> bool | None:
    """Whether a text field has typing of its own to undo (``redo``: to
    redo); None for anything else."""
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        if widget.isReadOnly():
            return False
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return None


class UndoKeys(QObject):
    """Installed on the application for ``window``, whose ``undo`` and
    ``redo`` actions take the keys a field of it has no use for."""

    def __init__(self, window: QWidget, undo: QAction, redo: QAction):
        super().__init__(window)
        self._window, self._undo, self._redo = window, undo, redo
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, (QLineEdit, QTextEdit,
                                                                                      QPlainTextEdit)):
            return False
        assert isinstance(event, QKeyEvent)
        key = QKeySequence(event.keyCombination())
        for action, redo in ((self._undo, False), (self._redo, True)):
            if key in action.shortcuts():
                if has_own(watched, redo) or watched.window() is not self._window:
                    return False  # the field's own typing, or a dialog's field: as Qt does
                event.ignore()  # not the field's: the window's shortcut takes it
                return True
        return False
