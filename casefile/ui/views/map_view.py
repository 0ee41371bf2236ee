"""The map tab: the listed incidents' places over the shipped basemap and
any imported MBTiles; never a network call.

The scene is in web-mercator world units (the whole world is 256 units, see
``services.views.basemap``); zoom is the view's transform, so a pan or zoom
frame costs one repaint. The basemap is made once per layer, at its first
use, and each layer shows only within its zoom range (coarse coasts far out,
first-level boundaries close in). Markers are clustered per whole zoom level
and cached per level; areas (where a vague place may be) scale with the map.

Keys: arrows pan, +/- zoom, 0 fits the places, N/P (or Tab/Shift+Tab inside
the map) walk the markers, Enter opens the one chosen (a cluster zooms in).
A click opens a place, or zooms into a cluster. File > Add Map Tiles…
imports an .mbtiles file into the user's data folder.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QWidget,
)

from ...services.views import tiles
from ...services.views.basemap import WORLD, basemap
from ...services.views.figure import Circle, Item, Role, Text
from ...services.views.map import Cluster, Clusters, MapPlaces, area_rings, attribution, map_figure, marker_radius
from ...services.views.map_figure import Frame, clip_polygon, markers_taken, town_labels
from .canvas import FigureCanvas, brush_for, figure_png, pen_for
from .map_actions import ADD_MAP_TILES, SHOW_MAP, import_tiles  # noqa: F401 - where tests and callers find them
from .map_canvas import LAYERS, MapCanvas, fast_path, fast_rings, solid_pen
from .map_markers import MarkerLayer
from .pane import FigurePane

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

AREA_CELL = WORLD / 2 ** 9  # areas in one cell (about 80 km across at the equator) are one item
class MapPane(FigurePane):
    """The map tab."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        self.map_canvas = MapCanvas()
        super().__init__(window, self.map_canvas, parent)
        self.setObjectName("mapPane")
        self.places = MapPlaces([], 0)
        self.tilesets: list[tiles.TileSet] = tiles.installed()
        self.selected = ""          # key of the marker chosen by keyboard
        self._level: int | None = None
        self._marker_layers: dict[int, MarkerLayer] = {}  # zoom level -> its markers, made at first sight
        self._tile_items: dict[tuple, QGraphicsPixmapItem] = {}
        self._placed = False
        self._land_box: tuple[float, float, float, float] | None = None
        self._highlight: QGraphicsItem | None = None
        self._tile_timer = QTimer(self, singleShot=True, interval=80)
        self._tile_timer.timeout.connect(self._view_settled)
        canvas = self.map_canvas
        canvas.zoomed.connect(self._zoom_changed)
        canvas.moved.connect(self._tile_timer.start)
        canvas.activate.connect(self.activate)
        canvas.step.connect(self.step)
        canvas.fit.connect(self.fit)
        canvas.item_clicked.connect(self._clicked)

    # -- data ----------------------------------------------------------------------

    def rebuild(self) -> None:
        from ...services.views.map import map_places

        case = self.window_.case
        if case is None:
            return
        self.places = map_places(case, incidents=self.scoped_incidents())

    def redraw(self) -> None:
        scene = self.map_canvas.map_scene
        if not self._placed:
            self._placed = True
            QTimer.singleShot(0, self.fit)  # once the view has its size
        # Areas straight from their arrays; places of one state share one area. Areas near
        # each other share one item (a path of many rings, per cell of a grid): thousands
        # of items, one per area, took seconds to make and most of a frame to draw.
        scene.drop_layer("areas_wide")
        scene.drop_layer("areas_local")
        pen, brush = solid_pen(pen_for(Role.PRECISION_AREA)), brush_for(Role.PRECISION_AREA)
        drawn: set[str] = set()
        cells: dict[tuple[str, int, int], list[np.ndarray]] = {}
        for place in self.places.places:
            key, rings = area_rings(place, steps=48)
            if not key or key in drawn:
                continue
            drawn.add(key)
            layer = "areas_wide" if place.precision == "state" else "areas_local"
            cell = (layer, int(place.x // AREA_CELL), int(place.y // AREA_CELL))
            cells.setdefault(cell, []).extend(rings)
        for (layer, _column, _row), rings in cells.items():
            item = QGraphicsPathItem(fast_rings(rings, True))
            item.setPen(pen)
            item.setBrush(brush)
            scene.add_to_layer(layer, item, False)
        scene.drop_layer("markers")  # the places changed: each level's markers are made again
        scene.marker_layer = None
        self._marker_layers = {}
        self._level = None
        self._land_box = None
        self._zoom_changed()
        self._update_land()
        count = sum(p.incidents for p in self.places.places)
        text = self.tr("{places} places, {incidents} incidents on the map").format(
            places=len(self.places.places), incidents=count)
        if self.places.omitted:
            text += self.tr("; {n} places without coordinates").format(n=self.places.omitted)
        self.status.setText(text + ". " + attribution([t.attribution for t in self.tilesets]))

    # -- zoom levels: layers and markers -------------------------------------------------

    def _ensure_layer(self, name: str) -> None:
        """Make a basemap layer at its first use: one path item per ring (so
        the scene's index skips what is off screen), built from the arrays."""
        scene = self.map_canvas.map_scene
        if name in scene.layers:
            return
        data = basemap()
        if name.startswith("land_"):
            source, role, closed = name, Role.LAND, True
        elif name.startswith("coast_"):
            source, role, closed = "land_" + name.split("_")[1], Role.COAST, False
        else:
            source, role, closed = name, Role.ADMIN_BORDER if name == "admin1" else Role.BORDER, False
        pen, brush = solid_pen(pen_for(role)), brush_for(role) if closed else QBrush(Qt.BrushStyle.NoBrush)
        for feature in data.layer(source):
            for ring in feature.rings:
                item = QGraphicsPathItem(fast_path(ring, closed))
                item.setPen(pen)
                item.setBrush(brush)
                scene.add_to_layer(name, item, visible=False)
        scene.layers.setdefault(name, [])

    def _update_towns(self) -> None:
        """Town labels in view, most populous first, none overlapping (as in the figure)."""
        canvas = self.map_canvas
        scene = canvas.map_scene
        size = canvas.viewport().size()
        frame = Frame(canvas.visible_world(), float(max(size.width(), 1)), float(max(size.height(), 1)))
        points = [(canvas.mapFromScene(QPointF(c.x, c.y)), c.incidents) for c in self._visible_clusters()]
        taken = markers_taken([(p.x(), p.y(), marker_radius(n)) for p, n in points])
        labels = town_labels(frame, taken, limit=40)
        items: list[Item] = []
        for town, x, y in labels:
            items += [Circle(x, y, 1.6, Role.TOWN), Text(x, y, "  " + town.name, Role.TOWN_LABEL, 7.0)]
        scene.set_layer("towns", items, visible=bool(self.tilesets_shown() == 0))

    def tilesets_shown(self) -> int:
        return len(self._tile_items)

    def _zoom_changed(self) -> None:
        zoom = self.map_canvas.zoom
        scene = self.map_canvas.map_scene
        for name, (_z, low, high) in LAYERS.items():
            if name == "markers":  # one item per level, shown below
                continue
            if name == "areas_local":  # a few areas show from a regional zoom; thousands only close in
                low = 7.0 if len(scene.layers.get(name, [])) < 2000 else low
            shown = low <= zoom < high
            if shown and name not in ("tiles", "areas_wide", "areas_local", "towns", "land_near"):
                self._ensure_layer(name)
            scene.show_layer(name, shown)
        level = int(math.floor(zoom + 1e-6))
        if level != self._level:
            self._level = level
            layer = self._marker_layers.get(level)
            if layer is None:
                layer = self._marker_layers[level] = MarkerLayer(Clusters.of(self.places.places, level), level)
                scene.add_to_layer("markers", layer, visible=False)
            if scene.marker_layer is not None:
                scene.marker_layer.setVisible(False)
            layer.setVisible(True)
            scene.marker_layer = layer
            self._mark_selected()

    def _visible_clusters(self, margin: float = 0.0) -> list[Cluster]:
        """The clusters of the level shown inside the view, widened by ``margin``, west to east."""
        layer = self.map_canvas.map_scene.marker_layer
        if layer is None:
            return []
        left, top, right, bottom = self.map_canvas.visible_world()
        dx, dy = (right - left) * margin, (bottom - top) * margin
        found = [layer.clusters.cluster(i) for i in layer.inside(left - dx, top - dy, right + dx, bottom + dy).tolist()]
        return sorted(found, key=lambda c: (c.x, c.y))

    def marker_position(self, key: str) -> QPointF | None:
        layer = self.map_canvas.map_scene.marker_layer
        return None if layer is None else layer.position(key)

    # -- tiles and towns: what the visible region needs, once a gesture settles ---------------

    def _view_settled(self) -> None:
        self._update_land()
        self._update_tiles()
        self._update_towns()

    def _update_land(self) -> None:
        """Close in, land is filled from its rings cut to the region around the
        view: a filled polygon tens of thousands of pixels wide takes Qt's slow
        clipping path on every frame, a cut one does not."""
        canvas = self.map_canvas
        low, high = LAYERS["land_near"][1:]
        if not low <= canvas.zoom < high:
            return
        left, top, right, bottom = canvas.visible_world()
        dx, dy = right - left, bottom - top
        box = (left - dx, top - dy, right + dx, bottom + dy)
        if self._land_box is not None and (self._land_box[0] <= left and self._land_box[1] <= top
                                           and self._land_box[2] >= right and self._land_box[3] >= bottom
                                           and self._land_box[2] - self._land_box[0] < 4 * dx):
            return  # the cut still covers the view at about this zoom
        self._land_box = box
        scene = canvas.map_scene
        scene.drop_layer("land_near")
        pen, brush = QPen(Qt.PenStyle.NoPen), brush_for(Role.LAND)
        for feature in basemap().layer("land_high"):
            for ring, (x0, y0, x1, y1) in zip(feature.rings, feature.ring_boxes):
                if x1 < box[0] or x0 > box[2] or y1 < box[1] or y0 > box[3]:
                    continue
                # Cut in a local frame (the box as 0..1000), then back to world units.
                scale = 1000.0 / max(box[2] - box[0], box[3] - box[1])
                local = (ring - np.array([box[0], box[1]])) * scale
                cut = clip_polygon(local, (box[2] - box[0]) * scale, (box[3] - box[1]) * scale)
                if len(cut) < 3:
                    continue
                item = QGraphicsPathItem(fast_path(cut / scale + np.array([box[0], box[1]]), True))
                item.setPen(pen)
                item.setBrush(brush)
                scene.add_to_layer("land_near", item)

    def _update_tiles(self) -> None:
        scene = self.map_canvas.map_scene
        if not self.tilesets:
            return
        wanted = tiles.tiles_for(self.tilesets, self.map_canvas.visible_world(), self.map_canvas.zoom)
        keep: set[tuple] = set()
        for placed in wanted:
            key = (str(placed.tileset.path), placed.z, placed.x, placed.y)
            keep.add(key)
            if key in self._tile_items:
                continue
            data = placed.tileset.tile(placed.z, placed.x, placed.y)
            pixmap = QPixmap()
            if data is None or not pixmap.loadFromData(data) or pixmap.isNull():
                continue
            item = QGraphicsPixmapItem(pixmap)
            item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            left, top, right, _bottom = placed.box
            item.setPos(left, top)
            item.setScale((right - left) / max(pixmap.width(), 1))
            scene.add_to_layer("tiles", item)
            self._tile_items[key] = item
        for key in [k for k in self._tile_items if k not in keep]:
            scene.remove_from_layer("tiles", self._tile_items.pop(key))

    def add_tiles(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add Map Tiles"), "", self.tr("MBTiles (*.mbtiles)"))
        if path:
            self.import_tiles(Path(path))

    def import_tiles(self, path: Path) -> None:
        import_tiles(self.window_, path, self._tiles_added)

    def _tiles_added(self, tileset: tiles.TileSet) -> None:
        self.tilesets = tiles.installed()
        self._update_tiles()
        self.redraw()

    # -- keyboard and clicks -----------------------------------------------------------------

    def fit(self) -> None:
        from ...services.views.map import world_box

        self.map_canvas.show_world_box(world_box(self.places.places))

    def step(self, direction: int) -> None:
        keys = [c.key for c in self._visible_clusters()]
        if not keys:
            return
        index = keys.index(self.selected) if self.selected in keys else (-1 if direction > 0 else 0)
        self.selected = keys[(index + direction) % len(keys)]
        self._mark_selected()
        point = self.marker_position(self.selected)
        if point is not None:  # (ensureVisible would read a screen-sized marker's box as scene units)
            left, top, right, bottom = self.map_canvas.visible_world()
            if not (left < point.x() < right and top < point.y() < bottom):
                self.map_canvas.centerOn(point)

    def _mark_selected(self) -> None:
        scene = self.map_canvas.map_scene
        if self._highlight is not None:
            scene.removeItem(self._highlight)
            self._highlight = None
        point = self.marker_position(self.selected)
        if point is None:
            return
        ring = scene.addEllipse(-14, -14, 28, 28, pen_for(Role.HIGHLIGHT), QBrush(Qt.BrushStyle.NoBrush))
        ring.setPos(point)
        ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        ring.setZValue(LAYERS["markers"][0] + 1)
        self._highlight = ring

    def activate(self) -> None:
        """Enter: open the chosen marker's place, or zoom into its cluster; with
        none chosen, the marker nearest the centre."""
        markers = self._visible_clusters()
        if not markers:
            return
        chosen = next((c for c in markers if c.key == self.selected), None)
        if chosen is None:
            centre = self.map_canvas.mapToScene(self.map_canvas.viewport().rect().center())
            chosen = min(markers, key=lambda c: math.hypot(c.x - centre.x(), c.y - centre.y()))
        self._open(chosen.key)

    def _clicked(self, key: str) -> None:
        if key.startswith("cluster:"):
            self._open(key)

    def _open(self, key: str) -> None:
        if key.startswith("cluster:"):
            level = self._level or 0
            layer = self._marker_layers.get(level)
            cluster = layer.clusters.cluster(layer.index[key]) if layer is not None and key in layer.index else None
            if cluster is not None:
                xs, ys = [p.x for p in cluster.places], [p.y for p in cluster.places]
                pad = 4 * WORLD / 2 ** (level + 8)
                self.map_canvas.show_world_box((min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad))
            return
        self.open_code(key)

    # -- export: what is shown, drawn as the dossier draws it ---------------------------------

    def export_figure(self):
        box = self.map_canvas.visible_world()
        size = self.map_canvas.viewport().size()
        return map_figure(self.places, float(size.width()), float(size.height()), box=box,
                          title=self.tr("Map"), tilesets=self.tilesets)

    def export(self, fmt: str) -> bool:
        canvas = FigureCanvas()
        canvas.show_figure(self.export_figure())
        original = self.canvas
        self.canvas = canvas  # FigurePane.export writes self.canvas's drawing
        try:
            return super().export(fmt)
        finally:
            self.canvas = original
            canvas.deleteLater()


def screenshot_png(pane: MapPane, scale: float = 2.0) -> bytes:
    """The map shown, as the exported figure (README screenshot)."""
    return figure_png(pane.export_figure(), scale)


