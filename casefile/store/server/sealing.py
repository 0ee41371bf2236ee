"""What the server holds of a case's words, sealed: a server administrator who
reads the tables learns no witness's name, contact or account, and cannot
guess one either.

Every cell that holds a record's words, and every digest of them, is sealed
before it leaves the laptop and opened when it comes back (``CaseSeal``):

- sealed: each text or binary column that is not part of its table's key (a
  name, an alias, a contact, a description, the history's changes, a
  conflict's value, a withheld passage, an evidence file's bytes and name),
  and the digests of those (``DIGESTS``): a digest of a short value (a name)
  can be found by trying names, so it is sealed as well;
- sealed so that the same words seal the same (``KEY_WORDS``): words that
  are part of their row's key (a tag), and the row states' keys that repeat
  them. The server keeps rows apart by their key, and a laptop finds a row
  there again by sealing its key: the server learns only that two such cells
  hold the same words, under the rest of the same row's key;
- left plain: keys, numbers, flags, dates, codes and vocabulary terms, which
  the server needs to keep rows apart and its members to read the structure.

A cell is sealed with XChaCha20-Poly1305 under the case's key, with the
cell's table, column and row key as associated data: a sealed value moved to
another cell, or altered, does not open. It is kept as it was instead, so
that ``verify`` names the row it no longer matches. Words in a key take a
nonce drawn from the words themselves and where they stand (a synthetic
nonce, as in SIV), instead of a random one.

The case's key is random, made at ``push``, and kept on the server only
sealed to each member's documenter key (``case_key``): whoever adds a member
opens it with their own key and seals it to the newcomer's public key. A
partner gets none: a partner reads the partner view, which holds no secret.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import overload

import nacl.bindings
import nacl.exceptions
from sqlalchemy import LargeBinary, String, Table, Text, text
from sqlalchemy.engine import Connection

from ...errors import CasefileError
from ...i18n import translate
from ...model import Base
from ...services import keys
from .address import ServerAddress, q

#: digests of sealed words, sealed in turn (the server's columns for them are widened to text)
DIGESTS = frozenset({("audit_entry", "hash"), ("audit_entry", "prev_hash"), ("row_state", "digest"),
                     ("exchange_conflict", "value_hash"), ("exchange_item", "entry"),
                     ("exchange_history", "hash"), ("exchange_peer", "history_head")})
#: key columns that hold words, per table (each sealed the same way every time, see above)
KEY_WORDS = {"incident_tag": ("tag",)}
KEY_TABLE = "case_key"
NONCE = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
KEY_BYTES = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_KEYBYTES


def _is_words(column) -> bool:
    kind = column.type
    return isinstance(kind, LargeBinary) or (isinstance(kind, Text) and not getattr(kind, "length", None))


def sealed_columns(table: Table) -> tuple[str, ...]:
    keyed = {c.name for c in table.primary_key.columns}
    return tuple(c.name for c in table.columns if c.name not in keyed
                 and (_is_words(c) or (table.name, c.name) in DIGESTS))


def widened(table: Table) -> tuple[str, ...]:
    """The columns a server case keeps sealed values in (longer than the plain ones)."""
    return SEALED[table.name] + KEY_WORDS.get(table.name, ())


SEALED = {table.name: sealed_columns(table) for table in Base.metadata.sorted_tables}
ROW_STATE = Base.metadata.tables["row_state"]
_KEY_NAMES = {table.name: [c.name for c in table.primary_key.columns] for table in Base.metadata.sorted_tables}


class CaseSeal:
    """The case's key, open: seals rows on their way to the server, opens them on their way back."""

    def __init__(self, key: bytes):
        if len(key) != KEY_BYTES:
            raise ValueError("a case key is 32 bytes")
        self._key = key
        self._nonces = hashlib.blake2b(b"casefile key words", key=key, digest_size=32).digest()

    @classmethod
    def new(cls) -> CaseSeal:
        return cls(secrets.token_bytes(KEY_BYTES))

    @staticmethod
    def _where(table: Table, column: str, row: dict) -> bytes:
        return f"{table.name}.{column}:".encode() + _row_key(table, row)

    @staticmethod
    def _key_where(table: Table, column: str, row: dict) -> bytes:
        """Where a key's words stand: the rest of their row's key (a row state's
        key, by the table it names)."""
        if table.name == "row_state":
            return f"row_state.key:{row['tbl']}".encode()
        words = KEY_WORDS[table.name]
        rest = [row[c.name] for c in table.primary_key.columns if c.name not in words]
        return f"{table.name}.{column}:".encode() + json.dumps(rest, default=str).encode()

    def seal_value(self, where: bytes, value: str | bytes, *, same: bool = False) -> str | bytes:
        """``value`` sealed for the cell ``where``; ``same``: sealed the same way every
        time (words in a key), with a nonce drawn from them instead of a random one."""
        plain = value if isinstance(value, bytes) else value.encode("utf-8")
        nonce = hashlib.blake2b(where + b"\0" + plain, key=self._nonces, digest_size=NONCE).digest() if same \
            else secrets.token_bytes(NONCE)
        sealed = nonce + nacl.bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(plain, where, nonce, self._key)
        return sealed if isinstance(value, bytes) else base64.b64encode(sealed).decode("ascii")

    @overload
    def open_value(self, where: bytes, value: str) -> str: ...
    @overload
    def open_value(self, where: bytes, value: bytes) -> bytes: ...

    def open_value(self, where: bytes, value: str | bytes) -> str | bytes:
        """The plain value; one that does not open (altered, or moved from another
        cell) is returned as it is, for ``verify`` to find."""
        try:
            raw = bytes(value) if not isinstance(value, str) else base64.b64decode(value, validate=True)
            plain = nacl.bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(raw[NONCE:], where, raw[:NONCE],
                                                                             self._key)
        except (ValueError, nacl.exceptions.CryptoError):
            return value
        return plain.decode("utf-8") if isinstance(value, str) else plain

    def open_cell(self, table: Table, column: str, key: dict, value: str | bytes) -> str | bytes:
        """One cell's plain value; ``key``: its row's key columns."""
        return self.open_value(self._where(table, column, key), value)

    def seal_rows(self, table: Table, rows: Iterable[dict]) -> list[dict]:
        words, cells = _key_words(table), _cells(table)
        done = []
        for row in rows:
            row = dict(row)
            key = _row_key(table, row)  # the plain key: the cells are opened under it
            for column, where in cells:
                if row.get(column) is not None:
                    row[column] = self.seal_value(where + key, row[column])
            for column in words(row):
                row[column] = self.seal_value(self._key_where(table, column, row), row[column], same=True)
            done.append(row)
        return done

    def open_rows(self, table: Table, rows: Iterable[dict]) -> list[dict]:
        words, cells = _key_words(table), _cells(table)
        done = []
        for row in rows:
            row = dict(row)
            for column in words(row):  # the plain key first: the other cells are bound to it
                row[column] = self.open_value(self._key_where(table, column, row), row[column])
            key = _row_key(table, row)
            for column, where in cells:
                if row.get(column) is not None:
                    row[column] = self.open_value(where + key, row[column])
            done.append(row)
        return done

    def seal_key(self, table: Table, key: tuple) -> tuple:
        """A row's plain key as the server holds it (to find the row there)."""
        names = _KEY_NAMES[table.name]
        row = dict(zip(names, key, strict=True))
        for column in _key_words(table)(row):
            row[column] = self.seal_value(self._key_where(table, column, row), row[column], same=True)
        return tuple(row[name] for name in names)

    def open_state_key(self, tbl: str, key: str) -> str:
        """A row state's key as read on the server, plain (it repeats a row's key)."""
        return self.open_value(self._key_where(ROW_STATE, "key", {"tbl": tbl}), key) if tbl in KEY_WORDS else key

    def up(self) -> Passage:
        return Passage(self, up=True)

    def down(self) -> Passage:
        return Passage(self, up=False)

    def sealed_to(self, public_key: bytes) -> bytes:
        return keys.seal_to(public_key, self._key)


