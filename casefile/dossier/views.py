"""The display-ready views a dossier is made of: plain strings, already
redacted by the loader (``data.py``), escaped only when laid out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .labels import Labels


@dataclass
class Scope:
    incidents: list[str] | None = None
    tag: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    @property
    def whole(self) -> bool:
        return not (self.incidents or self.tag or self.date_from or self.date_to)

    def describe(self, labels: Labels) -> str:
        parts = []
        if self.incidents:
            parts.append(labels.scope_incidents.format(codes=", ".join(self.incidents)))
        if self.tag:
            parts.append(labels.scope_tag.format(tag=self.tag))
        if self.date_from and self.date_to:
            parts.append(labels.scope_between.format(start=labels.date(self.date_from),
                                                     end=labels.date(self.date_to)))
        elif self.date_from:
            parts.append(labels.scope_from.format(start=labels.date(self.date_from)))
        elif self.date_to:
            parts.append(labels.scope_to.format(end=labels.date(self.date_to)))
        return "; ".join(parts) or labels.scope_all


@dataclass
class ActorRow:
    actor: str
    role: str
    degree: str
    head_count: str
    note: str


@dataclass
class IncidentView:
    id: int
    code: str
    title: str
    description: str
    notes: str
    when: str
    sort_key: str
    where: str
    place: str
    type: str
    violation: str
    fatalities: str
    tags: list[str]
    links: list[str]
    actors: list[ActorRow] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)
    evidence: list[tuple[int, str]] = field(default_factory=list)  # (evidence id, relation label)
    type_key: str = ""
    violation_key: str = ""
    caveats: str = ""  # for the reader: printed in every profile, unlike notes


@dataclass
class ClaimView:
    id: int
    code: str
    summary: str
    quote: str
    quote_kind: str  # whose words: "The claimant's own words", "Translation (by the outlet)", ...
    claimant: str
    source: str
    credibility: str
    status: str
    stance: str
    chain: list[str]
    chain_review: bool  # seeded on upgrade, not yet confirmed by a person
    subjects: list[str]
    assessments: dict[str, list[str]]
    claimed_on: str
    notes: str
    caveats: str = ""
    credibility_reason: str = ""


@dataclass
class ActorView:
    code: str
    name: str
    category: str
    type: str
    aliases: str
    description: str
    contact: str
    protected_note: str
    incidents: list[str]
    relations: list[str]
    caveats: str = ""


@dataclass
class PlaceView:
    code: str
    name: str
    location: str
    coordinates: str
    precision: str
    description: str
    caveats: str = ""


@dataclass
class SourceView:
    code: str
    title: str
    kind: str
    outlet: str
    author: str
    published: str
    accessed: str
    reliability: str
    url: str
    language: str
    cites: list[str]
    cited_by: list[str]
    contact: str
    confidential_note: str
    notes: str
    caveats: str = ""
    reliability_reason: str = ""
    #: a confidential source a shared dossier cites under its pseudonym: listed
    #: with its kind and grade only
    pseudonymous: bool = False


@dataclass
class EvidenceView:
    id: int
    code: str
    name: str
    title: str
    media_type: str
    size: int
    sha256: str
    facts: list[tuple[str, str]]  # (label, value) rows of the annex table
    links: list[str]  # analysis: what the item is linked to, and how
    custody: list[tuple[str, str, str, str]]  # handling: acquired, exported, transferred, verified...
    image: bytes | None = None
    #: linking and unlinking, recorded in the custody log but analysis, not handling
    analysis: list[tuple[str, str, str]] = field(default_factory=list)  # (time, who, what)


@dataclass
class AllegationView:
    """One incident as an allegation: who, what, when, where, how it stands."""

    incident_id: int
    code: str
    title: str
    who: str
    when: str
    where: str
    status: str  # violation status, the right concerned and the basis, one per line
    origins: str  # independent origins behind it, counted by origin
    credibility: str


@dataclass
class Findings:
    allegations: dict[int, AllegationView] = field(default_factory=dict)  # by incident id
    gaps: list[str] = field(default_factory=list)
    limitations: list[str] = field(default_factory=list)
    protection: list[str] = field(default_factory=list)  # consent and do-no-harm, counted


@dataclass
class Definition:
    term: str  # the label, in the dossier's language
    meaning: str


@dataclass
class Provenance:
    """A record that came into this copy in another documenter's bundle."""

    code: str
    sender: str  # the name the sender's key carries
    fingerprint: str
    received: str  # the day, in words


@dataclass
class DossierData:
    title: str
    organisation: str
    description: str
    audit_head: str
    made_on: date
    profile: str
    scope: str
    incidents: list[IncidentView]
    claims: dict[int, ClaimView]
    actors: list[ActorView]
    places: list[PlaceView]
    sources: list[SourceView]
    evidence: dict[int, EvidenceView]
    scales: dict[str, list[tuple[str, str, str]]]  # vocabulary -> [(key, label, description)]
    withheld: dict[str, int]
    type_counts: list[tuple[str, int]]
    status_counts: list[tuple[str, int]]
    period: str
    findings: Findings = field(default_factory=Findings)
    #: vocabulary -> its terms defined, in the dossier's language
    definitions: dict[str, list[Definition]] = field(default_factory=dict)
    #: "name, key FINGERPRINT" of the documenter whose key signs the file, or ""
    signed_by: str = ""
    #: records of this dossier that came from other copies (full profile only)
    provenance: list[Provenance] = field(default_factory=list)
