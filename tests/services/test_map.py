"""The map figure: markers, precision drawn honestly, clustering, MBTiles,
redaction, and no network."""

from __future__ import annotations

import io
import socket
import sqlite3

import pytest
from PIL import Image as PILImage

from casefile.errors import CasefileError
from casefile.services import records
from casefile.services.views import tiles
from casefile.services.views.figure import Circle, Group, Image, Path, Role, texts, walk
from casefile.services.views.map import (
    Clusters,
    MapPlace,
    clusters,
    map_figure,
    map_places,
    marker_look,
    marker_radius,
)

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("the map opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _place(case, name, lat, lon, precision="exact", **values):
    return records.create(case, "place", name=name, latitude=lat, longitude=lon, precision=precision,
                          country="México", **values)


def _incident(case, title, place, **values):
    return records.create(case, "incident", title=title, place_id=place, **values)


def _group(figure, code):
    return next(g for g in figure.groups() if g.record == code)


def test_a_municipality_is_drawn_as_an_area_not_a_point(case, no_network):
    town = _place(case, "Ayutla de los Libres", 16.9647, -99.0939, "municipality", state="Guerrero")
    _incident(case, "Detention", town)
    figure = map_figure(map_places(case))
    code = records.get(case, "place", town)["code"]
    marker = _group(figure, code)
    roles = {item.role for item in walk(list(marker.items)) if isinstance(item, Circle)}
    assert Role.MARKER_RING in roles and Role.MARKER not in roles
    areas = [item for item in figure.items if isinstance(item, Path) and item.role == Role.PRECISION_AREA]
    assert areas and areas[0].closed
    xs = [x for x, _ in areas[0].points]
    assert max(xs) - min(xs) > 10  # an area some points wide, not a dot


def test_an_exact_point_is_a_filled_marker_sized_by_incidents(case):
    one = _place(case, "Uno", 17.0, -99.0)
    three = _place(case, "Tres", 17.5, -100.0)
    _incident(case, "a", one)
    for n in range(3):
        _incident(case, f"b{n}", three)
    figure = map_figure(map_places(case))
    codes = {records.get(case, "place", i)["code"]: i for i in (one, three)}
    radius = {code: next(c.r for c in walk(list(_group(figure, code).items))
                         if isinstance(c, Circle) and c.role == Role.MARKER) for code in codes}
    small, big = sorted(radius.values())
    assert big > small


def test_a_state_is_drawn_as_its_outline(case):
    state = _place(case, "Guerrero", 17.4392, -99.5451, "state", state="Guerrero")
    _incident(case, "Roadblocks", state)
    figure = map_figure(map_places(case))
    areas = [item for item in figure.items if isinstance(item, Path) and item.role == Role.PRECISION_AREA]
    assert sum(len(a.points) for a in areas) > 60  # the state's border, not a 40-point circle


def _mp(code, x, y, incidents=1):
    return MapPlace(code, code, 0.0, 0.0, "exact", "", "", incidents, x, y)


def test_dense_places_cluster_at_low_zoom_and_split_when_zoomed_in():
    places = [_mp("PLC-0001", 100.0, 100.0), _mp("PLC-0002", 100.01, 100.01, 3), _mp("PLC-0003", 150.0, 100.0)]
    low = clusters(places, 2)
    assert len(low) == 2
    both = next(c for c in low if len(c.places) == 2)
    assert both.incidents == 4 and both.key.startswith("cluster:")
    assert len(clusters(places, 14)) == 3


def test_the_window_s_cluster_arrays_say_what_the_clusters_say():
    """The window clusters by arrays and makes a cluster only when asked: keys, looks,
    radii and centres must be those of the clusters the dossier draws."""
    import random

    rng = random.Random(3)
    precisions = ["exact", "nearby", "municipality", "state"]
    places = [MapPlace(f"PLC-{n:04d}", f"P{n}", 0.0, 0.0, rng.choice(precisions), "", "", rng.randint(0, 9),
                       rng.uniform(50, 60), rng.uniform(110, 118)) for n in range(600)]
    for zoom in (3, 7, 11, 16):
        arrays, made = Clusters.of(places, zoom), clusters(places, zoom)
        assert len(arrays) == len(made) and any(len(c.places) > 1 for c in made) == (zoom < 16)
        radii = arrays.radii()
        for i, cluster in enumerate(made):
            assert arrays.key(i) == cluster.key and arrays.look(i) == marker_look(cluster)
            assert radii[i] == pytest.approx(marker_radius(cluster.incidents))
            centre = cluster.places[0] if len(cluster.places) == 1 else None
            if centre is not None:
                assert (cluster.x, cluster.y) == (centre.x, centre.y)
    assert len(Clusters.of([], 5)) == 0 and clusters([], 5) == []


def test_clusters_draw_a_count_and_no_record(case):
    for n in range(5):
        _incident(case, f"i{n}", _place(case, f"P{n}", 17.0 + n * 0.001, -99.0))
    far = _place(case, "Far", 30.0, -110.0)
    _incident(case, "far", far)
    figure = map_figure(map_places(case), 300, 200)
    cluster = next(item for item in figure.items if isinstance(item, Group) and item.key.startswith("cluster:"))
    assert cluster.record is None and "5" in [t.text for t in walk(list(cluster.items)) if hasattr(t, "text")]


def test_a_public_map_leaves_out_places_used_only_by_confidential_incidents(case, no_network):
    safe_house = _place(case, "Casa de Rosa Ficticia", 16.9, -99.1)
    plaza = _place(case, "Plaza de Ayutla", 16.96, -99.09)
    _incident(case, "Witness hidden", safe_house, confidential=True)
    _incident(case, "Detention", plaza)
    full = map_figure(map_places(case, profile="full"))
    public_places = map_places(case, profile="public")
    public = map_figure(public_places)
    assert any("Rosa Ficticia" in t for t in texts(full))
    assert not any("Rosa Ficticia" in t for t in texts(public))
    assert [p.name for p in public_places.places] == ["Plaza de Ayutla"]


def test_the_list_scope_limits_the_places(case):
    a = _place(case, "A", 17.0, -99.0)
    b = _place(case, "B", 18.0, -98.0)
    first = _incident(case, "first", a)
    _incident(case, "second", b)
    assert [p.name for p in map_places(case, incidents={first}).places] == ["A"]
    nowhere = records.create(case, "place", name="No coordinates")
    _incident(case, "third", nowhere)
    assert map_places(case).omitted == 1


def test_hostile_names_are_carried_literally(case):
    name = '<b>x</b> <img src="/etc/passwd"> \u202eevil NEAR( "'
    _incident(case, "i", _place(case, name, 17.0, -99.0))
    figure = map_figure(map_places(case))
    assert any(name in t for t in texts(figure))


def _mbtiles(path, fmt="png", zooms=(5, 6, 7, 8)):
    """A tiny raster MBTiles over Guerrero, made here with sqlite3 and Pillow."""
    import mercantile

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    meta = {"name": "Guerrero test", "format": fmt, "bounds": "-102.5,16.0,-98.0,18.9",
            "minzoom": str(min(zooms)), "maxzoom": str(max(zooms)), "attribution": "Test tiles CC0"}
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    buffer = io.BytesIO()
    PILImage.new("RGB", (256, 256), (40, 160, 60)).save(buffer, "PNG")
    for tile in mercantile.tiles(-102.5, 16.0, -98.0, 18.9, zooms=list(zooms)):
        conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                     (tile.z, tile.x, (1 << tile.z) - 1 - tile.y, buffer.getvalue()))
    conn.commit()
    conn.close()
    return path


