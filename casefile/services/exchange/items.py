"""Items: what a merge matches. Every record and every link of a case, by
identity (a record's UUID, a link's ``model.identity.link_id``), as a flat
dict of fields taken from the interchange export, so bundles carry the same
names and values as ``casefile export --format json``.

Versions. Each field of each item holds a set of (value, version vector)
pairs, usually one: the value shown. A version vector maps a copy of the case
(its replica id) to a counter. ``observe`` notices what changed here since
it last looked (by comparing value hashes) and gives each changed field this
copy's next counter over everything it replaced; existence is the field
``_exists`` (a deletion's vector covers every field it saw). A merge keeps,
per field, the values no other value's vector dominates: one survivor is a
clean change, two are a conflict (``merge.py``).

Values set before a copy's first exchange have the empty vector, unless the
case's own history shows the field edited here: copies made from one file
then agree on what they share and differ only by what each changed. Their
``_exists`` gets this copy's counter all the same, so that every item has a
version a peer may lack (``--since``); existence meets a deletion only
through the other fields (``merge.py``), so that costs no false conflict.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from ...model.identity import link_id
from ...model.kinds import LINK_KIND
from ...store import audit
from ...store.batches import batched, marks

VV = dict[str, int]
EXISTS = "_exists"
#: local bookkeeping of a record entry, never merged
LOCAL = ("uuid", "code", "created_at", "updated_at")
#: nested link lists of record entries, flattened into link items
NESTED = ("relations", "tags", "involvements", "links", "subjects", "cites", "relayed_by")
RECORD_SECTIONS = {"places": "place", "actors": "actor", "incidents": "incident", "sources": "source",
                   "claims": "claim", "evidence": "evidence", "assessments": "assessment"}
#: link kind -> its ends (item keys naming what it joins) and attributes (merged fields)
LINKS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "involvement": (("incident", "actor", "role"), ("degree", "head_count", "head_count_approximate", "note")),
    "incident_link": (("from", "to", "relation"), ()),
    "actor_relation": (("actor", "other", "relation"), ()),
    "incident_tag": (("incident", "tag"), ()),
    "claim_subject": (("claim", "subject"), ()),
    "source_citation": (("source", "cited"), ("note", "position")),
    "claim_relay": (("claim", "source"), ("note", "position")),
    "evidence_link": (("evidence", "target", "relation"), ("note",)),
    # A passage withheld from shared outputs: not a link between records, but like one
    # made or removed, never edited, and the same mark made on two copies is one.
    "withhold_mark": (("record", "field", "passage"), ()),
}
assert set(LINKS) - {"withhold_mark"} <= set(LINK_KIND)


@dataclass
class Item:
    kind: str
    ends: dict[str, str] = field(default_factory=dict)  # links: what they join (never changes)
    fields: dict[str, object] = field(default_factory=dict)
    code: str = ""  # records: the code the sender shows
    row: tuple[str, str] = field(default=("", ""), compare=False)  # (table, key) it stands in here


def canonical(value: object) -> str:
    return audit.canonical(value)


def value_hash(value: object) -> str:
    """A short hash of a field's value (texts and numbers without a JSON dump: it is the hot path)."""
    if isinstance(value, str):
        data = b"s" + value.encode("utf-8", "surrogatepass")
    elif value is None or isinstance(value, (bool, int, float)):
        data = b"r" + repr(value).encode()
    else:
        data = b"j" + canonical(value).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:24]


TRUE, FALSE = value_hash(True), value_hash(False)


