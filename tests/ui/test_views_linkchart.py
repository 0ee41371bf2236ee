"""The link chart tab in a real window: the list's filter picks the records,
a click and Enter open a node's record, E expands a node, C marks a claim's
chain, relations can be hidden, nodes stay put as records are added and
undone, and the chart exports for Gephi."""

from __future__ import annotations

import shutil

import networkx as nx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QGraphicsSimpleTextItem

from casefile.services import records
from casefile.services.sample import create_demo_case
from casefile.services.views.figure import Line, Role
from casefile.services.views.linkgraph import load_graph
from casefile.store import Case
from casefile.ui.actions import ActionId
from casefile.ui.commands import CreateLink, CreateRecord
from casefile.ui.mainwindow import MainWindow
from casefile.ui.views.linkchart_view import LinkChartPane


@pytest.fixture
def sample_window(qtbot, tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    create_demo_case(folder / "sample.casefile").close()
    shutil.copyfile(folder / "sample.casefile", folder / "open.casefile")
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_case(Case.open(folder / "open.casefile"), remember=False)
    window.resize(1400, 900)
    window.show()
    yield window
    window.close()


def _shown(window, qtbot) -> LinkChartPane:
    window.actions[ActionId.SHOW_LINK_CHART].trigger()
    pane = window.findChild(LinkChartPane)
    qtbot.waitUntil(lambda: pane.isVisible() and pane.canvas.figure is not None)
    return pane


def _nodes(pane) -> set[str]:
    return {group.key for group in pane.canvas.figure.groups()}


def test_whole_case_then_the_lists_filter(sample_window, qtbot):
    window = sample_window
    pane = _shown(window, qtbot)
    assert _nodes(pane) == set(pane.graph.nodes)
    window.show_kind("actor")
    window.actions[ActionId.SHOW_LINK_CHART].trigger()
    window.focus_filter()
    qtbot.keyClicks(window.view.filter_box, "Bruno")
    whole = load_graph(window.case)  # the chart reads only what it shows
    qtbot.waitUntil(lambda: "actor:6" in _nodes(pane) and len(_nodes(pane)) < len(whole.nodes))
    assert _nodes(pane) == set(pane.graph.nodes) == {"actor:6"} | whole.neighbours("actor:6")


def test_click_and_enter_open_the_record(sample_window, qtbot):
    window = sample_window
    pane = _shown(window, qtbot)
    item = next(i for i in pane.canvas.figure_scene.groups["source:1"] if not isinstance(i, QGraphicsSimpleTextItem))
    pane.canvas.centerOn(item)
    qtbot.mouseClick(pane.canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=pane.canvas.mapFromScene(item.sceneBoundingRect().center()))
    assert window.current_record == ("source", 1)
    pane = _shown(window, qtbot)
    pane.canvas.setFocus()
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Right)  # from the node clicked to the next one
    assert pane.focus == "source:2"
    qtbot.keyClick(pane.canvas, Qt.Key.Key_Return)
    assert window.current_record == ("source", 2)
    pane = _shown(window, qtbot)
    pane.canvas.setFocus()
    for _ in range(40):
        qtbot.keyClick(pane.canvas, Qt.Key.Key_Left)  # to the first node: incidents come first
    assert pane.focus == "incident:1"


def test_expand_chain_and_relations(sample_window, qtbot):
    window = sample_window
    window.show_kind("claim")
    window.focus_filter()
    qtbot.keyClicks(window.view.filter_box, "CLM-0001")
    pane = _shown(window, qtbot)
    whole = load_graph(window.case)
    qtbot.waitUntil(lambda: "claim:1" in _nodes(pane) and len(_nodes(pane)) < len(whole.nodes))
    before = _nodes(pane)
    pane.set_focus("source:1")
    pane.canvas.setFocus()
    qtbot.keyClick(pane.canvas, Qt.Key.Key_E)
    assert _nodes(pane) == before | whole.neighbours("source:1") and _nodes(pane) > before
    assert pane.focus == "source:1"
    pane.set_focus("claim:1")
    qtbot.keyClick(pane.canvas, Qt.Key.Key_C)
    marked = [i for i in pane.canvas.figure.items if isinstance(i, Line) and i.role == Role.HIGHLIGHT]
    shown = _nodes(pane)
    assert len(marked) == len([e for e in whole.chain("claim:1")[1] if e.a in shown and e.b in shown]) > 0
    lines = len([i for i in pane.canvas.figure.items if isinstance(i, Line)])
    pane.relation_menu.findChild(type(pane.relation_menu.actions()[0]), "relation_chain").setChecked(False)
    assert len([i for i in pane.canvas.figure.items if isinstance(i, Line)]) < lines


def test_nodes_stay_put_as_records_are_added_and_undone(sample_window, qtbot):
    window = sample_window
    pane = _shown(window, qtbot)
    before = dict(pane.layout_.positions)
    create = CreateRecord(window.case, "actor", {"name": "New unit"})
    assert window.execute(create)
    assert window.execute(CreateLink(window.case, "involvement",
                                     {"incident_id": 1, "actor_id": create.record_id, "role": "perpetrator"}))
    new = f"actor:{create.record_id}"
    qtbot.waitUntil(lambda: new in _nodes(pane))
    assert {k: pane.layout_.positions[k] for k in before} == before
    window.undo_stack.undo()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: new not in _nodes(pane))


def test_export_for_gephi(sample_window, qtbot, tmp_path, monkeypatch):
    pane = _shown(sample_window, qtbot)
    target = tmp_path / "chart.gexf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    assert pane.export_graph()
    assert nx.read_gexf(target).number_of_nodes() == len(_nodes(pane))
    assert records.count_rows(sample_window.case, "actor") == 9
