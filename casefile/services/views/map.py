"""The map: places with coordinates as markers sized by their incidents,
clustered when dense, their precision drawn honestly, over the shipped
basemap and any MBTiles a team imported. No Qt, no network.

The window and the dossier draw the same pieces: :func:`map_places` reads the
case (after redaction for a shared profile), :func:`clusters` groups places
per zoom level on a screen grid, :func:`marker_group` and :func:`area_path`
make the primitives of one cluster or place. Coordinates are web-mercator
world units (:mod:`.basemap`); a ``Frame`` turns them into figure units.

Precision: an exact point is a filled dot; a nearby place a dot with a small
ring; a municipality a circle of about its size (12 km) with a hollow marker;
a state its own outline (or a 150 km circle) with a hollow marker. A
municipality is never drawn as a false point.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select

from ...i18n import translate
from ...model import Incident, Place
from ...store import Case
from ..redaction.profile import Redactor
from . import gazetteer
from .basemap import ATTRIBUTION, WORLD, basemap, metres_to_units, project
from .figure import Circle, Figure, Group, Item, Path, Role, Text

CELL = 44.0  # clustering grid, in screen pixels (points in a figure)
#: Radius of the area a place of each precision may be anywhere in (metres).
AREA_METRES = {"nearby": 1_500.0, "municipality": 12_000.0, "state": 150_000.0}


@dataclass(frozen=True)
class MapPlace:
    """A place the map draws, after the profile's redaction."""

    code: str
    name: str
    latitude: float
    longitude: float
    precision: str
    state: str
    country: str
    incidents: int  # incidents shown at it (in scope, not withheld)
    x: float = 0.0  # world units
    y: float = 0.0


@dataclass(frozen=True)
class MapPlaces:
    places: list[MapPlace]
    omitted: int  # places in scope without coordinates


def map_places(case: Case, incidents: set[int] | None = None, profile: str = "full", *,
               redactor: Redactor | None = None) -> MapPlaces:
    """Places with coordinates and the number of incidents at each.

    ``incidents`` is the list filter's scope (None: everything): with a scope,
    only places of those incidents are drawn. A shared ``profile`` leaves out
    confidential incidents, and places used only by them; names are scrubbed.
    ``redactor``: one an export has already made, instead of ``profile``'s.
    """
    with case.session() as session:
        redactor = redactor or Redactor(session, profile)
        counts: dict[int, int] = defaultdict(int)
        query = select(Incident.id, Incident.place_id).where(Incident.place_id.is_not(None))
        for incident_id, place_id in session.execute(query):
            if incidents is not None and incident_id not in incidents:
                continue
            if place_id is None or redactor.withheld(incident_id, "incident"):
                continue
            counts[place_id] += 1
        rows = session.execute(select(Place.id, Place.code, Place.name, Place.latitude, Place.longitude,
                                      Place.precision, Place.state, Place.country).order_by(Place.id)).all()
        out: list[MapPlace] = []
        omitted = 0
        for id_, code, name, lat, lon, precision, state, country in rows:
            if incidents is not None and id_ not in counts:
                continue
            if redactor.withheld(id_, "place"):
                continue
            if lat is None or lon is None:
                omitted += 1
                continue
            x, y = project(lon, lat)
            out.append(MapPlace(code, redactor.scrub(name), lat, lon, precision or "unknown",
                                redactor.scrub(state), redactor.scrub(country), counts.get(id_, 0), x, y))
    return MapPlaces(out, omitted)


def count_places(case: Case) -> int:
    with case.connection() as conn:
        return int(conn.execute(select(func.count(Place.id))).scalar_one())


# -- clustering -------------------------------------------------------------------


@dataclass(frozen=True)
class Cluster:
    """One marker: a place alone, or places too close to tell apart at a zoom."""

    x: float  # world units (incident-weighted centre)
    y: float
    places: tuple[MapPlace, ...]

    @property
    def incidents(self) -> int:
        return sum(p.incidents for p in self.places)

    @property
    def key(self) -> str:
        return self.places[0].code if len(self.places) == 1 else "cluster:" + self.places[0].code


def clusters(places: list[MapPlace], zoom: float, cell: float = CELL) -> list[Cluster]:
    """Grid clustering at a zoom (the window passes whole levels): places whose screen positions fall in
    one ``cell``-pixel square become one marker."""
    found = Clusters.of(places, zoom, cell)
    return [found.cluster(i) for i in range(len(found))]


