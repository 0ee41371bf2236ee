"""What a shared export may show: the profile rules used by the PDF dossier and
the CSV export alike.

Profiles:

- ``full``: everything, for the documenter's own team.
- ``partner``: protected actors and confidential sources appear only under
  their pseudonyms; contacts, confidential incidents, confidential sources and
  confidential evidence are left out.
- ``public``: as ``partner``, and claims resting only on confidential sources
  are left out too, as are the names of people who handled evidence.

A :class:`Redactor` is built once per export from a case session. It loads the
few facts it needs in a handful of queries (no per-record lookups), answers
"how is this shown" / "is this withheld", and tallies what it withheld so the
export can say how much was left out (counts, never content).

Free text is scrubbed too: a protected name or a confidential source's title
typed into an incident description is replaced by the pseudonym, and a contact
detail by a placeholder, so one careless sentence cannot undo the profile.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvalidInput
from ..i18n import translate
from ..model import (
    Actor, Assessment, Claim, ClaimSubject, Evidence, EvidenceLink, Incident, Source,
)

PROFILES = ("full", "partner", "public")

#: Record kinds whose withheld rows are counted, in the order a report lists them.
COUNTED = ("incident", "source", "claim", "evidence", "contact", "pseudonym", "detail")


def check_profile(profile: str) -> str:
    if profile not in PROFILES:
        raise InvalidInput(translate("Redaction", "unknown profile {profile}: use full, partner or public").format(
            profile=profile))
    return profile


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def _ident(record) -> int | None:
    return record if isinstance(record, int) or record is None else record.id


class Redactor:
    """The profile rules for one export of one case."""

    def __init__(self, session: Session, profile: str = "full"):
        self.profile = check_profile(profile)
        self.full = profile == "full"
        self._withheld: dict[str, set] = defaultdict(set)
        self.protected: dict[int, str] = {}  # actor id -> pseudonym
        self.confidential_sources: dict[int, str] = {}  # source id -> pseudonym
        self.confidential_incidents: set[int] = set()
        self.withheld_claims: set[int] = set()
        self.withheld_evidence: set[int] = set()
        if self.full:
            self._pattern = None
            return
        self._load(session)

    # -- loading: one query per fact ------------------------------------------

    def _load(self, session: Session) -> None:
        replacements: dict[str, str] = {}
        for id_, name, aliases, pseudonym, contact in session.execute(
                select(Actor.id, Actor.name, Actor.aliases, Actor.pseudonym, Actor.contact)
                .where(Actor.protected)):
            self.protected[id_] = pseudonym
            for secret in [name, *(aliases or "").splitlines()]:
                replacements[_nfc(secret).strip()] = pseudonym
            if contact:
                replacements[_nfc(contact).strip()] = self.placeholder()
        for id_, title, author, pseudonym, contact in session.execute(
                select(Source.id, Source.title, Source.author, Source.pseudonym, Source.contact)
                .where(Source.confidential)):
            self.confidential_sources[id_] = pseudonym
            for secret in (title, author):
                replacements.setdefault(_nfc(secret).strip(), pseudonym)
            if contact:
                replacements[_nfc(contact).strip()] = self.placeholder()
        # Contacts of ordinary actors and sources are withheld as well.
        for (contact,) in session.execute(select(Actor.contact).where(Actor.contact != "", ~Actor.protected)):
            replacements.setdefault(_nfc(contact).strip(), self.placeholder())
        for (contact,) in session.execute(select(Source.contact).where(Source.contact != "", ~Source.confidential)):
            replacements.setdefault(_nfc(contact).strip(), self.placeholder())
        # A pseudonym must never be rewritten into another, nor an empty string matched.
        replacements = {k: v for k, v in replacements.items() if k and k != v}
        self._replacements = {k.casefold(): v for k, v in replacements.items()}
        if replacements:
            alternatives = "|".join(re.escape(k) for k in sorted(replacements, key=len, reverse=True))
            self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        else:
            self._pattern = None

        self.confidential_incidents = set(session.scalars(select(Incident.id).where(Incident.confidential)))

        # Claims: about withheld incidents only, or (public) resting only on confidential sources.
        incident_subjects: dict[int, list[int]] = defaultdict(list)
        for claim_id, incident_id in session.execute(
                select(ClaimSubject.claim_id, ClaimSubject.incident_id).where(ClaimSubject.incident_id.is_not(None))):
            incident_subjects[claim_id].append(incident_id)
        for claim_id, incidents in incident_subjects.items():
            if all(i in self.confidential_incidents for i in incidents):
                self.withheld_claims.add(claim_id)
        if self.profile == "public" and self.confidential_sources:
            open_support: set[int] = set()
            for claim_id, source_id in session.execute(
                    select(Assessment.claim_id, Assessment.by_source_id)
                    .where(Assessment.relation == "supports", Assessment.by_source_id.is_not(None))):
                if source_id not in self.confidential_sources:
                    open_support.add(claim_id)
            for claim_id, source_id in session.execute(
                    select(Claim.id, Claim.source_id).where(Claim.source_id.in_(list(self.confidential_sources)))):
                if claim_id not in open_support:
                    self.withheld_claims.add(claim_id)

        # Evidence: confidential; tied to a withheld source; depicting a protected
        # person; or linked only to withheld records.
        self.withheld_evidence = set(session.scalars(select(Evidence.id).where(Evidence.confidential)))
        targets: dict[int, list[bool]] = defaultdict(list)
        for ev, inc, clm, src, act, relation in session.execute(select(
                EvidenceLink.evidence_id, EvidenceLink.incident_id, EvidenceLink.claim_id,
                EvidenceLink.source_id, EvidenceLink.actor_id, EvidenceLink.relation)):
            if src is not None and src in self.confidential_sources:
                self.withheld_evidence.add(ev)
            if act is not None and act in self.protected and relation == "depicts":
                self.withheld_evidence.add(ev)
            targets[ev].append(
                (inc is not None and inc in self.confidential_incidents)
                or (clm is not None and clm in self.withheld_claims)
                or (src is not None and src in self.confidential_sources))
        for ev, hidden in targets.items():
            if all(hidden):
                self.withheld_evidence.add(ev)

    # -- how things are shown ---------------------------------------------------

    @staticmethod
    def placeholder() -> str:
        return translate("Redaction", "[withheld]")

    def scrub(self, text: str | None) -> str:
        """Free text with protected names, confidential source titles and
        contacts replaced (outside ``full``)."""
        if not text:
            return ""
        if self.full or self._pattern is None:
            return text
        text = _nfc(text)
        return self._pattern.sub(lambda m: self._replacements.get(m.group(0).casefold(), self.placeholder()), text)

    def actor_name(self, actor) -> str:
        """An actor (ORM object or row with id, name, protected, pseudonym)."""
        if actor is None:
            return ""
        if not self.full and (actor.protected or actor.id in self.protected):
            self._withheld["pseudonym"].add(("actor", actor.id))
            return actor.pseudonym or self.protected.get(actor.id) or self.placeholder()
        return self.scrub(actor.name)

    def actor_detail(self, actor, text: str) -> str:
        """Aliases, description, contact-free detail of an actor: a protected
        actor's details may identify them, so they are left out."""
        if not self.full and (actor.protected or actor.id in self.protected):
            if text:
                self._withheld["detail"].add(("actor", actor.id))
            return ""
        return self.scrub(text)

    def source_title(self, source) -> str:
        """A source (ORM object or row with id, title, confidential, pseudonym)."""
        if source is None:
            return ""
        if not self.full and (source.confidential or source.id in self.confidential_sources):
            self._withheld["pseudonym"].add(("source", source.id))
            return source.pseudonym or self.confidential_sources.get(source.id) or self.placeholder()
        return self.scrub(source.title)

    def contact(self, record) -> str:
        """Contact details: only in ``full``."""
        value = getattr(record, "contact", "") or ""
        if self.full:
            return value
        if value:
            self._withheld["contact"].add((type(record).__name__, record.id))
        return ""

    def evidence_name(self, evidence) -> str:
        """An evidence file's name; outside ``full`` its code and extension,
        because the original name may carry a protected name."""
        if self.full:
            return evidence.original_name
        return evidence.code + safe_extension(evidence.original_name)

    @property
    def shows_handlers(self) -> bool:
        """Who took in or handled evidence (custody ``who``): not in ``public``."""
        return self.profile != "public"

    @property
    def shows_notes(self) -> bool:
        """Internal working notes stay with the team."""
        return self.full

    # -- what is withheld --------------------------------------------------------

    def withheld(self, record, kind: str | None = None) -> bool:
        """Whether a record is left out of this export; tallies it if so.
        ``record`` is an ORM object, or an id together with ``kind``."""
        if self.full:
            return False
        kind = kind or record.kind
        ident = _ident(record)
        if kind == "incident":
            hidden = ident in self.confidential_incidents
        elif kind == "source":
            hidden = ident in self.confidential_sources
        elif kind == "claim":
            hidden = ident in self.withheld_claims
        elif kind == "evidence":
            hidden = ident in self.withheld_evidence
        else:  # actors and places are shown (actors maybe under a pseudonym)
            hidden = False
        if hidden:
            self._withheld[kind].add(ident)
        return hidden

    def keep(self, records: Iterable, kind: str | None = None) -> list:
        """The records of ``records`` that are not withheld, tallying the rest."""
        return [r for r in records if not self.withheld(r, kind)]

    def counts(self) -> dict[str, int]:
        """How many of each kind this redactor withheld or pseudonymised so far."""
        return {kind: len(self._withheld[kind]) for kind in COUNTED if self._withheld.get(kind)}


_EXTENSION = re.compile(r"^\.[A-Za-z0-9]{1,10}$")


def safe_extension(name: str) -> str:
    """The extension of a file name if it is plain (".jpg"), else ""."""
    ext = os.path.splitext(name or "")[1]
    return ext.lower() if _EXTENSION.match(ext) else ""
