"""The offline gazetteer: towns from shipped GeoNames data, found by an accent-
and case-insensitive prefix of any of their names ("ayutla" finds "Ayutla de
los Libres"), so a documenter without a connection can place a town.

The data (``resources/map/gazetteer.tsv.gz``, built by
``scripts/build_map_data.py``) holds sorted folded keys, so a lookup is a
binary search plus a short scan: well under a millisecond once loaded. Loading
takes a few hundred milliseconds and happens once, on the first lookup (or
call :func:`load` early from a worker). No Qt.
"""

from __future__ import annotations

import gzip
import threading
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...resources import resource

#: GeoNames asks for this credit wherever its data is shown (CC BY 4.0).
ATTRIBUTION = "© GeoNames (geonames.org), CC BY 4.0"


@dataclass(frozen=True)
class Town:
    """One gazetteer entry, with the fields a Place takes."""

    name: str
    latitude: float
    longitude: float
    country_code: str
    country: str
    state: str
    population: int


class Gazetteer:
    """Loaded gazetteer data: town lines (most populous first) and key lines
    ("folded key<TAB>town number", sorted). Lines are parsed only when found,
    so loading is one decompress and one split."""

    def __init__(self, path: Path):
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").split("\n")
        index = 0
        while lines[index].startswith("#"):
            index += 1
        sections: dict[str, list[str]] = {}
        while index < len(lines) and lines[index]:
            name, count = lines[index].split("\t")
            sections[name] = lines[index + 1:index + 1 + int(count)]
            index += 1 + int(count)
        self.countries = dict(line.split("\t") for line in sections["countries"])
        self._towns = sections["towns"]
        # "key\tN" lines sort as (key, N) tuples: a tab sorts before any
        # character a folded name holds, so bisecting the lines finds a prefix.
        self.keys = sections["keys"]

    def __len__(self) -> int:
        return len(self._towns)

    def town(self, number: int) -> Town:
        name, lat, lon, cc, state, population = self._towns[number].split("\t")
        return Town(name, float(lat), float(lon), cc, self.countries.get(cc, cc), state, int(population))

    def populous(self, minimum_population: int) -> int:
        """How many towns come before the first one under this population
        (towns are stored most populous first)."""
        for number, line in enumerate(self._towns):
            if int(line.rsplit("\t", 1)[1]) < minimum_population:
                return number
        return len(self._towns)

    def lonlat(self, number: int) -> tuple[float, float]:
        """A town's longitude and latitude, without the rest of its line."""
        _name, lat, lon, _rest = self._towns[number].split("\t", 3)
        return float(lon), float(lat)

    def lookup(self, prefix: str, limit: int = 10) -> list[Town]:
        """Towns one of whose names starts with ``prefix`` (folded), the most
        populous first; each town once."""
        folded = fold(prefix)
        if not folded or limit <= 0:
            return []
        start = bisect_left(self.keys, folded)
        found: set[int] = set()
        # Gather the matches (a prefix as short as "a" has thousands: cap the
        # scan), then rank by population, which the town number encodes.
        for line in self.keys[start:start + 1500]:
            if not line.startswith(folded):
                break
            found.add(int(line.rsplit("\t", 1)[1]))
        return [self.town(number) for number in sorted(found)[:limit]]


def fold(text: str) -> str:
    """Accents and case away, spaces collapsed (as the build script folds keys)."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


_lock = threading.Lock()
_loaded: Gazetteer | None = None


def load() -> Gazetteer:
    """The shipped gazetteer, loaded once (thread-safe)."""
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = Gazetteer(resource("map", "gazetteer.tsv.gz"))
        return _loaded


def lookup(prefix: str, limit: int = 10) -> list[Town]:
    """Towns whose name (or an alternate name) starts with ``prefix``."""
    return load().lookup(prefix, limit)


@lru_cache(maxsize=8)
def major_towns(minimum_population: int) -> list[Town]:
    """Towns at or above a population, most populous first (map labels)."""
    data = load()
    return [data.town(number) for number in range(data.populous(minimum_population))]
