"""Creating, changing and deleting records and the links between them.

Everything goes through ``case.session()``, so the store assigns codes, appends
to the audit chain, reindexes search and tells listeners (the window) what
changed. Deleting returns a :class:`Snapshot` of the row and every row that goes
with it (cascades, and references that become empty); :func:`restore` puts them
back with the same ids, uuids and codes, which makes undoing a delete exact.

Evidence is never deleted: it is withdrawn (``casefile.services.evidence``).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import datetime
from typing import Any

from sqlalchemy import Column, func, inspect, select
from sqlalchemy.orm import Session

from ...errors import InvalidInput, RecordNotFound
from ...i18n import QT_TRANSLATE_NOOP as N
from ...i18n import translate
from ...model import BY_KIND, Base, Record, VocabularyTerm
from ...model.kinds import LINK_KIND, LINK_KINDS, TITLE_FIELD
from ...store import Case
from .fields import FIELDS, HIDDEN_FIELDS, check_record, clean_value

#: link kinds -> table classes; the window adds and removes these as links
LINK_CLASSES: dict[str, type[Base]] = {k.name: k.model for k in LINK_KINDS}


def record_class(kind: str):
    try:
        return BY_KIND[kind]
    except KeyError:
        raise InvalidInput(translate("Records", "unknown record kind “{kind}”").format(kind=kind)) from None


def _existing(session, cls, record_id: int):
    """The record, or a clear error if it was deleted meanwhile (another window, an undo)."""
    obj = session.get(cls, record_id)
    if obj is None:
        raise RecordNotFound(translate("Records", "that record no longer exists"))
    return obj


# -- vocabularies --------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    key: str
    label: str
    description: str


def vocabulary(case: Case, name: str, lang: str = "en") -> list[Term]:
    """The terms of one vocabulary in display order, labelled in ``lang``."""
    es = lang.startswith("es")
    with case.connection() as conn:
        rows = conn.execute(select(VocabularyTerm).where(VocabularyTerm.vocabulary == name)
                            .order_by(VocabularyTerm.position, VocabularyTerm.key)).all()
    return [Term(r.key, (r.label_es if es and r.label_es else r.label_en),
                 (r.description_es if es and r.description_es else r.description_en)) for r in rows]


def _vocabulary_keys(session: Session) -> dict[str, set[str]]:
    keys: dict[str, set[str]] = {}
    for name, key in session.execute(select(VocabularyTerm.vocabulary, VocabularyTerm.key)):
        keys.setdefault(name, set()).add(key)
    keys.setdefault("credibility", set()).update({"1", "2", "3", "4", "5", "6"})
    return keys


# -- records -----------------------------------------------------------------

def _columns(obj) -> dict:
    return {attr.key: getattr(obj, attr.key) for attr in inspect(obj).mapper.column_attrs}


def get(case: Case, kind: str, record_id: int) -> dict:
    """All stored columns of one record, as a dict."""
    cls = record_class(kind)
    with case.session() as session:
        obj = _existing(session, cls, record_id)
        return _columns(obj)


def title_of(case: Case, kind: str, record_id: int) -> str:
    row = get(case, kind, record_id)
    return row[TITLE_FIELD[kind]] or row["code"]


def _clean(session: Session, kind: str, values: dict) -> dict:
    vocab = _vocabulary_keys(session)
    cleaned = {}
    for name, value in values.items():
        cleaned[name] = clean_value(kind, name, value, vocab)
        spec = next((f for f in FIELDS[kind] if f.name == name), None)
        if spec is not None and spec.type == "ref" and cleaned[name] is not None:
            if session.get(record_class(spec.ref_kind), cleaned[name]) is None:
                raise InvalidInput(translate("Records", "the chosen record no longer exists"), field=spec.label)
    return cleaned


def create(case: Case, kind: str, **values) -> int:
    """Make a record; returns its id. Missing required fields are refused."""
    cls = record_class(kind)
    if kind == "evidence":
        raise InvalidInput(translate("Records", "evidence enters a case by intake of a file"))
    with case.session() as session:
        required = {f.name: "" for f in FIELDS[kind] if f.required}
        cleaned = _clean(session, kind, {**required, **values})
        check_record(kind, cleaned)
        obj = cls(**cleaned)
        session.add(obj)
        session.flush()
        return obj.id


def update(case: Case, kind: str, record_id: int, **values) -> dict:
    """Change some fields; returns their previous values (for undo). Unchanged
    values are not written, so they leave no trace in the history."""
    cls = record_class(kind)
    editable = {f.name for f in FIELDS[kind]} | set(HIDDEN_FIELDS.get(kind, {}))
    unknown = set(values) - editable
    if unknown:
        raise InvalidInput(translate("Records", "cannot be edited"), field=", ".join(sorted(unknown)))
    with case.session() as session:
        obj = _existing(session, cls, record_id)
        cleaned = _clean(session, kind, values)
        if kind == "source" and cleaned.get("cites_id") == record_id:
            raise InvalidInput(translate("Records", "a source cannot cite itself"), field=translate("Fields", "Cites"))
        before = _columns(obj)
        check_record(kind, {**before, **cleaned})
        old = {}
        for name, value in cleaned.items():
            if before[name] != value:
                old[name] = before[name]
                setattr(obj, name, value)
        return old


# -- links -------------------------------------------------------------------

def create_link(case: Case, link_kind: str, **values) -> int | tuple:
    """Add a link row (involvement, relation, subject, assessment, tag, evidence link)."""
    cls = LINK_CLASSES.get(link_kind)
    if cls is None:
        raise InvalidInput(translate("Records", "unknown link “{kind}”").format(kind=link_kind))
    if link_kind == "evidence_link":
        return _link_evidence(case, values)
    with case.session() as session:
        spec = LINK_KIND[link_kind]
        if spec.vocabulary:
            column, vocab_name = spec.relation, spec.vocabulary
            if values.get(column, "") not in _vocabulary_keys(session).get(vocab_name, set()):
                raise InvalidInput(translate("Records", "choose one of the choices"),
                                   field=translate("Records", "relation"))
        if link_kind == "incident_tag":
            values["tag"] = (values.get("tag") or "").strip()
            if not values["tag"]:
                raise InvalidInput(translate("Records", "a tag cannot be empty"))
        if link_kind == "involvement" and values.get("head_count") in ("", None):
            values["head_count"] = None
        if spec.not_itself and values.get(spec.not_itself[0]) is not None and \
                values.get(spec.not_itself[0]) == values.get(spec.not_itself[1]):
            raise InvalidInput(translate("Records", "a record cannot be linked to itself"))
        if session.scalars(select(cls).filter_by(**{k: v for k, v in values.items()
                                                    if k not in spec.attributes})).first():
            raise InvalidInput(translate("Records", "that link is already there"))
        if spec.owner and "position" not in values:  # an ordered list: a new one goes last
            last = session.scalar(select(func.max(cls.__table__.c.position)).where(
                getattr(cls, spec.owner) == values.get(spec.owner)))
            values["position"] = 0 if last is None else last + 1
        obj = cls(**values)
        session.add(obj)
        session.flush()
        ident = _identity(obj)  # flushed: the row has its key
        return ident[0] if len(ident) == 1 else ident


def _evidence_codes(session: Session, values: dict) -> tuple[str, str]:
    from ...model import Evidence

    evidence = session.get(Evidence, values.get("evidence_id"))
    for column in ("incident_id", "claim_id", "source_id", "actor_id"):
        if values.get(column) is not None:
            target = session.get(record_class(column[:-3]), values[column])
            if evidence is not None and target is not None:
                return evidence.code, target.code
    raise RecordNotFound(translate("Records", "that record no longer exists"))


def _link_evidence(case: Case, values: dict) -> int:
    """Through the evidence service, so the item's custody record notes the link."""
    from .. import evidence

    with case.session() as session:
        evidence_code, target_code = _evidence_codes(session, values)
    row = evidence.link(case, evidence_code, target_code, values.get("relation", ""), values.get("note", ""))
    return row.id


