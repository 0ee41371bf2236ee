"""The small drawing vocabulary every view shares (timeline, map, link chart).

A :class:`Figure` is a flat list of primitives in abstract units: x grows to
the right, y grows DOWN (as in Qt and SVG), one unit is one point when drawn
at scale 1, and text sizes are in the same units. Primitives carry a
:class:`Role`, never a colour: the window (Qt) and the dossier (ReportLab)
each turn a role into a pen and a brush, from the shared :data:`STYLES`.

A :class:`Group` ties its items to a record code ("INC-0001"), so that a
click, Enter or a tooltip on any of them reaches the record. Every string a
figure holds is the user's text, drawn literally: renderers must never treat
it as markup.

No Qt, no ReportLab: this module is plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    """What a primitive shows; the renderer picks its look from :data:`STYLES`."""

    # shared
    BACKGROUND = "background"
    AXIS = "axis"
    GRID = "grid"
    LABEL = "label"          # ordinary text
    LABEL_MUTED = "label_muted"
    TITLE = "title"
    HIGHLIGHT = "highlight"  # drawn over a selected/highlighted item
    # timeline
    LANE = "lane"
    INCIDENT = "incident"            # exact date: point or bar
    INCIDENT_SPAN = "incident_span"  # a month or a year: the span it may fall in
    INCIDENT_FADED = "incident_faded"  # an approximate date
    BIN = "bin"                      # many incidents aggregated
    LINK_CAUSES = "link_causes"
    LINK_PRECEDES = "link_precedes"
    LINK_PART_OF = "link_part_of"
    # link chart
    NODE_INCIDENT = "node_incident"
    NODE_ACTOR = "node_actor"
    NODE_PROTECTED = "node_protected"  # an actor shown under a pseudonym
    NODE_CLAIM = "node_claim"
    NODE_SOURCE = "node_source"
    EDGE = "edge"
    EDGE_SUPPORTS = "edge_supports"
    EDGE_CONTRADICTS = "edge_contradicts"
    EDGE_REPEATS = "edge_repeats"
    EDGE_CHAIN = "edge_chain"          # origin -> relays -> source of a claim
    # map
    LAND = "land"
    WATER = "water"
    COAST = "coast"
    BORDER = "border"                # country boundaries
    ADMIN_BORDER = "admin_border"    # first-level boundaries
    TOWN = "town"
    TOWN_LABEL = "town_label"
    MARKER = "marker"
    MARKER_RING = "marker_ring"      # a vague place's marker: hollow, not a false point
    CLUSTER = "cluster"
    PRECISION_AREA = "precision_area"  # a municipality-level place: a ring/area
    TILE = "tile"


@dataclass(frozen=True)
class Style:
    """A role's look, as plain values both renderers understand."""

    stroke: str | None = "#333333"   # "#rrggbb" or None for no outline
    fill: str | None = None
    width: float = 1.0
    opacity: float = 1.0             # 0..1, applies to stroke and fill
    dash: tuple[float, ...] = ()     # on/off lengths in units; () solid
    bold: bool = False


STYLES: dict[Role, Style] = {
    Role.BACKGROUND: Style(stroke=None, fill="#ffffff"),
    Role.AXIS: Style(stroke="#444444", width=1.0),
    Role.GRID: Style(stroke="#dddddd", width=0.5),
    Role.LABEL: Style(stroke=None, fill="#222222"),
    Role.LABEL_MUTED: Style(stroke=None, fill="#777777"),
    Role.TITLE: Style(stroke=None, fill="#111111", bold=True),
    Role.HIGHLIGHT: Style(stroke="#d9480f", width=2.5),
    Role.LANE: Style(stroke=None, fill="#f4f6f8"),
    Role.INCIDENT: Style(stroke="#1c4e80", fill="#1c4e80"),
    Role.INCIDENT_SPAN: Style(stroke="#1c4e80", fill="#7aa6d6", opacity=0.75),
    Role.INCIDENT_FADED: Style(stroke="#7aa6d6", fill="#c9dbef", opacity=0.45, dash=(3, 2)),
    Role.BIN: Style(stroke="#5b6f82", fill="#9fb3c8"),
    Role.LINK_CAUSES: Style(stroke="#b02a37", width=1.2),
    Role.LINK_PRECEDES: Style(stroke="#6c757d", width=1.0, dash=(4, 2)),
    Role.LINK_PART_OF: Style(stroke="#6c757d", width=0.8, dash=(1, 2)),
    Role.NODE_INCIDENT: Style(stroke="#1c4e80", fill="#cfe0f3"),
    Role.NODE_ACTOR: Style(stroke="#7a4b00", fill="#ffe3b3"),
    Role.NODE_PROTECTED: Style(stroke="#7a4b00", fill="#fff4e0", dash=(3, 2)),
    Role.NODE_CLAIM: Style(stroke="#3d6b35", fill="#d6ecd2"),
    Role.NODE_SOURCE: Style(stroke="#5a3d7a", fill="#e6dcf2"),
    Role.EDGE: Style(stroke="#8a94a0", width=0.8),
    Role.EDGE_SUPPORTS: Style(stroke="#2b8a3e", width=1.2),
    Role.EDGE_CONTRADICTS: Style(stroke="#c92a2a", width=1.2, dash=(4, 2)),
    Role.EDGE_REPEATS: Style(stroke="#868e96", width=1.0, dash=(1, 2)),
    Role.EDGE_CHAIN: Style(stroke="#5a3d7a", width=1.2),
    Role.LAND: Style(stroke=None, fill="#f1efe8"),
    Role.WATER: Style(stroke=None, fill="#d7e7f2"),
    Role.COAST: Style(stroke="#8fb0c8", width=0.6),
    Role.BORDER: Style(stroke="#9a8f80", width=0.8),
    Role.ADMIN_BORDER: Style(stroke="#c2b8aa", width=0.5, dash=(2, 2)),
    Role.TOWN: Style(stroke="#555555", fill="#555555"),
    Role.TOWN_LABEL: Style(stroke=None, fill="#555555"),
    Role.MARKER: Style(stroke="#7d1d1d", fill="#e03131", opacity=0.85),
    Role.MARKER_RING: Style(stroke="#c92a2a", fill="#fff5f5", width=1.6, opacity=0.9),
    Role.CLUSTER: Style(stroke="#7d1d1d", fill="#ffa8a8", opacity=0.85),
    Role.PRECISION_AREA: Style(stroke="#e03131", fill="#ffc9c9", opacity=0.35, dash=(3, 2)),
    Role.TILE: Style(stroke=None),
}


