"""Activation handed back to the window a dialog closes over.

Qt's window shortcuts (Ctrl+1, Ctrl+Shift+E, …) fire only in the active
window. When a dialog closes, the window manager activates the window it
belonged to; under an X server with no window manager (a kiosk session, a
bare Xvfb) nothing does, and the window is left inactive: typing still
reaches its fields, but none of its shortcuts work until it is clicked.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication, QWindow

_WATCHED = "casefileActivationWatched"


class ActivationKeeper(QObject):
    """Watches each dialog window that takes the focus; when it hides while it
    still has the focus (not when another program has taken it), the window
    it belongs to is activated, as a window manager would. A popup of the
    dialog's (the file name's completions, a combo box's list) holds the
    focus for it: Enter on a completed file name closes both."""

    def __init__(self, app: QGuiApplication):
        super().__init__(app)
        app.focusWindowChanged.connect(self._focused)

    @Slot(QWindow)
    def _focused(self, window: QWindow | None) -> None:
        if window is not None and window.transientParent() is not None and not window.property(_WATCHED):
            window.setProperty(_WATCHED, True)
            window.visibleChanged.connect(self._visible)

    @Slot(bool)
    def _visible(self, visible: bool) -> None:
        window = self.sender()
        if visible or not isinstance(window, QWindow):
            return
        parent = window.transientParent()
        focus = QGuiApplication.focusWindow()
        if parent is not None and parent.isVisible() and (focus is window or _is_popup(focus)):
            parent.requestActivate()


def _is_popup(window: QWindow | None) -> bool:
    return window is not None and window.type() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


def keep_activation(app: QGuiApplication) -> None:
    """Install the keeper, once per application (``make_app``)."""
    if app.findChild(ActivationKeeper) is None:
        ActivationKeeper(app)
