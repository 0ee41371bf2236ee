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
    "Actor", "ActorRelation", "Assessment", "AuditEntry", "ClaimRelay", "SourceCitation", "BY_KIND", "BY_PREFIX", "Base", "Blob",
    "BlobChunk", "CaseInfo", "Chunk", "Claim", "ClaimSubject", "CodeCounter", "CustodyEvent",
    "Evidence", "EvidenceLink", "Incident", "IncidentLink", "IncidentTag", "Involvement",
    "PartialDate", "Place", "RECORD_CLASSES", "Record", "RowState", "Source", "Thumbnail", "VocabularyTerm", "WithholdMark",
    "utcnow",
]
