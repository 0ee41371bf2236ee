"""Full-text search with SQLite FTS5: one index per record kind, its rowid the
record's id, accent- and case-insensitive (``remove_diacritics 2``).

The indexes are kept in step by the store (``reindex`` after each flush, bulk
``index_all`` after an import), not by triggers: with ``trusted_schema`` off,
SQLite forbids triggers that write to virtual tables, and a case file may then
hold no triggers at all, which makes a planted one easy to refuse.

Any string a user types is a valid query: we never pass it to FTS5 as syntax.
It is split into words and each word becomes a quoted prefix term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.engine import Connection

TOKENIZE = "unicode61 remove_diacritics 2"

#: table -> indexed columns; the first column is the record's title
INDEXED = {
    "incident": ("title", "description", "notes"),
    "actor": ("name", "aliases", "pseudonym", "description"),
    "place": ("name", "municipality", "state", "country", "description"),
    "source": ("title", "outlet", "author", "pseudonym", "text", "notes"),
    "claim": ("summary", "quote", "notes"),
    "evidence": ("title", "original_name", "note", "origin"),
}

HIGHLIGHT_START, HIGHLIGHT_END = "\x02", "\x03"


def ddl() -> list[str]:
    """CREATE statements for the indexes (used by migrations)."""
    return [f"CREATE VIRTUAL TABLE {table}_fts USING fts5({', '.join(cols)}, tokenize='{TOKENIZE}')"
            for table, cols in INDEXED.items()]


def reindex(conn: Connection, table: str, ids: Iterable[int]) -> None:
    """Bring the index up to date for these rows (inserted, changed or deleted)."""
    ids = list(ids)
    if table not in INDEXED or not ids:
        return
    cols = ", ".join(INDEXED[table])
    for start in range(0, len(ids), 500):
        batch = ids[start:start + 500]
        marks = ", ".join(str(int(i)) for i in batch)
        conn.exec_driver_sql(f"DELETE FROM {table}_fts WHERE rowid IN ({marks})")
        conn.exec_driver_sql(
            f"INSERT INTO {table}_fts (rowid, {cols}) SELECT id, {cols} FROM {table} WHERE id IN ({marks})")


def index_all(conn: Connection, table: str | None = None) -> None:
    """Rebuild whole indexes from their tables (after a bulk import)."""
    for name in [table] if table else INDEXED:
        cols = ", ".join(INDEXED[name])
        conn.exec_driver_sql(f"DELETE FROM {name}_fts")
        conn.exec_driver_sql(f"INSERT INTO {name}_fts (rowid, {cols}) SELECT id, {cols} FROM {name}")


_WORD = re.compile(r"\w+", re.UNICODE)


#: The shortest last word that is always searched as the start of words.
#: Shorter, FTS5 must merge the postings of every word that begins with it: on
#: the scale case (1.2 M records) "a" took 0.8 s, "policía c" 0.66 s and "des"
#: 0.13 s on the window's thread, against 25, 20 and 22 ms ("desa") without it
#: (tests/perf/README.md, round 13). Up to SHORT_PREFIX_RECORDS records
#: searched, it costs little.
MIN_PREFIX = 4
SHORT_PREFIX_RECORDS = 20_000


def fts_query(user_text: str, short_prefix: bool = True) -> str | None:
    """Turn anything typed into a safe FTS5 query: every word quoted, the last
    one a prefix so results appear as you type. None if there is no word.

    Without ``short_prefix`` (``completes_short``), a last word shorter than
    MIN_PREFIX matches whole: alone ("UN", "a") or a number ("roadblock 7");
    after other words, letters are a word still being typed and are left out
    ("policía c" searches "policía" until "com")."""
    words = _WORD.findall(user_text.replace("\x00", " "))[:32]
    short = not short_prefix and bool(words) and len(words[-1]) < MIN_PREFIX
    if short and len(words) > 1 and not words[-1].isdigit():
        words.pop()
        short = len(words[-1]) < MIN_PREFIX
    if not words:
        return None
    terms = ['"' + w.replace('"', '""') + '"' for w in words]
    if not short:
        terms[-1] += "*"
    return " ".join(terms)


def completes_short(conn: Connection, tables: Iterable[str]) -> bool:
    """Whether a last word shorter than MIN_PREFIX is searched as the start of
    words in these tables: only while they hold few records (their highest
    id, read from the primary key, stands for their size)."""
    total = 0
    for table in tables:
        total += conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar() or 0
    return total <= SHORT_PREFIX_RECORDS


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int
    code: str
    title: str
    snippet: str  # HIGHLIGHT_START/END around matches
    rank: float

    @property
    def plain_snippet(self) -> str:
        return self.snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


_TITLE = {"incident": "title", "actor": "name", "place": "name", "source": "title",
          "claim": "summary", "evidence": "original_name"}


#: As you type, a word found in more records than this (per kind) is ranked
#: among its most recent matches only: bm25 must score every match, 0.4 s for a
#: word in 114,000 claims, against 40 ms over the newest 2,000.
RANK_WINDOW = 2000


def _newest(fts: str, match: str) -> str:
    """The clause that ranks a common word among its newest ``:skip + 1``
    matches (RANK_WINDOW): FTS5 walks rowids newest first and stops at the
    window's oldest, and that floor, a constant subquery, reaches FTS5 as a
    rowid range. One statement instead of a query for the floor before it: a
    rare word's search costs 30% less."""
    return (f" AND rowid >= coalesce((SELECT rowid FROM {fts} WHERE {fts} MATCH {match} "
            "ORDER BY rowid DESC LIMIT 1 OFFSET :skip), 0)")


