"""A case: one ``.casefile`` SQLite (or SQLCipher) file holding every record
and every evidence file.

``Case.create`` and ``Case.open`` apply the refusals a documenter needs (not a
Casefile file, newer format, damaged, already open, wrong passphrase), migrate
older files after a backup copy, and hand out SQLAlchemy sessions whose
flushes assign record codes, append to the audit chain and tell listeners.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, StaticPool

from ..errors import CasefileError, DamagedCase
from ..i18n import translate
from ..model import AuditEntry, CaseInfo
from . import audit, migrate, state, storage
from . import backup as _backup
from .connection import (
    APPLICATION_ID,
    BULK_CACHE_KIB,
    BUSY_TIMEOUT_MS,
    CaseKey,
    as_key,
    cache_kib,
    connect,
    rekey,
)
from .engines import checkpoint, make_engine, migration_engine
from .lock import CaseLock, DelegatedLock, Lock
from .opening import check_file, identify, roll_back_hot_journal
from .seed import seed_case
from .storage import CaseReadOnly
from .tracking import ChangeTracker

SUFFIX = ".casefile"


class CaseBusy(CasefileError):
    """The case is lent to a sole writer on another thread (a large file going in)."""


class CaseSession(Session):
    """A session on the case's engine as it is when the session first connects:
    the sole writer's on the thread it is lent to, the shared pool elsewhere."""

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self._case = case

    def get_bind(self, mapper=None, **kwargs):
        return self.bind if self.bind is not None else self._case.engine


Listener = Callable[[dict[str, set[int]]], None]


