"""A figure description drawn with Qt's graphics view, and exported as SVG or PNG.

Every string is drawn as plain text (``QGraphicsSimpleTextItem``): a title
holding markup shows its angle brackets. Items of a :class:`Group` carry its
record code, so a click anywhere on them reaches the record.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from ...services.views.figure import Circle, Figure, Group, Image, Item, Line, Rect, Role, Text, style
from ...services.views.figure import Path as FigPath
from ...services.views.placing import TEXT_PX

RECORD = 0  # item data: the record code a click opens
KEY = 1     # item data: the group's key within its figure


def pen_for(role: Role) -> QPen:
    look = style(role)
    if look.stroke is None:
        return QPen(Qt.PenStyle.NoPen)
    color = QColor(look.stroke)
    color.setAlphaF(look.opacity)
    pen = QPen(color, look.width)
    pen.setCosmetic(True)  # the same width at any zoom
    if look.dash:
        pen.setDashPattern([max(d / max(look.width, 0.1), 0.1) for d in look.dash])
    return pen


def brush_for(role: Role) -> QBrush:
    look = style(role)
    if look.fill is None:
        return QBrush(Qt.BrushStyle.NoBrush)
    color = QColor(look.fill)
    color.setAlphaF(look.opacity)
    return QBrush(color)


def one_line(text: str) -> str:
    """Labels are one line: breaks become visible spaces, not new lines."""
    return " ".join(text.split()) if any(c in text for c in "\n\r\u2028\u2029\v\f") else text


class FigureScene(QGraphicsScene):
    """A scene built from one figure."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.groups: dict[str, list[QGraphicsItem]] = {}   # key -> its items
        self.figure: Figure | None = None

    def show_figure(self, figure: Figure) -> None:
        self.clear()
        self.groups = {}
        self.figure = figure
        self.setSceneRect(QRectF(0, 0, figure.width, figure.height))
        for item in figure.items:
            self._add(item, None)

    def _add(self, item: Item, group: Group | None) -> None:
        if isinstance(item, Group):
            for child in item.items:
                self._add(child, item)
            return
        made = self._make(item)
        if made is None:
            return
        if group is not None:
            made.setData(RECORD, group.record or "")
            made.setData(KEY, group.key)
            if group.tooltip:
                made.setToolTip(group.tooltip)
            self.groups.setdefault(group.key, []).append(made)
        self.addItem(made)

    def _make(self, item: Item) -> QGraphicsItem | None:
        if isinstance(item, Rect):
            path = QPainterPath()
            if item.rounded:
                path.addRoundedRect(QRectF(item.x, item.y, item.w, item.h), item.rounded, item.rounded)
            else:
                path.addRect(QRectF(item.x, item.y, item.w, item.h))
            shape = QGraphicsPathItem(path)
            shape.setPen(pen_for(item.role))
            shape.setBrush(brush_for(item.role))
            return shape
        if isinstance(item, Circle):
            dot = QGraphicsEllipseItem(-item.r, -item.r, 2 * item.r, 2 * item.r)
            dot.setPos(item.x, item.y)
            dot.setPen(pen_for(item.role))
            dot.setBrush(brush_for(item.role))
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)  # round at any zoom
            return dot
        if isinstance(item, Line):
            path = QPainterPath(QPointF(item.x1, item.y1))
            path.lineTo(item.x2, item.y2)
            line = QGraphicsPathItem(path)
            line.setPen(pen_for(item.role))
            if item.arrow:
                head = QGraphicsPathItem(_arrow_head(item), line)
                head.setPen(QPen(Qt.PenStyle.NoPen))
                head.setBrush(QBrush(pen_for(item.role).color()))
            return line
        if isinstance(item, FigPath):
            if not item.points:
                return None
            path = QPainterPath(QPointF(*item.points[0]))
            for x, y in item.points[1:]:
                path.lineTo(x, y)
            if item.closed:
                path.closeSubpath()
            shape = QGraphicsPathItem(path)
            shape.setPen(pen_for(item.role))
            shape.setBrush(brush_for(item.role) if item.closed else QBrush(Qt.BrushStyle.NoBrush))
            return shape
        if isinstance(item, Text):
            return _text_item(item)
        if isinstance(item, Image):
            pixmap = QPixmap()
            if not pixmap.loadFromData(item.data) or pixmap.isNull():
                return None
            picture = QGraphicsPixmapItem(pixmap)
            picture.setPos(item.x, item.y)
            picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            if pixmap.width() and pixmap.height():
                picture.setScale(min(item.w / pixmap.width(), item.h / pixmap.height()))
            return picture
        return None


