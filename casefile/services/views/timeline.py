"""The timeline: incidents on a time axis, their uncertain dates drawn honestly.

- an exact day is a point; a month ("August 2013") or a year is a span over
  the time it may fall in; a start and an end make a bar;
- an approximate date ("about 2013") is the same shape, faded;
- "causes" and "precedes" links between incidents are arrows;
- lanes by incident type, actor or place (the busiest twelve, then "other").

:func:`load_timeline` reads the case once, through the profile's
:class:`Redactor` (withheld incidents are left out, protected actors appear
under their pseudonym). :meth:`Timeline.figure` draws any stretch of it at any
zoom: when the stretch holds more incidents than ``detail_limit`` they are
counted into bins per lane instead (the level of detail that keeps 100,000
incidents smooth).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InvalidInput
from ...i18n import translate
from ...model import Actor, Incident, IncidentLink, Involvement, PartialDate, Place
from ...model.dates import describe
from ...store import Case
from ..redaction import Redactor
from .figure import Circle, Figure, Group, Item, Line, Rect, Role, Text

LANE_BY = ("type", "actor", "place", "none")
MAX_LANES = 12
LABEL_W = 130.0   # the lane names' column
AXIS_H = 30.0
ROW_H = 16.0      # one row of incidents within a lane
MAX_ROWS = 8      # rows a lane stacks before items overlap
BIN_ROWS = 3      # a lane's height, in rows, when its incidents are counted in bins
LANE_PAD = 6.0
LEGEND_H = 26.0
LINK_ROLES = {"causes": Role.LINK_CAUSES, "precedes": Role.LINK_PRECEDES, "part_of": Role.LINK_PART_OF}


@dataclass(frozen=True)
class Event:
    """An incident as the timeline draws it; days are ``date.toordinal()``."""

    id: int
    code: str
    title: str
    first: int
    last: int
    shape: str          # point, span (a month or a year), bar (start to end)
    faded: bool         # an approximate date
    when: str           # the date in words, for the tooltip
    lanes: tuple[str, ...]


@dataclass
class Timeline:
    events: list[Event]                       # by first day, then id
    lanes: list[tuple[str, str]]              # (key, label) in drawing order
    links: list[tuple[int, int, str]]         # (from id, to id, relation)
    omitted: int = 0                          # no usable date
    withheld: int = 0
    _firsts: list[int] = field(default_factory=list)
    _longest: int = 0

    def __post_init__(self) -> None:
        self._firsts = [event.first for event in self.events]
        self._longest = max((event.last - event.first for event in self.events), default=0)
        # One row per (incident, lane), as arrays: bins are counted without a Python loop.
        pairs = [(event.first, event.last, lane) for event in self.events for lane in event.lanes]
        self._lane_keys = sorted({lane for _f, _l, lane in pairs})
        index = {lane: n for n, lane in enumerate(self._lane_keys)}
        self._pair_first = np.array([p[0] for p in pairs], dtype=np.int64)
        self._pair_last = np.array([p[1] for p in pairs], dtype=np.int64)
        self._pair_lane = np.array([index[p[2]] for p in pairs], dtype=np.int64)

    def count_between(self, start: int, end: int) -> int:
        """How many incidents overlap [start, end), without listing them."""
        lo = bisect.bisect_left(self._firsts, start - self._longest)
        hi = bisect.bisect_left(self._firsts, end)
        if hi - lo < 20_000:
            return sum(1 for event in self.events[lo:hi] if event.last >= start)
        return int(np.count_nonzero(np.array([e.last for e in self.events[lo:hi]]) >= start))

    # -- the whole and its parts --------------------------------------------

    def extent(self) -> tuple[int, int]:
        """First and last day of the case's incidents, padded a little."""
        if not self.events:
            today = date.today().toordinal()
            return today - 365, today + 1
        first, last = self._firsts[0], max(event.last for event in self.events)
        pad = max(1, (last - first) // 40)
        return first - pad, last + 1 + max(30, (last - first) // 4)  # room for the last labels

    def between(self, start: int, end: int) -> list[Event]:
        """The events that overlap [start, end)."""
        lo = bisect.bisect_left(self._firsts, start - self._longest)
        hi = bisect.bisect_left(self._firsts, end)
        return [event for event in self.events[lo:hi] if event.last >= start]

    def index_of(self, incident_id: int) -> int:
        for n, event in enumerate(self.events):
            if event.id == incident_id:
                return n
        return -1

    # -- drawing --------------------------------------------------------------

    def figure(self, start: int, end: int, width: float, *, detail_limit: int = 1500,
               focus: int | None = None, title: str = "") -> Figure:
        """The stretch [start, end) drawn ``width`` units wide (lane names
        included). ``focus`` (an incident id) is drawn highlighted."""
        end = max(end, start + 1)
        scale = max(width - LABEL_W, 10.0) / (end - start)

        def x_of(day: float) -> float:
            return LABEL_W + (day - start) * scale

        detail = self.count_between(start, end) <= detail_limit
        shown = self.between(start, end) if detail else []
        placed: list[tuple[Event, str, int, float, float]] = []
        rows = {key: BIN_ROWS for key, _label in self.lanes}
        if detail:
            placed, used = _pack(shown, {key for key, _label in self.lanes}, x_of)
            rows = {key: max(1, used.get(key, 0)) for key, _label in self.lanes}
        lane_y: dict[str, float] = {}
        y = AXIS_H
        for key, _label in self.lanes:
            lane_y[key] = y
            y += rows[key] * ROW_H + LANE_PAD
        fig = Figure(width, y + LEGEND_H, title=title, omitted=self.omitted + self.withheld)
        fig.add(Rect(0, 0, width, fig.height, Role.BACKGROUND))
        for n, (key, label) in enumerate(self.lanes):
            if n % 2 == 0:
                fig.add(Rect(0, lane_y[key] - LANE_PAD / 2, width, rows[key] * ROW_H + LANE_PAD, Role.LANE))
            fig.add(Text(4, lane_y[key] + ROW_H - 4, label, Role.LABEL, 9, max_width=LABEL_W - 8))
        fig.add(*_axis(start, end, scale, width, y))
        if detail:
            fig.add(*self._detail(placed, lane_y, focus, width))
        else:
            fig.add(*self._bins(start, end, scale, lane_y, x_of))
        legend = _legend(y + 6, width)
        fig.height += max(0.0, max((i.y for i in legend if isinstance(i, Text)), default=0) - (y + 18))
        fig.items[0] = Rect(0, 0, width, fig.height, Role.BACKGROUND)
        fig.add(*legend)
        return fig

    def _detail(self, placed: list[tuple[Event, str, int, float, float]], lane_y: dict[str, float],
                focus: int | None, width: float) -> list[Item]:
        items: list[Item] = []
        where: dict[int, tuple[float, float, float]] = {}  # id -> (x0, x1, y) of its first drawing
        for event, lane, row, x0, x1 in placed:
            y = lane_y[lane] + row * ROW_H + ROW_H / 2
            where.setdefault(event.id, (x0, x1, y))
            items.append(_event_group(event, x0, x1, y, event.id == focus, width))
        for source, target, relation in self.links:
            if source in where and target in where:
                sx0, sx1, sy = where[source]
                tx0, _, ty = where[target]
                items.append(Line(max(sx1, sx0 + 4), sy, tx0 - 3, ty,
                                  LINK_ROLES.get(relation, Role.LINK_PRECEDES), arrow=True))
        return items

    def _bins(self, start: int, end: int, scale: float, lane_y: dict[str, float], x_of) -> list[Item]:
        """Counts per lane and bin, the bin a round length at least 6 units wide."""
        days = _round_days(6.0 / scale)
        inside = (self._pair_last >= start) & (self._pair_first < end)
        bins = (np.maximum(self._pair_first[inside], start) - start) // days
        nbins = (end - start) // days + 1
        cells, counts = np.unique(self._pair_lane[inside] * nbins + bins, return_counts=True)
        top = int(counts.max()) if len(counts) else 1
        items: list[Item] = []
        lane_h = BIN_ROWS * ROW_H - 2
        for cell, count in zip(cells.tolist(), counts.tolist(), strict=True):
            lane, n = self._lane_keys[cell // nbins], cell % nbins
            if lane not in lane_y:
                continue
            first = start + n * days
            h = max(2.0, lane_h * math.sqrt(count / top))
            y = lane_y[lane] + 1 + lane_h - h
            when = f"{date.fromordinal(first).isoformat()} – {date.fromordinal(first + days - 1).isoformat()}"
            tip = translate("Timeline", "{count} incidents, {when}").format(count=count, when=when)
            items.append(Group((Rect(x_of(first), y, max(days * scale - 1, 1.0), h, Role.BIN),),
                               key=f"bin:{first}:{first + days}", tooltip=tip))
        return items


def _pack(shown: list[Event], lanes: set[str], x_of) -> tuple[list[tuple[Event, str, int, float, float]],
                                                               dict[str, int]]:
    """Rows within each lane so that shapes and labels do not overlap (up
    to MAX_ROWS; beyond, the last row takes the rest)."""
    ends: dict[tuple[str, int], float] = {}
    used: dict[str, int] = {}
    placed = []
    for event in shown:
        x0, x1 = x_of(event.first), x_of(event.last + 1)
        if event.shape == "point":
            x0 = x1 = x_of(event.first + 0.5)
        label_w = min(160.0, 5.0 * len(event.title) + 4)
        for lane in event.lanes:
            if lane not in lanes:
                continue
            row = next((r for r in range(MAX_ROWS) if ends.get((lane, r), -1e18) < x0 - 6), MAX_ROWS - 1)
            ends[(lane, row)] = max(x1, x0 + 6) + label_w
            used[lane] = max(used.get(lane, 0), row + 1)
            placed.append((event, lane, row, x0, x1))
    return placed, used


def _event_group(event: Event, x0: float, x1: float, y: float, focused: bool, width: float) -> Group:
    parts: list[Item] = []
    if event.shape == "point":
        parts.append(Circle(x0, y, 4.0, Role.INCIDENT_FADED if event.faded else Role.INCIDENT))
        right = x0 + 6
    else:
        role = Role.INCIDENT_FADED if event.faded else Role.INCIDENT_SPAN if event.shape == "span" else Role.INCIDENT
        parts.append(Rect(x0, y - 5, max(x1 - x0, 3.0), 10, role, rounded=2))
        right = max(x1, x0 + 3) + 3
    room = min(156.0, width - right - 2)  # the label stays inside the figure
    if room < 40:  # no room after it: over its own span
        right, room = x0 + 4, min(156.0, width - x0 - 6)
    if room > 20:
        parts.append(Text(right, y + 3.5, event.title, Role.LABEL_MUTED if event.faded else Role.LABEL, 8,
                          max_width=room))
    if focused:
        parts.append(Rect(x0 - 6, y - 8, max(x1 - x0, 0) + 12, 16, Role.HIGHLIGHT, rounded=3))
    tooltip = f"{event.code} {event.title}\n{event.when}"
    return Group(tuple(parts), record=event.code, key=str(event.id), tooltip=tooltip)


def _round_days(days: float) -> int:
    for step in (1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652):
        if step >= days:
            return step
    return int(math.ceil(days / 3652)) * 3652


def _axis(start: int, end: int, scale: float, width: float, bottom: float) -> list[Item]:
    """Ticks at round dates far enough apart for their labels, in words."""
    items: list[Item] = [Line(LABEL_W, AXIS_H - 2, width, AXIS_H - 2, Role.AXIS)]
    first, last = date.fromordinal(max(start, 1)), date.fromordinal(max(end, 2))
    # A day's label ("28 September 2013") needs ~110 units, a month's ~80, a year's ~40.
    if 110.0 / scale <= 1:
        step, ticks = "day", _days(first, last, 1)
    elif 110.0 / scale <= 7:
        step, ticks = "day", _days(first, last, 7)
    elif 80.0 / scale <= 31:
        step, ticks = "month", _months(first, last, 1)
    elif 80.0 / scale <= 92:
        step, ticks = "month", _months(first, last, 3)
    else:
        span_days = 40.0 / scale
        years = next((n for n in (1, 2, 5, 10, 20, 50, 100, 200, 500) if n * 365 >= span_days), 1000)
        step, ticks = "year", [date(y, 1, 1) for y in range(first.year - first.year % years + years,
                                                             last.year + 1, years) if 1 <= y <= 9999]
    for tick in ticks:
        x = LABEL_W + (tick.toordinal() - start) * scale
        if x < LABEL_W or x > width:
            continue
        items.append(Line(x, AXIS_H - 6, x, bottom, Role.GRID))
        if x + {"day": 110, "month": 80}.get(step, 40) > width:  # a label that would leave the figure
            continue
        if step == "year":
            text = str(tick.year)
        elif step == "month":
            text = describe(PartialDate(tick.year, tick.month))
        else:
            text = describe(PartialDate(tick.year, tick.month, tick.day))
        items.append(Text(x + 2, AXIS_H - 10, text, Role.LABEL_MUTED, 8))
    return items


def _days(first: date, last: date, every: int) -> list[date]:
    out: list[date] = []
    day = first
    while day <= last and len(out) < 2000:
        out.append(day)
        day += timedelta(days=every)
    return out


def _months(first: date, last: date, every: int) -> list[date]:
    out: list[date] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month) and len(out) < 2000:
        if (month - 1) % every == 0:
            out.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _legend(y: float, width: float) -> list[Item]:
    x = LABEL_W
    items: list[Item] = []
    for shape, role, text in (
            ("point", Role.INCIDENT, translate("Timeline", "exact day")),
            ("rect", Role.INCIDENT_SPAN, translate("Timeline", "month or year: when it may have happened")),
            ("rect", Role.INCIDENT_FADED, translate("Timeline", "approximate")),
            ("arrow", Role.LINK_CAUSES, translate("Timeline", "causes")),
            ("arrow", Role.LINK_PRECEDES, translate("Timeline", "precedes"))):
        if x + 26 + 5.8 * len(text) > width and x > LABEL_W:  # wrap to a new row
            x, y = LABEL_W, y + 16
        if shape == "point":
            items.append(Circle(x + 5, y + 8, 4, role))
        elif shape == "rect":
            items.append(Rect(x, y + 3, 18, 10, role, rounded=2))
        else:
            items.append(Line(x, y + 8, x + 18, y + 8, role, arrow=True))
        items.append(Text(x + 22, y + 12, text, Role.LABEL_MUTED, 8))
        x += 34 + 5.8 * len(text)
    return items


# -- reading the case ----------------------------------------------------------


def event_days(start_iso: str | None, start_q: str, end_iso: str | None, end_q: str) -> tuple[int, int, str, bool] | None:
    """(first day, last day, shape, faded) of an incident's dates; None when
    it has no usable date (none, unknown, or unreadable)."""
    if not start_iso or start_q == "unknown":
        return None
    try:
        start = PartialDate.from_iso(start_iso)
        end = PartialDate.from_iso(end_iso) if end_iso and end_q != "unknown" else None
    except InvalidInput:
        return None
    assert start is not None
    first = start.first_day().toordinal()
    last = (end.last_day() if end is not None else start.last_day()).toordinal()
    last = max(last, first)
    faded = start_q == "approximate" or (end is not None and end_q == "approximate")
    if end is not None and last > first:
        shape = "bar"
    else:
        shape = "point" if start.precision == "day" else "span"
    return first, last, shape, faded


def load_timeline(case: Case, *, profile: str = "full", lanes: str = "type", incidents: set[int] | None = None,
                  lang: str = "en") -> Timeline:
    """Every dated incident (or those of ``incidents``) as the profile shows them."""
    if lanes not in LANE_BY:
        raise InvalidInput(translate("Timeline", "lanes by type, actor, place or none"))
    with case.session() as session:
        return timeline_from(session, Redactor(session, profile), lanes=lanes, incidents=incidents, lang=lang)


def timeline_from(session: Session, redactor: Redactor, *, lanes: str = "type", incidents: set[int] | None = None,
                  lang: str = "en") -> Timeline:
    """The timeline read in an open session, through a redactor already made."""
    from .scope import vocabulary_labels

    events: list[Event] = []
    omitted = withheld = 0
    conn = session.connection()
    types = vocabulary_labels(conn, "incident_type", lang=lang)["incident_type"]
    rows = conn.execute(select(Incident.id, Incident.code, Incident.title, Incident.start_date,
                               Incident.start_qualifier, Incident.end_date, Incident.end_qualifier,
                               Incident.incident_type, Incident.place_id).order_by(Incident.id)).all()
    actors_of: dict[int, list[str]] = {}
    lane_names: dict[str, str] = {}
    if lanes == "actor":
        for incident_id, actor in session.execute(
                select(Involvement.incident_id, Actor).join(Actor, Actor.id == Involvement.actor_id)):
            if redactor.withheld(actor):
                continue
            key = f"actor:{actor.id}"
            lane_names.setdefault(key, redactor.actor_name(actor))
            actors_of.setdefault(incident_id, [])
            if key not in actors_of[incident_id]:
                actors_of[incident_id].append(key)
    elif lanes == "place":
        for place in session.scalars(select(Place)):
            lane_names[f"place:{place.id}"] = (translate("Timeline", "Place withheld")
                                               if redactor.withheld(place) else redactor.scrub(place.name))
    for (incident_id, code, title, start_iso, start_q, end_iso, end_q, incident_type, place_id) in rows:
        if incidents is not None and incident_id not in incidents:
            continue
        if redactor.withheld(incident_id, "incident"):
            withheld += 1
            continue
        days = event_days(start_iso, start_q, end_iso, end_q)
        if days is None:
            omitted += 1
            continue
        if lanes == "type":
            keys: tuple[str, ...] = (f"type:{incident_type}",)
            lane_names.setdefault(keys[0], types.get(incident_type, incident_type)
                                  or translate("Timeline", "No type"))
        elif lanes == "actor":
            keys = tuple(actors_of.get(incident_id, ())) or ("actor:",)
        elif lanes == "place":
            keys = (f"place:{place_id or ''}",)
        else:
            keys = ("all",)
        first, last, shape, faded = days
        when = _when(start_iso, start_q, end_iso, end_q)
        events.append(Event(incident_id, code, redactor.scrub(title), first, last, shape, faded, when, keys))
    kept = {event.id for event in events}
    links = [(a, b, rel) for a, b, rel in conn.execute(
        select(IncidentLink.from_id, IncidentLink.to_id, IncidentLink.relation)) if a in kept and b in kept]
    events.sort(key=lambda event: (event.first, event.id))
    return Timeline(events, _lanes(events, lane_names, lanes), links, omitted, withheld)


def _when(start_iso: str | None, start_q: str, end_iso: str | None, end_q: str) -> str:
    start = describe(PartialDate.from_iso(start_iso), start_q)
    if end_iso and end_q != "unknown":
        return translate("Timeline", "{start} to {end}").format(
            start=start, end=describe(PartialDate.from_iso(end_iso), end_q))
    return start


def _lanes(events: list[Event], names: dict[str, str], lanes: str) -> list[tuple[str, str]]:
    """The busiest lanes first; beyond MAX_LANES, the rest share one."""
    counts = Counter(key for event in events for key in event.lanes)
    empty = {"type:": translate("Timeline", "No type"), "actor:": translate("Timeline", "No actor"),
             "place:": translate("Timeline", "No place"), "all": translate("Timeline", "Incidents")}
    ordered = [key for key, _count in counts.most_common()]
    if len(ordered) <= MAX_LANES:
        return [(key, names.get(key) or empty.get(key, key)) for key in ordered]
    keep = ordered[:MAX_LANES - 1]
    other = set(ordered[MAX_LANES - 1:])
    for n, event in enumerate(events):  # their incidents move to the shared lane
        if other.intersection(event.lanes):
            moved = tuple(dict.fromkeys(key if key not in other else "other" for key in event.lanes))
            events[n] = Event(event.id, event.code, event.title, event.first, event.last, event.shape,
                              event.faded, event.when, moved)
    other_label = {"actor": translate("Timeline", "Other actors"), "place": translate("Timeline", "Other places")}
    return [(key, names.get(key) or empty.get(key, key)) for key in keep] + [
        ("other", other_label.get(lanes, translate("Timeline", "Other types")))]
