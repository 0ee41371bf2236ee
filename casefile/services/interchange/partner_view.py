"""What a partner organisation reads on the server: the case as the partner
profile shows it (the redaction engine of the dossier and of shared JSON),
kept in a schema of its own, ``case_NAME_partner``, rebuilt in the same server
transaction as every change to the case.

A partner's login reads only this schema: protected actors appear under their
pseudonyms, confidential records are left out, contacts are empty, and names
in free text are scrubbed, exactly as in a partner export. The case's own
tables, which hold all of that in full (and whose history holds every earlier
value), stay closed to partners (``store.server.schema``).

One table, ``record``: a row per record or link of the partner document
(``section``, ``position``, ``code``, ``uuid``, ``data`` as JSON); and
``about``: the document's case description and vocabularies.
"""

from __future__ import annotations

import json

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ...store import Case
from ...store.server.address import ROLES, ServerAddress
from ...store.server.schema import q
from .export import build_document


def schema(address: ServerAddress) -> str:
    return f"{address.schema}_partner"


def refresh(case: Case, server: Connection, address: ServerAddress) -> int:
    """Rebuild the partner view from ``case`` (the server case's working copy);
    the records written. A view already built from a later state of the case
    is kept (rebuilds run after their changes commit, and may finish out of order)."""
    name = q(schema(address))
    head = case.audit_head_seq()
    if server.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": f"{schema(address)}.about"}).scalar():
        built = server.execute(text(f"SELECT (data->>'history_seq')::bigint FROM {name}.about")).scalar()
        if built is not None and built >= head:
            return 0
    document = build_document(case, "partner")
    server.exec_driver_sql(f"DROP SCHEMA IF EXISTS {name} CASCADE")
    server.exec_driver_sql(f"CREATE SCHEMA {name}")
    server.exec_driver_sql(f"CREATE TABLE {name}.record (section text NOT NULL, position integer NOT NULL, "
                           f"code text NOT NULL DEFAULT '', uuid text NOT NULL DEFAULT '', data jsonb NOT NULL, "
                           f"PRIMARY KEY (section, position))")
    server.exec_driver_sql(f"CREATE TABLE {name}.about (data jsonb NOT NULL)")
    rows = []
    for section, entries in document.items():
        if not isinstance(entries, list):
            continue
        for n, entry in enumerate(entries):  # by position: not every section's entries have an identity
            rows.append({"s": section, "n": n, "c": str(entry.get("code") or ""),
                         "u": str(entry.get("uuid") or entry.get("id") or ""),
                         "d": json.dumps(entry, ensure_ascii=False, default=str)})
    if rows:
        server.execute(text(f"INSERT INTO {name}.record VALUES (:s, :n, :c, :u, CAST(:d AS jsonb))"), rows)
    about = {key: value for key, value in document.items() if not isinstance(value, list)}
    about["history_seq"] = head  # the state of the case it shows
    server.execute(text(f"INSERT INTO {name}.about VALUES (CAST(:d AS jsonb))"),
                   {"d": json.dumps(about, ensure_ascii=False, default=str)})
    everyone = ", ".join(q(address.role(role)) for role in ROLES)
    server.exec_driver_sql(f"GRANT USAGE ON SCHEMA {name} TO {everyone}")
    for table in ("record", "about"):
        server.exec_driver_sql(f"GRANT SELECT ON {name}.{table} TO {everyone}")
        server.exec_driver_sql(f"ALTER TABLE {name}.{table} ENABLE ROW LEVEL SECURITY")
        server.exec_driver_sql(f"ALTER TABLE {name}.{table} FORCE ROW LEVEL SECURITY")
        server.exec_driver_sql(f"CREATE POLICY cf_read ON {name}.{table} FOR SELECT TO {everyone} USING (true)")
    return len(rows)
