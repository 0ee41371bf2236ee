"""The link chart tab: the listed records and what they are linked to.

The chart starts from the records the list's filter keeps (all of them when
nothing is filtered) with their neighbours; Expand (E) adds the neighbours of
the node in focus; Chain (C) marks a claim's chain of attribution; the
Relations menu hides or shows each kind of edge. Left/Right move between
nodes, Enter opens the one in focus, a click opens a node. Nodes keep their
places as records are added: only new nodes are laid out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QToolButton, QWidget

from ...errors import CasefileError
from ...services.redaction import Redactor
from ...services.views.linkchart import Layout, chart_figure, export_graph
from ...services.views.linkgraph import RELATIONS, Graph, first, reach, subgraph
from ..dialogs.output_path import may_write
from .canvas import FigureCanvas
from .pane import FigurePane

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

MAX_NODES = 1500  # beyond this a chart is unreadable; the filter narrows it
KINDS = ("incident", "actor", "claim", "source")  # the order nodes are listed (and cut) in

RELATION_NAMES = {
    "involvement": "Involvements", "about": "What claims are about", "claimant": "Who claims",
    "chain": "Chains of attribution", "supports": "Supports", "contradicts": "Contradicts",
    "repeats": "Repeats", "incident_link": "Incident links", "actor_relation": "Actor relations"}


class ChartCanvas(FigureCanvas):
    step = Signal(int)
    activate = Signal()
    expand = Signal()
    chain = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("linkChartCanvas")
        self.setDragMode(FigureCanvas.DragMode.ScrollHandDrag)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step.emit(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step.emit(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate.emit()
        elif key == Qt.Key.Key_E:
            self.expand.emit()
        elif key == Qt.Key.Key_C:
            self.chain.emit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.scale(1.25, 1.25)
        elif key == Qt.Key.Key_Minus:
            self.scale(0.8, 0.8)
        else:
            super().keyPressEvent(event)


class LinkChartPane(FigurePane):
    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        self.chart_canvas = ChartCanvas()
        super().__init__(window, self.chart_canvas, parent)
        self.setObjectName("linkChartView")
        self.graph: Graph | None = None
        self.layout_ = Layout()          # kept across rebuilds: nodes stay put
        self.shown: list[str] = []       # node keys in focus order
        self.expanded: set[str] = set()
        self.focus: str | None = None
        self.highlight: str | None = None
        self.relations = set(RELATIONS)
        menu = QMenu(self)
        for relation in RELATIONS:
            action = QAction(self.tr(RELATION_NAMES[relation]), menu)
            action.setCheckable(True)
            action.setChecked(True)
            action.setObjectName(f"relation_{relation}")
            action.toggled.connect(lambda on, relation=relation: self.set_relation(relation, on))
            menu.addAction(action)
        self.relation_menu = menu
        relations = QToolButton()
        relations.setText(self.tr("Relations"))
        relations.setMenu(menu)
        relations.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        expand = QPushButton(self.tr("Expand (E)"))
        expand.clicked.connect(self.expand_focus)
        chain = QPushButton(self.tr("Chain of Attribution (C)"))
        chain.clicked.connect(self.show_chain)
        export = QPushButton(self.tr("Export for Gephi…"))
        export.clicked.connect(self.export_graph)
        for widget in (relations, expand, chain, export):
            self.tools.addWidget(widget)
        self.tools.addStretch(1)
        c = self.chart_canvas
        c.step.connect(self.move_focus)
        c.activate.connect(self.open_focus)
        c.expand.connect(self.expand_focus)
        c.chain.connect(self.show_chain)
        c.item_clicked.connect(self._clicked)

    # -- reading and drawing ----------------------------------------------------------

    def rebuild(self) -> None:
        """The records the list keeps with their neighbours, and those of the
        nodes expanded, read as ids (every record when nothing is filtered);
        only the first MAX_NODES as records. The whole case's graph took 34 s
        and 1.7 GB to read at 100,000 incidents."""
        case = self.window_.case
        assert case is not None
        kind, ids = self.scope()
        lang = self.window_.lang
        with case.session() as session:
            rules = Redactor(session, "full")
            if ids is None:  # every record: the first ones (what is expanded is among them already)
                self.shown, total = first(session, rules, KINDS, MAX_NODES)
            else:
                keys = reach(session, rules, (f"{kind}:{i}" for i in ids), lang=lang)
                if self.expanded:
                    keys |= reach(session, rules, self.expanded, lang=lang)
                ordered = sorted(keys, key=self._order)
                self.shown, total = ordered[:MAX_NODES], len(ordered)
            self.graph = subgraph(session, rules, self.shown, lang=lang)
        cut = total > MAX_NODES
        if self.focus not in self.shown:
            self.focus = None
        text = self.tr("{nodes:,} records on the chart").format(nodes=len(self.shown))
        if cut:
            text += self.tr("; the first {limit:,} of {total:,}: filter the list to see others").format(
                limit=MAX_NODES, total=total)
        self.status.setText(text)

    def _order(self, key: str) -> tuple[int, str]:
        kind, _, number = key.partition(":")
        return (KINDS.index(kind), number.zfill(10))

    def redraw(self) -> None:
        if self.graph is None:
            return
        positions = self.layout_.place(self.graph, self.shown)
        width = max(self.canvas.viewport().width() - 20, 600)
        self.canvas.show_figure(chart_figure(self.graph, positions, width=width, relations=self.relations,
                                             highlight=self.highlight, focus=self.focus))

    def set_relation(self, relation: str, on: bool) -> None:
        (self.relations.add if on else self.relations.discard)(relation)
        self.redraw()

    # -- focus, expanding, the chain ------------------------------------------------------

    def move_focus(self, step: int) -> None:
        if not self.shown:
            return
        index = self.shown.index(self.focus) + step if self.focus in self.shown else 0
        self.set_focus(self.shown[min(max(index, 0), len(self.shown) - 1)])

    def set_focus(self, key: str) -> None:
        self.focus = key
        self.redraw()
        items = self.canvas.figure_scene.groups.get(key)
        if items:
            self.canvas.ensureVisible(items[0])
        node = self.graph.nodes.get(key) if self.graph is not None else None
        if node is not None:
            self.status.setText(f"{node.code} {node.label}")

    def open_focus(self) -> None:
        node = self.graph.nodes.get(self.focus) if self.graph is not None and self.focus else None
        if node is not None:
            self.window_.open_record(node.kind, node.id)

    def expand_focus(self) -> None:
        if self.focus is None or self.graph is None:
            return
        self.expanded.add(self.focus)
        self.refresh_now()  # its neighbours are read from the case: the chart holds only what it shows

    def show_chain(self) -> None:
        if self.focus is not None and self.focus.startswith("claim:"):
            self.highlight = None if self.highlight == self.focus else self.focus
            self.redraw()

    def _clicked(self, key: str) -> None:
        self.focus = key if self.graph is not None and key in self.graph.nodes else self.focus

    # -- Gephi -----------------------------------------------------------------------------

    def export_graph(self) -> bool:
        case = self.window_.case
        if case is None or self.graph is None:
            return False
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the chart for Gephi"), "",
                                                   self.tr("GEXF graph (*.gexf);;GraphML graph (*.graphml)"))
        if not path:
            return False
        fmt = "graphml" if path.lower().endswith(".graphml") or "graphml" in chosen.lower() else "gexf"
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        try:
            force = may_write(self, path, open_cases=[case.path])
            if force is None:
                return False
            export_graph(self.graph, path, fmt, keys=self.shown, force=force, open_cases=[case.path])
        except CasefileError as error:
            self.window_.show_error(error)
            return False
        self.window_.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return True
