"""Moving a case between a laptop and the server, whole: ``push`` uploads a
laptop case into a new schema on the server, ``pull`` makes a laptop copy of
a server case. Every table is copied row for row (the history, its sealed row
states and the evidence chunks included), so the copy has the same records and
the same history head, and ``verify`` holds on it. The words are sealed under
the case's key on the way up and opened on the way down (``sealing``). Each is
one transaction on each side: all or nothing.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Table, create_engine, delete, func, insert, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from ...errors import CasefileError
from ...i18n import translate
from ...model import Base
from ...services.keys import DocumenterKey
from .. import fulltext, migrate
from ..case import Case, CaseKey
from .address import ServerAddress
from .schema import case_exists, create_case, format_of, has_catalogue, q, store_server_key
from .sealing import CaseSeal, open_seal, share

BATCH = 2000
#: (table name, rows copied so far); return True to stop
Progress = Callable[[str, int], bool | None]
#: rows of a table as they are to be written (sealed for the server, opened for a laptop)
Convert = Callable[[Table, list[dict]], list[dict]]


class Cancelled(CasefileError):
    pass


def server_engine(address: ServerAddress) -> Engine:
    return create_engine(address.url, pool_pre_ping=True, connect_args={"application_name": "casefile"})


def unreachable(address: ServerAddress, error: Exception) -> CasefileError:
    """One line for what the server said: unreachable, refused, or not this member's to read."""
    reason = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if "permission denied" in reason:
        return CasefileError(translate("Server", "Your role in {address} does not let you read the case's tables "
                                                 "(a partner reads the partner view).").format(address=address))
    return CasefileError(translate("Server", "Cannot use the server at {address}: {reason}").format(
        address=address, reason=reason))


def copy_rows(source: Connection, target: Connection, convert: Convert, progress: Progress | None = None) -> int:
    """Every row of every table, in the order foreign keys need; ``source`` and
    ``target`` carry their own schema maps."""
    total = 0
    for table in Base.metadata.sorted_tables:
        rows = source.execute(select(table).order_by(*table.primary_key.columns),
                              execution_options={"stream_results": True})  # this statement only
        while batch := rows.fetchmany(BATCH):
            target.execute(insert(table), convert(table, [dict(row._mapping) for row in batch]))
            total += len(batch)
            if progress is not None and progress(table.name, total):
                raise Cancelled(translate("Server", "Stopped; nothing was copied."))
    return total


def push(case: Case, address: ServerAddress, key: DocumenterKey, progress: Progress | None = None,
         before_commit: Callable[[Case, Connection], object] | None = None) -> int:
    """Upload a laptop case as a new case on the server, with a new case key
    sealed to ``key`` (the pusher is its first owner); the rows copied.
    ``before_commit`` runs in the server transaction at its end."""
    case.attested_head()  # only a case that verifies: the server would vouch for it
    engine = server_engine(address)
    try:
        with engine.begin() as server:
            if not has_catalogue(server):
                raise CasefileError(translate("Server", "{address} has no Casefile catalogue: run 'casefile server "
                                                        "init' on it first.").format(address=address))
            if case_exists(server, address):
                raise CasefileError(translate("Server", "{address} already holds a case by that name; nothing was "
                                                        "pushed.").format(address=address))
            create_case(server, address, migrate.head_version())
            seal = CaseSeal.new()
            share(server, address, seal, key.public_key, key.name)
            store_server_key(server, address, translate("Server", "Server copy of {case}").format(case=address.case),
                             secrets.token_bytes(32), seal)
            target = server.execution_options(schema_translate_map={None: address.schema})
            with case.engine.connect() as laptop:
                copied = copy_rows(laptop, target, seal.seal_rows, progress)
            follow_sequences(server, address)
            if before_commit is not None:
                before_commit(case, server)
    except DBAPIError as error:
        if "NUL (0x00)" in str(error.orig):
            raise CasefileError(translate("Server", "The case holds a NUL character, which PostgreSQL cannot store; "
                                                    "nothing was pushed.")) from None
        raise unreachable(address, error) from None
    finally:
        engine.dispose()
    return copied


def follow_sequences(server: Connection, address: ServerAddress) -> None:
    """Each table's id sequence after the ids copied in (so that a row added on the server gets a new one)."""
    for table in Base.metadata.sorted_tables:
        if "id" in table.columns and table.columns["id"].autoincrement in (True, "auto") \
                and table.columns["id"].primary_key:
            name = f"{q(address.schema)}.{q(table.name)}"
            server.execute(text(f"SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                                f"coalesce(max(id), 1), max(id) IS NOT NULL) FROM {name}"), {"t": name})


def pull(address: ServerAddress, out: str | os.PathLike, key: DocumenterKey, *,
         passphrase: str | CaseKey | None = None, progress: Progress | None = None) -> Case:
    """A laptop copy of a server case at ``out`` (encrypted with ``passphrase``),
    open; ``key``: the member's, which opens the case's key."""
    engine = server_engine(address)
    try:
        with engine.connect() as server:
            server.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")  # one snapshot
            return snapshot(server, address, out, open_seal(server, address, key), passphrase=passphrase,
                            progress=progress)
    except DBAPIError as error:
        raise unreachable(address, error) from None
    finally:
        engine.dispose()


def snapshot(server: Connection, address: ServerAddress, out: str | os.PathLike, seal: CaseSeal, *,
             passphrase: str | CaseKey | None = None, progress: Progress | None = None) -> Case:
    """The server case as its transaction sees it, copied into a new case file at ``out``."""
    if not case_exists(server, address):
        raise CasefileError(translate("Server", "{address}: no such case on the server.").format(address=address))
    version = format_of(server, address)
    if version < migrate.head_version():
        raise CasefileError(translate("Server", "The case on the server is at format {theirs}, this Casefile at "
                                                "{ours}: upgrade it first with 'casefile server upgrade {address}' "
                                                "(as the role that pushed it).").format(
            theirs=version, ours=migrate.head_version(), address=address))
    source = server.execution_options(schema_translate_map={None: address.schema})

    def fill(conn: Connection) -> None:
        for table in reversed(Base.metadata.sorted_tables):  # what the migrations seeded
            conn.execute(delete(table))
        copy_rows(source, conn, seal.open_rows, progress)
        fulltext.index_all(conn)

    return Case.create_filled(Path(out), fill, passphrase=passphrase)  # its title read from the rows copied


def count_rows(address: ServerAddress) -> dict[str, int]:
    """Rows per table of a server case (for ``info`` and the tests)."""
    engine = server_engine(address)
    try:
        with engine.connect() as server:
            source = server.execution_options(schema_translate_map={None: address.schema})
            return {table.name: int(source.execute(select(func.count()).select_from(table)).scalar() or 0)
                    for table in Base.metadata.sorted_tables}
    finally:
        engine.dispose()
