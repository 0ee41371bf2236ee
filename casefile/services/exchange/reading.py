"""The case's items read straight from its tables: every one, or only those
in given rows, so that noticing what changed costs what changed, not the
case (``items.observe``).

An item here has the same identity, fields and values as the interchange
export gives it after ``items.flatten`` (a test holds the two together), and
it knows the row it stands in: ``(table, key)``, the key as ``row_state``
writes it (``store.state``), so a row named by a seal leads to its item.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import ColumnElement, Select, literal_column, select, text, tuple_
from sqlalchemy.engine import Connection

from ...model import Base
from ...model.identity import link_id
from ...store import state
from ...store.batches import batched
from ..interchange import export as x
from .apply import ENDS, RECORD_TABLES, REFS, TIMES
from .items import EXISTS, LINKS, TRUE, Item, Stored, canonical, load_siblings, value_hash

#: ordered links: the column of the record whose list they form; an item's position is its place in it
OWNER = {"source_citation": "source_id", "claim_relay": "claim_id"}
#: tables whose rows are items, in the order a merge writes them
ITEM_TABLES = (*RECORD_TABLES, *LINKS)
Wanted = dict[str, set[str]]  # table -> row keys


def _record_fields() -> dict[str, tuple[str, ...]]:
    return {"place": x.PLACE_FIELDS, "actor": x.ACTOR_FIELDS, "incident": x.INCIDENT_FIELDS,
            "source": x.SOURCE_FIELDS, "claim": x.CLAIM_FIELDS,
            "evidence": x.EVIDENCE_FIELDS + x.EVIDENCE_TIMES + ("extra_metadata",),
            "assessment": ("relation", "note")}


class Reader:
    """Reads items inside the caller's transaction; the UUIDs of the records
    rows refer to are looked up as needed and kept."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._uuids: dict[str, dict[int, str]] = {}  # table -> id -> uuid
        self._complete: set[str] = set()  # tables whose every UUID is known
        self._fields = _record_fields()

    # -- UUIDs of records rows refer to ----------------------------------------

    def uuids(self, name: str, ids: Iterable[int | None]) -> dict[int, str]:
        known = self._uuids.setdefault(name, {})
        if name not in self._complete:
            missing = {i for i in ids if i is not None and i not in known}
            t = Base.metadata.tables[name]
            for part in batched(missing):
                known.update((i, u) for i, u in self.conn.execute(select(t.c.id, t.c.uuid).where(t.c.id.in_(part))))
        return known

    def _all_uuids(self, name: str) -> None:
        if name not in self._complete:
            t = Base.metadata.tables[name]
            self._uuids[name] = {i: u for i, u in self.conn.execute(select(t.c.id, t.c.uuid))}
            self._complete.add(name)

    def existing(self, uuids: set[str]) -> set[str]:
        """Which of ``uuids`` name a record here."""
        found: set[str] = set()
        for name in RECORD_TABLES:
            if name in self._complete:
                found |= uuids & set(self._uuids[name].values())
                continue
            t = Base.metadata.tables[name]
            for part in batched(uuids - found):
                found.update(self.conn.execute(select(t.c.uuid).where(t.c.uuid.in_(part))).scalars())
        return found

    # -- rows ------------------------------------------------------------------

    def _rows(self, name: str, columns: list[str], keys: set[str] | None,
              owners: set[int] | None = None) -> Iterator[Any]:
        """Rows of table ``name`` (all, those under ``keys``, or those of ``owners``),
        each with its row key first."""
        t = Base.metadata.tables[name].alias("t")
        query: Select = select(literal_column(state.BY_NAME[name].key_sql).label("row_key"),
                               *(t.c[c] for c in columns)).select_from(t)
        if name in OWNER:
            query = query.order_by(t.c[OWNER[name]], t.c.position, t.c.id)
        if keys is None and owners is None:
            yield from self.conn.execute(query)
            return
        pk = list(Base.metadata.tables[name].primary_key.columns)
        if owners is not None:
            conditions: list[ColumnElement[bool]] = [t.c[OWNER[name]].in_(part) for part in batched(owners)]
        else:
            parsed = {tuple(json.loads(k)) for k in keys or ()}
            column = tuple_(*(t.c[c.name] for c in pk)) if len(pk) > 1 else t.c[pk[0].name]
            conditions = [column.in_(part if len(pk) > 1 else [p[0] for p in part]) for part in batched(parsed)]
        for condition in conditions:
            yield from self.conn.execute(query.where(condition))

    def read(self, wanted: Wanted | None = None) -> dict[str, Item]:
        """Every item (``wanted`` None), or the items in the rows ``wanted`` names,
        by identity. Asking for one citation or relay reads its whole list (its
        position is its place there); a withhold mark counts while its record exists."""
        if wanted is None:
            for name in RECORD_TABLES:
                self._all_uuids(name)
        items: dict[str, Item] = {}
        for name in RECORD_TABLES:
            keys = None if wanted is None else wanted.get(name)
            if wanted is None or keys:
                self._records(name, keys, items)
        for name in LINKS:
            keys = None if wanted is None else wanted.get(name)
            if wanted is None or keys:
                self._links(name, keys, items)
        return items

    def _records(self, kind: str, keys: set[str] | None, items: dict[str, Item]) -> None:
        fields, refs = self._fields[kind], REFS.get(kind, {})
        has_code = "code" in Base.metadata.tables[kind].c
        columns = ["id", "uuid", *(["code"] if has_code else []), *fields, *(c for c, _ in refs.values())]
        rows = list(self._rows(kind, columns, keys))
        for column, (target,) in refs.values():
            self.uuids(target, (getattr(r, column) for r in rows))
        times = TIMES.get(kind, ())
        for r in rows:
            values: dict[str, object] = {f: getattr(r, f) for f in fields}
            for field, (column, (target,)) in refs.items():
                ident = getattr(r, column)
                values[field] = self._uuids[target].get(ident) if ident is not None else None
            if kind == "claim":
                values["chain_review"] = bool(values["chain_review"])
            elif kind == "evidence":
                for f in times:
                    values[f] = x.stamp(values[f])  # type: ignore[arg-type]
                values["extra_metadata"] = x._metadata(values["extra_metadata"])  # type: ignore[arg-type]
            items[r.uuid] = Item(kind, fields=values, code=r.code if has_code else "", row=(kind, r.row_key))

    def _links(self, kind: str, keys: set[str] | None, items: dict[str, Item]) -> None:
        t = Base.metadata.tables[kind]
        ends = ENDS[kind]
        attributes = [a for a in LINKS[kind][1] if a != "position"]
        columns = [c.name for c in t.columns if c.name in {*(col for col, _ in ends.values()), *attributes}
                   or c.name.endswith("_id")]
        if kind in OWNER and keys is not None:
            owners = {r.row_key: getattr(r, OWNER[kind]) for r in self._rows(kind, [OWNER[kind]], keys)}
            if len(owners) < len(keys):  # a row gone from a list that is not known: read every list
                rows = list(self._rows(kind, columns, None))
            else:
                rows = list(self._rows(kind, columns, None, set(owners.values())))
        else:
            rows = list(self._rows(kind, columns, keys))
        for column, targets in ends.values():
            for target in targets:
                self.uuids(target, (getattr(r, column or f"{target}_id") for r in rows))
        if kind == "withhold_mark":
            alive = self.existing({r.record_uuid for r in rows})
            rows = [r for r in rows if r.record_uuid in alive]
        owner, position = None, 0
        for r in rows:
            values = {}
            for end, (column, targets) in ends.items():
                if not targets:
                    values[end] = getattr(r, column)
                    continue
                values[end] = next((self._uuids[target].get(getattr(r, column or f"{target}_id"))
                                    for target in targets if getattr(r, column or f"{target}_id") is not None), None)
            if None in values.values():
                continue  # an end whose record is gone: the export leaves it out too
            fields: dict[str, object] = {a: getattr(r, a) for a in attributes}
            if kind == "involvement":
                fields["head_count_approximate"] = bool(fields["head_count_approximate"])
            if kind in OWNER:
                mine = getattr(r, OWNER[kind])
                position = position + 1 if mine == owner else 0
                owner = mine
                fields["position"] = position
            ident = link_id(kind, *(str(values[e]) for e in LINKS[kind][0]))
            items[ident] = Item(kind, ends={e: str(v) for e, v in values.items()}, fields=fields,
                                row=(kind, r.row_key))


