"""What happens on every ORM flush and commit of a case session:

- new records get their code (``INC-0001``) from a per-prefix counter;
- every insert, update and delete is appended to the audit chain;
- after commit, listeners hear which records changed, so views refresh.

Core paths that write many rows at once (an import, a merge) do their own
audit entries and call ``Case.notify`` themselves.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import event, inspect, text
from sqlalchemy.orm import Session

from ..model import AuditEntry, Blob, BlobChunk, Chunk, CodeCounter, Record, Thumbnail
from ..model.identity import link_id
from ..model.kinds import LINK_KIND
from . import audit, fulltext

if TYPE_CHECKING:
    from .case import Case

# Rows that are storage, not history: the audit chain records the intake instead.
UNAUDITED = (AuditEntry, CodeCounter, Chunk, Blob, BlobChunk, Thumbnail)
LONG_TEXT = 4000  # longer values are audited by hash and length


def next_code(conn, prefix: str) -> str:
    value = conn.execute(text(
        "INSERT INTO code_counter (prefix, next_value) VALUES (:p, 2) "
        "ON CONFLICT (prefix) DO UPDATE SET next_value = next_value + 1 RETURNING next_value - 1"
    ), {"p": prefix}).scalar_one()
    return f"{prefix}-{value:04d}"


def reserve_codes(conn, prefix: str, count: int) -> list[str]:
    """Reserve ``count`` consecutive codes at once (bulk import)."""
    if count <= 0:
        return []
    end = conn.execute(text(
        "INSERT INTO code_counter (prefix, next_value) VALUES (:p, :n + 1) "
        "ON CONFLICT (prefix) DO UPDATE SET next_value = next_value + :n RETURNING next_value"
    ), {"p": prefix, "n": count}).scalar_one()
    return [f"{prefix}-{v:04d}" for v in range(end - count, end)]


def _value(value):
    if isinstance(value, str) and len(value) > LONG_TEXT:
        import hashlib
        return {"sha256": hashlib.sha256(value.encode()).hexdigest(), "length": len(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    return value


def _identity(obj, conn, gone: dict[tuple[str, int], str]) -> tuple[str, str, str]:
    """(kind, uuid, code) of what an entry is about. A link has the identity it has
    across copies, so that a link deleted before two copies first meet is known
    deleted (``exchange.items.deleted_here``); its ends' UUIDs come from their rows,
    or from ``gone`` for records deleted in the same flush."""
    if isinstance(obj, Record):
        return obj.kind, obj.uuid or "", obj.code or ""
    name, uuid = obj.__tablename__, getattr(obj, "uuid", "") or ""
    if name == "withhold_mark":  # travels like a link: the same passage marked on two copies is one
        return name, link_id(name, obj.record_uuid, obj.field, obj.passage), ""
    link = LINK_KIND.get(name)
    if not uuid and link is not None:
        row = {attr.key: getattr(obj, attr.key) for attr in inspect(obj).mapper.column_attrs}

        def uuid_of(table: str, ident: int) -> str | None:
            return gone.get((table, ident)) or conn.execute(
                text(f"SELECT uuid FROM {table} WHERE id = :id"), {"id": ident}).scalar()  # a model's own table
        uuid = link.identity(row, uuid_of)
    return name, uuid, ""


class ChangeTracker:
    def __init__(self, case: Case):
        self.case = case

    def install(self, session_factory) -> None:
        event.listen(session_factory, "before_flush", self._before_flush)
        event.listen(session_factory, "after_flush", self._after_flush)
        event.listen(session_factory, "after_commit", self._after_commit)
        event.listen(session_factory, "after_soft_rollback", self._after_rollback)

    def _before_flush(self, session: Session, flush_context, instances) -> None:
        conn = session.connection()
        for obj in session.new:
            if isinstance(obj, Record) and not obj.code:
                obj.code = next_code(conn, obj.prefix)

    def _after_flush(self, session: Session, flush_context) -> None:
        conn = session.connection()
        who = session.info.get("who", "")
        changed = session.info.setdefault("changed", {})
        gone = {(obj.kind, obj.id): obj.uuid for obj in session.deleted if isinstance(obj, Record)}  # kind: its table
        for action, objects in (("create", session.new), ("update", session.dirty), ("delete", session.deleted)):
            for obj in objects:
                if isinstance(obj, UNAUDITED):
                    continue
                state = inspect(obj)
                changes = {}
                for attr in state.mapper.column_attrs:
                    key = attr.key
                    if action == "create":
                        changes[key] = _value(getattr(obj, key))
                    elif action == "update":
                        hist = state.attrs[key].history
                        if hist.has_changes():
                            old = hist.deleted[0] if hist.deleted else None
                            new = hist.added[0] if hist.added else None
                            changes[key] = [_value(old), _value(new)]
                    elif key in ("id", "uuid", "code"):
                        changes[key] = _value(getattr(obj, key))
                if action == "update" and not changes:
                    continue
                kind, uuid, code = _identity(obj, conn, gone)
                audit.append(conn, action, who=who, kind=kind, uuid=uuid, code=code, changes=changes)
                pk = state.mapper.primary_key_from_instance(obj)
                ident = pk[0] if len(pk) == 1 else tuple(pk)
                changed.setdefault(kind, set()).add(ident)
                if isinstance(obj, Record):
                    fulltext.reindex(conn, kind, [pk[0]])  # a record's key is its one integer id

    def _after_commit(self, session: Session) -> None:
        changed = session.info.pop("changed", None)
        if changed:
            self.case.notify(changed)

    def _after_rollback(self, session: Session, previous_transaction) -> None:
        session.info.pop("changed", None)