@dataclass(frozen=True)
class Clusters:
    """The clusters of places at a zoom, as arrays: the window clusters 20,000
    places at every zoom level it reaches, and makes a :class:`Cluster` only
    for the few it is asked about."""

    places: list[MapPlace]
    xy: np.ndarray         # (n, 2) centres, world units (a lone place's own point)
    members: np.ndarray    # indexes into places, cluster after cluster
    starts: np.ndarray     # (n + 1,) where each cluster's members start; the last is the end
    incidents: np.ndarray  # (n,) incidents at each cluster's places

    @classmethod
    def of(cls, places: list[MapPlace], zoom: float, cell: float = CELL) -> Clusters:
        if not places:
            empty = np.zeros(0, dtype=np.int64)
            return cls(places, np.zeros((0, 2)), empty, np.zeros(1, dtype=np.int64), empty)
        xy = np.array([(p.x, p.y) for p in places], dtype=float)
        incidents = np.array([p.incidents for p in places], dtype=np.int64)
        cells = np.floor(xy * ((2.0 ** zoom) / cell)).astype(np.int64)
        keys = cells[:, 0] * (1 << 31) + cells[:, 1]
        members = np.argsort(keys, kind="stable")
        firsts = np.flatnonzero(np.r_[True, np.diff(keys[members]) != 0])
        weights = np.maximum(incidents[members], 1).astype(float)  # the centre leans to the busiest places
        total = np.add.reduceat(weights, firsts)
        centres = np.column_stack([np.add.reduceat(xy[members, axis] * weights, firsts) / total for axis in (0, 1)])
        alone = np.diff(np.r_[firsts, len(members)]) == 1
        centres[alone] = xy[members[firsts[alone]]]
        return cls(places, centres, members, np.r_[firsts, len(members)],
                   np.add.reduceat(incidents[members], firsts))

    def __len__(self) -> int:
        return len(self.xy)

    def size(self, i: int) -> int:
        return int(self.starts[i + 1] - self.starts[i])

    def cluster(self, i: int) -> Cluster:
        chosen = self.members[self.starts[i]:self.starts[i + 1]].tolist()
        return Cluster(float(self.xy[i, 0]), float(self.xy[i, 1]), tuple(self.places[j] for j in chosen))

    def key(self, i: int) -> str:
        code = self.places[int(self.members[self.starts[i]])].code
        return code if self.size(i) == 1 else "cluster:" + code

    def look(self, i: int) -> MarkerLook:
        """As ``marker_look(self.cluster(i))``, without making the cluster."""
        radius = marker_radius(int(self.incidents[i]))
        if self.size(i) > 1:
            return Role.CLUSTER, radius, str(self.size(i)), 8.5
        return place_look(self.places[int(self.members[self.starts[i]])], radius)

    def radii(self) -> np.ndarray:
        return np.minimum(MARKER_MAX, MARKER_MIN + MARKER_GROWTH * np.sqrt(np.maximum(self.incidents, 0)))


# -- primitives ---------------------------------------------------------------------

Transform = Callable[[float, float], tuple[float, float]]


MARKER_MIN, MARKER_GROWTH, MARKER_MAX = 5.0, 2.8, 22.0  # points


def marker_radius(incidents: int) -> float:
    """Marker radius in points: area grows with the incidents, within bounds."""
    return min(MARKER_MAX, MARKER_MIN + MARKER_GROWTH * math.sqrt(max(incidents, 0)))


def describe(cluster: Cluster) -> str:
    """A marker's tooltip: plain text."""
    if len(cluster.places) == 1:
        place = cluster.places[0]
        where = ", ".join(part for part in (place.state, place.country) if part and part != place.name)
        text = translate("Map", "{code} {name}").format(code=place.code, name=place.name)
        if where:
            text += f" ({where})"
        return text + "\n" + translate("Map", "{n} incident(s); precision: {precision}").format(
            n=place.incidents, precision=place.precision)
    names = ", ".join(p.name for p in cluster.places[:6]) + (" …" if len(cluster.places) > 6 else "")
    return translate("Map", "{places} places, {n} incident(s): {names}").format(
        places=len(cluster.places), n=cluster.incidents, names=names)


#: a marker's look apart from its place: (circle role, radius in points, label or "", label size)
MarkerLook = tuple[Role, float, str, float]


def marker_look(cluster: Cluster) -> MarkerLook:
    """How a cluster's marker looks. A place whose precision is a municipality or a
    state, or a cluster, is a ring (hollow): the point is not where it happened."""
    radius = marker_radius(cluster.incidents)
    if len(cluster.places) > 1:
        return Role.CLUSTER, radius, str(len(cluster.places)), 8.5
    return place_look(cluster.places[0], radius)


def place_look(place: MapPlace, radius: float) -> MarkerLook:
    role = Role.MARKER_RING if place.precision in ("municipality", "state") else Role.MARKER
    return role, radius, str(place.incidents) if place.incidents > 1 else "", 8.0


