"""Working on a server case through a local copy: the case, as one server
transaction sees it, is a case file (encrypted under a random key, in a
private folder) and every part of Casefile works on it as on any case (its
history seals, search, evidence, verify). A writing use holds the case's lock
on the server for its length, so writers take turns; at the end the rows it
changed go back to the server in the same transaction, and the change is
announced on the case's channel (LISTEN/NOTIFY).

What moves, either way (``carry``): the rows the history sealed after an
entry, upserted or deleted (each seal names the rows a commit wrote, with
``None`` for a row deleted); the history entries and row states after it,
inserted (the server takes no other change to them); evidence chunks and code
counters, which the history does not seal, by comparing keys (the chunks only
when an evidence item changed: they are written with it). Rows are sealed
under the case's key on their way to the server and opened on their way back
(``sealing``). A ``Mirror``
keeps the copy between uses and brings it up to date the same way, from the
server, instead of copying the whole case again.

All or nothing: an error anywhere rolls the server transaction back and
drops the copy.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Table, and_, delete, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from ...errors import CasefileError
from ...i18n import translate
from ...model import Base
from ...services.keys import DocumenterKey
from .. import fulltext
from ..backup import DEFAULT_KEEP
from ..case import Case, CaseKey, remove_case_files
from ..state import UNSEALED
from .address import ServerAddress
from .schema import q
from .sealing import CaseSeal, Passage, open_seal
from .transfer import server_engine, snapshot, unreachable

HISTORY = ("audit_entry", "row_state")  # append-only on the server
#: evidence bytes and previews: written only with an evidence row, which the history seals, and never
#: changed (content-addressed), so compared only when the history carried says an item changed
CONTENT = frozenset({"chunk", "blob", "blob_chunk", "thumbnail"})
READ_BATCH, UPSERT_BATCH = 500, 2000
BY_NAME = {table.name: table for table in Base.metadata.sorted_tables}
ORDER = {table.name: n for n, table in enumerate(Base.metadata.sorted_tables)}

#: work done with the working copy, once a writing use committed a change, in a transaction of its own
AfterCommit = Callable[[Case, Connection], object]


class Mirror:
    """A local copy of a server case kept between uses (the window keeps one while
    a server case is open): each use brings it up to date with the rows the
    server's history sealed since its head, instead of copying the whole case."""

    def __init__(self, address: ServerAddress, *, at: Path | None = None,
                 passphrase: str | CaseKey | None = None):
        """``at``: keep the copy there, under ``passphrase`` (else in a private
        folder, under a random key, which dies with this process)."""
        self.address = address
        self.seal: CaseSeal | None = None  # the case's key, once opened
        self._folder = tempfile.TemporaryDirectory(prefix="casefile-mirror-") if at is None else None
        self._at = at
        self._passphrase = passphrase
        self.case: Case | None = None
        self._made = 0
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """The server engine kept with the copy: its pooled connection and the
        statements it compiled serve every use (a new engine per sync compiled
        each of its 30-odd statements again)."""
        if self._engine is None:
            self._engine = server_engine(self.address)
        return self._engine

    def current(self, server: Connection, key: DocumenterKey) -> Case:
        """The mirror as of the server's state in ``server``'s transaction; ``key``
        (the member's) opens the case's key."""
        self.seal = seal = open_seal(server, self.address, key)
        if self.case is not None:
            mine = _head(self.case)
            theirs = server.execute(text(f"SELECT hash FROM {q(self.address.schema)}.audit_entry WHERE seq = :s"),
                                    {"s": mine[0]}).scalar()
            if theirs is not None and seal.open_cell(BY_NAME["audit_entry"], "hash", {"seq": mine[0]},
                                                     theirs) == mine[1]:
                # the same history up to our head: only what came after is new
                with self.case.unsealed_transaction() as local:
                    changed = carry(server.execution_options(schema_translate_map={None: self.address.schema}),
                                    local, mine[0], seal.down())
                    for table, ids in changed.items():
                        fulltext.reindex(local, table, ids)
                return self.case
            self.drop()
        self._made += 1
        path = self._at if self._folder is None else Path(self._folder.name) / f"mirror-{self._made}.casefile"
        assert path is not None
        self.case = snapshot(server, self.address, path, seal,
                             passphrase=CaseKey.random() if self._folder is not None else self._passphrase)
        self.case.backup_keep = 0
        return self.case

    def keep(self) -> Case:
        """The copy, the caller's from now on (a laptop copy made as a mirror)."""
        case, self.case = self.case, None
        if case is None:
            raise ValueError("no copy made yet")
        case.backup_keep = DEFAULT_KEEP  # a mirror keeps no backups; a laptop copy does
        return case

    def drop(self) -> None:
        """Forget the copy (it went ahead of the server, or the server's history is not ours)."""
        if self.case is not None:
            path = self.case.path
            self.case.close(backup=False)
            self.case = None
            remove_case_files(path)

    def close(self) -> None:
        self.drop()
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._folder is not None:
            self._folder.cleanup()


