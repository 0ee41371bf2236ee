"""Low-level SQLite/SQLCipher connections with Casefile's pragmas.

Everything SQLite-specific about opening a file lives here, so a server
database can later stand behind the same SQLAlchemy layer.

Keys: SQLCipher 4 derives the page key from the passphrase with
PBKDF2-HMAC-SHA512 (256,000 iterations, salt = the file's first 16 bytes),
about 0.15 s per connection. ``CaseKey`` runs that derivation once per case
and keys every further connection with the raw key, so a pool that opens a
new connection (a worker thread, an overflow) pays nothing.

``cipher_memory_security`` stays at SQLCipher 4.12's default, OFF: wiping
every freed buffer costs real time, and whoever can read this process's
memory can read the live key anyway. The lock closes the case and drops the
key (``CaseKey.forget``) instead.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from ..errors import CasefileError, WrongPassphrase
from ..i18n import translate

APPLICATION_ID = 0x43415345  # "CASE"
SQLITE_HEADER = b"SQLite format 3\x00"
SALT_SIZE = 16
# SQLCipher 4 defaults; a file made with other settings falls back to PRAGMA key.
KDF_ITER = 256000
KDF_ALGORITHM = "sha512"
KEY_SIZE = 32
# Page size of new cases. Evidence is most of a case's bytes, and every 1 MiB
# chunk is a chain of overflow pages: 16 of them at 64 KiB, 256 at SQLite's
# default 4 KiB. Intake runs 1.6-2.4x faster than at 4 KiB (a 4 GiB file 1.7x
# faster than at 16 KiB) and the WAL index of a large intake is 16 times
# smaller. Reads and small commits cost slightly more (tests/perf/README.md).
# Cases made before keep their 4 KiB pages and open as before.
PAGE_SIZE = 65536
LEGACY_PAGE_SIZE = 4096
# What the WAL keeps on disk after a checkpoint (journal_size_limit).
WAL_KEEP = 64 << 20
BUSY_TIMEOUT_MS = 5000
# Page cache per connection, and for one large write (Case.bulk_connection).
# An encrypted page read from the OS is decrypted and its HMAC checked again,
# where a plain one is a copy from the OS's cache: an encrypted case keeps
# more. At full scale a two-word search reads 32-48 MiB of index; with 32 MiB
# it took 46 ms encrypted against 17 ms plain, with 48 MiB or more 13 ms.
CACHE_KIB = 32 << 10
CIPHER_CACHE_KIB = 128 << 10
BULK_CACHE_KIB = 256 << 10
STREAM_CACHE_KIB = 1 << 10


class _Sealing:
    """Commits seal the rows their transaction wrote (``store.state``), once
    ``state.install`` has armed the connection."""

    sealing = False
    who: Callable[[], str] = staticmethod(lambda: "")
    in_transaction: bool  # the DB-API connection's (annotation only: no class attribute shadows it)

    def commit(self) -> None:
        if self.sealing and self.in_transaction:
            from . import state

            state.seal(self, self.who())
        super().commit()  # type: ignore[misc]


class PlainConnection(_Sealing, sqlite3.Connection):
    pass


class CipherConnection(_Sealing, sqlcipher.Connection):
    pass


def is_plain_sqlite(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(16) == SQLITE_HEADER


def header_application_id(path: Path) -> int:
    """Read application_id from the header of a plain file, without SQLite."""
    with open(path, "rb") as f:
        header = f.read(100)
    return int.from_bytes(header[68:72], "big") if len(header) >= 72 else -1


class CaseKey:
    """A passphrase and the raw SQLCipher keys derived from it, per salt.

    The passphrase stays in memory only as long as the case is open; ``forget``
    drops it and the derived keys (the window's lock calls ``Case.close``).
    """

    def __init__(self, passphrase: str, *, stretched: bool = True):
        if not passphrase:
            raise CasefileError(translate("Errors", "The passphrase is empty."))
        self.passphrase = passphrase
        self._stretched = stretched
        self._raw: dict[bytes, str] = {}
        self._works: dict[bytes, tuple[str, int]] = {}  # salt: (key kind, page size) that opened it

    @classmethod
    def random(cls) -> CaseKey:
        """A key for a copy that lives only as long as this process (a server
        case's mirror, an upgrade's copy). 256 random bits need no stretching:
        the raw key is one HMAC of them, not PBKDF2's 256,000 rounds (0.14 s
        per copy, on every sync from the command line). One key per copy: the
        copy's ``close`` forgets it. Never hand its ``passphrase`` on: whoever
        opened the file with the words would stretch them."""
        return cls(secrets.token_urlsafe(32), stretched=False)

    def raw_key(self, salt: bytes) -> str:
        """SQL literal for ``PRAGMA key``/``rekey``: x'<key hex><salt hex>'."""
        if salt not in self._raw:
            if not self.passphrase:  # forgotten at close: deriving from nothing would lock nothing
                raise CasefileError(translate("Errors", "The case was closed; open it again with its passphrase."))
            secret = self.passphrase.encode("utf-8")
            key = (hashlib.pbkdf2_hmac(KDF_ALGORITHM, secret, salt, KDF_ITER, KEY_SIZE) if self._stretched
                   else hmac.digest(salt, secret, "sha256"))
            self._raw[salt] = f"\"x'{key.hex()}{salt.hex()}'\""
        return self._raw[salt]

    def forget(self) -> None:
        self.passphrase = ""
        self._raw.clear()
        self._works.clear()


def as_key(key: CaseKey | str | None) -> CaseKey | None:
    if key is None or isinstance(key, CaseKey):
        return key
    return CaseKey(key)


def salt_of(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as f:
            salt = f.read(SALT_SIZE)
    except FileNotFoundError:
        return None
    return salt if len(salt) == SALT_SIZE else None


def hot_journal(path: Path) -> bool:
    """A rollback journal left by a sole writer (``Case.sole_writer``) that
    stopped mid-transaction: the next writer rolls it back."""
    try:
        return os.stat(f"{path}-journal").st_size > 0
    except FileNotFoundError:
        return False


def _uri(path: Path, readonly: bool) -> str:
    # Percent-encode what a URI would misread in a file name.
    quoted = str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    if not readonly:
        return f"file:{quoted}"
    if not (_wal_size(path) or hot_journal(path)):
        # Nothing to recover (no log, or an empty one): read it as immutable,
        # so that SQLite creates no -wal/-shm beside a file we may refuse, on
        # a read-only medium or on a full disk.
        return f"file:{quoted}?mode=ro&immutable=1"
    return f"file:{quoted}?mode=ro"


def _wal_size(path: Path) -> int:
    try:
        return os.stat(f"{path}-wal").st_size
    except FileNotFoundError:
        return 0


def connect(path: Path, key: CaseKey | str | None, *, readonly: bool = False):
    """Open a DB-API connection with keys and pragmas applied.

    Read-only connections (``mode=ro``) are what the open-time checks use, so
    a wrong passphrase or a damaged file never gets a byte written to it.
    """
    key = as_key(key)
    if key is None:
        new_file = not readonly and salt_of(path) is None
        conn = sqlite3.connect(_uri(path, readonly), uri=True, check_same_thread=False, isolation_level=None,
                               factory=PlainConnection)
        if new_file:  # must precede the first write (journal_mode = WAL writes the header)
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE:d}")
    else:
        conn = _keyed(path, key, readonly)
    try:
        apply_pragmas(conn, readonly=readonly)
    except BaseException:
        conn.close()  # now, not at garbage collection: the caller may clean up after it (full disk)
        raise
    return conn


def allowed(path: Path, mode: int) -> bool:
    """Whether this process may read or write ``path`` (``os.R_OK``...) with
    the rights it runs with (its effective ones where the platform tells),
    read-only mounts included."""
    if os.access in os.supports_effective_ids:
        return os.access(path, mode, effective_ids=True)
    return os.access(path, mode)


def _keyed(path: Path, key: CaseKey, readonly: bool):
    salt = salt_of(path)
    if salt is None:  # a new file: we choose the salt, SQLCipher writes it as the first 16 bytes
        salt = os.urandom(SALT_SIZE)
        attempts = [("raw", PAGE_SIZE)]
    elif salt in key._works:
        attempts = [key._works[salt]]
    else:
        # The page size is inside the encrypted header, so it is found by
        # trying: ours first, then older cases'; a raw key costs no derivation.
        # Last, a file made with other KDF settings still opens by passphrase.
        attempts = [("raw", PAGE_SIZE), ("raw", LEGACY_PAGE_SIZE),
                    ("pragma", LEGACY_PAGE_SIZE), ("pragma", PAGE_SIZE)]
    for attempt in attempts:
        kind, page_size = attempt
        conn = sqlcipher.connect(_uri(path, readonly), uri=True, check_same_thread=False, isolation_level=None,
                                 factory=CipherConnection)
        conn.execute("PRAGMA cipher_log_level = NONE")  # no decrypt errors on stderr: one clear line
        conn.execute(f"PRAGMA key = {key.raw_key(salt) if kind == 'raw' else _quote(key.passphrase)}")
        conn.execute(f"PRAGMA cipher_page_size = {page_size:d}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError:
            conn.close()
            continue
        key._works[salt] = attempt
        return conn
    raise WrongPassphrase(translate("Errors", "Wrong passphrase, or not a Casefile file."))


def _quote(passphrase: str) -> str:
    if "\x00" in passphrase:
        raise WrongPassphrase(translate("Errors", "Wrong passphrase, or not a Casefile file."))
    return "'" + passphrase.replace("'", "''") + "'"


def rekey(conn, path: Path, new: CaseKey) -> None:
    """Re-encrypt the whole file under ``new`` (same salt); ``conn`` must be the
    only connection to the file. SQLCipher rewrites every page."""
    salt = salt_of(path)
    if salt is None:
        raise CasefileError(translate("Errors", "{path} is not an encrypted case.").format(path=path))
    conn.execute(f"PRAGMA rekey = {new.raw_key(salt)}")


def export_encrypted(source: Path, target: Path, key: CaseKey) -> None:
    """Write an encrypted copy of the plain database ``source`` to ``target``,
    keeping application_id and user_version."""
    # Read-write: an attached database inherits a read-only connection's mode.
    # The caller holds the case lock and no other connection is open on it.
    conn = sqlcipher.connect(_uri(source, False), uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        apply_pragmas(conn)
        encrypted_copy(conn, target, key, os.urandom(SALT_SIZE))
    finally:
        conn.close()


def encrypted_copy(conn, target: Path, key: CaseKey, salt: bytes) -> None:
    """Copy the main database of the SQLCipher connection ``conn``, plain or
    encrypted, into a new ``target`` encrypted under ``key`` and ``salt``
    (ATTACH ... KEY + sqlcipher_export, in one read transaction, so the copy
    is one consistent snapshot). Not VACUUM INTO: from an encrypted case with
    64 KiB pages it wrote a file that no key opens."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"ATTACH DATABASE ? AS copy KEY {key.raw_key(salt)}", (str(target),))
    try:
        conn.execute(f"PRAGMA copy.cipher_page_size = {PAGE_SIZE:d}")
        # A new file nobody uses yet: no journal, no per-table fsync; the
        # caller writes it under a temporary name and syncs it before renaming.
        conn.execute("PRAGMA copy.journal_mode = OFF")
        conn.execute("PRAGMA copy.synchronous = OFF")
        conn.execute("BEGIN")
        try:
            conn.execute("SELECT sqlcipher_export('copy')")
            conn.execute(f"PRAGMA copy.application_id = {int(app_id):d}")
            conn.execute(f"PRAGMA copy.user_version = {int(version):d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("DETACH DATABASE copy")


def cache_kib(conn) -> int:
    """The page cache a connection keeps between large writes."""
    return CIPHER_CACHE_KIB if isinstance(conn, CipherConnection) else CACHE_KIB


@contextmanager
def streaming_cache(conn) -> Iterator[None]:
    """While a large file's chunks go in: pages written once and not read back
    need little cache. A small one hands them to the kernel as they fill, so
    the disk writes them while the intake still hashes (``store.writeback``)
    and the commit finds little left to write: a 64 MiB file went in 1.5x
    faster than through the plain 32 MiB cache, and 5-8% faster again with
    1 MiB (one chunk's pages) than with 4 MiB, at 16 and 64 MiB, plain and
    encrypted. An encrypted case's larger one would also make an intake's
    memory grow (+128 MiB)."""
    current = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    if -current <= STREAM_CACHE_KIB:
        yield
        return
    conn.execute(f"PRAGMA cache_size = {-STREAM_CACHE_KIB:d}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {current:d}")


def apply_pragmas(conn, *, readonly: bool = False) -> None:
    for pragma in (
        "PRAGMA trusted_schema = OFF",  # no SQL functions from a hostile schema
        "PRAGMA cell_size_check = ON",  # catch corrupt b-tree cells before they are used
        "PRAGMA mmap_size = 0",  # a damaged file read through mmap can crash the process
        "PRAGMA foreign_keys = ON",
        f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}",
        "PRAGMA temp_store = MEMORY",  # no plaintext temp files beside an encrypted case
        "PRAGMA synchronous = FULL",  # a commit the user saw is on disk
        f"PRAGMA cache_size = {-cache_kib(conn):d}",  # SQLite's default is 2 MiB
        # Once checkpointed, a WAL grown by a large transaction (an import)
        # is cut back to WAL_KEEP instead of holding its space until close.
        f"PRAGMA journal_size_limit = {WAL_KEEP:d}",
    ):
        conn.execute(pragma)
    if readonly:
        conn.execute("PRAGMA query_only = ON")
    else:
        conn.execute("PRAGMA journal_mode = WAL")
