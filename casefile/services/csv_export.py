"""Export a case as CSV: one file per record kind, for spreadsheets.

UTF-8 with a byte-order mark, so spreadsheet programs read Spanish correctly.
Vocabulary values are written as labels in the chosen language; references
as record codes. Cells that a spreadsheet would run as a formula (``=``,
``+``, ``-``, ``@`` first) are prefixed with ``'``.

Profiles ``partner`` and ``public`` follow ``redaction.Redactor``, the same
rules as the PDF dossier: withheld records (and the places, actors and tags
only they use) are left out, protected people and confidential sources
appear under their pseudonyms, contacts are dropped, every free-text cell
(names of places, tags, URLs included) goes through the redaction engine;
evidence loses its GPS position, camera and original file name, and working
notes stay with the team.
"""

from __future__ import annotations

import csv
import io
import os
from collections import defaultdict

from sqlalchemy import select

from ..model import (
    Actor,
    ActorRelation,
    Assessment,
    Claim,
    ClaimRelay,
    ClaimSubject,
    Evidence,
    Incident,
    IncidentTag,
    Involvement,
    Place,
    Source,
    SourceCitation,
    VocabularyTerm,
)
from ..store import Case, outputs
from .interchange.export import stamp
from .redaction import Redactor, check_profile  # the profile rules shared with the PDF dossier

FILES = ("incidents.csv", "actors.csv", "places.csv", "sources.csv", "claims.csv", "evidence.csv",
         "involvements.csv", "assessments.csv")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def export_csv(case: Case, folder: str | os.PathLike, *, profile: str = "full",
               lang: str = "en", force: bool = False) -> dict[str, int]:
    """Write the CSV files into ``folder`` (made if missing); return rows per file
    and, under ``withheld``, how many records the profile left out. Existing
    files in it are replaced only with ``force`` (``store.outputs``)."""
    check_profile(profile)
    # Refuse a bad folder or file before the work, and write nothing then.
    outputs.check_output_folder(folder, FILES, force=force, open_cases=(case.path,))
    with case.Session() as session:
        redactor = Redactor(session, profile)
        tables = _Tables(session, redactor, lang).build()
        withheld = sum(tables.redactor.counts().get(k, 0)
                       for k in ("incident", "source", "claim", "evidence", "place", "actor"))
    counts, files = {}, {}
    for name, (header, rows) in tables.files.items():
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows([cell(v) for v in row] for row in rows)
        files[name] = buffer.getvalue().encode("utf-8-sig")
        counts[name] = len(rows)
    outputs.write_folder(folder, files, force=force, open_cases=(case.path,))
    counts["withheld"] = withheld
    return counts