@contextmanager
def working_copy(address: ServerAddress, key: DocumenterKey, *, write: bool, after_commit: AfterCommit | None = None,
                 mirror: Mirror | None = None, announce: Callable[[], str | None] | None = None
                 ) -> Iterator[tuple[Case, Connection]]:
    """The server case as a local case, and the server connection for what else
    the caller reads there; ``key``: the member's documenter key, which opens
    the case's key (``sealing``). ``write``: hold the case's lock, and when the block
    ends without an error send back what changed and commit; then, when
    something changed, ``after_commit`` in a transaction of its own (the
    partner view is rebuilt there, behind a lock of its own, so that rebuilding
    it does not hold up the members). ``mirror``: use and keep that copy.
    ``announce``: what to say on the case's channel once the changes are sent
    (None: nothing; by default, an empty message: something changed)."""
    own = mirror or Mirror(address)
    engine = own.engine
    try:
        changed = False
        with engine.begin() as server:
            if write:
                server.execute(text("SELECT pg_advisory_xact_lock(hashtext(:s))"), {"s": address.schema})
            else:
                server.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            copy = own.current(server, key)
            head = _head(copy)[0]
            try:
                yield copy, server
                if write and _head(copy)[0] != head:
                    assert own.seal is not None  # opened by current()
                    carry(copy.engine.connect(), server.execution_options(
                        schema_translate_map={None: address.schema}), head, own.seal.up(), close_source=True)
                    message = "" if announce is None else announce()
                    if message is not None:  # delivered when the transaction commits
                        server.execute(text("SELECT pg_notify(:c, :m)"), {"c": channel(address), "m": message})
                    changed = message is not None
            except BaseException:
                own.drop()  # it may hold what the server will not: made afresh next time
                raise
        if changed and after_commit is not None:
            with engine.begin() as server:
                server.execute(text("SELECT pg_advisory_xact_lock(hashtext(:s))"), {"s": address.schema + "/after"})
                after_commit(copy, server)
    except DBAPIError as error:
        raise not_allowed(error) or unreachable(address, error) from None
    finally:
        if mirror is None:
            own.close()  # and its engine


def channel(address: ServerAddress) -> str:
    """The channel a server case's changes are announced on (LISTEN/NOTIFY)."""
    return f"casefile_{address.url.database}_{address.case}"


def _head(case: Case) -> tuple[int, str]:
    with case.connection() as conn:
        row = conn.execute(text("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1")).first()
    return (int(row[0]), str(row[1])) if row else (0, "")


def not_allowed(error: Exception) -> CasefileError | None:
    """A member whose role does not let them write what they changed is told so."""
    if "permission denied" in str(getattr(error, "orig", error)):
        return CasefileError(translate("Server", "Your role in this case on the server does not let you make this "
                                                 "change (what you may change: 'casefile server' roles); nothing "
                                                 "was written to the server."))
    return None


def _where(table: Table, key: tuple):
    return and_(*(column == value for column, value in zip(table.primary_key.columns, key, strict=True)))


def _upsert(target: Connection, table: Table, rows: list[dict]) -> None:
    """Insert or replace rows by key, in one statement run for all of them."""
    if not rows:
        return
    names = [c.name for c in table.primary_key.columns]
    statement = (pg_insert if target.dialect.name == "postgresql" else sqlite_insert)(table)
    rest = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in names}
    target.execute(statement.on_conflict_do_update(index_elements=names, set_=rest) if rest
                   else statement.on_conflict_do_nothing(index_elements=names), rows)


