"""The findings a special rapporteur reads first: each incident as an
allegation (who, what, when, where, how it stands, on how many independent
origins), what is not known, the limitations of the whole, and what protects
the people in it.

Built by ``data.py`` from the records already in scope and already filtered
by the profile; every name goes through the redactor. Independent origins
are counted by ``services.corroboration``. No ReportLab here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from ..model import Actor, Assessment, Claim, Incident, Involvement, Source
from ..services.corroboration import ClaimTrace, Support, first_source, independent_support
from ..services.redaction import Redactor
from .labels import Labels
from .methodology import right_concerned
from .views import AllegationView, Findings, IncidentView

#: roles on the side of those affected, and roles that are neither side
AFFECTED = {"victim", "detained", "target"}
BYSTANDERS = {"witness", "spokesperson"}
#: kinds of source that are first-hand: what field verification leaves behind
FIELD_KINDS = {"interview", "testimony", "photo_video"}
ASSESSED = {"confirmed", "likely", "possible"}
Vocab = Callable[[str, object], str]


def codes(items: Iterable[str]) -> str:
    return ", ".join(sorted(set(items)))


def traces(claims: Sequence[Claim], relays: dict[int, list[int]]) -> list[ClaimTrace]:
    return [ClaimTrace(id=c.id, claimant_id=c.claimant_id, origin_id=c.origin_id, origin_status=c.origin_status or "",
                       source_id=c.source_id, relays=tuple(relays.get(c.id, ()))) for c in claims]


class FindingsBuilder:
    def __init__(self, labels: Labels, vocab: Vocab, redactor: Redactor):
        self.L, self.v, self.r = labels, vocab, redactor

    def build(self, incidents: Sequence[Incident], views: dict[int, IncidentView],
              involvements: Sequence[Involvement], actors: dict[int, Actor], claims: Sequence[Claim],
              subjects: Iterable[tuple[int, int]], assessments: Sequence[Assessment],
              relays: dict[int, list[int]], sources: dict[int, Source], evidence: dict[int, str],
              collected: bool) -> Findings:
        """``subjects``: (claim id, incident id); ``evidence``: shown evidence id -> code;
        ``collected``: some shown evidence item records who collected it."""
        L = self.L
        shown = {c.id: c for c in claims}
        about: dict[int, set[int]] = defaultdict(set)
        for claim_id, incident_id in subjects:
            if claim_id in shown:
                about[incident_id].add(claim_id)
        chain = traces(claims, relays)
        supports = [Support(a.claim_id, a.by_source_id, a.by_claim_id) for a in assessments
                    if a.relation == "supports" and (a.by_claim_id is None or a.by_claim_id in shown)]
        by_incident: dict[int, list[Involvement]] = defaultdict(list)
        for inv in involvements:
            by_incident[inv.incident_id].append(inv)
        findings = Findings()
        gaps: dict[str, list[str]] = defaultdict(list)
        for inc in incidents:
            view = views.get(inc.id)
            if view is None:
                continue
            mine = sorted(about[inc.id], key=lambda c: shown[c].code)
            count = independent_support(mine, chain, supports)
            findings.allegations[inc.id] = AllegationView(
                incident_id=inc.id, code=inc.code, title=view.title, who=self._who(by_incident[inc.id], actors),
                when=view.when, where=view.where,
                status=self._status(inc, view, [shown[c].code for c in mine],
                                    [evidence[e] for e, _ in view.evidence if e in evidence]),
                origins=L.origins_n.format(n=count, claims=len(mine)) if mine else L.origins_none,
                credibility="\n".join(f"{shown[c].code}: {shown[c].credibility}" for c in mine))
            self._incident_gaps(inc, view, by_incident[inc.id], actors, mine, count, gaps)
        for c in sorted(claims, key=lambda c: c.code):
            if c.origin_status == "not_located":
                gaps["gap_not_located"].append(c.code)
            elif not c.origin_status and c.origin_id is None:
                gaps["gap_origin_unknown"].append(c.code)
            if c.status == "unverified":
                gaps["gap_unverified"].append(c.code)
            if not c.stance:
                gaps["gap_stance"].append(c.code)
        order = ("gap_undated", "gap_approximate", "gap_place", "gap_no_claim", "gap_single", "gap_not_located",
                 "gap_origin_unknown", "gap_unidentified", "gap_no_responsible", "gap_unverified", "gap_stance",
                 "gap_no_evidence")
        findings.gaps = [getattr(L, key).format(codes=codes(gaps[key])) for key in order if gaps.get(key)]
        findings.limitations = self._limitations(claims, chain, sources, collected)
        findings.protection = self._protection(actors, sources)
        return findings

    # -- one allegation -------------------------------------------------------------

    def _who(self, involvements: Sequence[Involvement], actors: dict[int, Actor]) -> str:
        L, v = self.L, self.v
        by: list[str] = []
        affected: list[str] = []
        for inv in sorted(involvements, key=lambda i: (i.role, i.id)):
            actor = actors.get(inv.actor_id)
            if actor is None or inv.role in BYSTANDERS:
                continue
            part = ", ".join(x for x in (v("role", inv.role), v("degree", inv.degree) if inv.degree else "") if x)
            text = L.actor_part.format(name=self.r.actor_name(actor), part=part)
            (affected if inv.role in AFFECTED else by).append(text)
        lines = []
        if by:
            lines.append(L.by_actors.format(names="; ".join(by)))
        if affected:
            lines.append(L.affected.format(names="; ".join(affected)))
        return "\n".join(lines) or L.not_recorded

    def _status(self, inc: Incident, view: IncidentView, claim_codes: list[str], evidence_codes: list[str]) -> str:
        L = self.L
        right = right_concerned(L.lang, inc.incident_type)
        basis = [L.basis_claims.format(codes=", ".join(claim_codes))] if claim_codes else []
        if evidence_codes:
            basis.append(L.basis_evidence.format(codes=codes(evidence_codes)))
        return "\n".join([view.violation, L.right.format(right=right) if right else L.right_none,
                          L.basis.format(what="; ".join(basis)) if basis else L.basis_none])

    def _incident_gaps(self, inc: Incident, view: IncidentView, involvements: Sequence[Involvement],
                       actors: dict[int, Actor], mine: list[int], count: int, gaps: dict[str, list[str]]) -> None:
        code = inc.code
        if not inc.start_date or inc.start_qualifier == "unknown":
            gaps["gap_undated"].append(code)
        elif inc.start_qualifier == "approximate" or len(inc.start_date) < 10:
            gaps["gap_approximate"].append(code)
        place = inc.place
        if place is None or place.precision in ("state", "country", "unknown"):
            gaps["gap_place"].append(code)
        if not mine:
            gaps["gap_no_claim"].append(code)
        elif count == 1:
            gaps["gap_single"].append(code)
        responsible = [actors[i.actor_id] for i in involvements
                       if i.actor_id in actors and i.role not in AFFECTED | BYSTANDERS]
        if any(a.category == "unknown" or a.actor_type == "unidentified_armed" for a in responsible):
            gaps["gap_unidentified"].append(code)
        elif not responsible and inc.violation_status in ASSESSED:
            gaps["gap_no_responsible"].append(code)
        if not view.evidence:
            gaps["gap_no_evidence"].append(code)

    # -- the whole ----------------------------------------------------------------------

    def _limitations(self, claims: Sequence[Claim], chain: list[ClaimTrace], sources: dict[int, Source],
                     collected: bool) -> list[str]:
        L, r = self.L, self.r
        out = []
        read: dict[int, int] = defaultdict(int)
        for c in claims:
            if c.source_id is not None:
                read[c.source_id] += 1
        total = len(claims)
        if read:
            top, n = max(read.items(), key=lambda item: (item[1], -item[0]))
            name = self._source_name(sources.get(top))
            if n == total and total > 1:
                out.append(L.lim_single_source.format(n=n, source=name))
            elif n * 2 > total and total > 1:
                out.append(L.lim_main_source.format(n=n, total=total, source=name))
        second = [t for t in chain if first_source(t) not in (None, t.source_id)]
        if second:
            out.append(L.lim_secondary.format(n=len(second), total=total))
        listed = [s for s in sources.values() if r.full or not s.confidential]
        present = {s.id for s in listed} | {c.source_id for c in claims if c.source_id is not None}
        if not collected and not any(sources[i].source_kind in FIELD_KINDS for i in present if i in sources):
            out.append(L.lim_no_field)
        no_url = [s.code for s in listed if not s.url.strip()]
        if no_url:
            out.append(L.lim_no_url.format(codes=codes(no_url)))
        no_access = [s.code for s in listed if not s.accessed]
        if no_access:
            out.append(L.lim_no_access.format(codes=codes(no_access)))
        return out or [L.lim_none]

    def _source_name(self, source: Source | None) -> str:
        if source is None:
            return ""
        if source.confidential and not self.r.full:
            return self.r.source_title(source)
        return f"{source.code} {self.r.source_title(source)}"

    def _protection(self, actors: dict[int, Actor], sources: dict[int, Source]) -> list[str]:
        L = self.L
        out = [L.protect_intro]
        people = sum(1 for a in actors.values() if a.protected)
        confidential = sum(1 for s in sources.values() if s.confidential)
        if people:
            out.append(L.protect_people.format(n=people))
        if confidential:
            out.append(L.protect_sources.format(n=confidential))
        out.append(L.protect_consent)
        return out
