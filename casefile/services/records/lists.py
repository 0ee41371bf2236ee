"""Paged, sorted, filtered lists of records, done in SQL.

The window's lists show a page at a time (``offset``/``limit``) so a case of
100,000 incidents opens at once; sorting and the filter box run here, in the
database, never over Python rows. Values come back ready to show.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.sql import ColumnElement

from ...i18n import QT_TRANSLATE_NOOP as T
from ...i18n import translate
from ...model import BY_KIND, Actor, Claim, Evidence, Incident, Place, Source, VocabularyTerm
from ...store import Case
from ...store.fulltext import INDEXED, fts_query


@dataclass(frozen=True)
class ListColumn:
    key: str
    label_text: str
    #: text, date, vocab:<name>, bool, size
    fmt: str = "text"

    @property
    def label(self) -> str:
        return translate("Fields", self.label_text)


C = ListColumn

COLUMNS: dict[str, tuple[ListColumn, ...]] = {
    "incident": (C("code", T("Fields", "Code")), C("title", T("Fields", "Title")),
                 C("start_date", T("Fields", "Date"), "date"), C("place", T("Fields", "Place")),
                 C("incident_type", T("Fields", "Type"), "vocab:incident_type"),
                 C("violation_status", T("Fields", "Violation"), "vocab:violation_status")),
    "actor": (C("code", T("Fields", "Code")), C("name", T("Fields", "Name")),
              C("category", T("Fields", "Category"), "vocab:actor_category"),
              C("actor_type", T("Fields", "Actor type"), "vocab:actor_type"),
              C("protected", T("Fields", "Protected"), "bool")),
    "place": (C("code", T("Fields", "Code")), C("name", T("Fields", "Name")),
              C("municipality", T("Fields", "Municipality")), C("state", T("Fields", "State")),
              C("country", T("Fields", "Country")),
              C("precision", T("Fields", "Precision"), "vocab:place_precision")),
    "source": (C("code", T("Fields", "Code")), C("title", T("Fields", "Title")),
               C("source_kind", T("Fields", "Kind"), "vocab:source_kind"), C("outlet", T("Fields", "Outlet")),
               C("published", T("Fields", "Published"), "date"),
               C("reliability", T("Fields", "Reliability"))),
    "claim": (C("code", T("Fields", "Code")), C("summary", T("Fields", "What is claimed")),
              C("source", T("Fields", "Source")), C("claimant", T("Fields", "Claimant")),
              C("credibility", T("Fields", "Credibility")),
              C("status", T("Fields", "Status"), "vocab:claim_status")),
    "evidence": (C("code", T("Fields", "Code")), C("title", T("Fields", "Title")),
                 C("media_type", T("Fields", "Type")), C("size", T("Fields", "Size"), "size"),
                 C("intake_at", T("Fields", "Taken in"), "datetime"),
                 C("withdrawn", T("Fields", "Withdrawn"), "bool")),
}


def _sql_columns(kind: str) -> dict[str, ColumnElement]:
    cls = BY_KIND[kind]
    cols: dict[str, ColumnElement] = {}
    for column in COLUMNS[kind]:
        if column.key == "place":
            cols["place"] = select(Place.name).where(Place.id == Incident.place_id).scalar_subquery()
        elif column.key == "source":
            cols["source"] = select(Source.title).where(Source.id == Claim.source_id).scalar_subquery()
        elif column.key == "claimant":
            cols["claimant"] = select(Actor.name).where(Actor.id == Claim.claimant_id).scalar_subquery()
        elif kind == "evidence" and column.key == "title":
            cols["title"] = func.coalesce(func.nullif(Evidence.title, ""), Evidence.original_name)
        else:
            cols[column.key] = getattr(cls, column.key)
    return cols


#: extra values a row needs to be shown (the date's qualifier, the protected flag)
_EXTRA = {"incident": ("start_qualifier", "confidential"), "actor": ("protected",),
          "source": ("confidential",), "claim": (), "place": (), "evidence": ("withdrawn",)}


def _filter(kind: str, filter_text: str):
    cls = BY_KIND[kind]
    filter_text = (filter_text or "").strip()
    if not filter_text:
        return None
    clauses = [cls.code.ilike(filter_text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",
                              escape="\\")]
    query = fts_query(filter_text)
    if query is not None and kind in INDEXED:
        # The search index is accent- and case-insensitive and any typed text is safe in it.
        clauses.append(cls.id.in_(
            select(text("rowid")).select_from(text(f"{kind}_fts")).where(text(f"{kind}_fts MATCH :fq"))
        ))
    return or_(*clauses)


def _bind(filter_text: str) -> dict:
    query = fts_query((filter_text or "").strip())
    return {"fq": query} if query is not None else {}


@dataclass(frozen=True)
class ListRow:
    id: int
    values: tuple[str, ...]
    #: e.g. {"protected": True, "confidential": False, "withdrawn": False}
    flags: dict


def count_rows(case: Case, kind: str, filter_text: str = "") -> int:
    cls = BY_KIND[kind]
    query = select(func.count()).select_from(cls)
    where = _filter(kind, filter_text)
    if where is not None:
        query = query.where(where)
    with case.connection() as conn:
        return conn.execute(query, _bind(filter_text)).scalar_one()


def list_rows(case: Case, kind: str, sort_column: str = "code", order: str = "asc", filter_text: str = "",
              offset: int = 0, limit: int = 200, ids: list[int] | None = None, lang: str = "en",
              after_id: int | None = None) -> list[ListRow]:
    """One page of the list of ``kind``, sorted by ``sort_column`` (a COLUMNS key).
    In code order, ``after_id`` continues after a row (keyset paging, no OFFSET)."""
    cls = BY_KIND[kind]
    cols = _sql_columns(kind)
    extra = [getattr(cls, name) for name in _EXTRA[kind]]
    query = select(cls.id, *cols.values(), *extra)
    where = _filter(kind, filter_text)
    if where is not None:
        query = query.where(where)
    if ids is not None:
        query = query.where(cls.id.in_(ids))
    if after_id is not None and sort_column == "code":
        query = query.where(cls.id < after_id if order == "desc" else cls.id > after_id)
    # Codes grow with ids, and INC-10000 must come after INC-9999.
    sort = cls.id if sort_column == "code" else cols.get(sort_column, cls.id)
    descending = order == "desc"
    query = query.order_by(sort.desc() if descending else sort.asc(),
                           cls.id.desc() if descending else cls.id.asc())
    query = query.offset(offset).limit(limit)
    with case.connection() as conn:
        rows = conn.execute(query, _bind(filter_text)).all()
        labels = _labels(conn, kind, lang)
    result = []
    n = len(cols)
    for row in rows:
        flags = dict(zip(_EXTRA[kind], row[1 + n:]))
        values = tuple(_show(column, row[1 + i], flags, labels) for i, column in enumerate(COLUMNS[kind]))
        result.append(ListRow(row[0], values, flags))
    return result


def list_ids(case: Case, kind: str, sort_column: str = "code", order: str = "asc",
             filter_text: str = "") -> list[int]:
    """Every matching id in list order: one query, so later pages are fetched by id
    (OFFSET would rescan all the rows before each page)."""
    cls = BY_KIND[kind]
    cols = _sql_columns(kind)
    sort = cls.id if sort_column == "code" else cols.get(sort_column, cls.id)
    descending = order == "desc"
    query = select(cls.id)
    where = _filter(kind, filter_text)
    if where is not None:
        query = query.where(where)
    query = query.order_by(sort.desc() if descending else sort.asc(), cls.id.desc() if descending else cls.id.asc())
    with case.connection() as conn:
        return list(conn.execute(query, _bind(filter_text)).scalars())


def _labels(conn, kind: str, lang: str) -> dict[tuple[str, str], str]:
    names = [c.fmt.split(":", 1)[1] for c in COLUMNS[kind] if c.fmt.startswith("vocab:")]
    if not names:
        return {}
    es = lang.startswith("es")
    rows = conn.execute(select(VocabularyTerm.vocabulary, VocabularyTerm.key, VocabularyTerm.label_en,
                               VocabularyTerm.label_es).where(VocabularyTerm.vocabulary.in_(names)))
    return {(r[0], r[1]): (r[3] if es and r[3] else r[2]) for r in rows}


def _show(column: ListColumn, value, flags: dict, labels: dict) -> str:
    if value is None:
        return ""
    if column.fmt == "date":
        qualifier = flags.get("start_qualifier", "exact")
        if qualifier == "unknown":
            return translate("Lists", "unknown")
        return ("≈ " if qualifier == "approximate" else "") + str(value)
    if column.fmt.startswith("vocab:"):
        return labels.get((column.fmt.split(":", 1)[1], value), str(value))
    if column.fmt == "bool":
        return translate("Lists", "yes") if value else ""
    if column.fmt == "size":
        size = float(value)
        for unit in ("B", "KB", "MB", "GB"):
            if size < 1024 or unit == "GB":
                return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
            size /= 1024
    if column.fmt == "datetime":
        # Not strftime: it imports ``time`` on each call, and under PySide6 every
        # import goes through its Python import hook (a tenth of a list page's time).
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d} {value.hour:02d}:{value.minute:02d} UTC"
    return str(value)


def position_of(case: Case, kind: str, record_id: int, sort_column: str = "code", order: str = "asc",
                filter_text: str = "") -> int | None:
    """Row number of a record in the sorted, filtered list (to select it), or None."""
    cls = BY_KIND[kind]
    cols = _sql_columns(kind)
    sort = cls.id if sort_column == "code" else cols.get(sort_column, cls.id)
    with case.connection() as conn:
        key = conn.execute(select(sort).where(cls.id == record_id)).first()
        if key is None:
            return None
        value = key[0]
        descending = order == "desc"
        # SQLite puts empty values first when ascending, last when descending.
        if value is None:
            before = (or_(sort.is_not(None), and_(sort.is_(None), cls.id > record_id)) if descending
                      else and_(sort.is_(None), cls.id < record_id))
        elif descending:
            before = or_(sort > value, and_(sort == value, cls.id > record_id))
        else:
            before = or_(sort.is_(None), sort < value, and_(sort == value, cls.id < record_id))
        query = select(func.count()).select_from(cls).where(before)
        where = _filter(kind, filter_text)
        if where is not None:
            query = query.where(where)
        return conn.execute(query, _bind(filter_text)).scalar_one()
