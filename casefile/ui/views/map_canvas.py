"""The map's drawing surface: the scene of basemap layers, tiles and markers,
and the canvas that pans and zooms it (keyboard and mouse). The pane around
it, its controls and its actions are in ``map_view``."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from ...services.views.basemap import WORLD
from ...services.views.figure import Circle, Group, Item
from .canvas import KEY, FigureCanvas, FigureScene

MAX_ZOOM = 17
#: layer -> (z value, lowest zoom shown, highest zoom shown)
LAYERS: dict[str, tuple[float, float, float]] = {
    "land_low": (0, -2, 3), "land_high": (0, 3, 6), "land_near": (0, 6, 99),
    "tiles": (1, -2, 99),
    "countries_low": (2, -2, 3), "countries_high": (2, 3, 99),
    "coast_low": (2.5, -2, 3), "coast_high": (2.5, 3, 99),
    "admin1": (3, 4, 99),
    "areas_wide": (4, -2, 99), "areas_local": (4, 8.5, 99),
    "towns": (5, 2.5, 99),
    "markers": (6, -2, 99),
}


#: layers drawn as the view's background, kept as pixels between frames: a pan
#: repaints only the strip it uncovers, a repaint in place draws them not at all
BACKGROUND = frozenset({"land_low", "land_high", "land_near", "tiles", "countries_low", "countries_high",
                        "coast_low", "coast_high", "admin1", "areas_wide", "areas_local"})


def unprojected(x: float, y: float) -> tuple[float, float]:
    return x, y


class MapScene(FigureScene):
    """A figure scene kept in named layers that are made, shown and replaced apart.
    Background layers (``BACKGROUND``) live in a scene of their own, ``base``, that
    the canvas draws as its background; ``background_changed`` says when to redraw it."""

    background_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layers: dict[str, list[QGraphicsItem]] = {}
        self._collecting: list[QGraphicsItem] | None = None
        world = QRectF(-WORLD * 0.25, -WORLD * 0.05, WORLD * 1.5, WORLD * 1.1)
        self.setSceneRect(world)
        self.setItemIndexMethod(FigureScene.ItemIndexMethod.BspTreeIndex)
        self.base = QGraphicsScene(self)
        self.base.setSceneRect(world)
        self.base.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    def addItem(self, item: QGraphicsItem) -> None:  # noqa: N802 - Qt's name
        super().addItem(item)
        if self._collecting is not None:
            self._collecting.append(item)

    def set_layer(self, name: str, items: list[Item], visible: bool = True) -> None:
        self.drop_layer(name)
        self.extend_layer(name, items, visible)

    def extend_layer(self, name: str, items: list[Item], visible: bool = True) -> None:
        assert name not in BACKGROUND, name  # figure items (markers, towns) take clicks: in this scene
        made: list[QGraphicsItem] = []
        self._collecting = made
        try:
            for item in items:
                self._add(item, None)
        finally:
            self._collecting = None
        for graphic in made:
            graphic.setZValue(LAYERS[name][0])
            graphic.setVisible(visible)
        self.layers.setdefault(name, []).extend(made)

    def _holder(self, name: str) -> QGraphicsScene:
        """The scene a layer's items live in; a background layer's change is announced."""
        if name in BACKGROUND:
            self.background_changed.emit()
            return self.base
        return self

    def add_to_layer(self, name: str, graphic: QGraphicsItem, visible: bool = True) -> None:
        self._holder(name).addItem(graphic)
        graphic.setZValue(LAYERS[name][0])
        graphic.setVisible(visible)
        self.layers.setdefault(name, []).append(graphic)

    def drop_layer(self, name: str) -> None:
        holder = self._holder(name)
        for graphic in self.layers.pop(name, []):
            key = graphic.data(KEY)
            if key:
                self.groups.pop(str(key), None)
            holder.removeItem(graphic)

    def remove_from_layer(self, name: str, graphic: QGraphicsItem) -> None:
        self.layers.get(name, []).remove(graphic)
        self._holder(name).removeItem(graphic)

    def show_layer(self, name: str, visible: bool) -> None:
        changed = False
        for graphic in self.layers.get(name, []):
            if graphic.isVisible() != visible:
                graphic.setVisible(visible)
                changed = True
        if changed and name in BACKGROUND:
            self.background_changed.emit()


class MapCanvas(FigureCanvas):
    """The map's graphics view: gestures and keys become zoom and pan; it
    tells its pane when the zoom level or the visible region changes."""

    zoomed = Signal()       # the view's scale changed
    moved = Signal()        # the visible region changed (pan or zoom)
    activate = Signal()     # Enter
    step = Signal(int)      # N/P: next/previous marker
    fit = Signal()          # 0: fit the places

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.map_scene = MapScene(self)
        self.figure_scene = self.map_scene
        self.setScene(self.map_scene)
        self.setBackgroundBrush(QColor("#d7e7f2"))  # the sea, where no land is drawn
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.map_scene.background_changed.connect(self.resetCachedContent)
        self.zoomed.connect(self.resetCachedContent)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.moved.emit())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.moved.emit())
        self._press: QPointF | None = None

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802 - Qt's name
        super().drawBackground(painter, rect)  # the sea
        area = QRectF(rect)
        self.map_scene.base.render(painter, area, area, Qt.AspectRatioMode.IgnoreAspectRatio)

    @property
    def zoom(self) -> float:
        """The slippy-map zoom shown: one world unit is ``2**zoom`` pixels."""
        return math.log2(max(self.transform().m11(), 1e-9))

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        target = max(0.0, min(float(MAX_ZOOM), self.zoom + math.log2(factor)))
        factor = 2 ** target / self.transform().m11()
        if abs(factor - 1) < 1e-9:
            return
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor, factor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoomed.emit()
        self.moved.emit()

    def visible_world(self) -> tuple[float, float, float, float]:
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        return rect.left(), rect.top(), rect.right(), rect.bottom()

    def show_world_box(self, box: tuple[float, float, float, float]) -> None:
        left, top, right, bottom = box
        size = self.viewport().size()
        scale = min(size.width() / max(right - left, 1e-9), size.height() / max(bottom - top, 1e-9))
        scale = 2 ** max(0.0, min(float(MAX_ZOOM), math.log2(scale)))
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn((left + right) / 2, (top + bottom) / 2)
        self.zoomed.emit()
        self.moved.emit()

    def pan_by(self, dx: float, dy: float) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + int(dx))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + int(dy))

    # -- input ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        step_x, step_y = self.viewport().width() / 6, self.viewport().height() / 6
        moves: dict[int, tuple[float, float]] = {
            int(Qt.Key.Key_Left): (-step_x, 0), int(Qt.Key.Key_Right): (step_x, 0),
            int(Qt.Key.Key_Up): (0, -step_y), int(Qt.Key.Key_Down): (0, step_y)}
        if int(key) in moves:
            self.pan_by(*moves[int(key)])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(2.0)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.5)
        elif key == Qt.Key.Key_0:
            self.fit.emit()
        elif key in (Qt.Key.Key_N, Qt.Key.Key_PageDown):
            self.step.emit(1)
        elif key in (Qt.Key.Key_P, Qt.Key.Key_PageUp):
            self.step.emit(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate.emit()
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(2 ** (delta / 240), event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        press, self._press = self._press, None
        if press is not None and (event.position() - press).manhattanLength() > 4:
            QGraphicsView.mouseReleaseEvent(self, event)  # a drag, not a click
            return
        super().mouseReleaseEvent(event)


def solid_pen(pen: QPen) -> QPen:
    """The window draws boundaries and areas with solid lines: a dashed
    cosmetic pen over thousands of paths costs most of a frame (the dossier
    keeps the dashes). No pen stays none: land is filled, not outlined."""
    if pen.style() != Qt.PenStyle.NoPen:
        pen.setStyle(Qt.PenStyle.SolidLine)
    return pen


def fast_path(ring: np.ndarray, closed: bool) -> QPainterPath:
    """A QPainterPath from an (N, 2) array without a Python call per point:
    the path's QDataStream form (count; type, x, y per element; start; fill
    rule), read back in one go. One ring without ``fast_rings``' joining: the
    basemap makes thousands of these."""
    count = len(ring) + (1 if closed and len(ring) else 0)
    elements = np.empty(count, dtype=[("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
    elements["type"] = 1  # LineTo
    elements["x"][:len(ring)], elements["y"][:len(ring)] = ring[:, 0], ring[:, 1]
    if not closed and len(ring) > 1:  # a line across the antimeridian (Fiji) jumps, not crosses the world
        jumps = np.flatnonzero(np.abs(np.diff(ring[:, 0])) > WORLD / 2) + 1
        elements["type"][jumps] = 0
    if count:
        elements["type"][0] = 0  # MoveTo
    if closed and len(ring):
        elements["x"][-1], elements["y"][-1] = ring[0, 0], ring[0, 1]
    return _read_path(elements, winding=False)


def fast_rings(rings: list[np.ndarray], closed: bool) -> QPainterPath:
    """One QPainterPath of many rings, each a subpath, filled as their union
    (winding fill: where areas overlap they are not cut out of each other)."""
    rings = [ring for ring in rings if len(ring)]
    sizes = np.array([len(ring) + (1 if closed else 0) for ring in rings], dtype=np.int64)
    count = int(sizes.sum())
    elements = np.empty(count, dtype=[("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
    elements["type"] = 1  # LineTo
    if count:
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        elements["type"][starts] = 0  # MoveTo: each ring a subpath of its own
        points = np.concatenate([np.vstack((ring, ring[:1])) if closed else ring for ring in rings])
        elements["x"], elements["y"] = points[:, 0], points[:, 1]
    return _read_path(elements, winding=True)


def _read_path(elements: np.ndarray, winding: bool) -> QPainterPath:
    raw = np.array([len(elements)], ">i4").tobytes() + elements.tobytes() + \
        np.array([0, 1 if winding else 0], ">i4").tobytes()  # start; fill rule (1: winding)
    path = QPainterPath()
    data = QByteArray(raw)  # kept alive while the stream reads it
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    stream >> path
    return path


def distance_to(group: Group, x: float, y: float) -> float:
    circle = next((i for i in group.items if isinstance(i, Circle)), None)
    return math.inf if circle is None else math.hypot(circle.x - x, circle.y - y)
