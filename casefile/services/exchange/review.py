"""The review queue: values that arrived for a field changed differently
here, side by side, until a person chooses one.

Choosing gives the chosen value a version over both, so every copy that
receives the choice drops the other value too (editing the field in the
window settles it the same way, at the next exchange).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import text

from ...errors import CasefileError
from ...i18n import translate
from ...model.kinds import TITLE_FIELD
from ...store import Case, audit, fulltext
from . import peers
from .apply import RECORD_TABLES, Writer
from .changes import observe
from .items import EXISTS, FALSE, Item, join, load_stored, save_stored, stamp, value_hash
from .reading import items_held


@dataclass
class ConflictView:
    id: int
    uuid: str
    kind: str
    code: str  # the record's code here ("" for a link)
    title: str
    field: str
    here: object  # the value shown here (None when the record is gone here)
    theirs: object
    fingerprint: str


def count(case: Case) -> int:
    with case.connection() as conn:
        return int(conn.execute(text("SELECT count(*) FROM exchange_conflict")).scalar() or 0)


def conflicts(case: Case) -> list[ConflictView]:
    with case.connection() as conn:
        rows = conn.execute(text("SELECT id, uuid, kind, field, value, fingerprint FROM exchange_conflict "
                                 "ORDER BY kind, uuid, field, id")).all()
        if not rows:
            return []
        items = items_held(conn, load_stored(conn, {r.uuid for r in rows}))
        writer = Writer(conn, whole=False)  # a conflict names a row or two
        out = []
        for r in rows:
            item = items.get(r.uuid)
            here: object = None
            if item is not None:
                here = True if r.field == EXISTS else item.fields.get(r.field)
            code = writer.code_of(r.kind, r.uuid) if r.kind in RECORD_TABLES else ""
            title = str(item.fields.get(TITLE_FIELD.get(r.kind, ""), "")) if item is not None else ""
            out.append(ConflictView(r.id, r.uuid, r.kind, code, title, r.field, here, json.loads(r.value),
                                    r.fingerprint))
    return out


def resolve(case: Case, conflict_id: int, keep: str, fingerprint: str | None = None) -> ConflictView:
    """``keep``: "here" (the value shown) or "theirs" (the one that arrived)."""
    if keep not in ("here", "theirs"):
        raise CasefileError(translate("Exchange", "choose 'here' or 'theirs'"))
    found = next((c for c in conflicts(case) if c.id == conflict_id), None)
    if found is None:
        raise CasefileError(translate("Exchange", "no conflict {id} in this case (see 'casefile conflicts')")
                            .format(id=conflict_id))
    with case.connection() as conn:
        me = peers.replica(conn, fingerprint)
        observe(conn, me)
        stored = load_stored(conn, [found.uuid])[found.uuid]
        items = items_held(conn, {found.uuid: stored})
        vvs = [json.loads(v) for (v,) in conn.execute(text(
            "SELECT vv FROM exchange_conflict WHERE uuid = :u AND field = :f"), {"u": found.uuid, "f": found.field})]
        me.counter += 1
        version = join(stored.versions.get(found.field, ("", {}))[1], *vvs, {me.uuid: me.counter})
        writer = Writer(conn, whole=False)  # a conflict names a row or two
        conn.execute(text("DELETE FROM exchange_conflict WHERE uuid = :u AND field = :f"),
                     {"u": found.uuid, "f": found.field})
        item = items.get(found.uuid)
        if keep == "theirs" and found.field == EXISTS and found.theirs is False:
            tomb = join(*(vv for _, vv in stored.versions.values()), version)
            conn.execute(text("DELETE FROM exchange_conflict WHERE uuid = :u"), {"u": found.uuid})
            if found.kind in RECORD_TABLES:
                ident = writer.delete_record(found.kind, found.uuid)
                if ident is not None and found.kind in fulltext.INDEXED:
                    fulltext.reindex(conn, found.kind, [ident])
            elif item is not None:
                writer.delete_link(item)
            stored.versions, stored.deleted = {EXISTS: (FALSE, tomb)}, True
        elif keep == "theirs" and found.field != EXISTS:
            if found.kind in RECORD_TABLES:
                ident = writer.update_record(found.kind, found.uuid, {found.field: found.theirs})
                if ident is not None and found.kind in fulltext.INDEXED:
                    fulltext.reindex(conn, found.kind, [ident])
            elif item is not None:
                writer.put_link(Item(item.kind, ends=item.ends), {found.field: found.theirs})
            stored.versions[found.field] = (value_hash(found.theirs), version)
        else:
            stored.versions[found.field] = (stored.versions.get(found.field, (value_hash(found.here), {}))[0], version)
        save_stored(conn, found.uuid, stored, stamp(conn))
        peers.save(conn, me)
        audit.append(conn, "resolve", who=case.documenter, kind=found.kind, uuid=found.uuid, code=found.code,
                     changes={"field": found.field, "kept": keep, "value": found.theirs if keep == "theirs"
                              else found.here})
    case.notify({found.kind: set()})
    return found
