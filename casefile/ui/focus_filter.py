"""An event filter on the widgets of one window that get the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget


class FocusFilter(QObject):
    """Filters the events of each widget of ``window`` of the ``kinds`` that
    gets the keyboard, from its first focus on (not every event of the
    application, and once per widget)."""

    kinds: tuple[type[QWidget], ...] = ()

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, self.kinds) and new.window() is self._window:
            new.installEventFilter(self)  # Qt keeps one installation per filter and object
