"""The one registry of record kinds and of link kinds, read by every layer.

A record kind's code prefix, names, title field and JSON section, and a link
kind's table, the records it joins, its relation vocabulary and whether it is
ordered, are written here once. Adding a kind or a relation is a change in
this file (plus its table and, for a relation, its vocabulary terms with the
label read from each end in ``resources/vocabularies.json``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP as T
from .base import Base, Record
from .evidence import CustodyEvent, Evidence, EvidenceLink
from .identity import link_id
from .records import (
    Actor,
    ActorRelation,
    Assessment,
    Claim,
    ClaimRelay,
    ClaimSubject,
    Incident,
    IncidentLink,
    IncidentTag,
    Involvement,
    Place,
    Source,
    SourceCitation,
)


@dataclass(frozen=True)
class RecordKind:
    name: str  # "incident": in audit entries, search results, the window
    model: type[Record]
    title_field: str  # the column that names a record
    section: str  # its JSON section and ``info`` key: "incidents"
    singular: str  # marked for translation (context "Kinds")
    plural: str

    @property
    def prefix(self) -> str:
        return self.model.prefix


RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind("incident", Incident, "title", "incidents", T("Kinds", "Incident"), T("Kinds", "Incidents")),
    RecordKind("actor", Actor, "name", "actors", T("Kinds", "Actor"), T("Kinds", "Actors")),
    RecordKind("place", Place, "name", "places", T("Kinds", "Place"), T("Kinds", "Places")),
    RecordKind("source", Source, "title", "sources", T("Kinds", "Source"), T("Kinds", "Sources")),
    RecordKind("claim", Claim, "summary", "claims", T("Kinds", "Claim"), T("Kinds", "Claims")),
    RecordKind("evidence", Evidence, "title", "evidence", T("Kinds", "Evidence"), T("Kinds", "Evidence")),
)
RECORD_KIND: dict[str, RecordKind] = {k.name: k for k in RECORD_KINDS}
#: the column that names a record of each kind
TITLE_FIELD: dict[str, str] = {k.name: k.title_field for k in RECORD_KINDS}


@dataclass(frozen=True)
class LinkKind:
    name: str  # its table: "involvement"
    model: type[Base]
    ends: tuple[str, ...]  # the columns holding the records it joins (evidence links: one of several)
    relation: str = ""  # the column holding its relation or role
    vocabulary: str = ""  # the vocabulary of that column
    owner: str = ""  # ordered links: the column of the record whose list they form (position kept)
    attributes: tuple[str, ...] = ()  # what it carries beyond ends and relation
    not_itself: tuple[str, str] | None = None  # two ends that may not be the same record

    def identity_columns(self) -> tuple[str, ...]:
        """What makes two rows the same link: ends and relation, nothing else."""
        return self.ends + ((self.relation,) if self.relation else ())

    def identity(self, row: Mapping[str, object], uuid_of: Callable[[str, int], str | None]) -> str:
        """The link's identity across copies (``identity.link_id``) from a row of its
        table: each end that is set as its record's UUID (``uuid_of(table, id)``),
        a plain end (a tag) as it is, then the relation. "" for a link that has a
        UUID of its own (an assessment), or when an end's record cannot be found."""
        if "uuid" in self.model.__table__.c:
            return ""
        parts = []
        for column in self.ends:
            value = row.get(column)
            if value is None:
                continue
            references = self.model.__table__.c[column].foreign_keys
            if references:
                found = uuid_of(next(iter(references)).column.table.name, int(value))  # type: ignore[call-overload]
                if not found:
                    return ""
                parts.append(found)
            else:
                parts.append(str(value))
        if self.relation:
            parts.append(str(row.get(self.relation) or ""))
        return link_id(self.name, *parts)


LINK_KINDS: tuple[LinkKind, ...] = (
    LinkKind("involvement", Involvement, ("incident_id", "actor_id"), "role", "role",
             attributes=("degree", "head_count", "head_count_approximate", "note")),
    LinkKind("incident_link", IncidentLink, ("from_id", "to_id"), "relation", "incident_relation",
             not_itself=("from_id", "to_id")),
    LinkKind("actor_relation", ActorRelation, ("actor_id", "other_id"), "relation", "actor_relation",
             not_itself=("actor_id", "other_id")),
    LinkKind("incident_tag", IncidentTag, ("incident_id", "tag")),
    LinkKind("claim_subject", ClaimSubject, ("claim_id", "incident_id", "actor_id")),
    LinkKind("assessment", Assessment, ("claim_id", "by_source_id", "by_claim_id"), "relation",
             "assessment_relation", attributes=("note",), not_itself=("claim_id", "by_claim_id")),
    LinkKind("evidence_link", EvidenceLink, ("evidence_id", "incident_id", "claim_id", "source_id", "actor_id"),
             "relation", "evidence_relation", attributes=("note",)),
    LinkKind("source_citation", SourceCitation, ("source_id", "cited_id"), owner="source_id",
             attributes=("note", "position"), not_itself=("source_id", "cited_id")),
    LinkKind("claim_relay", ClaimRelay, ("claim_id", "source_id"), owner="claim_id", attributes=("note", "position")),
)
LINK_KIND: dict[str, LinkKind] = {k.name: k for k in LINK_KINDS}

#: append-only history rows that belong to a record without being a link
HISTORY = (CustodyEvent,)
