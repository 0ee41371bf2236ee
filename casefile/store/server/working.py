"""Working on a server case through a local copy: the case, as one server
transaction sees it, is copied into a temporary case file (encrypted under a
random key, in a private folder) and every part of Casefile works on that copy
as on any case (its history seals, search, evidence, verify). A writing use
holds the case's lock on the server for its length, so writers take turns; at
the end the rows it changed go back to the server in the same transaction:

- the rows its history sealed after the copy was taken, upserted or deleted
  (each seal says which rows a commit wrote, and ``None`` for a row deleted);
- its new history entries and row states, inserted (the server takes no other
  change to them);
- evidence chunks and code counters, which the history does not seal, by
  comparing their keys before and after.

All or nothing: an error anywhere rolls the server transaction back.
"""

from __future__ import annotations

import json
import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Table, and_, delete, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ...errors import CasefileError
from ...i18n import translate
from ...model import Base
from ..case import Case
from ..state import UNSEALED
from .address import ServerAddress
from .transfer import server_engine, snapshot, unreachable

HISTORY = ("audit_entry", "row_state")  # append-only on the server
BY_NAME = {table.name: table for table in Base.metadata.sorted_tables}
ORDER = {table.name: n for n, table in enumerate(Base.metadata.sorted_tables)}


#: work done with the working copy and the server connection before a writing use commits
BeforeCommit = Callable[[Case, Connection], object]


@contextmanager
def working_copy(address: ServerAddress, *, write: bool,
                 before_commit: BeforeCommit | None = None) -> Iterator[tuple[Case, Connection]]:
    """The server case as a local case, and the server connection for what else
    the caller reads there. ``write``: hold the case's lock, and when the block
    ends without an error send back what changed, then ``before_commit`` (the
    partner view is rebuilt there)."""
    engine = server_engine(address)
    try:
        with tempfile.TemporaryDirectory(prefix="casefile-server-") as folder, engine.begin() as server:
            if write:
                server.execute(text("SELECT pg_advisory_xact_lock(hashtext(:s))"), {"s": address.schema})
            else:
                server.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            copy = snapshot(server, address, Path(folder) / "server.casefile", passphrase=secrets.token_urlsafe(24))
            copy.backup_keep = 0  # a working copy is thrown away: its backups would be too
            try:
                before = unsealed_keys(copy) if write else {}
                with copy.connection() as conn:
                    head = int(conn.execute(text("SELECT coalesce(max(seq), 0) FROM audit_entry")).scalar() or 0)
                yield copy, server
                if write:
                    write_back(copy, server.execution_options(schema_translate_map={None: address.schema}),
                               head, before)
                    if before_commit is not None:
                        before_commit(copy, server)
            finally:
                copy.close(backup=False)
    except DBAPIError as error:
        raise not_allowed(error) or unreachable(address, error) from None
    finally:
        engine.dispose()


def not_allowed(error: Exception) -> CasefileError | None:
    """A member whose role does not let them write what they changed is told so."""
    if "permission denied" in str(getattr(error, "orig", error)):
        return CasefileError(translate("Server", "Your role in this case on the server does not let you make this "
                                                 "change (what you may change: 'casefile server' roles); nothing "
                                                 "was written to the server."))
    return None


def unsealed_keys(case: Case) -> dict[str, set[tuple]]:
    """The keys of the rows the history does not seal (evidence chunks, counters),
    history aside, in the order foreign keys need."""
    out: dict[str, set[tuple]] = {}
    with case.connection() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in UNSEALED and table.name not in HISTORY:
                out[table.name] = {tuple(row) for row in conn.execute(select(*table.primary_key.columns))}
    return out


def _where(table: Table, key: tuple):
    return and_(*(column == value for column, value in zip(table.primary_key.columns, key, strict=True)))


def _upsert(target: Connection, table: Table, row: dict) -> None:
    names = [c.name for c in table.primary_key.columns]
    statement = pg_insert(table).values(row)
    rest = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in names}
    target.execute(statement.on_conflict_do_update(index_elements=names, set_=rest) if rest
                   else statement.on_conflict_do_nothing(index_elements=names))


def write_back(copy: Case, target: Connection, head: int, before: dict[str, set[tuple]]) -> int:
    """Every row ``copy`` changed after its history entry ``head``, onto the server; the rows written."""
    written = 0
    with copy.connection() as conn:
        latest: dict[tuple[str, str], str | None] = {}
        for tbl, key, digest in conn.execute(text(
                "SELECT tbl, key, digest FROM row_state WHERE seq > :h ORDER BY seq"), {"h": head}):
            latest[(tbl, key)] = digest
        gone = sorted((item for item, digest in latest.items() if digest is None), key=lambda i: -ORDER[i[0]])
        kept = sorted((item for item, digest in latest.items() if digest is not None), key=lambda i: ORDER[i[0]])
        for tbl, key in gone:  # dependents first
            table = BY_NAME[tbl]
            written += target.execute(delete(table).where(_where(table, tuple(json.loads(key))))).rowcount
        for tbl, key in kept:  # what they depend on first
            table = BY_NAME[tbl]
            row = conn.execute(select(table).where(_where(table, tuple(json.loads(key))))).mappings().first()
            if row is not None:
                _upsert(target, table, dict(row))
                written += 1
        now = {name: {tuple(row) for row in conn.execute(select(*BY_NAME[name].primary_key.columns))}
               for name in before}
        for name in reversed(before):  # dependents first
            table = BY_NAME[name]
            for key in before[name] - now[name]:
                written += target.execute(delete(table).where(_where(table, key))).rowcount
        for name in before:
            table = BY_NAME[name]
            changed = now[name] if name == "code_counter" else now[name] - before[name]  # counters move
            for key in changed:
                _upsert(target, table, dict(conn.execute(select(table).where(_where(table, key))).mappings().one()))
                written += 1
        for name in HISTORY:  # appended only: inserts
            table = BY_NAME[name]
            column = table.columns["seq"]
            rows = [dict(r) for r in conn.execute(select(table).where(column > head).order_by(column)).mappings()]
            if rows:
                target.execute(table.insert(), rows)
                written += len(rows)
    return written
