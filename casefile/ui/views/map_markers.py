"""The map's markers of one zoom level, drawn as one graphics item.

A marker is screen-sized: its circle and count keep their size in points at
any zoom. One graphics item per marker (a circle and a label each) cost about
25 µs to make and its own pixel cache to fill, so a zoom step that reached a
new level spent 100-700 ms making items. Here a level is one item holding its
clusters' centres in an array; it draws the markers in the region exposed,
each as a small picture made once per look (``marker_look``) and shared by
every level. Showing another level is hiding one item and showing another.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...services.views.figure import Group
from ...services.views.map import MARKER_MAX, Cluster, Clusters, MarkerLook, look_items
from .canvas import FigureScene

_PAD = 2.0  # points around a marker's circle in its picture (the pen's width)
_SPRITES: dict[tuple[MarkerLook, float], QPixmap] = {}


def sprite(look: MarkerLook, ratio: float) -> QPixmap:
    """A marker's picture, centred, for a device of pixel ratio ``ratio``,
    drawn from the same description as the dossier's marker."""
    key = (look, ratio)
    if key not in _SPRITES:
        half = look[1] + _PAD
        scene = FigureScene()
        scene._add(Group(look_items(look, half, half), None, "sprite", ""), None)
        side = math.ceil(2 * half * ratio)
        picture = QPixmap(side, side)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        box = QRectF(0, 0, 2 * half, 2 * half)
        scene.render(painter, box, box)
        painter.end()
        _SPRITES[key] = picture
    return _SPRITES[key]


class MarkerLayer(QGraphicsItem):
    """The markers of one zoom level. Its coordinates are world units (the
    scene's); smaller markers are drawn over bigger ones."""

    def __init__(self, found: Clusters, level: int):
        super().__init__()
        self.level = level
        self.clusters = found
        self.xy = found.xy
        self.radii = found.radii()
        self.order = np.argsort(-self.radii, kind="stable")  # big first: the small stay visible
        self._looks: dict[int, MarkerLook] = {}
        self._index: dict[str, int] | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect
        pad = (MARKER_MAX + _PAD) * 2.0 ** -level  # a marker's reach at this level's widest
        if len(found):
            left, top = self.xy.min(axis=0) - pad
            right, bottom = self.xy.max(axis=0) + pad
            self._box = QRectF(left, top, right - left, bottom - top)
        else:
            self._box = QRectF()

    @property
    def index(self) -> dict[str, int]:
        """Cluster by key (made when first asked: keys are strings, 20,000 of them)."""
        if self._index is None:
            self._index = {self.clusters.key(i): i for i in range(len(self.clusters))}
        return self._index

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._box

    def inside(self, left: float, top: float, right: float, bottom: float) -> np.ndarray:
        """Indexes of the clusters whose centres are in the box, in drawing order."""
        x, y = self.xy[self.order, 0], self.xy[self.order, 1]
        return self.order[(x >= left) & (x <= right) & (y >= top) & (y <= bottom)]

    def look(self, i: int) -> MarkerLook:
        if i not in self._looks:
            self._looks[i] = self.clusters.look(i)
        return self._looks[i]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        transform = painter.worldTransform()
        scale = transform.m11()
        if not len(self.clusters) or scale <= 0:
            return
        reach = (MARKER_MAX + _PAD) / scale
        exposed = option.exposedRect
        shown = self.inside(exposed.left() - reach, exposed.top() - reach,
                            exposed.right() + reach, exposed.bottom() + reach)
        if not len(shown):
            return
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        points = self.xy[shown] * scale + (transform.dx(), transform.dy())
        painter.save()
        painter.resetTransform()  # markers are drawn in device pixels, at their size in points
        for i, (px, py) in zip(shown.tolist(), points.tolist()):
            look = self.look(i)
            half = look[1] + _PAD
            painter.drawPixmap(QPointF(round(px - half), round(py - half)), sprite(look, ratio))
        painter.restore()

    def hit(self, x: float, y: float, scale: float) -> Cluster | None:
        """The marker under a scene point at a view scale (pixels per world unit):
        the smallest whose circle holds it, as the smallest is drawn on top."""
        if not len(self.clusters):
            return None
        distance = np.hypot(self.xy[:, 0] - x, self.xy[:, 1] - y) * scale
        under = np.flatnonzero(distance <= self.radii + 1.0)
        if not len(under):
            return None
        return self.clusters.cluster(int(under[np.argmin(self.radii[under])]))

    def position(self, key: str) -> QPointF | None:
        """The scene point of a cluster's marker, by its key."""
        i = self.index.get(key)
        return None if i is None else QPointF(*self.xy[i])