def _row_key(table: Table, row: dict) -> bytes:
    return json.dumps([row[name] for name in _KEY_NAMES[table.name]], default=str).encode()


def _cells(table: Table) -> list[tuple[str, bytes]]:
    """A table's sealed columns, each with the start of its cells' associated data."""
    return [(column, f"{table.name}.{column}:".encode()) for column in SEALED[table.name]]


@dataclass(frozen=True)
class Passage:
    """Rows crossing between a case file and the server: sealed on their way up, opened on their way down."""

    seal: CaseSeal
    up: bool

    def rows(self, table: Table, rows: Iterable[dict]) -> list[dict]:
        """Rows read at the source, as the target is to hold them."""
        return self.seal.seal_rows(table, rows) if self.up else self.seal.open_rows(table, rows)

    def at_source(self, table: Table, key: tuple) -> tuple:
        """A plain row key as the source holds it."""
        return key if self.up else self.seal.seal_key(table, key)

    def at_target(self, table: Table, key: tuple) -> tuple:
        return self.seal.seal_key(table, key) if self.up else key

    def state_key(self, tbl: str, key: str) -> str:
        """A row state's key read at the source, plain."""
        return key if self.up else self.seal.open_state_key(tbl, key)


def _key_words(table: Table) -> Callable[[dict], tuple[str, ...]]:
    """The columns of a row that are words in its key (a row state's key, where it names a row of such a table)."""
    if table.name == "row_state":
        return lambda row: ("key",) if row.get("tbl") in KEY_WORDS else ()
    words = KEY_WORDS.get(table.name, ())
    return lambda row: words


