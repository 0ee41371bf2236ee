"""What the window remembers between runs (QSettings, read with ``type=``):
geometry and dock state, the panes' sizes, each list's column widths and order.
The last case and recent cases are kept by ``app`` and ``recent``."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QByteArray, QSettings

from ...services import records

DEFAULT_WIDTHS = {"code": 90, "title": 300, "name": 240, "summary": 320, "start_date": 100}


def _bytes(key: str) -> QByteArray:
    return cast(QByteArray, QSettings().value(key, QByteArray(), type=QByteArray))


class LayoutMemory:
    def __init__(self, window):
        self.window = window

    def restore_window(self) -> None:
        geometry = _bytes("window/geometry")
        if not geometry.isEmpty():
            self.window.restoreGeometry(geometry)
        state = _bytes("window/state")
        if not state.isEmpty():
            self.window.restoreState(state)

    def save_window(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.window.saveGeometry())
        settings.setValue("window/state", self.window.saveState())
        settings.sync()

    def restore_case_layout(self, view) -> None:
        sizes = _bytes("window/splitter")
        if not sizes.isEmpty():
            view.resize(self.window.pages.size())  # the stacked layout sizes it only later
            view.restoreState(sizes)
        self.restore_columns(view, view.kind)
        view.kind_changed.connect(lambda kind: self.restore_columns(view, kind))
        view.table.horizontalHeader().sectionResized.connect(lambda *_: self.save_columns(view))

    def restore_columns(self, view, kind: str) -> None:
        state = _bytes(f"list/{kind}/header")
        header = view.table.horizontalHeader()
        if not state.isEmpty():
            header.restoreState(state)
        else:
            for n, column in enumerate(records.COLUMNS[kind]):
                header.resizeSection(n, DEFAULT_WIDTHS.get(column.key, 130))

    def save_columns(self, view) -> None:
        QSettings().setValue(f"list/{view.kind}/header", view.table.horizontalHeader().saveState())

    def save_case_layout(self, view) -> None:
        if view is not None:
            QSettings().setValue("window/splitter", view.saveState())
            self.save_columns(view)
