"""What a case remembers about exchanging bundles with other copies of itself
(``services/exchange``): which copy it is, the version of every field it has
seen, the conflicts waiting for a person, the peers it has met and the
bundles it has sent and merged. All of it is sealed like the records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime


class Replica(Base):
    """This copy of the case: one row. Its UUID names it in version vectors;
    a copy opened under another documenter key gets a new one."""

    __tablename__ = "exchange_replica"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))
    fingerprint: Mapped[str] = mapped_column(String(32), default="")
    counter: Mapped[int] = mapped_column(Integer, default=0)
    knowledge: Mapped[str] = mapped_column(Text, default="{}")  # JSON version vector: what this copy has seen
    # The history entry up to which it last noticed its own changes: rows sealed
    # after it are the ones to look at next time (0: look at every row).
    observed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ItemVersion(Base):
    """Per record or link (by UUID or link identity): for each field, the hash
    of the value shown here and its version vector; deleted items keep their
    tombstone so a late bundle cannot bring them back."""

    __tablename__ = "exchange_item"
    uuid: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)  # received through a partner/public bundle
    versions: Mapped[str] = mapped_column(Text, default="{}")  # {field: [value hash, version vector]}
    origin: Mapped[str] = mapped_column(Text, default="")  # key fingerprint of the last change merged in
    entry: Mapped[str] = mapped_column(String(64), default="")  # that sender's history entry hash
    # The row it was last seen in, its key as ``row_state`` writes it: a sealed
    # change to that row leads back here even once the row is gone.
    tbl: Mapped[str] = mapped_column(String(32), default="", server_default="")
    row_key: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The history head when this row was last written: what changed since a
    # peer's last bundle is found by index, not by reading every item.
    seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)
    __table_args__ = (Index("ix_exchange_item_row", "tbl", "row_key"),)


class Conflict(Base):
    """A value that arrived for a field changed differently here (or a
    deletion against an edit): kept beside the shown one until a person
    chooses. Field ``_exists`` with value false is a deletion."""

    __tablename__ = "exchange_conflict"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)  # canonical JSON
    value_hash: Mapped[str] = mapped_column(String(64))
    vv: Mapped[str] = mapped_column(Text)  # canonical JSON version vector
    fingerprint: Mapped[str] = mapped_column(String(32), default="")  # whose key signed the bundle it came in
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    __table_args__ = (UniqueConstraint("uuid", "field", "value_hash", "vv", name="uq_exchange_conflict"),)


class Peer(Base):
    """Another copy this one exchanged bundles with."""

    __tablename__ = "exchange_peer"
    replica: Mapped[str] = mapped_column(String(36), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(32), default="")
    name: Mapped[str] = mapped_column(Text, default="")
    public_key: Mapped[str] = mapped_column(Text, default="")  # base64, raw Ed25519
    knowledge: Mapped[str] = mapped_column(Text, default="{}")  # what it said it has seen (full bundles only)
    blobs: Mapped[str] = mapped_column(Text, default="[]")  # evidence hashes it said it holds
    received: Mapped[int] = mapped_column(Integer, default=0)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    last_received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    history_head: Mapped[str] = mapped_column(String(64), default="")  # its last history entry we hold
    # Items written at or before this ``exchange_item.seq`` are all known to it
    # (its knowledge only grows): a bundle for it looks only at later ones.
    clean: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class BundleLog(Base):
    """Every bundle written or merged here, so a replay is refused."""

    __tablename__ = "exchange_bundle"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(8))  # sent, received
    peer: Mapped[str] = mapped_column(String(36), default="")  # replica; "" for a bundle sent to anyone
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    profile: Mapped[str] = mapped_column(String(16), default="full")
    summary: Mapped[str] = mapped_column(Text, default="{}")


class PeerEntry(Base):
    """A sender's history entries, as its bundles carried them."""

    __tablename__ = "exchange_history"
    replica: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    hash: Mapped[str] = mapped_column(String(64))
    entry: Mapped[str] = mapped_column(Text)
