"""The map drawn into a fixed box: the figure the dossier prints and the
window exports. Everything is clipped to the box here, so a renderer that
does not clip (ReportLab) draws nothing outside it. No Qt."""

from __future__ import annotations

import io
import math
from functools import lru_cache

import numpy as np

from . import gazetteer
from .basemap import Feature, basemap, project_array
from .figure import Circle, Figure, Image, Item, Path, Rect, Role, Text
from .map import MapPlaces, area_path, area_rings, attribution, clusters, marker_group, marker_radius
from .placing import Taken
from .tiles import PlacedTile, TileSet, tiles_for

Box = tuple[float, float, float, float]


class Frame:
    """World units -> figure units for a box fitted (centred) into width x height."""

    def __init__(self, box: Box, width: float, height: float):
        left, top, right, bottom = box
        self.scale = min(width / max(right - left, 1e-9), height / max(bottom - top, 1e-9))
        self.left = (left + right) / 2 - width / 2 / self.scale
        self.top = (top + bottom) / 2 - height / 2 / self.scale
        self.width, self.height = width, height
        self.zoom = math.log2(self.scale)  # 1 world unit = 2**zoom points

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.left) * self.scale, (y - self.top) * self.scale

    @property
    def world(self) -> Box:
        return (self.left, self.top, self.left + self.width / self.scale, self.top + self.height / self.scale)


def clip_polygon(points: np.ndarray, width: float, height: float) -> np.ndarray:
    """Sutherland-Hodgman against the box (points already in figure units)."""
    out = points
    for axis, limit, keep_below in ((0, 0.0, False), (0, width, True), (1, 0.0, False), (1, height, True)):
        if len(out) == 0:
            break
        current = out
        previous = np.roll(current, 1, axis=0)
        inside = current[:, axis] <= limit if keep_below else current[:, axis] >= limit
        was_inside = np.roll(inside, 1)
        result: list[np.ndarray] = []
        for point, before, now, then in zip(current, previous, inside, was_inside):
            if now != then:  # crossing: the edge point
                t = (limit - before[axis]) / (point[axis] - before[axis])
                result.append(before + t * (point - before))
            if now:
                result.append(point)
        out = np.array(result) if result else np.empty((0, 2))
    return out


def _clip_segment(x1: float, y1: float, x2: float, y2: float, width: float,
                  height: float) -> tuple[float, float] | None:
    """Liang-Barsky: the visible part of a segment as (t0, t1), or None."""
    t0, t1 = 0.0, 1.0
    dx, dy = x2 - x1, y2 - y1
    for p, q in ((-dx, x1), (dx, width - x1), (-dy, y1), (dy, height - y1)):
        if p == 0:
            if q < 0:
                return None
            continue
        r = q / p
        if p < 0:
            t0 = max(t0, r)
        else:
            t1 = min(t1, r)
        if t0 > t1:
            return None
    return t0, t1


def _clip_lines(points: np.ndarray, width: float, height: float) -> list[np.ndarray]:
    """The runs of a polyline inside the box. Segments wholly inside are kept
    as they are; only those crossing an edge are cut (Liang-Barsky)."""
    x, y = points[:, 0], points[:, 1]
    inside = (x >= 0) & (x <= width) & (y >= 0) & (y <= height)
    if inside.all():
        return [points]
    x1, x2, y1, y2 = x[:-1], x[1:], y[:-1], y[1:]
    away = (((x1 < 0) & (x2 < 0)) | ((x1 > width) & (x2 > width))
            | ((y1 < 0) & (y2 < 0)) | ((y1 > height) & (y2 > height)))
    both = inside[:-1] & inside[1:]
    runs: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    last = -2
    for i in np.flatnonzero(~away).tolist():
        if i != last + 1 and current:
            runs.append(current)
            current = []
        last = i
        if both[i]:
            if not current:
                current = [(float(x[i]), float(y[i]))]
            current.append((float(x[i + 1]), float(y[i + 1])))
            continue
        cut = _clip_segment(float(x[i]), float(y[i]), float(x[i + 1]), float(y[i + 1]), width, height)
        if cut is None:
            if current:
                runs.append(current)
                current = []
            continue
        t0, t1 = cut
        dx, dy = float(x[i + 1] - x[i]), float(y[i + 1] - y[i])
        start = (float(x[i]) + t0 * dx, float(y[i]) + t0 * dy)
        end = (float(x[i]) + t1 * dx, float(y[i]) + t1 * dy)
        if t0 > 0 and current:
            runs.append(current)
            current = []
        if not current:
            current = [start]
        current.append(end)
        if t1 < 1:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [np.array(run) for run in runs if len(run) > 1]