def _arrow_head(line: Line) -> QPainterPath:
    angle = math.atan2(line.y2 - line.y1, line.x2 - line.x1)
    size = 6.0
    tip = QPointF(line.x2, line.y2)
    left = QPointF(line.x2 - size * math.cos(angle - 0.4), line.y2 - size * math.sin(angle - 0.4))
    right = QPointF(line.x2 - size * math.cos(angle + 0.4), line.y2 - size * math.sin(angle + 0.4))
    path = QPainterPath()
    path.addPolygon(QPolygonF([tip, left, right, tip]))
    return path


_FONTS: dict[tuple[float, bool], tuple[QFont, QFontMetricsF]] = {}


def _font(size: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
    key = (size, bold)
    if key not in _FONTS:
        font = QFont()
        font.setPixelSize(max(1, round(size * TEXT_PX)))  # units are points; the scene counts pixels at 96 dpi
        font.setBold(bold)
        _FONTS[key] = (font, QFontMetricsF(font))
    return _FONTS[key]


def _text_item(item: Text) -> QGraphicsSimpleTextItem:
    look = style(item.role)
    font, metrics = _font(item.size, look.bold)
    text = one_line(item.text)
    if item.max_width is not None:
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, item.max_width)
    label = QGraphicsSimpleTextItem(text)  # plain text: never markup
    label.setFont(font)
    label.setBrush(brush_for(item.role))
    label.setPen(QPen(Qt.PenStyle.NoPen))
    width = metrics.horizontalAdvance(text)
    dx = {"middle": -width / 2, "end": -width}.get(item.anchor, 0.0)
    label.setPos(item.x, item.y)
    label.setTransform(QTransform.fromTranslate(dx, -metrics.ascent()))
    label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)  # readable at any zoom
    # Text is the costliest thing to paint: each label keeps its pixels, so a pan
    # or zoom frame copies them instead of laying the glyphs out again.
    label.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return label


class FigureCanvas(QGraphicsView):
    """Shows a figure; a click on a record's item emits ``record_clicked``."""

    record_clicked = Signal(str)       # record code
    item_clicked = Signal(str)         # group key (bins, nodes)

    def __init__(self, parent: QWidget | None = None):
        self.figure_scene = FigureScene()
        super().__init__(self.figure_scene, parent)
        self.figure_scene.setParent(self)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState
                                  | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setBackgroundBrush(QColor("#ffffff"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def show_figure(self, figure: Figure) -> None:
        self.figure_scene.show_figure(figure)

    @property
    def figure(self) -> Figure | None:
        return self.figure_scene.figure

    def item_at(self, pos) -> tuple[str, str] | None:
        """(record code, key) of the record item under a viewport point."""
        for item in self.items(pos):
            while item is not None and not item.data(KEY):
                item = item.parentItem()
            if item is not None:
                return str(item.data(RECORD) or ""), str(item.data(KEY))
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.item_at(event.position().toPoint())
        if hit is None:
            return
        code, key = hit
        self.item_clicked.emit(key)
        if code:
            self.record_clicked.emit(code)

    # -- exporting ------------------------------------------------------------------

    def _render(self, painter: QPainter, target: QRectF) -> None:
        """The whole figure; labels drawn as text (SVG keeps it), not their cached pixels."""
        cached = [item for item in self.figure_scene.items()
                  if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
        for item in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        try:
            self.figure_scene.render(painter, target, self.figure_scene.sceneRect())
        finally:
            for item in cached:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def svg_bytes(self) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        rect = self.figure_scene.sceneRect()
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(int(rect.width()), int(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        figure = self.figure
        generator.setTitle(figure.title if figure is not None else "")
        painter = QPainter(generator)
        self._render(painter, QRectF(0, 0, rect.width(), rect.height()))
        painter.end()
        return bytes(buffer.data().data())

    def png_bytes(self, scale: float = 2.0) -> bytes:
        rect = self.figure_scene.sceneRect()
        image = QImage(max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)),
                       QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes, the binding a str
        return bytes(buffer.data().data())


def figure_png(figure: Figure, scale: float = 2.0) -> bytes:
    """A figure as PNG bytes, without a window (screenshots, tests)."""
    canvas = FigureCanvas()
    canvas.show_figure(figure)
    try:
        return canvas.png_bytes(scale)
    finally:
        canvas.deleteLater()

