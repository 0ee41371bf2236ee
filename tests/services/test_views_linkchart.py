"""The link chart: nodes and edges from the case, redacted; a layout that
stays put; claim chains; GEXF/GraphML for Gephi, never over the case."""

from __future__ import annotations

import networkx as nx
import pytest

from casefile.errors import CasefileError
from casefile.services import records
from casefile.services.sample import create_demo_case
from casefile.services.views.figure import Line, Role, texts
from casefile.services.views.linkchart import Layout, chart_figure, export_graph, load_graph, seeds

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


def test_seeds_are_the_filtered_records_and_their_neighbours(sample):
    graph = load_graph(sample)
    assert seeds(graph, "incident", None) == set(graph.nodes)
    picked = seeds(graph, "actor", {1})
    assert "actor:1" in picked and graph.neighbours("actor:1") <= picked and len(picked) < len(graph.nodes)


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

    from casefile.services.views.linkchart import Edge, Graph, Node

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
