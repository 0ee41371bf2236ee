"""Import ``casefile-interchange/1`` JSON into a case: all or nothing.

Three passes, and nothing is written until the first two found no problem:

1. read and parse the file, check each entry against the JSON Schema;
2. check meaning (``interchange_plan``): references resolve in the file or the
   case, vocabulary keys exist, dates parse, no UUID or code collides, and
   build every row with its id and foreign keys;
3. write all rows in one transaction with Core ``insert()`` (executemany), then
   code counters, the search index, one audit entry and a custody event per
   evidence item.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from ..errors import CasefileError
from ..i18n import translate
from ..model import (
    ActorRelation, Assessment, Blob, ClaimRelay, ClaimSubject, CodeCounter, CustodyEvent, EvidenceLink,
    IncidentLink, IncidentTag, Involvement, SourceCitation, VocabularyTerm, utcnow,
)
from ..model import Actor, Claim, Evidence, Incident, Place, Source
from ..store import Case, audit, search
from .interchange import (
    DEFINITION, FORMAT, OLDER_FORMATS, ImportRefused, explain, fast_checks, record_label, upgrade_format_1,
)
from .interchange_plan import MAX_PROBLEMS, Plan

Progress = Callable[[int, int, str], None]  # (done, total, message), as the dossier

TABLES = {"place": Place, "actor": Actor, "incident": Incident, "source": Source, "claim": Claim,
          "evidence": Evidence, "assessment": Assessment}
#: link tables in the order they can be written (their targets exist by then)
LINK_TABLES = (("actor_relation", ActorRelation), ("incident_tag", IncidentTag), ("involvement", Involvement),
               ("incident_link", IncidentLink), ("claim_subject", ClaimSubject), ("evidence_link", EvidenceLink),
               ("source_citation", SourceCitation), ("claim_relay", ClaimRelay), ("custody_event", CustodyEvent))
WRITE_ORDER = ("place", "actor", "incident", "source", "claim", "assessment", "evidence")


def import_json(case: Case, path: str | os.PathLike, progress: Progress | None = None) -> dict[str, int]:
    """Import the file into the case; return counts per section. Raises
    ``ImportRefused`` (one line, naming record and field) and changes
    nothing if anything in the file is wrong."""
    report = progress or (lambda done, total, message: None)
    path = Path(path)
    report(0, 1, translate("Interchange", "Reading"))
    data, digest = _read(path)
    document = parse(data)
    report(0, 1, translate("Interchange", "Checking"))
    check_schema(document)
    try:
        with case.bulk_connection() as conn:
            plan = Plan(conn, document, who=case.documenter, file_name=path.name, file_digest=digest)
            plan.build()
            if plan.problems:
                raise ImportRefused(plan.problems)
            counts = _write(conn, plan, path.name, digest, report)
    except IntegrityError as error:  # a check above missed something: still nothing written
        raise CasefileError(translate("Interchange", "{name} conflicts with this case: {why}").format(
            name=path.name, why=str(error.orig).splitlines()[0])) from None
    except DBAPIError as error:
        raise CasefileError(translate("Interchange", "could not import {name}: {why}").format(
            name=path.name, why=str(error.orig).splitlines()[0])) from None
    case.notify({kind: set(ids) for kind, ids in plan.new_ids.items() if ids})
    return counts


def _read(path: Path) -> tuple[bytes, str]:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise CasefileError(translate("Interchange", "cannot read {path}: {why}").format(
            path=path, why=e.strerror)) from None
    return data, hashlib.sha256(data).hexdigest()


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
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ImportRefused([translate("Interchange", "not UTF-8 text (byte {pos})").format(pos=e.start)]) from None
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
        return upgrade_format_1(document)
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


def _write(conn, plan: Plan, name: str, digest: str, report: Progress) -> dict[str, int]:
    total = sum(len(rows) for rows in plan.rows.values()) + sum(len(rows) for rows in plan.links.values())
    done = 0
    label = translate("Interchange", "Writing")
    report(done, total, label)
    if plan.vocabulary_rows:
        conn.execute(insert(VocabularyTerm), plan.vocabulary_rows)
    for table in WRITE_ORDER:
        rows = plan.rows[table]
        if rows:
            conn.execute(insert(TABLES[table]), rows)
            done += len(rows)
            report(done, total, label)
    # References to records of the same table inside the file, set once all exist.
    for table, column in (("evidence", "derived_from_id"),):
        pairs = plan.self_refs[table]
        if pairs:
            cls = TABLES[table]
            # updated_at given explicitly, or its onupdate default would stamp the import time
            conn.execute(update(cls).where(cls.id == bindparam("b_id"))
                         .values({column: bindparam("b_ref"), "updated_at": bindparam("b_updated")}), pairs)
    now = utcnow()
    bytes_here = _blobs_present(conn, {row["sha256"] for row in plan.rows["evidence"]})
    imported = []
    for row in plan.rows["evidence"]:
        where = (translate("Interchange", "file bytes already in this case") if row["sha256"] in bytes_here
                 else translate("Interchange", "file bytes not in this case"))
        imported.append({"evidence_id": row["id"], "at": now, "who": plan.who, "action": "imported",
                         "sha256_observed": "", "details": translate(
                             "Interchange", "metadata imported from {name} (file SHA-256 {digest}); {where}").format(
                             name=name, digest=digest, where=where)})
    # This case's own event first: a chain lists events in the order the case
    # recorded them (by id), and the history received with the file follows it.
    plan.links["custody_event"][:0] = imported
    for table, cls in LINK_TABLES:
        rows = plan.links[table]
        if rows:
            conn.execute(insert(cls), rows)
            done += len(rows)
            report(done, total, label)
    _bump_counters(conn, plan.max_code)
    report(done, total, translate("Interchange", "Indexing"))
    for table, ids in plan.new_ids.items():
        if table not in search.INDEXED or not ids:
            continue
        if plan.existing[table] <= len(ids):
            search.index_all(conn, table)
        else:
            search.reindex(conn, table, ids)
    counts = {section: len(plan.rows[kind]) for section, kind in (
        ("places", "place"), ("actors", "actor"), ("incidents", "incident"), ("sources", "source"),
        ("claims", "claim"), ("assessments", "assessment"), ("evidence", "evidence"))}
    counts["evidence_links"] = len(plan.links["evidence_link"])
    counts["vocabulary_terms"] = len(plan.vocabulary_rows)
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