def _rows(source: Connection, table: Table, keys: list[tuple]) -> list[dict]:
    """The rows of ``table`` with these keys that ``source`` still holds; by the
    hundred where the key is one column (a first look writes every item once)."""
    columns = list(table.primary_key.columns)
    if len(columns) > 1:
        found = (source.execute(select(table).where(_where(table, key))).mappings().first() for key in keys)
        return [dict(row) for row in found if row is not None]
    out = []
    for start in range(0, len(keys), READ_BATCH):
        part = [key[0] for key in keys[start:start + READ_BATCH]]
        out += [dict(row) for row in source.execute(select(table).where(columns[0].in_(part))).mappings()]
    return out


def _keys(conn: Connection, table: Table) -> set[tuple]:
    return {tuple(row) for row in conn.execute(select(*table.primary_key.columns))}


def carry(source: Connection, target: Connection, head: int, passage: Passage, *,
          close_source: bool = False) -> dict[str, set[int]]:
    """What ``source`` holds after its history entry ``head`` that ``target`` (at
    that entry) lacks, onto ``target``, either way between a case file and the
    server: the rows sealed after ``head`` (upserted, or deleted where the seal
    says gone), evidence chunks and counters by comparing keys, and the history
    entries and row states after ``head`` (inserted). ``passage`` makes rows
    ready for ``target`` (sealed, or opened), and finds them by key on either
    side. The ids changed per record table (for the search index)."""
    changed: dict[str, set[int]] = {}
    try:
        latest: dict[tuple[str, str], str | None] = {}
        for tbl, key, digest in source.execute(
                select(BY_NAME["row_state"].c.tbl, BY_NAME["row_state"].c.key, BY_NAME["row_state"].c.digest)
                .where(BY_NAME["row_state"].c.seq > head).order_by(BY_NAME["row_state"].c.seq)):
            latest[(tbl, passage.state_key(tbl, key))] = digest
        gone = sorted((item for item, digest in latest.items() if digest is None), key=lambda i: -ORDER[i[0]])
        kept = sorted((item for item, digest in latest.items() if digest is not None), key=lambda i: ORDER[i[0]])
        for tbl, key in gone:  # dependents first
            table, values = BY_NAME[tbl], tuple(json.loads(key))
            target.execute(delete(table).where(_where(table, passage.at_target(table, values))))
            if "id" in table.c and len(values) == 1:
                changed.setdefault(tbl, set()).add(int(values[0]))
        keys_of: dict[str, list[tuple]] = {}
        for tbl, key in kept:  # in the order foreign keys need
            keys_of.setdefault(tbl, []).append(tuple(json.loads(key)))
        for tbl, keys in keys_of.items():  # read and written a table at a time
            table = BY_NAME[tbl]
            rows = _rows(source, table, [passage.at_source(table, key) for key in keys])
            if "id" in table.c and len(table.primary_key.columns) == 1:
                changed.setdefault(tbl, set()).update(int(row["id"]) for row in rows)
            for start in range(0, len(rows), UPSERT_BATCH):
                _upsert(target, table, passage.rows(table, rows[start:start + UPSERT_BATCH]))
        unsealed = [t for t in Base.metadata.sorted_tables if t.name in UNSEALED and t.name not in HISTORY
                    and (t.name not in CONTENT or any(tbl == "evidence" for tbl, _ in latest))]
        wanted = {t.name: _keys(source, t) for t in unsealed}
        held = {t.name: _keys(target, t) for t in unsealed}
        for table in reversed(unsealed):  # dependents first
            for key in held[table.name] - wanted[table.name]:
                target.execute(delete(table).where(_where(table, key)))
        for table in unsealed:
            moved = wanted[table.name] if table.name == "code_counter" else wanted[table.name] - held[table.name]
            _upsert(target, table, passage.rows(table, [
                dict(source.execute(select(table).where(_where(table, key))).mappings().one()) for key in moved]))
        for name in HISTORY:  # appended only: inserts
            table = BY_NAME[name]
            column = table.columns["seq"]
            rows = [dict(r) for r in source.execute(select(table).where(column > head).order_by(column)).mappings()]
            if rows:
                target.execute(table.insert(), passage.rows(table, rows))
    finally:
        if close_source:
            source.close()
    return changed