def snippet_sql(fts: str) -> str:
    """What a hit shows of its record: about 12 words around the match, from
    the column that matches best, the matches between HIGHLIGHT_START/END."""
    return f"snippet({fts}, -1, char(2), char(3), '…', 12)"


def search(conn: Connection, user_text: str, limit: int = 50,
           kinds: tuple[str, ...] | None = None, window: int | None = RANK_WINDOW) -> list[Hit]:
    """Ranked hits across kinds; ``window=None`` ranks every match (slower)."""
    tables = kinds or tuple(INDEXED)
    query = fts_query(user_text, short_prefix=completes_short(conn, tables))
    if query is None:
        return []
    parts, params = [], {"q": query, "limit": limit, "skip": (window or 1) - 1}
    for table in tables:
        fts = f"{table}_fts"
        title = _TITLE[table]
        newest = _newest(fts, ":q") if window else ""
        # The inner query touches only the FTS table and orders by its own
        # ``rank`` (bm25), so FTS5 sorts and SQLite stops at the limit: snippet()
        # and the join run for the rows shown, not for every match (about 40%
        # faster for a common word in 300,000 claims; tests/perf/bench.py).
        parts.append(
            f"SELECT '{table}' AS kind, r.id, r.code, r.{title} AS title, f.snip, f.rank FROM "
            f"(SELECT rowid, {snippet_sql(fts)} AS snip, rank FROM {fts} "
            f"WHERE {fts} MATCH :q{newest} ORDER BY rank LIMIT :limit) f JOIN {table} r ON r.id = f.rowid")
    sql = "SELECT * FROM (" + " UNION ALL ".join(parts) + ") ORDER BY rank LIMIT :limit"
    # Straight to the driver, named parameters and all: text() would parse
    # these 2 KB of SQL for bind parameters on every keystroke (0.15 ms, a
    # sixth of a rare word's search).
    rows = conn.exec_driver_sql(sql, params)
    return [Hit(r.kind, r.id, r.code, r.title or "", r.snip or "", r.rank) for r in rows]


#: The indexed columns that name a record: in a picker a match there ranks above
#: one in a description or a text ("upoeg" finds the UPOEG before the coordinator
#: whose description mentions it).
NAME_COLUMNS = {
    "incident": ("title",), "actor": ("name", "aliases", "pseudonym"), "place": ("name",),
    "source": ("title", "outlet"), "claim": ("summary",), "evidence": ("title", "original_name"),
}

_IDENTIFIER = re.compile(r"[a-z_]+")


