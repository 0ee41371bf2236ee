"""A record's links, grouped by relation, ready to list in its editor.

Some links are rows of their own (an involvement, an assessment); others are a
field of the record at the other end (a claim's source, an incident's place).
Each :class:`LinkItem` says which, so the window can remove either kind the same
way: ``link_kind`` is a link table, or ``field:<kind>:<column>`` with
``link_id`` the id of the record holding that field.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ...i18n import QT_TRANSLATE_NOOP as T
from ...i18n import translate
from ...model import (
    BY_KIND,
    Actor,
    ActorRelation,
    Assessment,
    Claim,
    ClaimRelay,
    ClaimSubject,
    EvidenceLink,
    Incident,
    IncidentLink,
    IncidentTag,
    Involvement,
    Source,
    SourceCitation,
    VocabularyTerm,
)
from ...model.kinds import TITLE_FIELD
from ...store import Case

GROUPS = {
    "actors": T("Links", "Actors involved"), "claims_about": T("Links", "Claims about it"),
    "related": T("Links", "Related incidents"), "evidence": T("Links", "Evidence"), "tags": T("Links", "Tags"),
    "incidents": T("Links", "Incidents"), "relations": T("Links", "Relations"),
    "claims_by": T("Links", "Claims made"), "incidents_here": T("Links", "Incidents here"),
    "cites": T("Links", "Cites"), "cited_by": T("Links", "Cited by"),
    "claims_conveyed": T("Links", "Claims read in it"), "relayed_by": T("Links", "Relayed by (from the origin on)"),
    "claims_relayed": T("Links", "Claims it relays"), "claims_first_said": T("Links", "Claims first said in it"),
    "assesses": T("Links", "Assesses claims"), "about": T("Links", "About"),
    "supports": T("Links", "Supported by"), "contradicts": T("Links", "Contradicted by"),
    "repeats": T("Links", "Repeated by (same origin)"), "linked_to": T("Links", "Linked to"),
}


@dataclass(frozen=True)
class LinkItem:
    group: str  # a GROUPS key
    link_kind: str
    link_id: int | tuple  # a link row's key (a tag's is (incident id, tag)); a field's record id
    target_kind: str | None
    target_id: int | None
    target_code: str
    target_title: str
    detail: str = ""

    @property
    def group_label(self) -> str:
        return translate("Links", GROUPS[self.group])


def links_of(case: Case, kind: str, record_id: int, lang: str = "en") -> list[LinkItem]:
    with case.session() as session:
        labels = _labels(session, lang)
        finder = _FINDERS.get(kind)
        return finder(session, record_id, labels) if finder else []


def _labels(session, lang: str) -> dict[tuple[str, str], str]:
    """Vocabulary labels by (vocabulary, key), and by ("~" + vocabulary, key)
    the relation as its other end reads it ("caused by" for "causes")."""
    labels = {}
    for term in session.scalars(select(VocabularyTerm)):
        labels[(term.vocabulary, term.key)] = term.label(lang)
        labels[("~" + term.vocabulary, term.key)] = term.inverse(lang)
    return labels


def _item(group, link_kind, link_id, target, detail="") -> LinkItem:
    if target is None:
        return LinkItem(group, link_kind, link_id, None, None, "", "", detail)
    title = getattr(target, TITLE_FIELD[target.kind]) or ""
    return LinkItem(group, link_kind, link_id, target.kind, target.id, target.code, title, detail)


def _evidence(session, column, record_id, labels) -> list[LinkItem]:
    rows = session.scalars(select(EvidenceLink).where(column == record_id).order_by(EvidenceLink.id))
    return [_item("evidence", "evidence_link", link.id, link.evidence,
                  labels.get(("evidence_relation", link.relation), link.relation)) for link in rows]


def _head_count(inv: Involvement) -> str:
    if inv.head_count is None:
        return ""
    text = translate("Links", "about {n}") if inv.head_count_approximate else "{n}"
    return text.format(n=inv.head_count)


def _incident(session, record_id, labels) -> list[LinkItem]:
    items = []
    for inv in session.scalars(select(Involvement).where(Involvement.incident_id == record_id)
                               .order_by(Involvement.id)):
        detail = ", ".join(p for p in (labels.get(("role", inv.role), inv.role),
                                       labels.get(("degree", inv.degree), inv.degree), _head_count(inv)) if p)
        items.append(_item("actors", "involvement", inv.id, session.get(Actor, inv.actor_id), detail))
    for sub in session.scalars(select(ClaimSubject).where(ClaimSubject.incident_id == record_id)):
        claim = session.get(Claim, sub.claim_id)
        items.append(_item("claims_about", "claim_subject", sub.id, claim,
                           labels.get(("claim_status", claim.status), claim.status)))
    items += _both_ways(session, IncidentLink, IncidentLink.from_id, IncidentLink.to_id, record_id,
                        ("related", "incident_link", Incident, "incident_relation"), labels)
    items += _evidence(session, EvidenceLink.incident_id, record_id, labels)
    for tag in session.scalars(select(IncidentTag).where(IncidentTag.incident_id == record_id)
                               .order_by(IncidentTag.tag)):
        items.append(LinkItem("tags", "incident_tag", (tag.incident_id, tag.tag), None, None, "", tag.tag))
    return items


def _actor(session, record_id, labels) -> list[LinkItem]:
    items = []
    for inv in session.scalars(select(Involvement).where(Involvement.actor_id == record_id)
                               .order_by(Involvement.id)):
        detail = ", ".join(p for p in (labels.get(("role", inv.role), inv.role), _head_count(inv)) if p)
        items.append(_item("incidents", "involvement", inv.id, session.get(Incident, inv.incident_id), detail))
    items += _both_ways(session, ActorRelation, ActorRelation.actor_id, ActorRelation.other_id, record_id,
                        ("relations", "actor_relation", Actor, "actor_relation"), labels)
    for claim in session.scalars(select(Claim).where(Claim.claimant_id == record_id).order_by(Claim.id)):
        items.append(_item("claims_by", "field:claim:claimant_id", claim.id, claim))
    for sub in session.scalars(select(ClaimSubject).where(ClaimSubject.actor_id == record_id)):
        items.append(_item("claims_about", "claim_subject", sub.id, session.get(Claim, sub.claim_id)))
    items += _evidence(session, EvidenceLink.actor_id, record_id, labels)
    return items


def _place(session, record_id, labels) -> list[LinkItem]:
    return [_item("incidents_here", "field:incident:place_id", inc.id, inc)
            for inc in session.scalars(select(Incident).where(Incident.place_id == record_id).order_by(Incident.id))]


def _source(session, record_id, labels) -> list[LinkItem]:
    items = [_item("cites", "source_citation", c.id, c.cited, c.note)
             for c in session.scalars(select(SourceCitation).where(SourceCitation.source_id == record_id)
                                      .order_by(SourceCitation.position, SourceCitation.id))]
    items += [_item("cited_by", "source_citation", c.id, c.source, c.note)
              for c in session.scalars(select(SourceCitation).where(SourceCitation.cited_id == record_id)
                                       .order_by(SourceCitation.id))]
    items += [_item("claims_conveyed", "field:claim:source_id", claim.id, claim)
              for claim in session.scalars(select(Claim).where(Claim.source_id == record_id).order_by(Claim.id))]
    items += [_item("claims_first_said", "field:claim:origin_id", claim.id, claim)
              for claim in session.scalars(select(Claim).where(Claim.origin_id == record_id).order_by(Claim.id))]
    items += [_item("claims_relayed", "claim_relay", r.id, r.claim, r.note)
              for r in session.scalars(select(ClaimRelay).where(ClaimRelay.source_id == record_id)
                                       .order_by(ClaimRelay.id))]
    items += _assessments_made(session, Assessment.by_source_id, record_id, labels)
    items += _evidence(session, EvidenceLink.source_id, record_id, labels)
    return items


def _claim(session, record_id, labels) -> list[LinkItem]:
    items = [_item("relayed_by", "claim_relay", r.id, r.source, r.note)
             for r in session.scalars(select(ClaimRelay).where(ClaimRelay.claim_id == record_id)
                                      .order_by(ClaimRelay.position, ClaimRelay.id))]
    for sub in session.scalars(select(ClaimSubject).where(ClaimSubject.claim_id == record_id)
                               .order_by(ClaimSubject.id)):
        target = session.get(Incident, sub.incident_id) if sub.incident_id else session.get(Actor, sub.actor_id)
        items.append(_item("about", "claim_subject", sub.id, target))
    for a in session.scalars(select(Assessment).where(Assessment.claim_id == record_id).order_by(Assessment.id)):
        by = session.get(Source, a.by_source_id) if a.by_source_id else session.get(Claim, a.by_claim_id)
        items.append(_item(a.relation, "assessment", a.id, by, a.note))
    items += _assessments_made(session, Assessment.by_claim_id, record_id, labels)
    items += _evidence(session, EvidenceLink.claim_id, record_id, labels)
    return items


def _both_ways(session, model, from_column, to_column, record_id, what, labels) -> list[LinkItem]:
    """A relation between two records of one kind, seen from either end:
    outgoing first, then incoming, which reads as its inverse ("caused by")."""
    group, kind, target_class, vocabulary = what
    items = []
    for mine, other, vocab in ((from_column, to_column, vocabulary), (to_column, from_column, "~" + vocabulary)):
        for row in session.scalars(select(model).where(mine == record_id).order_by(model.id)):
            items.append(_item(group, kind, row.id, session.get(target_class, getattr(row, other.key)),
                               labels.get((vocab, row.relation), row.relation)))
    return items


def _assessments_made(session, by_column, record_id, labels) -> list[LinkItem]:
    """The claims a source or a claim assesses, and how."""
    return [_item("assesses", "assessment", a.id, session.get(Claim, a.claim_id),
                  labels.get(("assessment_relation", a.relation), a.relation))
            for a in session.scalars(select(Assessment).where(by_column == record_id).order_by(Assessment.id))]


def _evidence_record(session, record_id, labels) -> list[LinkItem]:
    items = []
    for link in session.scalars(select(EvidenceLink).where(EvidenceLink.evidence_id == record_id)
                                .order_by(EvidenceLink.id)):
        for column, kind in (("incident_id", "incident"), ("claim_id", "claim"), ("source_id", "source"),
                             ("actor_id", "actor")):
            if getattr(link, column) is not None:
                target = session.get(BY_KIND[kind], getattr(link, column))
                items.append(_item("linked_to", "evidence_link", link.id, target,
                                   labels.get(("evidence_relation", link.relation), link.relation)))
    return items


_FINDERS = {"incident": _incident, "actor": _actor, "place": _place, "source": _source, "claim": _claim,
            "evidence": _evidence_record}
