"""Passages the documenter marked "withhold": kept in the case, so every
shared output replaces them with "[withheld]" (services/redaction)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, new_uuid, utcnow


class WithholdMark(Base):
    """A passage of a record's text field to withhold from shared outputs
    (wherever it appears: the same words elsewhere would undo the mark)."""

    __tablename__ = "withhold_mark"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    record_kind: Mapped[str] = mapped_column(String(16))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(64))
    passage: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("record_uuid", "field", "passage", name="uq_withhold_mark"),
        CheckConstraint("passage <> ''", name="passage"),
    )
