"""Exchanging changes between a laptop case and its copy on the server, with the
same merge as bundles.

The server copy is one more copy of the case, with a key of its own (made at
``push``, kept in the case's schema for the members who sync). A sync holds
the case's lock on the server for its length, so syncs take turns, and:

1. copies the server case, as its transaction sees it, into a temporary case
   file (encrypted under a random key, in a private folder);
2. bundles what the laptop has that the server copy has not acknowledged and
   merges it there, as the server copy (signed by the laptop's key);
3. bundles what the server copy has that the laptop has not acknowledged and
   merges it into the laptop (signed by the server's key): conflicts go to the
   laptop's review queue, as from any colleague;
4. writes back to the server every row the merge changed in the temporary
   copy: the rows its history sealed after the copy was taken (upserted or
   deleted), its new history entries and row states (inserted: the history on
   the server only grows), and the evidence chunks added or dropped;

and commits. All or nothing on the server; the laptop's merge is its own
transaction, and a sync that fails after it leaves only what the next sync
sends again.
"""

from __future__ import annotations

import json
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Table, and_, delete, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ...errors import CasefileError
from ...i18n import translate
from ...model import Base
from ...store import Case
from ...store.server.address import ServerAddress
from ...store.server.schema import server_key_seed
from ...store.server.transfer import server_engine, snapshot, unreachable
from ...store.state import UNSEALED
from .. import keys
from . import peers
from .merge import MergeReport, merge_bundle
from .send import make_bundle

Progress = Callable[[int, int, str], None]
HISTORY = ("audit_entry", "row_state")  # append-only on the server
BY_NAME = {table.name: table for table in Base.metadata.sorted_tables}


@dataclass
class SyncReport:
    sent: MergeReport       # the laptop's changes, as the server copy merged them
    received: MergeReport   # the server's changes, as the laptop merged them
    rows_written: int       # rows changed on the server


def server_key(conn: Connection, address: ServerAddress) -> keys.DocumenterKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    name, seed = server_key_seed(conn, address)
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return keys.DocumenterKey(name, public, seed)


def sync(case: Case, address: ServerAddress, key: keys.DocumenterKey, *,
         progress: Progress | None = None) -> SyncReport:
    report = progress or (lambda done, total, message: None)
    engine = server_engine(address)
    try:
        with tempfile.TemporaryDirectory(prefix="casefile-sync-") as folder, engine.begin() as server:
            report(0, 4, translate("Exchange", "Reading the server's copy"))
            server.execute(text("SELECT pg_advisory_xact_lock(hashtext(:s))"), {"s": address.schema})
            own = server_key(server, address)
            copy = snapshot(server, address, Path(folder) / "server.casefile", passphrase=secrets.token_urlsafe(24))
            try:
                before = _unsealed_keys(copy)
                with copy.connection() as conn:
                    head = int(conn.execute(text("SELECT coalesce(max(seq), 0) FROM audit_entry")).scalar() or 0)
                report(1, 4, translate("Exchange", "Sending this copy's changes"))
                up = Path(folder) / "up.cfbundle"
                make_bundle(case, up, key, since=_known(case, own.fingerprint))
                sent = merge_bundle(copy, up, own)
                report(2, 4, translate("Exchange", "Receiving the server's changes"))
                down = Path(folder) / "down.cfbundle"
                make_bundle(copy, down, own, since=_known(copy, key.fingerprint))
                received = merge_bundle(case, down, key)
                report(3, 4, translate("Exchange", "Writing to the server"))
                written = _write_back(copy, server.execution_options(schema_translate_map={None: address.schema}),
                                      head, before)
            finally:
                copy.close(backup=False)
        report(4, 4, translate("Exchange", "Done"))
        return SyncReport(sent, received, written)
    except DBAPIError as error:
        raise _not_allowed(error) or unreachable(address, error) from None
    finally:
        engine.dispose()


def _known(case: Case, fingerprint: str) -> str | None:
    """The peer ``case`` sends changes since, when it has met it (else everything)."""
    return fingerprint if peers.find_peer(case, fingerprint) is not None else None


def _unsealed_keys(case: Case) -> dict[str, set[tuple]]:
    """The keys of the rows the history does not seal (evidence chunks, counters),
    history aside: what a merge adds or drops there is found by comparing."""
    out: dict[str, set[tuple]] = {}
    with case.connection() as conn:
        for table in Base.metadata.sorted_tables:  # in the order foreign keys need
            name = table.name
            if name not in UNSEALED or name in HISTORY:
                continue
            out[name] = {tuple(row) for row in conn.execute(select(*table.primary_key.columns))}
    return out


def _where(table: Table, key: tuple):
    return and_(*(column == value for column, value in zip(table.primary_key.columns, key, strict=True)))


def _upsert(target: Connection, table: Table, row: dict) -> None:
    keys_ = [c.name for c in table.primary_key.columns]
    statement = pg_insert(table).values(row)
    rest = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys_}
    target.execute(statement.on_conflict_do_update(index_elements=keys_, set_=rest) if rest
                   else statement.on_conflict_do_nothing(index_elements=keys_))


def _write_back(copy: Case, target: Connection, head: int, before: dict[str, set[tuple]]) -> int:
    """Every row the merge changed in ``copy`` after history entry ``head``, onto the server."""
    written = 0
    with copy.connection() as conn:
        latest: dict[tuple[str, str], str | None] = {}
        for tbl, key, digest in conn.execute(text(
                "SELECT tbl, key, digest FROM row_state WHERE seq > :h ORDER BY seq"), {"h": head}):
            latest[(tbl, key)] = digest
        gone = [(t, k) for (t, k), d in latest.items() if d is None]
        kept = [(t, k) for (t, k), d in latest.items() if d is not None]
        order = {table.name: n for n, table in enumerate(Base.metadata.sorted_tables)}
        for tbl, key in sorted(gone, key=lambda item: -order[item[0]]):  # dependents first
            table = BY_NAME[tbl]
            written += target.execute(delete(table).where(_where(table, tuple(json.loads(key))))).rowcount
        for tbl, key in sorted(kept, key=lambda item: order[item[0]]):  # what they depend on first
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
        for name in before:  # what they depend on first
            table = BY_NAME[name]
            changed = now[name] if name == "code_counter" else now[name] - before[name]  # counters move
            for key in changed:
                row = conn.execute(select(table).where(_where(table, key))).mappings().one()
                _upsert(target, table, dict(row))
                written += 1
        for name in HISTORY:  # appended only: inserts
            table = BY_NAME[name]
            column = table.columns["seq"]
            rows = [dict(r) for r in conn.execute(select(table).where(column > head).order_by(column)).mappings()]
            if rows:
                target.execute(table.insert(), rows)
                written += len(rows)
    return written


def _not_allowed(error: Exception) -> CasefileError | None:
    """A member whose role does not let them write what a sync writes is told so."""
    if "permission denied" in str(getattr(error, "orig", error)):
        return CasefileError(translate("Exchange", "Your role in this case on the server does not let you send "
                                                   "changes to it (it takes owner, editor or analyst)."))
    return None
