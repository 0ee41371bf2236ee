"""MBTiles a team prepares for its region, drawn under the map's markers.

An ``.mbtiles`` file is SQLite: ``metadata(name, value)`` and
``tiles(zoom_level, tile_column, tile_row, tile_data)`` with rows counted from
the south (TMS). Casefile takes raster tiles (PNG, JPEG) only.

Where they live: File > Add Map Tiles… copies the file into the user's data
folder (``…/Casefile/tiles``), not into the case. A region's tiles are tens or
hundreds of megabytes and serve every case about that region; the case file
stays small enough to copy, back up and hand over. The tiles say nothing about
a case, but they do show which region a documenter works on: they are stored
as given (not encrypted), which the README says.

No Qt; no network (a tile not in a file is simply not drawn).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import mercantile  # type: ignore[import-untyped]

from ...errors import CasefileError
from ...i18n import translate
from ...store import outputs
from ...store.chunks import Cancelled
from .basemap import WORLD

RASTER = {"png", "jpg", "jpeg", "webp"}


def tiles_dir() -> Path:
    """The folder of imported tile sets (``CASEFILE_TILES_DIR`` overrides it)."""
    override = os.environ.get("CASEFILE_TILES_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Casefile", appauthor=False)) / "tiles"


def _sniff(data: bytes) -> str:
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return ""


@dataclass
class TileSet:
    """One imported MBTiles file, read-only."""

    path: Path
    name: str
    attribution: str
    format: str
    minzoom: int
    maxzoom: int
    bounds: tuple[float, float, float, float]  # west, south, east, north (degrees)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = _open(self.path)
        return self._conn

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """A tile's image bytes (XYZ numbering), or None."""
        if not (self.minzoom <= z <= self.maxzoom):
            return None
        with self._lock:
            row = self._connection().execute(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                (z, x, (1 << z) - 1 - y)).fetchone()
        data = row[0] if row else None
        return bytes(data) if data and _sniff(bytes(data[:16])) else None

    def covers(self, west: float, south: float, east: float, north: float) -> bool:
        w, s, e, n = self.bounds
        return not (e < west or w > east or n < south or s > north)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def _open(path: Path) -> sqlite3.Connection:
    # Read-only and immutable: a tile file is never written, never journalled beside.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def read_tileset(path: Path) -> TileSet:
    """The tile set in an MBTiles file; CasefileError (one line) if it is not one."""
    try:
        conn = _open(path)
        try:
            meta = dict(conn.execute("SELECT name, value FROM metadata").fetchall())
            first = conn.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()
            zooms = conn.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise CasefileError(translate("Map", "{name} is not an MBTiles file ({error}).").format(
            name=path.name, error=error)) from None
    fmt = str(meta.get("format", "")).lower() or (_sniff(bytes(first[0][:16])) if first and first[0] else "")
    if first is None or zooms is None or zooms[0] is None:
        raise CasefileError(translate("Map", "{name} holds no tiles.").format(name=path.name))
    if fmt not in RASTER:
        raise CasefileError(translate("Map", "{name} holds {format} tiles; Casefile draws PNG or JPEG tiles.").format(
            name=path.name, format=fmt or "?"))
    try:
        west, south, east, north = (float(v) for v in str(meta.get("bounds", "")).split(","))
    except ValueError:
        west, south, east, north = -180.0, -85.0511, 180.0, 85.0511
    return TileSet(path=path, name=str(meta.get("name") or path.stem), attribution=str(meta.get("attribution", "")),
                   format="jpg" if fmt == "jpeg" else fmt, minzoom=int(meta.get("minzoom", zooms[0])),
                   maxzoom=int(meta.get("maxzoom", zooms[1])), bounds=(west, south, east, north))


def import_tiles(source: Path, progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> TileSet:
    """Check an MBTiles file and copy it into the tiles folder (the same file twice is
    one copy). A region's tiles run to gigabytes: the file is read twice (hashed, then
    copied), reported as it goes, and a cancel leaves nothing behind."""
    read_tileset(source)  # refuse before copying
    report = progress or (lambda done, total, message: None)
    total = 2 * source.stat().st_size
    done = 0

    def blocks(message: str) -> Iterator[bytes]:
        nonlocal done
        with open(source, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                if cancelled is not None and cancelled():
                    raise Cancelled(translate("Map", "cancelled"))
                done += len(block)
                report(done, total, message)
                yield block

    digest = hashlib.sha256()
    for block in blocks(translate("Map", "Checking {name}").format(name=source.name)):
        digest.update(block)
    folder = tiles_dir()
    folder.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", source.stem)[:60] or "tiles"
    target = folder / f"{safe}-{digest.hexdigest()[:12]}.mbtiles"
    if not target.exists():  # copied through the one atomic writer: whole, synced, or not at all
        with outputs.atomic_output(target, force=False) as out:
            for block in blocks(translate("Map", "Copying {name}").format(name=source.name)):
                out.write(block)
            out.commit()
    return read_tileset(target)


def installed() -> list[TileSet]:
    """Every readable tile set in the tiles folder (a broken one is skipped)."""
    folder = tiles_dir()
    found = []
    for path in sorted(folder.glob("*.mbtiles")) if folder.is_dir() else []:
        try:
            found.append(read_tileset(path))
        except CasefileError:
            continue
    return found


@dataclass(frozen=True)
class PlacedTile:
    """A tile and where it goes, in world units."""

    tileset: TileSet
    z: int
    x: int
    y: int
    box: tuple[float, float, float, float]  # left, top, right, bottom


def tiles_for(tilesets: list[TileSet], view: tuple[float, float, float, float], zoom: float,
              limit: int = 256) -> list[PlacedTile]:
    """The tiles covering ``view`` (world units: left, top, right, bottom) at
    the tile zoom nearest ``zoom`` each set has; at most ``limit``."""
    from .basemap import unproject

    west, north = unproject(max(0.0, view[0]), max(0.0, view[1]))
    east, south = unproject(min(WORLD, view[2]), min(WORLD, view[3]))
    out: list[PlacedTile] = []
    for tileset in tilesets:
        if not tileset.covers(west, south, east, north):
            continue
        z = max(tileset.minzoom, min(tileset.maxzoom, round(zoom)))
        if z < zoom - 3:  # far too coarse for this view: leave it to the basemap
            continue
        w, s, e, n = tileset.bounds
        for tile in mercantile.tiles(max(west, w), max(south, s), min(east, e), min(north, n), zooms=[z]):
            size = WORLD / (1 << tile.z)
            out.append(PlacedTile(tileset, tile.z, tile.x, tile.y,
                                  (tile.x * size, tile.y * size, (tile.x + 1) * size, (tile.y + 1) * size)))
            if len(out) >= limit:
                return out
    return out