def style(role: Role) -> Style:
    return STYLES.get(role, Style())


@dataclass(frozen=True)
class Rect:
    """A box: a span or bar on the timeline, a node, a bin, a legend swatch."""

    x: float
    y: float
    w: float
    h: float
    role: Role
    rounded: float = 0.0


@dataclass(frozen=True)
class Circle:
    """A point event, a node, a map marker (``r`` in units)."""

    x: float
    y: float
    r: float
    role: Role


@dataclass(frozen=True)
class Line:
    """A straight line; ``arrow`` puts a head at (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float
    role: Role
    arrow: bool = False


@dataclass(frozen=True)
class Path:
    """A polyline or, ``closed``, a polygon (coastlines, boundaries, areas)."""

    points: tuple[tuple[float, float], ...]
    role: Role
    closed: bool = False


@dataclass(frozen=True)
class Text:
    """A label. ``y`` is the baseline; ``anchor`` is start, middle or end."""

    x: float
    y: float
    text: str
    role: Role = Role.LABEL
    size: float = 9.0
    anchor: str = "start"
    max_width: float | None = None  # renderers elide beyond this


@dataclass(frozen=True)
class Image:
    """A raster (a map tile), as PNG or JPEG bytes, filling the box."""

    x: float
    y: float
    w: float
    h: float
    data: bytes
    role: Role = Role.TILE


@dataclass(frozen=True)
class Group:
    """Items that stand for one record: clicking any of them opens ``record``.

    ``key`` names the item within its figure (a node id, an incident code),
    for keyboard order and highlighting; ``tooltip`` is plain text.
    """

    items: tuple[Rect | Circle | Line | Path | Text | Image | Group, ...]
    record: str | None = None
    key: str = ""
    tooltip: str = ""


Item = Rect | Circle | Line | Path | Text | Image | Group


@dataclass
class Figure:
    """One figure: its size in units, its items (drawn in order), a title and
    a caption for the dossier, and how many records it left out and why."""

    width: float
    height: float
    items: list[Item] = field(default_factory=list)
    title: str = ""
    caption: str = ""
    #: records the figure could not show (no date, no coordinates, withheld...)
    omitted: int = 0

    def add(self, *items: Item) -> None:
        self.items.extend(items)

    def groups(self) -> list[Group]:
        """Every top-level group that stands for a record, in drawing order."""
        return [item for item in self.items if isinstance(item, Group) and item.record]


def walk(items: tuple[Item, ...] | list[Item]) -> list[Item]:
    """Every primitive, groups flattened (for renderers and tests)."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, Group):
            out.extend(walk(item.items))
        else:
            out.append(item)
    return out


def texts(figure: Figure) -> list[str]:
    """Every string the figure draws, tooltips included (redaction tests)."""
    found: list[str] = [figure.title, figure.caption]

    def visit(items: tuple[Item, ...] | list[Item]) -> None:
        for item in items:
            if isinstance(item, Group):
                found.append(item.tooltip)
                visit(item.items)
            elif isinstance(item, Text):
                found.append(item.text)

    visit(figure.items)
    return [text for text in found if text]
