"""The hash-chained audit log.

Each entry's leaf hash is SHA-256(0x00 || canonical JSON of the entry); the
chain hash is SHA-256(0x01 || previous chain hash || leaf hash), domain-separated
in the manner of RFC 6962. The last chain hash (the head) commits to the whole
history: a head written down elsewhere proves every entry before it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection

from ..errors import CasefileError
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..model import AuditEntry, utcnow
from ..model.base import UTCDateTime

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


class ChainHeadUnreadable(CasefileError):
    """The last audit entry is missing, unreadable or altered: nothing may be
    written on top of a history that does not hold."""


def head(conn: Connection) -> tuple[int, str]:
    row = conn.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (row.seq, row.hash) if row else (0, GENESIS)


def verified_head(conn: Connection) -> tuple[int, str]:
    """The head, after recomputing the last entry's hash (one row, cheap).

    Writing on top of an altered head would launder the alteration into a
    chain that verifies from there on; refuse instead.
    """
    try:
        row = conn.execute(text(
            "SELECT seq, at, who, action, record_kind, record_uuid, record_code, changes, prev_hash, hash "
            "FROM audit_entry ORDER BY seq DESC LIMIT 1")).first()
    except Exception as error:  # a dropped or damaged table
        raise ChainHeadUnreadable(unreadable_message()) from error
    if row is None:
        return 0, GENESIS
    if _recompute(row) != row.hash:
        raise ChainHeadUnreadable(unreadable_message())
    return row.seq, row.hash


def unreadable_message() -> str:
    return translate("Errors", "The case history cannot be read or does not verify; "
                     "nothing was written. Run 'casefile verify'.")


def find(conn: Connection, chain_hash: str) -> int | None:
    """The seq of the entry whose chain hash is ``chain_hash`` (a head written
    down elsewhere), or None: then the history since has been rewritten."""
    return conn.execute(select(AuditEntry.seq).where(AuditEntry.hash == chain_hash.strip().lower())).scalar()


def append(conn: Connection, action: str, *, who: str = "", kind: str = "", uuid: str = "",
           code: str = "", changes: dict | None = None) -> str:
    """Append one entry inside the caller's transaction; returns the new head.

    Raises ``ChainHeadUnreadable`` (rolling the caller back) when the current
    head cannot be read or its hash does not recompute.
    """
    return append_raw(conn.connection.driver_connection, action, who=who, kind=kind, uuid=uuid, code=code,
                      changes=changes)[1]


_COLUMNS = "seq, at, who, action, record_kind, record_uuid, record_code, changes, prev_hash, hash"


def _at_type() -> UTCDateTime:
    column_type = AuditEntry.__table__.c.at.type
    assert isinstance(column_type, UTCDateTime)
    return column_type


def _at_binder() -> Callable[[datetime], str]:
    process = _AT_TYPE.bind_processor(sqlite.dialect())
    assert process is not None  # a TypeDecorator over SQLite's DateTime always converts
    return process


_AT_TYPE = _at_type()
_AT = _at_binder()


@dataclass(frozen=True)
class Entry:
    """A history entry to append (``append_many``)."""

    action: str
    who: str = ""
    kind: str = ""
    uuid: str = ""
    code: str = ""
    changes: dict | None = None


def append_many(conn: Connection, entries: list[Entry]) -> str:
    """Append ``entries`` in order, as many ``append`` calls would, reading and
    checking the head once and writing them in one statement; returns the new head."""
    dbapi_conn: Any = conn.connection.driver_connection
    seq, head = _head_raw(dbapi_conn)
    rows = []
    for n, e in enumerate(entries, start=seq + 1):
        rows.append(_entry_row(n, head, e))
        head = rows[-1][-1]
    dbapi_conn.executemany(_INSERT, rows)
    return head


_INSERT = f"INSERT INTO audit_entry ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"


def _entry_row(seq: int, prev: str, e: Entry) -> tuple:
    """The row of entry ``e`` at ``seq`` after ``prev``; its hash comes last."""
    at = utcnow()
    body = canonical(e.changes or {})
    digest = entry_hash(prev, seq, at, e.who, e.action, e.kind, e.uuid, e.code, body)
    return (seq, _AT(at), e.who, e.action, e.kind, e.uuid, e.code, body, prev, digest)


def _head_raw(dbapi_conn) -> tuple[int, str]:
    """The head (seq, hash) after recomputing its hash; refuses a head that does not."""
    try:
        row = dbapi_conn.execute(f"SELECT {_COLUMNS} FROM audit_entry ORDER BY seq DESC LIMIT 1").fetchone()
    except Exception as error:  # a dropped or damaged table
        raise ChainHeadUnreadable(unreadable_message()) from error
    if row is None:
        return 0, GENESIS
    stored = _Row(*row)
    if _recompute(stored) != stored.hash:
        raise ChainHeadUnreadable(unreadable_message())
    return stored.seq, stored.hash


def append_raw(dbapi_conn, action: str, *, who: str = "", kind: str = "", uuid: str = "", code: str = "",
               changes: dict | None = None) -> tuple[int, str]:
    """The one writer of single history entries, on a DB-API connection (``append``
    and the commit-time seal, ``store.state``, both use it); returns (seq, head)."""
    seq, prev = _head_raw(dbapi_conn)
    row = _entry_row(seq + 1, prev, Entry(action, who, kind, uuid, code, changes))
    dbapi_conn.execute(_INSERT, row)
    return row[0], row[-1]


@dataclass(frozen=True)
class _Row:
    seq: int
    at: str
    who: str
    action: str
    record_kind: str
    record_uuid: str
    record_code: str
    changes: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    reason: str  # in English, as marked below; ``message`` in the user's language

    @property
    def message(self) -> str:
        return translate("History", self.reason)


def verify(conn: Connection) -> ChainProblem | None:
    """Recompute the chain; return the first bad entry, or None if intact.
    Streams the rows: memory stays flat however long the history."""
    try:
        return _walk(conn.execute(text(
            "SELECT seq, at, who, action, record_kind, record_uuid, record_code, changes, prev_hash, hash "
            "FROM audit_entry ORDER BY seq")))
    except Exception as error:  # a dropped or damaged table
        if isinstance(error, ChainHeadUnreadable):
            raise
        return ChainProblem(0, QT_TRANSLATE_NOOP("History", "history unreadable"))


def _walk(rows) -> ChainProblem | None:
    prev, expected_seq = GENESIS, 1
    for row in rows:
        if not isinstance(row.seq, int) or row.seq < expected_seq:
            return ChainProblem(row.seq, QT_TRANSLATE_NOOP("History", "entry out of sequence"))
        if row.seq > expected_seq:
            return ChainProblem(expected_seq, QT_TRANSLATE_NOOP("History", "missing entry"))
        if row.prev_hash != prev:
            return ChainProblem(row.seq, QT_TRANSLATE_NOOP("History", "broken link to the previous entry"))
        digest = _recompute(row)
        if digest is None:
            return ChainProblem(row.seq, QT_TRANSLATE_NOOP("History", "unreadable entry"))
        if digest != row.hash:
            return ChainProblem(row.seq, QT_TRANSLATE_NOOP("History", "entry altered"))
        prev, expected_seq = row.hash, expected_seq + 1
    return None


def _recompute(row) -> str | None:
    """The chain hash a stored row should have, from its own prev_hash; None
    when a field has the wrong type (text where a number belongs, ...)."""
    try:
        if not isinstance(row.seq, int) or not all(isinstance(v, str) for v in (
                row.at, row.who, row.action, row.record_kind, row.record_uuid, row.record_code,
                row.changes, row.prev_hash)):
            return None
        at = _AT_TYPE.process_result_value(datetime.fromisoformat(row.at), None)
        return entry_hash(row.prev_hash, row.seq, at, row.who, row.action, row.record_kind,
                          row.record_uuid, row.record_code, row.changes)
    except (TypeError, ValueError):
        return None
