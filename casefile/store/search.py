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

from sqlalchemy import text
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


def fts_query(user_text: str) -> str | None:
    """Turn anything typed into a safe FTS5 query: every word quoted, the last
    one a prefix so results appear as you type. None if there is no word."""
    words = _WORD.findall(user_text.replace("\x00", " "))
    if not words:
        return None
    terms = ['"' + w.replace('"', '""') + '"' for w in words[:32]]
    terms[-1] += "*"
    return " ".join(terms)


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


def search(conn: Connection, user_text: str, limit: int = 50,
           kinds: tuple[str, ...] | None = None, window: int | None = RANK_WINDOW) -> list[Hit]:
    """Ranked hits across kinds; ``window=None`` ranks every match (slower)."""
    query = fts_query(user_text)
    if query is None:
        return []
    parts, params = [], {"q": query, "limit": limit}
    for table in kinds or tuple(INDEXED):
        fts = f"{table}_fts"
        title = _TITLE[table]
        floor = None
        if window:  # FTS5 walks rowids newest first and stops: cheap even for common words
            floor = conn.execute(text(
                f"SELECT rowid FROM {fts} WHERE {fts} MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :skip"),
                {"q": query, "skip": window - 1}).scalar()
        newest = f"AND rowid >= :floor_{table} " if floor is not None else ""
        params[f"floor_{table}"] = floor
        # The inner query touches only the FTS table and orders by its own
        # ``rank`` (bm25), so FTS5 sorts and SQLite stops at the limit: snippet()
        # and the join run for the rows shown, not for every match (about 40%
        # faster for a common word in 300,000 claims; tests/perf/bench.py).
        parts.append(
            f"SELECT '{table}' AS kind, r.id, r.code, r.{title} AS title, f.snip, f.rank FROM "
            f"(SELECT rowid, snippet({fts}, -1, char(2), char(3), '…', 12) AS snip, rank FROM {fts} "
            f"WHERE {fts} MATCH :q {newest}ORDER BY rank LIMIT :limit) f JOIN {table} r ON r.id = f.rowid")
    sql = "SELECT * FROM (" + " UNION ALL ".join(parts) + ") ORDER BY rank LIMIT :limit"
    rows = conn.execute(text(sql), params)
    return [Hit(r.kind, r.id, r.code, r.title or "", r.snip or "", r.rank) for r in rows]
