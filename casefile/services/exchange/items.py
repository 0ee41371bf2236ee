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

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ...model.identity import link_id
from ...model.kinds import LINK_KIND
from ...store import audit

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


def current_items(conn: Connection) -> dict[str, Item]:
    """The case's items as they stand, read inside the caller's transaction."""
    from ..interchange.export import _Builder

    return flatten(_Builder(conn).document())


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

    def all_vectors(self) -> Iterator[VV]:
        for _, vv in self.versions.values():
            yield vv


def load_stored(conn: Connection) -> dict[str, Stored]:
    out = {}
    for uuid, kind, deleted, redacted, versions, origin, entry in conn.execute(text(
            "SELECT uuid, kind, deleted, redacted, versions, origin, entry FROM exchange_item")):
        decoded = {f: (h, vv) for f, (h, vv) in json.loads(versions).items()}
        out[uuid] = Stored(kind, bool(deleted), bool(redacted), decoded, origin, entry)
    return out


_SAVE = ("INSERT OR REPLACE INTO exchange_item (uuid, kind, deleted, redacted, versions, origin, entry) "
         "VALUES (?, ?, ?, ?, ?, ?, ?)")


def _row(uuid: str, s: Stored) -> tuple:
    versions = json.dumps({f: [h, vv] for f, (h, vv) in sorted(s.versions.items())}, sort_keys=True,
                          separators=(",", ":"))
    return (uuid, s.kind, s.deleted, s.redacted, versions, s.origin, s.entry)


def save_stored(conn: Connection, uuid: str, s: Stored) -> None:
    # OR REPLACE, not an upsert: the sealing triggers (store.state) take the
    # outer statement's conflict clause, which an upsert would not give them.
    conn.exec_driver_sql(_SAVE, _row(uuid, s))


def save_many(conn: Connection, rows: dict[str, Stored]) -> None:
    if rows:
        conn.exec_driver_sql(_SAVE, [_row(u, s) for u, s in rows.items()])


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
    for uuid, fld, value, h, vv, fp in conn.execute(text(
            "SELECT uuid, field, value, value_hash, vv, fingerprint FROM exchange_conflict ORDER BY id")):
        out.setdefault(uuid, []).append(Sibling(fld, json.loads(value), h, json.loads(vv), fp))
    if uuids is not None:
        wanted = set(uuids)
        out = {u: s for u, s in out.items() if u in wanted}
    return out


def edited_here(conn: Connection) -> set[tuple[str, str]]:
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


def deleted_here(conn: Connection) -> dict[str, str]:
    """Records this case's history shows deleted: uuid -> kind."""
    return dict(conn.execute(text(
        "SELECT record_uuid, record_kind FROM audit_entry WHERE action = 'delete' AND record_uuid <> ''")).all())


_REF_FIELDS = {"place": "place_id", "claimant": "claimant_id", "origin": "origin_id", "source": "source_id",
               "derived_from": "derived_from_id"}


def observe(conn: Connection, me: str, counter: int, items: dict[str, Item] | None = None,
            first: bool = False) -> tuple[int, dict[str, Item], dict[str, Stored]]:
    """Record what changed here since the last look: each changed field (or
    a deletion) gets the vector of what it replaced plus this copy's next
    counter. Returns (counter, the items as they stand, their stored versions)."""
    items = current_items(conn) if items is None else items
    stored = load_stored(conn)
    siblings = load_siblings(conn)
    nxt = counter + 1
    dirty_rows: dict[str, Stored] = {}
    edited = edited_here(conn) if first else set()  # the history is read once, at the first look
    for uuid, item in items.items():
        row = stored.get(uuid)
        hashes = {f: value_hash(v) for f, v in item.fields.items()}
        hashes[EXISTS] = TRUE
        if row is None:
            versions = {}
            for f, h in hashes.items():
                touched = not first or f == EXISTS or (uuid, _REF_FIELDS.get(f, f)) in edited or (uuid, f) in edited
                versions[f] = (h, {me: nxt} if touched else {})
            stored[uuid] = dirty_rows[uuid] = Stored(item.kind, False, False, versions)
            continue
        if row.deleted:  # back here (an undone deletion): a change of ours over the tombstone
            base = join(*row.all_vectors(), {me: nxt})
            row.versions = {f: (h, dict(base)) for f, h in hashes.items()}
            row.deleted = False
            dirty_rows[uuid] = row
            continue
        dirty = False
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
        if dirty:
            dirty_rows[uuid] = row
    gone = {u: s for u, s in stored.items() if not s.deleted and u not in items}
    for uuid, row in gone.items():
        mine = [s.vv for s in siblings.get(uuid, [])]
        row.versions = {EXISTS: (FALSE, join(*row.all_vectors(), *mine, {me: nxt}))}
        row.deleted = True
        conn.execute(text("DELETE FROM exchange_conflict WHERE uuid = :u"), {"u": uuid})
        dirty_rows[uuid] = row
    if first:
        for uuid, kind in deleted_here(conn).items():
            if uuid not in stored and uuid not in items:
                stored[uuid] = dirty_rows[uuid] = Stored(kind, True, False, {EXISTS: (FALSE, {me: nxt})})
    save_many(conn, dirty_rows)
    return (nxt if dirty_rows else counter), items, stored


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
