"""The link chart: nodes and edges from the case, redacted; a layout that
stays put; claim chains; GEXF/GraphML for Gephi, never over the case."""

from __future__ import annotations

import networkx as nx
import pytest

from casefile.errors import CasefileError
from casefile.services import records
from casefile.services.sample import create_demo_case
from casefile.services.views.figure import Line, Role, texts
from casefile.services.views.linkchart import Layout, chart_figure, export_graph
from casefile.services.views.linkgraph import Graph, load_graph

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case


@pytest.fixture
def sample(tmp_path):
    case = create_demo_case(tmp_path / "sample.casefile")
    yield case
    case.close()


def _claim_with_chain(case):
    origin = records.create(case, "source", title="Radio Ayutla")
    relay = records.create(case, "source", title="La Jornada")
    read = records.create(case, "source", title="InSight Crime")
    speaker = records.create(case, "actor", name="Coordinator", category="person")
    incident = records.create(case, "incident", title="Roadblock", start_date="2013-08")
    claim = records.create(case, "claim", summary="Sixty soldiers held", source_id=read, origin_id=origin,
                           origin_status="located", claimant_id=speaker)
    records.create_link(case, "claim_relay", claim_id=claim, source_id=relay, position=0)
    records.create_link(case, "claim_subject", claim_id=claim, incident_id=incident)
    return claim, origin, relay, read, speaker, incident


def test_claims_chain_runs_origin_relays_source_claim(case):
    claim, origin, relay, read, speaker, incident = _claim_with_chain(case)
    graph = load_graph(case)
    chain = [(e.a, e.b) for e in graph.edges if e.relation == "chain"]
    assert chain == [(f"source:{origin}", f"source:{relay}"), (f"source:{relay}", f"source:{read}"),
                     (f"source:{read}", f"claim:{claim}")]
    nodes, edges = graph.chain(f"claim:{claim}")
    assert nodes == {f"claim:{claim}", f"source:{origin}", f"source:{relay}", f"source:{read}", f"actor:{speaker}"}
    positions = Layout().place(graph, graph.nodes)
    figure = chart_figure(graph, positions, highlight=f"claim:{claim}")
    marked = [item for item in figure.items if isinstance(item, Line) and item.role == Role.HIGHLIGHT]
    assert len(marked) == len(edges) == 4
    # What the claim is about is not part of its chain.
    assert (f"claim:{claim}", f"incident:{incident}") not in {(e.a, e.b) for e in edges}


def test_relations_filter_hides_edges(sample):
    graph = load_graph(sample)
    positions = Layout().place(graph, graph.nodes)
    every = [i for i in chart_figure(graph, positions, labels=False).items if isinstance(i, Line)]
    only = [i for i in chart_figure(graph, positions, labels=False, relations={"involvement"}).items
            if isinstance(i, Line)]
    involvements = [e for e in graph.edges if e.relation == "involvement"]
    assert len(only) == len(involvements) < len(every)


def test_layout_stays_put_when_records_are_added(sample):
    graph = load_graph(sample)
    layout = Layout()
    before = dict(layout.place(graph, graph.nodes))
    incident = records.create(sample, "incident", title="New detention", start_date="2013-09-01")
    actor = records.create(sample, "actor", name="New unit")
    records.create_link(sample, "involvement", incident_id=incident, actor_id=actor, role="perpetrator")
    records.create_link(sample, "involvement", incident_id=incident, actor_id=1, role="perpetrator")
    graph = load_graph(sample)
    after = layout.place(graph, graph.nodes)
    assert {key: after[key] for key in before} == before
    assert f"incident:{incident}" in after and f"actor:{actor}" in after
    # The same case lays out the same in a new chart (seeded from the keys).
    assert Layout().place(graph, graph.nodes) == Layout().place(graph, graph.nodes)


def test_public_chart_shows_the_pseudonym_and_leaves_withheld_records_out(sample):
    full = " ".join(texts(chart_figure(load_graph(sample), Layout().place(load_graph(sample), load_graph(sample).nodes))))
    assert "Rosa Ejemplo Ficticia" in full
    graph = load_graph(sample, profile="public")
    drawn = " ".join(texts(chart_figure(graph, Layout().place(graph, graph.nodes))))
    assert "Witness A" in drawn and "Rosa" not in drawn and "Ficticia" not in drawn
    assert graph.withheld > 0  # the confidential interview and what rests on it
    assert [n for n in graph.nodes.values() if n.protected] == [n for n in graph.nodes.values()
                                                                 if n.label == "Witness A"]


def _seeds(graph: Graph, kind: str, ids: set[int]) -> set[str]:
    """What a chart of these records shows, picked from the whole graph: them and their neighbours."""
    named = {f"{kind}:{i}" for i in ids} & set(graph.nodes)
    return named.union(*(graph.neighbours(key) for key in named))


