"""The window's keys where a text field has the keyboard.

Qt asks the focused widget first (a ShortcutOverride event) whether it wants
a key that is also a shortcut, and a text field claims more than its typing
needs:

- Ctrl+Z and the redo keys, even with nothing typed: after Add Evidence Files
  or New Record, with the keyboard waiting in the new record's title, Ctrl+Z
  did nothing at all. A field keeps them while it has typing of its own to
  undo (or redo), and lets them through to the window's Undo and Redo (the
  case's history) when it has none.
- On X11, the Emacs keys of a line edit: Ctrl+E (to the end of the line)
  took Export Dossier from every field. A documented shortcut with Ctrl or
  Alt is the window's, whatever field has the keyboard; a field keeps only
  the keys of editing text (copy, cut, paste, select all, and its own undo).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from .focus_filter import FocusFilter

TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit)
#: What a field keeps even where the window has the same key.
EDITING = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Paste,
           QKeySequence.StandardKey.SelectAll)
_WINDOW_MODIFIERS = ("Ctrl+", "Alt+", "Meta+")


def has_own(field: QWidget, redo: bool) -> bool:
    """Whether a text field has typing of its own to undo (``redo``: to redo)."""
    if isinstance(field, QLineEdit):
        return field.isRedoAvailable() if redo else field.isUndoAvailable()
    if isinstance(field, (QTextEdit, QPlainTextEdit)) and not field.isReadOnly():
        document = field.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return False


class FieldKeys(FocusFilter):
    """Watches each text field of ``window`` that gets the keyboard, so that
    ``undo`` and ``redo`` take the keys it has no use for, and the window's
    ``actions`` their shortcuts with Ctrl or Alt."""

    kinds = TEXT_FIELDS

    def __init__(self, window: QWidget, undo: QAction, redo: QAction, actions: Callable[[], list[QAction]]):
        super().__init__(window)
        self._undo, self._redo, self._actions = undo, redo, actions
        self._editing = {key.toString() for standard in EDITING for key in QKeySequence.keyBindings(standard)}

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
        if self._is_window_key(key):
            event.ignore()  # the window's; Qt still hands the key to the field if no shortcut takes it
            return True
        return False

    def _is_window_key(self, key: QKeySequence) -> bool:
        text = key.toString()
        if not text.startswith(_WINDOW_MODIFIERS) or text in self._editing:
            return False
        return any(key in action.shortcuts() for action in self._actions() if action.isEnabled())
