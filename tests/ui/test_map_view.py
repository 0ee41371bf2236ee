"""The map tab, driven as a person would: View > Map, clicks, keys, the list's
filter, live edits and undo, MBTiles from File > Add Map Tiles…, no network."""

from __future__ import annotations

import io
import socket
import sqlite3

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QFileDialog, QToolTip

from casefile.services import records
from casefile.services.views import tiles
from casefile.ui.commands import UpdateRecord
from casefile.ui.views.map_view import ADD_MAP_TILES, SHOW_MAP, MapPane


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the map view opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _seed(case):
    ayutla = records.create(case, "place", name="Ayutla de los Libres", latitude=16.9647, longitude=-99.0939,
                            precision="municipality", state="Guerrero", country="México")
    tixtla = records.create(case, "place", name="Tixtla", latitude=17.567, longitude=-99.397, precision="exact",
                            state="Guerrero", country="México")
    records.create(case, "incident", title="Detention of community police", place_id=ayutla)
    records.create(case, "incident", title="Roadblock at Tixtla", place_id=tixtla)
    return ayutla, tixtla


def _open_map(window, qtbot) -> MapPane:
    window.actions[SHOW_MAP].trigger()
    pane = window.findChild(MapPane)
    assert pane is not None
    qtbot.waitUntil(lambda: pane.isVisible() and not pane.stale, timeout=10_000)
    qtbot.waitUntil(lambda: pane.map_canvas.zoom > 3, timeout=10_000)  # fitted to the places
    return pane


def _marker_point(pane, code) -> QPoint:
    point = pane.marker_position(code)
    assert point is not None, f"no marker for {code} at this zoom"
    return pane.map_canvas.mapFromScene(point)


def _marker_keys(pane) -> set[str]:
    return set(pane.map_canvas.map_scene.marker_layer.index)


def test_view_map_shows_the_places_and_a_click_opens_one(window, qtbot, no_network):
    ayutla, tixtla = _seed(window.case)
    pane = _open_map(window, qtbot)
    code = records.get(window.case, "place", tixtla)["code"]
    assert code in _marker_keys(pane)
    qtbot.mouseClick(pane.map_canvas.viewport(), Qt.MouseButton.LeftButton, pos=_marker_point(pane, code))
    assert window.current_record == ("place", tixtla)


def test_keyboard_pans_zooms_and_enter_opens(window, qtbot, no_network):
    _seed(window.case)
    pane = _open_map(window, qtbot)
    canvas = pane.map_canvas
    canvas.setFocus()
    zoom = canvas.zoom
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.zoom == pytest.approx(zoom + 1)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    before = canvas.visible_world()
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.visible_world()[0] > before[0]
    qtbot.keyClick(canvas, Qt.Key.Key_0)
    qtbot.keyClick(canvas, Qt.Key.Key_N)
    assert pane.selected
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    kind, record_id = window.current_record
    assert kind == "place" and records.get(window.case, "place", record_id)["code"] == pane.selected


def test_the_list_filter_scopes_the_map(window, qtbot):
    _seed(window.case)
    pane = _open_map(window, qtbot)
    assert len(pane.places.places) == 2
    qtbot.keyClicks(window.view.filter_box, "Roadblock")
    qtbot.waitUntil(lambda: [p.name for p in pane.places.places] == ["Tixtla"], timeout=10_000)


def test_the_map_follows_edits_and_undo_live(window, qtbot):
    ayutla, _ = _seed(window.case)
    pane = _open_map(window, qtbot)
    window.execute(UpdateRecord(window.case, "place", ayutla, {"latitude": 18.5, "longitude": -98.0}))
    qtbot.waitUntil(lambda: any(p.latitude == 18.5 for p in pane.places.places), timeout=10_000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: any(abs(p.latitude - 16.9647) < 1e-6 for p in pane.places.places), timeout=10_000)


def test_a_cluster_click_zooms_in(window, qtbot):
    for n in range(4):
        place = records.create(window.case, "place", name=f"P{n}", latitude=17.0 + n * 0.002, longitude=-99.0)
        records.create(window.case, "incident", title=f"I{n}", place_id=place)
    records.create(window.case, "incident", title="far", place_id=records.create(
        window.case, "place", name="Far", latitude=25.0, longitude=-105.0))
    pane = _open_map(window, qtbot)
    pane.map_canvas.show_world_box((0, 0, 256, 256))
    key = next(k for k in _marker_keys(pane) if k.startswith("cluster:"))
    zoom = pane.map_canvas.zoom
    qtbot.mouseClick(pane.map_canvas.viewport(), Qt.MouseButton.LeftButton, pos=_marker_point(pane, key))
    assert pane.map_canvas.zoom > zoom + 2


