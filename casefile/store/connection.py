"""Low-level SQLite/SQLCipher connections with Casefile's pragmas.

Everything SQLite-specific about opening a file lives here, so a server
database can later stand behind the same SQLAlchemy layer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from ..errors import WrongPassphrase
from ..i18n import translate

APPLICATION_ID = 0x43415345  # "CASE"
SQLITE_HEADER = b"SQLite format 3\x00"


def is_plain_sqlite(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(16) == SQLITE_HEADER


def header_application_id(path: Path) -> int:
    """Read application_id from the header of a plain file, without SQLite."""
    with open(path, "rb") as f:
        header = f.read(100)
    return int.from_bytes(header[68:72], "big") if len(header) >= 72 else -1


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def connect(path: Path, passphrase: str | None, *, readonly: bool = False):
    """Open a DB-API connection with keys and pragmas applied."""
    if passphrase is None:
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    else:
        uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
        conn = sqlcipher.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError:
            conn.close()
            raise WrongPassphrase(translate("Errors", "Wrong passphrase, or not a Casefile file.")) from None
    apply_pragmas(conn, readonly=readonly)
    return conn


def apply_pragmas(conn, *, readonly: bool = False) -> None:
    for pragma in (
        "PRAGMA trusted_schema = OFF",  # no SQL functions from a hostile schema
        "PRAGMA foreign_keys = ON",
        "PRAGMA busy_timeout = 5000",
        "PRAGMA temp_store = MEMORY",  # no plaintext temp files beside an encrypted case
        "PRAGMA synchronous = FULL",  # a commit the user saw is on disk
    ):
        conn.execute(pragma)
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
