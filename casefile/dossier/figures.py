"""The dossier's figures: the same figure descriptions the window draws
(``services/views``), drawn as ReportLab vector graphics.

The figures are built from the case through the dossier's profile (the
views' loaders ask the same :class:`Redactor` rules as every shared output:
withheld records are left out, a protected actor is drawn under the
pseudonym), for the incidents the dossier covers. Strings become ReportLab
``String`` shapes: drawn as given, never read as markup.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak

from ..i18n import translate
from ..services.redaction import Redactor
from ..services.views import figure as fig
from ..services.views.linkchart import Layout, chart_figure
from ..services.views.linkgraph import neighbourhood
from ..services.views.timeline import timeline_from
from .styles import BOLD, SANS, register_fonts
from .template import MARGIN, Heading

MAX_NODES = 250  # a page holds no more, readably


@dataclass(frozen=True)
class DossierFigure:
    figure: fig.Figure
    caption: str


def dossier_figures(case, redactor: Redactor, incident_ids: set[int], *, width: float = A4[0] - 2 * MARGIN,
                    lang: str = "en") -> list[DossierFigure]:
    """The timeline, the link chart and the map of the dossier's incidents,
    redacted by ``redactor``'s rules (the dossier's own: ``Redactor.fresh``)."""
    out: list[DossierFigure] = []
    with case.session() as session:
        timeline = timeline_from(session, redactor, lanes="type", incidents=incident_ids, lang=lang)
        hood = neighbourhood(session, redactor, incident_ids, lang=lang)
    if timeline.events:
        start, end = timeline.extent()
        figure = timeline.figure(start, end, width, detail_limit=400,
                                 title=translate("Figures", "Timeline of the incidents"))
        caption = translate("Figures", "Incidents by type on a time axis. A point is an exact day; a span is a "
                                       "month or a year the incident falls in, faded when the date is approximate; "
                                       "arrows are incidents that cause or precede others.")
        if timeline.omitted:
            caption += " " + translate("Figures", "{count} incidents without a usable date are not shown.").format(
                count=timeline.omitted)
        out.append(DossierFigure(figure, caption))
    keys = hood.keys  # the incidents, their neighbours and each claim's chain of attribution
    if keys:
        shown = sorted(keys, key=lambda k: (-hood.degree[k], k))[:MAX_NODES]
        figure = chart_figure(hood.graph, Layout().place(hood.graph, shown), width=width,
                              title=translate("Figures", "Link chart"), text_px=1.0)  # ReportLab: points
        caption = translate("Figures", "Incidents (rectangles), actors (circles), claims (diamonds) and sources "
                                       "(tall rectangles), linked by involvement with its role, by what a claim "
                                       "is about and who makes it, by each claim's chain of attribution, and by "
                                       "sources and claims that support, contradict or repeat a claim.")
        if len(keys) > MAX_NODES:
            caption += " " + translate("Figures", "The {shown} most linked of {total} records are shown.").format(
                shown=MAX_NODES, total=len(keys))
        out.append(DossierFigure(figure, f"{caption} {figure.caption}".strip()))
    from ..services.views.map import dossier_map  # the map (issue 20): its places, redacted the same way
    from ..services.views.tiles import installed

    drawn = dossier_map(case, redactor, incident_ids, width, tilesets=installed())
    if drawn is not None:
        out.append(DossierFigure(*drawn))
    return out


# -- drawing ------------------------------------------------------------------------


def _color(value: str | None, opacity: float) -> colors.Color | None:
    if value is None:
        return None
    color = colors.HexColor(value)
    return colors.Color(color.red, color.green, color.blue, alpha=opacity)


def drawing(figure: fig.Figure, max_width: float, max_height: float) -> Drawing:
    """The figure as a vector drawing scaled to fit (ReportLab's y grows up)."""
    register_fonts()
    scale = min(max_width / figure.width, max_height / figure.height, 1.0)
    d = Drawing(figure.width * scale, figure.height * scale)
    top = Group()
    # Flip: the figure's y grows down.
    top.transform = (scale, 0, 0, -scale, 0, figure.height * scale)
    for item in figure.items:
        _add(top, item)
    d.add(top)
    return d


def _styled(shape, role: fig.Role, *, fill: bool = True):
    look = fig.style(role)
    shape.strokeColor = _color(look.stroke, look.opacity)
    shape.strokeWidth = look.width * 0.8
    shape.strokeDashArray = list(look.dash) if look.dash else None
    if hasattr(shape, "fillColor"):  # lines have none
        shape.fillColor = _color(look.fill, look.opacity) if fill else None
    return shape


def _add(group: Group, item: fig.Item) -> None:
    if isinstance(item, fig.Group):
        for child in item.items:
            _add(group, child)
    elif isinstance(item, fig.Rect):
        group.add(_styled(Rect(item.x, item.y, item.w, item.h, rx=item.rounded, ry=item.rounded), item.role))
    elif isinstance(item, fig.Circle):
        group.add(_styled(Circle(item.x, item.y, item.r), item.role))
    elif isinstance(item, fig.Line):
        group.add(_styled(Line(item.x1, item.y1, item.x2, item.y2), item.role, fill=False))
        if item.arrow:
            group.add(_arrow_head(item))
    elif isinstance(item, fig.Path):
        points = [c for point in item.points for c in point]
        shape = Polygon(points) if item.closed else PolyLine(points)
        group.add(_styled(shape, item.role, fill=item.closed))
    elif isinstance(item, fig.Text):
        group.add(_text(item))
    elif isinstance(item, fig.Image):
        group.add(_image(item))


def _image(item: fig.Image) -> Group:
    """A raster (a map tile, already re-encoded without metadata), upright:
    un-flipped at its box like text."""
    from io import BytesIO

    from PIL import Image as PILImage
    from reportlab.graphics.shapes import Image as RLImage

    with PILImage.open(BytesIO(item.data)) as picture:
        upright = picture.convert("RGB")
    holder = Group(RLImage(0, 0, item.w, item.h, upright))
    holder.transform = (1, 0, 0, -1, item.x, item.y + item.h)
    return holder


def _arrow_head(line: fig.Line) -> Polygon:
    angle = math.atan2(line.y2 - line.y1, line.x2 - line.x1)
    size = 5.0
    points = [line.x2, line.y2,
              line.x2 - size * math.cos(angle - 0.4), line.y2 - size * math.sin(angle - 0.4),
              line.x2 - size * math.cos(angle + 0.4), line.y2 - size * math.sin(angle + 0.4)]
    look = fig.style(line.role)
    head = Polygon(points)
    head.fillColor = _color(look.stroke, look.opacity)
    head.strokeColor = None
    return head


def _text(item: fig.Text) -> Group:
    look = fig.style(item.role)
    font = BOLD if look.bold else SANS
    text = " ".join(item.text.split())  # one line: breaks become spaces
    if item.max_width is not None and stringWidth(text, font, item.size) > item.max_width:
        while text and stringWidth(text + "\u2026", font, item.size) > item.max_width:
            text = text[:-1]
        text += "\u2026"
    anchor = {"middle": "middle", "end": "end"}.get(item.anchor, "start")
    # Text is drawn upright: a group that un-flips the page's flip at the baseline.
    holder = Group(String(0, 0, text, fontName=font, fontSize=item.size, textAnchor=anchor,
                          fillColor=_color(look.fill, look.opacity) or colors.black))
    holder.transform = (1, 0, 0, -1, item.x, item.y)
    return holder


def flowables(story, figures: list[DossierFigure]) -> list:
    """The Figures section of a dossier story: each figure on its own page,
    its title as a heading (in the contents and outline), a caption below."""
    width, height = A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN - 70 * mm
    out = story.section(translate("Figures", "Figures"), "figures")
    for n, item in enumerate(figures):
        if n:
            out.append(PageBreak())
        out.append(Heading(item.figure.title, story.st["H2"], level=1, key=f"figure-{n + 1}"))
        out.append(drawing(item.figure, width, height))
        out.append(story.p(translate("Figures", "Figure {number}. {caption}").format(number=n + 1,
                                                                                    caption=item.caption), "Muted"))
    return out
