"""Search across every record kind (ranked, with code and snippet)."""

from __future__ import annotations

from ...store import Case
from ...store.fulltext import INDEXED, RANK_WINDOW, Exclude, Hit, completes_short
from ...store.fulltext import candidates as _candidates
from ...store.fulltext import search as _search


def search(case: Case, query: str, limit: int = 50, kinds: tuple[str, ...] | None = None,
           exhaustive: bool = False) -> list[Hit]:
    """As-you-type search; ``exhaustive`` ranks every match of a common word
    instead of its most recent ones (the command line, which can wait)."""
    with case.connection() as conn:
        return _search(conn, query, limit=limit, kinds=kinds, window=None if exhaustive else RANK_WINDOW)


def candidates(case: Case, kind: str, query: str, limit: int = 50, exclude: Exclude | None = None) -> list[Hit]:
    """What a picker of ``kind`` offers as the documenter types: code matches,
    then name matches, then the rest, ranked in SQL; nothing ``exclude`` names
    (the records already linked that way)."""
    with case.connection() as conn:
        return _candidates(conn, kind, query, limit=limit, exclude=exclude)


def completes_short_words(case: Case) -> bool:
    """Whether ``search`` finds the words that begin with up to three letters
    (in a small case), or only the word itself (``fulltext.fts_query``)."""
    with case.connection() as conn:
        return completes_short(conn, INDEXED)
