"""The hash-chained audit log.

Each entry's leaf hash is SHA-256(0x00 || canonical JSON of the entry); the
chain hash is SHA-256(0x01 || previous chain hash || leaf hash), domain-separated
in the manner of RFC 6962. The last chain hash (the head) commits to the whole
history: a head written down elsewhere proves every entry before it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection

from ..model import AuditEntry, utcnow

GENESIS = "0" * 64


def canonical(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_jsonable)


def _jsonable(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"sha256": hashlib.sha256(value).hexdigest(), "size": len(value)}
    return str(value)


def entry_hash(prev_hash: str, seq: int, at: datetime, who: str, action: str, kind: str,
               uuid: str, code: str, changes: str) -> str:
    body = canonical({"seq": seq, "at": at.isoformat(), "who": who, "action": action,
                      "kind": kind, "uuid": uuid, "code": code, "changes": changes})
    leaf = hashlib.sha256(b"\x00" + body.encode()).digest()
    return hashlib.sha256(b"\x01" + bytes.fromhex(prev_hash) + leaf).hexdigest()


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (row.seq, row.hash) if row else (0, GENESIS)


def append(conn: Connection, action: str, *, who: str = "", kind: str = "", uuid: str = "",
           code: str = "", changes: dict | None = None) -> str:
    """Append one entry inside the caller's transaction; returns the new head."""
    seq, prev = head(conn)
    seq += 1
    at = utcnow()
    body = canonical(changes or {})
    digest = entry_hash(prev, seq, at, who, action, kind, uuid, code, body)
    conn.execute(insert(AuditEntry).values(
        seq=seq, at=at, who=who, action=action, record_kind=kind, record_uuid=uuid,
        record_code=code, changes=body, prev_hash=prev, hash=digest))
    return digest


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    reason: str


def verify(conn: Connection) -> ChainProblem | None:
    """Recompute the chain; return the first bad entry, or None if intact."""
    prev, expected_seq = GENESIS, 1
    rows = conn.execute(text(
        "SELECT seq, at, who, action, record_kind, record_uuid, record_code, changes, prev_hash, hash "
        "FROM audit_entry ORDER BY seq"))
    for row in rows:
        if row.seq != expected_seq:
            return ChainProblem(expected_seq, "missing entry")
        if row.prev_hash != prev:
            return ChainProblem(row.seq, "broken link to the previous entry")
        try:
            at = AuditEntry.__table__.c.at.type.process_result_value(
                datetime.fromisoformat(row.at) if isinstance(row.at, str) else row.at, None)
            digest = entry_hash(prev, row.seq, at, row.who, row.action, row.record_kind,
                                row.record_uuid, row.record_code, row.changes)
        except (TypeError, ValueError):
            return ChainProblem(row.seq, "unreadable entry")
        if digest != row.hash:
            return ChainProblem(row.seq, "entry altered")
        prev, expected_seq = row.hash, expected_seq + 1
    return None
