"""The link chart: a graph of the case's links (``linkgraph``) laid out and drawn.

:class:`Layout` places nodes once and keeps them where they are: nodes added
later are laid out around the ones already placed, which stay fixed (so a
chart does not jump when a record is added), and every first position comes
from the node's key, so the same case draws the same. :func:`chart_figure`
draws the nodes a view shows; :func:`export_graph` writes them for Gephi.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
from collections.abc import Callable, Iterable

import numpy as np

from ...i18n import translate
from ...store.outputs import write_bytes
from .figure import Circle, Figure, Group, Item, Line, Path, Rect, Role, Text
from .linkgraph import RELATIONS, Edge, Graph, Node
from .placing import TEXT_PX, Taken, text_box

EDGE_ROLES = {"supports": Role.EDGE_SUPPORTS, "contradicts": Role.EDGE_CONTRADICTS, "repeats": Role.EDGE_REPEATS,
              "chain": Role.EDGE_CHAIN}
NODE_ROLES = {"incident": Role.NODE_INCIDENT, "actor": Role.NODE_ACTOR, "claim": Role.NODE_CLAIM,
              "source": Role.NODE_SOURCE}
NODE_R = 9.0
GRAVITY = 0.1  # the pull to the middle, against an edge's pull of 1


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
