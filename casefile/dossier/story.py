"""The dossier's story, one template method per section (pretix style):
cover, contents, summary, chronology and the incidents here; the registers
and annexes in ``annex.py``.

Everything that comes from the case arrives already redacted (``data.py``)
and is escaped here by ``markup()`` at the moment it becomes Paragraph text;
fixed labels are escaped too, since translations are data as well.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from .annex import AnnexSections
from .data import DossierData
from .figures import DossierFigure, flowables
from .labels import Labels
from .styles import RULE, SHADE, stylesheet
from .template import MARGIN, Heading, Picture, Text
from .text import CELL_CHARS, CELL_LINES, HEAD_CHARS, clip, escaped, grouped, markup, pieces, plain

WIDTH = A4[0] - 2 * MARGIN
ROWS = 100  # rows per Table: splitting a long table re-measures what is left (quadratic in its rows)


def shorten(text: str, limit: int = 90) -> str:
    """Captions stay captions: the full text is in the annex."""
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"
THUMB = 38 * mm


class DossierStory(AnnexSections):
    """Every text goes out in pieces of bounded size (``text.pieces``): long
    text becomes many paragraphs, a long table cell is cut with a numbered
    pointer to its full text printed right after the table, and headings are
    one shortened line whose full text follows them. Nothing is lost, and
    ReportLab's layout stays linear in the dossier's text."""

    def __init__(self, data: DossierData, labels: Labels, readers: dict):
        self.d = data
        self.L = labels
        self.st = stylesheet(labels.lang)  # hyphenation in the dossier's language
        self.readers = readers  # evidence id -> shared ImageReader
        self._pending: list[tuple[int, str, str]] = []  # (number, what, full text) cut from table cells
        self._noted = 0
        self._tight: dict[str, ParagraphStyle] = {}
        self.figures: list[DossierFigure] = []  # timeline and link chart, set by the writer

    def build(self) -> list:
        story: list = []
        for section in self.sections():
            story.extend(section())
        return story

    def sections(self) -> list:
        sections = [self.cover, self.findings, self.contents, self.summary, self.chronology, self.figure_pages,
                    self.incidents,
                    self.claims_register, self.actors, self.places, self.sources, self.evidence_annex,
                    self.methodology, self.manifest]
        if self.d.profile != "full":
            sections.append(self.withheld)
        return sections

    def figure_pages(self) -> list:
        """Figures after the chronology, each on its own page with a caption (figures.py)."""
        return flowables(self, self.figures) if self.figures else []

    # -- helpers ------------------------------------------------------------------

    def p(self, text: str, style: str = "Body") -> Paragraph:
        """One paragraph of short text (labels, codes, hashes); user text goes through paragraphs()."""
        return Text(markup(text), self.st[style])

    def tight(self, style: str) -> ParagraphStyle:
        """``style`` without space after: the pieces of one paragraph read as one."""
        if style not in self._tight:
            self._tight[style] = ParagraphStyle(f"{style}-piece", parent=self.st[style], spaceAfter=0)
        return self._tight[style]

    def paragraphs(self, text: str, style: str = "Body", *, label: str = "", visual: bool = False) -> list:
        """Free text as paragraphs (split at blank lines), each in pieces of
        bounded size; ``label`` (bold) starts the first one."""
        out: list[Flowable] = []
        for block in pieces(text, visual=visual):
            for n, piece in enumerate(block):
                body = escaped(piece)
                if label and not out:
                    body = f"<b>{escape(label)}:</b> {body}"
                out.append(Text(body, self.st[style] if n == len(block) - 1 else self.tight(style)))
        if label and not out:
            out.append(Text(f"<b>{escape(label)}:</b> ", self.st[style]))
        return out

    def field(self, label: str, value: str, style: str = "Body") -> list:
        return self.paragraphs(value, style, label=label)

    def fields(self, pairs: list[tuple[str, str]], style: str = "Small") -> list:
        """Short label: value pairs on one line joined by middle dots; long ones each in full."""
        if all(not clip(value, CELL_CHARS // 2, 2)[1] for _, value in pairs):
            line = " \u00b7 ".join(f"<b>{escape(label)}:</b> {markup(value)}" for label, value in pairs)
            return [Text(line, self.st[style])]
        return [flowable for label, value in pairs for flowable in self.field(label, value, style)]

    def heading_rest(self, shown: str, label: str, text: str) -> list:
        """The full ``text`` below a heading that showed ``shown`` shortened."""
        return self.field(label, text, "Small") if clip(shown, HEAD_CHARS)[1] else []

    def cell(self, text: str, style: str = "Cell", *, ref: str = "", cut: bool = True) -> Paragraph:
        """A table cell's text, at most CELL_CHARS characters on CELL_LINES
        lines. Longer text ends in a pointer "[n]" and is printed in full
        after the table (``ref`` names it there); ``cut=False`` only shortens,
        for text printed in full elsewhere in the dossier."""
        return Text(self._cell_text(text, ref, cut), self.st[style])

    def cell_field(self, label: str, value: str, style: str = "Small", *, ref: str = "") -> Paragraph:
        return Text(f"<b>{escape(label)}:</b> {self._cell_text(value, ref or label, True)}", self.st[style])

    def _cell_text(self, text: str, ref: str, cut: bool) -> str:
        short, was_cut = clip(text, CELL_CHARS, CELL_LINES)
        body = escaped(short)
        if was_cut and cut:
            self._noted += 1
            self._pending.append((self._noted, ref, text))
            body += " " + escape(self.L.continued.format(n=self._noted))
        return body

    def notes(self) -> list:
        """The full text of every cell cut since the last table, numbered."""
        out: list = []
        for n, ref, text in self._pending:
            out += self.paragraphs(text, "Small", label=f"[{n}] {ref}".strip())
        self._pending = []
        return ([Spacer(1, 2 * mm)] + out) if out else []

    def grid(self, rows: list[list], widths: list[float], *, header: bool = True, style: str = "Cell",
             whole: tuple[int, ...] = ()) -> list:
        """Tables of plain strings (escaped here) or ready flowables, ROWS rows
        each. A string cell that is cut is named by its row's first cell and
        its column's heading; columns in ``whole`` are printed in full
        elsewhere and are only shortened."""
        heads = [str(h) for h in rows[0]] if header and rows else []
        data = []
        for r, row in enumerate(rows):
            line = []
            for c, value in enumerate(row):
                if not isinstance(value, str):
                    line.append(value)
                elif header and r == 0:
                    line.append(self.cell(value, "CellHead", cut=False))
                else:
                    ref = " \u00b7 ".join(x for x in (plain(str(row[0])[:80])[:40] if c else "",
                                                      heads[c] if c < len(heads) else "") if x)
                    line.append(self.cell(value, style, ref=ref, cut=c not in whole))
            data.append(line)
        head, body = (data[:1], data[1:]) if header else ([], data)
        tables = []
        for start in range(0, max(len(body), 1), ROWS):
            table = Table(head + body[start:start + ROWS], colWidths=widths, repeatRows=1 if header else 0,
                          splitInRow=1, hAlign="LEFT")
            commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
            if header:
                commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
            table.setStyle(TableStyle(commands))
            tables.append(table)
        return tables

    def table(self, rows: list[list], widths: list[float], *, header: bool = True, style: str = "Cell",
              whole: tuple[int, ...] = ()) -> list:
        """grid(), then the full text of every cell it cut."""
        return self.grid(rows, widths, header=header, style=style, whole=whole) + self.notes()

    def facts_grid(self, pairs: list[tuple[str, str]], width: float = WIDTH, label_width: float = 38 * mm,
                   code: str = "") -> Table:
        """Label / value rows as one table (for nesting); call notes() after it."""
        rows = [[self.cell(label, "CellHead", cut=False), self.cell(value, ref=f"{code} {label}".strip())]
                for label, value in pairs if value]
        return self.grid(rows or [["", ""]], [label_width, width - label_width], header=False)[0]

    def facts(self, pairs: list[tuple[str, str]], width: float = WIDTH, label_width: float = 38 * mm,
              code: str = "") -> list:
        return [self.facts_grid(pairs, width, label_width, code)] + self.notes()

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
        title, _ = clip(d.title, HEAD_CHARS, 3)  # in full in the summary if cut
        story = [Spacer(1, 30 * mm), self.p(L.dossier, "CoverSub"), Text(escaped(title), self.st["CoverTitle"]),
                 self.p(marking, "Marking"), *self.facts(pairs), Spacer(1, 6 * mm),
                 self.p(getattr(L, f"note_{d.profile}"), "Muted"), Spacer(1, 10 * mm),
                 *self.field(L.audit_head, ""), self.p(grouped(d.audit_head), "Mono"), self.p(L.audit_head_note, "Muted")]
        if d.signed_by:
            story += [Spacer(1, 4 * mm), *self.field(L.signed_by, d.signed_by), self.p(L.signed_note, "Muted")]
        story += [Spacer(1, 20 * mm), self.p(L.made_with, "Muted"), NextPageTemplate("body")]
        return story

    def contents(self) -> list:
        toc = TableOfContents(levelStyles=[self.st["TOC0"], self.st["TOC1"]], dotsMinLevel=0)
        return [PageBreak(), Heading(self.L.contents, self.st["H1"], level=0, key="contents", toc=False), toc]

    def summary(self) -> list:
        d, L = self.d, self.L
        story = self.section(L.summary, "summary")
        if clip(d.title, HEAD_CHARS, 3)[1]:
            story += self.field(L.title, d.title)
        if d.description:
            story += [Heading(L.about_case, self.st["H2"], level=1, key="about", toc=False)]
            story += self.paragraphs(d.description)
        story += self.field(L.scope, d.scope)
        if d.period:
            story += self.field(L.period, d.period)
        counts = [[L.records, L.number], [L.incidents, str(len(d.incidents))], [L.actors, str(len(d.actors))],
                  [L.places, str(len(d.places))], [L.sources, str(len(d.sources))],
                  [L.claims, str(len(d.claims))], [L.evidence_items, str(len(d.evidence))]]
        story += [Text(escape(L.in_dossier), self.st["H2"]), *self.table(counts, [70 * mm, 25 * mm])]
        if d.type_counts:
            story += [Text(escape(L.by_type), self.st["H2"]),
                      *self.table([[L.type, L.number]] + [[k, str(n)] for k, n in d.type_counts],
                                  [70 * mm, 25 * mm])]
        if d.status_counts:
            story += [Text(escape(L.by_status), self.st["H2"]),
                      *self.table([[L.violation_status, L.number]] + [[k, str(n)] for k, n in d.status_counts],
                                  [70 * mm, 25 * mm])]
        return story

    def chronology(self) -> list:
        L = self.L
        story = self.section(L.chronology, "chronology")
        if not self.d.incidents:
            return story + [self.p(L.none, "Muted")]
        head = [L.date_head, L.code, L.incident, L.place, L.type]
        widths = [34 * mm, 20 * mm, 62 * mm, 30 * mm, WIDTH - 146 * mm]
        dated = [i for i in self.d.incidents if i.sort_key]  # in order (chronology.py); the undated apart
        undated = [i for i in self.d.incidents if not i.sort_key]
        # Titles, places and types are printed in full with each incident.
        for n, part in enumerate((dated, undated)):
            if part:
                story += [Text(escape(L.undated), self.st["H2"])] if n else []
                story += self.table([head] + [[i.when, i.code, i.title, i.place, i.type] for i in part], widths,
                                    whole=(2, 3, 4))
        return story

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
        heading = f"{i.code} {i.title}"
        story += [Heading(heading, st["H2"], level=1, key=f"inc-{i.id}")] + self.heading_rest(heading, L.title, i.title)
        pairs = [(L.when, i.when), (L.where, i.where), (L.type, i.type), (L.violation_status, i.violation),
                 (L.fatalities, i.fatalities), (L.tags, ", ".join(i.tags)), (L.related, "\n".join(i.links))]
        story += self.facts(pairs, code=i.code) + [Spacer(1, 3 * mm)]
        story += self.paragraphs(i.description)
        if i.caveats:  # for the reader, in every profile (notes are for the team)
            story += self.field(L.caveats, i.caveats)
        if i.notes:
            story += self.field(L.notes, i.notes, "Muted")
        if i.actors:
            rows: list[list[Any]] = [[L.actor, L.role, L.degree, L.head_count]]  # a header, then cells
            for a in i.actors:
                ref = f"{i.code} \u00b7 {one(a.actor)}"
                who = [self.cell(a.actor, ref=ref)] + ([self.cell(a.note, "Small", ref=ref)] if a.note else [])
                rows.append([who, a.role, a.degree, a.head_count])
            story += [Text(escape(L.who), st["H3"]),
                      *self.table(rows, [WIDTH - 95 * mm, 35 * mm, 30 * mm, 30 * mm])]
        claims = [self.d.claims[c] for c in i.claims if c in self.d.claims]
        if claims:
            story += [Text(escape(L.claims), st["H3"])]
            for claim in claims:
                story += self.claim_block(claim)
        if i.evidence:
            story += [Text(escape(L.evidence), st["H3"])] + self.thumbnails(i.evidence)
        return story

    def claim_head(self, c) -> list:
        """The claim's code and summary as a heading; a long summary follows it in full."""
        short, cut = clip(c.summary, HEAD_CHARS, 3)
        head = [Text(f"{escape(c.code)} \u2014 {escaped(short)}", self.st["ClaimHead"])]
        return head + (self.paragraphs(c.summary, "Small") if cut else [])

    def claim_block(self, c) -> list:
        L = self.L
        story = self.claim_head(c)
        if c.quote:
            story += self.paragraphs(f"\u201c{c.quote}\u201d", "Quote")
            if c.quote_kind:  # whose words these are: "Plácido says" over a paraphrase is not his words
                story += self.paragraphs(L.quote_is.format(kind=c.quote_kind), "Muted")
        grades = [(L.credibility, c.credibility), (L.status, c.status)]
        grades += [(label, value) for label, value in ((L.stance, c.stance), (L.claimed_on, c.claimed_on)) if value]
        story += self.fields(grades)
        if c.credibility_reason:
            story += self.field(L.why_grade, c.credibility_reason, "Small")
        if c.caveats:
            story += self.field(L.caveats, c.caveats, "Small")
        # Each link made plain on its own, so right-to-left names keep their order in the chain.
        chain = " \u2192 ".join(plain(link) for link in c.chain)
        if c.chain_review:
            chain += " " + L.chain_review
        story += self.paragraphs(chain, "Small", label=L.chain, visual=True)
        return story

    def thumbnails(self, items: list[tuple[int, str]]) -> list:
        """Evidence of an incident as a grid of previews with code and relation."""
        per_row = 4
        cells = []
        for evidence_id, relation in items:
            view = self.d.evidence.get(evidence_id)
            if view is None:
                continue
            picture = self.picture(evidence_id, THUMB)
            caption = self.cell(shorten(f"{view.code} \u00b7 {relation}\n{view.name}"), "Small", cut=False)
            cells.append([picture or self.cell(self.L.no_preview, "Muted"), caption])
        if not cells:
            return []
        rows: list[list[Any]] = [cells[n:n + per_row] for n in range(0, len(cells), per_row)]
        rows = [row + [""] * (per_row - len(row)) for row in rows]  # the last row padded
        tables = []
        for start in range(0, len(rows), ROWS):
            table = Table(rows[start:start + ROWS], colWidths=[WIDTH / per_row] * per_row, hAlign="LEFT",
                          splitInRow=1)
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
            tables.append(table)
        return tables


def one(text: str, limit: int = 40) -> str:
    """A short, one-line name for a note's label."""
    return clip(text, limit)[0]
