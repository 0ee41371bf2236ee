"""Enter presses the window's focused button, as Space does and as Enter does
in a dialog (``ButtonKeys``): a keyboard user tabs to Choose… or New Case…
and presses Enter, which did nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from casefile.services import records
from casefile.ui.editors.picker import RecordPicker
from casefile.ui.welcome import NewCaseDialog


def _active(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _dialog_seen(qtbot, kind: type[QDialog], press) -> bool:
    """Presses, and closes the dialog of ``kind`` that opens (within a second:
    a button pressed from the keyboard shows itself down for a moment first)."""
    seen: list[QDialog] = []
    pressed = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            dialog.reject()
        elif not pressed:
            QTimer.singleShot(20, close)

    QTimer.singleShot(0, close)
    press()
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=1000)
    except qtbot.TimeoutError:
        pass
    pressed.append(True)
    return bool(seen)


def test_enter_on_the_editors_choose_button_opens_the_picker(window, qtbot):
    incident = records.create(window.case, "incident", title="Checkpoint at the bridge")
    window.open_record("incident", incident)
    _active(window, qtbot)
    choose = window.editor.fields["place_id"].choose
    choose.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(choose.hasFocus)
    assert _dialog_seen(qtbot, RecordPicker, lambda: qtbot.keyClick(choose, Qt.Key.Key_Return))
    assert _dialog_seen(qtbot, RecordPicker, lambda: qtbot.keyClick(choose, Qt.Key.Key_Enter,
                                                                     Qt.KeyboardModifier.KeypadModifier))
    assert not _dialog_seen(qtbot, RecordPicker, lambda: qtbot.keyClick(choose, Qt.Key.Key_Return,
                                                                         Qt.KeyboardModifier.ControlModifier))


def test_enter_on_the_welcome_pages_new_case_opens_its_dialog(window, qtbot):
    window.close_case()
    _active(window, qtbot)
    button = window.welcome.new_button
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    assert _dialog_seen(qtbot, NewCaseDialog, lambda: qtbot.keyClick(button, Qt.Key.Key_Return))
