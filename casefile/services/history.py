"""The case's history as a reader sees it: audit entries, newest first,
optionally for one record, whether the hash chain verifies, and an evidence
item's chain of custody."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from ..model import AuditEntry, CustodyEvent, Evidence, RowState
from ..model.kinds import HISTORY, LINK_KIND, RECORD_KIND, RECORD_KINDS
from ..store import Case, audit, state
from ..store.audit import ChainProblem


def _filtered(conn: Connection, query, code: str):
    # Seals (store.state) are the history's bookkeeping of row states, not changes a reader made.
    query = query.where(AuditEntry.action != state.SEAL)
    code = (code or "").strip()
    if code:
        # A code or its start ("INC-00"): case-insensitive prefix, LIKE wildcards taken literally.
        own = func.upper(AuditEntry.record_code).like(_literal(code.upper()) + "%", escape="\\")
        record = _record(conn, code)
        related = [*_touching(*record), *_transactions(conn, *record)] if record else []
        if record and related:
            since = _since(conn, *record)
            theirs = or_(*related) if not since else and_(AuditEntry.seq > since, or_(*related))
            query = query.where(or_(own, theirs))
        else:
            query = query.where(own)
    return query


def _literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _record(conn: Connection, code: str) -> tuple[str, int] | None:
    """The record a whole code names, as (kind, id)."""
    code = code.upper()
    for kind in RECORD_KINDS:
        if code.startswith(kind.prefix + "-"):
            found = conn.scalar(select(kind.model.id).where(kind.model.code == code))
            return (kind.name, found) if found is not None else None
    return None


def _since(conn: Connection, kind: str, record_id: int) -> int:
    """The deletion of the last other record that had this id (0: none). SQLite
    gives the highest id again once its record is deleted, and links and
    custody events name records by id: what they said before belongs to the
    record deleted then (an undone deletion puts the same record back)."""
    model = RECORD_KIND[kind].model
    uuid = conn.scalar(select(model.uuid).where(model.id == record_id))
    deleted = _deletions(conn, kind, [record_id])
    return max((seq for seq, _code, other in deleted.get(record_id, ()) if other != uuid), default=0)


def _deletions(conn: Connection, kind: str, ids: Iterable[int]) -> dict[int, list[tuple[int, str, str]]]:
    """By id: (entry, code, uuid) of each deletion of a record of ``kind`` that
    had it, in order. A record's deletion names its id, code and UUID."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    keys = [_literal(f'"id":{record_id:d}') for record_id in ids]
    rows = conn.execute(select(AuditEntry.seq, AuditEntry.changes, AuditEntry.record_code, AuditEntry.record_uuid).where(
        AuditEntry.action == "delete", AuditEntry.record_kind == kind,
        or_(*(AuditEntry.changes.like(f"%{key},%", escape="\\") for key in keys),
            *(AuditEntry.changes.like(f"%{key}}}", escape="\\") for key in keys))).order_by(AuditEntry.seq))
    found: dict[int, list[tuple[int, str, str]]] = {}
    wanted = set(ids)
    for seq, changes, code, uuid in rows:
        record_id = _changes(changes).get("id")
        if record_id in wanted:
            found.setdefault(record_id, []).append((seq, code, uuid))
    return found


def _touching(kind: str, record_id: int) -> tuple:
    """Where the entries of the rows whose history is a record's too: the links
    that join it to others and its custody events. A link's entries carry no
    code, and its changes only what changed, so a link is known by the UUID
    of the row whose creation named the record (in its canonical JSON), and
    a link an import brought (no entry of its own) by its deletion, which
    names its ends; a custody event is only ever created."""
    links = _naming(kind, record_id, LINK_KIND)
    events = _naming(kind, record_id, _BELONGING)
    if not links:  # nothing links a record of this kind (a place is named by its incidents' own rows)
        return tuple(events)
    uuids = select(AuditEntry.record_uuid).where(AuditEntry.action == "create", AuditEntry.record_uuid != "",
                                                 or_(*links))
    return (AuditEntry.record_uuid.in_(uuids), *links, *events)


