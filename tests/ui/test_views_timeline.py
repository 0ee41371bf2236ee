"""The timeline tab in a real window: the View menu shows it, the list's filter
applies, a click and Enter open the incident, arrows move in time order,
edits and undo show at once, hostile titles are drawn literally, export
writes SVG and PNG (never over the case), and no socket opens while it draws."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QGraphicsSimpleTextItem, QTabWidget

from casefile.services import records
from casefile.ui import dialogs
from casefile.ui.actions import ActionId
from casefile.ui.commands import CreateRecord, UpdateRecord
from casefile.ui.views.timeline_view import TimelinePane


def _pane(window) -> TimelinePane:
    return window.findChild(TimelinePane)


def _shown(window, qtbot) -> TimelinePane:
    window.actions[ActionId.SHOW_TIMELINE].trigger()
    pane = _pane(window)
    qtbot.waitUntil(lambda: pane.isVisible() and pane.canvas.figure is not None)
    return pane


def _drawn(pane) -> set[str]:
    return {group.record for group in pane.canvas.figure.groups()}


@pytest.fixture
def dated(case):
    ids = {}
    for title, start in (("Roadblock at Ayutla", "2013-08-07"), ("Detention of police", "2013-08-05"),
                         ("Sighting of men in black", "2013-08"), ("Meeting", "2012")):
        ids[title] = records.create(case, "incident", title=title, start_date=start)
    return ids


def _click(qtbot, pane, code: str) -> None:
    item = next(i for i in pane.canvas.figure_scene.groups[_key(pane, code)] if not isinstance(
        i, QGraphicsSimpleTextItem))
    point = pane.canvas.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(pane.canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _key(pane, code: str) -> str:
    return next(g.key for g in pane.canvas.figure.groups() if g.record == code)


def test_view_menu_shows_the_timeline_tab_beside_the_list(window, dated, qtbot):
    pane = _shown(window, qtbot)
    tabs = window.findChild(QTabWidget, "viewTabs")
    assert tabs.currentWidget() is pane and tabs.widget(0) is window.view.table
    assert _drawn(pane) == {"INC-0001", "INC-0002", "INC-0003", "INC-0004"}
    assert pane.canvas.hasFocus()
    window.actions[ActionId.SHOW_LIST].trigger()
    assert tabs.currentWidget() is window.view.table


def test_the_lists_filter_applies(window, dated, qtbot):
    pane = _shown(window, qtbot)
    window.focus_filter()
    qtbot.keyClicks(window.view.filter_box, "Roadblock")
    qtbot.waitUntil(lambda: _drawn(pane) == {"INC-0001"})
    window.view.filter_box.clear()
    qtbot.waitUntil(lambda: len(_drawn(pane)) == 4)


def test_click_opens_the_incident(window, dated, qtbot):
    pane = _shown(window, qtbot)
    _click(qtbot, pane, "INC-0002")
    assert window.current_record == ("incident", dated["Detention of police"])


def test_arrows_move_in_time_and_enter_opens(window, dated, qtbot):
    pane = _shown(window, qtbot)
    window.open_record("incident", dated["Meeting"])
    pane = _shown(window, qtbot)
    pane.canvas.setFocus()
    # In time order: 2012; August 2013 (starts on the 1st); 5 August; 7 August.
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Right)
    assert pane.focused_id() == dated["Sighting of men in black"]
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Return)
    assert window.current_record == ("incident", dated["Detention of police"])
    qtbot.keyClick(pane.canvas, Qt.Key.Key_End)
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Enter)
    assert window.current_record == ("incident", dated["Roadblock at Ayutla"])
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Left)
    assert pane.focused_id() == dated["Detention of police"]


def test_zoom_goes_from_decades_to_days(window, dated, qtbot):
    pane = _shown(window, qtbot)
    pane.canvas.setFocus()
    for _ in range(20):
        qtbot.keyClick(pane.canvas, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: pane.end - pane.start == 3)
    for _ in range(40):
        qtbot.keyClick(pane.canvas, Qt.Key.Key_Minus)
    qtbot.waitUntil(lambda: pane.end - pane.start > 365 * 50)


def test_edits_and_undo_show_at_once(window, dated, qtbot):
    pane = _shown(window, qtbot)
    command = CreateRecord(window.case, "incident", {"title": "New detention", "start_date": "2013-03-02"})
    assert window.execute(command)
    qtbot.waitUntil(lambda: "INC-0005" in _drawn(pane))
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: "INC-0005" not in _drawn(pane))
    window.execute(UpdateRecord(window.case, "incident", dated["Meeting"], {"title": "Renamed meeting"}))
    qtbot.waitUntil(lambda: any(g.tooltip.startswith("INC-0004 Renamed meeting") for g in pane.canvas.figure.groups()))


def test_hostile_titles_are_drawn_literally(window, qtbot):
    title = '<b>bold</b> <img src="x.png"> \u202eRTL\u202c\nsecond line'
    records.create(window.case, "incident", title=title, start_date="2013-08-05")
    pane = _shown(window, qtbot)
    labels = [item.text() for item in pane.canvas.figure_scene.items() if isinstance(item, QGraphicsSimpleTextItem)]
    assert any(label.startswith("<b>bold</b> <img") for label in labels)  # elided at its end, not parsed
    assert not any("\n" in label for label in labels)
    assert all(isinstance(item, QGraphicsSimpleTextItem) or not hasattr(item, "toHtml")
               for item in pane.canvas.figure_scene.items())


def test_export_writes_svg_and_png_and_refuses_the_case(window, dated, qtbot, tmp_path, monkeypatch):
    pane = _shown(window, qtbot)
    for fmt, magic in (("svg", b"<svg"), ("png", b"\x89PNG")):
        target = tmp_path / f"timeline.{fmt}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target: (str(t), "")))
        window.actions[ActionId.EXPORT_VIEW_SVG if fmt == "svg" else ActionId.EXPORT_VIEW_PNG].trigger()
        assert magic in target.read_bytes()[:400]
    assert b"Roadblock at" in (tmp_path / "timeline.svg").read_bytes()
    errors = []
    monkeypatch.setattr(dialogs, "error", lambda *args, **kwargs: errors.append(args))
    link = tmp_path / "looks-like-a-drawing.svg"  # a name the dialog would take, reaching the case
    link.symlink_to(window.case.path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(link), "")))
    before = window.case.path.read_bytes()
    assert not pane.export("svg") and errors
    assert window.case.path.read_bytes() == before and link.is_symlink()


def test_no_socket_opens_while_the_views_draw(window, dated, qtbot, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("a view tried the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    pane = _shown(window, qtbot)
    pane.fit()
    window.actions[ActionId.SHOW_LINK_CHART].trigger()
    qtbot.waitUntil(lambda: window.findChild(QTabWidget, "viewTabs").currentIndex() == 2)
    chart = window.findChild(QTabWidget, "viewTabs").currentWidget()
    qtbot.waitUntil(lambda: chart.canvas.figure is not None)
    chart.canvas.png_bytes(1.0)
    pane.canvas.svg_bytes()