@dataclass(frozen=True)
class Exclude:
    """Records a picker must not offer: ``SELECT column FROM table WHERE where = value``
    (those already linked to one record by one kind of link), and ``also`` (that
    record itself, when it is of the kind being picked). Names come from code, not users."""
    table: str
    column: str
    where: str
    value: int
    also: int | None = None

    def sql(self, id_column: str) -> str:
        for name in (self.table, self.column, self.where):
            if not _IDENTIFIER.fullmatch(name):
                raise ValueError(f"not a column or table name: {name!r}")
        clause = (f" AND {id_column} NOT IN (SELECT {self.column} FROM {self.table} "
                  f"WHERE {self.where} = :exclude_value AND {self.column} IS NOT NULL)")
        return clause + (f" AND {id_column} <> :exclude_also" if self.also is not None else "")

    def params(self) -> dict:
        return {"exclude_value": self.value, "exclude_also": self.also}


def candidates(conn: Connection, table: str, user_text: str, limit: int = 50, exclude: Exclude | None = None,
               window: int | None = RANK_WINDOW) -> list[Hit]:
    """What a picker offers for ``user_text``: records whose code starts with it,
    then those whose name (NAME_COLUMNS) starts with its first word, then those
    whose name matches, then those matching anywhere, each group in bm25 order
    (which cannot tell names apart in a small case, where every place says
    "Ayutla": typed "ayutla", Ayutla de los Libres comes before the Palacio
    municipal de Ayutla); never one in ``exclude``. All in SQL, each query
    stopping at the limit, so a case of 100,000 records is never sorted in Python."""
    title = _TITLE[table]
    params: dict = {"limit": limit, **(exclude.params() if exclude else {})}
    not_in = exclude.sql("id") if exclude else ""
    query = fts_query(user_text, short_prefix=completes_short(conn, [table]))
    if query is None:  # nothing typed yet: the first records in code order
        rows = conn.exec_driver_sql(f"SELECT id, code, {title} AS title FROM {table} WHERE 1 = 1{not_in} "
                                    "ORDER BY id LIMIT :limit", params)
        return [Hit(table, r.id, r.code, r.title or "", "", 0.0) for r in rows]
    hits: dict[int, Hit] = {}
    typed = user_text.strip().upper()
    if re.fullmatch(r"[A-Z]{3}(-[0-9]*)?", typed):  # a code, or the start of one: by the code's index
        rows = conn.exec_driver_sql(f"SELECT id, code, {title} AS title FROM {table} WHERE code >= :low "
                                    f"AND code < :high{not_in} ORDER BY code LIMIT :limit",
                                    {**params, "low": typed, "high": typed + "\U0010ffff"})
        hits.update((r.id, Hit(table, r.id, r.code, r.title or "", "", 0.0)) for r in rows)
    columns = "{" + " ".join(NAME_COLUMNS[table]) + "} : "
    for match in (f"{columns}(^{query})", f"{columns}({query})", query):
        if len(hits) >= limit:
            break
        for hit in _ranked(conn, table, match, limit + len(hits), window, exclude):
            hits.setdefault(hit.id, hit)
    return list(hits.values())[:limit]


def _ranked(conn: Connection, table: str, match: str, limit: int, window: int | None,
            exclude: Exclude | None) -> list[Hit]:
    fts, title = f"{table}_fts", _TITLE[table]
    params: dict = {"m": match, "limit": limit, "skip": (window or 1) - 1, **(exclude.params() if exclude else {})}
    newest = _newest(fts, ":m") if window else ""
    not_in = exclude.sql("rowid") if exclude else ""
    rows = conn.exec_driver_sql(
        f"SELECT r.id, r.code, r.{title} AS title, f.rank FROM (SELECT rowid, rank FROM {fts} "
        f"WHERE {fts} MATCH :m{newest}{not_in} ORDER BY rank LIMIT :limit) f "
        f"JOIN {table} r ON r.id = f.rowid ORDER BY f.rank", params)
    return [Hit(table, r.id, r.code, r.title or "", "", r.rank) for r in rows]
