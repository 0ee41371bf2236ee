"""Tab is not trapped in the record list (issue 16 item 1): Tab goes to the
editor's first field, Shift+Tab to the filter, and typing in the list goes to
the filter instead of a hidden type-ahead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from casefile.ui.actions import ActionId


def test_tab_from_the_list_goes_to_the_editor(qtbot, window):
    window.show_kind("incident")
    window.actions[ActionId.NEW_RECORD].trigger()  # the case starts empty
    table = window.view.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    title = window.editor.fields["title"]
    assert QApplication.focusWidget() is title


def test_shift_tab_from_the_list_goes_to_the_filter(qtbot, window):
    window.show_kind("incident")
    table = window.view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.view.filter_box


def test_typing_in_the_list_filters_it(qtbot, window):
    window.show_kind("incident")
    table = window.view.table
    table.setFocus()
    qtbot.keyClicks(table, "det")
    assert window.view.filter_box.text() == "det" and window.view.filter_box.hasFocus()
