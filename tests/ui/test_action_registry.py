"""The window keeps its action registry as ``window.actions``, where QWidget
has its ``actions()`` method: code that walks widgets and asks each for its
actions (as Qt's API promises) must still get them from the main window."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication


def test_the_main_window_still_answers_qwidget_actions(window):
    listed = window.actions()  # QWidget.actions(): what the window holds, shortcuts included
    assert listed and all(isinstance(action, QAction) for action in listed)
    assert window.actions["lock_case"] in listed
    assert window.actions["undo"] in listed


def test_every_widget_answers_actions(window):
    # A generic walk over the application's widgets, as accessibility or test tools do.
    for widget in QApplication.allWidgets():
        assert isinstance(widget.actions(), list)
