"""Views benchmark (issue 20): the timeline of 100,000 incidents (pan and zoom
frames) and the link chart of 2,000 nodes and 6,000 edges (layout), each
against a limit measured in the same run.

    uv run python tests/perf/views_bench.py [--incidents 100000] [--nodes 2000] [--edges 6000] [--frames 40]

Timeline: a ``TimelinePane`` holding the incidents (level of detail: bins past
1,500 in sight); a frame is one pan or zoom step and one synchronous repaint
of the viewport; "settle" is the redraw once a gesture stops (the figure for
the new stretch, its scene items, a repaint). The limit: a bare
``QGraphicsScene`` with one rect item per incident, panned and zoomed the same
way. Link chart: ``Layout.place`` (the grid-approximated force layout) against
networkx's own Fruchterman-Reingold on the same graph and iterations (its
dense solver: networkx's spring_layout needs SciPy past 500 nodes), and the
figure drawn into a scene. Not a test: nothing asserts on time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
from networkx.drawing import layout as nx_layout  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView  # noqa: E402

from casefile.services.views.linkchart import Layout, chart_figure  # noqa: E402
from casefile.services.views.linkgraph import Edge, Graph, Node  # noqa: E402
from casefile.services.views.timeline import Event, Timeline  # noqa: E402
from casefile.ui.views.canvas import FigureCanvas  # noqa: E402
from casefile.ui.views.timeline_view import TimelinePane  # noqa: E402
from tests.perf._common import figure, percentile, write_figures  # noqa: E402


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(samples) * 1000:7.2f} ms, p95 {p95 * 1000:7.2f} ms"


def _events(count: int, seed: int) -> list[Event]:
    """Thirty years of incidents: most exact days, some months, years, bars, approximate."""
    rng = random.Random(seed)
    first = date(1995, 1, 1).toordinal()
    out = []
    for n in range(count):
        day = first + rng.randrange(30 * 365)
        shape = rng.choice(["point"] * 6 + ["span"] * 3 + ["bar"])
        last = day + (rng.randrange(1, 60) if shape == "bar" else 30 if shape == "span" else 0)
        out.append(Event(n + 1, f"INC-{n + 1:06d}", f"Incident {n + 1} at a roadblock", day, last, shape,
                         rng.random() < 0.15, "", (f"type:{rng.randrange(8)}",)))
    out.sort(key=lambda e: (e.first, e.id))
    return out


def _frames(view: QGraphicsView, step, frames: int) -> list[float]:
    times = []
    for n in range(frames):
        start = time.perf_counter()
        step(n)
        view.viewport().repaint()
        times.append(time.perf_counter() - start)
    return times


def bench_timeline(count: int, frames: int, seed: int) -> None:
    events = _events(count, seed)
    timeline = Timeline(events, [(f"type:{n}", f"Type {n}") for n in range(8)], [])
    window = SimpleNamespace(case=None, view=None, lang="en")
    pane = TimelinePane(window)  # type: ignore[arg-type]
    pane.resize(1200, 700)
    pane.show()
    pane.timeline = timeline
    QApplication.processEvents()
    print(f"timeline: {count:,} incidents, viewport {pane.canvas.viewport().width()} px")
    for label, days in (("30 years (bins)", None), ("1 year", 365), ("1 month", 31)):
        start, end = timeline.extent()
        if days is not None:
            middle = (start + end) // 2
            start, end = middle, middle + days
        pane.start, pane.end = start, end
        began = time.perf_counter()
        pane.redraw()
        pane.canvas.viewport().repaint()
        settle = time.perf_counter() - began
        items = len(pane.canvas.figure_scene.items())
        pans = _frames(pane.canvas, lambda n: pane.pan_by(-40 if n % 2 else 40), frames)
        pane._settle.stop()
        pane.redraw()
        zooms = _frames(pane.canvas, lambda n: pane.zoom_at(0.8 if n % 2 else 1.25, 600), frames)
        pane._settle.stop()
        print(f"  {label:16s} settle {settle * 1000:7.1f} ms ({items:,} items); pan {_ms(pans)}; zoom {_ms(zooms)}")
        figure(f"timeline {label}", pan=percentile(pans, 95), zoom=percentile(zooms, 95), incidents=count)
    # The limit: the same incidents as bare rect items in a bare scene.
    scene = QGraphicsScene()
    start, end = timeline.extent()
    scale = 1070 / (end - start)
    brush = QBrush(QColor("#7aa6d6"))
    began = time.perf_counter()
    for event in events:
        lane = int(event.lanes[0].split(":")[1])
        item = scene.addRect(QRectF((event.first - start) * scale, 30 + lane * 50, max((event.last - event.first)
                                                                                       * scale, 1.0), 10))
        item.setBrush(brush)
    build = time.perf_counter() - began
    view = QGraphicsView(scene)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(1200, 700)
    view.show()
    QApplication.processEvents()
    bar = view.horizontalScrollBar()
    bare_frames = max(4, frames // 4)  # each costs seconds: 100,000 items in sight
    pans = _frames(view, lambda n: bar.setValue(bar.value() + (-40 if n % 2 else 40)), bare_frames)
    zooms = _frames(view, lambda n: view.scale(0.8 if n % 2 else 1.25, 1.0), bare_frames)
    print(f"  bare QGraphicsView of {count:,} rects (built in {build:.1f} s): pan {_ms(pans)}; zoom {_ms(zooms)}")
    figure("timeline bare", pan=percentile(pans, 95), zoom=percentile(zooms, 95))
    view.close()
    pane.close()


def _graph(nodes: int, edges: int, seed: int) -> Graph:
    rng = random.Random(seed)
    graph = Graph()
    kinds = ["incident", "actor", "claim", "source"]
    for n in range(nodes):
        kind = kinds[n % 4]
        key = f"{kind}:{n}"
        graph.nodes[key] = Node(key, kind, n, f"X-{n:05d}", f"Record {n}")
    keys = list(graph.nodes)
    seen: set[tuple[str, str]] = set()
    while len(graph.edges) < edges:
        a, b = rng.sample(keys, 2)
        if (a, b) not in seen:
            seen.add((a, b))
            graph.add_edge(Edge(a, b, "involvement", "participant"))
    return graph


def bench_linkchart(nodes: int, edges: int, seed: int) -> None:
    graph = _graph(nodes, edges, seed)
    print(f"link chart: {nodes:,} nodes, {edges:,} edges")
    began = time.perf_counter()
    layout = Layout()
    positions = layout.place(graph, graph.nodes)
    ours = time.perf_counter() - began
    began = time.perf_counter()
    chart = chart_figure(graph, positions, width=1200)
    canvas = FigureCanvas()
    canvas.show_figure(chart)
    drawn = time.perf_counter() - began
    graph.nodes["actor:new"] = Node("actor:new", "actor", -1, "ACT-NEW", "New actor")
    graph.add_edge(Edge("actor:new", "incident:0", "involvement"))
    began = time.perf_counter()
    layout.place(graph, graph.nodes)
    one_more = time.perf_counter() - began
    print(f"  Casefile layout {ours:6.2f} s; figure and scene {drawn:5.2f} s; one record added {one_more:5.2f} s")
    reference = nx.Graph()
    reference.add_nodes_from(graph.nodes)
    reference.add_edges_from((e.a, e.b) for e in graph.edges)
    matrix = nx.to_numpy_array(reference)
    began = time.perf_counter()
    nx_layout._fruchterman_reingold(matrix, None, None, None, 40, 1e-4, 2, np.random.RandomState(seed))
    limit = time.perf_counter() - began
    print(f"  networkx Fruchterman-Reingold, same graph and 40 iterations: {limit:6.2f} s "
          f"(Casefile {ours / limit:.2f}x of it); target: under 2 s")
    figure("link chart", layout=ours, figure=drawn, limit=limit, nodes=nodes, edges=edges)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=6000)
    parser.add_argument("--frames", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", help="also write the figures here (bench.py)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    bench_timeline(args.incidents, args.frames, args.seed)
    bench_linkchart(args.nodes, args.edges, args.seed)
    write_figures(args.json)
    del app


if __name__ == "__main__":
    main()