def look_items(look: MarkerLook, x: float, y: float, unit: float = 1.0) -> tuple[Item, ...]:
    """A marker's drawing at (x, y); ``unit`` is one point in the caller's units."""
    role, radius, label, size = look
    circle = Circle(x, y, radius, role)
    return (circle, Text(x, y + 3.2 * unit, label, Role.LABEL, size, "middle")) if label else (circle,)


def marker_group(cluster: Cluster, to: Transform, unit: float = 1.0) -> Group:
    """The marker of a cluster, at ``to(x, y)``; a lone place opens its record.
    ``unit`` is one point in ``to``'s units (radii and text sizes are points)."""
    x, y = to(cluster.x, cluster.y)
    record = cluster.places[0].code if len(cluster.places) == 1 else None
    return Group(look_items(marker_look(cluster), x, y, unit), record, cluster.key, describe(cluster))


def area_rings(place: MapPlace, steps: int = 40) -> tuple[str, list[np.ndarray]]:
    """Where a vague place may be, in world units: its state's outline for a
    state, else a circle of the precision's size; none for an exact point.
    With a key: places of one state share one area (draw it once)."""
    if place.precision == "state":
        feature = basemap().subdivision(place.state or place.name, place.country)
        if feature is not None:
            return "state:" + feature.code + feature.name, [ring for ring in feature.rings if len(ring) > 2]
    metres = AREA_METRES.get(place.precision)
    if metres is None:
        return "", []
    circle = np.array((place.x, place.y)) + metres_to_units(metres, place.latitude) * _unit_circle(steps)
    return f"{place.precision}:{place.x:.6f}:{place.y:.6f}", [circle]


@functools.cache
def _unit_circle(steps: int) -> np.ndarray:
    angles = np.linspace(0, 2 * np.pi, steps, endpoint=False)
    circle = np.column_stack((np.cos(angles), np.sin(angles)))
    circle.flags.writeable = False  # shared by every area
    return circle


def area_path(place: MapPlace, to: Transform, steps: int = 40) -> list[Path]:
    """``area_rings`` as closed paths through ``to``."""
    _key, rings = area_rings(place, steps)
    return [Path(tuple(to(float(px), float(py)) for px, py in ring[:: max(1, len(ring) // 400)].tolist()),
                 Role.PRECISION_AREA, closed=True) for ring in rings]


def attribution(extra: list[str] | None = None) -> str:
    parts = [ATTRIBUTION, gazetteer.ATTRIBUTION] + [a for a in (extra or []) if a]
    return translate("Map", "Map data: {sources}").format(sources="; ".join(parts))


def world_box(places: list[MapPlace]) -> tuple[float, float, float, float]:
    """The box (world units) the places and their areas take, padded."""
    if not places:
        left, top = project(-118.5, 32.8)  # no places: Mexico, Casefile's first region
        right, bottom = project(-86.5, 14.3)
        return left, top, right, bottom
    xs, ys = [p.x for p in places], [p.y for p in places]
    pad = max(max(metres_to_units(AREA_METRES.get(p.precision, 0.0), p.latitude) for p in places),
              metres_to_units(25_000, places[0].latitude))
    left, right, top, bottom = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
    # At least a region's worth around a single town, so the basemap shows where it is.
    minimum = WORLD / 2 ** 7.5
    if right - left < minimum:
        middle = (left + right) / 2
        left, right = middle - minimum / 2, middle + minimum / 2
    if bottom - top < minimum:
        middle = (top + bottom) / 2
        top, bottom = middle - minimum / 2, middle + minimum / 2
    return left, top, right, bottom


def map_figure(places: MapPlaces, width: float = 480.0, height: float = 340.0,
               box: tuple[float, float, float, float] | None = None, title: str = "",
               tilesets: list | None = None) -> Figure:
    """The map as a figure description (dossier, PNG, SVG): basemap, tiles,
    towns, areas and markers inside ``width`` x ``height`` units."""
    from .map_figure import draw

    return draw(places, width, height, box or world_box(places.places), title, tilesets or [])


def dossier_map(case: Case, redactor: Redactor, incidents: set[int] | None, width: float,
                tilesets: list | None = None) -> tuple[Figure, str] | None:
    """The dossier's map of its incidents' places, redacted by the dossier's
    rules, with its caption; None when no place has coordinates."""
    places = map_places(case, incidents=incidents, redactor=redactor)
    if not places.places:
        return None
    figure = map_figure(places, width, width * 0.72, title=translate("Map", "Map of the incidents' places"),
                        tilesets=tilesets)
    caption = translate("Map", "Places of the incidents; a marker's size grows with the number of incidents, "
                               "a number is a count, places close together are counted in one marker. A hollow "
                               "marker with a shaded area is a place known only to its municipality or state: "
                               "the incident may be anywhere in that area.")
    if places.omitted:
        caption += " " + translate("Map", "{n} places without coordinates are not shown.").format(n=places.omitted)
    return figure, caption + " " + figure.caption