def _thin(points: np.ndarray, step: float = 0.6) -> np.ndarray:
    """Keep about one point per ``step`` units of outline (smaller PDFs)."""
    if len(points) < 4:
        return points
    travel = np.concatenate(([0.0], np.cumsum(np.abs(np.diff(points, axis=0)).sum(axis=1))))
    buckets = np.floor(travel / step)
    keep = np.concatenate(([True], buckets[1:] != buckets[:-1]))
    keep[-1] = True
    return points[keep]


def _to_frame(ring: np.ndarray, frame: Frame) -> np.ndarray:
    return (ring - np.array([frame.left, frame.top])) * frame.scale


def _features(features: list[Feature], frame: Frame, role: Role, fill: bool) -> list[Item]:
    box = frame.world
    items: list[Item] = []
    for feature in features:
        if not feature.intersects(box):
            continue
        for ring, (x0, y0, x1, y1) in zip(feature.rings, feature.ring_boxes):
            if x1 < box[0] or x0 > box[2] or y1 < box[1] or y0 > box[3]:
                continue
            points = _thin(_to_frame(ring, frame))
            inside = x0 >= box[0] and x1 <= box[2] and y0 >= box[1] and y1 <= box[3]
            if fill:
                clipped = points if inside else clip_polygon(points, frame.width, frame.height)
                if len(clipped) > 2:
                    items.append(Path(tuple(map(tuple, clipped.round(2).tolist())), role, closed=True))
            else:
                for run in [points] if inside else _clip_lines(points, frame.width, frame.height):
                    items.append(Path(tuple(map(tuple, run.round(2).tolist())), role))
    return items


def _tile_items(placed: list[PlacedTile], frame: Frame) -> list[Item]:
    from PIL import Image as PILImage

    items: list[Item] = []
    for tile in placed:
        data = tile.tileset.tile(tile.z, tile.x, tile.y)
        if data is None:
            continue
        x0, y0 = frame(tile.box[0], tile.box[1])
        x1, y1 = frame(tile.box[2], tile.box[3])
        cx0, cy0, cx1, cy1 = max(x0, 0.0), max(y0, 0.0), min(x1, frame.width), min(y1, frame.height)
        if cx1 <= cx0 or cy1 <= cy0:
            continue
        try:  # cropped to the box and re-encoded: no tile's metadata reaches a PDF
            with PILImage.open(io.BytesIO(data)) as picture:
                picture.load()
                sx, sy = picture.width / (x1 - x0), picture.height / (y1 - y0)
                crop = picture.convert("RGB").crop((round((cx0 - x0) * sx), round((cy0 - y0) * sy),
                                                    round((cx1 - x0) * sx), round((cy1 - y0) * sy)))
            if crop.width < 1 or crop.height < 1:
                continue
            buffer = io.BytesIO()
            crop.save(buffer, "PNG")
            data = buffer.getvalue()
        except (OSError, ValueError, PILImage.DecompressionBombError):
            continue
        items.append(Image(cx0, cy0, cx1 - cx0, cy1 - cy0, data))
    return items


@lru_cache(maxsize=4)
def _town_points(minimum: int) -> np.ndarray:
    """World positions of the towns of at least ``minimum`` people, a town's
    number its row. Only positions: a town is read whole once it is labelled
    (34,000 towns from 15,000 people: 40-70 ms, where reading each whole took 150)."""
    data = gazetteer.load()
    lonlat = np.array([data.lonlat(number) for number in range(data.populous(minimum))], dtype=float)
    return project_array(lonlat.reshape(-1, 2))


