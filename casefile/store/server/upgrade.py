"""A server case brought to this Casefile's format (``casefile server upgrade``),
by the same migrations a laptop's case takes.

The migrations are written for case files, so the case makes the trip a
laptop's case makes: its rows, at the format the server holds, are copied into
a new case file of that format (their words opened), which is then opened as
any case is: migrated and every row sealed as it stands (``Case.open``). The
server's schema is then made anew at the current format and filled from that
file (sealed again); the case's key, sealed to its members, and the server
copy's key stay as they were, and so do the members and their roles. One
server transaction, under the case's lock: all or nothing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Column, MetaData, Table, insert, inspect, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ...model import Base
from ...services.keys import DocumenterKey
from .. import migrate
from ..case import Case, CaseKey
from .address import ServerAddress
from .schema import create_case, format_of, q, secure_server_key
from .sealing import KEY_TABLE, CaseSeal, open_seal
from .transfer import copy_rows, follow_sequences, server_engine, unreachable


def upgrade(address: ServerAddress, key: DocumenterKey,
            before_commit: Callable[[Case, Connection], object] | None = None) -> tuple[int, int]:
    """(the format the server case was at, the one it is at now). ``key``: an
    owner's, which opens the case's key; ``before_commit`` runs in the server
    transaction at its end (the partner view is brought up to date there)."""
    engine = server_engine(address)
    try:
        with engine.begin() as server, tempfile.TemporaryDirectory(prefix="casefile-upgrade-") as folder:
            server.execute(text("SELECT pg_advisory_xact_lock(hashtext(:s))"), {"s": address.schema})
            seal = open_seal(server, address, key)
            version, head = format_of(server, address), migrate.head_version()
            if version == head:
                return version, head
            # Made at the server's format and upgraded as it opens; encrypted under a key that dies with it.
            with Case.create_filled(Path(folder) / "upgrading.casefile",
                                    lambda conn: _fill(server, address, seal, conn), passphrase=CaseKey.random(),
                                    version=version) as case:
                case.backup_keep = 0
                _replace(server, address, case, seal, version, head)
                if before_commit is not None:
                    before_commit(case, server)
            return version, head
    except DBAPIError as error:
        raise unreachable(address, error) from None
    finally:
        engine.dispose()


def _fill(server: Connection, address: ServerAddress, seal: CaseSeal, local: Connection) -> None:
    """The server's rows into a case file at the server's format: the columns both
    hold, by name, read through the current model's types and opened."""
    found = inspect(local)
    local_columns = {name: {c["name"] for c in found.get_columns(name)} for name in found.get_table_names()}
    for table in reversed(Base.metadata.sorted_tables):  # what the migrations seeded
        if table.name in local_columns:
            local.execute(table.delete())
    source = server.execution_options(schema_translate_map={None: address.schema})
    for table in Base.metadata.sorted_tables:
        theirs = {name for (name,) in server.execute(text(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = :s AND table_name = :t"),
            {"s": address.schema, "t": table.name})}
        columns = [c for c in table.columns if c.name in theirs and c.name in local_columns.get(table.name, ())]
        if not columns:
            continue
        # the columns of that format only, with their types and none of today's defaults
        then = Table(table.name, MetaData(), *(Column(c.name, c.type, primary_key=c.primary_key) for c in columns))
        rows = source.execute(select(*columns), execution_options={"stream_results": True})
        while batch := rows.fetchmany(2000):
            local.execute(insert(then), seal.open_rows(table, [dict(row._mapping) for row in batch]))


def _replace(server: Connection, address: ServerAddress, case: Case, seal: CaseSeal, version: int,
             head: int) -> None:
    """The server's schema made anew at ``head`` from the upgraded ``case``; the keys kept."""
    was = f"{address.schema}_format_{version}"
    schema, old = q(address.schema), q(was)
    server.exec_driver_sql(f"ALTER SCHEMA {schema} RENAME TO {old}")
    create_case(server, address, head, catalogue=False)
    server.exec_driver_sql(f"INSERT INTO {schema}.{KEY_TABLE} SELECT * FROM {old}.{KEY_TABLE}")
    server.exec_driver_sql(f"CREATE TABLE {schema}.server_key (LIKE {old}.server_key INCLUDING ALL)")
    server.exec_driver_sql(f"INSERT INTO {schema}.server_key SELECT * FROM {old}.server_key")
    secure_server_key(server, address)
    with case.engine.connect() as laptop:
        copy_rows(laptop, server.execution_options(schema_translate_map={None: address.schema}), seal.seal_rows)
    follow_sequences(server, address)
    server.exec_driver_sql(f"DROP SCHEMA {old} CASCADE")
