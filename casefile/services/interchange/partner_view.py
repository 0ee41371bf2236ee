"""What a partner organisation reads on the server: the case as the partner
profile shows it (the redaction engine of the dossier and of shared JSON),
kept in a schema of its own, ``case_NAME_partner``, brought up to date after
every change to the case.

A partner's login reads only this schema: protected actors appear under their
pseudonyms, confidential records are left out, contacts are empty, and names
in free text are scrubbed, exactly as in a partner export. The case's own
tables stay closed to partners (``store.server.schema``).

``record``: a row per entry of the partner document (``section``, ``rid``: the
row it shows, ``code``, ``uuid``, ``data`` as JSON, and ``search``: its words
for PostgreSQL's full-text search, accents and case folded by ``fold``, with
no language's stemming, so Spanish and English alike:
``WHERE search @@ websearch_to_tsquery('simple', case_NAME_partner.fold('ejercito'))``);
``about``: the document's case description and vocabularies, and the state of
the case the view shows. The case's own words are sealed on the server, so
this view's are the only ones PostgreSQL can index.

Brought up to date, not rebuilt: the entries whose rows the history sealed
since the view's state are built again, alone (``_Builder(only=...)``), and
replaced. An entry also shows rows of other tables (an incident its
involvements and links, a claim its subjects): ``part`` says whose each is, so
that a row deleted since is traced to its entry. What the redaction of every
entry depends on (who is protected, which records are withheld, the names and
contacts the engine looks for) is kept as a digest: when it changes, the view
is built again whole.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ...model import Actor, Source
from ...store import Case
from ...store.server.address import ROLES, ServerAddress
from ...store.server.schema import q
from ..redaction.interchange import redact_document
from ..redaction.marks import marks
from ..redaction.matcher import Matcher
from ..redaction.profile import Redactor, build_matcher
from .export import _Builder

VIEW = 3  # the layout of the view's tables; another is built again whole
#: accents folded as Casefile's own search does it (``translate``: the same in every locale)
ACCENTED = "ÁÀÂÄÃÅáàâäãåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÖÕØóòôöõøÚÙÛÜúùûüÑñÇçÝýÿ"
PLAIN = "aaaaaaaaaaaaeeeeeeeeiiiiiiiioooooooooooouuuuuuuunnccyyy"
#: the table whose rows a section's entries show
SECTIONS = {"place": "places", "actor": "actors", "incident": "incidents", "source": "sources", "claim": "claims",
            "evidence": "evidence", "assessment": "assessments", "evidence_link": "evidence_links",
            "custody_event": "custody"}
TABLES = {section: table for table, section in SECTIONS.items()}
#: rows shown inside another table's entry: table -> (that table, the column naming the row there)
PARTS = {"involvement": ("incident", "incident_id"), "incident_link": ("incident", "from_id"),
         "actor_relation": ("actor", "actor_id"), "source_citation": ("source", "source_id"),
         "claim_relay": ("claim", "claim_id"), "claim_subject": ("claim", "claim_id")}
#: an incident's tags are keyed by the incident itself (and their words stay out of ``part``)
TAGS = "incident_tag"
WHOLE_ABOVE = 20_000  # more entries than this to build again: the whole view is
#: the last matcher built, by what it looks for: a window brings the view up to date
#: after each of its changes, and compiling the engine's pattern is most of the work
_MATCHER: dict[str, Matcher] = {}


def schema(address: ServerAddress) -> str:
    return f"{address.schema}_partner"


def refresh(case: Case, server: Connection, address: ServerAddress) -> int:
    """Bring the partner view up to the state of ``case`` (the server case's
    working copy); the entries written. A view already showing a later state
    is kept (updates run after their changes commit, and may end out of order)."""
    name = q(schema(address))
    head = case.audit_head_seq()
    about = None
    if server.execute(text("SELECT to_regclass(:t) IS NOT NULL"), {"t": f"{schema(address)}.about"}).scalar():
        about = server.execute(text(f"SELECT data FROM {name}.about")).scalar()
        if about is not None and int(about.get("history_seq") or 0) >= head:
            return 0
    with case.session() as session:
        looked_for = _looked_for(session)
        matcher = _MATCHER.get(looked_for) or build_matcher(session, Redactor.placeholder())
        _MATCHER.clear()
        _MATCHER[looked_for] = matcher
        redactor = Redactor(session, "partner", matcher=matcher)
        inputs = _inputs(redactor, looked_for)
        wanted = None
        if about is not None and about.get("view") == VIEW and about.get("inputs") == inputs:
            wanted = _touched(case, server, name, int(about["history_seq"]))
        if wanted is None or sum(map(len, wanted.values())) > WHOLE_ABOVE:
            return _whole(case, session, redactor, server, address, head, inputs)
        with case.connection() as conn:
            document = _Builder(conn, wanted).document()
            parts = _parts(conn, wanted)
        redact_document(document, session, "partner", redactor)
    written = 0
    for section, table in TABLES.items():
        rids = sorted(wanted.get(table, ()))
        if not rids:
            continue
        server.execute(text(f"DELETE FROM {name}.record WHERE section = :s AND rid = ANY(:r)"),
                       {"s": section, "r": rids})
        server.execute(text(f"DELETE FROM {name}.part WHERE section = :s AND rid = ANY(:r)"),
                       {"s": section, "r": rids})
        written += _insert(server, name, section, document.get(section) or [])
    _insert_parts(server, name, parts)
    _about(server, name, document, head, inputs)
    return written


def _touched(case: Case, server: Connection, name: str, since: int) -> dict[str, set[int]] | None:
    """The entries (table -> row ids) whose rows were sealed after history entry
    ``since``, deleted ones included; None if the copy's history does not reach back there."""
    with case.connection() as conn:
        if conn.execute(text("SELECT 1 FROM audit_entry WHERE seq = :s"), {"s": since}).first() is None and since:
            return None
        # by the history's order: DISTINCT alone makes SQLite walk the whole (tbl, key) index
        sealed = conn.execute(text("SELECT DISTINCT tbl, key FROM row_state INDEXED BY ix_row_state_seq "
                                   "WHERE seq > :s"), {"s": since}).all()
        wanted: dict[str, set[int]] = defaultdict(set)
        shown: dict[str, list[int]] = defaultdict(list)
        for tbl, key in sealed:
            first = json.loads(key)[0]
            if tbl in SECTIONS:
                wanted[tbl].add(int(first))
            elif tbl == TAGS:
                wanted["incident"].add(int(first))
            elif tbl in PARTS:
                shown[tbl].append(int(first))
        for tbl, ids in shown.items():  # where each such row is shown now ...
            owner, column = PARTS[tbl]
            for part in _batches(ids):
                wanted[owner].update(conn.execute(text(
                    f"SELECT {column} FROM {tbl} WHERE id IN ({','.join(map(str, part))})")).scalars())
    for tbl, ids in shown.items():  # ... and where it was shown before
        for section, rid in server.execute(text(f"SELECT section, rid FROM {name}.part WHERE part = ANY(:p)"),
                                           {"p": [f"{tbl}:{i}" for i in ids]}):
            wanted[TABLES[section]].add(int(rid))
    return dict(wanted)


