"""Noticing what changed here since the last look: each changed field (or a
deletion) gets the vector of what it replaced plus this copy's next counter
(``items`` explains the vectors).

The first look reads every row. Later looks read only the rows sealed since
(``row_state``, ``store.state``) and those the running transaction touched
(its ``cf_dirty_row``): every writer seals, so nothing is missed, and a
look costs what changed, not the case. A row gone since leads back to its
item by the row it was last seen in (``exchange_item.tbl, row_key``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ...store import audit, state
from ...store.batches import batched, marks
from .apply import RECORD_TABLES, REFS
from .items import EXISTS, FALSE, TRUE, Item, Stored, join, load_siblings, load_stored, save_many, stamp, value_hash
from .reading import ITEM_TABLES, Reader, Wanted

if TYPE_CHECKING:
    from .peers import Me

#: record fields named in the history by their column ("place" is place_id there)
_REF_FIELDS = {name: column for refs in REFS.values() for name, (column, _) in refs.items()}


@dataclass
class Seen:
    """What a look looked at: those items as they stand, and their rows as now saved."""

    items: dict[str, Item] = field(default_factory=dict)
    stored: dict[str, Stored] = field(default_factory=dict)


def observe(conn: Connection, me: Me, *, full: bool = False, known: dict[str, Stored] | None = None,
            settled: Wanted | None = None) -> Seen:
    """Record what changed here since the last look (every row at the first
    look, or with ``full``). ``me.counter`` moves on when anything changed;
    ``me.observed`` becomes the history head. The caller saves ``me``.
    ``known``: rows the caller holds as they are saved (not read again);
    ``settled``: rows whose items the caller has just written, versions and
    all (left out now; sealed after this look, the next one reads them)."""
    first = me.first
    reader = Reader(conn)
    if full or first or not me.observed:
        items = reader.read()
        stored = load_stored(conn)
        affected = set(items) | {u for u, s in stored.items() if not s.deleted}
    else:
        wanted = _changed_rows(conn, me.observed)
        for table, keys in (settled or {}).items():
            wanted[table] = wanted.get(table, set()) - keys
        held = _held(conn, wanted)
        _add_marks(conn, reader, wanted, held)
        held.update(_held(conn, {"withhold_mark": wanted.get("withhold_mark", set())}))
        items = reader.read(wanted)
        affected = set(items) | set(held)
        known = known or {}
        stored = {u: known[u] for u in affected if u in known}
        stored.update(load_stored(conn, affected - set(stored)))
    siblings = load_siblings(conn, affected)
    nxt = me.counter + 1
    dirty: dict[str, Stored] = {}
    edited = _edited_here(conn) if first else set()  # the history is read once, at the first look
    for uuid in affected:
        item, row = items.get(uuid), stored.get(uuid)
        if item is None:
            if row is not None and not row.deleted:  # gone here
                mine = [s.vv for s in siblings.get(uuid, [])]
                row.versions = {EXISTS: (FALSE, join(*row.all_vectors(), *mine, {me.uuid: nxt}))}
                row.deleted = True
                conn.execute(text("DELETE FROM exchange_conflict WHERE uuid = :u"), {"u": uuid})
                dirty[uuid] = row
            continue
        if _look(conn, me.uuid, nxt, uuid, item, row, siblings, edited if first else None, stored):
            dirty[uuid] = stored[uuid]
    if first:
        for uuid, kind in _deleted_here(conn).items():
            if uuid not in stored and uuid not in items:
                dirty[uuid] = Stored(kind, True, False, {EXISTS: (FALSE, {me.uuid: nxt})})
    save_many(conn, dirty, stamp(conn))
    if any(vv.get(me.uuid) == nxt for row in dirty.values() for vv in row.all_vectors()):
        me.counter = nxt
    me.observed = audit.head(conn)[0]
    me.first = False
    return Seen(items, {u: stored[u] for u in affected if u in stored})


def _look(conn: Connection, me: str, nxt: int, uuid: str, item: Item, row: Stored | None,
          siblings: dict, edited: set[tuple[str, str]] | None, stored: dict[str, Stored]) -> bool:
    """Compare one item with its stored versions; True when the row is to be saved."""
    hashes = {f: value_hash(v) for f, v in item.fields.items()}
    hashes[EXISTS] = TRUE
    if row is None:
        versions = {}
        for f, h in hashes.items():
            touched = edited is None or f == EXISTS or (uuid, _REF_FIELDS.get(f, f)) in edited or (uuid, f) in edited
            versions[f] = (h, {me: nxt} if touched else {})
        stored[uuid] = Stored(item.kind, False, False, versions, row=item.row)
        return True
    dirty = row.row != item.row
    row.row = item.row
    if row.deleted:  # back here (an undone deletion): a change of ours over the tombstone
        base = join(*row.all_vectors(), {me: nxt})
        row.versions = {f: (h, dict(base)) for f, h in hashes.items()}
        row.deleted = False
        return True
    for f, h in hashes.items():
        old = row.versions.get(f)
        if old is None:
            row.versions[f] = (h, {})
            dirty = True
        elif old[0] != h:
            mine = [s.vv for s in siblings.get(uuid, []) if s.field == f]
            row.versions[f] = (h, join(old[1], *mine, {me: nxt}))
            if mine:  # editing a field in conflict settles it
                conn.execute(text("DELETE FROM exchange_conflict WHERE uuid = :u AND field = :f"),
                             {"u": uuid, "f": f})
            dirty = True
    return dirty


def _changed_rows(conn: Connection, after: int) -> Wanted:
    """Rows of items sealed after history entry ``after``, and those this
    transaction touched and will seal at its commit."""
    wanted: Wanted = {}
    names = ", ".join(f"'{t}'" for t in ITEM_TABLES)  # fixed names, from the registry
    # by the history entry: without statistics SQLite would walk the key of every row of these tables
    queries = [f"SELECT DISTINCT tbl, key FROM row_state INDEXED BY ix_row_state_seq "
               f"WHERE seq > ? AND tbl IN ({names})"]
    params: list[tuple] = [(after,)]
    if conn.exec_driver_sql("SELECT 1 FROM temp.sqlite_master WHERE name = 'cf_dirty_row'").first():
        queries.append(f"SELECT tbl, key FROM temp.cf_dirty_row WHERE tbl IN ({names})")
        params.append(())
    for query, values in zip(queries, params, strict=True):
        for table, key in conn.exec_driver_sql(query, values):
            wanted.setdefault(table, set()).add(key)
    return wanted


def _held(conn: Connection, wanted: Wanted) -> dict[str, str]:
    """Items last seen in the rows ``wanted`` names: uuid -> kind."""
    out: dict[str, str] = {}
    for table, keys in wanted.items():
        for part in batched(keys):
            out.update((u, k) for u, k in conn.exec_driver_sql(
                f"SELECT uuid, kind FROM exchange_item WHERE tbl = ? AND row_key IN ({marks(part)})", (table, *part)))
    return out


def _add_marks(conn: Connection, reader: Reader, wanted: Wanted, held: dict[str, str]) -> None:
    """A withhold mark counts while its record exists: the marks of records
    that changed, came or went are looked at too."""
    records = {u for u, kind in held.items() if kind in RECORD_TABLES}
    for table in RECORD_TABLES:
        keys = wanted.get(table)
        if keys:
            ids = [json.loads(k)[0] for k in keys]
            uuids = reader.uuids(table, ids)
            records.update(uuids.get(i) or "" for i in ids)
    records.discard("")
    for part in batched(records):
        wanted.setdefault("withhold_mark", set()).update(k for (k,) in conn.exec_driver_sql(
            f"SELECT {state.BY_NAME['withhold_mark'].key_sql} FROM withhold_mark t "
            f"WHERE t.record_uuid IN ({marks(part)})", tuple(part)))


def _edited_here(conn: Connection) -> set[tuple[str, str]]:
    """(record uuid, field) pairs this case's history shows edited after
    the record was made: those values are not shared with other copies."""
    out = set()
    for uuid, changes in conn.execute(text(
            "SELECT record_uuid, changes FROM audit_entry WHERE action = 'update' AND record_uuid <> ''")):
        try:
            for name in json.loads(changes):
                out.add((uuid, name))
        except (ValueError, TypeError):
            continue
    return out


def _deleted_here(conn: Connection) -> dict[str, str]:
    """Records this case's history shows deleted: uuid -> kind."""
    return dict(conn.execute(text(
        "SELECT record_uuid, record_kind FROM audit_entry WHERE action = 'delete' AND record_uuid <> ''")).all())