def update_link(case: Case, link_kind: str, link_id, **values) -> dict:
    cls = LINK_CLASSES[link_kind]
    with case.session() as session:
        obj = session.get(cls, link_id)
        if obj is None:
            raise RecordNotFound(translate("Records", "that link no longer exists"))
        old = {}
        for name, value in values.items():
            if getattr(obj, name) != value:
                old[name] = getattr(obj, name)
                setattr(obj, name, value)
        return old


# -- deleting and restoring --------------------------------------------------

@dataclass
class Snapshot:
    """Rows removed by a delete, parents first, and references emptied by it."""

    rows: list[tuple[str, dict]] = dc_field(default_factory=list)
    nulled: list[tuple[str, tuple, str, object, datetime | None]] = dc_field(default_factory=list)


def _identity(obj: object) -> tuple[Any, ...]:
    ident = inspect(obj).identity
    assert ident is not None  # a row loaded or flushed has its key
    return ident


def fingerprint(case: Case, table: str, ident) -> str | None:
    """What tells a row from the one that takes its key once it is deleted
    (SQLite gives the highest id again): its UUID, else a link's ends and
    relation. None when no row has that key: for the undo stack, which must
    not undo on a newcomer what was done to the row before it."""
    with case.session() as session:
        obj = session.get(_class_of(table), ident)
        if obj is None:
            return None
        uuid = getattr(obj, "uuid", None)
        if uuid:
            return str(uuid)
        spec = LINK_KIND.get(table)
        return repr([getattr(obj, column) for column in (spec.identity_columns() if spec else ())])


