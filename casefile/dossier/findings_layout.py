"""The findings section, laid out right after the cover: the allegations
table and the information gaps (data from ``findings.py``). A mixin of
``DossierStory``, like ``annex.AnnexSections``."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from .mixin import StoryHelpers
from .template import MARGIN, Text

WIDTH = A4[0] - 2 * MARGIN
BULLET = "\u2022"


class FindingsSections(StoryHelpers):
    def findings(self) -> list:
        L, d = self.L, self.d
        story = self.section(L.findings, "findings")
        story.append(self.p(L.findings_intro, "Muted"))
        story.append(Text(escape(L.allegations), self.st["H2"]))
        rows: list[list] = [[L.allegation, L.allegation_who, L.when_where, L.status_basis, L.origins_head,
                             L.credibility]]
        for incident in d.incidents:  # in the chronology's order
            a = d.findings.allegations.get(incident.id)
            if a is not None:
                rows.append([f"{a.code}\n{a.title}", a.who, f"{a.when}\n{a.where}", a.status, a.origins,
                             a.credibility])
        if len(rows) == 1:
            story.append(self.p(L.none, "Muted"))
        else:
            widths = [33 * mm, 31 * mm, 25 * mm, 38 * mm, 19 * mm, WIDTH - 146 * mm]
            story += self.table(rows, widths)
        story.append(Text(escape(L.gaps), self.st["H2"]))
        story += self.bullets(d.findings.gaps or [L.gap_none])
        return story

    def bullets(self, lines: list[str], style: str = "Body") -> list:
        return [flowable for line in lines
                for flowable in self.paragraphs(f"{BULLET} {line}", style)]
