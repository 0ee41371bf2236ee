"""What happens on every ORM flush and commit of a case session:

- new records get their code (``INC-0001``) from a per-prefix counter;
- every insert, update and delete is appended to the audit chain;
- after commit, listeners hear which records changed, so views refresh.

``insert_now`` does all of this for one new row written at once, without a
flush (the intake).

Core paths that write many rows at once (an import, a merge) do their own
audit entries and call ``Case.notify`` themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, ColumnDefault, Table, event, inspect, text
from sqlalchemy.orm import Mapper, Session, make_transient_to_detached

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
    value = conn.exec_driver_sql(  # plain SQL: once in a process, text() spent 0.5 ms compiling
        "INSERT INTO code_counter (prefix, next_value) VALUES (?, 2) "
        "ON CONFLICT (prefix) DO UPDATE SET next_value = next_value + 1 RETURNING next_value - 1",
        (prefix,)).scalar_one()
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


def _written(session: Session, action: str, obj, gone: dict[tuple[str, int], str]) -> None:
    """What follows a row's write in a session: its history entry, its search
    index, and its place among the changes listeners hear of at commit."""
    conn = session.connection()
    state = inspect(obj)
    changes = {}
    # A deletion names the row, and a link's the records it joined too: a link
    # brought by an import has no entry of its own to read them from
    # (``services.history``).
    link = LINK_KIND.get(getattr(obj, "__tablename__", ""))
    named = ("id", "uuid", "code", *(link.ends if link is not None else ()))
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
        elif key in named:
            changes[key] = _value(getattr(obj, key))
    if action == "update" and not changes:
        return
    kind, uuid, code = _identity(obj, conn, gone)
    audit.append(conn, action, who=session.info.get("who", ""), kind=kind, uuid=uuid, code=code, changes=changes)
    pk = state.mapper.primary_key_from_instance(obj)
    session.info.setdefault("changed", {}).setdefault(kind, set()).add(pk[0] if len(pk) == 1 else tuple(pk))
    if isinstance(obj, Record):
        fulltext.reindex(conn, kind, [pk[0]])  # a record's key is its one integer id


@dataclass(frozen=True)
class _Insert:
    sql: str
    columns: list[tuple[str, Column, Callable[[Any], Any] | None]]  # attribute, column, bind processor
    key: str | None  # the attribute of the key the database assigns


_INSERTS: dict[tuple[type, str], _Insert] = {}


def _insert_for(cls: type, dialect) -> _Insert:
    """The INSERT of every column but an autoincrement key, as plain SQL, built
    once per class from its table: nothing for SQLAlchemy to compile."""
    found = _INSERTS.get((cls, dialect.name))
    if found is None:
        mapper: Mapper = inspect(cls)
        table: Table = cls.__table__  # type: ignore[attr-defined]  # every model is mapped to a table
        key = None
        columns: list[tuple[str, Column]] = []
        for attr in mapper.column_attrs:
            column = table.c[attr.columns[0].name]
            if column is table.autoincrement_column:
                key = attr.key
            elif (column.server_default is not None and column.default is None) or not (
                    column.default is None or isinstance(column.default, ColumnDefault)):
                raise TypeError(f"insert_now cannot fill {column}: its default is not a Python value")
            else:
                columns.append((attr.key, column))
        sql = (f'INSERT INTO "{table.name}" (' + ", ".join(f'"{c.name}"' for _, c in columns)
               + ") VALUES (" + ", ".join("?" for _ in columns) + ")")
        found = _Insert(sql, [(name, c, c.type.dialect_impl(dialect).bind_processor(dialect)) for name, c in columns],
                        key)
        _INSERTS[(cls, dialect.name)] = found
    return found


def insert_now(session: Session, obj) -> None:
    """Write the new, transient ``obj`` at once through one plain INSERT, with
    all a flush does for it (its code, its column defaults, its history entry,
    its search index, listeners told at commit), and keep it in ``session``,
    persistent, every column loaded.

    For the intake, the one write of a ``casefile add-evidence`` process: its
    first flush spent 3-4 ms in the ORM, half of it compiling an INSERT of 43
    columns, where the statement itself takes 0.3 ms. The row's seal comes
    from the connection's triggers, as for every writer (``store.state``)."""
    state = inspect(obj)
    assert state.transient, "insert_now takes a new object, not yet in a session"
    conn = session.connection()
    if isinstance(obj, Record) and not obj.code:
        obj.code = next_code(conn, obj.prefix)
    insert = _insert_for(type(obj), conn.dialect)
    values = []
    for key, column, process in insert.columns:
        if key not in state.dict:  # never set: the column's default, as the ORM applies it
            default = column.default
            assert default is None or isinstance(default, ColumnDefault)  # checked by _insert_for
            setattr(obj, key, None if default is None else default.arg(None) if default.is_callable else default.arg)
        value = state.dict[key]
        values.append(process(value) if process is not None else value)
    rowid = conn.exec_driver_sql(insert.sql, tuple(values)).lastrowid
    if insert.key is not None:
        setattr(obj, insert.key, rowid)
    make_transient_to_detached(obj)
    session.add(obj)
    if not isinstance(obj, UNAUDITED):
        _written(session, "create", obj, {})


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
        gone = {(obj.kind, obj.id): obj.uuid for obj in session.deleted if isinstance(obj, Record)}  # kind: its table
        for action, objects in (("create", session.new), ("update", session.dirty), ("delete", session.deleted)):
            for obj in objects:
                if not isinstance(obj, UNAUDITED):
                    _written(session, action, obj, gone)

    def _after_commit(self, session: Session) -> None:
        changed = session.info.pop("changed", None)
        if changed:
            self.case.notify(changed)

    def _after_rollback(self, session: Session, previous_transaction) -> None:
        session.info.pop("changed", None)