class Case:
    def __init__(self, path: Path, key: CaseKey | None, lock: Lock, *, read_only: str | None = None):
        self.path = path
        self._key = key
        self._lock = lock
        #: why the case is open read-only (``storage.READ_ONLY`` or ``FULL``), or None
        self.read_only = read_only
        #: rotating backups kept on close (the window passes its setting; 0: none)
        self.backup_keep = _backup.DEFAULT_KEEP
        # The sole writer's connection once it is done (``sole_writer``): open,
        # armed for the seal, and the pool's next one, so the window's first
        # query after a large file pays for no new connection.
        self._spares: list[Any] = []
        if read_only:  # nothing is written, so nothing is sealed
            self._engine: Engine | None = make_engine(lambda: connect(self.path, self._key, readonly=True))
        else:
            self._engine = make_engine(self._connect, sealed_by=lambda: self.documenter)
        self.Session = sessionmaker(class_=CaseSession, case=self, expire_on_commit=False)
        # Inside sole_writer(): the thread it is lent to and its one connection,
        # through one engine for every lend, so its statements compile once.
        self._sole: tuple[int, Engine] | None = None
        self._lent: Any = None  # the DB-API connection lent now
        self._lend_engine: Engine | None = None
        # unsealed_transaction's, kept so its statements compile once per case;
        # no pool: each use opens its own connection, under the key of the day.
        self._unsealed_engine: Engine | None = None
        self._returned = threading.Event()  # set whenever the case is not lent
        self._returned.set()
        self._held: dict[str, set[int]] = {}  # changes told when the sole writer is done
        self._listeners: list[Listener] = []
        self._told: dict[str, int] = {}  # how many notices of each kind: see generation()
        self.tracker = ChangeTracker(self)
        self.tracker.install(self.Session)
        with self.engine.connect() as conn:
            info = conn.execute(select(CaseInfo.title, CaseInfo.documenter)).first()
        self.title = info.title if info else ""
        self.documenter = info.documenter if info else ""
        try:
            self._head_at_open: str | None = self.audit_head()
        except audit.ChainHeadUnreadable:  # still opens, so that verify can say what is wrong
            self._head_at_open = None

    # -- creating and opening -------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike, title: str, *, documenter: str = "",
               organisation: str = "", passphrase: str | None = None, language: str = "en") -> Case:
        if not title.strip():
            raise CasefileError(translate("Errors", "A case needs a title."))

        def seed(conn: Connection) -> None:
            seed_case(conn, title=title.strip(), documenter=documenter.strip(),
                      organisation=organisation.strip(), language=language)
            state.mark_all(conn.connection.driver_connection)  # sealed as the creation commits

        return cls.create_filled(path, seed, passphrase=passphrase)

    @classmethod
    def create_filled(cls, path: str | os.PathLike, fill: Callable[[Connection], None], *,
                      passphrase: str | CaseKey | None = None, version: int | None = None) -> Case:
        """A new case file at the current format whose rows ``fill`` writes, in the
        transaction that makes the file (foreign keys checked before it commits);
        all or nothing: a failure leaves no file. ``version``: made at that earlier
        format and filled there, then opened, which upgrades it as any case."""
        path = Path(path)
        if path.exists():
            raise CasefileError(translate("Errors", "{path} already exists; choose another name.").format(path=path))
        if not path.parent.is_dir():
            raise CasefileError(translate("Errors", "Folder {path} does not exist.").format(path=path.parent))
        storage.check_can_create(path)
        key = as_key(passphrase)
        try:
            raw = connect(path, key)
            raw.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
            raw.close()
            engine = migration_engine(path, key)
            with engine.begin() as conn:
                migrate.upgrade(conn, "head" if version is None else f"{version:04d}")
                fill(conn)
                _check_foreign_keys(conn, path)
            engine.dispose()
        except BaseException:
            remove_case_files(path)
            raise
        try:
            return cls.open(path, passphrase=key, check=False)
        except BaseException as error:  # e.g. the disk filled up meanwhile: no case left half made
            remove_case_files(path)
            if isinstance(error, CaseReadOnly):
                raise CaseReadOnly(storage.not_created_message(path)) from None
            raise

    @classmethod
    def open(cls, path: str | os.PathLike, *, passphrase: str | CaseKey | None = None, check: bool = True,
             read_only: bool | None = False, stage: Callable[[str], None] | None = None) -> Case:
        """Open a case with the open-time checks. ``read_only``: False (the
        default) refuses, with one line, a case that cannot be changed here (a
        read-only medium, a full disk); True reads without writing a byte;
        None changes it when it can and otherwise reads it (``Case.read_only``
        says why). ``stage(text)`` is told what a case of an older format goes
        through, which takes as long as copying it (the window shows it)."""
        path = Path(path)
        key = as_key(identify(path, passphrase))
        lock = CaseLock(path)
        lock.acquire()
        try:
            why = storage.why_not_writable(path)
            if why != storage.READ_ONLY:  # deleting needs no space
                storage.clear_half_made_index(path)
            if why is not None and read_only is False:
                raise storage.read_only_error(path, why)
            if why == storage.READ_ONLY:
                storage.check_readable_here(path)
            recovered = False if why == storage.READ_ONLY else roll_back_hot_journal(path, key)
            version = check_file(path, key, check=check, unclean=recovered)
            if version < migrate.head_version():
                if why is not None:
                    raise CaseReadOnly(translate(
                        "Errors", "{path} is in an older format, which is updated on opening, and it cannot be "
                        "changed here: copy it to a writable folder and open it there").format(path=path))
                say = stage or (lambda _text: None)
                say(translate("Case", "{name} is in an older format: making a backup copy of it first…").format(
                    name=path.name))
                _backup.backup_before_migration(path, key, to_format=migrate.head_version())
                say(translate("Case", "Updating {name} to this Casefile's format…").format(name=path.name))
                engine = migration_engine(path, key)
                with engine.begin() as conn:
                    migrate.upgrade(conn)
                    _check_foreign_keys(conn, path)
                    if migrate.rows_change(version):
                        _seal_upgraded(conn)
                engine.dispose()
            if why is None and not read_only:
                _backup.clean_partials(path)  # a backup killed half way
            return _open_engine(cls, path, key, lock, why=why or (storage.READ_ONLY if read_only else None),
                                fall_back=read_only is None)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open_delegated(cls, path: str | os.PathLike, *, passphrase: str | None = None) -> Case:
        """Open a case that the calling process's parent holds open and checked
        (a child doing long work for the window): no lock, no open-time checks."""
        return cls(Path(path), as_key(passphrase), DelegatedLock())

    @property
    def engine(self) -> Engine:
        if self._sole is not None:
            thread, engine = self._sole
            if thread == threading.get_ident():
                return engine
            # Its journal holds the file locked: a reader would wait for the whole intake.
            raise CaseBusy(translate(
                "Errors", "{name} is busy taking in a large file; try again when it is done.").format(
                name=self.path.name))
        if self._engine is None:  # a closed case let go of its file and key
            raise RuntimeError(f"{self.path.name} is closed")
        return self._engine

    def _connect(self) -> Any:
        """A new connection for the pool: the sole writer's, if it left one."""
        try:
            return self._spares.pop()  # atomic: two threads never get the same one
        except IndexError:
            return connect(self.path, self._key)

    def _drop_spares(self) -> None:
        while self._spares:
            with contextlib.suppress(IndexError):
                self._spares.pop().close()

    @property
    def sole(self) -> bool:
        """Whether this thread writes through the sole writer (``sole_writer``)."""
        return self._sole is not None and self._sole[0] == threading.get_ident()

    @property
    def lent(self) -> bool:
        """Whether the case is lent to a sole writer on another thread, so
        this one must not touch it now (``CaseBusy``)."""
        return self._sole is not None and self._sole[0] != threading.get_ident()

    @property
    def closed(self) -> bool:
        return self._engine is None

    @property
    def passphrase(self) -> str | None:
        """While open, so the window can hand it to a child through a pipe."""
        return self._key.passphrase if self._key is not None else None

    def close(self, backup: bool = True) -> None:
        """Checkpoint so the file stands alone, then let go of it.

        With ``backup`` (the default) and if anything changed since the case
        was opened, a rotating backup is written next to it first; a command
        that only read the case leaves no backup behind.
        """
        if self._engine is None:
            return
        if self.lent:  # closing waits for the file going in: it commits, or rolls back if cancelled
            self._returned.wait()
        try:
            if self.read_only:
                return  # nothing was written: nothing to fold back, nothing to back up
            changed = backup and self.backup_keep > 0 and self._changed_since_open()
            try:
                with self.engine.connect() as conn:
                    checkpoint(conn)
            except (DBAPIError, sqlite3.Error, sqlcipher.Error) as error:
                if not storage.is_disk_full(error, storage.real_path(self.path).parent):
                    raise
                # Every commit is already in the -wal file, which the next
                # opening folds back in; no backup of a file that is not whole.
                raise CasefileError(translate(
                    "Errors", "{name} is saved, but there was no space left to fold its log ({name}-wal) back "
                    "into it: keep that file beside it and open the case again once there is space"
                ).format(name=self.path.name)) from None
            self.engine.dispose()
            if changed:
                try:
                    _backup.make_backup(self.path, self._key, keep=self.backup_keep)
                except (OSError, DBAPIError, sqlite3.Error, sqlcipher.Error) as error:
                    # disk full, folder read-only: the case itself is safe
                    raise CasefileError(translate(
                        "Errors", "{name} was saved and closed, but its backup could not be written: {why}"
                    ).format(name=self.path.name, why=getattr(error, "strerror", None) or error)) from None
        finally:
            self.engine.dispose()
            self._drop_spares()
            self._engine = None
            if self._key is not None:
                self._key.forget()
            self._key = None
            self._lock.release()

    def _changed_since_open(self) -> bool:
        try:
            return self.audit_head() != self._head_at_open
        except audit.ChainHeadUnreadable:
            return False  # nothing could have been written: every write appends to the history

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- using ----------------------------------------------------------------

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    def change_passphrase(self, new: str) -> CaseKey:
        """Re-encrypt the case under a new passphrase (SQLCipher ``rekey``).

        Pooled connections still hold the old key, so they are closed first
        and the pool reopens with the new one. Returns the old key, which the
        caller uses for the backups and then forgets. Use ``services.security``.
        """
        if self._key is None:
            raise CasefileError(translate(
                "Errors", "{path} is not encrypted; make an encrypted copy instead.").format(path=self.path))
        new_key = CaseKey(new)
        self.engine.dispose()
        self._drop_spares()  # they hold the old key
        conn = connect(self.path, self._key)
        try:
            rekey(conn, self.path, new_key)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no frames under the old key linger in the WAL
        finally:
            conn.close()
        old, self._key = self._key, new_key
        self.engine.dispose()
        return old

    @contextmanager
    def sole_writer(self) -> Iterator[bool]:
        """Lend the case to this thread: it writes through one connection with
        a rollback journal instead of the WAL (``add-evidence``, a large file
        taken in through the window).

        Under WAL every byte of an evidence file is written twice: into the
        WAL, then into the case at the checkpoint. A rollback journal only
        keeps the pages a transaction changes, not the ones it adds at the
        end of the file, so a file goes in about twice as fast and needs its
        own size free once instead of twice. The price is concurrency: the
        mode can only change on the sole connection, and a reader would wait
        for the whole write. So the case is this thread's alone meanwhile:
        another thread that reaches for it gets ``CaseBusy`` at once (the
        window keeps a progress dialog up and holds its views' refresh), and
        the changes it commits are told to listeners when it is done.

        Yields whether the rollback journal is in effect; False means another
        connection is in use and writes go through the WAL as usual. A crash
        meanwhile leaves a hot journal, which the next ``Case.open`` rolls back.
        """
        if self.sole:
            yield True
            return
        shared = self.engine  # CaseBusy if another thread has it
        raw: Any = None
        try:
            # An idle pooled connection, armed for the seal already, leaves the
            # pool for the lend; the others hold the WAL open, so they close.
            pooled = shared.raw_connection()
            pooled.detach()
            raw = pooled.dbapi_connection
            shared.dispose()
            self._drop_spares()
            raw.execute("PRAGMA busy_timeout = 0")
            mode = raw.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        except Exception:  # noqa: BLE001 - "database is locked", or no new connection: the WAL will do
            mode = None
        if mode != "delete":
            if raw is not None:
                raw.close()
            yield False
            return
        assert raw is not None  # the journal mode was read through it
        if self._lend_engine is None:
            self._lend_engine = make_engine(lambda: self._lent, poolclass=StaticPool, sealed_by=lambda: self.documenter)
        sole, self._lent = self._lend_engine, raw
        self._sole = (threading.get_ident(), sole)
        self._returned.clear()
        try:
            yield True
        finally:
            # Back to WAL on the way out, and the connection back to the pool;
            # should that fail, the next pooled connection switches anyway
            # (connection.apply_pragmas). On the DB-API connection, outside
            # any transaction: SQLite changes the mode only there.
            sole.dispose(close=False)  # its next lend opens its pool on that lend's connection
            self._lent = None
            mode = None
            with contextlib.suppress(Exception):
                if raw.in_transaction:  # left open by a failure: nothing in it was committed
                    raw.rollback()
                mode = raw.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode == "wal":
                self._spares.append(raw)
            else:
                raw.close()
            self._sole = None
            self._returned.set()
            held, self._held = self._held, {}
            if held:
                self.notify(held)

    def release_wal(self) -> None:
        """Copy the WAL into the case and empty it now, not at close: one
        evidence file is one transaction, so its WAL is as large as the file.
        While it waits for readers it holds up writers, so it gives up after
        a quarter of a second; the next checkpoint does it then. A sole
        writer has no WAL: nothing to do."""
        if self.sole:
            return
        with self.engine.connect() as conn:
            raw: Any = conn.connection.driver_connection
            raw.execute("PRAGMA busy_timeout = 250")
            try:
                checkpoint(conn)
            finally:
                raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")

    @property
    def format_version(self) -> int:
        with self.engine.connect() as conn:
            return migrate.current_version(conn)

    @contextmanager
    def session(self, who: str | None = None) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on error."""
        with self.Session() as session:
            session.info["who"] = self.documenter if who is None else who
            with session.begin():
                yield session

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """A Core connection in a transaction, for bulk work and queries."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def bulk_connection(self) -> Iterator[Connection]:
        """Like ``connection``, for one large write that only adds rows (an
        import), sealed as a whole (``state.appending``), with an eight
        times larger page cache while it lasts. A big import keeps pushing
        pages out of the cache. In an encrypted case each of them is encrypted
        again on the way out and decrypted again on the way back: at full
        scale the import ran twice as long with the normal cache."""
        with self.engine.connect() as conn:
            try:
                with conn.begin():
                    conn.exec_driver_sql(f"PRAGMA cache_size = {-BULK_CACHE_KIB:d}")
                    with state.appending(conn.connection.driver_connection):
                        yield conn
            finally:
                if not conn.invalidated:
                    # Back to normal before the pool hands it out again; this
                    # only concerns memory, so it must not hide the real error.
                    with contextlib.suppress(DBAPIError):
                        conn.exec_driver_sql(f"PRAGMA cache_size = {-cache_kib(conn.connection.driver_connection):d}")
                        conn.commit()

    @contextmanager
    def unsealed_transaction(self) -> Iterator[Connection]:
        """A transaction whose writes the history does not seal: for rows sealed
        elsewhere, copied in with their seals (a server case's changes)."""
        if self._unsealed_engine is None:
            self._unsealed_engine = make_engine(lambda: connect(self.path, self._key), poolclass=NullPool)
        with self._unsealed_engine.begin() as conn:
            yield conn

    def audit_head(self) -> str:
        """The chain hash of the last history entry (raises ChainHeadUnreadable
        with one clear line when the history table cannot be read)."""
        with self.engine.connect() as conn:
            try:
                return audit.head(conn)[1]
            except Exception as error:
                raise audit.ChainHeadUnreadable(audit.unreadable_message()) from error

    def audit_head_seq(self) -> int:
        """The number of the last history entry (0 for none)."""
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.max(AuditEntry.seq))).scalar() or 0)

    def attested_head(self) -> str:
        """The head, for printing where it vouches for the case (a dossier
        cover): only when the whole history verifies and every row is what
        it says; otherwise one line and nothing to print."""
        with self.engine.connect() as conn:
            try:
                holds = audit.verify(conn) is None and not state.tampered(conn)
            except Exception:  # a damaged table or row: it does not hold either
                holds = False
            if holds:
                return audit.head(conn)[1]
        raise audit.ChainHeadUnreadable(translate(
            "Errors", "{name} does not verify: its history or records were altered outside Casefile; "
            "nothing was exported. Run 'casefile verify' to see what.").format(name=self.path.name))

    # -- change notification: the store tells views what changed ---------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def notify(self, changes: dict[str, set[int]]) -> None:
        """Called after a commit with {record kind or table: ids}; held while
        the case is lent to a sole writer, whose listeners could not read it."""
        if self._sole is not None:
            for kind, ids in changes.items():
                self._held.setdefault(kind, set()).update(ids)
            return
        for kind in changes:  # before any listener, so that each one sees the new generation
            self._told[kind] = self._told.get(kind, 0) + 1
        for listener in list(self._listeners):
            listener(changes)

    def generation(self, *kinds: str) -> tuple[int, ...]:
        """How many changes of each kind the case has told of: what was read
        from those kinds while it is the same is still current (a cache)."""
        return tuple(self._told.get(kind, 0) for kind in kinds)


