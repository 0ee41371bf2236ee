"""Map benchmark (issue 20): 20,000 places, pan and zoom frame times of the
map tab against the same markers in a bare QGraphicsView, in the same run.

    uv run python tests/perf/map_bench.py [--places 20000] [--frames 60] [--seed 7]

Casefile: a ``MapPane`` over the shipped basemap (layers by zoom, clusters per
zoom level, areas of vague places); a frame is a pan or zoom step and the
repaint it causes, as a person gets it (Qt may repaint only the strip a pan
uncovers; the basemap and areas are kept as pixels between frames), and beside
it a forced repaint of the whole viewport right after. The limit: a bare ``QGraphicsScene``
holding one ``QGraphicsEllipseItem`` per place (ignoring transformations, as
markers do), panned and zoomed the same way. Also measured: the first visit of
a zoom level (clustering and marker items), the work once a gesture settles
(town labels, tiles), the basemap's first load and a gazetteer keystroke.
Not a test: nothing asserts on time.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QPainter, QPen  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsEllipseItem, QGraphicsItem, QGraphicsScene, QGraphicsView  # noqa: E402

from casefile.services.views import basemap as basemap_module  # noqa: E402
from casefile.services.views import gazetteer  # noqa: E402
from casefile.services.views.basemap import project  # noqa: E402
from casefile.services.views.map import MapPlace, MapPlaces  # noqa: E402
from tests.perf._common import figure, percentile, write_figures  # noqa: E402


def _places(count: int, seed: int) -> list[MapPlace]:
    """Places spread like a regional case: most in southern Mexico, some across Latin America."""
    rng = random.Random(seed)
    precisions = ["exact"] * 5 + ["nearby"] * 3 + ["municipality"] * 2 + ["state"]
    out = []
    for n in range(count):
        if rng.random() < 0.8:
            lat, lon = rng.uniform(14.5, 21.0), rng.uniform(-105.0, -90.0)
        else:
            lat, lon = rng.uniform(-40.0, 25.0), rng.uniform(-110.0, -40.0)
        x, y = project(lon, lat)
        out.append(MapPlace(f"PLC-{n + 1:05d}", f"Place {n}", lat, lon, rng.choice(precisions), "Guerrero",
                            "México", rng.randint(0, 6), x, y))
    return out


def _frames(view: QGraphicsView, steps: list, app: QApplication) -> tuple[list[float], list[float]]:
    """Per step: the frame as a person gets it (the step and the repaint it causes,
    which Qt may keep to the strip a pan uncovers), then a forced repaint of the
    whole viewport right after (what is left to draw when nothing is cached)."""
    frames, full = [], []
    for step in steps:
        app.processEvents()
        started = time.perf_counter()
        step()
        view.viewport().update()
        app.processEvents()
        frames.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        view.viewport().repaint()
        full.append((time.perf_counter() - started) * 1000)
    return frames, full


def _gesture(view, zoom_by, frames: int) -> tuple[list, list]:
    pans = [(lambda dx=dx, dy=dy: _pan(view, dx, dy)) for dx, dy in
            [(37, 0), (0, 29), (-41, 0), (0, -23)] * (frames // 4)]
    zooms = [(lambda f=f: zoom_by(f)) for f in [1.25, 1.25, 1.25, 0.8, 0.8, 0.8] * (frames // 6)]
    return pans, zooms


def _pan(view: QGraphicsView, dx: int, dy: int) -> None:
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)


def _stats(values: list[float]) -> str:
    ordered = sorted(values)
    p50 = ordered[len(ordered) // 2]
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  max {ordered[-1]:6.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=20_000)
    parser.add_argument("--frames", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="print where the map tab's zoom frames spend their time")
    parser.add_argument("--json", help="also write the figures here (bench.py)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    basemap_module.basemap()
    print(f"basemap first load: {(time.perf_counter() - started) * 1000:.0f} ms")
    started = time.perf_counter()
    gazetteer.load()
    print(f"gazetteer first load: {(time.perf_counter() - started) * 1000:.0f} ms")
    keystrokes = []
    for word in ("Ayutla de los Libres", "Chilpancingo", "San Luis Acatlán", "Tlapa", "a"):
        for end in range(1, len(word) + 1):
            t = time.perf_counter()
            gazetteer.lookup(word[:end], 8)
            keystrokes.append((time.perf_counter() - t) * 1000)
    print(f"gazetteer keystroke ({len(keystrokes)}): {_stats(keystrokes)}")

    places = _places(args.places, args.seed)
    from casefile.ui.views.map_view import MapPane

    stub = SimpleNamespace(case=None, view=None, events=None)
    pane = MapPane(stub)  # type: ignore[arg-type]
    pane.resize(1200, 800)
    pane.show()
    pane.stale = False
    pane.places = MapPlaces(places, 0)
    started = time.perf_counter()
    pane.redraw()
    app.processEvents()
    pane.fit()
    app.processEvents()
    print(f"map tab first draw of {len(places)} places (areas, markers, basemap at this zoom): "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")
    canvas = pane.map_canvas
    canvas.show_world_box(project(-101.0, 19.5) + project(-97.0, 16.0))
    app.processEvents()
    levels = []
    for factor in (2.0, 2.0, 0.25, 0.5, 0.5):  # first visits of zoom levels
        t = time.perf_counter()
        canvas.zoom_by(factor)
        levels.append((time.perf_counter() - t) * 1000)
    print(f"first visit of a zoom level (clusters and marker items): {_stats(levels)}")
    canvas.show_world_box(project(-101.0, 19.5) + project(-97.0, 16.0))
    app.processEvents()
    pane._view_settled()  # warm: towns and tiles for this region
    pans, zooms = _gesture(canvas, canvas.zoom_by, args.frames)
    ours_pan = _frames(canvas, pans, app)
    if args.profile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        ours_zoom = profile.runcall(_frames, canvas, zooms, app)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    else:
        ours_zoom = _frames(canvas, zooms, app)
    t = time.perf_counter()
    pane._view_settled()
    settle = (time.perf_counter() - t) * 1000
    # A zoom gesture's steps after its first show the first step's picture scaled; once the
    # gesture rests it is drawn sharp. Gestures of five steps, in and out alternately, each ending
    # a step away from where it began (so its rest has a new scale to draw), then resting:
    first_steps, rests = [], []
    for _gesture_number in range(max(1, args.frames // 6)):
        app.processEvents()
        steps = [1.25, 1.25, 1.25, 0.8, 0.8] if _gesture_number % 2 == 0 else [0.8, 0.8, 0.8, 1.25, 1.25]
        for n, factor in enumerate(steps):
            t = time.perf_counter()
            canvas.zoom_by(factor)
            canvas.viewport().update()
            app.processEvents()
            if n == 0:
                first_steps.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        canvas._rest.stop()
        canvas._zoom_rested()
        app.processEvents()
        rests.append((time.perf_counter() - t) * 1000)

    # The limit: the same markers, bare.
    scene = QGraphicsScene()
    pen, brush = QPen(QColor("#7d1d1d")), QBrush(QColor("#e03131"))
    pen.setCosmetic(True)
    for place in places:
        dot = QGraphicsEllipseItem(-6, -6, 12, 12)
        dot.setPos(place.x, place.y)
        dot.setPen(pen)
        dot.setBrush(brush)
        dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        scene.addItem(dot)
    bare = QGraphicsView(scene)
    bare.setRenderHint(QPainter.RenderHint.Antialiasing)
    bare.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bare.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bare.resize(1200, 800)
    bare.show()
    bare.setSceneRect(canvas.sceneRect())
    bare.setTransform(canvas.transform())
    bare.centerOn(canvas.mapToScene(canvas.viewport().rect().center()))
    app.processEvents()

    def bare_zoom(factor: float) -> None:
        bare.scale(factor, factor)

    bare_pans, bare_zooms = _gesture(bare, bare_zoom, args.frames)
    limit_pan = _frames(bare, bare_pans, app)
    limit_zoom = _frames(bare, bare_zooms, app)
    print(f"\n{len(places)} places, viewport 1200x800, {args.frames} frames each (target: under 16 ms a frame)")
    for what, ours, bare_view in (("pan ", ours_pan, limit_pan), ("zoom", ours_zoom, limit_zoom)):
        print(f"{what}  map tab     frame {_stats(ours[0])}   repainted whole {_stats(ours[1])}")
        print(f"{what}  bare view   frame {_stats(bare_view[0])}   repainted whole {_stats(bare_view[1])}")
    print(f"zoom: a gesture's first step {_stats(first_steps)}; drawn sharp once it rests {_stats(rests)}")
    print(f"after a gesture settles (town labels, tiles): {settle:.1f} ms, once, off the frame path")
    figure("map", places=len(places), pan=percentile(ours_pan[0], 95) / 1000, zoom=percentile(ours_zoom[0], 95) / 1000,
           bare_pan=percentile(limit_pan[0], 95) / 1000, bare_zoom=percentile(limit_zoom[0], 95) / 1000)
    write_figures(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
