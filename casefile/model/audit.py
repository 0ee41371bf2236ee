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


class RowState(Base):
    """What each history entry of action "seal" says every row it covers
    looks like: the digest of the row's stored values (None: deleted).

    Written in the same transaction as the change, for whatever wrote it
    (an edit, an import, a cascade), and committed to by the seal entry's
    hash, so ``verify`` can name any row edited behind Casefile's back."""

    __tablename__ = "row_state"
    __table_args__ = {"sqlite_with_rowid": False}
    tbl: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)  # JSON array of the primary key
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)  # the seal entry
    digest: Mapped[str | None] = mapped_column(String(64))
    label: Mapped[str | None] = mapped_column(String(16))  # the record's code, to name a row gone since
