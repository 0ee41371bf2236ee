"""What goes into a dossier: the records in scope, loaded in a few queries
and turned into display-ready views with the profile already applied.

Only this module reads the case, and everything it hands to the story is
already redacted (pseudonyms, withheld records left out, free text scrubbed),
so the layout code cannot leak by forgetting a rule.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import Executable

from ..errors import InvalidInput
from ..i18n import translate
from ..model import (
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
    PartialDate,
    Place,
    Source,
    SourceCitation,
    VocabularyTerm,
)
from ..services.interchange.export import code_key
from ..services.redaction import Redactor
from ..store.batches import batched
from .chronology import Dated, order, period
from .evidence_items import evidence_views
from .findings import FindingsBuilder
from .labels import Labels
from .methodology import DEFINED, definitions
from .views import (
    ActorRow,
    ActorView,
    ClaimView,
    DossierData,
    IncidentView,
    PlaceView,
    Provenance,
    Scope,
    SourceView,
)


def _rows(session: Session, stmt_for: Callable[[list[int]], Executable], ids: Iterable[int]) -> list:
    out: list = []
    for chunk in batched(ids):
        out.extend(session.execute(stmt_for(chunk)).all())
    return out


def _objects(session: Session, stmt_for: Callable[[list[int]], Executable], ids: Iterable[int]) -> list:
    out: list = []
    for chunk in batched(ids):
        out.extend(session.scalars(stmt_for(chunk)).all())
    return out


def _span(start: str | None, end: str | None) -> tuple[date, date] | None:
    try:
        first = PartialDate.from_iso(start)
        last = PartialDate.from_iso(end)
    except InvalidInput:
        return None
    if first is None:
        return None
    return first.first_day(), (last or first).last_day()


class Vocab:
    """Vocabulary labels in the dossier's language, from the case's own terms."""

    def __init__(self, session: Session, lang: str):
        self.terms: dict[str, list[VocabularyTerm]] = defaultdict(list)
        self.labels: dict[tuple[str, str], str] = {}
        self.inverses: dict[tuple[str, str], str] = {}  # a relation read from its other end
        for term in session.scalars(select(VocabularyTerm).order_by(VocabularyTerm.vocabulary,
                                                                     VocabularyTerm.position)):
            self.terms[term.vocabulary].append(term)
            self.labels[(term.vocabulary, term.key)] = term.label(lang)
            self.inverses[(term.vocabulary, term.key)] = term.inverse(lang)
        self.lang = lang

    def __call__(self, vocabulary: str, key) -> str:
        key = "" if key is None else str(key)
        return self.labels.get((vocabulary, key), key)

    def inverse(self, vocabulary: str, key: str) -> str:
        return self.inverses.get((vocabulary, key), key)

    def scale(self, vocabulary: str) -> list[tuple[str, str, str]]:
        es = self.lang.startswith("es")
        return [(t.key, t.label(self.lang), (t.description_es if es and t.description_es else t.description_en))
                for t in self.terms.get(vocabulary, [])]


class Loader:
    """Reads the records in scope and builds the redacted views."""

    def __init__(self, session: Session, redactor: Redactor, labels: Labels, scope: Scope):
        self.s = session
        self.r = redactor
        self.L = labels
        self.scope = scope
        self.vocab = Vocab(session, labels.lang)
        self.notes_hidden = 0

    # -- scope ------------------------------------------------------------------

    def incident_ids(self) -> list[int]:
        stmt = select(Incident.id, Incident.code, Incident.start_date, Incident.end_date)
        if self.scope.tag:
            stmt = stmt.join(IncidentTag, IncidentTag.incident_id == Incident.id).where(
                IncidentTag.tag == self.scope.tag)
        if self.scope.incidents:
            wanted = {code.strip().upper() for code in self.scope.incidents if code.strip()}
            stmt = stmt.where(Incident.code.in_(sorted(wanted)))
        rows = self.s.execute(stmt).all()
        if self.scope.incidents:
            missing = sorted(wanted - {row.code for row in rows})
            if missing:
                raise InvalidInput(translate("Dossier", "no such incident: {codes}").format(codes=", ".join(missing)))
        if self.scope.date_from or self.scope.date_to:
            low = PartialDate.from_iso(self.scope.date_from)
            high = PartialDate.from_iso(self.scope.date_to)
            low_day = low.first_day() if low else date.min
            high_day = high.last_day() if high else date.max
            kept = []
            for row in rows:
                span = _span(row.start_date, row.end_date)
                if span and span[0] <= high_day and span[1] >= low_day:
                    kept.append(row)
            rows = kept
        ids = [row.id for row in rows if not self.r.withheld(row.id, "incident")]
        if not ids and not self.scope.whole:
            raise InvalidInput(translate("Dossier", "no incident matches the chosen scope"))
        return ids

    # -- the whole load ------------------------------------------------------------

    def load(self, audit_head: str, organisation: str | None, made_on: date) -> DossierData:
        s, r, L, v = self.s, self.r, self.L, self.vocab
        info = s.scalars(select(CaseInfo)).first()
        ids = self.incident_ids()
        whole = self.scope.whole
        incidents = _objects(s, lambda c: select(Incident).where(Incident.id.in_(c)), ids)
        places = {p.id: p for p in _objects(
            s, lambda c: select(Place).where(Place.id.in_(c)), {i.place_id for i in incidents if i.place_id})}
        tags = defaultdict(list)
        for incident_id, tag in _rows(s, lambda c: select(IncidentTag.incident_id, IncidentTag.tag)
                                      .where(IncidentTag.incident_id.in_(c)), ids):
            tags[incident_id].append(tag)
        involvements = _rows(s, lambda c: select(Involvement).where(Involvement.incident_id.in_(c)), ids)
        involvements = [row[0] for row in involvements]

        # Claims about these incidents (all claims for the whole case).
        subjects = _rows(s, lambda c: select(ClaimSubject.claim_id, ClaimSubject.incident_id)
                         .where(ClaimSubject.incident_id.in_(c)), ids)
        claim_ids = {cid for cid, _ in subjects}
        if whole:
            claim_ids = set(s.scalars(select(Claim.id)))
        claim_ids = {cid for cid in claim_ids if not r.withheld(cid, "claim")}
        claims = _objects(s, lambda c: select(Claim).where(Claim.id.in_(c)), claim_ids)
        all_subjects = _rows(s, lambda c: select(ClaimSubject.claim_id, ClaimSubject.incident_id,
                                                 ClaimSubject.actor_id).where(ClaimSubject.claim_id.in_(c)),
                             claim_ids)
        assessments = [row[0] for row in _rows(s, lambda c: select(Assessment).where(
            Assessment.claim_id.in_(c)), claim_ids)]

        # Actors: involved, claiming, or claimed about (all for the whole case).
        actor_ids = {i.actor_id for i in involvements} | {c.claimant_id for c in claims if c.claimant_id}
        actor_ids |= {a for _, _, a in all_subjects if a}
        if whole:
            actor_ids = set(s.scalars(select(Actor.id))) - (r.withheld_actors - actor_ids)
        actors = {a.id: a for a in _objects(s, lambda c: select(Actor).where(Actor.id.in_(c)), actor_ids)}

        # Sources: conveying or assessing a claim, what they cite, and who cites them.
        relays = defaultdict(list)  # each claim's own chain between its origin and the source read
        for (relay,) in _rows(s, lambda c: select(ClaimRelay).where(ClaimRelay.claim_id.in_(c))
                              .order_by(ClaimRelay.position, ClaimRelay.id), claim_ids):
            relays[relay.claim_id].append(relay.source_id)
        source_ids = {c.source_id for c in claims if c.source_id} | {a.by_source_id for a in assessments
                                                                     if a.by_source_id}
        source_ids |= {c.origin_id for c in claims if c.origin_id} | {i for chain in relays.values() for i in chain}
        if whole:
            source_ids = set(s.scalars(select(Source.id)))
        sources = self._sources_with_citations(source_ids)

        # Evidence linked to what is in scope; withdrawn items are not part of the case.
        links = [row[0] for row in _rows(s, lambda c: select(EvidenceLink).where(
            EvidenceLink.incident_id.in_(c)), ids)]
        links += [row[0] for row in _rows(s, lambda c: select(EvidenceLink).where(
            EvidenceLink.claim_id.in_(c)), claim_ids)]
        evidence_ids = {link.evidence_id for link in links}
        if whole:
            links = list(s.scalars(select(EvidenceLink)))
            evidence_ids = set(s.scalars(select(Evidence.id)))
        evidence = {e.id: e for e in _objects(s, lambda c: select(Evidence).where(
            Evidence.id.in_(c), ~Evidence.withdrawn), evidence_ids) if not r.withheld(e, "evidence")}
        custody = defaultdict(list)
        # In the order this case recorded them: a time claimed by an imported file never sorts first.
        for event in _objects(s, lambda c: select(CustodyEvent).where(CustodyEvent.evidence_id.in_(c))
                              .order_by(CustodyEvent.id), evidence):
            custody[event.evidence_id].append(event)
        derived_codes = dict(s.execute(select(Evidence.id, Evidence.code).where(
            Evidence.id.in_([e.derived_from_id for e in evidence.values() if e.derived_from_id] or [0]))).all())

        incident_views = self._incidents(incidents, places, tags, involvements, actors, subjects, claims,
                                         links, evidence)
        claim_views = self._claims(claims, all_subjects, assessments, actors, sources,
                                   {i.id: i for i in incidents}, relays)
        data = DossierData(
            title=r.scrub(info.title if info else ""),
            organisation=r.scrub(organisation if organisation is not None else (info.organisation if info else "")),
            description=r.scrub(info.description if info else ""),
            audit_head=audit_head, made_on=made_on, profile=r.profile, scope=r.scrub(self.scope.describe(L)),
            incidents=incident_views, claims=claim_views,
            actors=self._actors(actors, involvements, {i.id: i.code for i in incidents}),
            places=self._places(places.values() if not whole else self._whole_case_places(places)),
            sources=self._sources(sources, self._cited(claims, relays, assessments)),
            evidence=self._evidence(evidence, links, custody, derived_codes, incidents, claims, actors, sources),
            scales={name: v.scale(name) for name in ("reliability", "credibility", "claim_status",
                                                     "violation_status")},
            withheld={}, type_counts=[], status_counts=[], period="")
        types = Counter(i.type for i in incident_views if i.type)
        data.type_counts = types.most_common()
        data.status_counts = Counter(i.violation for i in incident_views).most_common()
        data.findings = FindingsBuilder(L, v, r).build(
            incidents, {view.id: view for view in incident_views}, involvements, actors, claims, subjects,
            assessments, relays, sources, {e.id: e.code for e in evidence.values()},
            collected=any(e.collected_by for e in evidence.values()))
        used = {"role": {i.role for i in involvements}, "degree": {i.degree for i in involvements if i.degree},
                "stance": {c.stance or "" for c in claims}}
        data.definitions = definitions(L.lang, {name: v.scale(name) for name, _ in DEFINED}, used)
        if r.profile == "full":  # who sent what names team members: kept within the team
            shown = {**{i.uuid: i.code for i in incidents}, **{c.uuid: c.code for c in claims},
                     **{a.uuid: a.code for a in actors.values()}, **{p.uuid: p.code for p in places.values()},
                     **{x.uuid: x.code for x in sources.values()}, **{e.uuid: e.code for e in evidence.values()}}
            data.provenance = self._provenance(shown)
        data.withheld = r.counts()
        if self.notes_hidden:
            data.withheld["notes"] = self.notes_hidden
        span = period(Dated(i.id, i.start_date, i.start_qualifier, i.code, i.end_date, i.end_qualifier)
                      for i in incidents)  # from dated incidents, each end as recorded ("about 2013")
        if span:
            first, last = L.date(span.start, span.start_qualifier), L.date(span.end, span.end_qualifier)
            data.period = first if first == last else L.until.format(start=first, end=last)
        return data

    def _provenance(self, shown: dict[str, str]) -> list[Provenance]:
        """Where each shown record came from: the first merge that created it here
        names the sender's key (``exchange.merge`` writes it into the history)."""
        names: dict[str, str] = dict(self.s.execute(text("SELECT fingerprint, name FROM exchange_peer")).all())
        first: dict[str, Provenance] = {}
        for uuid, at, sender in self.s.execute(text(
                "SELECT record_uuid, at, json_extract(changes, '$.from') FROM audit_entry "
                "WHERE action = 'merge' AND json_extract(changes, '$.action') = 'created' ORDER BY seq")):
            if uuid in shown and uuid not in first:
                day = str(at)[:10]
                first[uuid] = Provenance(shown[uuid], names.get(sender, "") or self.L.unnamed, str(sender or ""),
                                         self.L.date(day))
        return sorted(first.values(), key=lambda row: code_key(row.code))

    def _whole_case_places(self, shown: dict[int, Place]) -> list[Place]:
        """Every place, except (outside ``full``) those only withheld incidents use
        (the redactor's answer, the same in every output)."""
        return [p for p in self.s.scalars(select(Place).order_by(Place.code))
                if p.id in shown or not self.r.withheld(p.id, "place")]

    def _sources_with_citations(self, ids: set[int]) -> dict[int, Source]:
        """The sources, plus everything up their citation chains and every source citing them."""
        found: dict[int, Source] = {}
        self.citations: dict[int, list[tuple[int, str]]] = defaultdict(list)  # source: [(cited, note)]
        self.cited_by: dict[int, list[int]] = defaultdict(list)
        todo = set(ids)
        while todo:
            batch = _objects(self.s, lambda c: select(Source).where(Source.id.in_(c)), todo)
            found.update((src.id, src) for src in batch)
            cited = [row[0] for row in _rows(self.s, lambda c: select(SourceCitation).where(
                SourceCitation.source_id.in_(c)).order_by(SourceCitation.position, SourceCitation.id),
                {src.id for src in batch})]
            for c in cited:
                self.citations[c.source_id].append((c.cited_id, c.note))
            todo = {c.cited_id for c in cited if c.cited_id not in found}
        citing = [row[0] for row in _rows(self.s, lambda c: select(SourceCitation).where(
            SourceCitation.cited_id.in_(c)), set(found))]
        missing = {c.source_id for c in citing if c.source_id not in found}
        found.update((src.id, src) for src in _objects(self.s, lambda c: select(Source).where(Source.id.in_(c)),
                                                      missing))
        for c in citing:
            self.cited_by[c.cited_id].append(c.source_id)
        return found

    # -- views ---------------------------------------------------------------------

    def _note(self, text: str) -> str:
        if self.r.shows_notes:
            return text or ""
        if text:
            self.notes_hidden += 1
        return ""

    def _where(self, place: Place | None) -> tuple[str, str]:
        if place is None:
            return self.L.place_unknown, ""
        parts = [place.name, place.municipality, place.state, place.country]
        name = ", ".join(dict.fromkeys(self.r.scrub(p) for p in parts if p and p.strip()))
        precision = self.vocab("place_precision", place.precision)
        text = f"{name} ({self.L.precision.format(precision=precision.lower())})"
        return text, self.r.scrub(place.name)

    def _incidents(self, incidents, places, tags, involvements, actors, subjects, claims, links, evidence):
        r, L, v = self.r, self.L, self.vocab
        by_incident = defaultdict(list)
        for inv in involvements:
            by_incident[inv.incident_id].append(inv)
        claim_codes = {c.id: c.code for c in claims}
        claims_of = defaultdict(list)
        for claim_id, incident_id in subjects:
            if claim_id in claim_codes:
                claims_of[incident_id].append(claim_id)
        evidence_of = defaultdict(list)
        for link in links:
            if link.incident_id and link.evidence_id in evidence:
                evidence_of[link.incident_id].append((link.evidence_id, v("evidence_relation", link.relation)))
        in_scope = {i.id for i in incidents}
        link_rows = _rows(self.s, lambda c: select(IncidentLink.from_id, IncidentLink.to_id, IncidentLink.relation)
                          .where(IncidentLink.from_id.in_(c) | IncidentLink.to_id.in_(c)), in_scope)
        other_ids = {a for a, b, _ in link_rows} | {b for a, b, _ in link_rows}
        others = {row.id: row for row in _rows(self.s, lambda c: select(Incident.id, Incident.code, Incident.title)
                                                .where(Incident.id.in_(c)), other_ids)}
        link_text = defaultdict(list)
        for a, b, relation in dict.fromkeys(link_rows):
            label = v("incident_relation", relation)
            if a in in_scope and not r.withheld(b, "incident") and b in others:
                link_text[a].append(L.link_out.format(relation=label, code=others[b].code,
                                                      title=r.scrub(others[b].title)))
            if b in in_scope and not r.withheld(a, "incident") and a in others and a != b:
                link_text[b].append(L.link_out.format(relation=v.inverse("incident_relation", relation),
                                                      code=others[a].code, title=r.scrub(others[a].title)))
        views = []
        for inc in incidents:
            start = L.date(inc.start_date, inc.start_qualifier)
            when = start
            if inc.end_date and inc.end_date != inc.start_date:
                when = L.until.format(start=start, end=L.date(inc.end_date, inc.end_qualifier))
            where, place_name = self._where(places.get(inc.place_id))
            rows = []
            for inv in sorted(by_incident[inc.id], key=lambda i: (i.role, i.id)):
                actor = actors.get(inv.actor_id)
                count = ""
                if inv.head_count is not None:
                    count = L.about_n.format(n=inv.head_count) if inv.head_count_approximate else str(inv.head_count)
                # A protected person's note in an incident is one of their details.
                rows.append(ActorRow(f"{actor.code} {r.actor_name(actor)}" if actor else "", v("role", inv.role),
                                     v("degree", inv.degree), count, r.actor_detail(actor, inv.note)))
            views.append(IncidentView(
                id=inc.id, code=inc.code, title=r.scrub(inc.title), description=r.scrub(inc.description),
                notes=r.scrub(self._note(inc.notes)), when=when, sort_key=inc.start_date or "9999",
                where=where, place=place_name, type=v("incident_type", inc.incident_type),
                violation=v("violation_status", inc.violation_status),
                fatalities="" if inc.fatalities is None else str(inc.fatalities),
                tags=[r.scrub(t) for t in sorted(tags[inc.id]) if not r.tag_withheld(t)], links=link_text[inc.id],
                actors=rows,
                claims=sorted(set(claims_of[inc.id]), key=lambda c: claim_codes[c]),
                evidence=evidence_of[inc.id], type_key=inc.incident_type, violation_key=inc.violation_status,
                caveats=r.scrub(inc.caveats)))
        dated, undated = order([Dated(i.id, i.start_date, i.start_qualifier, i.code) for i in incidents], link_rows)
        position = {key: n for n, key in enumerate(dated + undated)}
        views.sort(key=lambda view: position[view.id])
        for view in views[len(dated):]:
            view.sort_key = ""  # undated: the chronology lists these apart
        return views

    def _claims(self, claims, subjects, assessments, actors, sources, incidents, relays):
        r, L, v = self.r, self.L, self.vocab
        codes = {c.id: c.code for c in claims}
        about = defaultdict(list)
        for claim_id, incident_id, actor_id in subjects:
            if incident_id and incident_id in incidents:
                about[claim_id].append(f"{incidents[incident_id].code} {r.scrub(incidents[incident_id].title)}")
            elif actor_id and actor_id in actors:
                about[claim_id].append(f"{actors[actor_id].code} {r.actor_name(actors[actor_id])}")
        assessed: defaultdict[int, defaultdict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for a in sorted(assessments, key=lambda a: a.id):
            if a.by_source_id is not None:
                src = sources.get(a.by_source_id)
                if src is None:
                    continue
                who = f"{src.code} {r.source_title(src)}" if not r.withheld(src) else r.source_title(src)
            else:
                if a.by_claim_id not in codes and r.withheld(a.by_claim_id, "claim"):
                    continue
                who = L.by_claim.format(code=codes.get(a.by_claim_id) or "")
            note = r.scrub(a.note)
            assessed[a.claim_id][v("assessment_relation", a.relation)].append(f"{who}: {note}" if note else who)
        views = {}
        for c in sorted(claims, key=lambda c: c.code):
            claimant = actors.get(c.claimant_id)
            source = sources.get(c.source_id)
            views[c.id] = ClaimView(
                id=c.id, code=c.code, summary=r.scrub(c.summary), quote=r.scrub(c.quote),
                quote_kind=self._quote_kind(c),
                claimant=r.actor_name(claimant) if claimant else "",
                source=self._source_ref(source), credibility=v("credibility", c.credibility),
                status=v("claim_status", c.status), stance=v("stance", c.stance) if c.stance else "",
                chain=self._chain(c, claimant, sources, relays.get(c.id, [])), chain_review=c.chain_review,
                subjects=about[c.id],
                assessments={k: list(vals) for k, vals in assessed[c.id].items()},
                claimed_on=self.L.date(c.claimed_on) if c.claimed_on else "", notes=r.scrub(self._note(c.notes)),
                caveats=r.scrub(c.caveats), credibility_reason=r.scrub(c.credibility_reason))
        return views

    def _source_ref(self, source: Source | None) -> str:
        if source is None:
            return ""
        if not self.r.full and source.confidential:
            return self.r.source_title(source)
        return f"{source.code} {self.r.source_title(source)}"

    def _chain(self, claim, claimant, sources, relays: list[int]) -> list[str]:
        """The claim's own chain: claimant -> where it was first said (or
        "original not located") -> the sources that relayed it, in order ->
        the source the documenter read. Never a source's citations."""
        L = self.L
        chain = [self.r.actor_name(claimant) if claimant else L.unknown_claimant]
        origin = sources.get(claim.origin_id)
        if claim.origin_status == "not_located":
            chain.append(L.origin_not_located.format(origin=self._source_ref(origin)) if origin is not None
                         else L.original_not_located)
        elif origin is not None and claim.origin_id != claim.source_id:
            chain.append(self._source_ref(origin))
        shown = {claim.origin_id}
        for source_id in relays:
            if source_id not in shown and source_id != claim.source_id and source_id in sources:
                chain.append(self._source_ref(sources[source_id]))
                shown.add(source_id)
        if claim.source_id in sources:
            chain.append(self._source_ref(sources[claim.source_id]))
        return chain

    def _quote_kind(self, claim) -> str:
        """Whose words the quote is, in words ("" when no quote or not said)."""
        if not claim.quote or not claim.quote_kind:
            return ""
        label = self.vocab("quote_kind", claim.quote_kind)
        if claim.quote_kind == "translation" and claim.translated_by:
            label = self.L.translated_by.format(kind=label, who=self.vocab("translated_by", claim.translated_by))
        return label

    def _actors(self, actors, involvements, incident_codes) -> list[ActorView]:
        r, L, v = self.r, self.L, self.vocab
        incidents_of = defaultdict(set)
        for inv in involvements:
            if inv.incident_id in incident_codes:
                incidents_of[inv.actor_id].add(incident_codes[inv.incident_id])
        relations = defaultdict(list)
        for rel in _objects(self.s, lambda c: select(ActorRelation).where(ActorRelation.actor_id.in_(c)), actors):
            other = actors.get(rel.other_id)
            if other is not None:
                relations[rel.actor_id].append(f"{v('actor_relation', rel.relation)}: {other.code} "
                                               f"{r.actor_name(other)}")
        views = []
        for a in sorted(actors.values(), key=lambda a: a.code):
            shielded = a.protected and not r.full
            views.append(ActorView(
                code=a.code, name=r.actor_name(a), category=v("actor_category", a.category),
                type=v("actor_type", a.actor_type) if a.actor_type else "",
                # scrubbed before the lines are joined: "Fic-\nticia" is one word to the engine
                aliases=", ".join(x.strip() for x in r.actor_detail(a, a.aliases).splitlines() if x.strip()),
                description=r.actor_detail(a, a.description), contact=r.contact(a),
                protected_note=L.protected.format(pseudonym=a.pseudonym) if a.protected and not shielded else "",
                incidents=sorted(incidents_of[a.id]), relations=relations[a.id],
                caveats=r.actor_detail(a, a.caveats)))
        return views

    def _places(self, places) -> list[PlaceView]:
        r = self.r
        views = []
        for p in sorted(places, key=lambda p: p.code):
            coords = "" if p.latitude is None or p.longitude is None else f"{p.latitude:.5f}, {p.longitude:.5f}"
            location = ", ".join(r.scrub(x) for x in (p.municipality, p.state, p.country) if x and x.strip())
            views.append(PlaceView(p.code, r.scrub(p.name), location, coords,
                                   self.vocab("place_precision", p.precision), r.scrub(p.description),
                                   r.scrub(p.caveats)))
        return views

    @staticmethod
    def _cited(claims, relays: dict[int, list[int]], assessments) -> set[int]:
        """Every source the dossier's claims name: read in, first said in, relayed by, assessed by."""
        shown = {c.id for c in claims}
        cited = {i for c in claims for i in (c.source_id, c.origin_id) if i is not None}
        cited |= {i for claim_id, chain in relays.items() if claim_id in shown for i in chain}
        cited |= {a.by_source_id for a in assessments if a.by_source_id is not None and a.claim_id in shown}
        return cited

    def _sources(self, sources: dict[int, Source], cited: set[int]) -> list[SourceView]:
        r, L, v = self.r, self.L, self.vocab
        missing = L.not_recorded
        views = []
        for src in sorted(sources.values(), key=lambda s: s.code):
            if r.withheld(src):
                r.contact(src)  # tally its contact too
                if src.id in cited:
                    # Cited under its pseudonym: listed under it with its kind, grade and caveats, nothing
                    # else (its title, outlet, address and the reason for its grade could point to the person).
                    views.append(SourceView(
                        code="", title=r.source_title(src), kind=v("source_kind", src.source_kind), outlet="",
                        author="", published="", accessed="", reliability=v("reliability", src.reliability),
                        url="", language="", cites=[], cited_by=[], contact="", confidential_note="", notes="",
                        caveats=r.scrub(src.caveats),  # for every reader, like any caveat
                        reliability_reason=L.hidden if src.reliability_reason else missing, pseudonymous=True))
                continue
            views.append(SourceView(
                code=src.code, title=r.source_title(src), kind=v("source_kind", src.source_kind),
                outlet=r.scrub(src.outlet), author=r.scrub(src.author) or missing,
                published=L.date(src.published) if src.published else "",
                accessed=L.date(src.accessed) if src.accessed else missing,
                reliability=v("reliability", src.reliability), url=r.scrub(src.url) or missing,
                language=src.language or "",
                cites=[self._source_ref(sources[i]) + (f" ({r.scrub(note)})" if note else "")
                       for i, note in self.citations.get(src.id, []) if i in sources and not r.withheld(sources[i])],
                cited_by=sorted(self._source_ref(sources[i]) for i in self.cited_by.get(src.id, [])
                                if i in sources and not r.withheld(sources[i])),
                contact=r.contact(src),
                confidential_note=L.confidential.format(pseudonym=src.pseudonym) if src.confidential else "",
                notes=r.scrub(self._note(src.notes)), caveats=r.scrub(src.caveats),
                reliability_reason=r.scrub(src.reliability_reason) or missing))
        return views

    def _evidence(self, evidence, links, custody, derived_codes, incidents, claims, actors, sources):
        r = self.r
        names = {("incident", i.id): f"{i.code} {r.scrub(i.title)}" for i in incidents}
        names.update({("claim", c.id): c.code for c in claims})
        names.update({("actor", a.id): f"{a.code} {r.actor_name(a)}" for a in actors.values()})
        names.update({("source", s.id): self._source_ref(s) for s in sources.values()})
        return evidence_views(r, self.L, self.vocab, evidence, links, custody, derived_codes, names, self._note)
