"""The map's drawing surface: the scene of basemap layers, tiles and markers,
and the canvas that pans and zooms it (keyboard and mouse). The pane around
it, its controls and its actions are in ``map_view``."""

from __future__ import annotations

import html
import math

import numpy as np
from PySide6.QtCore import (
    QByteArray,
    QDataStream,
    QEvent,
    QIODevice,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from ...services.views.basemap import WORLD
from ...services.views.figure import Item
from ...services.views.map import Cluster, describe
from .canvas import KEY, FigureCanvas, FigureScene
from .map_markers import MarkerLayer

MAX_ZOOM = 17
ZOOM_REST_MS = 180  # a zoom gesture has rested when no step came for this long
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


class MapScene(FigureScene):
    """A figure scene kept in named layers that are made, shown and replaced apart.
    Background layers (``BACKGROUND``) live in a scene of their own, ``base``, that
    the canvas draws as its background; ``background_changed`` says when to redraw it."""

    background_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layers: dict[str, list[QGraphicsItem]] = {}
        self._shown: dict[str, bool] = {}  # a layer's items all shown (True) or all hidden (False)
        self._collecting: list[QGraphicsItem] | None = None
        world = QRectF(-WORLD * 0.25, -WORLD * 0.05, WORLD * 1.5, WORLD * 1.1)
        self.setSceneRect(world)
        self.setItemIndexMethod(FigureScene.ItemIndexMethod.BspTreeIndex)
        self.marker_layer: MarkerLayer | None = None  # the markers of the zoom level shown
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
        self._joined(name, visible)
        self.layers.setdefault(name, []).extend(made)

    def _joined(self, name: str, visible: bool) -> None:
        if self._shown.get(name, visible) != visible:
            del self._shown[name]  # mixed now: the next show_layer looks at each item

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
        self._joined(name, visible)
        self.layers.setdefault(name, []).append(graphic)

    def drop_layer(self, name: str) -> None:
        holder = self._holder(name)
        self._shown.pop(name, None)
        for graphic in self.layers.pop(name, []):
            key = graphic.data(KEY)
            if key:
                self.groups.pop(str(key), None)
            holder.removeItem(graphic)

    def remove_from_layer(self, name: str, graphic: QGraphicsItem) -> None:
        self.layers.get(name, []).remove(graphic)
        self._holder(name).removeItem(graphic)

    def show_layer(self, name: str, visible: bool) -> None:
        """Show or hide a layer; a zoom step asks for every layer, so a layer known to
        be all shown or all hidden is not walked (the basemap holds 25,000 items)."""
        if self._shown.get(name) == visible:
            return
        self._shown[name] = visible
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
        self.map_scene.background_changed.connect(self._background_changed)
        self.zoomed.connect(self.resetCachedContent)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.valueChanged.connect(lambda _v: self.moved.emit())
        self._press: QPointF | None = None
        self._picture: QPixmap | None = None  # the background of the whole view
        self._picture_world = QRectF()
        self._picture_scale = 0.0
        self._zooming = False
        self._stale = False  # the background changed during a zoom gesture
        self._rest = QTimer(self, singleShot=True, interval=ZOOM_REST_MS)
        self._rest.timeout.connect(self._zoom_rested)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802 - Qt's name
        """The basemap, tiles and areas, through a picture of the whole view kept
        beside Qt's own cache. A pan scrolls the picture and draws the strip it
        uncovers. A zoom step would draw everything at the new scale, which close
        in over thousands of overlapping areas costs 20-70 ms; so while a zoom
        gesture runs the picture is shown scaled, and once it rests the view is
        drawn sharp again."""
        if self._zooming and self._picture is not None:
            super().drawBackground(painter, rect)  # the sea, where the picture does not reach
            painter.drawPixmap(self._picture_world, self._picture, QRectF(self._picture.rect()))
            return
        view = self.mapToScene(self.viewport().rect()).boundingRect()
        if not self._follow(view):
            self._picture = self._new_picture()
            self._paint_picture([view], view)
            self._picture_world, self._picture_scale = view, self.transform().m11()
        assert self._picture is not None
        area = QRectF(rect) & view
        painter.drawPixmap(area, self._picture, self._picture_pixels(area, view))

    def _new_picture(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        size = self.viewport().size()
        picture = QPixmap(max(1, round(size.width() * ratio)), max(1, round(size.height() * ratio)))
        picture.fill(self.backgroundBrush().color())  # opaque: drawn and copied faster than with alpha
        return picture

    def _picture_pixels(self, world: QRectF, view: QRectF) -> QRectF:
        """Where a region of the world is in the picture of ``view``."""
        unit = self.transform().m11() * self.devicePixelRatioF()
        return QRectF((world.left() - view.left()) * unit, (world.top() - view.top()) * unit,
                      world.width() * unit, world.height() * unit)

    def _paint_picture(self, regions: list[QRectF], view: QRectF) -> None:
        assert self._picture is not None
        drawing = QPainter(self._picture)  # not antialiased, as Qt draws a cached background: a third of the cost
        for world in regions:
            target = self._picture_pixels(world, view)
            drawing.fillRect(target, self.backgroundBrush())
            drawing.setClipRect(target)  # a strip's items are drawn only where it is
            self.map_scene.base.render(drawing, target, world, Qt.AspectRatioMode.IgnoreAspectRatio)
        drawing.end()

    def _follow(self, view: QRectF) -> bool:
        """Bring the picture to the view after a pan: scroll it by whole pixels
        and draw what it uncovers. False when it cannot (none yet, another
        scale or size, a move of no whole pixels, or too far)."""
        picture = self._picture
        if picture is None or abs(self._picture_scale - self.transform().m11()) > 1e-9:
            return False
        old = self._picture_world
        if abs(old.width() - view.width()) > 1e-9 or abs(old.height() - view.height()) > 1e-9:
            return False
        unit = self._picture_scale * self.devicePixelRatioF()
        dx, dy = (old.left() - view.left()) * unit, (old.top() - view.top()) * unit
        if abs(dx - round(dx)) > 0.01 or abs(dy - round(dy)) > 0.01:
            return False
        dx, dy = round(dx), round(dy)
        if abs(dx) >= picture.width() or abs(dy) >= picture.height():
            return False
        if dx or dy:
            picture.scroll(dx, dy, picture.rect())
            uncovered = []
            if dx:  # a column at the left or right edge
                left = view.left() if dx > 0 else old.right()
                uncovered.append(QRectF(left, view.top(), abs(dx) / unit, view.height()))
            if dy:
                top = view.top() if dy > 0 else old.bottom()
                uncovered.append(QRectF(view.left(), top, view.width(), abs(dy) / unit))
            self._paint_picture(uncovered, view)
            self._picture_world = view
        return True

    def _background_changed(self) -> None:
        if self._zooming:
            self._stale = True  # the gesture goes on with the picture; its rest draws afresh
        else:
            self._picture = None
        self.resetCachedContent()

    def _zoom_rested(self) -> None:
        self._zooming = False
        if self._stale or self._picture is None or abs(self._picture_scale - self.transform().m11()) > 1e-9:
            self._stale, self._picture = False, None
            self.resetCachedContent()
            self.viewport().update()

    def marker_at(self, pos: QPoint) -> Cluster | None:
        """The marker under a viewport point."""
        layer = self.map_scene.marker_layer
        if layer is None or not layer.isVisible():
            return None
        point = self.mapToScene(pos)
        return layer.hit(point.x(), point.y(), self.transform().m11())

    def item_at(self, pos) -> tuple[str, str] | None:
        cluster = self.marker_at(pos)
        if cluster is None:
            return None
        return (cluster.places[0].code if len(cluster.places) == 1 else ""), cluster.key

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            cluster = self.marker_at(event.pos())
            if cluster is None:
                QToolTip.hideText()
            else:  # names are the documenters' text: shown literally, never as markup
                QToolTip.showText(event.globalPos(), plain_tooltip(describe(cluster)), self.viewport())
            return True
        return super().viewportEvent(event)

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
        self._zooming = True
        self._rest.start()
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
        self._zooming = False  # a jump, not a gesture: drawn sharp at once
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


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as written: Qt reads a tooltip that looks
    like markup as markup, so it is escaped into markup that says the text."""
    return "<p style='white-space:pre'>" + html.escape(text).replace("\n", "<br>") + "</p>"