def test_mbtiles_import_lands_in_the_user_data_folder_and_draws_under_markers(case, tmp_path, no_network):
    source = _mbtiles(tmp_path / "guerrero.mbtiles")
    tileset = tiles.import_tiles(source)
    assert tileset.path.parent == tiles.tiles_dir() and tileset.path.exists()
    assert tiles.import_tiles(source).path == tileset.path  # the same file twice is one copy
    assert [t.name for t in tiles.installed()] == ["Guerrero test"]
    _incident(case, "Detention", _place(case, "Ayutla", 16.9647, -99.0939, "municipality"))
    figure = map_figure(map_places(case), tilesets=tiles.installed())
    images = [i for i in figure.items if isinstance(i, Image)]
    assert images and all(0 <= i.x and i.x + i.w <= figure.width + 0.01 for i in images)
    order = [type(i).__name__ for i in figure.items]
    assert order.index("Image") < max(n for n, i in enumerate(figure.items) if isinstance(i, Group))
    assert "Test tiles CC0" in figure.caption and "GeoNames" in figure.caption


def test_vector_or_broken_tile_files_are_refused_in_one_line(tmp_path):
    vector = _mbtiles(tmp_path / "vector.mbtiles", fmt="pbf")
    with pytest.raises(CasefileError, match="PNG or JPEG"):
        tiles.import_tiles(vector)
    junk = tmp_path / "junk.mbtiles"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(CasefileError) as raised:
        tiles.import_tiles(junk)
    assert "\n" not in str(raised.value)
    assert not tiles.tiles_dir().exists() or not list(tiles.tiles_dir().glob("*.mbtiles"))


@pytest.mark.parametrize("stop_at", [1, 2])  # while hashing, while copying
def test_a_cancelled_tile_import_reports_and_leaves_nothing(tmp_path, stop_at):
    from casefile.store.chunks import Cancelled

    source = _mbtiles(tmp_path / "guerrero.mbtiles")
    asked, reported = [], []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) >= stop_at  # the file is one block: once per pass
    with pytest.raises(Cancelled):
        tiles.import_tiles(source, lambda done, total, message: reported.append((done, total)), cancelled)
    assert not tiles.tiles_dir().exists() or list(tiles.tiles_dir().iterdir()) == []
    size = source.stat().st_size
    assert reported == ([] if stop_at == 1 else [(size, 2 * size)])
    tileset = tiles.import_tiles(source, lambda done, total, message: reported.append((done, total)))
    assert tileset.path.exists() and reported[-1] == (2 * size, 2 * size)
