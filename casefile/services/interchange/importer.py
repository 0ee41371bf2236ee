"""Import interchange JSON (``casefile-interchange/4``, or an older format brought up to it) into a case: all or nothing.

1. read the file, hash and decode it, let the bytes go, parse the text, and
   check each entry against the JSON Schema: nothing is written before this
   passed;
2. check meaning (``interchange_plan``): references resolve in the file or the
   case, vocabulary keys exist, dates parse, no UUID or code collides, and
   build every row with its id and foreign keys;
3. write in one transaction with Core ``insert()`` (executemany), then code
   counters, the search index, one audit entry and a custody event per
   evidence item.

Steps 2 and 3 go together, section by section: the plan hands its rows over
in batches and lets the document's entries go behind it, so memory holds the
parsed document and one batch, not the file, the document and every row at
once. A problem found on the way stops the writing, and the transaction is
rolled back: the case is exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError

from ...errors import CasefileError
from ...files import read_regular
from ...i18n import translate
from ...model import (
    Actor,
    ActorRelation,
    Assessment,
    Blob,
    Claim,
    ClaimRelay,
    ClaimSubject,
    CodeCounter,
    CustodyEvent,
    Evidence,
    EvidenceLink,
    Incident,
    IncidentLink,
    IncidentTag,
    Involvement,
    Place,
    Source,
    SourceCitation,
    VocabularyTerm,
    WithholdMark,
    utcnow,
)
from ...store import Case, audit, fulltext
from . import DEFINITION, FORMAT, OLDER_FORMATS, ImportRefused, explain, fast_checks, record_label, upgrade
from .plan import MAX_PROBLEMS, Plan

Progress = Callable[[int, int, str], None]  # (done, total, message), as the dossier

TABLES: dict[str, Any] = {"place": Place, "actor": Actor, "incident": Incident, "source": Source, "claim": Claim,
          "evidence": Evidence, "assessment": Assessment}
CLASSES: dict[str, Any] = {**TABLES, "actor_relation": ActorRelation, "incident_tag": IncidentTag, "involvement": Involvement,
           "incident_link": IncidentLink, "claim_subject": ClaimSubject, "evidence_link": EvidenceLink,
           "source_citation": SourceCitation, "claim_relay": ClaimRelay, "custody_event": CustodyEvent,
           "vocabulary_term": VocabularyTerm, "withhold_mark": WithholdMark}
#: tables with one row per entry of the file (what progress counts)
ENTRY_TABLES = {*TABLES, "evidence_link", "custody_event", "withhold_mark"}


def import_json(case: Case, path: str | os.PathLike, progress: Progress | None = None) -> dict[str, int]:
    """Import the file into the case; return counts per section. Raises
    ``ImportRefused`` (one line, naming record and field) and changes
    nothing if anything in the file is wrong."""
    report = progress or (lambda done, total, message: None)
    path = Path(path)
    report(0, 1, translate("Interchange", "Reading"))
    document, digest = _load(path)
    report(0, 1, translate("Interchange", "Checking"))
    check_schema(document)
    writer = _Writer(sum(len(document.get(s) or ()) for s in DEFINITION), report)
    try:
        with case.bulk_connection() as conn:
            writer.conn = conn
            plan = Plan(conn, document, who=case.documenter, file_name=path.name, file_digest=digest, sink=writer)
            del document  # the plan lets its entries go once they are written
            plan.build()
            if plan.problems:
                raise ImportRefused(plan.problems)  # leaving the transaction rolls back what was written
            counts = _finish(conn, plan, path.name, digest, report)
    except IntegrityError as error:  # a check above missed something: still nothing written
        raise CasefileError(translate("Interchange", "{name} conflicts with this case: {why}").format(
            name=path.name, why=str(error.orig).splitlines()[0])) from None
    except DBAPIError as error:
        raise CasefileError(translate("Interchange", "could not import {name}: {why}").format(
            name=path.name, why=str(error.orig).splitlines()[0])) from None
    case.notify({kind: set(ids) for kind, ids in plan.new_ids.items() if ids})
    return counts


def _load(path: Path) -> tuple[dict, str]:
    """(document, SHA-256 of the file). The bytes are let go once decoded,
    before parsing: never the bytes, the text and the document at once."""
    try:
        data = read_regular(path)
    except OSError as e:
        raise CasefileError(translate("Interchange", "cannot read {path}: {why}").format(
            path=path, why=e.strerror or e)) from None
    digest = hashlib.sha256(data).hexdigest()
    text = _decode(data)
    del data
    return parse_text(text), digest


def _refuse_constant(name: str):
    raise ValueError(translate("Interchange", "{name} is not allowed").format(name=name))


class _DuplicateKey(ValueError):
    pass


def _object(pairs: list) -> dict:
    """JSON objects, refusing a key given twice: other readers may take the
    first value where we would take the last."""
    value = dict(pairs)
    if len(value) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return value


def parse(data: bytes) -> dict:
    """Bytes -> document, refusing what is not a Casefile interchange file."""
    return parse_text(_decode(data))


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ImportRefused([translate("Interchange", "not UTF-8 text (byte {pos})").format(pos=e.start)]) from None


def parse_text(text: str) -> dict:
    """Text -> document, refusing what is not a Casefile interchange file."""
    try:
        document = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_object)
    except _DuplicateKey as e:
        raise ImportRefused([translate("Interchange", "not valid JSON (the key \"{key}\" appears twice in one object)")
                             .format(key=str(e)[:64])]) from None
    except json.JSONDecodeError as e:
        raise ImportRefused([translate("Interchange", "not valid JSON (line {line}, column {col}: {why})").format(
            line=e.lineno, col=e.colno, why=e.msg)]) from None
    except ValueError as e:
        raise ImportRefused([translate("Interchange", "not valid JSON ({why})").format(why=e)]) from None
    except RecursionError:
        raise ImportRefused([translate("Interchange", "not valid JSON (nested too deeply)")]) from None
    if isinstance(document, dict) and document.get("format") in OLDER_FORMATS:
        return upgrade(document)
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        found = document.get("format") if isinstance(document, dict) else None
        if isinstance(found, str) and found.startswith("casefile-interchange/"):
            raise ImportRefused([translate(
                "Interchange", "format {found} is not supported; this Casefile reads {format}").format(
                found=found[:40], format=FORMAT)])
        raise ImportRefused([translate("Interchange", "not a Casefile interchange file (no \"format\": \"{format}\")").format(
            format=FORMAT)])
    return document


def check_schema(document: dict) -> None:
    """Every entry against the schema; problems name their record and field."""
    checks = fast_checks()
    problems: list[str] = []
    if not checks["document"](document):
        problems.append(explain(None, document))
    for section in DEFINITION:
        entries = document.get(section)
        if not isinstance(entries, list):
            continue
        check = checks[section]
        for index, entry in enumerate(entries):
            if not check(entry):
                problems.append(f"{record_label(section, index, entry)}: {explain(section, entry)}")
                if len(problems) >= MAX_PROBLEMS:
                    break
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise ImportRefused(problems)


class _Writer:
    """The plan's sink: inserts each batch as it comes, and after the
    evidence section the import's own custody event for each item, so it
    comes before the history the file brings (the chain is listed by id)."""

    def __init__(self, total: int, report: Progress):
        self.conn: Connection  # set once the import's connection is open
        self.total, self.done, self.report = max(total, 1), 0, report
        self.label = translate("Interchange", "Writing")
        report(0, self.total, self.label)

    def insert(self, table: str, rows: list[dict]) -> None:
        self.conn.execute(insert(CLASSES[table]), rows)
        if table in ENTRY_TABLES:  # progress counts the file's entries
            self.done = min(self.total, self.done + len(rows))
            self.report(self.done, self.total, self.label)

    def section_done(self, section: str, plan: Plan) -> None:
        if section != "evidence" or not plan.evidence_items:
            return
        now = utcnow()
        bytes_here = _blobs_present(self.conn, {sha for _, _, sha in plan.evidence_items})
        events = []
        for item_id, _, sha in plan.evidence_items:
            where = (translate("Interchange", "file bytes already in this case") if sha in bytes_here
                     else translate("Interchange", "file bytes not in this case"))
            events.append({"evidence_id": item_id, "at": now, "who": plan.who, "action": "imported",
                           "sha256_observed": "", "details": translate(
                               "Interchange", "metadata imported from {name} (file SHA-256 {digest}); {where}").format(
                               name=plan.file_name, digest=plan.file_digest, where=where)})
        self.conn.execute(insert(CustodyEvent), events)


def _finish(conn, plan: Plan, name: str, digest: str, report: Progress) -> dict[str, int]:
    """Once every row is in: references inside the file, counters, search
    index, the history entry."""
    # References to records of the same table inside the file, set once all exist.
    for table, column in (("evidence", "derived_from_id"),):
        pairs = plan.self_refs[table]
        if pairs:
            cls = TABLES[table]
            # updated_at given explicitly, or its onupdate default would stamp the import time
            conn.execute(update(cls).where(cls.id == bindparam("b_id"))
                         .values({column: bindparam("b_ref"), "updated_at": bindparam("b_updated")}), pairs)
    _bump_counters(conn, plan.max_code)
    report(1, 1, translate("Interchange", "Indexing"))
    for table, ids in plan.new_ids.items():
        if table not in fulltext.INDEXED or not ids:
            continue
        if plan.existing[table] <= len(ids):
            fulltext.index_all(conn, table)
        else:
            fulltext.reindex(conn, table, ids)
    counts = {section: plan.count(kind) for section, kind in (
        ("places", "place"), ("actors", "actor"), ("incidents", "incident"), ("sources", "source"),
        ("claims", "claim"), ("assessments", "assessment"), ("evidence", "evidence"))}
    counts["evidence_links"] = plan.count("evidence_link")
    if plan.count("withhold_mark"):
        counts["withhold_marks"] = plan.count("withhold_mark")
    counts["vocabulary_terms"] = plan.count("vocabulary_term")
    audit.append(conn, "import", who=plan.who, kind="case",
                 changes={"file": name, "sha256": digest, "counts": counts})
    return counts


def _blobs_present(conn, hashes: set[str]) -> set[str]:
    found: set[str] = set()
    hashes_list = sorted(hashes)
    for start in range(0, len(hashes_list), 500):
        batch = hashes_list[start:start + 500]
        found.update(conn.scalars(select(Blob.sha256).where(Blob.sha256.in_(batch))))
    return found


def _bump_counters(conn, max_code: dict[str, int]) -> None:
    """Codes are never reused: move each counter past the highest imported code."""
    current = dict(conn.execute(select(CodeCounter.prefix, CodeCounter.next_value)).all())
    for prefix, highest in max_code.items():
        if prefix not in current:
            conn.execute(insert(CodeCounter).values(prefix=prefix, next_value=highest + 1))
        elif current[prefix] <= highest:
            conn.execute(update(CodeCounter).where(CodeCounter.prefix == prefix).values(next_value=highest + 1))
