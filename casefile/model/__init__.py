"""Casefile's records as SQLAlchemy 2 typed ORM classes. No Qt, no I/O policy."""

from .audit import AuditEntry, RowState
from .base import Base, Record, utcnow
from .dates import PartialDate
from .evidence import Blob, BlobChunk, Chunk, CustodyEvent, Evidence, EvidenceLink, Thumbnail
from .exchange import BundleLog, Conflict, ItemVersion, Peer, PeerEntry, Replica
from .records import (
    Actor,
    ActorRelation,
    Assessment,
    CaseInfo,
    Claim,
    ClaimRelay,
    ClaimSubject,
    CodeCounter,
    Incident,
    IncidentLink,
    IncidentTag,
    Involvement,
    Place,
    Source,
    SourceCitation,
)
from .redaction import WithholdMark
from .vocabulary import VocabularyTerm

#: The six record kinds, in navigator order.
RECORD_CLASSES: tuple[type[Record], ...] = (Incident, Actor, Place, Source, Claim, Evidence)
BY_KIND = {cls.kind: cls for cls in RECORD_CLASSES}
BY_PREFIX = {cls.prefix: cls for cls in RECORD_CLASSES}

__all__ = [
    "Actor", "ActorRelation", "Assessment", "AuditEntry", "Base", "Blob", "BlobChunk", "BundleLog", "BY_KIND",
    "BY_PREFIX", "CaseInfo", "Chunk", "Claim", "ClaimRelay", "ClaimSubject", "CodeCounter", "Conflict",
    "CustodyEvent", "Evidence", "EvidenceLink", "Incident", "IncidentLink", "IncidentTag", "Involvement",
    "ItemVersion", "PartialDate", "Peer", "PeerEntry", "Place", "Record", "RECORD_CLASSES", "Replica",
    "RowState", "Source", "SourceCitation", "Thumbnail", "utcnow", "VocabularyTerm", "WithholdMark",
]
