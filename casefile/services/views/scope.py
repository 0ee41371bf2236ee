"""What a view shows: the records the list's filter keeps, and vocabulary labels.

The window's list filters one kind at a time; a view asks which records of
its own kinds that filter reaches: the incidents an actor filter names are
those the actors are involved in, and so on. ``None`` means "no filter":
everything.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.engine import Connection

from ...model import BY_PREFIX, Claim, ClaimSubject, Incident, Involvement, VocabularyTerm
from ...store import Case
from ..records.lists import list_ids


def filtered_ids(case: Case, kind: str, filter_text: str) -> set[int] | None:
    """The ids of ``kind`` the list's filter keeps (None: no filter)."""
    if not (filter_text or "").strip():
        return None
    return set(list_ids(case, kind, filter_text=filter_text))


def incidents_reached(case: Case, kind: str, ids: set[int] | None) -> set[int] | None:
    """The incidents a filtered list of ``kind`` reaches (None: all of them)."""
    if ids is None:
        return None
    if kind == "incident":
        return set(ids)
    with case.connection() as conn:
        found: set[int] = set()
        query: Select[Any]
        for chunk in _chunks(sorted(ids)):
            if kind == "actor":
                query = select(Involvement.incident_id).where(Involvement.actor_id.in_(chunk))
                found |= set(conn.execute(query).scalars())
                query = select(ClaimSubject.incident_id).where(ClaimSubject.actor_id.in_(chunk))
            elif kind == "place":
                query = select(Incident.id).where(Incident.place_id.in_(chunk))
            elif kind == "claim":
                query = select(ClaimSubject.incident_id).where(ClaimSubject.claim_id.in_(chunk))
            elif kind == "source":
                claims = select(Claim.id).where(Claim.source_id.in_(chunk))
                query = select(ClaimSubject.incident_id).where(ClaimSubject.claim_id.in_(claims))
            else:  # evidence: no incidents of its own here
                return set()
            found |= {i for i in conn.execute(query).scalars() if i is not None}
        return found


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    # SQLite limits the number of bound parameters in one statement.
    return [ids[n:n + size] for n in range(0, len(ids), size)] or [[]]


def vocabulary_labels(conn: Connection, *vocabularies: str, lang: str = "en") -> dict[str, dict[str, str]]:
    """{vocabulary: {key: label}} for each named vocabulary, in one query."""
    rows = conn.execute(select(VocabularyTerm.vocabulary, VocabularyTerm.key, VocabularyTerm.label_en,
                               VocabularyTerm.label_es).where(VocabularyTerm.vocabulary.in_(vocabularies)))
    es = lang.startswith("es")
    out: dict[str, dict[str, str]] = {name: {} for name in vocabularies}
    for vocabulary, key, label_en, label_es in rows:
        out[vocabulary][key] = label_es if es and label_es else label_en
    return out


def record_for_code(case: Case, code: str) -> tuple[str, int] | None:
    """(kind, id) of the record a figure item names by its code; None if gone."""
    cls = BY_PREFIX.get(code.split("-", 1)[0])
    if cls is None:
        return None
    with case.connection() as conn:
        found = conn.execute(select(cls.id).where(cls.code == code)).scalar_one_or_none()
    return None if found is None else (cls.kind, found)