def _tiny_mbtiles(path):
    import mercantile
    from PIL import Image

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", [("name", "Costa Chica"), ("format", "png"),
                     ("bounds", "-100.5,16.0,-98.0,18.0"), ("minzoom", "6"), ("maxzoom", "9")])
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (30, 140, 70)).save(buffer, "PNG")
    for tile in mercantile.tiles(-100.5, 16.0, -98.0, 18.0, zooms=[6, 7, 8, 9]):
        conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                     (tile.z, tile.x, (1 << tile.z) - 1 - tile.y, buffer.getvalue()))
    conn.commit()
    conn.close()
    return path


def test_add_map_tiles_from_the_file_menu_draws_them(window, qtbot, tmp_path, monkeypatch, no_network):
    _seed(window.case)
    pane = _open_map(window, qtbot)
    source = _tiny_mbtiles(tmp_path / "costa.mbtiles")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    window.actions[ADD_MAP_TILES].trigger()  # copied off the UI thread, with progress
    qtbot.waitUntil(lambda: [t.name for t in tiles.installed()] == ["Costa Chica"], timeout=10_000)
    qtbot.waitUntil(lambda: "Costa Chica" in window.statusBar().currentMessage(), timeout=10_000)
    assert tiles.installed()[0].path.parent == tiles.tiles_dir()
    qtbot.waitUntil(lambda: bool(pane.map_canvas.map_scene.layers.get("tiles")), timeout=10_000)
    markers_z = pane.map_canvas.map_scene.layers["markers"][0].zValue()
    assert all(item.zValue() < markers_z for item in pane.map_canvas.map_scene.layers["tiles"])


def test_hostile_place_names_are_drawn_literally(window, qtbot):
    name = '<b>bold</b> <img src="x.png"> \u202eevil'
    place = records.create(window.case, "place", name=name, latitude=17.0, longitude=-99.0)
    records.create(window.case, "incident", title="i", place_id=place)
    pane = _open_map(window, qtbot)
    code = records.get(window.case, "place", place)["code"]
    viewport = pane.map_canvas.viewport()
    point = _marker_point(pane, code)
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=5_000)
    shown = QTextDocumentFragment.fromHtml(QToolTip.text()).toPlainText()
    assert name in shown  # the markup is the text, not markup


def test_land_is_filled_not_outlined_and_lines_do_not_cross_the_world(window, qtbot):
    """Far out the land showed thick black outlines (a pen meant to be none made solid),
    and Fiji's boundary a line around the world (a ring across the antimeridian)."""
    import numpy as np
    from PySide6.QtGui import QPainterPath

    from casefile.services.views.basemap import WORLD
    from casefile.ui.views.map_canvas import fast_path

    _seed(window.case)
    pane = _open_map(window, qtbot)
    for _ in range(6):
        qtbot.keyClick(pane.map_canvas, Qt.Key.Key_Minus)
    layers = pane.map_canvas.map_scene.layers
    land = [item for name in ("land_low", "land_high", "land_near") for item in layers.get(name, [])]
    assert land and all(item.pen().style() == Qt.PenStyle.NoPen for item in land)
    ring = np.array([[WORLD - 1.0, 140.0], [WORLD - 0.5, 141.0], [0.5, 141.0], [1.0, 140.0]])
    path = fast_path(ring, closed=False)
    moves = [i for i in range(path.elementCount()) if path.elementAt(i).type == QPainterPath.ElementType.MoveToElement]
    assert moves == [0, 2]  # the line stops at the edge of the world and goes on at the other


def _different_pixels(one, other) -> float:
    """The share of pixels that differ between two viewport grabs."""
    import numpy as np

    def pixels(pixmap):
        image = pixmap.toImage()
        image = image.convertToFormat(image.Format.Format_RGB32)
        return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())

    a, b = pixels(one), pixels(other)
    return float((a != b).any(axis=1).mean() if a.shape != b.shape else (a != b).mean())


def test_pans_and_zoom_gestures_end_drawn_as_a_fresh_draw(window, qtbot):
    """The background is kept as a picture: a pan scrolls it and draws the strip it
    uncovers, a zoom gesture shows it scaled until it rests. Both must end with the
    pixels a fresh draw gives."""
    _seed(window.case)
    pane = _open_map(window, qtbot)
    canvas = pane.map_canvas
    canvas.setFocus()

    def fresh():  # the background drawn whole, without the picture kept from before
        canvas._picture = None
        canvas.resetCachedContent()
        canvas.viewport().repaint()
        return canvas.viewport().grab()

    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up):
        qtbot.keyClick(canvas, key)
        canvas.viewport().repaint()
    # Qt keeps its own pixels too; the picture shows when a zoom gesture starts
    panned, shown = canvas._picture, canvas.viewport().grab()
    assert _different_pixels(shown, fresh()) < 0.001
    assert _different_pixels(panned, canvas._picture) < 0.001

    picture = canvas._picture
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    canvas.viewport().repaint()
    assert canvas._zooming and canvas._picture is picture  # the gesture shows the picture it had
    qtbot.waitUntil(lambda: not canvas._zooming, timeout=5_000)
    canvas.viewport().repaint()
    assert canvas._picture is not picture  # drawn again at the new scale
    rested = canvas.viewport().grab()
    assert _different_pixels(rested, fresh()) < 0.001
