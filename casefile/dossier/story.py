"""The dossier's story, one template method per section (pretix style):
cover, contents, summary, chronology and the incidents here; the registers
and annexes in ``annex.py``.

Everything that comes from the case arrives already redacted (``data.py``)
and is escaped here by ``markup()`` at the moment it becomes Paragraph text;
fixed labels are escaped too, since translations are data as well.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

from .annex import AnnexSections
from .data import DossierData
from .labels import Labels
from .styles import RULE, SHADE, stylesheet
from .template import MARGIN, Heading, Picture
from .text import markup

WIDTH = A4[0] - 2 * MARGIN


def shorten(text: str, limit: int = 90) -> str:
    """Captions stay captions: the full text is in the annex."""
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"
THUMB = 38 * mm


class DossierStory(AnnexSections):
    def __init__(self, data: DossierData, labels: Labels, readers: dict):
        self.d = data
        self.L = labels
        self.st = stylesheet()
        self.readers = readers  # evidence id -> shared ImageReader

    def build(self) -> list:
        story: list = []
        for section in self.sections():
            story.extend(section())
        return story

    def sections(self) -> list:
        sections = [self.cover, self.contents, self.summary, self.chronology, self.incidents,
                    self.claims_register, self.actors, self.places, self.sources, self.evidence_annex,
                    self.methodology, self.manifest]
        if self.d.profile != "full":
            sections.append(self.withheld)
        return sections

    # -- helpers ------------------------------------------------------------------

    def p(self, text: str, style: str = "Body") -> Paragraph:
        return Paragraph(markup(text), self.st[style])

    def paragraphs(self, text: str, style: str = "Body") -> list:
        """Free text split at blank lines, each part one Paragraph (so long
        descriptions flow across pages)."""
        parts = [part for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]
        return [self.p(part, style) for part in parts]

    def field(self, label: str, value: str, style: str = "Body") -> Paragraph:
        return Paragraph(f"<b>{escape(label)}:</b> {markup(value)}", self.st[style])

    def cell(self, text: str, style: str = "Cell") -> Paragraph:
        return Paragraph(markup(text), self.st[style])

    def table(self, rows: list[list], widths: list[float], *, header: bool = True, style: str = "Cell") -> Table:
        """A table of plain strings (escaped here) or ready flowables."""
        head_style = "CellHead" if header else style
        data = [[cell if not isinstance(cell, str) else self.cell(cell, head_style if header and r == 0 else style)
                 for cell in row] for r, row in enumerate(rows)]
        table = Table(data, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1, hAlign="LEFT")
        commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
        if header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
        table.setStyle(TableStyle(commands))
        return table

    def facts(self, pairs: list[tuple[str, str]], width: float = WIDTH, label_width: float = 38 * mm) -> Table:
        rows = [[self.cell(label, "CellHead"), self.cell(value)] for label, value in pairs if value]
        return self.table(rows or [["", ""]], [label_width, width - label_width], header=False)

    def section(self, title: str, key: str) -> list:
        return [PageBreak(), Heading(title, self.st["H1"], level=0, key=key)]

    def picture(self, evidence_id: int, side: float):
        reader = self.readers.get(evidence_id)
        if reader is None:
            return None
        w, h = reader.getSize()
        scale = side / max(w, h)
        return Picture(reader, w * scale, h * scale)

    # -- sections -------------------------------------------------------------------

    def cover(self) -> list:
        d, L = self.d, self.L
        marking = L.marking(d.profile)
        pairs = [(L.organisation, d.organisation), (L.date_head, L.today(d.made_on)),
                 (L.profile, getattr(L, f"profile_{d.profile}")), (L.scope, d.scope)]
        story = [Spacer(1, 30 * mm), self.p(L.dossier, "CoverSub"), self.p(d.title, "CoverTitle"),
                 self.p(marking, "Marking"), self.facts(pairs), Spacer(1, 6 * mm),
                 self.p(getattr(L, f"note_{d.profile}"), "Muted"), Spacer(1, 10 * mm),
                 self.field(L.audit_head, ""), self.p(d.audit_head, "Mono"), self.p(L.audit_head_note, "Muted"),
                 Spacer(1, 20 * mm), self.p(L.made_with, "Muted"), NextPageTemplate("body")]
        return story

    def contents(self) -> list:
        toc = TableOfContents(levelStyles=[self.st["TOC0"], self.st["TOC1"]], dotsMinLevel=0)
        return [PageBreak(), Heading(self.L.contents, self.st["H1"], level=0, key="contents", toc=False), toc]

    def summary(self) -> list:
        d, L = self.d, self.L
        story = self.section(L.summary, "summary")
        if d.description:
            story += [Heading(L.about_case, self.st["H2"], level=1, key="about", toc=False)]
            story += self.paragraphs(d.description)
        story += [self.field(L.scope, d.scope)]
        if d.period:
            story += [self.field(L.period, d.period)]
        counts = [[L.records, L.number], [L.incidents, str(len(d.incidents))], [L.actors, str(len(d.actors))],
                  [L.places, str(len(d.places))], [L.sources, str(len(d.sources))],
                  [L.claims, str(len(d.claims))], [L.evidence_items, str(len(d.evidence))]]
        story += [Paragraph(escape(L.in_dossier), self.st["H2"]), self.table(counts, [70 * mm, 25 * mm])]
        if d.type_counts:
            story += [Paragraph(escape(L.by_type), self.st["H2"]),
                      self.table([[L.type, L.number]] + [[k, str(n)] for k, n in d.type_counts],
                                 [70 * mm, 25 * mm])]
        if d.status_counts:
            story += [Paragraph(escape(L.by_status), self.st["H2"]),
                      self.table([[L.violation_status, L.number]] + [[k, str(n)] for k, n in d.status_counts],
                                 [70 * mm, 25 * mm])]
        return story

    def chronology(self) -> list:
        L = self.L
        story = self.section(L.chronology, "chronology")
        if not self.d.incidents:
            return story + [self.p(L.none, "Muted")]
        rows = [[L.date_head, L.code, L.incident, L.place, L.type]]
        rows += [[i.when, i.code, i.title, i.place, i.type] for i in self.d.incidents]
        return story + [self.table(rows, [34 * mm, 20 * mm, 62 * mm, 30 * mm, WIDTH - 146 * mm])]

    def incidents(self) -> list:
        story = self.section(self.L.incidents, "incidents")
        if not self.d.incidents:
            return story + [self.p(self.L.none, "Muted")]
        for n, incident in enumerate(self.d.incidents):
            story += self.incident(incident, first=n == 0)
        return story

    def incident(self, i, *, first: bool) -> list:
        L, st = self.L, self.st
        story = [] if first else [CondPageBreak(60 * mm)]
        story += [Heading(f"{i.code} {i.title}", st["H2"], level=1, key=f"inc-{i.id}")]
        pairs = [(L.when, i.when), (L.where, i.where), (L.type, i.type), (L.violation_status, i.violation),
                 (L.fatalities, i.fatalities), (L.tags, ", ".join(i.tags)), (L.related, "\n".join(i.links))]
        story += [self.facts(pairs), Spacer(1, 3 * mm)]
        story += self.paragraphs(i.description)
        if i.notes:
            story += [self.field(L.notes, i.notes, "Muted")]
        if i.actors:
            rows = [[L.actor, L.role, L.degree, L.head_count]]
            rows += [[a.actor + (f"\n{a.note}" if a.note else ""), a.role, a.degree, a.head_count] for a in i.actors]
            story += [Paragraph(escape(L.who), st["H3"]),
                      self.table(rows, [WIDTH - 95 * mm, 35 * mm, 30 * mm, 30 * mm])]
        claims = [self.d.claims[c] for c in i.claims if c in self.d.claims]
        if claims:
            story += [Paragraph(escape(L.claims), st["H3"])]
            for claim in claims:
                story += self.claim_block(claim)
        if i.evidence:
            story += [Paragraph(escape(L.evidence), st["H3"]), self.thumbnails(i.evidence)]
        return story

    def claim_block(self, c) -> list:
        L = self.L
        story = [Paragraph(f"{escape(c.code)} \u2014 {markup(c.summary)}", self.st["ClaimHead"])]
        if c.quote:
            story.append(self.p(f"\u201c{c.quote}\u201d", "Quote"))
            if c.quote_kind:  # whose words these are: "Plácido says" over a paraphrase is not his words
                story.append(self.p(L.quote_is.format(kind=c.quote_kind), "Muted"))
        grades = [f"<b>{escape(L.credibility)}:</b> {markup(c.credibility)}",
                  f"<b>{escape(L.status)}:</b> {markup(c.status)}"]
        if c.stance:
            grades.append(f"<b>{escape(L.stance)}:</b> {markup(c.stance)}")
        if c.claimed_on:
            grades.append(f"<b>{escape(L.claimed_on)}:</b> {markup(c.claimed_on)}")
        story.append(Paragraph(" \u00b7 ".join(grades), self.st["Small"]))
        chain = " \u2192 ".join(markup(link) for link in c.chain)
        if c.chain_review:
            chain += " " + escape(L.chain_review)
        story.append(Paragraph(f"<b>{escape(L.chain)}:</b> {chain}", self.st["Small"]))
        return story

    def thumbnails(self, items: list[tuple[int, str]]) -> Table:
        """Evidence of an incident as a grid of previews with code and relation."""
        per_row = 4
        cells = []
        for evidence_id, relation in items:
            view = self.d.evidence.get(evidence_id)
            if view is None:
                continue
            picture = self.picture(evidence_id, THUMB)
            caption = self.cell(shorten(f"{view.code} \u00b7 {relation}\n{view.name}"), "Small")
            cells.append([picture or self.cell(self.L.no_preview, "Muted"), caption])
        if not cells:
            return Spacer(1, 1)
        rows = [cells[n:n + per_row] for n in range(0, len(cells), per_row)]
        rows = [row + [""] * (per_row - len(row)) for row in rows]
        table = Table(rows, colWidths=[WIDTH / per_row] * per_row, hAlign="LEFT", splitInRow=1)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
        return table