def _parts(conn: Connection, wanted: dict[str, set[int]] | None) -> list[dict]:
    """Whose entry each row of ``PARTS`` is shown in (of the entries ``wanted``, or all)."""
    rows = []
    for tbl, (owner, column) in PARTS.items():
        statement = f"SELECT id, {column} FROM {tbl}"
        if wanted is None:
            found = conn.execute(text(statement)).all()
        else:
            found = [row for part in _batches(sorted(wanted.get(owner, ())))
                     for row in conn.execute(text(f"{statement} WHERE {column} IN ({','.join(map(str, part))})"))]
        rows += [{"p": f"{tbl}:{ident}", "s": SECTIONS[owner], "r": int(rid)} for ident, rid in found]
    return rows


def _batches(ids: list[int], size: int = 5000):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _inputs(r: Redactor, looked_for: str) -> str:
    """A digest of what redacting any entry reads beyond the entry itself: the
    withheld and pseudonymised sets, and what the engine looks for."""
    return hashlib.sha256(json.dumps([
        looked_for, sorted(r.protected.items()), sorted(r.confidential_sources.items()),
        *(sorted(group) for group in (r.confidential_incidents, r.withheld_claims, r.withheld_evidence,
                                      r.withheld_places, r.withheld_actors, r.withheld_tags, r.faces))],
        default=str).encode()).hexdigest()


def _looked_for(session: Session) -> str:
    """A digest of what the engine looks for (``build_matcher`` reads): every actor's
    names and contact, confidential sources' titles, authors and addresses, every
    source's contact, the passages marked withheld, and the placeholder's words."""
    digest = hashlib.sha256()

    def add(value) -> None:
        digest.update(json.dumps(value, ensure_ascii=False, default=str, sort_keys=True).encode())

    add(Redactor.placeholder())
    for actor in session.execute(select(Actor.code, Actor.name, Actor.aliases, Actor.category, Actor.protected,
                                        Actor.pseudonym, Actor.contact).order_by(Actor.id)):
        add(list(actor))
    for source in session.execute(select(Source.code, Source.confidential, Source.pseudonym, Source.contact,
                                         Source.title, Source.author, Source.url).order_by(Source.id)):
        add(list(source) if source.confidential else list(source)[:4])
    add(marks(session))  # with the code of the record each is on (the engine names it)
    return digest.hexdigest()


