"""The audit log: append-only, each entry hash-chained to the one before."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    who: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(32))  # create, update, delete, import, intake, export, ...
    record_kind: Mapped[str] = mapped_column(String(32), default="")
    record_uuid: Mapped[str] = mapped_column(String(36), default="", index=True)
    record_code: Mapped[str] = mapped_column(String(16), default="")
    changes: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
