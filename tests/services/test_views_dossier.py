"""The dossier's figures: drawn after redaction (a public dossier's figures
hold no protected name: every decompressed stream is scanned), each on its
own page after the chronology, and no socket opened while views draw."""

from __future__ import annotations

import socket
import zlib

import pytest
from pypdf import PdfReader

from casefile.dossier.figures import dossier_figures, drawing
from casefile.dossier.writer import write_dossier
from casefile.services.redaction import Redactor
from casefile.services.sample import create_demo_case
from casefile.services.views.figure import texts
from casefile.services.views.linkchart import Layout, chart_figure
from casefile.services.views.linkgraph import load_graph
from casefile.services.views.timeline import load_timeline

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case

PROTECTED = ("Rosa Ejemplo Ficticia", "Rosa Ejemplo", "Ficticia")


@pytest.fixture
def sample(tmp_path):
    case = create_demo_case(tmp_path / "sample.casefile")
    yield case
    case.close()


def _streams(path) -> bytes:
    """Every stream of the file, decompressed where it is compressed."""
    raw = path.read_bytes()
    out = [raw]
    start = 0
    while (start := raw.find(b"stream", start)) >= 0:
        begin = raw.find(b"\n", start) + 1
        end = raw.find(b"endstream", begin)
        try:
            out.append(zlib.decompress(raw[begin:end]))
        except zlib.error:
            pass
        start = end
    return b"\n".join(out)


def _figure_pages(path) -> dict[str, str]:
    pages = {}
    for page in PdfReader(path).pages:
        text = page.extract_text()
        for title in ("Timeline of the incidents", "Link chart"):
            if title in text and "Figure " in text:
                pages[title] = text
    return pages


def test_public_dossier_figures_hold_the_pseudonym_never_the_name(sample, tmp_path):
    out = tmp_path / "public.pdf"
    write_dossier(sample, out, profile="public")
    pages = _figure_pages(out)
    assert set(pages) == {"Timeline of the incidents", "Link chart"}
    assert "Witness A" in pages["Link chart"]  # the protected actor is on the chart, under the pseudonym
    for text in pages.values():
        assert not any(name in text for name in PROTECTED)
    data = _streams(out)
    for name in PROTECTED:
        assert name.encode("utf-8") not in data and name.encode("utf-16-be") not in data


def test_full_dossier_figures_name_the_protected_actor(sample, tmp_path):
    out = tmp_path / "full.pdf"
    write_dossier(sample, out, profile="full")
    assert "Rosa Ejemplo Ficticia" in _figure_pages(out)["Link chart"]


def test_figures_follow_the_chronology_each_on_its_own_page(sample, tmp_path):
    out = tmp_path / "full.pdf"
    write_dossier(sample, out, profile="full")
    reader = PdfReader(out)
    titles = [(item.title, reader.get_destination_page_number(item)) for item in _flat(reader.outline)]
    names = [title for title, _page in titles]
    assert names.index("Chronology") < names.index("Figures") < names.index("Incidents")
    pages = dict(titles)
    assert pages["Timeline of the incidents"] != pages["Link chart"]


def _flat(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item


def test_no_socket_is_opened_while_figures_are_built_and_drawn(sample, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("a view tried the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    timeline = load_timeline(sample, lanes="actor", profile="partner")
    start, end = timeline.extent()
    graph = load_graph(sample, profile="partner")
    for figure in (timeline.figure(start, end, 800), chart_figure(graph, Layout().place(graph, graph.nodes))):
        assert drawing(figure, 480, 600).width <= 480
        assert texts(figure)
    with sample.session() as session:
        public = Redactor(session, "public")
    titles = [item.figure.title for item in dossier_figures(sample, public, {1, 2, 3, 4, 5})]
    assert {"Timeline of the incidents", "Link chart"} <= set(titles)  # and the map, where places have coordinates