def _whole(case: Case, session: Session, redactor: Redactor, server: Connection, address: ServerAddress,
           head: int, inputs: str) -> int:
    name = q(schema(address))
    with case.connection() as conn:
        document = _Builder(conn, rids=True).document()
        parts = _parts(conn, None)
    redact_document(document, session, "partner", redactor)
    server.exec_driver_sql(f"DROP SCHEMA IF EXISTS {name} CASCADE")
    server.exec_driver_sql(f"CREATE SCHEMA {name}")
    server.exec_driver_sql(f"CREATE FUNCTION {name}.fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT "
                           f"PARALLEL SAFE RETURN lower(translate($1, '{ACCENTED}', '{PLAIN}'))")
    server.exec_driver_sql(f"CREATE TABLE {name}.record (section text NOT NULL, rid integer NOT NULL, "
                           f"code text NOT NULL DEFAULT '', uuid text NOT NULL DEFAULT '', data jsonb NOT NULL, "
                           f"words text NOT NULL DEFAULT '', search tsvector GENERATED ALWAYS AS "
                           f"(to_tsvector('simple', {name}.fold(words))) STORED, PRIMARY KEY (section, rid))")
    server.exec_driver_sql(f"CREATE INDEX ON {name}.record USING gin (search)")
    server.exec_driver_sql(f"CREATE TABLE {name}.about (data jsonb NOT NULL)")
    # not granted to anyone: row ids only, for tracing a deleted row to its entry
    server.exec_driver_sql(f"CREATE TABLE {name}.part (part text PRIMARY KEY, section text NOT NULL, "
                           f"rid integer NOT NULL)")
    server.exec_driver_sql(f"CREATE INDEX ON {name}.part (section, rid)")
    written = sum(_insert(server, name, section, entries) for section, entries in document.items()
                  if section in TABLES and isinstance(entries, list))
    _insert_parts(server, name, parts)
    _about(server, name, document, head, inputs)
    everyone = ", ".join(q(address.role(role)) for role in ROLES)
    server.exec_driver_sql(f"GRANT USAGE ON SCHEMA {name} TO {everyone}")
    for table in ("record", "about", "part"):
        if table != "part":
            server.exec_driver_sql(f"GRANT SELECT ON {name}.{table} TO {everyone}")
        server.exec_driver_sql(f"ALTER TABLE {name}.{table} ENABLE ROW LEVEL SECURITY")
        server.exec_driver_sql(f"ALTER TABLE {name}.{table} FORCE ROW LEVEL SECURITY")
        if table != "part":
            server.exec_driver_sql(f"CREATE POLICY cf_read ON {name}.{table} FOR SELECT TO {everyone} USING (true)")
    return written


def _insert(server: Connection, name: str, section: str, entries: list[dict]) -> int:
    rows = [{"s": section, "r": entry.pop("_rid"), "c": str(entry.get("code") or ""),
             "u": str(entry.get("uuid") or entry.get("id") or ""),
             "d": json.dumps(entry, ensure_ascii=False, default=str), "w": "\n".join(_words(entry))}
            for entry in entries]
    if rows:
        server.execute(text(f"INSERT INTO {name}.record (section, rid, code, uuid, data, words) "
                            f"VALUES (:s, :r, :c, :u, CAST(:d AS jsonb), :w)"), rows)
    return len(rows)


def _words(value) -> list[str]:
    """The text an entry shows (its strings, not its keys, codes of others or hashes)."""
    if isinstance(value, str):
        return [value] if value and not value.isdigit() else []
    if isinstance(value, dict):
        return [word for key, item in value.items() if key not in _NOT_WORDS for word in _words(item)]
    if isinstance(value, list):
        return [word for item in value for word in _words(item)]
    return []


_NOT_WORDS = frozenset({"uuid", "id", "sha256", "evidence_sha256", "sha256_observed", "created_at", "updated_at",
                        "place", "actor", "other", "to", "source", "claim", "claimant", "origin", "evidence",
                        "target", "by_source", "by_claim", "derived_from", "subjects"})


def _insert_parts(server: Connection, name: str, parts: list[dict]) -> None:
    if parts:
        server.execute(text(f"INSERT INTO {name}.part VALUES (:p, :s, :r) ON CONFLICT (part) DO UPDATE "
                            f"SET section = excluded.section, rid = excluded.rid"), parts)


def _about(server: Connection, name: str, document: dict, head: int, inputs: str) -> None:
    about = {key: value for key, value in document.items() if not isinstance(value, list)}
    about.update(history_seq=head, inputs=inputs, view=VIEW)  # the state of the case it shows
    server.execute(text(f"DELETE FROM {name}.about"))
    server.execute(text(f"INSERT INTO {name}.about VALUES (CAST(:d AS jsonb))"),
                   {"d": json.dumps(about, ensure_ascii=False, default=str)})
