"""The order of a chronology: pure functions, no ReportLab, no database.

Incidents are listed by the earliest date on which each can have begun: a
partial date "2013" begins 2013-01-01, "August 2013" on the 1st, and "about
2013" likewise. What the case says about sequence counts too: an incident that
another one causes or precedes, or that is part of another, cannot have begun
before that one, so its earliest date is never earlier than its antecedent's.
Ties go to the more precise date (a day, then a month, then a year, then an
approximate date), then to the antecedent (a cause before its consequence),
then to the code. Incidents with no date are listed apart, in code order.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..errors import InvalidInput
from ..model import PartialDate

# Relations that put one incident after another: (from, to) read "from causes to".
FORWARD = frozenset({"causes", "precedes"})
# "from is part of to": the whole began no later than its part.
BACKWARD = frozenset({"part_of"})


@dataclass(frozen=True)
class Dated:
    """What ordering needs of an incident: an identity, its start as a
    partial ISO date with its qualifier, its end, and its code."""

    key: int
    start: str | None
    qualifier: str = "exact"
    code: str = ""
    end: str | None = None
    end_qualifier: str = "exact"


@dataclass(frozen=True)
class Period:
    """The span the dated incidents cover, each end as recorded (a partial
    date and its qualifier), so "about 2013" stays about 2013."""

    start: str
    start_qualifier: str
    end: str
    end_qualifier: str

    @property
    def approximate(self) -> bool:
        return "approximate" in (self.start_qualifier, self.end_qualifier)


def _partial(iso: str | None, qualifier: str) -> PartialDate | None:
    if not iso or qualifier == "unknown":
        return None
    try:
        return PartialDate.from_iso(iso)
    except InvalidInput:  # a malformed date is no date, never an error in a dossier
        return None


def earliest(iso: str | None, qualifier: str = "exact") -> date | None:
    """The first day a partial date can mean; None for no (or an unknown) date."""
    value = _partial(iso, qualifier)
    return value.first_day() if value else None


def precision(iso: str | None, qualifier: str = "exact") -> int:
    """0 a day, 1 a month, 2 a year, 3 approximate (any), 4 none."""
    value = _partial(iso, qualifier)
    if value is None:
        return 4
    if qualifier == "approximate":
        return 3
    return {"day": 0, "month": 1, "year": 2}[value.precision]


def sequence(links: Iterable[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Incident links (from, to, relation) as (earlier, later) pairs."""
    out: list[tuple[int, int]] = []
    for a, b, relation in links:
        if a == b:
            continue
        if relation in FORWARD:
            out.append((a, b))
        elif relation in BACKWARD:
            out.append((b, a))
    return out


def _topological(keys: Iterable[int], pairs: Iterable[tuple[int, int]], rank: dict[int, int]) -> list[int]:
    """``keys`` with every earlier before its later (where the pairs allow:
    a cycle is broken at its lowest rank), otherwise by ``rank``."""
    keys = list(keys)
    members = set(keys)
    after: dict[int, list[int]] = defaultdict(list)
    waiting: dict[int, int] = dict.fromkeys(keys, 0)
    for a, b in set(pairs):
        if a in members and b in members:
            after[a].append(b)
            waiting[b] += 1
    ready = [(rank[k], k) for k in keys if waiting[k] == 0]
    heapq.heapify(ready)
    out: list[int] = []
    done: set[int] = set()
    while len(out) < len(keys):
        if not ready:  # a cycle: take its first by rank and go on
            k = min((k for k in keys if k not in done), key=rank.__getitem__)
            waiting[k] = 0
            ready = [(rank[k], k)]
        _, k = heapq.heappop(ready)
        if k in done:
            continue
        done.add(k)
        out.append(k)
        for b in after[k]:
            waiting[b] -= 1
            if waiting[b] == 0 and b not in done:
                heapq.heappush(ready, (rank[b], b))
    return out


def bounded(items: Sequence[Dated], pairs: Sequence[tuple[int, int]]) -> dict[int, date]:
    """Each dated incident's earliest possible start, raised to its
    antecedents' (through undated ones too). Linear in incidents and links."""
    own = {item.key: earliest(item.start, item.qualifier) for item in items}
    rank = {item.key: n for n, item in enumerate(sorted(items, key=lambda i: (own[i.key] or date.max, i.code)))}
    before: dict[int, list[int]] = defaultdict(list)
    for a, b in pairs:
        if a in own and b in own:
            before[b].append(a)
    bound: dict[int, date | None] = {}
    for k in _topological(own, [(a, b) for b, firsts in before.items() for a in firsts], rank):
        values = [d for d in [own[k], *(bound.get(a) for a in before[k])] if d is not None]
        bound[k] = max(values, default=None)
    return {k: d for k, d in bound.items() if own[k] is not None and d is not None}


def order(items: Sequence[Dated], links: Iterable[tuple[int, int, str]] = ()) -> tuple[list[int], list[int]]:
    """(dated keys in chronological order, undated keys in code order)."""
    pairs = sequence(links)
    starts = bounded(items, pairs)
    dated = [item for item in items if item.key in starts]
    undated = sorted((item for item in items if item.key not in starts), key=lambda i: (i.code, i.key))
    sort_key = {item.key: (starts[item.key], precision(item.start, item.qualifier)) for item in dated}
    dated.sort(key=lambda i: (*sort_key[i.key], i.code, i.key))
    rank = {item.key: n for n, item in enumerate(dated)}
    out: list[int] = []
    n = 0
    # Runs of one earliest date: antecedents first, then by precision (a cause
    # known only as "about 2000" still comes before its exact "2000" consequence).
    while n < len(dated):
        m = n + 1
        while m < len(dated) and starts[dated[m].key] == starts[dated[n].key]:
            m += 1
        run = [item.key for item in dated[n:m]]
        out.extend(run if len(run) == 1 else _topological(run, pairs, rank))
        n = m
    return out, [item.key for item in undated]


def period(items: Iterable[Dated]) -> Period | None:
    """From the dated incidents only: the earliest start and the latest end
    (or start, where no end is recorded), as recorded."""
    first: tuple[date, int, Dated] | None = None
    last: tuple[date, int, str, str] | None = None
    for item in items:
        start = _partial(item.start, item.qualifier)
        if start is None:
            continue
        here = (start.first_day(), precision(item.start, item.qualifier), item)
        if first is None or here[:2] < first[:2]:
            first = here
        end = _partial(item.end, item.end_qualifier)
        to, iso, qualifier = (end, item.end or "", item.end_qualifier) if end else (start, item.start or "",
                                                                                item.qualifier)
        there = (to.last_day(), -precision(iso, qualifier), iso, qualifier)
        if last is None or there[:2] > last[:2]:
            last = there
    if first is None or last is None:
        return None
    return Period(first[2].start or "", first[2].qualifier, last[2], last[3])
