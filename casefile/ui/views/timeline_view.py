"""The timeline tab: the list's incidents on a time axis.

Zoom (wheel, +/-) goes from decades to days; drag or Shift+wheel pans. A
gesture moves the drawing at once (the view's transform: a frame costs one
repaint) and the figure is drawn again at the new detail when it settles.
Left/Right move between incidents in time order, Home/End to the first and
last, Enter opens the one in focus; a click opens an incident, or zooms into a
bin of counted incidents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent, QTransform, QWheelEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from ...services.views.timeline import LABEL_W, Timeline, load_timeline
from .canvas import FigureCanvas
from .pane import FigurePane

if TYPE_CHECKING:
    from ..mainwindow import MainWindow

MIN_DAYS = 3            # the closest zoom shows three days
MAX_DAYS = 365 * 200    # the farthest, two centuries


class TimelineCanvas(FigureCanvas):
    """The timeline's drawing: keys and gestures become requests to its pane."""

    step = Signal(int)          # -1 / +1: previous / next incident
    jump = Signal(int)          # 0: first, -1: last
    activate = Signal()         # Enter
    zoom = Signal(float, float)  # factor, at x (viewport)
    pan = Signal(float)         # by x pixels (viewport)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._drag: QPointF | None = None
        self._moved = 0.0

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.step.emit(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.step.emit(1)
        elif key == Qt.Key.Key_Home:
            self.jump.emit(0)
        elif key == Qt.Key.Key_End:
            self.jump.emit(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate.emit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom.emit(0.5, self.viewport().width() / 2)
        elif key == Qt.Key.Key_Minus:
            self.zoom.emit(2.0, self.viewport().width() / 2)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta().y() or event.angleDelta().x()
        if not delta:
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.pan.emit(-delta / 2)
        else:
            self.zoom.emit(0.8 if delta > 0 else 1.25, event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag, self._moved = event.position(), 0.0
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._drag is not None:
            dx = event.position().x() - self._drag.x()
            self._drag = event.position()
            self._moved += abs(dx)
            if dx:
                self.pan.emit(-dx)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        dragged = self._moved > 4
        self._drag = None
        if not dragged:  # a drag is not a click
            super().mouseReleaseEvent(event)


class TimelinePane(FigurePane):
    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        self.timeline_canvas = TimelineCanvas()
        super().__init__(window, self.timeline_canvas, parent)
        self.setObjectName("timelineView")
        self.timeline: Timeline | None = None
        self.start = self.end = 0      # the days shown, [start, end)
        self.focus = -1                # index of the focused incident in timeline.events
        self._pending = QTransform()   # a gesture not yet drawn again
        self.lanes = QComboBox()
        self.lanes.setObjectName("timelineLanes")
        for key, text in (("type", self.tr("Lanes by type")), ("actor", self.tr("Lanes by actor")),
                          ("place", self.tr("Lanes by place")), ("none", self.tr("One lane"))):
            self.lanes.addItem(text, key)
        self.lanes.currentIndexChanged.connect(lambda _n: self.changed())
        fit = QPushButton(self.tr("Show All"))
        fit.clicked.connect(self.fit)
        hint = QLabel(self.tr("Wheel or +/- zoom, drag pans, arrows move, Enter opens"))
        hint.setTextFormat(Qt.TextFormat.PlainText)
        self.tools.addWidget(self.lanes)
        self.tools.addWidget(fit)
        self.tools.addStretch(1)
        self.tools.addWidget(hint)
        self._settle = QTimer(self, singleShot=True, interval=120)
        self._settle.timeout.connect(self.redraw)
        c = self.timeline_canvas
        c.step.connect(self.move_focus)
        c.jump.connect(lambda where: self.set_focus(0 if where == 0 else len(self._events()) - 1))
        c.activate.connect(self.open_focus)
        c.zoom.connect(self.zoom_at)
        c.pan.connect(self.pan_by)
        c.item_clicked.connect(self._clicked)

    def _events(self) -> list:
        return self.timeline.events if self.timeline is not None else []

    # -- reading and drawing ----------------------------------------------------------

    def rebuild(self) -> None:
        case = self.window_.case
        assert case is not None
        focused = self._events()[self.focus].id if 0 <= self.focus < len(self._events()) else None
        first = self.timeline is None
        self.timeline = load_timeline(case, lanes=str(self.lanes.currentData()), incidents=self.scoped_incidents(),
                                      lang=self.window_.lang)
        self.focus = self.timeline.index_of(focused) if focused is not None else -1
        if first or self.end <= self.start:
            self.start, self.end = self.timeline.extent()
        shown, left_out = len(self.timeline.events), self.timeline.omitted + self.timeline.withheld
        self.status.setText(self.tr("{shown:,} incidents on the timeline; {left:,} without a usable date").format(
            shown=shown, left=left_out))

    def redraw(self) -> None:
        if self.timeline is None:
            return
        self._pending = QTransform()
        self.canvas.setTransform(QTransform())
        width = max(self.canvas.viewport().width(), 400)
        focus = self._events()[self.focus].id if 0 <= self.focus < len(self._events()) else None
        self.canvas.show_figure(self.timeline.figure(self.start, self.end, width, focus=focus))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.timeline is not None:
            self._settle.start()

    # -- zoom and pan -------------------------------------------------------------------

    def _days_per_px(self) -> float:
        return (self.end - self.start) / max(self.canvas.viewport().width() - LABEL_W, 10)

    def zoom_at(self, factor: float, x: float) -> None:
        span = self.end - self.start
        new_span = int(min(max(span * factor, MIN_DAYS), MAX_DAYS))
        if new_span == span:
            return
        at = self.start + (max(x, LABEL_W) - LABEL_W) * self._days_per_px()
        share = (at - self.start) / span
        self.start = int(at - share * new_span)
        self.end = self.start + new_span
        # Now: stretch what is drawn about the point; soon: draw it again.
        real = span / new_span
        self._pending = self._pending * QTransform().translate(-x, 0) * QTransform().scale(real, 1) \
            * QTransform().translate(x, 0)
        self.canvas.setTransform(self._pending)
        self._settle.start()

    def pan_by(self, pixels: float) -> None:
        days = pixels * self._days_per_px()
        shift = int(round(days))
        if not shift:
            return
        self.start += shift
        self.end += shift
        self._pending = self._pending * QTransform().translate(-shift / self._days_per_px(), 0)
        self.canvas.setTransform(self._pending)
        self._settle.start()

    def fit(self) -> None:
        if self.timeline is not None:
            self.start, self.end = self.timeline.extent()
            self.redraw()

    def show_range(self, start: int, end: int) -> None:
        self.start, self.end = start, max(end, start + MIN_DAYS)
        self.redraw()

    # -- focus and opening --------------------------------------------------------------

    def move_focus(self, step: int) -> None:
        events = self._events()
        if not events:
            return
        self.set_focus(0 if self.focus < 0 else min(max(self.focus + step, 0), len(events) - 1))

    def set_focus(self, index: int) -> None:
        events = self._events()
        if not 0 <= index < len(events):
            return
        self.focus = index
        event = events[index]
        span = self.end - self.start
        if event.last < self.start or event.first >= self.end:  # bring it into view, same zoom
            self.start = event.first - span // 3
            self.end = self.start + span
        if self.timeline is not None and self.timeline.count_between(self.start, self.end) > 1500:
            self.start, self.end = event.first - 180, event.first + 180  # counted in bins: come closer
        self.redraw()
        self.status.setText(f"{event.code} {event.title} — {event.when}")

    def focused_id(self) -> int | None:
        events = self._events()
        return events[self.focus].id if 0 <= self.focus < len(events) else None

    def open_focus(self) -> None:
        incident = self.focused_id()
        if incident is not None:
            self.window_.open_record("incident", incident)

    def _clicked(self, key: str) -> None:
        if key.startswith("bin:"):
            _, first, last = key.split(":")
            self.show_range(int(first), int(last))
        elif key.isdigit():
            self.focus = self.timeline.index_of(int(key)) if self.timeline is not None else -1
