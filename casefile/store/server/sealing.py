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
- left plain: keys, numbers, flags, dates, codes and vocabulary terms, which
  the server needs to keep rows apart and its members to read the structure.

A cell is sealed with XChaCha20-Poly1305 under the case's key, with the
cell's table, column and row key as associated data: a sealed value moved to
another cell, or altered, does not open. It is kept as it was instead, so
that ``verify`` names the row it no longer matches.

The case's key is random, made at ``push``, and kept on the server only
sealed to each member's documenter key (``case_key``): whoever adds a member
opens it with their own key and seals it to the newcomer's public key. A
partner gets none: a partner reads the partner view, which holds no secret.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Iterable
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


SEALED = {table.name: sealed_columns(table) for table in Base.metadata.sorted_tables}


class CaseSeal:
    """The case's key, open: seals rows on their way to the server, opens them on their way back."""

    def __init__(self, key: bytes):
        if len(key) != KEY_BYTES:
            raise ValueError("a case key is 32 bytes")
        self._key = key

    @classmethod
    def new(cls) -> CaseSeal:
        return cls(secrets.token_bytes(KEY_BYTES))

    @staticmethod
    def _where(table: Table, column: str, row: dict) -> bytes:
        key = [row[c.name] for c in table.primary_key.columns]
        return f"{table.name}.{column}:".encode() + json.dumps(key, default=str).encode()

    def seal_value(self, where: bytes, value: str | bytes) -> str | bytes:
        nonce = secrets.token_bytes(NONCE)
        plain = value if isinstance(value, bytes) else value.encode("utf-8")
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
        return self._each(table, rows, self.seal_value)

    def open_rows(self, table: Table, rows: Iterable[dict]) -> list[dict]:
        return self._each(table, rows, self.open_value)

    def _each(self, table: Table, rows: Iterable[dict], how) -> list[dict]:
        columns = SEALED[table.name]
        done = []
        for row in rows:
            row = dict(row)
            for column in columns:
                if row.get(column) is not None:
                    row[column] = how(self._where(table, column, row), row[column])
            done.append(row)
        return done

    def sealed_to(self, public_key: bytes) -> bytes:
        return keys.seal_to(public_key, self._key)


def widen(conn: Connection, address: ServerAddress) -> None:
    """A new server case's sealed digests take text (a sealed value is longer than the digest)."""
    for table in Base.metadata.sorted_tables:
        for name in SEALED[table.name]:
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
