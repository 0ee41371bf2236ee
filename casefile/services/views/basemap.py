"""The shipped world basemap (Natural Earth) in web-mercator world units.

World units: the whole world is a square of :data:`WORLD` units, x east from
the antimeridian, y south from the top (85.05° N), as a zoom-0 slippy map in
pixels. Zoom ``z`` multiplies by ``2**z``, so MBTiles tiles, basemap rings and
markers share one frame. No Qt, no network: the data is
``resources/map/basemap.bin.gz`` (see its README).
"""

from __future__ import annotations

import gzip
import json
import math
import struct
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ...resources import resource

WORLD = 256.0
MAX_LATITUDE = 85.0511287798
EARTH_CIRCUMFERENCE_M = 40_075_016.686
#: Natural Earth is public domain; saying where the lines come from is good manners.
ATTRIBUTION = "Natural Earth"
LAYERS = ("land_low", "land_high", "countries_low", "countries_high", "admin1")


def project(longitude: float, latitude: float) -> tuple[float, float]:
    """(x, y) in world units of a longitude and latitude (degrees)."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude))
    x = (longitude + 180.0) / 360.0 * WORLD
    sin = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * WORLD
    return x, y


def project_array(lonlat: np.ndarray) -> np.ndarray:
    """``project`` for an (N, 2) array of longitude, latitude."""
    lat = np.clip(lonlat[:, 1], -MAX_LATITUDE, MAX_LATITUDE)
    sin = np.sin(np.radians(lat))
    out = np.empty_like(lonlat, dtype=float)
    out[:, 0] = (lonlat[:, 0] + 180.0) / 360.0 * WORLD
    out[:, 1] = (0.5 - np.log((1 + sin) / (1 - sin)) / (4 * np.pi)) * WORLD
    return out


def unproject(x: float, y: float) -> tuple[float, float]:
    """(longitude, latitude) of a point in world units."""
    longitude = x / WORLD * 360.0 - 180.0
    latitude = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / WORLD))))
    return longitude, latitude


def metres_to_units(metres: float, latitude: float) -> float:
    """A ground distance at a latitude, in world units (mercator stretches poleward)."""
    scale = math.cos(math.radians(max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude))))
    return metres / (EARTH_CIRCUMFERENCE_M * max(scale, 1e-6)) * WORLD


@dataclass(frozen=True)
class Feature:
    """One land mass, country or first-level subdivision: its rings (each an
    (N, 2) array in world units) and their bounding box."""

    name: str
    code: str        # country: ISO numeric; admin1: GeoNames code ("MX.12")
    country: str     # admin1: ISO alpha-2 of its country
    rings: tuple[np.ndarray, ...]
    bbox: tuple[float, float, float, float]  # min x, min y, max x, max y
    ring_boxes: tuple[tuple[float, float, float, float], ...] = ()  # the same, per ring

    def intersects(self, box: tuple[float, float, float, float]) -> bool:
        return not (self.bbox[2] < box[0] or self.bbox[0] > box[2] or self.bbox[3] < box[1] or self.bbox[1] > box[3])


class Basemap:
    """The basemap's layers, decoded once."""

    def __init__(self, packed: bytes):
        (size,) = struct.unpack_from("<I", packed)
        header = json.loads(packed[4:4 + size])
        values = np.frombuffer(packed, dtype="<i4", offset=4 + size).reshape(-1, 2).astype(np.int64)
        scale = float(header["scale"])
        self.layers: dict[str, list[Feature]] = {}
        self._by_name: dict[str, list[Feature]] | None = None
        at = 0  # points read so far
        for name, raws in header["layers"].items():
            lengths = np.asarray([n for raw in raws for n in raw["rings"]], dtype=np.int64)
            count = int(lengths.sum())
            flat = values[at:at + count]
            at += count
            if not count:
                self.layers[name] = []
                continue
            # Each ring's deltas start from 0: a running sum over the layer,
            # minus the sum before each ring, decodes every ring at once.
            total = np.cumsum(flat, axis=0)
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
            before = np.vstack((np.zeros((1, 2), dtype=np.int64), total))[starts]
            points = project_array((total - np.repeat(before, lengths, axis=0)) / scale)
            rings = np.split(points, np.cumsum(lengths)[:-1])
            lows = np.minimum.reduceat(points, starts).tolist()
            highs = np.maximum.reduceat(points, starts).tolist()
            features, ring_at = [], 0
            for raw in raws:
                n = len(raw["rings"])
                if not n:
                    continue
                own = tuple(rings[ring_at:ring_at + n])
                low, high = lows[ring_at:ring_at + n], highs[ring_at:ring_at + n]
                ring_at += n
                bbox = (min(p[0] for p in low), min(p[1] for p in low), max(p[0] for p in high),
                        max(p[1] for p in high))
                boxes = tuple((a[0], a[1], b[0], b[1]) for a, b in zip(low, high))
                features.append(Feature(str(raw.get("name", "")), str(raw.get("code", raw.get("id", ""))),
                                        str(raw.get("country", "")), own, bbox, boxes))
            self.layers[name] = features

    def layer(self, name: str) -> list[Feature]:
        return self.layers.get(name, [])

    def subdivision(self, name: str, country: str = "") -> Feature | None:
        """The first-level subdivision called ``name`` (accent- and case-blind),
        in ``country`` (a name or ISO code) when one is given and matches."""
        from .gazetteer import fold

        wanted = fold(name)
        if not wanted:
            return None
        if self._by_name is None:  # folded name -> subdivisions, made once
            self._by_name = {}
            for feature in self.layer("admin1"):
                self._by_name.setdefault(fold(feature.name), []).append(feature)
        found = self._by_name.get(wanted, [])
        if len(found) > 1 and country:
            iso = _country_code(country)
            found = [f for f in found if f.country == iso] or found
        return found[0] if found else None


@lru_cache(maxsize=256)
def _country_code(country: str) -> str:
    from .gazetteer import fold, load

    folded = fold(country)
    if len(folded) == 2:
        return folded.upper()
    aliases = {"mexico": "MX", "estados unidos": "US", "brasil": "BR", "espana": "ES"}
    if folded in aliases:
        return aliases[folded]
    for code, name in load().countries.items():
        if fold(name) == folded:
            return code
    return ""


_lock = threading.Lock()
_loaded: Basemap | None = None


def basemap() -> Basemap:
    """The shipped basemap, decoded once (thread-safe)."""
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = Basemap(gzip.decompress(resource("map", "basemap.bin.gz").read_bytes()))
        return _loaded
