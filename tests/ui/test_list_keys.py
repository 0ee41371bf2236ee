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


def _titles(window) -> list[str]:
    model = window.view.list_model
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def _incidents(window, *titles: str) -> None:
    from casefile.services import records

    for title in titles:
        records.create(window.case, "incident", title=title)


def test_enter_or_down_in_the_filter_goes_to_the_first_row_it_keeps_at_once(qtbot, window):
    """Before the pause the filter waits for: what was typed is what the
    keyboard lands in, and the record on the first row opens."""
    _incidents(window, "Roadblock on the highway", "Detention of soldiers", "Takeover of the town hall",
               "Second detention")
    window.view.table.selectRow(3)  # a record the filter keeps, not on its first row
    qtbot.waitUntil(lambda: window.editor is not None and window.editor.fields["title"].text() == "Second detention")
    keypad = Qt.KeyboardModifier.KeypadModifier
    for key, modifier in [(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Enter, keypad),
                          (Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)]:
        window.actions[ActionId.FILTER].trigger()
        box = window.view.filter_box
        box.clear()
        qtbot.keyClicks(box, "detention")
        qtbot.keyClick(box, key, modifier)  # at once, not after the 150 ms pause
        assert _titles(window) == ["Detention of soldiers", "Second detention"]
        assert QApplication.focusWidget() is window.view.table
        assert window.view.table.currentIndex().row() == 0
        qtbot.waitUntil(lambda: window.editor is not None
                        and window.editor.fields["title"].text() == "Detention of soldiers")
        assert "2 of 4" in window.view.heading.text()


def test_tab_from_the_filter_applies_it_before_the_list_takes_the_keyboard(qtbot, window):
    _incidents(window, "Roadblock", "Detention")
    window.actions[ActionId.FILTER].trigger()
    qtbot.keyClicks(window.view.filter_box, "roadblock")
    qtbot.keyClick(window.view.filter_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.view.table and _titles(window) == ["Roadblock"]


def test_the_filter_is_read_off_the_windows_thread_and_the_last_text_typed_wins(qtbot, window, monkeypatch):
    """A short word matches most of a large case: the list is read in a
    thread, the window answering meanwhile, and a reading overtaken by more
    typing is not shown over the later one."""
    import threading
    import time

    from casefile.services import records
    from casefile.ui.case import list_model

    _incidents(window, "Roadblock", "Detention", "Detention of police")
    read_on, real = [], records.list_rows

    def slow(case, kind, sort, order, text, *args, **kwargs):
        read_on.append((text, threading.current_thread() is threading.main_thread()))
        if text == "det":
            time.sleep(0.4)  # overtaken: "detention of" is typed meanwhile
        return real(case, kind, sort, order, text, *args, **kwargs)

    monkeypatch.setattr(list_model.records, "list_rows", slow)
    box = window.view.filter_box
    window.actions[ActionId.FILTER].trigger()
    qtbot.keyClicks(box, "det")
    qtbot.waitUntil(lambda: read_on[-1:] == [("det", False)])
    qtbot.keyClicks(box, "ention of")
    qtbot.waitUntil(lambda: window.view.list_model.filter_text == "detention of", timeout=3000)
    qtbot.wait(600)  # the overtaken reading has ended by now, and was not shown
    assert _titles(window) == ["Detention of police"] and window.view.list_model.filter_text == "detention of"
    assert ("detention of", False) in read_on and all(not on_main for text, on_main in read_on if text)


def test_a_record_added_while_the_filter_is_read_is_in_the_list_it_shows(qtbot, window, monkeypatch):
    import time

    from casefile.services import records
    from casefile.ui.case import list_model

    _incidents(window, "Detention")
    readings = []

    def slow(case, view, lang):
        found = list_model.read_filtered(case, view, lang)
        readings.append(found)
        if len(readings) == 1:
            time.sleep(0.4)  # the record below is added after this reading read the case
        return found

    monkeypatch.setattr("casefile.ui.case.panes.read_filtered", slow)
    window.actions[ActionId.FILTER].trigger()
    qtbot.keyClicks(window.view.filter_box, "detention")
    qtbot.waitUntil(lambda: bool(readings))
    records.create(window.case, "incident", title="Another detention")
    qtbot.waitUntil(lambda: len(readings) == 2, timeout=3000)  # read again
    qtbot.waitUntil(lambda: _titles(window) == ["Detention", "Another detention"])
    assert [r.total for r in readings] == [1, 2] and window.view.list_model.total == 2


def test_a_filter_the_case_refuses_is_said_in_the_heading_and_not_asked_again(qtbot, window, monkeypatch):
    from casefile.errors import CasefileError
    from casefile.ui.case import list_model

    _incidents(window, "Detention")
    asked = []

    def refused(case, view, lang):
        asked.append(view[3])
        raise CasefileError("The case is busy: a file is going in.")

    monkeypatch.setattr(list_model, "read_filtered", refused)
    monkeypatch.setattr("casefile.ui.case.panes.read_filtered", refused)
    window.actions[ActionId.FILTER].trigger()
    qtbot.keyClicks(window.view.filter_box, "det")
    qtbot.waitUntil(lambda: window.view.heading.text() == "The case is busy: a file is going in.")
    qtbot.wait(400)
    assert asked == ["det"] and _titles(window) == ["Detention"]
