"""Writing merged items into the case's tables with Core, inside the merge's
transaction (so the commit seals every row it wrote, ``store.state``).

Records are found by UUID, links by the UUIDs of what they join; a row id
never leaves this module. Field names come from a fixed list per kind (the
columns of the table), so a bundle cannot name a column that is not there.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from datetime import datetime

from sqlalchemy import Table, delete, insert, literal, select, update
from sqlalchemy.engine import Connection

from ...errors import CasefileError
from ...i18n import translate
from ...model import Base, utcnow
from ...model.base import UTCDateTime
from ...store.tracking import next_code
from .items import LINKS, Item

RECORD_TABLES = ("place", "actor", "incident", "source", "claim", "evidence", "assessment")
#: a record field holding another record's UUID -> (its column, the tables it may name)
REFS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "incident": {"place": ("place_id", ("place",))},
    "claim": {"claimant": ("claimant_id", ("actor",)), "origin": ("origin_id", ("source",)),
              "source": ("source_id", ("source",))},
    "evidence": {"derived_from": ("derived_from_id", ("evidence",))},
    "assessment": {"claim": ("claim_id", ("claim",)), "by_source": ("by_source_id", ("source",)),
                   "by_claim": ("by_claim_id", ("claim",))},
}
TIMES = {"evidence": ("file_modified", "intake_at")}
#: link ends -> (column, tables the UUID may name); "" column: a plain value (a tag, a relation)
ENDS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "involvement": {"incident": ("incident_id", ("incident",)), "actor": ("actor_id", ("actor",)),
                    "role": ("role", ())},
    "incident_link": {"from": ("from_id", ("incident",)), "to": ("to_id", ("incident",)),
                      "relation": ("relation", ())},
    "actor_relation": {"actor": ("actor_id", ("actor",)), "other": ("other_id", ("actor",)),
                       "relation": ("relation", ())},
    "incident_tag": {"incident": ("incident_id", ("incident",)), "tag": ("tag", ())},
    "claim_subject": {"claim": ("claim_id", ("claim",)), "subject": ("", ("incident", "actor"))},
    "source_citation": {"source": ("source_id", ("source",)), "cited": ("cited_id", ("source",))},
    "claim_relay": {"claim": ("claim_id", ("claim",)), "source": ("source_id", ("source",))},
    "evidence_link": {"evidence": ("evidence_id", ("evidence",)),
                      "target": ("", ("incident", "claim", "source", "actor")), "relation": ("relation", ())},
    "withhold_mark": {"record": ("record_uuid", ()), "field": ("field", ()), "passage": ("passage", ())},
}


class BundleRefused(CasefileError):
    """The bundle was refused; nothing changed."""


def table(name: str) -> Table:
    return Base.metadata.tables[name]


class Ids:
    """A table's rows by UUID: their ids and codes. Read whole at once (a large
    bundle names most of a table), or one UUID at a time as asked (a sync's
    bundle names a few rows of a case of millions: reading whole tables was most
    of a sync at full scale)."""

    def __init__(self, conn: Connection, name: str, whole: bool):
        self.conn, self.table, self.whole = conn, table(name), whole
        self._ids: dict[str, int | None] = {}  # None: not here
        self._codes: dict[str, str] = {}
        if whole:
            for i, u, c in conn.execute(select(self.table.c.id, self.table.c.uuid, self._code_column())):
                self._ids[u], self._codes[u] = i, c or ""

    def _code_column(self):
        return self.table.c.code if "code" in self.table.c else literal("")

    def _look(self, uuid: str) -> None:
        if self.whole or uuid in self._ids:
            return
        row = self.conn.execute(select(self.table.c.id, self._code_column())
                                .where(self.table.c.uuid == uuid)).first()
        self._ids[uuid] = None if row is None else int(row[0])
        if row is not None:
            self._codes[uuid] = row[1] or ""

    def get(self, uuid: str) -> int | None:
        self._look(uuid)
        return self._ids.get(uuid)

    def __getitem__(self, uuid: str) -> int:
        found = self.get(uuid)
        if found is None:
            raise KeyError(uuid)
        return found

    def __setitem__(self, uuid: str, ident: int) -> None:
        self._ids[uuid] = ident

    def pop(self, uuid: str) -> int | None:
        found = self.get(uuid)
        self._ids[uuid] = None  # gone: not looked up again
        return found

    def items(self) -> list[tuple[str, int]]:
        """The rows read so far (all of them, read whole)."""
        return [(u, i) for u, i in self._ids.items() if i is not None]

    def code(self, uuid: str) -> str:
        self._look(uuid)
        return self._codes.get(uuid, "")

    def set_code(self, uuid: str, code: str) -> None:
        self._codes[uuid] = code


class Writer:
    """``whole``: read each table's ids at once, for a bundle that names many rows."""

    def __init__(self, conn: Connection, *, whole: bool = True):
        self.conn = conn
        self.whole = whole
        self._ids: dict[str, Ids] = {}
        self._queued: dict[tuple[str, tuple[str, ...]], list[tuple[int, dict[str, object]]]] = {}

    def ids(self, name: str) -> Ids:
        if name not in self._ids:
            self._ids[name] = Ids(self.conn, name, self.whole)
        return self._ids[name]

    def find(self, uuid: str, tables: tuple[str, ...]) -> tuple[str, int] | None:
        for name in tables:
            ident = self.ids(name).get(uuid)
            if ident is not None:
                return name, ident
        return None

    # -- records --------------------------------------------------------------

    def columns(self, kind: str, fields: dict[str, object], label: str) -> dict[str, object]:
        """Column values for ``fields`` of a record of ``kind``."""
        t = table(kind)
        refs, times = REFS.get(kind, {}), TIMES.get(kind, ())
        out: dict[str, object] = {}
        for name, value in fields.items():
            if name in refs:
                column, targets = refs[name]
                found = self.find(value, targets) if isinstance(value, str) else None
                out[column] = found[1] if found else None
            elif name in times:
                out[name] = _time(value, label, name)
            elif name == "extra_metadata":
                out[name] = json.dumps(value if isinstance(value, dict) else {}, ensure_ascii=False, sort_keys=True)
            elif name in t.c and name not in ("id", "uuid", "code", "created_at", "updated_at"):
                out[name] = value
            else:
                raise BundleRefused(translate("Exchange", "the bundle gives {record} a field '{field}' that "
                                              "this Casefile does not know").format(record=label, field=name[:64]))
        return out

    def insert_record(self, kind: str, uuid: str, code: str, fields: dict[str, object], created: object) -> int:
        t = table(kind)
        values = self.columns(kind, fields, code or uuid)
        values["uuid"] = uuid
        now = utcnow()
        if "code" in t.c:
            values["code"] = self.code_for(kind, code)
            values["created_at"] = _time(created, code, "created_at") or now
            values["updated_at"] = now
        ident = int(self.conn.execute(insert(t).values(**values).returning(t.c.id)).scalar_one())
        self.ids(kind)[uuid] = ident
        self.ids(kind).set_code(uuid, str(values.get("code", "")))
        return ident

    def code_for(self, kind: str, code: str) -> str:
        """The sender's code when this copy never handed out that number for
        the prefix (then the counter moves past it); else the next code here."""
        from ...model import BY_KIND

        prefix = BY_KIND[kind].prefix
        head, _, number = code.partition("-")
        counter = self.conn.execute(select(table("code_counter").c.next_value).where(
            table("code_counter").c.prefix == prefix)).scalar() or 1
        if head == prefix and number.isdigit() and len(number) <= 9 and int(number) >= counter:
            t = table(kind)
            if self.conn.execute(select(t.c.id).where(t.c.code == code)).first() is None:
                cc = table("code_counter")
                if self.conn.execute(update(cc).where(cc.c.prefix == prefix).values(
                        next_value=int(number) + 1)).rowcount == 0:
                    self.conn.execute(insert(cc).values(prefix=prefix, next_value=int(number) + 1))
                return code
        return next_code(self.conn, prefix)

    def update_record(self, kind: str, uuid: str, fields: dict[str, object]) -> int | None:
        ident = self.ids(kind).get(uuid)
        if ident is None or not fields:
            return ident
        t = table(kind)
        values = self.columns(kind, fields, uuid)
        if "updated_at" in t.c:
            values["updated_at"] = utcnow()
        self.conn.execute(update(t).where(t.c.id == ident).values(**values))
        return ident

    def queue_update(self, kind: str, uuid: str, fields: dict[str, object]) -> int | None:
        """Like ``update_record``, written by ``flush_updates`` in one statement per
        kind and set of fields: with the sealing triggers, SQLite journals each
        statement's pages, so one UPDATE of a thousand rows costs far less than
        a thousand UPDATEs of one."""
        ident = self.ids(kind).get(uuid)
        if ident is None or not fields:
            return ident
        values = self.columns(kind, fields, uuid)
        if "updated_at" in table(kind).c:
            values["updated_at"] = utcnow()
        self._queued.setdefault((kind, tuple(sorted(values))), []).append((ident, values))
        return ident

    def flush_updates(self) -> None:
        for (kind, columns), rows in self._queued.items():
            t = table(kind)
            names = ", ".join(f"c{n}" for n in range(len(columns)))
            self.conn.exec_driver_sql(f"CREATE TEMP TABLE cf_stage (id INTEGER PRIMARY KEY, {names})")
            try:
                marks = ", ".join("?" for _ in range(len(columns) + 1))
                self.conn.exec_driver_sql(f"INSERT INTO temp.cf_stage VALUES ({marks})", [
                    (ident, *(_db(t.c[c], values[c]) for c in columns)) for ident, values in rows])
                sets = ", ".join(f'"{c}" = s.c{n}' for n, c in enumerate(columns))
                self.conn.exec_driver_sql(f'UPDATE main."{kind}" SET {sets} FROM temp.cf_stage s '
                                          f'WHERE main."{kind}".id = s.id')
            finally:
                self.conn.exec_driver_sql("DROP TABLE temp.cf_stage")
        self._queued.clear()

    def delete_record(self, kind: str, uuid: str) -> int | None:
        ident = self.ids(kind).pop(uuid)
        if ident is not None:
            t = table(kind)
            self.conn.execute(delete(t).where(t.c.id == ident))
        return ident

    def code_of(self, kind: str, uuid: str) -> str:
        return self.ids(kind).code(uuid)

    # -- links ----------------------------------------------------------------

    def link_where(self, item: Item) -> dict[str, object] | None:
        """The columns naming this link's row, or None when a record it joins is not here."""
        where: dict[str, object] = {}
        for end, (column, targets) in ENDS[item.kind].items():
            value = item.ends.get(end)
            if not isinstance(value, str):
                return None
            if not targets:
                where[column] = value
                continue
            found = self.find(value, targets)
            if found is None:
                return None
            where[column or f"{found[0]}_id"] = found[1]
        return where

    def link_exists(self, item: Item) -> bool:
        where = self.link_where(item)
        if where is None:
            return False
        t = table(item.kind)
        return self.conn.execute(select(t).where(*[t.c[k] == v for k, v in where.items()]).limit(1)).first() is not None

    def put_link(self, item: Item, fields: dict[str, object], exists: bool | None = None) -> bool:
        """Insert the link, or update its attributes (``exists``: whether it is
        here, when the caller knows); False when a record it joins is missing."""
        where = self.link_where(item)
        if where is None:
            return False
        t = table(item.kind)
        attrs = {k: v for k, v in fields.items() if k in LINKS[item.kind][1]}
        unknown = set(fields) - set(LINKS[item.kind][1])
        if unknown:
            raise BundleRefused(translate("Exchange", "the bundle gives a {kind} link a field '{field}' that this "
                                          "Casefile does not know").format(kind=item.kind, field=sorted(unknown)[0][:64]))
        match = [t.c[k] == v for k, v in where.items()]
        if exists is None:
            exists = self.conn.execute(select(t).where(*match).limit(1)).first() is not None
        if not exists:
            values = {**where, **attrs}
            if item.kind == "involvement":
                values.setdefault("degree", "")
                values.setdefault("note", "")
                values.setdefault("head_count_approximate", False)
            elif item.kind == "withhold_mark":  # on a record this copy holds: its kind from where it is
                held = self.find(str(where["record_uuid"]), RECORD_TABLES)
                if held is None:
                    return False
                from ..redaction.marks import markable_fields

                if where["field"] not in markable_fields(held[0]) or not str(where["passage"]).strip():
                    raise BundleRefused(translate("Exchange", "the bundle marks no passage, or a field that "
                                                  "cannot be marked, to withhold"))
                values.update(uuid=str(uuidlib.uuid4()), record_kind=held[0], created_at=utcnow())
            self.conn.execute(insert(t).values(**values))
        elif attrs:
            self.conn.execute(update(t).where(*match).values(**attrs))
        return True

    def delete_link(self, item: Item) -> None:
        where = self.link_where(item)
        if where is not None:
            t = table(item.kind)
            self.conn.execute(delete(t).where(*[t.c[k] == v for k, v in where.items()]))


def _db(column, value: object) -> object:
    """A value as the driver stores it in ``column`` (times as SQLAlchemy writes them)."""
    if isinstance(value, datetime):
        naive = UTCDateTime().process_bind_param(value, None)
        return naive.strftime("%Y-%m-%d %H:%M:%S.%f") if naive is not None else None
    if isinstance(value, bool):
        return int(value)
    return value


def _time(value: object, label: str, name: str) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise BundleRefused(translate("Exchange", "{record}: '{field}' is not a time").format(
            record=label, field=name)) from None
    if parsed.tzinfo is None:
        raise BundleRefused(translate("Exchange", "{record}: '{field}' is not a time").format(record=label, field=name))
    return parsed
