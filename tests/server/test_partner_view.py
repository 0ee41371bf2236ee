"""The partner view is brought up to date entry by entry, and always equals the
partner export of the case built afresh: through edits, links made and
removed, records deleted, and changes to who is protected."""

from __future__ import annotations

import json
import random

import psycopg
from sqlalchemy import text

from casefile.services import keys, records
from casefile.services.interchange import partner_view
from casefile.services.interchange.export import build_document
from casefile.store.server.address import ServerAddress
from casefile.store.server.working import working_copy
from tests.conftest import OWNER_PASSPHRASE


def _view(pg_server, database: str) -> dict[str, list[str]]:
    with psycopg.connect(pg_server.url(database)) as conn:
        rows = conn.execute("SELECT section, data FROM case_guerrero_partner.record").fetchall()
    out: dict[str, list[str]] = {}
    for section, data in rows:
        out.setdefault(section, []).append(json.dumps(data, sort_keys=True, ensure_ascii=False))
    return {section: sorted(entries) for section, entries in out.items()}


def _afresh(copy) -> dict[str, list[str]]:
    document = build_document(copy, "partner")
    out = {section: sorted(json.dumps(json.loads(json.dumps(e, default=str)), sort_keys=True, ensure_ascii=False)
                           for e in entries)
           for section, entries in document.items() if section in partner_view.TABLES and entries}
    return out


def _ids(copy, sql: str) -> list:
    with copy.connection() as conn:
        return [tuple(row) if len(row) > 1 else row[0] for row in conn.execute(text(sql))]


def _edits(rng: random.Random):
    """One random change a member makes (kind of change, function of the copy)."""
    def retitle(copy):
        target = rng.choice(_ids(copy, "SELECT id FROM incident"))
        name = rng.choice(_ids(copy, "SELECT name FROM actor"))
        records.update(copy, "incident", target, description=f"Seen with {name} near the river")

    def new_incident(copy):
        records.create(copy, "incident", title=f"New incident {rng.randrange(10_000)}")

    def drop_incident(copy):
        records.delete(copy, "incident", rng.choice(_ids(copy, "SELECT id FROM incident")))

    def involve(copy):
        roles = _ids(copy, "SELECT DISTINCT role FROM involvement")
        incident, actor = rng.choice(_ids(copy, "SELECT id FROM incident")), rng.choice(_ids(copy, "SELECT id FROM actor"))
        if not _ids(copy, f"SELECT 1 FROM involvement WHERE incident_id = {incident} AND actor_id = {actor}"):
            records.create_link(copy, "involvement", incident_id=incident, actor_id=actor, role=rng.choice(roles),
                                note="present at the roadblock")

    def uninvolve(copy):
        found = _ids(copy, "SELECT id FROM involvement")
        if found:
            records.delete_link(copy, "involvement", rng.choice(found))

    def tag(copy):
        incident = rng.choice(_ids(copy, "SELECT id FROM incident"))
        if not _ids(copy, f"SELECT 1 FROM incident_tag WHERE incident_id = {incident} AND tag = 'checkpoint'"):
            records.create_link(copy, "incident_tag", incident_id=incident, tag="checkpoint")

    def untag(copy):
        found = _ids(copy, "SELECT incident_id, tag FROM incident_tag")
        if found:
            records.delete_link(copy, "incident_tag", rng.choice(found))

    def reword_claim(copy):
        target = rng.choice(_ids(copy, "SELECT id FROM claim"))
        records.update(copy, "claim", target, summary=f"Reworded {rng.randrange(10_000)}")

    def drop_claim(copy):
        records.delete(copy, "claim", rng.choice(_ids(copy, "SELECT id FROM claim")))

    def protect(copy):  # who is protected changes what every entry shows: the view is built again whole
        target = rng.choice(_ids(copy, "SELECT id FROM actor WHERE NOT protected"))
        records.update(copy, "actor", target, protected=True, pseudonym=f"Witness {rng.randrange(100)}")

    return [retitle, new_incident, drop_incident, involve, uninvolve, tag, untag, reword_claim, drop_claim, protect]


def test_the_partner_view_follows_every_change_entry_by_entry(sample_on_server, pg_server, pg_database):
    address = ServerAddress.parse(sample_on_server)
    key = keys.load_key(OWNER_PASSPHRASE)
    rng = random.Random(19)
    edits = _edits(rng)
    written: list[int] = []

    def refresh(copy, server):
        written.append(partner_view.refresh(copy, server, address))

    whole = None
    for step in range(24):
        edit = edits[step % len(edits)] if step < len(edits) else rng.choice(edits)
        with working_copy(address, key, write=True, after_commit=refresh) as (copy, _server):
            edit(copy)
        with working_copy(address, key, write=False) as (copy, _server):
            expected = _afresh(copy)
            whole = whole or sum(map(len, expected.values()))
        assert _view(pg_server, pg_database) == expected, (step, edit.__name__)
        if edit.__name__ in ("retitle", "reword_claim", "tag", "untag"):
            assert written[-1] <= 2, (edit.__name__, written[-1])  # the entry, not the view
    assert whole and max(written) >= whole // 2  # protecting someone built it again whole