def _transactions(conn: Connection, kind: str, record_id: int) -> list:
    """Where the entries about no record in particular (the import that
    brought the record in, one entry for a whole file; a merge) of each change
    that sealed the record's row. A seal closes its transaction, whose entries
    follow the seal before it; the entries of other records, links and custody
    events in the same transaction are not this record's."""
    before = select(func.max(AuditEntry.seq)).where(AuditEntry.action == state.SEAL,
                                                    AuditEntry.seq < RowState.seq).scalar_subquery()
    ranges = [and_(AuditEntry.seq > (previous or 0), AuditEntry.seq < seal) for seal, previous in conn.execute(
        select(RowState.seq, before).where(RowState.tbl == kind, RowState.key == f"[{record_id:d}]"))]
    if not ranges:
        return []
    not_about_a_row = AuditEntry.record_kind.not_in([*LINK_KIND, *(model.__tablename__ for model in HISTORY)])
    return [and_(AuditEntry.record_code == "", not_about_a_row, or_(*ranges))]


def _naming(kind: str, record_id: int, tables: Iterable[str]) -> list:
    """Where an entry of one of ``tables`` names the record in its changes."""
    found = []
    for table in tables:
        for column, target in _columns(table):
            if target == kind:
                key = _literal(f'"{column}":{record_id:d}')
                found.append(and_(AuditEntry.record_kind == table,
                                  or_(AuditEntry.changes.like(f"%{key},%", escape="\\"),
                                      AuditEntry.changes.like(f"%{key}}}", escape="\\"))))
    return found


_BELONGING = {model.__tablename__: model for model in HISTORY}


@cache
def _columns(table: str) -> tuple[tuple[str, str], ...]:
    """(column, the kind of record it holds) of what a link joins (its ends;
    "" for one that is not a record, a tag's text) or a custody event belongs to."""
    if table in LINK_KIND:
        model, names = LINK_KIND[table].model, LINK_KIND[table].ends
    else:
        model = _BELONGING[table]
        names = tuple(column.name for column in model.__table__.c if column.foreign_keys)
    found = []
    for name in names:
        target = next((fk.column.table.name for fk in model.__table__.c[name].foreign_keys), "")
        if not target or target in RECORD_KIND:
            found.append((name, target))
    return tuple(found)


def count(case: Case, code: str = "") -> int:
    """How many entries ``entries`` gives for ``code``: its record's own, its
    links' and its custody events' (a whole code), or those of every code that
    begins with it."""
    with case.connection() as conn:
        return conn.scalar(_filtered(conn, select(func.count()).select_from(AuditEntry), code))


#: How an entry's action and the kind of row it is about read in the window
#: and on the command line: the identifiers themselves in English (``--json``
#: keeps them), marked here for the other languages.
_WORDS = frozenset((
    N("History", "create"), N("History", "update"), N("History", "delete"), N("History", "import"),
    N("History", "merge"), N("History", "merge-bundle"), N("History", "resolve"), N("History", "bundle"),
    N("History", "handover"), N("History", "export-dossier"), N("History", "change-passphrase"),
    N("History", "encrypt-copy"), N("History", "create-case"),
    N("History", "case"), N("History", "case_info"), N("History", "dossier"), N("History", "custody_event"),
    N("History", "withhold_mark"), N("History", "vocabulary_term"), N("History", "actor_relation"),
    N("History", "assessment"), N("History", "claim_relay"), N("History", "claim_subject"),
    N("History", "evidence_link"), N("History", "incident_link"), N("History", "incident_tag"),
    N("History", "involvement"), N("History", "source_citation"),
))


def word(identifier: str) -> str:
    """An action or kind of row of the history, in the user's language."""
    return translate("History", identifier) if identifier in _WORDS else identifier


@dataclass(frozen=True)
class Entry:
    seq: int
    at: datetime
    who: str
    action: str
    record_kind: str
    record_code: str
    changes: str
    hash: str
    joined: str = ""  # for a link, the codes of the records it joins; for a custody event, its evidence's

    @property
    def record(self) -> str:
        """What the entry is about, for a reader: the record's code; for a link,
        its kind and the codes of the records it joins ("involvement INC-0001 ·
        ACT-0002"); else the kind of row."""
        return self._about(self.record_kind)

    @property
    def shown_action(self) -> str:
        return word(self.action)

    @property
    def shown_record(self) -> str:
        """``record`` in the user's language."""
        return self._about(word(self.record_kind))

    def _about(self, kind: str) -> str:
        return self.record_code or " ".join(filter(None, (kind, self.joined)))


