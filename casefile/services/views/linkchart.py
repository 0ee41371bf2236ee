"""The link chart: who and what is connected to what.

Nodes are incidents, actors, claims and sources; edges are involvements
(with the actor's role), what claims are about, who makes a claim, sources and
claims that support, contradict or repeat a claim, each claim's own chain of
attribution (origin -> relays -> the source read -> the claim), incident links
and actor relations.

:func:`load_graph` reads the whole case through the profile's
:class:`Redactor` (withheld records are left out; a protected actor is a node
under the pseudonym). The charts read only what they show, with the same
result as picking it from the whole: the window's through :func:`reach`,
:func:`first` and :func:`subgraph`, the dossier's through
:func:`neighbourhood`. :class:`Layout` places nodes once and keeps them where
they are: nodes added later are laid out around the ones already placed,
which stay fixed (so a chart does not jump when a record is added), and every
first position comes from the node's key, so the same case draws the same.
:func:`chart_figure` draws the nodes a view shows.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import Connection, Row, Select, func, or_, select
from sqlalchemy.orm import Session

from ...i18n import translate
from ...model import (
    Actor,
    ActorRelation,
    Assessment,
    Claim,
    ClaimRelay,
    ClaimSubject,
    Incident,
    IncidentLink,
    Involvement,
    Record,
    Source,
)
from ...store import Case
from ...store.outputs import write_bytes

if TYPE_CHECKING:
    import networkx as nx
from ..redaction import Redactor
from .figure import Circle, Figure, Group, Item, Line, Path, Rect, Role, Text
from .placing import TEXT_PX, Taken, text_box

RELATIONS = ("involvement", "about", "claimant", "chain", "supports", "contradicts", "repeats", "incident_link",
             "actor_relation")
EDGE_ROLES = {"supports": Role.EDGE_SUPPORTS, "contradicts": Role.EDGE_CONTRADICTS, "repeats": Role.EDGE_REPEATS,
              "chain": Role.EDGE_CHAIN}
NODE_ROLES = {"incident": Role.NODE_INCIDENT, "actor": Role.NODE_ACTOR, "claim": Role.NODE_CLAIM,
              "source": Role.NODE_SOURCE}
NODE_R = 9.0
GRAVITY = 0.1  # the pull to the middle, against an edge's pull of 1


@dataclass(frozen=True)
class Node:
    key: str          # "incident:12": kind and id
    kind: str
    id: int
    code: str
    label: str
    protected: bool = False


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    relation: str     # one of RELATIONS
    label: str = ""   # the role, "supports", "relays"...
    directed: bool = False


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    withheld: int = 0
    _adjacent: dict[str, set[str]] = field(default_factory=dict)

    def add_edge(self, edge: Edge) -> None:
        if edge.a in self.nodes and edge.b in self.nodes and edge.a != edge.b:
            self.edges.append(edge)
            self._adjacent.setdefault(edge.a, set()).add(edge.b)
            self._adjacent.setdefault(edge.b, set()).add(edge.a)

    def neighbours(self, key: str, relations: Iterable[str] | None = None) -> set[str]:
        if relations is None:
            return set(self._adjacent.get(key, ()))
        wanted = set(relations)
        return {e.b if e.a == key else e.a for e in self.edges if key in (e.a, e.b) and e.relation in wanted}

    def chain(self, claim_key: str) -> tuple[set[str], set[Edge]]:
        """The nodes and edges of a claim's attribution: claimant, origin,
        relays and the source read (another claim's relay between the same
        sources is not part of it)."""
        nodes, edges = {claim_key}, set()
        for edge in self.edges:
            if (edge.relation in ("chain", "claimant") and claim_key in (edge.a, edge.b)) or (
                    edge.relation == "chain" and edge.label.endswith("#" + claim_key)):
                nodes |= {edge.a, edge.b}
                edges.add(edge)
        return nodes, edges

    def to_networkx(self, keys: Iterable[str] | None = None) -> nx.MultiDiGraph:
        """The chart as a networkx graph with readable attributes (for Gephi)."""
        import networkx as nx  # 190 ms to import: only for an export, not at start

        shown = set(self.nodes) if keys is None else set(keys)
        graph = nx.MultiDiGraph()
        for key in sorted(shown):
            node = self.nodes[key]
            graph.add_node(key, label=node.label, kind=node.kind, code=node.code)
        for edge in self.edges:
            if edge.a in shown and edge.b in shown:
                graph.add_edge(edge.a, edge.b, relation=edge.relation, label=edge.label.split("#", 1)[0])
        return graph


def export_graph(graph: Graph, path: str | os.PathLike, fmt: str, *, keys: Iterable[str] | None = None,
                 force: bool | None = False, open_cases: Iterable[str | os.PathLike] = ()) -> None:
    """Write the chart as GEXF or GraphML (never over a case: store.outputs)."""
    import networkx as nx

    data = io.BytesIO()
    shown = graph.to_networkx(keys)
    if fmt == "gexf":
        nx.write_gexf(shown, data)
    else:
        nx.write_graphml(shown, data)
    write_bytes(path, data.getvalue(), force=force, open_cases=open_cases)


# -- reading the case ----------------------------------------------------------

Ids = dict[str, set[int]]  # record ids by kind


def load_graph(case: Case, *, profile: str = "full", lang: str = "en") -> Graph:
    """The whole case as the profile shows it (what the parts the window and
    the dossier read are checked against)."""
    with case.session() as session:
        return subgraph(session, Redactor(session, profile), None, lang=lang)


def reach(session: Session, r: Redactor, seeds: Iterable[str] | None, *, lang: str = "en") -> set[str]:
    """The keys of the records ``seeds`` names and of every record linked to
    them; every record when ``seeds`` is None. Only those the profile shows,
    and only ids read: cheap on a large case."""
    shown, keys = _Shown(r), set()
    wanted = None if seeds is None else _by_kind(seeds)
    for kind, (cls, _columns) in NODE_COLUMNS.items():
        if wanted is None or wanted[kind]:
            statement = select(cls.id) if wanted is None else select(cls.id).where(_among(cls.id, wanted[kind]))
            keys |= {key for key in (f"{kind}:{i}" for i in session.scalars(statement)) if shown(key)}
    if seeds is not None:
        named = set(keys)
        for edge in _Links(session.connection(), lang).edges(shown, _by_kind(named)):
            if edge.a in named or edge.b in named:  # not the rest of a chain their claims pass through
                keys |= {edge.a, edge.b}
    return keys


def first(session: Session, r: Redactor, kinds: Iterable[str], limit: int) -> tuple[list[str], int]:
    """The keys of the first ``limit`` records the profile shows, kind by kind
    in this order and each by id, and how many it shows in all: what a chart
    of every record draws, without a key for each of the others (the whole
    scale case's keys, made and sorted, took 2.9 s)."""
    keys: list[str] = []
    total = 0
    for kind in kinds:
        cls = NODE_COLUMNS[kind][0]
        for ident in session.scalars(select(cls.id).order_by(cls.id)):
            if not r.withheld(ident, kind):
                total += 1
                if len(keys) < limit:
                    keys.append(f"{kind}:{ident}")
    return keys, total


def subgraph(session: Session, r: Redactor, keys: Iterable[str] | None, *, lang: str = "en") -> Graph:
    """The records of ``keys`` the profile shows, and every edge among them;
    every record when ``keys`` is None."""
    graph, ids = Graph(), None if keys is None else _by_kind(keys)
    _add_nodes(session, r, graph, ids)
    # Shown means shown by the profile: a chain skips a withheld source, not one this part leaves out.
    for edge in _Links(session.connection(), lang).edges(_Shown(r), ids):
        graph.add_edge(edge)  # those among the records of ``keys``
    return graph


@dataclass
class Neighbourhood:
    """The part of the case's graph a chart of some incidents shows."""

    graph: Graph            # the records of ``keys`` and every edge among them
    keys: set[str]          # the incidents, their neighbours, and each of those claims' chain
    degree: dict[str, int]  # how many records each key is linked to in the whole case's graph


def neighbourhood(session: Session, r: Redactor, incident_ids: Iterable[int], *, lang: str = "en") -> Neighbourhood:
    """What a dossier's chart shows (the incidents and every record linked to
    them, with the chain of each claim among them), read from the records
    around the incidents alone: reading the whole graph to draw a few of its
    records took a dossier of one incident 28 s and 1.5 GB on a case of
    100,000 incidents. The same keys, edges and degrees as the whole graph
    gives, so the same chart."""
    graph, links, shown = Graph(), _Links(session.connection(), lang), _Shown(r)
    keys = reach(session, r, (f"incident:{i}" for i in incident_ids), lang=lang)
    claims = _by_kind(key for key in keys if key.startswith("claim:"))
    for edge in links.edges(shown, claims):  # each claim's chain: claimant and sources (Graph.chain)
        if edge.relation in ("claimant", "chain"):
            keys |= {edge.a, edge.b}
    ids = _by_kind(keys)
    _add_nodes(session, r, graph, ids)
    adjacent: dict[str, set[str]] = {key: set() for key in keys}
    for edge in links.edges(shown, ids):  # every edge touching them: their degree, and those among them
        for one, other in ((edge.a, edge.b), (edge.b, edge.a)):
            if one in adjacent:
                adjacent[one].add(other)
        graph.add_edge(edge)
    return Neighbourhood(graph, keys, {key: len(around) for key, around in adjacent.items()})


#: What a node is made of, by kind: rows, not ORM records (a tenth of the time on a large case).
NODE_COLUMNS: dict[str, tuple[type[Record], tuple[Any, ...]]] = {
    "incident": (Incident, (Incident.id, Incident.code, Incident.title)),
    "actor": (Actor, (Actor.id, Actor.code, Actor.name, Actor.protected, Actor.pseudonym)),
    "source": (Source, (Source.id, Source.code, Source.title, Source.confidential, Source.pseudonym)),
    "claim": (Claim, (Claim.id, Claim.code, Claim.summary)),
}


class _Shown:
    """Whether the profile shows a record, by key; each asked once."""

    def __init__(self, r: Redactor) -> None:
        self.r = r
        self.known: dict[str, bool] = {}

    def __call__(self, key: str) -> bool:
        if key not in self.known:
            kind, ident = key.split(":")
            self.known[key] = not self.r.withheld(int(ident), kind)
        return self.known[key]


def _add_nodes(session: Session, r: Redactor, graph: Graph, ids: Ids | None) -> None:
    """The records of ``ids`` (every record when None) the profile shows, as nodes."""
    for kind, (cls, columns) in NODE_COLUMNS.items():
        if ids is None or ids[kind]:
            statement = select(*columns).order_by(cls.id)
            for row in session.execute(statement if ids is None else statement.where(_among(cls.id, ids[kind]))):
                if r.withheld(row.id, kind):
                    graph.withheld += 1
                else:
                    _add_node(graph, kind, row, r)


def _add_node(graph: Graph, kind: str, row: Any, r: Redactor) -> None:
    key = f"{kind}:{row.id}"
    if kind == "actor":
        hidden = not r.full and (row.protected or row.id in r.protected)
        graph.nodes[key] = Node(key, kind, row.id, row.code, r.actor_name(row), hidden)
    else:
        label = r.source_title(row) if kind == "source" else r.scrub(row.title if kind == "incident" else row.summary)
        graph.nodes[key] = Node(key, kind, row.id, row.code, label)


def _by_kind(keys: Iterable[str]) -> Ids:
    out: Ids = {kind: set() for kind in NODE_COLUMNS}
    for key in keys:
        kind, ident = key.split(":")
        out[kind].add(int(ident))
    return out


def _among(column, ids: set[int]):
    """``column IN ids`` with the ids as one parameter, a JSON array: any number of them."""
    values = func.json_each(json.dumps(sorted(ids))).table_valued("value")
    return column.in_(select(values.c.value))


class _Links:
    """The case's links as edges, always in the same order: every one, or
    those touching some records. An edge is given only between records
    ``visible`` says are shown; a claim that is not shown gives none (its
    chain of sources is its own)."""

    def __init__(self, conn: Connection, lang: str) -> None:
        from .scope import vocabulary_labels

        self.conn = conn
        labels = vocabulary_labels(conn, "role", "assessment_relation", "incident_relation", "actor_relation",
                                   lang=lang)
        self.roles, self.assessment = labels["role"], labels["assessment_relation"]
        self.incident_rel, self.actor_rel = labels["incident_relation"], labels["actor_relation"]

    def edges(self, visible: Callable[[str], bool], near: Ids | None = None) -> Iterator[Edge]:
        for edge in self._edges(visible, near):
            if edge.a != edge.b and visible(edge.a) and visible(edge.b):
                yield edge

    def _rows(self, statement: Select, near: Ids | None, *columns: tuple[Any, str]) -> Iterable[Row]:
        """The statement's rows, or only those where a column names a record of ``near``."""
        if near is not None:
            named = [_among(column, near[kind]) for column, kind in columns if near[kind]]
            if not named:
                return ()
            statement = statement.where(or_(*named))
        return self.conn.execute(statement)

    def _edges(self, visible: Callable[[str], bool], near: Ids | None) -> Iterator[Edge]:
        for incident_id, actor_id, role in self._rows(
                select(Involvement.incident_id, Involvement.actor_id, Involvement.role).order_by(Involvement.id),
                near, (Involvement.incident_id, "incident"), (Involvement.actor_id, "actor")):
            yield Edge(f"actor:{actor_id}", f"incident:{incident_id}", "involvement", self.roles.get(role, role))
        for claim_id, subject_incident, subject_actor in self._rows(
                select(ClaimSubject.claim_id, ClaimSubject.incident_id, ClaimSubject.actor_id)
                .order_by(ClaimSubject.id),
                near, (ClaimSubject.claim_id, "claim"), (ClaimSubject.incident_id, "incident"),
                (ClaimSubject.actor_id, "actor")):
            about = f"incident:{subject_incident}" if subject_incident is not None else f"actor:{subject_actor}"
            yield Edge(f"claim:{claim_id}", about, "about", translate("LinkChart", "about"), True)
        yield from self._chains(visible, near)
        for claim_id, by_source, by_claim, relation in self._rows(
                select(Assessment.claim_id, Assessment.by_source_id, Assessment.by_claim_id, Assessment.relation)
                .order_by(Assessment.id),
                near, (Assessment.claim_id, "claim"), (Assessment.by_source_id, "source"),
                (Assessment.by_claim_id, "claim")):
            by = f"source:{by_source}" if by_source is not None else f"claim:{by_claim}"
            yield Edge(by, f"claim:{claim_id}", relation, self.assessment.get(relation, relation), True)
        for one, other, relation in self._rows(
                select(IncidentLink.from_id, IncidentLink.to_id, IncidentLink.relation).order_by(IncidentLink.id),
                near, (IncidentLink.from_id, "incident"), (IncidentLink.to_id, "incident")):
            yield Edge(f"incident:{one}", f"incident:{other}", "incident_link",
                       self.incident_rel.get(relation, relation), True)
        for one, other, relation in self._rows(
                select(ActorRelation.actor_id, ActorRelation.other_id, ActorRelation.relation)
                .order_by(ActorRelation.id),
                near, (ActorRelation.actor_id, "actor"), (ActorRelation.other_id, "actor")):
            yield Edge(f"actor:{one}", f"actor:{other}", "actor_relation", self.actor_rel.get(relation, relation),
                       True)

    def _chains(self, visible: Callable[[str], bool], near: Ids | None) -> Iterator[Edge]:
        """Who makes each claim, and its chain in order: origin, relays, the
        source read; the last one reaches the claim. Near some records: the
        claims they are, make, or are in the chain of."""
        statement = select(Claim.id, Claim.claimant_id, Claim.origin_id, Claim.source_id).order_by(Claim.id)
        relays = select(ClaimRelay.claim_id, ClaimRelay.source_id).order_by(ClaimRelay.claim_id, ClaimRelay.position)
        if near is not None and near["source"]:
            relaying = select(ClaimRelay.claim_id).where(_among(ClaimRelay.source_id, near["source"]))
            statement = statement.where(or_(Claim.id.in_(relaying), _among(Claim.id, near["claim"]),
                                            _among(Claim.claimant_id, near["actor"]),
                                            _among(Claim.origin_id, near["source"]),
                                            _among(Claim.source_id, near["source"])))
            claims = self.conn.execute(statement).all()
        else:
            claims = list(self._rows(statement, near, (Claim.id, "claim"), (Claim.claimant_id, "actor")))
        if not claims:
            return
        if near is not None:
            relays = relays.where(_among(ClaimRelay.claim_id, {row[0] for row in claims}))
        relayed: dict[int, list[int]] = {}
        for claim_id, source_id in self.conn.execute(relays):
            relayed.setdefault(claim_id, []).append(source_id)
        for claim_id, claimant_id, origin_id, read_id in claims:
            key = f"claim:{claim_id}"
            if not visible(key):
                continue
            if claimant_id is not None:
                yield Edge(f"actor:{claimant_id}", key, "claimant", translate("LinkChart", "claims"), True)
            steps = [s for s in [origin_id, *relayed.get(claim_id, []), read_id] if s is not None]
            steps = [s for n, s in enumerate(steps) if n == 0 or steps[n - 1] != s]
            shown = [f"source:{s}" for s in steps if visible(f"source:{s}")]
            for earlier, later in zip(shown, shown[1:], strict=False):
                yield Edge(earlier, later, "chain", translate("LinkChart", "relayed by") + "#" + key, True)
            if shown:
                yield Edge(shown[-1], key, "chain", translate("LinkChart", "read in"), True)


# -- layout ---------------------------------------------------------------------


def _hashed(key: str) -> tuple[float, float]:
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 2**32, int.from_bytes(digest[4:8], "big") / 2**32


class Layout:
    """Positions that stay put: ``place`` lays out only nodes it has not seen."""

    def __init__(self) -> None:
        self.positions: dict[str, tuple[float, float]] = {}

    def place(self, graph: Graph, keys: Iterable[str], iterations: int = 40) -> dict[str, tuple[float, float]]:
        keys = sorted(set(keys) & set(graph.nodes))
        new = [k for k in keys if k not in self.positions]
        if not new:
            return {k: self.positions[k] for k in keys}
        index = {k: n for n, k in enumerate(keys)}
        side = math.sqrt(max(len(keys), 1))   # the layout's extent grows with the node count
        pos = np.zeros((len(keys), 2))
        movable = np.zeros(len(keys), dtype=bool)
        for k in keys:
            if k in self.positions:
                pos[index[k]] = self.positions[k]
        for k in new:  # a new node starts next to nodes already placed, else where its key says
            placed = [self.positions[n] for n in graph.neighbours(k) if n in self.positions]
            jitter = np.array(_hashed(k)) - 0.5
            if placed:
                pos[index[k]] = np.mean(placed, axis=0) + jitter * 0.8
            else:
                pos[index[k]] = np.array(_hashed(k)) * side
            movable[index[k]] = True
        pairs = [(index[e.a], index[e.b]) for e in graph.edges if e.a in index and e.b in index]
        edges = np.array(pairs, dtype=int).reshape(-1, 2)
        rounds = iterations if len(keys) > 300 else 150  # a small chart: cheap to settle well
        laid = force_layout(pos, edges, movable, iterations=rounds if len(new) > 1 else 20)
        if not self.positions:
            laid = _lengthwise(laid)
        for k in new:
            self.positions[k] = (float(laid[index[k], 0]), float(laid[index[k], 1]))
        return {k: self.positions[k] for k in keys}


def _lengthwise(pos: np.ndarray) -> np.ndarray:
    """A first layout turned so that its long axis lies across: charts are shown
    in wide panes and pages, and turning keeps every distance."""
    if len(pos) < 3:
        return pos
    centred = pos - pos.mean(axis=0)
    _values, vectors = np.linalg.eigh(np.cov(centred.T))
    along = vectors[:, -1]  # the axis of the largest spread
    turned = centred @ np.array([[along[0], -along[1]], [along[1], along[0]]])
    return turned + pos.mean(axis=0)


def force_layout(pos: np.ndarray, edges: np.ndarray, movable: np.ndarray, *, iterations: int = 40,
                 k: float = 1.0) -> np.ndarray:
    """Fruchterman-Reingold with the repulsion of far nodes taken by grid cell
    (each node feels a cell's mass at its centre) and near ones exactly: linear
    in the nodes per step, where networkx's dense solver is quadratic."""
    pos = pos.astype(np.float64).copy()
    n = len(pos)
    if n < 2 or not movable.any():
        return pos
    if movable.sum() <= max(64, n // 8):
        return _settle_few(pos, edges, movable, iterations=iterations, k=k)
    temperature = max(np.ptp(pos, axis=0).max(), 1.0) / 10
    cool = temperature / (iterations + 1)
    cells = max(1, int(math.sqrt(n / 30)))  # ~30 nodes a cell: few far-field cells, small near-field blocks
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        # Cells split at quantiles, so that each holds about as many nodes
        # however the drawing clusters (a far outlier does not empty the grid).
        cuts = np.quantile(pos, np.linspace(0, 1, cells + 1)[1:-1], axis=0)
        cell = np.searchsorted(cuts[:, 0], pos[:, 0]) * cells + np.searchsorted(cuts[:, 1], pos[:, 1])
        mass = np.bincount(cell, minlength=cells * cells).astype(np.float64)
        centre: np.ndarray = np.stack(
            [np.bincount(cell, weights=pos[:, d], minlength=cells * cells) for d in (0, 1)], 1).astype(np.float64)
        occupied = mass > 0
        centre[occupied] /= mass[occupied, None]
        # Far field: every occupied cell but one's own, as one mass at its centre
        # (sums as matrix products: sum_j w_ij (p_i - c_j) = p_i sum_j w_ij - (w @ c)_i).
        cids = np.nonzero(occupied)[0]
        c = centre[cids]
        dist2 = (pos ** 2).sum(1)[:, None] + (c ** 2).sum(1)[None, :] - 2.0 * (pos @ c.T)
        weight = (k * k) * mass[None, cids] / np.maximum(dist2, 0.01)
        own = np.searchsorted(cids, cell)
        weight[np.arange(n), own] = 0.0
        disp += pos * weight.sum(1)[:, None] - weight @ c
        # Near field: exactly, within each cell.
        order = np.argsort(cell, kind="stable")
        bounds = np.searchsorted(cell[order], cids)
        ends = np.append(bounds[1:], n)
        for lo, hi in zip(bounds, ends, strict=False):
            if hi - lo < 2:
                continue
            members = order[lo:hi]
            d = pos[members, None, :] - pos[None, members, :]
            r2 = np.maximum((d ** 2).sum(-1), 0.01)
            disp[members] += (d * ((k * k) / r2)[..., None]).sum(1)
        # Attraction along edges.
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            length = np.sqrt((d ** 2).sum(-1)) + 1e-9
            pull = d * (length / k)[:, None]
            np.subtract.at(disp, edges[:, 0], pull)
            np.add.at(disp, edges[:, 1], pull)
        # Gravity: a pull to the middle that grows with the distance, so that loose
        # records and small components stay near the rest instead of drifting off
        # (they would shrink everything else to fit the figure).
        off = pos - pos.mean(axis=0)
        disp -= off * (GRAVITY * np.sqrt((off ** 2).sum(-1)) / k)[:, None]
        # Move, no farther than the temperature; fixed nodes stay.
        length = np.sqrt((disp ** 2).sum(-1)) + 1e-9
        step = disp * (np.minimum(length, temperature) / length)[:, None]
        pos[movable] += step[movable]
        temperature -= cool
    return pos


def _settle_few(pos: np.ndarray, edges: np.ndarray, movable: np.ndarray, *, iterations: int, k: float) -> np.ndarray:
    """A few records added to a chart laid out before: only they move, felt
    exactly by every node and pulled by their own edges (cheap: rows for the
    new nodes only), starting next to their neighbours, so they move little."""
    rows = np.nonzero(movable)[0]
    touching = edges[movable[edges[:, 0]] | movable[edges[:, 1]]] if len(edges) else edges
    temperature = 2.0 * k
    cool = temperature / (iterations + 1)
    for _ in range(iterations):
        d = pos[rows, None, :] - pos[None, :, :]
        r2 = np.maximum((d ** 2).sum(-1), 0.01)
        disp = np.zeros_like(pos)
        disp[rows] = (d * ((k * k) / r2)[..., None]).sum(1)
        if len(touching):
            e = pos[touching[:, 0]] - pos[touching[:, 1]]
            length = np.sqrt((e ** 2).sum(-1)) + 1e-9
            pull = e * (length / k)[:, None]
            np.subtract.at(disp, touching[:, 0], pull)
            np.add.at(disp, touching[:, 1], pull)
        length = np.sqrt((disp[rows] ** 2).sum(-1)) + 1e-9
        pos[rows] += disp[rows] * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cool
    return pos


# -- drawing ---------------------------------------------------------------------------


def chart_figure(graph: Graph, positions: dict[str, tuple[float, float]], *, width: float = 900.0,
                 relations: Iterable[str] | None = None, highlight: str | None = None, title: str = "",
                 labels: bool = True, focus: str | None = None, text_px: float = TEXT_PX) -> Figure:
    """The nodes of ``positions`` and the edges among them (of ``relations``),
    scaled to ``width``; ``highlight`` (a claim's key) marks its attribution chain.
    ``text_px`` is how large the renderer draws text, per unit of its size (the
    window 1.25, the dossier 1): labels are placed by it. The caption names the
    records whose label had no room."""
    wanted = set(RELATIONS if relations is None else relations)
    keys = [k for k in positions if k in graph.nodes]
    margin = 70.0
    if keys:
        xs = [positions[k][0] for k in keys]
        ys = [positions[k][1] for k in keys]
        x0, y0 = min(xs), min(ys)
        extent = max(max(xs) - x0, max(ys) - y0, 1e-6)
        spacing = max(28.0, (width - 2 * margin) / max(extent, 1.0) if extent else 1.0)
        scale = min(spacing, (width - 2 * margin) / extent)
        height = (max(ys) - y0) * scale + 2 * margin
    else:
        x0 = y0 = 0.0
        scale, height = 1.0, 200.0
    fig = Figure(width, height, title=title, omitted=graph.withheld)
    fig.add(Rect(0, 0, width, height, Role.BACKGROUND))

    def at(key: str) -> tuple[float, float]:
        x, y = positions[key]
        return margin + (x - x0) * scale, margin + (y - y0) * scale

    chain_nodes, chain_edges = graph.chain(highlight) if highlight in graph.nodes else (set(), set())
    shown = set(keys)
    drawn = [e for e in graph.edges if e.a in shown and e.b in shown and e.relation in wanted]
    marked = chain_nodes | ({focus} if focus else set())
    node_labels, edge_labels = _place_labels(graph, keys, drawn, at, marked, width, text_px) if labels else ({}, {})
    short = [graph.nodes[k] for k in keys if labels and (k not in node_labels
                                                        or node_labels[k].text != graph.nodes[k].label)]
    if short:
        fig.caption = translate("Figures", "Shown by code or unlabelled, for want of room: {records}.").format(
            records="; ".join(f"{node.code} {node.label}" for node in sorted(short, key=lambda n: n.code)))
    for n, edge in enumerate(drawn):
        (ax, ay), (bx, by) = at(edge.a), at(edge.b)
        length = math.hypot(bx - ax, by - ay) or 1.0
        ux, uy = (bx - ax) / length, (by - ay) / length
        sx, sy, tx, ty = ax + ux * NODE_R, ay + uy * NODE_R, bx - ux * (NODE_R + 1), by - uy * (NODE_R + 1)
        role = Role.HIGHLIGHT if edge in chain_edges else EDGE_ROLES.get(edge.relation, Role.EDGE)
        fig.add(Line(sx, sy, tx, ty, role, arrow=edge.directed))
        if n in edge_labels:
            fig.add(edge_labels[n])
    for key in keys:
        x, y = at(key)
        fig.add(_node(graph.nodes[key], x, y, key in marked, node_labels.get(key)))
    return fig


NODE_LABEL, EDGE_LABEL = 7.0, 6.5  # text sizes
NODE_LABEL_W, EDGE_LABEL_W = 120.0, 90.0


def _place_labels(graph: Graph, keys: list[str], drawn: list[Edge], at: Callable[[str], tuple[float, float]],
                  marked: set[str], width: float, text_px: float) -> tuple[dict[str, Text], dict[int, Text]]:
    """Labels that cover no node and no other label: the marked nodes' first,
    then the best connected; each below its node, else above, right or left,
    else its code alone; then the relations on edges where there is room. A
    label with no room, or running off the figure's sides, is left out (the
    window's tooltip still names it)."""
    taken = Taken(within=(0.0, width))
    for key in keys:
        x, y = at(key)
        taken.add((x - NODE_R - 2, y - NODE_R - 2, x + NODE_R + 2, y + NODE_R + 2))
    degree: dict[str, int] = {}
    for edge in drawn:
        degree[edge.a] = degree.get(edge.a, 0) + 1
        degree[edge.b] = degree.get(edge.b, 0) + 1
    nodes: dict[str, Text] = {}
    for key in sorted(keys, key=lambda k: (k not in marked, -degree.get(k, 0), k)):
        node, (x, y) = graph.nodes[key], at(key)
        spots = ((x, y + NODE_R + 9, "middle"), (x, y - NODE_R - 3, "middle"),
                 (x + NODE_R + 3, y + 2.5, "start"), (x - NODE_R - 3, y + 2.5, "end"))
        for text in dict.fromkeys(t for t in (node.label, node.code) if t):
            spot = next((s for s in spots
                         if taken.take(text_box(s[0], s[1], text, NODE_LABEL, s[2], NODE_LABEL_W, text_px))), None)
            if spot is not None:
                nodes[key] = Text(spot[0], spot[1], text, Role.LABEL, NODE_LABEL, anchor=spot[2],
                                  max_width=NODE_LABEL_W)
                break
    edges: dict[int, Text] = {}
    if len(drawn) <= 150:  # past that, relations are read from the legend and the links panel
        for n, edge in enumerate(drawn):
            text = edge.label.split("#", 1)[0]
            (ax, ay), (bx, by) = at(edge.a), at(edge.b)
            x, y = (ax + bx) / 2, (ay + by) / 2 - 2
            if text and taken.take(text_box(x, y, text, EDGE_LABEL, "middle", EDGE_LABEL_W, text_px)):
                edges[n] = Text(x, y, text, Role.LABEL_MUTED, EDGE_LABEL, anchor="middle", max_width=EDGE_LABEL_W)
    return nodes, edges


def _node(node: Node, x: float, y: float, marked: bool, label: Text | None) -> Group:
    role = Role.NODE_PROTECTED if node.protected else NODE_ROLES[node.kind]
    r = NODE_R
    parts: list[Item] = []
    if node.kind == "actor":
        parts.append(Circle(x, y, r, role))
    elif node.kind == "incident":
        parts.append(Rect(x - r, y - r * 0.75, 2 * r, 1.5 * r, role, rounded=3))
    elif node.kind == "claim":
        parts.append(Path(((x, y - r), (x + r, y), (x, y + r), (x - r, y)), role, closed=True))
    else:
        parts.append(Rect(x - r * 0.8, y - r, 1.6 * r, 2 * r, role))
    if marked:
        parts.append(Circle(x, y, r + 4, Role.HIGHLIGHT))
    if label is not None:
        parts.append(label)
    return Group(tuple(parts), record=node.code, key=node.key, tooltip=f"{node.code} {node.label}")
