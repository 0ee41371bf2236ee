"""The map's place in the window, kept apart from the map itself: View > Map
(Ctrl+Shift+G) and File > Add Map Tiles…. The map view (``map_view``, with
numpy and the tile and gazetteer services) is imported when its tab is first
shown, not when the window starts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from ...i18n import QT_TRANSLATE_NOOP as T
from ..actions import ActionRegistry, ActionSpec
from ..workers import run_in_thread

if TYPE_CHECKING:
    from ...services.views.tiles import TileSet
    from ..mainwindow import MainWindow
    from . import ViewHost
    from .pane import FigurePane

SHOW_MAP = "show_map"
ADD_MAP_TILES = "add_map_tiles"


def import_tiles(window: MainWindow, path: Path, then: Callable[[TileSet], None] | None = None) -> None:
    """Copy an MBTiles file into the tiles folder off the UI thread (a region's tiles
    run to gigabytes), with progress and Cancel; then say so and call ``then``."""
    from ...services.views import tiles

    def added(tileset: object) -> None:
        assert isinstance(tileset, tiles.TileSet)
        window.statusBar().showMessage(QCoreApplication.translate("Views", "Map tiles added: {name}").format(
            name=tileset.name), 5000)
        if then is not None:
            then(tileset)

    run_in_thread(lambda progress, cancelled: tiles.import_tiles(path, progress, cancelled), parent=window,
                  title=QCoreApplication.translate("Views", "Adding map tiles…"), on_success=added,
                  on_failure=window.show_error)


def _map(window: MainWindow) -> FigurePane:
    from .map_view import MapPane

    return MapPane(window)


def install(host: ViewHost) -> None:
    """Join the view tabs (View > Map) and add File > Add Map Tiles…."""
    window = host.window_
    spec = ActionSpec(SHOW_MAP, T("Actions", "&Map"), ("Ctrl+Shift+G",), menu="view",
                      tip=T("Actions", "The listed incidents' places on a map (offline)"))
    host.register(spec, QCoreApplication.translate("Views", "Map"), _map)

    def add_tiles() -> None:
        pane = host.panes.get(SHOW_MAP)  # a map shown: it adds them, and shows them at once
        if pane is not None and hasattr(pane, "add_tiles"):
            pane.add_tiles()
            return
        path, _ = QFileDialog.getOpenFileName(window, QCoreApplication.translate("Views", "Add Map Tiles"), "",
                                              QCoreApplication.translate("Views", "MBTiles (*.mbtiles)"))
        if path:
            import_tiles(window, Path(path))

    registry: ActionRegistry = window.actions  # typed: the attribute shadows QWidget.actions()
    registry.add(ActionSpec(ADD_MAP_TILES, T("Actions", "Add Map &Tiles…"), menu="file", needs_case=False,
                            tip=T("Actions", "Import an .mbtiles file of raster map tiles for the map view")),
                 add_tiles, after="open_server_case")
