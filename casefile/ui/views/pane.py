"""What every view tab shares: a toolbar row, a figure canvas, a status line,
the list's filter as its scope, live refresh after edits and undo, and export
of what it shows as SVG or PNG.

A view (timeline, link chart, map) subclasses :class:`FigurePane` and fills
``rebuild()`` (read the case again) and ``redraw()`` (draw what it holds).
The pane rebuilds only while it is shown: a hidden view is marked stale and
catches up when its tab is chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...errors import CasefileError
from ...services.views.scope import filtered_ids, incidents_reached, record_for_code
from ...store.outputs import write_bytes
from ..dialogs.output_path import may_write
from .canvas import FigureCanvas

if TYPE_CHECKING:
    from ..mainwindow import MainWindow


class FigurePane(QWidget):
    """Base of the view tabs."""

    def __init__(self, window: MainWindow, canvas: FigureCanvas | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.canvas = canvas or FigureCanvas()
        self.tools = QHBoxLayout()
        self.tools.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.tools)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.status)
        self.stale = True
        # Edits arrive in bursts (a command touches several tables): one rebuild after them.
        self._refresh_timer = QTimer(self, singleShot=True, interval=60)
        self._refresh_timer.timeout.connect(self.refresh_now)
        self.canvas.record_clicked.connect(self.open_code)

    # -- scope: what the list's filter keeps ----------------------------------------

    def scope(self) -> tuple[str, set[int] | None]:
        """(list kind, ids the filter keeps or None)."""
        view = self.window_.view
        if view is None or self.window_.case is None:
            return "incident", None
        return view.kind, filtered_ids(self.window_.case, view.kind, view.list_model.filter_text)

    def scoped_incidents(self) -> set[int] | None:
        case = self.window_.case
        kind, ids = self.scope()
        return incidents_reached(case, kind, ids) if case is not None else set()

    # -- refreshing --------------------------------------------------------------------

    def changed(self) -> None:
        """The case, the list's kind or its filter changed."""
        self.stale = True
        if self.isVisible():
            self._refresh_timer.start()

    def refresh_now(self) -> None:
        if self.window_.case is None:
            return
        self.stale = False
        try:
            self.rebuild()
        except CasefileError as error:
            self.status.setText(str(error))
            return
        self.redraw()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.stale:
            self.refresh_now()

    def rebuild(self) -> None:
        raise NotImplementedError

    def redraw(self) -> None:
        raise NotImplementedError

    # -- records and files ---------------------------------------------------------------

    def open_code(self, code: str) -> None:
        """Open the record a figure item stands for, in the editor."""
        case = self.window_.case
        found = record_for_code(case, code) if case is not None and code else None
        if found is None:
            return
        self.window_.open_record(*found)

    def export(self, fmt: str) -> bool:
        """Ask where, then write the figure shown as SVG or PNG (never over the case)."""
        case = self.window_.case
        if case is None or self.canvas.figure is None:
            return False
        pattern = self.tr("SVG drawing (*.svg)") if fmt == "svg" else self.tr("PNG image (*.png)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the view"), "", pattern)
        if not path:
            return False
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        try:
            force = may_write(self, path, open_cases=[case.path])
            if force is None:
                return False
            data = self.canvas.svg_bytes() if fmt == "svg" else self.canvas.png_bytes()
            write_bytes(path, data, force=force, open_cases=[case.path])
        except CasefileError as error:
            self.window_.show_error(error)
            return False
        self.window_.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return True
