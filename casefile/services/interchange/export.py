"""Export a case as ``casefile-interchange/4`` JSON.

Deterministic: records sorted by code (numerically), nested lists sorted,
keys sorted, so export -> import into a new case -> export gives the same
bytes in every record section. Records refer to each other by UUID; each
link carries its identity (``model.identity``) as ``id``.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ... import __version__
from ...model import (
    Actor,
    ActorRelation,
    Assessment,
    CaseInfo,
    Claim,
    ClaimRelay,
    ClaimSubject,
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
from ...model.identity import link_id
from ...store import Case, outputs
from ...store.batches import batched
from . import FORMAT

# Columns written as they are (id / foreign keys are replaced by UUID references).
CONSENT_FIELDS = ("consent", "consent_to", "consent_not_to", "consent_not_before", "consent_given",
                  "consent_recorded_by")
PLACE_FIELDS = ("name", "municipality", "state", "country", "latitude", "longitude", "precision", "description",
                "caveats")
ACTOR_FIELDS = ("name", "category", "actor_type", "aliases", "description", "protected", "pseudonym", "contact",
                "caveats")
INCIDENT_FIELDS = ("title", "description", "start_date", "start_qualifier", "end_date", "end_qualifier",
                   "incident_type", "violation_status", "fatalities", "confidential", "notes", "caveats")
SOURCE_FIELDS = ("title", "source_kind", "outlet", "author", "published", "url", "language", "accessed",
                 "reliability", "reliability_reason", "confidential", "pseudonym", "contact", "text", "notes", "caveats",
                 *CONSENT_FIELDS)
CLAIM_FIELDS = ("summary", "quote", "quote_kind", "translated_by", "quote_start", "quote_end", "claimed_on",
                "origin_status", "chain_review", "credibility", "credibility_reason", "status", "stance", "notes", "caveats")
EVIDENCE_FIELDS = ("title", "sha256", "size", "original_name", "media_type", "intake_by", "obtained_how", "origin",
                   "note", "confidential", "withdrawn", "captured_at", "latitude", "longitude", "camera_make",
                   "camera_model", "width", "height", "duration", "document_title", "document_author",
                   "document_created", "document_modified", "collected_by", "collection_tool", "preservation",
                   "shows_faces", "caveats", *CONSENT_FIELDS)
EVIDENCE_TIMES = ("file_modified", "intake_at")


def stamp(value: datetime | None) -> str | None:
    """UTC, ISO 8601, with Z."""
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def code_key(code: str) -> tuple:
    """INC-0002 before INC-0010 before INC-10000."""
    prefix, _, number = code.partition("-")
    return (prefix, int(number) if number.isdigit() else 0, code)


def export_json(case: Case, out_path: str | os.PathLike, *, force: bool = False,
                profile: str = "full") -> dict[str, int]:
    """Write the whole case atomically (``store.outputs``); return counts.
    ``force`` replaces an existing file (never a case, a folder or a link)."""
    document = build_document(case, profile)
    write_atomically(Path(out_path), dumps(document).encode("utf-8"), force=force, open_cases=(case.path,))
    return {section: len(document[section]) for section in document if isinstance(document[section], list)}


def dumps(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False) + "\n"


def write_atomically(path: Path, data: bytes, *, force: bool = False, open_cases=()) -> Path:
    """``data`` at ``path``, through the one output check and writer."""
    return outputs.write_bytes(path, data, force=force, open_cases=open_cases)


def build_document(case: Case, profile: str = "full", *, recipient: str | None = None) -> dict:
    """The case as an interchange document; ``partner`` and ``public`` go
    through the redaction engine, as the PDF dossier and CSV do.
    ``recipient``: a mechanism or court whose consent each item must give."""
    from ..redaction import Redactor, check_profile

    check_profile(profile)
    with case.connection() as conn:
        document = _Builder(conn).document()
    if profile != "full":
        from ..redaction.interchange import redact_document

        with case.session() as session:
            redact_document(document, session, profile, Redactor(session, profile, recipient=recipient))
    return document


class _Builder:
    """``only`` (table -> row ids): build just those entries, for the partner
    view's increments; links to records left out are resolved all the same.
    ``rids`` (implied by ``only``): each entry marked with its row id (``_rid``)."""

    def __init__(self, conn, only: dict[str, set[int]] | None = None, *, rids: bool = False):
        self.conn = conn
        self.only = only
        self.rids = rids or only is not None
        self.uuid: dict[str, dict[int, str]] = {}  # table -> id -> uuid

    def rows(self, stmt):
        return self.conn.execute(stmt).all()

    def of(self, stmt, column, ids) -> list:
        """``stmt``'s rows; building a part, only those whose ``column`` is in ``ids``."""
        if self.only is None:
            return self.rows(stmt)
        return [row for part in batched(sorted(ids)) for row in self.rows(stmt.where(column.in_(part)))]

    def marked(self, entry: dict, rid: int) -> dict:
        if self.rids:
            entry["_rid"] = rid
        return entry

    def record(self, cls, fields: tuple[str, ...], refs: dict[str, str] | None = None) -> tuple[list[dict], dict[int, dict]]:
        """Every row of a record table as a dict; ``refs`` maps an output key
        to the id column whose record's UUID it holds (filled in later)."""
        refs = refs or {}
        table = cls.__table__
        cols = [table.c.id, table.c.uuid, table.c.code, table.c.created_at, table.c.updated_at]
        cols += [table.c[f] for f in fields] + [table.c[c] for c in refs.values()]
        out, by_id = [], {}
        for row in self.of(select(*cols), table.c.id, (self.only or {}).get(table.name, ())):
            entry = self.marked({"uuid": row[1], "code": row[2], "created_at": stamp(row[3]),
                                 "updated_at": stamp(row[4])}, row[0])
            for i, f in enumerate(fields, start=5):
                entry[f] = row[i]
            for j, key in enumerate(refs, start=5 + len(fields)):
                entry[key] = row[j]  # an id for now
            out.append(entry)
            by_id[row[0]] = entry
        self.uuid[table.name] = {i: e["uuid"] for i, e in by_id.items()} if self.only is None else \
            dict(self.rows(select(table.c.id, table.c.uuid)))  # a part links to records outside it
        return out, by_id

    def resolve(self, entries: list[dict], key: str, table: str) -> None:
        ids = self.uuid[table]
        for e in entries:
            e[key] = ids.get(e[key]) if e[key] is not None else None

    def document(self) -> dict:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "generator": f"Casefile {__version__}",
            "exported_at": stamp(utcnow()),
            "case": self.case_entry(),
            "vocabularies": self.vocabularies(),
        }
        places, _ = self.record(Place, PLACE_FIELDS)
        actors, actor_by_id = self.record(Actor, ACTOR_FIELDS)
        incidents, incident_by_id = self.record(Incident, INCIDENT_FIELDS, {"place": "place_id"})
        sources, source_by_id = self.record(Source, SOURCE_FIELDS)
        claims, claim_by_id = self.record(Claim, CLAIM_FIELDS, {"claimant": "claimant_id", "origin": "origin_id",
                                                                "source": "source_id"})
        for claim in claims:
            claim["chain_review"] = bool(claim["chain_review"])
        evidence, evidence_by_id = self.record(Evidence, EVIDENCE_FIELDS + EVIDENCE_TIMES + ("extra_metadata",),
                                               {"derived_from": "derived_from_id"})
        self.resolve(incidents, "place", "place")
        self.resolve(claims, "claimant", "actor")
        self.resolve(claims, "origin", "source")
        self.resolve(claims, "source", "source")
        self.resolve(evidence, "derived_from", "evidence")
        self.nested(actor_by_id, incident_by_id, claim_by_id)
        self.chains(source_by_id, claim_by_id)
        for e in evidence:
            for key in EVIDENCE_TIMES:
                e[key] = stamp(e[key])
            e["extra_metadata"] = _metadata(e["extra_metadata"])
        for section, entries in (("places", places), ("actors", actors), ("incidents", incidents),
                                 ("sources", sources), ("claims", claims), ("evidence", evidence)):
            doc[section] = sorted(entries, key=lambda e: code_key(e["code"]))
        doc["assessments"] = self.assessments()
        doc["evidence_links"], doc["custody"] = self.evidence_history(evidence_by_id)
        doc["withhold_marks"] = self.withhold_marks()
        return doc

    def case_entry(self) -> dict:
        info = self.conn.execute(select(CaseInfo)).first()
        return {"uuid": info.uuid, "title": info.title, "organisation": info.organisation,
                "description": info.description, "documenter": info.documenter, "language": info.language}

    def withhold_marks(self) -> list[dict]:
        """Passages marked "withhold", on records this file carries (a shared
        profile empties the section: the marks are the passages)."""
        records = {uuid for ids in self.uuid.values() for uuid in ids.values()}
        out = [{"uuid": r.uuid, "record": r.record_uuid, "field": r.field, "passage": r.passage,
                "created_at": stamp(r.created_at)}
               for r in self.rows(select(WithholdMark)) if r.record_uuid in records]
        return sorted(out, key=lambda m: (m["record"], m["field"], m["passage"]))

    def vocabularies(self) -> dict:
        out: dict[str, list] = {}
        rows = self.rows(select(VocabularyTerm).order_by(
            VocabularyTerm.vocabulary, VocabularyTerm.position, VocabularyTerm.key))
        for t in rows:
            out.setdefault(t.vocabulary, []).append({
                "key": t.key, "en": t.label_en, "es": t.label_es, "description_en": t.description_en,
                "description_es": t.description_es, "position": t.position, "builtin": bool(t.builtin),
                **({"inverse_en": t.inverse_en, "inverse_es": t.inverse_es} if t.inverse_en else {})})
        return out

    def nested(self, actor_by_id, incident_by_id, claim_by_id) -> None:
        actor_uuid, incident_uuid = self.uuid["actor"], self.uuid["incident"]
        for entry in actor_by_id.values():
            entry["relations"] = []
        for r in self.of(select(ActorRelation.actor_id, ActorRelation.other_id, ActorRelation.relation),
                         ActorRelation.actor_id, actor_by_id):
            mine = actor_by_id[r.actor_id]
            mine["relations"].append({"id": link_id("actor_relation", mine["uuid"], actor_uuid[r.other_id], r.relation),
                                      "relation": r.relation, "other": actor_uuid[r.other_id]})
        for entry in incident_by_id.values():
            entry["tags"], entry["involvements"], entry["links"] = [], [], []
        for r in self.of(select(IncidentTag.incident_id, IncidentTag.tag), IncidentTag.incident_id, incident_by_id):
            incident_by_id[r.incident_id]["tags"].append(r.tag)
        for r in self.of(select(Involvement), Involvement.incident_id, incident_by_id):
            incident = incident_by_id[r.incident_id]
            incident["involvements"].append({
                "id": link_id("involvement", incident["uuid"], actor_uuid[r.actor_id], r.role),
                "actor": actor_uuid[r.actor_id], "role": r.role, "degree": r.degree, "head_count": r.head_count,
                "head_count_approximate": bool(r.head_count_approximate), "note": r.note})
        for r in self.of(select(IncidentLink.from_id, IncidentLink.to_id, IncidentLink.relation), IncidentLink.from_id,
                         incident_by_id):
            incident = incident_by_id[r.from_id]
            incident["links"].append({"id": link_id("incident_link", incident["uuid"], incident_uuid[r.to_id], r.relation),
                                      "relation": r.relation, "to": incident_uuid[r.to_id]})
        for entry in claim_by_id.values():
            entry["subjects"] = []
        for r in self.of(select(ClaimSubject.claim_id, ClaimSubject.incident_id, ClaimSubject.actor_id),
                         ClaimSubject.claim_id, claim_by_id):
            subject = incident_uuid[r.incident_id] if r.incident_id is not None else actor_uuid[r.actor_id]
            claim_by_id[r.claim_id]["subjects"].append(subject)
        for entry in actor_by_id.values():
            entry["relations"].sort(key=lambda x: (x["relation"], x["other"]))
        for entry in incident_by_id.values():
            entry["tags"].sort()
            entry["involvements"].sort(key=lambda x: (x["actor"], x["role"]))
            entry["links"].sort(key=lambda x: (x["relation"], x["to"]))
        for entry in claim_by_id.values():
            entry["subjects"].sort()

    def chains(self, source_by_id, claim_by_id) -> None:
        """What each source cites and through which sources each claim came, in order."""
        source_uuid = self.uuid["source"]
        for entry in source_by_id.values():
            entry["cites"] = []
        for r in self.of(select(SourceCitation).order_by(SourceCitation.position, SourceCitation.id),
                         SourceCitation.source_id, source_by_id):
            mine = source_by_id[r.source_id]
            mine["cites"].append({"id": link_id("source_citation", mine["uuid"], source_uuid[r.cited_id]),
                                  "source": source_uuid[r.cited_id], "note": r.note})
        for entry in claim_by_id.values():
            entry["relayed_by"] = []
        for r in self.of(select(ClaimRelay).order_by(ClaimRelay.position, ClaimRelay.id), ClaimRelay.claim_id,
                         claim_by_id):
            mine = claim_by_id[r.claim_id]
            mine["relayed_by"].append({"id": link_id("claim_relay", mine["uuid"], source_uuid[r.source_id]),
                                       "source": source_uuid[r.source_id], "note": r.note})

    def assessments(self) -> list[dict]:
        claim, source = self.uuid["claim"], self.uuid["source"]
        out = []
        for r in self.of(select(Assessment), Assessment.id, (self.only or {}).get("assessment", ())):
            out.append(self.marked({"uuid": r.uuid, "claim": claim[r.claim_id], "relation": r.relation, "note": r.note,
                                    "by_source": source.get(r.by_source_id), "by_claim": claim.get(r.by_claim_id)},
                                   r.id))
        return sorted(out, key=lambda a: a["uuid"])

    def evidence_history(self, evidence_by_id) -> tuple[list[dict], list[dict]]:
        targets = {"incident_id": self.uuid["incident"], "claim_id": self.uuid["claim"],
                   "source_id": self.uuid["source"], "actor_id": self.uuid["actor"]}
        links = []
        only = self.only or {}
        if self.only is not None:  # a part's links and custody name items outside it
            evidence_by_id = {r.id: {"uuid": r.uuid, "sha256": r.sha256, "code": r.code}
                              for r in self.rows(select(Evidence.id, Evidence.uuid, Evidence.sha256, Evidence.code))}
        for r in self.of(select(EvidenceLink), EvidenceLink.id, only.get("evidence_link", ())):
            item = evidence_by_id[r.evidence_id]
            target = next(targets[c][getattr(r, c)] for c in targets if getattr(r, c) is not None)
            links.append(self.marked({"id": link_id("evidence_link", item["uuid"], target, r.relation),
                                      "evidence": item["uuid"], "evidence_sha256": item["sha256"], "target": target,
                                      "relation": r.relation, "note": r.note, "_code": item["code"]}, r.id))
        links.sort(key=lambda x: (code_key(x["_code"]), x["relation"], x["target"]))
        for entry in links:
            del entry["_code"]
        events = select(CustodyEvent)
        queries = [events] if self.only is None else [
            events.where(CustodyEvent.id.in_(part)) for part in batched(sorted(only.get("custody_event", ())))]
        return links, self._custody(evidence_by_id, queries)

    def custody(self, evidence_uuids: list[str]) -> list[dict]:
        """The custody events of these evidence items only."""
        by_id: dict[int, dict] = {}
        for part in batched(evidence_uuids):
            for r in self.rows(select(Evidence.id, Evidence.uuid, Evidence.sha256, Evidence.code)
                               .where(Evidence.uuid.in_(part))):
                by_id[r.id] = {"uuid": r.uuid, "sha256": r.sha256, "code": r.code}
        return self._custody(by_id, [select(CustodyEvent).where(CustodyEvent.evidence_id.in_(part))
                                     for part in batched(by_id)])

    def _custody(self, evidence_by_id: dict[int, dict], queries: list) -> list[dict]:
        custody = []
        for r in (r for query in queries for r in self.rows(query.order_by(CustodyEvent.id))):
            item = evidence_by_id[r.evidence_id]
            custody.append(self.marked({"evidence": item["uuid"], "evidence_sha256": item["sha256"], "at": stamp(r.at),
                                        "who": r.who, "action": r.action, "sha256_observed": r.sha256_observed,
                                        "details": r.details, "_code": item["code"]}, r.id))
        # Stable: by item, then in the order this case recorded them (a time
        # claimed by an imported file is data, not the order).
        custody.sort(key=lambda x: code_key(x["_code"]))
        for entry in custody:
            del entry["_code"]
        return custody


def _metadata(text: str) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {"unparsed": text}
    return value if isinstance(value, dict) else {"value": value}
