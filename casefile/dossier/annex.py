"""The second half of the dossier: claims register, actors, places, sources,
evidence annex, methodology, manifest and the withheld page. A mixin of
``DossierStory`` (its helpers ``p``, ``table``, ``facts``... live there)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from .findings_layout import FindingsSections
from .template import MARGIN, Heading, Text
from .text import plain

WIDTH = A4[0] - 2 * MARGIN
PREVIEW = 45 * mm
DASH = "\u2014"
WITHHELD_ORDER = ("incident", "source", "claim", "evidence", "place", "actor", "contact", "pseudonym", "detail",
                  "consent", "notes", "replaced", "faces_omitted", "faces_blurred")


def grouped(digest: str, size: int = 8) -> str:
    """A hash in blocks of eight characters, so it can be read aloud and compared."""
    return " ".join(digest[n:n + size] for n in range(0, len(digest), size))


class AnnexSections(FindingsSections):
    def claims_register(self) -> list:
        L = self.L
        story = self.section(L.claims_register, "claims")
        if not self.d.claims:
            return story + [self.p(L.none, "Muted")]
        story.append(self.p(L.register_intro, "Muted"))
        for c in self.d.claims.values():
            block = self.claim_head(c)
            block += self.fields([(L.source, c.source or DASH), (L.claimant, c.claimant or L.unknown_claimant),
                                  (L.credibility, c.credibility), (L.status, c.status)])
            if c.credibility_reason:
                block += self.field(L.why_grade, c.credibility_reason, "Small")
            if c.caveats:
                block += self.field(L.caveats, c.caveats, "Small")
            chain = " \u2192 ".join(plain(link) for link in c.chain)
            block += self.paragraphs(chain + (" " + L.chain_review if c.chain_review else ""), "Small",
                                     label=L.chain, visual=True)
            if c.subjects:
                block += self.field(L.about, "; ".join(c.subjects), "Small")
            for relation, who in c.assessments.items():
                block += self.field(relation, "; ".join(who), "Small")
            if not c.assessments:
                block += self.field(L.assessments, DASH, "Small")
            if c.notes:
                block += self.field(L.notes, c.notes, "Small")
            story += block
        return story

    def actors(self) -> list:
        L = self.L
        story = self.section(L.actors, "actors")
        if not self.d.actors:
            return story + [self.p(L.none, "Muted")]
        rows: list[list] = [[L.code, L.name, L.category, L.incidents]]
        for a in self.d.actors:
            details = [self.cell(a.name, ref=f"{a.code} {L.name}")]
            for label, value in ((L.aliases, a.aliases), (L.contact, a.contact), (L.relations, "; ".join(a.relations))):
                if value:
                    details.append(self.cell_field(label, value, "Small", ref=f"{a.code} {label}"))
            if a.description:
                details.append(self.cell(a.description, "Small", ref=f"{a.code} {L.description}"))
            if a.caveats:
                details.append(self.cell_field(L.caveats, a.caveats, "Small", ref=f"{a.code} {L.caveats}"))
            if a.protected_note:
                details.append(self.cell(a.protected_note, "Muted", ref=a.code))
            kind = a.category + (f"\n{a.type}" if a.type else "")
            rows.append([a.code, details, kind, ", ".join(a.incidents)])
        return story + self.table(rows, [19 * mm, WIDTH - 89 * mm, 30 * mm, 40 * mm])

    def places(self) -> list:
        L = self.L
        story = self.section(L.places, "places")
        if not self.d.places:
            return story + [self.p(L.none, "Muted")]
        rows: list[list] = [[L.code, L.name, L.location, L.coordinates, L.precision_head]]
        for p in self.d.places:
            name = [self.cell(p.name, ref=f"{p.code} {L.name}")]
            if p.description:
                name.append(self.cell(p.description, "Small", ref=f"{p.code} {L.description}"))
            if p.caveats:
                name.append(self.cell_field(L.caveats, p.caveats, "Small", ref=f"{p.code} {L.caveats}"))
            rows.append([p.code, name, p.location, p.coordinates, p.precision])
        return story + self.table(rows, [20 * mm, WIDTH - 124 * mm, 44 * mm, 34 * mm, 26 * mm])

    def sources(self) -> list:
        L = self.L
        story = self.section(L.sources, "sources")
        if not self.d.sources:
            return story + [self.p(L.none, "Muted")]
        rows: list[list] = [[L.code, L.title, L.kind, L.reliability]]
        for s in self.d.sources:
            details = [self.cell(s.title, ref=f"{s.code} {L.title}")]
            for label, value in ((L.outlet, s.outlet), (L.author, s.author), (L.published, s.published),
                                 (L.accessed, s.accessed), (L.address, s.url), (L.language, s.language),
                                 (L.cites, "; ".join(s.cites)), (L.cited_by, "; ".join(s.cited_by)), (L.contact, s.contact),
                                 (L.caveats, s.caveats), (L.notes, s.notes)):
                if value:
                    details.append(self.cell_field(label, value, "Small", ref=f"{s.code or s.title} {label}"))
            if s.confidential_note:
                details.append(self.cell(s.confidential_note, "Muted", ref=s.code))
            # The grade with the reason for it, side by side.
            grade = [self.cell(s.reliability, ref=s.code or s.title),
                     self.cell_field(L.why_grade, s.reliability_reason, "Small",
                                     ref=f"{s.code or s.title} {L.why_grade}")]
            rows.append([s.code or DASH, details, s.kind, grade])
        return story + self.table(rows, [19 * mm, WIDTH - 87 * mm, 30 * mm, 38 * mm])

    def evidence_annex(self) -> list:
        L = self.L
        story = self.section(L.evidence_annex, "evidence")
        if not self.d.evidence:
            return story + [self.p(L.none, "Muted")]
        for n, e in enumerate(self.d.evidence.values()):
            if n:
                story.append(CondPageBreak(70 * mm))
            # The heading may be shortened: the title and file name are in full among the facts.
            label = e.title or ("" if e.name.startswith(e.code) else e.name)
            story.append(Heading(f"{e.code} {label}".strip(), self.st["H2"], level=1, key=f"evi-{e.id}",
                                 toc=False))
            picture = self.picture(e.id, PREVIEW) or self.cell(L.no_preview, "Muted")
            if sum(len(value) for _, value in e.facts) < 700:  # short facts sit beside the preview
                facts = self.facts_grid(e.facts, WIDTH - PREVIEW - 6 * mm, 36 * mm, e.code)
                top = Table([[picture, facts]], colWidths=[PREVIEW + 6 * mm, WIDTH - PREVIEW - 6 * mm],
                            hAlign="LEFT")
                top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                         ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
                story += [top, *self.notes()]
            else:  # long ones flow below it, across pages if need be
                story += [picture, Spacer(1, 2 * mm), *self.facts(e.facts, WIDTH, 36 * mm, e.code)]
            story += [Spacer(1, 2 * mm),
                      Text(f"<b>{escape(L.sha256)}:</b> <font name=\"DossierMono\" size=\"8\">"
                           f"{escape(grouped(e.sha256))}</font>", self.st["Small"])]
            if e.custody:  # handling of the file
                rows = [[L.time_utc, L.handler, L.action, L.hash_seen]]
                rows += [[at, who, action, self.cell(grouped(digest), "Mono", cut=False)]
                         for at, who, action, digest in e.custody]
                tables = self.table(rows, [26 * mm, 32 * mm, 30 * mm, WIDTH - 88 * mm])
                story.append(KeepTogether([Text(escape(L.custody), self.st["H3"]),
                                           self.p(L.custody_intro, "Muted"), tables[0]]))
                story += tables[1:]
            if e.links or e.analysis:  # what the documenter made of it, apart from its handling
                story += [Text(escape(L.analysis), self.st["H3"]), self.p(L.analysis_intro, "Muted")]
                if e.links:
                    story += self.field(L.linked_to, "; ".join(e.links), "Small")
                if e.analysis:
                    rows = [[L.time_utc, L.handler, L.linked_events]]
                    rows += [list(event) for event in e.analysis]
                    story += self.table(rows, [32 * mm, 32 * mm, WIDTH - 64 * mm])
        return story

    def methodology(self) -> list:
        L, d = self.L, self.d
        story = self.section(L.methodology, "methodology")
        story += [self.p(L.method_intro), self.p(L.method_assess), self.p(L.method_evidence)]
        story += [Text(escape(L.standard_head), self.st["H2"]), self.p(L.standard), self.p(L.rights_note, "Muted")]
        titles = {"violation_status": L.violation_scale, "reliability": L.reliability_scale,
                  "credibility": L.credibility_scale, "claim_status": L.status_scale, "role": L.role_scale,
                  "degree": L.degree_scale, "stance": L.stance_scale}
        if d.definitions:
            story.append(Text(escape(L.definitions), self.st["H2"]))
        for vocabulary, terms in d.definitions.items():
            # The term in the dossier's language (never a stored code) and what it means.
            rows: list[list] = [[L.term, L.meaning]]
            rows += [[t.term, t.meaning or DASH] for t in terms]
            tables = self.table(rows, [45 * mm, WIDTH - 45 * mm])
            story += [KeepTogether([Text(escape(titles.get(vocabulary, vocabulary)), self.st["H3"]), tables[0]]),
                      *tables[1:]]
        story += [Text(escape(L.limitations), self.st["H2"]), *self.bullets(d.findings.limitations)]
        story += [Text(escape(L.protection), self.st["H2"])]
        for line in d.findings.protection:
            story += self.paragraphs(line)
        if d.provenance:
            rows = [[L.code, L.received_from, L.signing_key, L.received_on]]
            rows += [[row.code, row.sender, self.cell(row.fingerprint, "MonoSmall", cut=False),
                      row.received] for row in d.provenance]
            tables = self.table(rows, [24 * mm, WIDTH - 118 * mm, 62 * mm, 32 * mm])
            story += [KeepTogether([Text(escape(L.provenance), self.st["H2"]), self.p(L.provenance_intro),
                                    tables[0]]), *tables[1:]]
        if d.sources:
            rows = [[L.source, L.reliability, L.reason]]
            rows += [[f"{s.code} {s.title}".strip(), s.reliability, s.reliability_reason] for s in d.sources]
            tables = self.table(rows, [60 * mm, 40 * mm, WIDTH - 100 * mm])
            story += [KeepTogether([Text(escape(L.grades_head), self.st["H2"]), tables[0]]), *tables[1:]]
        return story

    def manifest(self) -> list:
        L = self.L
        story = self.section(L.manifest, "manifest")
        story += [self.p(L.manifest_intro), *self.field(L.audit_head, ""), self.p(grouped(self.d.audit_head), "Mono"),
                  Spacer(1, 4 * mm)]
        if not self.d.evidence:
            return story + [self.p(L.none, "Muted")]
        rows = [[L.code, L.file, L.sha256, L.size]]
        rows += [[e.code, e.name, self.cell(grouped(e.sha256), "MonoSmall", cut=False), self._size(e.size)]
                 for e in self.d.evidence.values()]
        # File names are in full in the evidence annex.
        return story + self.table(rows, [20 * mm, WIDTH - 132 * mm, 92 * mm, 20 * mm], whole=(1,))

    def withheld(self) -> list:
        L = self.L
        story = self.section(L.withheld, "withheld")
        story.append(self.p(L.withheld_intro))
        counts = self.d.withheld
        rows = [[L.records, L.number]]
        rows += [[getattr(L, f"withheld_{kind}"), str(counts[kind])] for kind in WITHHELD_ORDER if counts.get(kind)]
        if len(rows) == 1:
            return story + [self.p(L.withheld_nothing, "Muted")]
        return story + self.table(rows, [100 * mm, 25 * mm])

    @staticmethod
    def _size(size: int) -> str:
        from ..formatting import human_size
        return human_size(size)