def markers_taken(markers: list[tuple[float, float, float]]) -> Taken:
    """The room markers take, as (x, y, radius) in figure units, with a margin:
    town labels keep clear of each marker's real size."""
    taken = Taken()
    for x, y, radius in markers:
        reach = radius + 2
        taken.add((x - reach, y - reach, x + reach, y + reach))
    return taken


def town_labels(frame: Frame, taken: Taken, limit: int = 14) -> list[tuple[gazetteer.Town, float, float]]:
    """The most populous towns in view whose labels overlap nothing ``taken``
    (boxes in figure units, added to), with their world position."""
    minimum = 1_000_000 if frame.zoom < 4 else 100_000 if frame.zoom < 6.5 else 15_000
    points = _town_points(minimum)
    xy = _to_frame(points, frame)
    visible = np.flatnonzero((xy[:, 0] >= 4) & (xy[:, 0] <= frame.width - 60)
                             & (xy[:, 1] >= 10) & (xy[:, 1] <= frame.height - 14))
    out: list[tuple[gazetteer.Town, float, float]] = []
    towns = gazetteer.load()
    for index in visible.tolist():  # most populous first
        town = towns.town(index)
        x, y = float(xy[index, 0]), float(xy[index, 1])
        box = (x - 2, y - 8, x + 3.9 * len(town.name) + 6, y + 3)
        if box[2] > frame.width - 2 or not taken.take(box):  # off the figure, or over something drawn
            continue
        out.append((town, float(points[index, 0]), float(points[index, 1])))
        if len(out) >= limit:
            break
    return out


def _towns(frame: Frame, taken: Taken, limit: int = 14) -> list[Item]:
    items: list[Item] = []
    for town, wx, wy in town_labels(frame, taken, limit):
        x, y = frame(wx, wy)
        items += [Circle(x, y, 1.4, Role.TOWN), Text(x + 4, y + 2.5, town.name, Role.TOWN_LABEL, 6.5)]
    return items


def draw(places: MapPlaces, width: float, height: float, box: Box, title: str,
         tilesets: list[TileSet]) -> Figure:
    frame = Frame(box, width, height)
    figure = Figure(width, height, title=title, omitted=places.omitted)
    figure.add(Rect(0, 0, width, height, Role.WATER))
    data = basemap()
    detail = "high" if frame.zoom >= 2.5 else "low"
    figure.add(*_features(data.layer(f"land_{detail}"), frame, Role.LAND, fill=True))
    placed = tiles_for(tilesets, frame.world, frame.zoom) if tilesets else []
    tile_items = _tile_items(placed, frame)
    figure.add(*tile_items)
    if frame.zoom >= 3.5 and not tile_items:
        figure.add(*_features(data.layer("admin1"), frame, Role.ADMIN_BORDER, fill=False))
    if not tile_items:
        figure.add(*_features(data.layer(f"countries_{detail}"), frame, Role.BORDER, fill=False))
        figure.add(*_features(data.layer(f"land_{detail}"), frame, Role.COAST, fill=False))
    marks = clusters(places.places, frame.zoom)
    # Areas are geography: every vague place shows its own, clustered or not.
    drawn: set[str] = set()
    for place in places.places:
        key, _rings = area_rings(place)
        if not key or key in drawn:
            continue
        drawn.add(key)
        for path in area_path(place, frame):
            clipped = clip_polygon(np.array(path.points), width, height)
            if len(clipped) > 2:
                figure.add(Path(tuple(map(tuple, clipped.round(2).tolist())), path.role, closed=True))
    taken = markers_taken([(*frame(c.x, c.y), marker_radius(c.incidents)) for c in marks])
    if not tile_items:
        figure.add(*_towns(frame, taken))
    for cluster in sorted(marks, key=lambda c: -c.incidents):  # small markers over big ones
        x, y = frame(cluster.x, cluster.y)
        if -20 <= x <= width + 20 and -20 <= y <= height + 20:
            figure.add(marker_group(cluster, frame))
    credits = attribution([t.attribution for t in tilesets if any(p.tileset is t for p in placed)])
    figure.add(Rect(0, height - 11, width, 11, Role.BACKGROUND),
               Text(width - 3, height - 3, credits, Role.LABEL_MUTED, 6.0, "end", max_width=width - 6))
    figure.caption = credits
    return figure
