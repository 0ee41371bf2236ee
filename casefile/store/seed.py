"""What a new case starts with: its own row (title, documenter), the shipped
vocabularies, and the first entry of its history."""

from __future__ import annotations

import json

from sqlalchemy import Connection, insert

from ..model import CaseInfo, VocabularyTerm, utcnow
from ..model.base import new_uuid
from ..resources import resource
from . import audit


def seed_case(conn: Connection, *, title: str, documenter: str, organisation: str, language: str) -> None:
    now = utcnow()
    conn.execute(insert(CaseInfo).values(id=1, uuid=new_uuid(), title=title, documenter=documenter,
                                         organisation=organisation, language=language, created_at=now))
    # OR IGNORE: a migration may already have added the vocabularies it introduced.
    conn.execute(insert(VocabularyTerm).prefix_with("OR IGNORE"), shipped_vocabulary_rows())
    audit.append(conn, "create-case", who=documenter, kind="case",
                 changes={"title": title, "organisation": organisation})


def shipped_vocabulary_rows() -> list[dict]:
    data = json.loads(resource("vocabularies.json").read_text(encoding="utf-8"))
    rows = []
    for vocabulary, terms in data["vocabularies"].items():
        for position, term in enumerate(terms):
            rows.append(dict(vocabulary=vocabulary, key=term["key"], label_en=term["en"], label_es=term["es"],
                             description_en=term.get("description_en", ""),
                             description_es=term.get("description_es", ""), position=position, builtin=True,
                             inverse_en=term.get("inverse_en", ""), inverse_es=term.get("inverse_es", "")))
    return rows