def test_gexf_and_graphml_read_back_and_never_replace_the_case(sample, tmp_path):
    graph = load_graph(sample, profile="public")
    export_graph(graph, tmp_path / "chart.gexf", "gexf")
    export_graph(graph, tmp_path / "chart.graphml", "graphml")
    for read in (nx.read_gexf(tmp_path / "chart.gexf"), nx.read_graphml(tmp_path / "chart.graphml")):
        assert read.number_of_nodes() == len(graph.nodes) and read.number_of_edges() == len(graph.edges)
        labels = {data["label"] for _n, data in read.nodes(data=True)}
        assert "Witness A" in labels and not any("Rosa" in label for label in labels)
    size = sample.path.stat().st_size
    with pytest.raises(CasefileError):
        export_graph(graph, sample.path, "gexf", force=True, open_cases=[sample.path])
    with pytest.raises(CasefileError):
        export_graph(graph, tmp_path / "chart.gexf", "gexf")  # exists: only with force
    assert sample.path.stat().st_size == size


def _crowded_graph(count: int):
    import random

    from casefile.services.views.linkgraph import Edge, Graph, Node

    rng = random.Random(5)
    graph = Graph()
    for n in range(count):
        kind = ("incident", "actor", "claim", "source")[n % 4]
        graph.nodes[f"{kind}:{n}"] = Node(f"{kind}:{n}", kind, n, f"X-{n:04d}", f"A rather long record label {n}")
    keys = list(graph.nodes)
    for _ in range(count * 2):
        a, b = rng.sample(keys, 2)
        graph.add_edge(Edge(a, b, "involvement", "participant"))
    return graph


@pytest.mark.parametrize("text_px", [1.0, 1.25])
def test_labels_never_cover_each_other_or_run_off_the_figure(text_px):
    """Labels used to overlap into a smudge in any chart of more than a dozen records."""
    from casefile.services.views.figure import Text, walk
    from casefile.services.views.placing import text_box

    graph = _crowded_graph(120)
    figure = chart_figure(graph, Layout().place(graph, graph.nodes), width=900, text_px=text_px)
    labels = [item for item in walk(figure.items) if isinstance(item, Text)]
    boxes = [text_box(t.x, t.y, t.text, t.size, t.anchor, t.max_width, text_px) for t in labels]
    assert len(labels) > 30
    for n, (left, top, right, bottom) in enumerate(boxes):
        assert 0 <= left and right <= 900
        for other in boxes[n + 1:]:
            assert right <= other[0] or left >= other[2] or bottom <= other[1] or top >= other[3]
    shown = {t.text for t in labels}
    short = [n for n in graph.nodes.values() if n.label not in shown]
    assert short, "a crowded chart leaves some labels out"
    for node in short:  # and the caption names each of them
        assert f"{node.code} {node.label}" in figure.caption


def _tangled_case(case, seed: int = 3):
    """Records linked every way the chart draws, some confidential, at random."""
    import random

    from sqlalchemy import select

    from casefile.model import (
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
        VocabularyTerm,
    )

    rng = random.Random(seed)
    with case.session() as session:
        def keys(vocabulary):
            return list(session.scalars(select(VocabularyTerm.key).where(VocabularyTerm.vocabulary == vocabulary)))

        incidents = [Incident(title=f"Incident {n}", confidential=n % 5 == 0) for n in range(14)]
        actors = [Actor(name=f"Actor {n}", category="person", protected=n % 4 == 0,
                        pseudonym=f"Witness {n}" if n % 4 == 0 else "") for n in range(10)]
        sources = [Source(title=f"Source {n}", confidential=n % 6 == 0, pseudonym=f"Informant {n}" if n % 6 == 0
                          else "") for n in range(12)]
        session.add_all(incidents + actors + sources)
        session.flush()
        claims = []
        for n in range(24):
            chain = rng.sample(sources, rng.randint(0, 4))
            claimant = rng.choice(actors) if n % 3 else None
            claim = Claim(summary=f"Claim {n}", claimant_id=claimant.id if claimant else None,
                          source_id=chain[-1].id if chain else None, origin_id=chain[0].id if len(chain) > 1 else None)
            session.add(claim)
            session.flush()
            session.add_all(ClaimRelay(claim_id=claim.id, source_id=s.id, position=p) for p, s in enumerate(chain[1:-1]))
            for subject in rng.sample(incidents, rng.randint(1, 2)):
                session.add(ClaimSubject(claim_id=claim.id, incident_id=subject.id))
            if n % 4 == 0:
                session.add(ClaimSubject(claim_id=claim.id, actor_id=rng.choice(actors).id))
            claims.append(claim)
        roles = keys("role")
        for incident in incidents:
            for actor in rng.sample(actors, rng.randint(0, 3)):
                session.add(Involvement(incident_id=incident.id, actor_id=actor.id, role=rng.choice(roles)))
        for _ in range(8):
            one, other = rng.sample(incidents, 2)
            session.add(IncidentLink(from_id=one.id, to_id=other.id, relation=rng.choice(keys("incident_relation"))))
            a, b = rng.sample(actors, 2)
            session.add(ActorRelation(actor_id=a.id, other_id=b.id, relation=rng.choice(keys("actor_relation"))))
        for claim in claims:
            if rng.random() < 0.5:
                by = rng.choice([{"by_source_id": rng.choice(sources).id},
                                 {"by_claim_id": rng.choice([c for c in claims if c is not claim]).id}])
                session.add(Assessment(claim_id=claim.id, relation=rng.choice(["supports", "contradicts", "repeats"]),
                                       **by))
    return case


