"""Withhold marks: the documenter marks a passage of a record's text (a near
miss the report showed, a detail only she knows identifies someone), and
every shared output replaces it with "[withheld]", wherever those words
appear, matched folded like names are.

Marks are rows of the case (``WithholdMark``), added and removed through
the ORM session, so the history records who marked what, and ``verify``
covers them like every other row.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InvalidInput, RecordNotFound
from ...i18n import translate
from ...model import BY_KIND, BY_PREFIX, WithholdMark
from .normalise import fold

#: the field types whose text can be marked (record_fields types)
TEXT_TYPES = ("line", "text")


def _record(session: Session, code: str):
    prefix = code.strip().upper().partition("-")[0]
    cls = BY_PREFIX.get(prefix)
    record = session.scalars(select(cls).where(cls.code == code.strip().upper())).first() if cls else None
    if record is None:
        raise RecordNotFound(translate("Redaction", "no record {code}").format(code=code))
    return record


def markable_fields(kind: str) -> set[str]:
    """The fields of a record kind whose text can be marked."""
    from ..records.fields import FIELDS

    names = {f.name for f in FIELDS.get(kind, ()) if f.type in TEXT_TYPES}
    if kind == "source":
        names.add("text")
    return names


def _check(record, field: str, passage: str) -> str:
    names = markable_fields(record.kind)
    if field not in names:
        raise InvalidInput(translate("Redaction", "{code} has no text field {field} (one of: {names})").format(
            code=record.code, field=field, names=", ".join(sorted(names))))
    passage = passage.strip()
    if len(fold(passage)) < 3:
        raise InvalidInput(translate("Redaction", "a passage to withhold needs at least three letters or digits"))
    if fold(passage) not in fold(getattr(record, field) or ""):
        raise InvalidInput(translate("Redaction", "{code} {field} does not contain that passage").format(
            code=record.code, field=field))
    return passage


def add_mark(case, code: str, field: str, passage: str, *, who: str | None = None) -> WithholdMark:
    """Mark ``passage`` of ``code``'s ``field`` to be withheld; return the mark
    (an existing one if it was marked already)."""
    with case.session(who) as session:
        record = _record(session, code)
        passage = _check(record, field, passage)
        mark = session.scalars(select(WithholdMark).where(
            WithholdMark.record_uuid == record.uuid, WithholdMark.field == field,
            WithholdMark.passage == passage)).first()
        if mark is None:
            mark = WithholdMark(record_kind=record.kind, record_uuid=record.uuid, field=field, passage=passage)
            session.add(mark)
            session.flush()
        session.expunge(mark)
    return mark


def remove_mark(case, code: str, field: str, passage: str, *, who: str | None = None) -> bool:
    """Remove a mark; False if there was none."""
    with case.session(who) as session:
        record = _record(session, code)
        mark = session.scalars(select(WithholdMark).where(
            WithholdMark.record_uuid == record.uuid, WithholdMark.field == field,
            WithholdMark.passage == passage.strip())).first()
        if mark is None:
            return False
        session.delete(mark)
    return True


def marks(session: Session) -> list[tuple[str, str, str]]:
    """Every mark as (record code, field, passage), in record order."""
    out = []
    by_kind: dict[str, list[WithholdMark]] = {}
    for mark in session.scalars(select(WithholdMark).order_by(WithholdMark.id)):
        by_kind.setdefault(mark.record_kind, []).append(mark)
    for kind, found in by_kind.items():
        cls = BY_KIND.get(kind)
        codes = dict(session.execute(select(cls.uuid, cls.code).where(
            cls.uuid.in_([m.record_uuid for m in found]))).all()) if cls else {}
        out += [(codes.get(m.record_uuid, kind), m.field, m.passage) for m in found]
    return sorted(out)


def marked_passages(session: Session) -> list[tuple[str, str]]:
    """(record code, passage) for the engine."""
    return [(code, passage) for code, _, passage in marks(session)]