def _class_of(table: str) -> type[Base]:
    local = Base.metadata.tables[table]
    for mapper in Base.registry.mappers:
        if mapper.local_table is local:
            return mapper.class_
    raise KeyError(table)


def _incoming(table: str) -> list[tuple[type[Base], Column[Any], str]]:
    """(child class, child column, on delete) for every foreign key pointing at ``table``."""
    found: list[tuple[type[Base], Column[Any], str]] = []
    for child in Base.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table.name == table:
                found.append((_class_of(child.name), fk.parent, (fk.ondelete or "NO ACTION").upper()))
    return found


def _collect(session: Session, obj: Base, snap: Snapshot, seen: set) -> None:
    table = obj.__tablename__
    key = (table, _identity(obj))
    if key in seen:
        return
    seen.add(key)
    snap.rows.append((table, _columns(obj)))
    pk = _identity(obj)[0]
    for child_cls, column, ondelete in _incoming(table):
        children = session.scalars(select(child_cls).where(column == pk)).all()
        for child in children:
            if ondelete == "CASCADE":
                _collect(session, child, snap, seen)
            elif ondelete == "SET NULL":
                snap.nulled.append((child.__tablename__, _identity(child), column.key, pk,
                                    getattr(child, "updated_at", None)))
            else:
                raise InvalidInput(translate(
                    "Records", "{code} cannot be deleted: other records depend on it").format(
                    code=getattr(obj, "code", table)))


def _snapshot(session: Session, obj) -> Snapshot:
    snap = Snapshot()
    _collect(session, obj, snap, set())
    going = {(t, tuple(_pk_of(t, row))) for t, row in snap.rows}
    snap.nulled = [n for n in snap.nulled if (n[0], tuple(n[1])) not in going]
    return snap


def _pk_of(table: str, row: dict) -> tuple:
    return tuple(row[c.key] for c in inspect(_class_of(table)).primary_key)


def _remove(session: Session, snap: Snapshot) -> None:
    for table, ident, column, *_ in snap.nulled:
        obj = session.get(_class_of(table), ident)
        setattr(obj, column, None)
    session.flush()
    for table, row in reversed(snap.rows):
        obj = session.get(_class_of(table), _pk_of(table, row))
        if obj is not None:
            session.delete(obj)
            session.flush()


def delete(case: Case, kind: str, record_id: int) -> Snapshot:
    """Delete a record and what cascades with it; returns what is needed to undo."""
    if kind == "evidence":
        raise InvalidInput(translate("Records", "evidence is never deleted; withdraw it instead"))
    cls = record_class(kind)
    with case.session() as session:
        obj = _existing(session, cls, record_id)
        snap = _snapshot(session, obj)
        _remove(session, snap)
        return snap


def delete_link(case: Case, link_kind: str, link_id) -> Snapshot:
    cls = LINK_CLASSES[link_kind]
    with case.session() as session:
        obj = session.get(cls, link_id)
        if obj is None:
            raise RecordNotFound(translate("Records", "that link no longer exists"))
        snap = _snapshot(session, obj)
        if link_kind == "evidence_link":
            codes = _evidence_codes(session, _columns(obj))
        else:
            _remove(session, snap)
            _close_gap(session, link_kind, snap)
            return snap
    from .. import evidence  # noted in the item's custody record

    evidence.unlink(case, *codes, relation=snap.rows[0][1]["relation"])
    return snap


