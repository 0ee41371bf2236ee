"""The SQLAlchemy engines on a case file: pooled and sealing for the case's
own work, one for schema changes, and the WAL folded back in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

from . import state
from .connection import CaseKey, connect


def checkpoint(conn: Connection) -> None:
    """Fold the WAL into the case and empty it. Outside any transaction, on a
    connection that has read once: one that has not (a new one, as after
    ``sole_writer``) opens the WAL from inside the checkpoint, which then
    finds its own read under way and refuses, "database table is locked"."""
    raw: Any = conn.connection.driver_connection
    raw.execute("SELECT count(*) FROM sqlite_master").fetchall()
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def make_engine(creator: Callable, poolclass=QueuePool, sealed_by: Callable[[], str] | None = None) -> Engine:
    """An engine on the case file; with ``sealed_by`` (who the history names),
    each commit seals the rows it wrote (``store.state``)."""
    # The pool keeps its connections, so each pays SQLCipher's key set-up once;
    # it hands out the one used last, whose page cache is warm.
    sizes = dict(pool_size=4, max_overflow=4, pool_use_lifo=True) if poolclass is QueuePool else {}
    engine = create_engine("sqlite://", creator=creator, poolclass=poolclass, **sizes)

    if sealed_by is not None:
        @event.listens_for(engine, "connect")
        def _arm(dbapi_conn, record):
            # Armed in another pool already (a lent one): its triggers are there,
            # and creating them again costs milliseconds. Not in state.install,
            # which also re-creates triggers that state.appending dropped.
            if not getattr(dbapi_conn, "sealing", False):
                state.install(dbapi_conn)
            dbapi_conn.who = sealed_by

    # The driver runs in autocommit mode; we start transactions ourselves so
    # that DDL and DML alike are atomic (SQLAlchemy's pysqlite recipe).
    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN")

    return engine


def migration_engine(path: Path, key: CaseKey | None) -> Engine:
    """An engine for schema changes: foreign keys off, as SQLite's own
    procedure for altering a table asks. Rebuilding a table drops the old
    one, and with them on that would delete (or null) every row pointing at
    it. They are checked before the change commits (``case._check_foreign_keys``)."""
    def creator():
        conn = connect(path, key)
        conn.execute("PRAGMA foreign_keys = OFF")
        return conn

    return make_engine(creator)