def widen(conn: Connection, address: ServerAddress) -> None:
    """A new server case's sealed columns take text (a sealed value is longer than the plain one)."""
    for table in Base.metadata.sorted_tables:
        for name in widened(table):
            column = table.columns[name]
            if isinstance(column.type, String) and column.type.length:
                conn.exec_driver_sql(f"ALTER TABLE {q(address.schema)}.{q(table.name)} "
                                     f"ALTER COLUMN {q(name)} TYPE text")


def create_key_table(conn: Connection, address: ServerAddress, readers: str, owners: str) -> None:
    """``case_key``: the case's key sealed to each member's key (by its fingerprint).
    Every member reads it (a seal opens only with its own key); owners add to it."""
    name = f"{q(address.schema)}.{KEY_TABLE}"
    conn.exec_driver_sql(f"CREATE TABLE {name} (fingerprint text PRIMARY KEY, name text NOT NULL DEFAULT '', "
                         f"sealed bytea NOT NULL)")
    conn.exec_driver_sql(f"GRANT SELECT ON {name} TO {readers}")
    conn.exec_driver_sql(f"GRANT INSERT, UPDATE ON {name} TO {owners}")
    conn.exec_driver_sql(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
    conn.exec_driver_sql(f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY")
    conn.exec_driver_sql(f"CREATE POLICY cf_read ON {name} FOR SELECT TO {readers} USING (true)")
    conn.exec_driver_sql(f"CREATE POLICY cf_insert ON {name} FOR INSERT TO {owners} WITH CHECK (true)")
    conn.exec_driver_sql(f"CREATE POLICY cf_update ON {name} FOR UPDATE TO {owners} USING (true)")


def share(conn: Connection, address: ServerAddress, seal: CaseSeal, public_key: bytes, name: str) -> None:
    """Seal the case's key to one more member's key (again, if it had it)."""
    conn.execute(text(f"INSERT INTO {q(address.schema)}.{KEY_TABLE} VALUES (:f, :n, :s) ON CONFLICT (fingerprint) "
                      f"DO UPDATE SET name = excluded.name, sealed = excluded.sealed"),
                 {"f": keys.fingerprint(public_key), "n": name, "s": seal.sealed_to(public_key)})


def open_seal(conn: Connection, address: ServerAddress, key: keys.DocumenterKey) -> CaseSeal:
    """The case's key, opened with the member's documenter key."""
    from .schema import case_exists  # the schema's module builds on this one

    if not case_exists(conn, address):
        raise CasefileError(translate("Server", "{address}: no such case on the server.").format(address=address))

    found = conn.execute(text(f"SELECT sealed FROM {q(address.schema)}.{KEY_TABLE} WHERE fingerprint = :f"),
                         {"f": key.fingerprint}).scalar()
    if found is None:
        raise CasefileError(translate(
            "Server", "Your key {fingerprint} does not hold the key to {address}: ask an owner of the case to add "
                      "you with your public key ('casefile key --export FILE' writes it; they run 'casefile server "
                      "add-member … --public-key FILE').").format(fingerprint=key.fingerprint, address=address))
    try:
        return CaseSeal(key.open_file_key(bytes(found)))
    except (ValueError, nacl.exceptions.CryptoError):
        raise CasefileError(translate("Server", "The key to {address} sealed to your key {fingerprint} does not "
                                                "open: it was damaged or altered on the server.").format(
            address=address, fingerprint=key.fingerprint)) from None