@contextmanager
def few_collections() -> Iterator[None]:
    """Around a bundle or a merge: they make and keep many small objects (items,
    versions, vectors) that hold no cycles, and the cyclic collector would walk
    them again and again for nothing (a quarter of a merge's time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# -- version vectors ----------------------------------------------------------------

def leq(a: VV, b: VV) -> bool:
    return all(n <= b.get(r, 0) for r, n in a.items())


def join(*vectors: VV) -> VV:
    out: VV = {}
    for vv in vectors:
        for r, n in vv.items():
            if n > out.get(r, 0):
                out[r] = n
    return out


def vv_text(vv: VV) -> str:
    return json.dumps(vv, sort_keys=True, separators=(",", ":"))


# -- flattening a document ----------------------------------------------------------

def flatten(document: dict) -> dict[str, Item]:
    """Every record and link of an interchange document, by identity."""
    items: dict[str, Item] = {}
    for section, kind in RECORD_SECTIONS.items():
        for entry in document.get(section, []):
            fields = {k: v for k, v in entry.items() if k not in LOCAL and k not in NESTED}
            items[entry["uuid"]] = Item(kind, fields=fields, code=entry.get("code", ""))
            _nested(items, kind, entry)
    for link in document.get("evidence_links", []):
        _link(items, "evidence_link", link["id"], {"evidence": link["evidence"], "target": link["target"],
                                                    "relation": link["relation"]}, {"note": link.get("note", "")})
    for mark in document.get("withhold_marks", []):  # empty in a shared profile's document
        ends = {"record": mark["record"], "field": mark["field"], "passage": mark["passage"]}
        _link(items, "withhold_mark", link_id("withhold_mark", *ends.values()), ends, {})
    return items


def _link(items: dict[str, Item], kind: str, ident: str, ends: dict, fields: dict) -> None:
    items[ident] = Item(kind, ends=ends, fields=fields)


def _nested(items: dict[str, Item], kind: str, entry: dict) -> None:
    me = entry["uuid"]
    if kind == "incident":
        for tag in entry.get("tags", []):
            _link(items, "incident_tag", link_id("incident_tag", me, tag), {"incident": me, "tag": tag}, {})
        for inv in entry.get("involvements", []):
            _link(items, "involvement", inv["id"], {"incident": me, "actor": inv["actor"], "role": inv["role"]},
                  {k: inv.get(k) for k in LINKS["involvement"][1]})
        for lk in entry.get("links", []):
            _link(items, "incident_link", lk["id"], {"from": me, "to": lk["to"], "relation": lk["relation"]}, {})
    elif kind == "actor":
        for rel in entry.get("relations", []):
            _link(items, "actor_relation", rel["id"], {"actor": me, "other": rel["other"],
                                                       "relation": rel["relation"]}, {})
    elif kind == "source":
        for position, cite in enumerate(entry.get("cites", [])):
            _link(items, "source_citation", cite["id"], {"source": me, "cited": cite["source"]},
                  {"note": cite.get("note", ""), "position": position})
    elif kind == "claim":
        for subject in entry.get("subjects", []):
            _link(items, "claim_subject", link_id("claim_subject", me, subject), {"claim": me, "subject": subject}, {})
        for position, relay in enumerate(entry.get("relayed_by", [])):
            _link(items, "claim_relay", relay["id"], {"claim": me, "source": relay["source"]},
                  {"note": relay.get("note", ""), "position": position})


# -- what this copy has seen ----------------------------------------------------------

@dataclass
class Stored:
    """An ``exchange_item`` row, decoded."""

    kind: str
    deleted: bool
    redacted: bool
    versions: dict[str, tuple[str, VV]]  # field -> (hash of the value shown, its vector)
    origin: str = ""
    entry: str = ""
    row: tuple[str, str] = ("", "")  # (table, key) it was last seen in
    seq: int = 0  # the history head when it was last written

    def all_vectors(self) -> Iterator[VV]:
        for _, vv in self.versions.values():
            yield vv


_COLUMNS = "uuid, kind, deleted, redacted, versions, origin, entry, tbl, row_key, seq"


def _decode(r) -> Stored:
    decoded = {f: (h, vv) for f, (h, vv) in json.loads(r[4]).items()}
    return Stored(r[1], bool(r[2]), bool(r[3]), decoded, r[5], r[6], (r[7], r[8]), r[9])


def load_stored(conn: Connection, uuids: Iterable[str] | None = None) -> dict[str, Stored]:
    """Every item's row, or those of ``uuids``."""
    if uuids is None:
        rows = conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM exchange_item")
        return {r[0]: _decode(r) for r in rows}
    out = {}
    for part in batched(uuids):
        for r in conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM exchange_item WHERE uuid IN ({marks(part)})",
                                      tuple(part)):
            out[r[0]] = _decode(r)
    return out


def load_written_after(conn: Connection, seq: int, known: dict[str, Stored] | None = None) -> dict[str, Stored]:
    """The items written after history entry ``seq`` (by index); ``known``: rows
    the caller holds as they are saved, not decoded again."""
    known = known or {}
    return {r[0]: known.get(r[0]) or _decode(r) for r in conn.exec_driver_sql(
        f"SELECT {_COLUMNS} FROM exchange_item WHERE seq > ?", (seq,))}


_SAVE = (f"INSERT OR REPLACE INTO exchange_item ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _row(uuid: str, s: Stored, seq: int) -> tuple:
    versions = json.dumps({f: [h, vv] for f, (h, vv) in sorted(s.versions.items())}, sort_keys=True,
                          separators=(",", ":"))
    s.seq = seq
    return (uuid, s.kind, s.deleted, s.redacted, versions, s.origin, s.entry, s.row[0], s.row[1], seq)


def stamp(conn: Connection) -> int:
    """The ``seq`` of items written now: after every entry so far, so that an item
    written later always has a larger one (every write of items ends in a seal)."""
    return audit.head(conn)[0] + 1


def save_stored(conn: Connection, uuid: str, s: Stored, seq: int) -> None:
    # OR REPLACE, not an upsert: the sealing triggers (store.state) take the
    # outer statement's conflict clause, which an upsert would not give them.
    conn.exec_driver_sql(_SAVE, _row(uuid, s, seq))


def save_many(conn: Connection, rows: dict[str, Stored], seq: int) -> None:
    """Many rows in one statement, through a temp table: with the sealing
    triggers SQLite journals each statement's pages (64 KiB), so ten thousand
    one-row statements cost seconds where one costs milliseconds."""
    if not rows:
        return
    conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS cf_item_stage AS SELECT {_COLUMNS} FROM exchange_item "
                         "WHERE 0")
    try:
        conn.exec_driver_sql(f"INSERT INTO temp.cf_item_stage ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             [_row(u, s, seq) for u, s in rows.items()])
        conn.exec_driver_sql(f"INSERT OR REPLACE INTO exchange_item ({_COLUMNS}) "
                             f"SELECT {_COLUMNS} FROM temp.cf_item_stage")
    finally:
        conn.exec_driver_sql("DELETE FROM temp.cf_item_stage")


@dataclass
class Sibling:
    """A conflicting value kept beside the shown one (``exchange_conflict``)."""

    field: str
    value: object
    hash: str
    vv: VV
    fingerprint: str = ""


def load_siblings(conn: Connection, uuids: Iterable[str] | None = None) -> dict[str, list[Sibling]]:
    out: dict[str, list[Sibling]] = {}
    query = "SELECT uuid, field, value, value_hash, vv, fingerprint FROM exchange_conflict"
    wanted = None if uuids is None else set(uuids)
    for uuid, fld, value, h, vv, fp in conn.exec_driver_sql(query + " ORDER BY id"):  # few: read them all
        if wanted is not None and uuid not in wanted:
            continue
        out.setdefault(uuid, []).append(Sibling(fld, json.loads(value), h, json.loads(vv), fp))
    return out