class _Tables:
    def __init__(self, session, redactor: Redactor, lang: str):
        self.s = session
        self.redactor = redactor
        self.files: dict[str, tuple[list[str], list[list]]] = {}
        self.labels: dict[tuple[str, str], str] = {}
        for t in session.scalars(select(VocabularyTerm)):
            self.labels[(t.vocabulary, t.key)] = t.label(lang)
        self.codes: dict[str, dict[int, str]] = {}
        for cls in (Place, Actor, Incident, Source, Claim, Evidence):
            self.codes[cls.kind] = dict(session.execute(select(cls.id, cls.code)).all())

    def label(self, vocabulary: str, key: str | None) -> str:
        return self.labels.get((vocabulary, key or ""), key or "")

    def code(self, kind: str, ident: int | None) -> str:
        return self.codes[kind].get(ident, "") if ident is not None else ""

    def build(self) -> _Tables:
        self.actors = {a.id: a for a in self.s.execute(select(
            Actor.id, Actor.code, Actor.uuid, Actor.name, Actor.category, Actor.actor_type, Actor.aliases,
            Actor.description, Actor.protected, Actor.pseudonym, Actor.contact, Actor.caveats))}
        self.sources = {s.id: s for s in self.s.execute(select(Source).order_by(Source.id)).scalars()}
        self.incidents()
        self.actors_file()
        self.places()
        self.sources_file()
        self.claims()
        self.evidence()
        self.assessments()
        return self

    def add(self, name: str, header: list[str], rows: list[list]) -> None:
        rows.sort(key=lambda r: _code_key(r[0]))
        self.files[name] = (header, rows)

    def notes(self, text: str) -> str:
        return self.redactor.scrub(text) if self.redactor.shows_notes else ""

    def incidents(self) -> None:
        r = self.redactor
        tags = defaultdict(list)
        for incident_id, tag in self.s.execute(select(IncidentTag.incident_id, IncidentTag.tag)):
            tags[incident_id].append(tag)
        places = {i: r.scrub(name) for i, name in self.s.execute(select(Place.id, Place.name))}
        rows = []
        for i in self.s.scalars(select(Incident)):
            if r.withheld(i.id, "incident"):
                continue
            rows.append([i.code, r.scrub(i.title), r.scrub(i.description), i.start_date,
                         self.label("date_qualifier", i.start_qualifier), i.end_date,
                         self.label("date_qualifier", i.end_qualifier), self.code("place", i.place_id),
                         places.get(i.place_id, ""), self.label("incident_type", i.incident_type),
                         self.label("violation_status", i.violation_status), i.fatalities, i.confidential,
                         "; ".join(sorted(r.scrub(t) for t in tags[i.id] if not r.tag_withheld(t))),
                         r.scrub(i.caveats), self.notes(i.notes), stamp(i.created_at),
                         stamp(i.updated_at), i.uuid])
        self.add("incidents.csv", ["code", "title", "description", "start_date", "start_qualifier", "end_date",
                                   "end_qualifier", "place", "place_name", "incident_type", "violation_status",
                                   "fatalities", "confidential", "tags", "caveats", "notes", "created_at", "updated_at",
                                   "uuid"],
                 rows)
        rows = []
        for v in self.s.scalars(select(Involvement)):
            if r.withheld(v.incident_id, "incident"):
                continue
            actor = self.actors[v.actor_id]
            rows.append([self.code("incident", v.incident_id), actor.code, r.actor_name(actor),
                         self.label("role", v.role), self.label("degree", v.degree), v.head_count,
                         v.head_count_approximate, r.actor_detail(actor, v.note)])
        self.add("involvements.csv", ["incident", "actor", "actor_name", "role", "degree", "head_count",
                                      "head_count_approximate", "note"], rows)

    def actors_file(self) -> None:
        r = self.redactor
        relations = defaultdict(list)
        for a_id, other, relation in self.s.execute(select(
                ActorRelation.actor_id, ActorRelation.other_id, ActorRelation.relation)):
            if not r.withheld(other, "actor"):
                relations[a_id].append(f"{self.label('actor_relation', relation)} {self.code('actor', other)}")
        rows = []
        for a in self.actors.values():
            if r.withheld(a.id, "actor"):  # named only by withheld records
                continue
            rows.append([a.code, r.actor_name(a), self.label("actor_category", a.category),
                         self.label("actor_type", a.actor_type), r.actor_detail(a, a.aliases),
                         r.actor_detail(a, a.description), a.protected, a.pseudonym, r.contact(a),
                         "; ".join(sorted(relations[a.id])), r.actor_detail(a, a.caveats), a.uuid])
        self.add("actors.csv", ["code", "name", "category", "actor_type", "aliases", "description", "protected",
                                "pseudonym", "contact", "relations", "caveats", "uuid"], rows)

    def places(self) -> None:
        r = self.redactor
        rows = [[p.code, r.scrub(p.name), r.scrub(p.municipality), r.scrub(p.state), r.scrub(p.country),
                 p.latitude, p.longitude, self.label("place_precision", p.precision), r.scrub(p.description),
                 r.scrub(p.caveats), p.uuid]
                for p in self.s.scalars(select(Place)) if not r.withheld(p.id, "place")]
        self.add("places.csv", ["code", "name", "municipality", "state", "country", "latitude", "longitude",
                                "precision", "description", "caveats", "uuid"], rows)

    def sources_file(self) -> None:
        r = self.redactor
        citations = defaultdict(list)
        for source_id, cited_id in self.s.execute(select(SourceCitation.source_id, SourceCitation.cited_id)
                                                  .order_by(SourceCitation.position, SourceCitation.id)):
            citations[source_id].append(cited_id)
        rows = []
        for s in self.sources.values():
            if r.withheld(s.id, "source"):
                continue
            rows.append([s.code, r.source_title(s), self.label("source_kind", s.source_kind), r.scrub(s.outlet),
                         r.scrub(s.author), s.published, r.scrub(s.url), s.language, s.accessed,
                         self.label("reliability", s.reliability), r.scrub(s.reliability_reason), s.confidential, s.pseudonym, r.contact(s),
                         "; ".join(self.sources[i].code for i in citations[s.id]
                                   if i in self.sources and not r.withheld(i, "source")),
                         r.scrub(s.caveats), self.notes(s.notes), s.uuid])
        self.add("sources.csv", ["code", "title", "source_kind", "outlet", "author", "published", "url", "language",
                                 "accessed", "reliability", "reliability_reason", "confidential", "pseudonym", "contact",
                                 "cites", "caveats", "notes", "uuid"], rows)

    def claims(self) -> None:
        r = self.redactor
        subjects = defaultdict(list)
        for claim_id, incident_id, actor_id in self.s.execute(select(
                ClaimSubject.claim_id, ClaimSubject.incident_id, ClaimSubject.actor_id)):
            if incident_id is not None and not r.withheld(incident_id, "incident"):
                subjects[claim_id].append(self.code("incident", incident_id))
            elif actor_id is not None and not r.withheld(actor_id, "actor"):
                subjects[claim_id].append(self.code("actor", actor_id))
        relays = defaultdict(list)
        for claim_id, source_id in self.s.execute(select(ClaimRelay.claim_id, ClaimRelay.source_id)
                                                  .order_by(ClaimRelay.position, ClaimRelay.id)):
            relays[claim_id].append(source_id)

        def ref(source) -> str:  # a source's code, unless sharing it would reveal a confidential one
            return source.code if source is not None and (r.full or not source.confidential) else ""

        rows = []
        for c in self.s.scalars(select(Claim)):
            if r.withheld(c.id, "claim"):
                continue
            claimant = self.actors.get(c.claimant_id)
            source = self.sources.get(c.source_id)
            rows.append([c.code, r.scrub(c.summary), r.scrub(c.quote), self.label("quote_kind", c.quote_kind),
                         self.label("translated_by", c.translated_by), claimant.code if claimant else "",
                         r.actor_name(claimant), self.label("origin_status", c.origin_status),
                         ref(self.sources.get(c.origin_id)),
                         " > ".join(filter(None, (ref(self.sources.get(i)) for i in relays[c.id]))),
                         ref(source), r.source_title(source), c.chain_review, c.claimed_on,
                         self.label("credibility", str(c.credibility)), r.scrub(c.credibility_reason),
                         self.label("claim_status", c.status), self.label("stance", c.stance),
                         "; ".join(sorted(subjects[c.id])), r.scrub(c.caveats), self.notes(c.notes), c.uuid])
        self.add("claims.csv", ["code", "summary", "quote", "quote_kind", "translated_by", "claimant", "claimant_name",
                                "first_said", "origin", "relayed_by", "source", "source_title", "chain_review",
                                "claimed_on", "credibility", "credibility_reason", "status", "stance", "subjects",
                                "caveats", "notes", "uuid"], rows)

    def evidence(self) -> None:
        r = self.redactor
        capture = r.shows_capture  # GPS, camera and device only in full
        rows = []
        for e in self.s.scalars(select(Evidence)):
            if r.withheld(e.id, "evidence"):
                continue
            rows.append([e.code, r.evidence_title(e), r.evidence_name(e), e.sha256, e.size,
                         e.media_type, stamp(e.intake_at), r.scrub(e.intake_by) if r.shows_handlers else "",
                         r.scrub(e.obtained_how), r.scrub(e.origin),
                         r.scrub(e.collected_by) if r.shows_handlers else "", r.scrub(e.collection_tool),
                         r.scrub(e.preservation), r.scrub(e.captured_at),
                         e.latitude if capture else None, e.longitude if capture else None,
                         " ".join(x for x in (e.camera_make, e.camera_model) if x) if capture else "",
                         self.code("evidence", e.derived_from_id), e.withdrawn, e.confidential, e.shows_faces,
                         r.scrub(e.caveats), r.scrub(e.note), e.uuid])
        self.add("evidence.csv", ["code", "title", "original_name", "sha256", "size", "media_type", "intake_at",
                                  "intake_by", "obtained_how", "origin", "collected_by", "collection_tool",
                                  "preservation", "captured_at", "latitude", "longitude", "camera", "derived_from",
                                  "withdrawn", "confidential", "shows_faces", "caveats", "note", "uuid"], rows)

    def assessments(self) -> None:
        r = self.redactor
        rows = []
        for a in self.s.scalars(select(Assessment)):
            if r.withheld(a.claim_id, "claim"):
                continue
            if a.by_claim_id is not None:
                if r.withheld(a.by_claim_id, "claim"):
                    continue
                by = self.code("claim", a.by_claim_id)
            else:
                if r.withheld(a.by_source_id, "source"):
                    continue
                by = self.code("source", a.by_source_id)
            rows.append([self.code("claim", a.claim_id), by, self.label("assessment_relation", a.relation),
                         r.scrub(a.note)])
        self.add("assessments.csv", ["claim", "by", "relation", "note"], rows)


def _code_key(code) -> tuple:
    prefix, _, number = str(code).partition("-")
    return (prefix, int(number) if number.isdigit() else 0, str(code))
