"""Counts and facts about a case (``casefile info``)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select

from ...model import RECORD_CLASSES, CaseInfo
from ...store import Case


def counts(case: Case, kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Records per kind (of ``kinds``, else of every kind), keyed by the plural
    used in ``info --json``."""
    plural = {"incident": "incidents", "actor": "actors", "place": "places", "source": "sources",
              "claim": "claims", "evidence": "evidence"}
    wanted = set(plural) if kinds is None else set(kinds)
    with case.connection() as conn:
        return {plural[cls.kind]: conn.scalar(select(func.count()).select_from(cls)) or 0
                for cls in RECORD_CLASSES if cls.kind in wanted}


def info(case: Case) -> dict:
    with case.connection() as conn:
        row = conn.execute(select(CaseInfo)).first()
    return {
        "title": row.title if row else "",
        "organisation": row.organisation if row else "",
        "documenter": row.documenter if row else "",
        **counts(case),
        "encrypted": case.encrypted,
        "format_version": case.format_version,
        "audit_head": case.audit_head(),
        "conflicts": _conflicts(case),
    }


def _conflicts(case: Case) -> int:
    """Values waiting in the review queue (``services.exchange``)."""
    from ..exchange.review import count

    return count(case)
