"""The case's links as a graph: incidents, actors, claims and sources, and
what links them, read through the profile's :class:`Redactor` (withheld
records are left out; a protected actor is a node under the pseudonym).

Edges are involvements (with the actor's role), what claims are about, who
makes a claim, sources and claims that support, contradict or repeat a claim,
each claim's own chain of attribution (origin -> relays -> the source read ->
the claim), incident links and actor relations.

:func:`load_graph` reads the whole case. The charts read only what they show,
with the same result as picking it from the whole: the window's through
:func:`reach`, :func:`first` and :func:`subgraph`, the dossier's through
:func:`neighbourhood`. ``linkchart`` lays a graph out and draws it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

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
    Source,
)
from ...store import Case
from ..redaction import Redactor

if TYPE_CHECKING:
    import networkx as nx

RELATIONS = ("involvement", "about", "claimant", "chain", "supports", "contradicts", "repeats", "incident_link",
             "actor_relation")


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
    for kind, (id_column, *_rest) in NODE_COLUMNS.items():
        if wanted is None or wanted[kind]:
            statement = select(id_column) if wanted is None else select(id_column).where(
                _among(id_column, wanted[kind]))
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
        id_column = NODE_COLUMNS[kind][0]
        for ident in session.scalars(select(id_column).order_by(id_column)):
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
NODE_COLUMNS: dict[str, tuple[Any, ...]] = {
    "incident": (Incident.id, Incident.code, Incident.title),
    "actor": (Actor.id, Actor.code, Actor.name, Actor.protected, Actor.pseudonym),
    "source": (Source.id, Source.code, Source.title, Source.confidential, Source.pseudonym),
    "claim": (Claim.id, Claim.code, Claim.summary),
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
    for kind, columns in NODE_COLUMNS.items():
        if ids is None or ids[kind]:
            statement = select(*columns).order_by(columns[0])
            for row in session.execute(statement if ids is None else statement.where(_among(columns[0], ids[kind]))):
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