@pytest.mark.parametrize("profile", ["full", "partner", "public"])
def test_a_dossiers_neighbourhood_is_what_the_whole_graph_gives(case, profile, monkeypatch):
    """A dossier's chart read the whole case's graph to draw a few records of
    it (28 s and 1.5 GB for one incident of a 100,000-incident case). The
    neighbourhood reads only the records around the incidents and must give
    the same records, edges and link counts, so the same chart."""
    from sqlalchemy import select

    from casefile.model import Incident
    from casefile.services.redaction import Redactor
    from casefile.services.views import linkgraph
    from casefile.services.views.linkgraph import neighbourhood, subgraph

    _tangled_case(case)
    with case.session() as session:
        ids = list(session.scalars(select(Incident.id)))
    for scope in [{i} for i in ids] + [set(ids), set(ids[::3]), set()]:
        with case.session() as session:
            whole = subgraph(session, Redactor(session, profile), None)
        loaded: set[str] = set()
        made = linkgraph._add_node
        with case.session() as session, monkeypatch.context() as patch:
            patch.setattr(linkgraph, "_add_node", lambda graph, kind, row, r, loaded=loaded, made=made: (
                loaded.add(f"{kind}:{row.id}"), made(graph, kind, row, r)))
            hood = neighbourhood(session, Redactor(session, profile), scope)
        keys = _seeds(whole, "incident", scope)
        for key in list(keys):
            if key.startswith("claim:"):
                keys |= whole.chain(key)[0]
        assert hood.keys == keys
        assert loaded == keys  # no other record was read
        assert hood.degree == {key: len(whole.neighbours(key)) for key in keys}
        assert hood.graph.nodes == {key: whole.nodes[key] for key in keys}
        assert hood.graph.edges == [e for e in whole.edges if e.a in keys and e.b in keys]
    assert len(hood.keys) < len(whole.nodes)


def test_a_withheld_claim_draws_no_chain_between_the_sources_it_passed_through(case):
    """The chain of a claim left out of a shared chart was still drawn between
    its sources (origin, relays, the source read): it told what the claim was."""
    claim, origin, relay, read, _speaker, incident = _claim_with_chain(case)
    records.update(case, "incident", incident, confidential=True)  # the claim is only about it: withheld
    for profile in ("partner", "public"):
        graph = load_graph(case, profile=profile)
        assert f"claim:{claim}" not in graph.nodes and f"source:{origin}" in graph.nodes
        assert not [e for e in graph.edges if e.relation == "chain"]
    assert len([e for e in load_graph(case).edges if e.relation == "chain"]) == 3


@pytest.mark.parametrize("profile", ["full", "public"])
def test_the_windows_chart_reads_what_the_whole_graph_gives(case, profile):
    """The window's chart reads only the keys around the list's records, and
    the records it shows: the same as picking them from the whole graph."""
    from casefile.services.redaction import Redactor
    from casefile.services.views.linkgraph import reach, subgraph

    _tangled_case(case)
    with case.session() as session:
        r = Redactor(session, profile)
        whole = subgraph(session, r, None)
        assert reach(session, r, None) == set(whole.nodes)
        for kind in ("incident", "actor", "claim", "source"):
            ids = {node.id for node in whole.nodes.values() if node.kind == kind}
            for picked in [{i} for i in sorted(ids)] + [ids, set()]:
                keys = reach(session, r, (f"{kind}:{i}" for i in picked))
                assert keys == _seeds(whole, kind, picked)
                part = subgraph(session, r, keys)
                assert part.nodes == {key: whole.nodes[key] for key in keys}
                assert part.edges == [e for e in whole.edges if e.a in keys and e.b in keys]
        assert reach(session, r, ["actor:999"]) == set()  # a record since deleted: nothing


@pytest.mark.parametrize("profile", ["full", "public"])
def test_the_first_records_of_a_whole_case_chart(case, profile):
    from casefile.services.redaction import Redactor
    from casefile.services.views.linkgraph import first, reach

    _tangled_case(case)
    kinds = ("incident", "actor", "claim", "source")

    def order(key: str) -> tuple[int, int]:
        kind, ident = key.split(":")
        return kinds.index(kind), int(ident)

    with case.session() as session:
        r = Redactor(session, profile)
        every = sorted(reach(session, r, None), key=order)
        for limit in (1, 13, 30, len(every), len(every) + 5):
            assert first(session, r, kinds, limit) == (every[:limit], len(every))
