"""Enter on a focused button of the window presses it.

In a dialog Qt gives Enter to the focused button (``autoDefault``); in the
window itself only Space presses one, and Enter did nothing on the welcome
page's Open the Sample Case, the editor's Choose… or Add Link: a keyboard
user tabs to a button and presses Enter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QToolButton

from .focus_filter import FocusFilter

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
BUTTONS = (QPushButton, QToolButton)  # not check boxes and radio buttons: Enter does not toggle


class ButtonKeys(FocusFilter):
    """Presses the window's focused button on Enter."""

    kinds = BUTTONS

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, BUTTONS):
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in _ENTER or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if watched.isEnabled() and watched.isVisible():
            watched.animateClick()
        return True
