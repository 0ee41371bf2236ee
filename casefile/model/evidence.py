"""Evidence files, their stored bytes, links and chain of custody.

The bytes live in the case file as content-addressed chunks: ``Blob`` is one
file's content (by SHA-256), made of ordered ``Chunk`` rows of about 1 MiB.
Identical files share one blob; identical chunks are stored once.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Record, UTCDateTime
from .consent import ConsentColumns


class Chunk(Base):
    __tablename__ = "chunk"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Blob(Base):
    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)


class BlobChunk(Base):
    __tablename__ = "blob_chunk"
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256", ondelete="CASCADE"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    chunk_sha256: Mapped[str] = mapped_column(ForeignKey("chunk.sha256"), index=True)


class Evidence(Record, ConsentColumns, Base):
    __tablename__ = "evidence"
    prefix, kind = "EVI", "evidence"

    title: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # of the original bytes, at intake
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(128), default="application/octet-stream")
    file_modified: Mapped[datetime | None] = mapped_column(UTCDateTime)
    intake_at: Mapped[datetime] = mapped_column(UTCDateTime)
    intake_by: Mapped[str] = mapped_column(Text, default="")
    obtained_how: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(Text, default="")  # URL, device or person
    # How it was collected, as the Berkeley Protocol asks: who, with what
    # tool, how it was preserved (the capture time is captured_at).
    collected_by: Mapped[str] = mapped_column(Text, default="", server_default="")
    collection_tool: Mapped[str] = mapped_column(Text, default="", server_default="")
    preservation: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: people's faces can be seen: blurred or left out in shared outputs
    shows_faces: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    note: Mapped[str] = mapped_column(Text, default="")
    # A working copy (crop, redaction) points at its evidentiary original.
    derived_from_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id", ondelete="RESTRICT"), index=True)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    # Evidence is never deleted once taken in (custody refers to it): undoing an
    # intake, or removing an item, withdraws it; the history keeps why.
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Extracted capture metadata.
    captured_at: Mapped[str | None] = mapped_column(String(32))  # as the device wrote it
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    camera_make: Mapped[str] = mapped_column(Text, default="")
    camera_model: Mapped[str] = mapped_column(Text, default="")
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    duration: Mapped[float | None] = mapped_column(Float)
    document_title: Mapped[str] = mapped_column(Text, default="")
    document_author: Mapped[str] = mapped_column(Text, default="")
    document_created: Mapped[str] = mapped_column(Text, default="")
    document_modified: Mapped[str] = mapped_column(Text, default="")
    extra_metadata: Mapped[str] = mapped_column(Text, default="{}")  # JSON object

    def extra(self) -> dict:
        """``extra_metadata`` read: what intake found (warnings, a capture app's proof,
        a saved page's address), or nothing if it is not a JSON object."""
        try:
            value = json.loads(self.extra_metadata or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    derived_from: Mapped[Evidence | None] = relationship(remote_side="Evidence.id")
    links: Mapped[list[EvidenceLink]] = relationship(
        back_populates="evidence", cascade="all, delete-orphan", passive_deletes=True)


class Thumbnail(Base):
    """A small PNG without EXIF, kept in the case so nothing leaks to a cache."""

    __tablename__ = "thumbnail"
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True)
    png: Mapped[bytes] = mapped_column(LargeBinary)


class EvidenceLink(Base):
    """Evidence supports / contradicts / depicts / gives context to one record."""

    __tablename__ = "evidence_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="CASCADE"), index=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), index=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")

    evidence: Mapped[Evidence] = relationship(back_populates="links")
    __table_args__ = (
        CheckConstraint(  # written as CASE, which PostgreSQL reads too (it does not add booleans)
            " + ".join(f"(CASE WHEN {c} IS NOT NULL THEN 1 ELSE 0 END)"
                       for c in ("incident_id", "claim_id", "source_id", "actor_id")) + " = 1", name="one_target"),
        CheckConstraint("relation IN ('supports','contradicts','depicts','context')", name="relation"),
    )


class CustodyEvent(Base):
    """Append-only: who handled an evidence item, when, and the hash seen."""

    __tablename__ = "custody_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    evidence_id: Mapped[int] = mapped_column(ForeignKey("evidence.id", ondelete="RESTRICT"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    who: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(32))  # acquired, imported, exported, verified, linked, ...
    sha256_observed: Mapped[str] = mapped_column(String(64), default="")
    details: Mapped[str] = mapped_column(Text, default="")