def _open_engine(cls, path: Path, key: CaseKey | None, lock: CaseLock, *, why: str | None,
                 fall_back: bool) -> Case:
    """The case on its engine. On a full disk SQLite cannot even set up its
    log for writing (``disk I/O error``): then, when the caller can do with
    reading (``fall_back``), read it; else one line. Either way the half-made
    log index that attempt left is removed, so the case is as it was."""
    try:
        return cls(path, key, lock, read_only=why)
    except DBAPIError as error:
        if why or not storage.is_disk_full(error, storage.real_path(path).parent):
            raise
    storage.clear_half_made_index(path)
    if not fall_back:
        raise CaseReadOnly(storage.no_space_message(path))
    return cls(path, key, lock, read_only=storage.FULL)


def _check_foreign_keys(conn: Connection, path: Path) -> None:
    if conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
        raise DamagedCase(translate(
            "Errors", "{path} has links to records that do not exist; it was not upgraded.").format(path=path))


def _seal_upgraded(conn: Connection) -> None:
    """After a format upgrade, seal every row as it stands, so that from here
    on ``verify`` can tell any row edited behind Casefile's back. A history
    that does not hold is left as it is, for ``verify`` to report."""
    try:
        audit.verified_head(conn)
    except audit.ChainHeadUnreadable:
        return
    state.mark_all(conn.connection.driver_connection)


def remove_case_files(path: Path) -> None:
    """Delete a case file that must not stay (a failed creation, a half
    written copy) with every companion SQLite may have left beside it."""
    for p in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))):
        p.unlink(missing_ok=True)