def current_items(conn: Connection) -> dict[str, Item]:
    """The case's items as they stand, read inside the caller's transaction."""
    return Reader(conn).read()


def items_held(conn: Connection, rows: Mapping[str, Stored]) -> dict[str, Item]:
    """The items of these stored ``rows`` that are here: records by UUID, links
    by the rows they were last seen in (``changes.observe`` keeps those up to date)."""
    wanted: Wanted = {}
    wanted_uuids = set(rows)
    records: dict[str, list[str]] = {}
    for uuid, row in rows.items():
        if row.kind in RECORD_TABLES:
            records.setdefault(row.kind, []).append(uuid)
        elif not row.deleted and row.row[0]:
            wanted.setdefault(row.row[0], set()).add(row.row[1])
    for kind, found in records.items():
        t = Base.metadata.tables[kind]
        for part in batched(found):
            ids = conn.execute(select(t.c.id).where(t.c.uuid.in_(part))).scalars()
            wanted.setdefault(kind, set()).update(json.dumps([i]) for i in ids)  # as json_array writes an id
    return {u: i for u, i in Reader(conn).read(wanted).items() if u in wanted_uuids} if wanted else {}


# -- the content digest -------------------------------------------------------------

def content_digest(conn: Connection) -> str:
    """SHA-256 over every record and link that exists, by identity: each
    field's values (the one shown and any in conflict), links' ends, and the
    evidence files' hashes. Codes, row ids and local times are left out, so
    two copies that hold the same content give the same digest."""
    items = current_items(conn)
    siblings = load_siblings(conn)
    h = hashlib.sha256()
    for uuid in sorted(items):
        item = items[uuid]
        h.update(f"{item.kind}\t{uuid}\t{canonical(item.ends)}\n".encode())
        values: dict[str, set[str]] = {f: {value_hash(v)} for f, v in item.fields.items()}
        values.setdefault(EXISTS, {TRUE})
        for s in siblings.get(uuid, []):
            values.setdefault(s.field, set()).add(s.hash)
        for f in sorted(values):
            h.update(f"  {f}\t{','.join(sorted(values[f]))}\n".encode())
    for (sha,) in conn.execute(text("SELECT DISTINCT sha256 FROM evidence ORDER BY sha256")):
        h.update(f"blob\t{sha}\n".encode())
    return h.hexdigest()
