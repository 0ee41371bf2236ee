"""The redaction report: before anything leaves, every replacement the engine
would make in a shared profile, and every near miss it would leave (a lone
given name, a word one letter away from a protected name), each with the
record code and field, so the documenter can check them.

The report is for the documenter on her own machine: it shows the matched
text in clear (it is printed, never written to a file by Casefile), because
she cannot judge a near miss without reading it.

It reads the same fields the shared outputs print, of the records they
show, through the same :class:`Redactor`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select

from ...i18n import QT_TRANSLATE_NOOP as N
from ...i18n import translate
from ...model import (
    Actor,
    Assessment,
    CaseInfo,
    Claim,
    Evidence,
    EvidenceLink,
    Incident,
    IncidentTag,
    Involvement,
    Place,
    Source,
)
from ...model.kinds import RECORD_KIND
from .profile import Redactor, check_profile

#: An entry's kind is an identifier (kept as it is in --json); ``kind_label`` gives it in the user's language.
KIND_LABELS = {
    "name": N("Redaction", "name"), "alias": N("Redaction", "alias"), "name part": N("Redaction", "name part"),
    "author": N("Redaction", "author"), "title": N("Redaction", "title"), "email": N("Redaction", "email"),
    "phone": N("Redaction", "phone"), "address": N("Redaction", "address"), "url": N("Redaction", "url"),
    "contact": N("Redaction", "contact"), "passage": N("Redaction", "passage"),
    "pseudonym": N("Redaction", "pseudonym"), "file name": N("Redaction", "file name"),
    "single part": N("Redaction", "single part"), "edit distance one": N("Redaction", "edit distance one"),
}


def kind_label(kind: str) -> str:
    """An entry's kind, or a withheld record kind (plural), in the user's language."""
    if kind in RECORD_KIND:
        return translate("Kinds", RECORD_KIND[kind].plural).lower()
    return translate("Redaction", KIND_LABELS[kind]) if kind in KIND_LABELS else kind

#: The free-text fields each shared output prints, per record kind.
FIELDS: dict[Any, tuple[str, ...]] = {
    Incident: ("title", "description", "caveats"),
    Actor: ("name", "aliases", "description", "caveats"),
    Place: ("name", "municipality", "state", "country", "description", "caveats"),
    Source: ("title", "outlet", "author", "url", "text", "reliability_reason", "caveats"),
    Claim: ("summary", "quote", "credibility_reason", "caveats"),
    Evidence: ("title", "obtained_how", "origin", "collected_by", "collection_tool", "preservation", "note",
               "caveats", "captured_at", "intake_by"),
}


@dataclass
class Entry:
    record: str
    field: str
    kind: str
    matched: str
    replacement: str = ""
    owner: str = ""  # the record whose secret it is (or looks like)


@dataclass
class Report:
    profile: str
    replacements: list[Entry] = field(default_factory=list)
    near_misses: list[Entry] = field(default_factory=list)
    withheld: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"profile": self.profile, "replacements": [asdict(e) for e in self.replacements],
                "near_misses": [asdict(e) for e in self.near_misses], "withheld": self.withheld}


def redaction_report(case, profile: str) -> Report:
    """What ``profile`` would replace and leave in ``case`` (see the module notes)."""
    check_profile(profile)
    report = Report(profile)
    if profile == "full":
        return report
    with case.session() as s:
        r = Redactor(s, profile, record=True)
        scan = r.scrub
        info = s.scalars(select(CaseInfo)).first()
        if info is not None:
            for name in ("title", "organisation", "description"):
                scan(getattr(info, name), ("case", name))
        withheld: dict[str, list[str]] = {}
        for cls, names in FIELDS.items():
            for record in s.scalars(select(cls).order_by(cls.id)):
                if r.withheld(record.id, cls.kind):
                    withheld.setdefault(cls.kind, []).append(record.code)
                    continue
                if cls is Actor and record.protected:
                    report.replacements.append(Entry(record.code, "name", "pseudonym", record.name,
                                                     record.pseudonym, record.code))
                    continue  # aliases and description are left out whole
                if cls is Evidence:
                    title = r.evidence_title(record)
                    if title == record.code and record.title:
                        report.replacements.append(Entry(record.code, "title", "file name", record.title,
                                                         record.code, record.code))
                for name in names:
                    if cls is Evidence and name == "title":
                        continue
                    if cls is Evidence and name in ("intake_by", "collected_by") and not r.shows_handlers:
                        continue
                    scan(getattr(record, name), (record.code, name))
        codes = {kind: dict(s.execute(select(cls.id, cls.code)).all()) for cls, kind in (
            (Incident, "incident"), (Actor, "actor"), (Claim, "claim"), (Evidence, "evidence"))}
        protected = set(s.scalars(select(Actor.id).where(Actor.protected)))
        for incident_id, actor_id, note in s.execute(select(Involvement.incident_id, Involvement.actor_id,
                                                            Involvement.note)):
            if note and not r.withheld(incident_id, "incident") and actor_id not in protected:
                scan(note, (codes["incident"][incident_id], f"note on {codes['actor'][actor_id]}"))
        for incident_id, tag in s.execute(select(IncidentTag.incident_id, IncidentTag.tag)):
            if not r.withheld(incident_id, "incident"):
                scan(tag, (codes["incident"][incident_id], "tag"))
        for claim_id, note in s.execute(select(Assessment.claim_id, Assessment.note)):
            if note and not r.withheld(claim_id, "claim"):
                scan(note, (codes["claim"][claim_id], "assessment note"))
        for evidence_id, note in s.execute(select(EvidenceLink.evidence_id, EvidenceLink.note)):
            if note and not r.withheld(evidence_id, "evidence"):
                scan(note, (codes["evidence"][evidence_id], "link note"))
    for code, name, hit in r.hits:
        report.replacements.append(Entry(code, name, hit.kind, hit.matched, hit.replacement, hit.owner))
    for code, name, miss in r.near:
        report.near_misses.append(Entry(code, name, miss.kind, miss.matched, "", miss.owner))
    report.withheld = withheld
    return report