def entries(case: Case, offset: int, limit: int, code: str = "") -> list[Entry]:
    """The entries, newest first."""
    with case.connection() as conn:
        query = _filtered(conn, select(AuditEntry.seq, AuditEntry.at, AuditEntry.who, AuditEntry.action,
                                       AuditEntry.record_kind, AuditEntry.record_code, AuditEntry.changes,
                                       AuditEntry.hash, AuditEntry.record_uuid), code)
        rows = list(conn.execute(query.order_by(AuditEntry.seq.desc()).offset(offset).limit(limit)))
        joined = _joined(conn, [row for row in rows if not row.record_code])
    return [Entry(row.seq, row.at, row.who, row.action, row.record_kind, row.record_code, row.changes, row.hash,
                  joined.get(row.seq, "")) for row in rows]


def _joined(conn: Connection, rows: list) -> dict[int, str]:
    """By entry: the codes of the records a link joins, read from the link's
    creation entry (an update names only what changed), else from the entry
    itself (a deletion names them), or of the record a custody event belongs
    to. Each is the record that had the id when the entry was written: one
    deleted since is named by the code its deletion gives (``_deletions``)."""
    links = {row.record_uuid for row in rows if row.record_kind in LINK_KIND and row.record_uuid}
    created: dict[str, str] = {}
    if links:
        created.update((uuid, changes) for uuid, changes in conn.execute(
            select(AuditEntry.record_uuid, AuditEntry.changes).where(
                AuditEntry.action == "create", AuditEntry.record_uuid.in_(links))))
    ends: dict[int, list[tuple[str, object]]] = {}
    wanted: dict[str, set[int]] = {}
    for row in rows:
        if row.record_kind in LINK_KIND:
            values = _changes(created.get(row.record_uuid) or (row.changes if row.action == "delete" else ""))
        elif row.record_kind in _BELONGING:
            values = _changes(row.changes)
        else:
            continue
        for column, target in _columns(row.record_kind):
            value = values.get(column)
            if value is None or value == "":
                continue
            ends.setdefault(row.seq, []).append((target, value))
            if target and isinstance(value, int):
                wanted.setdefault(target, set()).add(value)
    codes: dict[tuple[str, object], str] = {}
    deleted: dict[tuple[str, object], list[tuple[int, str, str]]] = {}
    for table, ids in wanted.items():
        record = RECORD_KIND[table].model
        codes.update(((table, record_id), record_code) for record_id, record_code in conn.execute(
            select(record.id, record.code).where(record.id.in_(ids))))
        deleted.update(((table, record_id), gone) for record_id, gone in _deletions(conn, table, ids).items())

    def name(table: str, value: object, seq: int) -> str:
        # The record that had the id then: the first deleted after the entry, else the one there now.
        then = next((code for at, code, _uuid in deleted.get((table, value), ()) if at > seq), None)
        if then is None:
            then = codes.get((table, value))
        return then if then is not None else f"{table} {value}" if table else str(value)

    return {seq: " · ".join(name(table, value, seq) for table, value in pairs) for seq, pairs in ends.items()}


def _changes(text: str) -> dict:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def verify_chain(case: Case) -> tuple[ChainProblem | None, int, str]:
    """(first problem or None, entries, head hash)."""
    with case.connection() as conn:
        problem = audit.verify(conn)
        seq, head = audit.head(conn)
    return problem, seq, head


def custody_of(case: Case, code: str) -> list:
    """Rows (at, who, action, sha256_observed, details) of one evidence item, oldest first."""
    query = (select(CustodyEvent.at, CustodyEvent.who, CustodyEvent.action, CustodyEvent.sha256_observed,
                    CustodyEvent.details)
             .join(Evidence, Evidence.id == CustodyEvent.evidence_id)
             .where(Evidence.code == code.strip().upper()).order_by(CustodyEvent.id))
    with case.connection() as conn:
        return list(conn.execute(query))
