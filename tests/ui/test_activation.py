"""Activation goes back to the window any dialog of it closes over."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from casefile.ui.activation import keep_activation


def test_a_closed_dialog_leaves_its_window_active(qtbot):
    keep_activation(QApplication.instance())
    keep_activation(QApplication.instance())  # once per application, however often asked
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    for _ in range(2):  # the same dialog, shown and closed again
        dialog = QDialog(window)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda dialog=dialog: QApplication.activeWindow() is dialog, timeout=5000)
        dialog.reject()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
