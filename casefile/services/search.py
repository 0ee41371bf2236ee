"""Search across every record kind (ranked, with code and snippet)."""

from __future__ import annotations

from ..store import Case
from ..store.search import Hit, search as _search


def search(case: Case, query: str, limit: int = 50, kinds: tuple[str, ...] | None = None) -> list[Hit]:
    with case.connection() as conn:
        return _search(conn, query, limit=limit, kinds=kinds)