def _close_gap(session: Session, link_kind: str, snap: Snapshot) -> None:
    """Ordered links (a source's citations, a claim's relays): those after the one
    removed move up, so their positions stay what the interchange numbers them and a
    copy that meets another sees them as changed here; undo puts them back
    (``nulled`` restores a column's old value)."""
    kind = LINK_KIND[link_kind]
    if not kind.owner:
        return
    removed = snap.rows[0][1]
    cls: Any = kind.model
    for obj in session.scalars(select(cls).where(getattr(cls, kind.owner) == removed[kind.owner],
                                                 cls.position > removed["position"])):
        snap.nulled.append((cls.__tablename__, _identity(obj), "position", obj.position, None))
        obj.position -= 1


def restore(case: Case, snapshot: Snapshot) -> None:
    """Put deleted rows back exactly (ids, uuids, codes), then their references.
    SQLite gives the highest id again once its row is deleted: if a row added
    since holds one of these ids, nothing is put back (InvalidInput names it)."""
    with case.session() as session:
        for table, row in snapshot.rows:
            cls = _class_of(table)
            taken = session.get(cls, _pk_of(table, row))
            if taken is not None:
                gone = row.get("code") or translate("Records", "the link")
                raise InvalidInput(translate(
                    "Records", "{record} cannot be put back: {other}, added since, has its place in the case"
                ).format(record=gone, other=getattr(taken, "code", "") or translate("Records", "another link")))
            session.add(cls(**row))
            session.flush()
        for table, ident, column, value, updated_at in snapshot.nulled:
            obj = session.get(_class_of(table), ident)
            if obj is not None:
                setattr(obj, column, value)
                if isinstance(obj, Record) and updated_at is not None:  # as it was before the delete touched it
                    obj.updated_at = updated_at


# What a deletion takes with it, by table: (singular, plural), marked for translation.
_KIND_NAMES = {
    "incident": (N("Records", "incident"), N("Records", "incidents")),
    "actor": (N("Records", "actor"), N("Records", "actors")),
    "place": (N("Records", "place"), N("Records", "places")),
    "source": (N("Records", "source"), N("Records", "sources")),
    "claim": (N("Records", "claim"), N("Records", "claims")),
    "evidence": (N("Records", "evidence item"), N("Records", "evidence items")),
    "involvement": (N("Records", "involvement of an actor"), N("Records", "involvements of actors")),
    "actor_relation": (N("Records", "relation between actors"), N("Records", "relations between actors")),
    "incident_link": (N("Records", "link between incidents"), N("Records", "links between incidents")),
    "claim_subject": (N("Records", "subject of a claim"), N("Records", "subjects of claims")),
    "assessment": (N("Records", "assessment"), N("Records", "assessments")),
    "evidence_link": (N("Records", "evidence link"), N("Records", "evidence links")),
    "incident_tag": (N("Records", "tag"), N("Records", "tags")),
    "custody_event": (N("Records", "custody event"), N("Records", "custody events")),
    "thumbnail": (N("Records", "thumbnail"), N("Records", "thumbnails")),
    "source_citation": (N("Records", "citation of a source"), N("Records", "citations of sources")),
    "claim_relay": (N("Records", "relay of a claim"), N("Records", "relays of claims")),
    "withhold_mark": (N("Records", "passage marked to withhold"), N("Records", "passages marked to withhold")),
}


def describe_deletion(case: Case, kind: str, record_id: int) -> list[str]:
    """What else goes (or is emptied) when this record is deleted, one line each."""
    cls = record_class(kind)
    with case.session() as session:
        obj = _existing(session, cls, record_id)
        snap = _snapshot(session, obj)
    lines = []
    counts: dict[str, int] = {}
    for table, _ in snap.rows[1:]:
        counts[table] = counts.get(table, 0) + 1
    for table, n in counts.items():
        one, many = _KIND_NAMES.get(table, (table, table))
        lines.append(translate("Records", "{n} {what} will be deleted with it").format(
            n=n, what=translate("Records", one if n == 1 else many)))
    emptied: dict[str, int] = {}
    for table, *_ in snap.nulled:
        emptied[table] = emptied.get(table, 0) + 1
    for table, n in emptied.items():
        one, many = _KIND_NAMES.get(table, (table, table))
        lines.append(translate("Records", "{n} {what} will no longer point to it").format(
            n=n, what=translate("Records", one if n == 1 else many)))
    return lines


# The list queries live in their own module; re-exported so callers find them here.
from .lists import COLUMNS, ListRow, count_rows, list_ids, list_rows, position_of  # noqa: E402,F401
