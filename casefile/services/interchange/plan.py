"""The meaning check of an interchange import, and the rows it will write.

A ``Plan`` reads what the case already holds (UUIDs, codes, vocabularies,
highest ids), walks the schema-valid document once, and either lists problems
(``incidents[3] (INC-0004): start_date: no such day in that month``) or makes
every row to insert, ids and foreign keys already resolved, so the write is
plain executemany.

Given a ``sink``, the plan hands its rows over in batches as it goes (records
every ``BATCH`` entries, a section's links once its records are all there) and
lets go of the document's entries behind it: a large file is never held as
document and rows at once. The caller writes inside one transaction and rolls
it back if the plan found a problem, so import stays all or nothing; once a
problem is found nothing more is handed over. Without a sink every row stays
in ``rows`` and ``links``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import func, select

from ...errors import InvalidInput
from ...i18n import translate
from ...model import Actor, Assessment, Claim, CodeCounter, Evidence, Incident, Place, Source, VocabularyTerm, utcnow
from ...model.dates import PartialDate
from ...model.kinds import RECORD_KIND
from ..evidence import custody
from . import KIND, record_label
from . import LIMIT as MAX_PROBLEMS
from .plan_marks import plan_withhold_marks

EXTRA_METADATA_LIMIT = 200_000

#: the ORM class of each table the plan fills (each has uuid and id columns)
CLASSES: dict[str, Any] = {"place": Place, "actor": Actor, "incident": Incident, "source": Source, "claim": Claim,
           "evidence": Evidence, "assessment": Assessment}
SECTION_OF = {"place": "places", "actor": "actors", "incident": "incidents", "source": "sources",
              "claim": "claims", "evidence": "evidence", "assessment": "assessments"}
#: record table -> code prefix (the registry of kinds), in the file's section order
PREFIX = {table: RECORD_KIND[table].prefix for table in KIND.values() if table in RECORD_KIND}


#: entries planned between two hand-overs of record rows to the sink
BATCH = 5000
#: the link tables each section fills, in the order they can be written
SECTION_LINKS = {"actors": ("actor_relation",), "incidents": ("incident_tag", "involvement", "incident_link"),
                 "sources": ("source_citation",), "claims": ("claim_subject", "claim_relay"),
                 "evidence_links": ("evidence_link",), "custody": ("custody_event",),
                 "withhold_marks": ("withhold_mark",)}
TABLE_OF = {section: table for table, section in SECTION_OF.items()}


class Sink(Protocol):
    """Where a plan's rows go as soon as they can be written."""

    def insert(self, table: str, rows: list[dict]) -> None: ...

    def section_done(self, section: str, plan: Plan) -> None: ...


#: how a problem names its record: a string, or (section, index, entry) turned
#: into "incidents[3] (INC-0004)" only if there is a problem to report
Label = str | tuple


#: why a time could not be read (cached like the times themselves)
_OUT_OF_RANGE, _NOT_A_TIME = object(), object()


class _Stop(Exception):
    """Enough problems found; stop looking."""


