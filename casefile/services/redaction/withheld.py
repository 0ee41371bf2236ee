"""What a shared profile leaves out, computed once per export: the one answer
every output (PDF, CSV, JSON) asks.

Confidential reaches everything linked to it:

- incidents marked confidential; sources marked confidential;
- claims only about withheld incidents, and (``public``) claims resting only
  on confidential sources;
- evidence marked confidential, tied to a confidential source, depicting a
  protected person, or linked only to withheld records;
- places used only by withheld incidents (a safe house's coordinates);
- actors named only in withheld incidents and claims (an informant);
- tags used only by withheld incidents.

Consent reaches the same way: a source or evidence item whose consent does
not cover the output (``services/consent.py``) is withheld as a confidential
one is, and what rests on it follows.

A record that a shown record also uses stays (under a pseudonym if it is a
protected person).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import (
    Actor,
    Assessment,
    Claim,
    ClaimSubject,
    Evidence,
    EvidenceLink,
    Incident,
    IncidentTag,
    Involvement,
    Source,
)
from .. import consent  # a module: it imports the engine's name folding in turn


class Withheld:
    """The withheld and pseudonymised records of one case for one shared profile."""

    def __init__(self, session: Session, profile: str, recipient: str | None = None, today: date | None = None):
        s = self.session = session
        self.protected: dict[int, str] = {}  # actor id -> pseudonym
        self.confidential_sources: dict[int, str] = {}  # source id -> pseudonym
        for id_, pseudonym in s.execute(select(Actor.id, Actor.pseudonym).where(Actor.protected)):
            self.protected[id_] = pseudonym
        # sources and items whose consent does not cover this output, and why (``services/consent.py``):
        # read with the confidential sources, in one query per kind
        self.refused: dict[str, dict[int, str]] = {"source": {}, "evidence": {}}
        today = today or date.today()
        for row in s.execute(self._consent_of(Source, recipient, Source.pseudonym, Source.confidential)):
            why = consent.refusal(row, recipient, today)
            if why is not None:
                self.refused["source"][row.id] = why
            if row.confidential or why is not None:  # withheld as a confidential source is
                self.confidential_sources[row.id] = row.pseudonym
        self.confidential_evidence: set[int] = set()
        for row in s.execute(self._consent_of(Evidence, recipient, Evidence.confidential)):
            why = consent.refusal(row, recipient, today)
            if why is not None:
                self.refused["evidence"][row.id] = why
            if row.confidential or why is not None:
                self.confidential_evidence.add(row.id)
        self.incidents: set[int] = set(s.scalars(select(Incident.id).where(Incident.confidential)))
        self.claims = self._claims(profile)
        self.actors = self._actors()
        self.evidence = self._evidence()
        self.places = self._only_withheld(Incident.place_id)
        self.tags = self._tags()

    def _claims(self, profile: str) -> set[int]:
        s = self.session
        withheld: set[int] = set()
        about: dict[int, list[int]] = defaultdict(list)
        for claim_id, incident_id in s.execute(select(ClaimSubject.claim_id, ClaimSubject.incident_id)
                                               .where(ClaimSubject.incident_id.is_not(None))):
            if incident_id is not None:
                about[claim_id].append(incident_id)
        withheld.update(c for c, incidents in about.items() if all(i in self.incidents for i in incidents))
        if profile == "public" and self.confidential_sources:
            open_support = {c for c, src in s.execute(
                select(Assessment.claim_id, Assessment.by_source_id)
                .where(Assessment.relation == "supports", Assessment.by_source_id.is_not(None)))
                if src not in self.confidential_sources}
            withheld.update(c for (c,) in s.execute(select(Claim.id).where(
                Claim.source_id.in_(list(self.confidential_sources)))) if c not in open_support)
        return withheld

    def _actors(self) -> set[int]:
        """Actors that only withheld incidents and claims name."""
        s = self.session
        hidden: set[int] = set()
        shown: set[int] = set()
        for incident_id, actor_id in s.execute(select(Involvement.incident_id, Involvement.actor_id)):
            (hidden if incident_id in self.incidents else shown).add(actor_id)
        for claim_id, claimant in s.execute(select(Claim.id, Claim.claimant_id).where(Claim.claimant_id.is_not(None))):
            if claimant is not None:
                (hidden if claim_id in self.claims else shown).add(claimant)
        for claim_id, subject in s.execute(select(ClaimSubject.claim_id, ClaimSubject.actor_id)
                                           .where(ClaimSubject.actor_id.is_not(None))):
            if subject is not None:
                (hidden if claim_id in self.claims else shown).add(subject)
        return hidden - shown

    @staticmethod
    def _consent_of(model, recipient: str | None, *more):
        """A kind's rows that are confidential or whose consent may refuse this output."""
        query = select(model.id, model.consent, model.consent_to, model.consent_not_to, model.consent_not_before,
                       *more)
        if recipient is None:  # only what was recorded can refuse a report
            query = query.where(model.confidential | (model.consent != "") | model.consent_not_before.is_not(None))
        return query

    def _evidence(self) -> set[int]:
        s = self.session
        withheld = set(self.confidential_evidence)
        targets: dict[int, list[bool]] = defaultdict(list)
        for ev, inc, clm, src, act, relation in s.execute(select(
                EvidenceLink.evidence_id, EvidenceLink.incident_id, EvidenceLink.claim_id,
                EvidenceLink.source_id, EvidenceLink.actor_id, EvidenceLink.relation)):
            if src is not None and src in self.confidential_sources:
                withheld.add(ev)
            if act is not None and act in self.protected and relation == "depicts":
                withheld.add(ev)
            targets[ev].append(
                (inc is not None and inc in self.incidents) or (clm is not None and clm in self.claims)
                or (src is not None and src in self.confidential_sources)
                or (act is not None and act in self.actors))
        withheld.update(ev for ev, hidden in targets.items() if all(hidden))
        return withheld

    def _only_withheld(self, column) -> set[int]:
        """Values of an incident column (its place) used only by withheld incidents."""
        hidden: set[int] = set()
        shown: set[int] = set()
        for incident_id, value in self.session.execute(select(Incident.id, column).where(column.is_not(None))):
            (hidden if incident_id in self.incidents else shown).add(value)
        return hidden - shown

    def _tags(self) -> set[str]:
        hidden: set[str] = set()
        shown: set[str] = set()
        for incident_id, tag in self.session.execute(select(IncidentTag.incident_id, IncidentTag.tag)):
            (hidden if incident_id in self.incidents else shown).add(tag)
        return hidden - shown