class Plan:
    def __init__(self, conn, document: dict, who: str = "", file_name: str = "", file_digest: str = "",
                 sink: Sink | None = None):
        self.conn = conn
        self.doc = document  # with a sink, its entries are let go once planned
        self.sink = sink
        self.who = who
        self.file_name, self.file_digest = file_name, file_digest  # where received custody came from
        self.problems: list[str] = []
        self.now = utcnow()
        self.rows: dict[str, list[dict]] = {table: [] for table in CLASSES}
        self.links: dict[str, list[dict]] = {t: [] for t in (
            "actor_relation", "incident_tag", "involvement", "incident_link", "claim_subject", "evidence_link",
            "source_citation", "claim_relay", "custody_event", "withhold_mark")}
        self.self_refs: dict[str, list[dict]] = {"evidence": []}
        self.vocabulary_rows: list[dict] = []
        self.new_ids: dict[str, list[int]] = {table: [] for table in CLASSES}
        self.handed: dict[str, int] = {}  # rows given to the sink, per table
        self.max_code: dict[str, int] = {}
        # uuid -> (table, id) for records in the case and, as planned, in the file
        self.ids: dict[str, tuple[str, int]] = {}
        self.case_codes: set[str] = set()
        self.existing: dict[str, int] = {}
        self.next_id: dict[str, int] = {}
        self.evidence_sha: dict[str, str] = {}  # evidence uuid -> sha256
        self.evidence_items: list[tuple[int, str, str]] = []  # the file's items: (id, code, sha256)
        self.planned: set[str] = set()  # UUIDs of the file's records
        self._dates: dict = {}
        self._times: dict = {}

    # -- problems -------------------------------------------------------------

    def problem(self, label: Label, field: str, message: str) -> None:
        if isinstance(label, tuple):  # (section, index, entry): named only when needed
            label = record_label(*label)
        self.problems.append(f"{label}: {field}: {message}" if field else f"{label}: {message}")
        if len(self.problems) >= MAX_PROBLEMS:
            raise _Stop

    # -- the walk ---------------------------------------------------------------

    def build(self) -> None:
        try:
            self._load_case()
            self._vocabularies()
            self._identities()
            if self.problems:  # references cannot be judged on broken identities
                return
            self._hand_over("vocabulary_term", self.vocabulary_rows)
            self._places()
            self._actors()
            self._incidents()
            self._sources()
            self._claims()
            self._assessments()
            self._evidence()
            self._evidence_links()
            self._custody()
            plan_withhold_marks(self)
        except _Stop:
            pass

    def _load_case(self) -> None:
        for table, cls in CLASSES.items():
            rows = self.conn.execute(select(cls.uuid, cls.id, *([cls.code] if table in PREFIX else []))).all()
            for row in rows:
                self.ids[row[0]] = (table, row[1])
                if table in PREFIX:
                    self.case_codes.add(row[2])
            if table == "evidence":
                self.evidence_sha.update(self.conn.execute(select(Evidence.uuid, Evidence.sha256)).all())
            self.existing[table] = len(rows)
            self.next_id[table] = (self.conn.scalar(select(func.max(cls.id))) or 0) + 1
        self.counters = dict(self.conn.execute(select(CodeCounter.prefix, CodeCounter.next_value)).all())
        self.vocab: dict[str, set[str]] = {}
        for vocabulary, key in self.conn.execute(select(VocabularyTerm.vocabulary, VocabularyTerm.key)):
            self.vocab.setdefault(vocabulary, set()).add(key)

    def _vocabularies(self) -> None:
        for vocabulary, terms in (self.doc.get("vocabularies") or {}).items():
            known = self.vocab.setdefault(vocabulary, set())
            seen: set[str] = set()
            for index, term in enumerate(terms):
                label = f"vocabularies.{vocabulary}[{index}]"
                if term["key"] in seen:
                    self.problem(label, "key", translate("Interchange", "defined twice"))
                seen.add(term["key"])
                if term["key"] in known:
                    continue  # the case's own term wins
                known.add(term["key"])
                self.vocabulary_rows.append({
                    "vocabulary": vocabulary, "key": term["key"], "label_en": term["en"],
                    "label_es": term.get("es") or term["en"], "description_en": term.get("description_en", ""),
                    "description_es": term.get("description_es", ""), "position": term.get("position", index),
                    "builtin": term.get("builtin", False), "inverse_en": term.get("inverse_en", ""),
                    "inverse_es": term.get("inverse_es", "")})

    def _identities(self) -> None:
        """Give every record in the file its id and code; refuse duplicates
        and collisions before anything refers to them."""
        file_codes: dict[str, tuple] = {}  # code -> label of the record that has it
        missing: dict[str, list[dict]] = {}
        for table, section in SECTION_OF.items():
            for index, entry in enumerate(self.doc.get(section) or ()):
                label = (section, index, entry)
                uuid = entry["uuid"]
                if uuid in self.ids:
                    where = (translate("Interchange", "already in this file") if uuid in self.planned
                             else translate("Interchange", "already in this case"))
                    self.problem(label, "uuid", where)
                    continue
                self.ids[uuid] = (table, self.next_id[table])
                self.planned.add(uuid)
                entry["_id"] = self.next_id[table]
                self.next_id[table] += 1
                if table not in PREFIX:
                    continue
                code = entry.get("code")
                if code is None:
                    missing.setdefault(table, []).append(entry)
                    continue
                if not code.startswith(PREFIX[table] + "-"):
                    self.problem(label, "code", translate("Interchange", "must start with {prefix}-").format(
                        prefix=PREFIX[table]))
                elif code in self.case_codes:
                    self.problem(label, "code", translate("Interchange", "already in this case"))
                elif code in file_codes:
                    self.problem(label, "code", translate("Interchange", "already used by {other}").format(
                        other=record_label(*file_codes[code])))
                else:
                    file_codes[code] = label
                    number = int(code.partition("-")[2])
                    self.max_code[PREFIX[table]] = max(self.max_code.get(PREFIX[table], 0), number)
        for table, entries in missing.items():  # new codes after every code in use
            prefix = PREFIX[table]
            number = max(self.counters.get(prefix, 1), self.max_code.get(prefix, 0) + 1)
            for entry in entries:
                while f"{prefix}-{number:04d}" in self.case_codes:  # a code set by hand, past the counter
                    number += 1
                entry["code"] = f"{prefix}-{number:04d}"
                number += 1
            self.max_code[prefix] = number - 1

    # -- helpers ----------------------------------------------------------------

    def ref(self, label: Label, field: str, uuid, *tables: str) -> tuple[str, int] | None:
        """Resolve a UUID to (table, id) of one of ``tables``; None if null."""
        if uuid is None:
            return None
        found = self.ids.get(uuid)
        if found is None or found[0] not in tables:
            what = translate("Interchange", " or ").join(tables)
            self.problem(label, field, translate("Interchange", "no {what} with this UUID in the file or the case").format(
                what=what))
            return None
        return found

    def ref_id(self, label, field, uuid, table) -> int | None:
        found = self.ref(label, field, uuid, table)
        return found[1] if found else None

    def term(self, label: Label, field: str, vocabulary: str, value: str, *, empty_ok: bool = False) -> str:
        if (empty_ok and value == "") or value in self.vocab.get(vocabulary, ()):
            return value
        self.problem(label, field, translate("Interchange", "\"{value}\" is not a term of {vocabulary}").format(
            value=value, vocabulary=vocabulary))
        return value

    def date(self, label: Label, field: str, value) -> PartialDate | None:
        # Cached: a large file repeats the same dates many times.
        if value not in self._dates:
            try:
                self._dates[value] = PartialDate.from_iso(value)
            except InvalidInput as e:
                self._dates[value] = str(e)
        found = self._dates[value]
        if isinstance(found, str):
            self.problem(label, field, found)
            return None
        return found

    def time(self, label: Label, field: str, value) -> datetime | None:
        if value is None:
            return None
        if value not in self._times:
            try:
                self._times[value] = datetime.fromisoformat(value).astimezone(UTC)
            except OverflowError:  # 9999-12-31T23:59:59-05:00 is past the last representable time in UTC
                self._times[value] = _OUT_OF_RANGE
            except ValueError:
                self._times[value] = _OUT_OF_RANGE if value.startswith("0000") else _NOT_A_TIME
        found = self._times[value]
        if found is _OUT_OF_RANGE:
            self.problem(label, field, translate(
                "Interchange", "outside the times Casefile can store (years 0001 to 9999, in UTC)"))
            return None
        if found is _NOT_A_TIME:
            self.problem(label, field, translate("Interchange", "not a time"))
            return None
        return found

    def stamps(self, label: Label, entry: dict) -> dict:
        return {"created_at": self.time(label, "created_at", entry.get("created_at")) or self.now,
                "updated_at": self.time(label, "updated_at", entry.get("updated_at")) or self.now}

    def identity(self, table: str, entry: dict, label: Label) -> dict:
        row = {"id": entry["_id"], "uuid": entry["uuid"], **self.stamps(label, entry)}
        if table in PREFIX:  # a record (not an assessment): its code, and its caveats for the reader
            row["code"] = entry["code"]
            row["caveats"] = entry.get("caveats", "")
        self.new_ids[table].append(entry["_id"])
        return row

    def entries(self, section: str):
        """A section's entries with their labels. With a sink, every BATCH
        entries their record rows go to it and the entries are let go; at the
        end of the section, its links follow."""
        items = self.doc.get(section) or []
        table = TABLE_OF.get(section)
        for index, entry in enumerate(items):
            if self.sink is not None and index and index % BATCH == 0:
                if table is not None:
                    self._hand_over(table, self.rows[table])
                items[index - BATCH:index] = [None] * BATCH
            yield (section, index, entry), entry
        if self.sink is not None:
            if table is not None:
                self._hand_over(table, self.rows[table])
            for link_table in SECTION_LINKS.get(section, ()):
                self._hand_over(link_table, self.links[link_table])
            self.doc[section] = None
            if not self.problems:
                self.sink.section_done(section, self)

    def _hand_over(self, table: str, rows: list[dict]) -> None:
        """Give the rows to the sink (none once there is a problem) and empty the list."""
        if self.sink is None:
            return
        if rows and not self.problems:
            self.sink.insert(table, rows)
            self.handed[table] = self.handed.get(table, 0) + len(rows)
        rows.clear()

    def count(self, table: str) -> int:
        """Rows planned for a table: handed to the sink, or still held."""
        held = self.vocabulary_rows if table == "vocabulary_term" else (self.rows.get(table) or self.links.get(table))
        return self.handed.get(table, 0) + len(held or ())

    # -- the records --------------------------------------------------------------

    def _places(self) -> None:
        for label, e in self.entries("places"):
            row = self.identity("place", e, label)
            row.update(name=e["name"], municipality=e.get("municipality", ""), state=e.get("state", ""),
                       country=e.get("country", ""), latitude=e.get("latitude"), longitude=e.get("longitude"),
                       precision=self.term(label, "precision", "place_precision", e.get("precision", "unknown")),
                       description=e.get("description", ""))
            self.rows["place"].append(row)

    def _actors(self) -> None:
        for label, e in self.entries("actors"):
            row = self.identity("actor", e, label)
            protected, pseudonym = e.get("protected", False), e.get("pseudonym", "")
            if protected and not pseudonym.strip():
                self.problem(label, "pseudonym", translate("Interchange", "a protected actor needs a pseudonym"))
            row.update(name=e["name"], category=self.term(label, "category", "actor_category", e.get("category", "group")),
                       actor_type=self.term(label, "actor_type", "actor_type", e.get("actor_type", ""), empty_ok=True),
                       aliases=e.get("aliases", ""), description=e.get("description", ""), protected=protected,
                       pseudonym=pseudonym, contact=e.get("contact", ""))
            self.rows["actor"].append(row)
            seen = set()
            for i, rel in enumerate(e.get("relations", ())):
                field = f"relations[{i}]"
                other = self.ref_id(label, field + ".other", rel["other"], "actor")
                relation = self.term(label, field + ".relation", "actor_relation", rel["relation"])
                if other == row["id"]:
                    self.problem(label, field + ".other", translate("Interchange", "an actor cannot relate to itself"))
                elif (other, relation) in seen:
                    self.problem(label, field, translate("Interchange", "listed twice"))
                elif other is not None:
                    seen.add((other, relation))
                    self.links["actor_relation"].append({"actor_id": row["id"], "other_id": other, "relation": relation})

    def _incidents(self) -> None:
        for label, e in self.entries("incidents"):
            row = self.identity("incident", e, label)
            start = self.date(label, "start_date", e.get("start_date"))
            end = self.date(label, "end_date", e.get("end_date"))
            if start and end and end.last_day() < start.first_day():
                self.problem(label, "end_date", translate("Interchange", "before start_date"))
            row.update(title=e["title"], description=e.get("description", ""),
                       start_date=e.get("start_date"), end_date=e.get("end_date"),
                       start_qualifier=self.term(label, "start_qualifier", "date_qualifier",
                                                 e.get("start_qualifier", "exact")),
                       end_qualifier=self.term(label, "end_qualifier", "date_qualifier", e.get("end_qualifier", "exact")),
                       place_id=self.ref_id(label, "place", e.get("place"), "place"),
                       incident_type=self.term(label, "incident_type", "incident_type", e.get("incident_type", ""),
                                               empty_ok=True),
                       violation_status=self.term(label, "violation_status", "violation_status",
                                                  e.get("violation_status", "unknown")),
                       fatalities=e.get("fatalities"), confidential=e.get("confidential", False),
                       notes=e.get("notes", ""))
            self.rows["incident"].append(row)
            iid = row["id"]
            tags = e.get("tags", ())
            if len(set(tags)) != len(tags):
                self.problem(label, "tags", translate("Interchange", "a tag is listed twice"))
            self.links["incident_tag"].extend({"incident_id": iid, "tag": t} for t in set(tags))
            seen = set()
            for i, inv in enumerate(e.get("involvements", ())):
                field = f"involvements[{i}]"
                actor = self.ref_id(label, field + ".actor", inv["actor"], "actor")
                role = self.term(label, field + ".role", "role", inv["role"])
                if (actor, role) in seen:
                    self.problem(label, field, translate("Interchange", "the same actor and role are listed twice"))
                seen.add((actor, role))
                self.links["involvement"].append({
                    "incident_id": iid, "actor_id": actor, "role": role,
                    "degree": self.term(label, field + ".degree", "degree", inv.get("degree", ""), empty_ok=True),
                    "head_count": inv.get("head_count"),
                    "head_count_approximate": inv.get("head_count_approximate", False), "note": inv.get("note", "")})
            seen = set()
            for i, link in enumerate(e.get("links", ())):
                field = f"links[{i}]"
                other = self.ref_id(label, field + ".to", link["to"], "incident")
                relation = self.term(label, field + ".relation", "incident_relation", link["relation"])
                if other == iid:
                    self.problem(label, field + ".to", translate("Interchange", "an incident cannot link to itself"))
                elif (other, relation) in seen:
                    self.problem(label, field, translate("Interchange", "listed twice"))
                seen.add((other, relation))
                self.links["incident_link"].append({"from_id": iid, "to_id": other, "relation": relation})

    def _sources(self) -> None:
        for label, e in self.entries("sources"):
            row = self.identity("source", e, label)
            self.date(label, "published", e.get("published"))
            self.date(label, "accessed", e.get("accessed"))
            confidential, pseudonym = e.get("confidential", False), e.get("pseudonym", "")
            if confidential and not pseudonym.strip():
                self.problem(label, "pseudonym", translate("Interchange", "a confidential source needs a pseudonym"))
            self._ordered_links(label, "cites", e.get("cites", ()), "source_citation",
                                {"source_id": row["id"]}, "cited_id", itself=row["id"])
            row.update(title=e["title"], source_kind=self.term(label, "source_kind", "source_kind",
                                                               e.get("source_kind", "news_article")),
                       outlet=e.get("outlet", ""), author=e.get("author", ""), published=e.get("published"),
                       url=e.get("url", ""), language=e.get("language", ""), accessed=e.get("accessed"),
                       reliability=e.get("reliability", "F"), reliability_reason=e.get("reliability_reason", ""),
                       confidential=confidential, pseudonym=pseudonym,
                       contact=e.get("contact", ""), text=e.get("text", ""), notes=e.get("notes", ""),
                       **self.consent(label, e))
            self.rows["source"].append(row)

    def consent(self, label: Label, e: dict) -> dict:
        """A source's or evidence item's consent, checked (empty: not recorded)."""
        for field in ("consent_not_before", "consent_given"):
            self.date(label, field, e.get(field))
        return {"consent": self.term(label, "consent", "consent", e.get("consent", ""), empty_ok=True),
                "consent_to": e.get("consent_to", ""), "consent_not_to": e.get("consent_not_to", ""),
                "consent_not_before": e.get("consent_not_before"), "consent_given": e.get("consent_given"),
                "consent_recorded_by": e.get("consent_recorded_by", "")}

    def _ordered_links(self, label: str, field: str, entries, table: str, owner: dict, column: str,
                       itself: int | None = None) -> None:
        """Citations of a source, relays of a claim: other sources, in order, each with a note."""
        seen = set()
        for i, entry in enumerate(entries):
            where = f"{field}[{i}]"
            other = self.ref_id(label, where + ".source", entry["source"], "source")
            if other is not None and other == itself:
                self.problem(label, where, translate("Interchange", "a source cannot cite itself"))
            elif other in seen:
                self.problem(label, where, translate("Interchange", "listed twice"))
            seen.add(other)
            self.links[table].append({**owner, column: other, "position": i, "note": entry.get("note", "")})

    def _claims(self) -> None:
        for label, e in self.entries("claims"):
            row = self.identity("claim", e, label)
            self.date(label, "claimed_on", e.get("claimed_on"))
            start, end = e.get("quote_start"), e.get("quote_end")
            if (start is None) != (end is None):
                self.problem(label, "quote_end", translate("Interchange", "give both quote_start and quote_end, or neither"))
            elif start is not None and end < start:
                self.problem(label, "quote_end", translate("Interchange", "before quote_start"))
            row.update(summary=e["summary"], quote=e.get("quote", ""), quote_start=start, quote_end=end,
                       quote_kind=self.term(label, "quote_kind", "quote_kind", e.get("quote_kind", ""), empty_ok=True),
                       translated_by=self.term(label, "translated_by", "translated_by", e.get("translated_by", ""),
                                               empty_ok=True),
                       claimant_id=self.ref_id(label, "claimant", e.get("claimant"), "actor"),
                       origin_id=self.ref_id(label, "origin", e.get("origin"), "source"),
                       origin_status=self.term(label, "origin_status", "origin_status", e.get("origin_status", ""),
                                               empty_ok=True),
                       chain_review=e.get("chain_review", False),
                       source_id=self.ref_id(label, "source", e.get("source"), "source"),
                       claimed_on=e.get("claimed_on"), credibility=e.get("credibility", 6),
                       credibility_reason=e.get("credibility_reason", ""),
                       status=self.term(label, "status", "claim_status", e.get("status", "unverified")),
                       stance=self.term(label, "stance", "stance", e.get("stance", "")), notes=e.get("notes", ""))
            self.rows["claim"].append(row)
            self._ordered_links(label, "relayed_by", e.get("relayed_by", ()), "claim_relay",
                                {"claim_id": row["id"]}, "source_id")
            seen = set()
            for i, subject in enumerate(e.get("subjects", ())):
                found = self.ref(label, f"subjects[{i}]", subject, "incident", "actor")
                if found in seen:
                    self.problem(label, f"subjects[{i}]", translate("Interchange", "listed twice"))
                elif found:
                    seen.add(found)
                    self.links["claim_subject"].append({
                        "claim_id": row["id"], "incident_id": found[1] if found[0] == "incident" else None,
                        "actor_id": found[1] if found[0] == "actor" else None})

    def _assessments(self) -> None:
        for label, e in self.entries("assessments"):
            row = {"id": e["_id"], "uuid": e["uuid"]}
            self.new_ids["assessment"].append(e["_id"])
            claim = self.ref_id(label, "claim", e["claim"], "claim")
            by_source, by_claim = e.get("by_source"), e.get("by_claim")
            if (by_source is None) == (by_claim is None):
                self.problem(label, "by_source", translate("Interchange", "give exactly one of by_source and by_claim"))
            by_source = self.ref_id(label, "by_source", by_source, "source")
            by_claim = self.ref_id(label, "by_claim", by_claim, "claim")
            if by_claim is not None and by_claim == claim:
                self.problem(label, "by_claim", translate("Interchange", "a claim cannot assess itself"))
            row.update(claim_id=claim, by_source_id=by_source, by_claim_id=by_claim, relation=e["relation"],
                       note=e.get("note", ""))
            self.rows["assessment"].append(row)

    def _evidence(self) -> None:
        for label, e in self.entries("evidence"):
            row = self.identity("evidence", e, label)
            self.evidence_sha[e["uuid"]] = e["sha256"]
            derived = self.ref_id(label, "derived_from", e.get("derived_from"), "evidence")
            if derived == row["id"]:
                self.problem(label, "derived_from", translate("Interchange", "an item cannot derive from itself"))
            if derived is not None and e["derived_from"] in self.planned:
                self.self_refs["evidence"].append({"b_id": row["id"], "b_ref": derived, "b_updated": row["updated_at"]})
                derived = None
            extra = json.dumps(e.get("extra_metadata", {}), sort_keys=True, ensure_ascii=True)
            if len(extra) > EXTRA_METADATA_LIMIT:
                self.problem(label, "extra_metadata", translate("Interchange", "too long"))
            row.update({key: e.get(key, default) for key, default in EVIDENCE_DEFAULTS.items()})
            self.evidence_items.append((row["id"], row["code"], e["sha256"]))
            row.update(sha256=e["sha256"], size=e["size"], original_name=e["original_name"],
                       file_modified=self.time(label, "file_modified", e.get("file_modified")),
                       intake_at=self.time(label, "intake_at", e.get("intake_at")) or self.now,
                       derived_from_id=derived, extra_metadata=extra, **self.consent(label, e))
            self.rows["evidence"].append(row)
        self._derivation_cycles()

    def _derivation_cycles(self) -> None:
        parent = {p["b_id"]: p["b_ref"] for p in self.self_refs["evidence"]}
        code = {item_id: item_code for item_id, item_code, _ in self.evidence_items}
        for start in parent:
            seen, node = set(), start
            while node in parent:
                if node in seen:
                    self.problem(f"evidence ({code[start]})", "derived_from",
                                 translate("Interchange", "items derive from each other in a circle"))
                    return
                seen.add(node)
                node = parent[node]

    def _evidence_ref(self, label: Label, e: dict) -> int | None:
        found = self.ref_id(label, "evidence", e["evidence"], "evidence")
        if found is not None and self.evidence_sha.get(e["evidence"]) != e["evidence_sha256"]:
            self.problem(label, "evidence_sha256", translate("Interchange", "does not match the evidence item's SHA-256"))
        return found

    def _evidence_links(self) -> None:
        columns = {"incident": "incident_id", "claim": "claim_id", "source": "source_id", "actor": "actor_id"}
        for label, e in self.entries("evidence_links"):
            evidence = self._evidence_ref(label, e)
            target = self.ref(label, "target", e["target"], *columns)
            row = {"evidence_id": evidence, "relation": e["relation"], "note": e.get("note", ""),
                   **{c: None for c in columns.values()}}
            if target:
                row[columns[target[0]]] = target[1]
            self.links["evidence_link"].append(row)

    def _custody(self) -> None:
        """Custody arrives only with its evidence: history the file claims for
        an item this case already holds would rewrite that item's chain. Each
        event is marked as received in this file; its time is the file's claim."""
        for label, e in self.entries("custody"):
            if e["evidence"] not in self.planned:
                where = (translate("Interchange", "that evidence item is already in this case")
                         if e["evidence"] in self.ids else translate("Interchange", "that evidence item is not in the file"))
                self.problem(label, "evidence", translate(
                    "Interchange", "custody can only be imported with its evidence item; {where}").format(where=where))
                continue
            evidence = self._evidence_ref(label, e)
            self.links["custody_event"].append({
                "evidence_id": evidence, "at": self.time(label, "at", e["at"]), "who": e.get("who", ""),
                "action": self.term(label, "action", "custody_action", e["action"]),
                "sha256_observed": e.get("sha256_observed", ""),
                "details": custody.received(self.file_name, self.file_digest, e.get("details", ""))})


EVIDENCE_DEFAULTS = {
    "title": "", "media_type": "application/octet-stream", "intake_by": "", "obtained_how": "", "origin": "",
    "note": "", "confidential": False, "withdrawn": False, "captured_at": None, "latitude": None,
    "longitude": None, "camera_make": "", "camera_model": "", "width": None, "height": None, "duration": None,
    "document_title": "", "document_author": "", "document_created": "", "document_modified": "",
    "collected_by": "", "collection_tool": "", "preservation": "", "shows_faces": False,
}
