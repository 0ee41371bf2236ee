"""What a shared export may show: the profile rules every shared output (the
PDF dossier, CSV, JSON) asks, through one :class:`Redactor` per export.

Profiles:

- ``full``: everything, for the documenter's own team.
- ``partner``: protected actors and confidential sources appear only under
  their pseudonyms; contacts, confidential records and what only they use
  are left out (``withheld.py``); free text is scrubbed by the engine
  (``matcher.py``, ``secrets.py``); evidence loses GPS, camera, device and
  original file names; custody entries lose their details.
- ``public``: as ``partner``, and claims resting only on confidential sources
  are left out too, as are the names of people who handled evidence.

In every shared profile, sources and evidence items whose consent does not
cover the output (``services/consent.py``: refused, not yet, or, for a
handover, not to this recipient) are withheld and counted as such.

Free text is scrubbed in place: each protected name, alias or part of one
becomes the pseudonym, each contact detail or marked passage "[withheld]",
so the reader sees where something was removed.
"""

from __future__ import annotations

import copy
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InvalidInput
from ...i18n import translate
from ...model import Actor, Evidence, Source
from .matcher import Hit, Matcher, NearMiss, Secret
from .normalise import fold
from .secrets import contact_secrets, name_variants, neighbours, phrase, url_secrets
from .withheld import Withheld

PROFILES = ("full", "partner", "public")

#: Record kinds whose withheld rows are counted, in the order a report lists them.
COUNTED = ("incident", "source", "claim", "evidence", "place", "actor", "contact", "pseudonym", "detail",
           "consent", "replaced")


def check_profile(profile: str) -> str:
    if profile not in PROFILES:
        raise InvalidInput(translate("Redaction", "unknown profile {profile}: use full, partner or public").format(
            profile=profile))
    return profile


def _ident(record) -> int | None:
    return record if isinstance(record, int) or record is None else record.id


class Redactor:
    """The profile rules for one export of one case.

    With ``record=True`` every replacement and near miss that ``scrub`` sees
    with a ``where`` (record code, field) is kept in ``hits`` / ``near``.
    """

    def __init__(self, session: Session, profile: str = "full", *, record: bool = False,
                 matcher: Matcher | None = None, recipient: str | None = None, today: date | None = None):
        self.profile = check_profile(profile)
        self.full = profile == "full"
        self.record = record
        self._tally()
        self.protected: dict[int, str] = {}
        self.confidential_sources: dict[int, str] = {}
        self.confidential_incidents: set[int] = set()
        self.withheld_claims: set[int] = set()
        self.withheld_evidence: set[int] = set()
        self.withheld_places: set[int] = set()
        self.withheld_actors: set[int] = set()
        self.withheld_tags: set[str] = set()
        self.faces: set[int] = set()  # evidence whose pictures show faces: blurred or left out (faces.py)
        #: per kind (source, evidence), what consent keeps out of this output, and why (``services/consent.py``)
        self.refused: dict[str, dict[int, str]] = {"source": {}, "evidence": {}}
        self.matcher = Matcher([])
        if self.full:
            return
        self.faces = set(session.scalars(select(Evidence.id).where(Evidence.shows_faces)))
        w = Withheld(session, profile, recipient, today)
        self.refused = w.refused
        self.protected, self.confidential_sources = w.protected, w.confidential_sources
        self.confidential_incidents, self.withheld_claims, self.withheld_evidence = w.incidents, w.claims, w.evidence
        self.withheld_places, self.withheld_actors, self.withheld_tags = w.places, w.actors, w.tags
        # ``matcher``: one built before from the same names, contacts and passages (the partner view keeps one)
        self.matcher = matcher or build_matcher(session, self.placeholder())

    def _tally(self) -> None:
        """What this redactor has left out and replaced so far: nothing yet."""
        self._withheld: dict[str, set] = defaultdict(set)
        self.hits: list[tuple[str, str, Hit]] = []
        self.near: list[tuple[str, str, NearMiss]] = []
        self.replaced = 0

    def fresh(self) -> Redactor:
        """The same rules with nothing tallied yet: for another part of the
        same export (the dossier's figures), without reading the case again
        (a public redactor of the 100,000-incident case reads it for 3-4 s)."""
        other = copy.copy(self)
        other._tally()
        return other

    # -- how things are shown ---------------------------------------------------

    @staticmethod
    def placeholder() -> str:
        return translate("Redaction", "[withheld]")

    def scrub(self, text: str | None, where: tuple[str, str] | None = None) -> str:
        """Free text with every protected name, source title, contact detail and
        marked passage replaced in place (outside ``full``)."""
        if not text:
            return ""
        if self.full:
            return text
        result = self.matcher.run(text, near=self.record and where is not None)
        if result.hits:
            self.replaced += len(result.hits)
        if self.record and where is not None:
            self.hits += [(where[0], where[1], hit) for hit in result.hits]
            self.near += [(where[0], where[1], miss) for miss in result.near]
        return result.text

    def actor_name(self, actor) -> str:
        """An actor (ORM object or row with id, name, protected, pseudonym)."""
        if actor is None:
            return ""
        if not self.full and (actor.protected or actor.id in self.protected):
            self._withheld["pseudonym"].add(("actor", actor.id))
            return actor.pseudonym or self.protected.get(actor.id) or self.placeholder()
        return self.scrub(actor.name)

    def actor_detail(self, actor, text: str) -> str:
        """Aliases, description, an involvement's note: a protected actor's
        details may identify them, so they are left out."""
        if not self.full and actor is not None and (actor.protected or actor.id in self.protected):
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

    def evidence_title(self, evidence) -> str:
        """Outside ``full``, a title that is (or carries) the original file name
        falls back to the code."""
        title = evidence.title or ""
        if self.full:
            return title
        name = evidence.original_name or ""
        folded, stem = fold(title), fold(os.path.splitext(name)[0])
        if not folded or (stem and stem in folded) or folded == fold(name):
            return evidence.code
        return self.scrub(title)

    @property
    def shows_handlers(self) -> bool:
        """Who took in or handled evidence (custody ``who``): not in ``public``."""
        return self.profile != "public"

    @property
    def shows_notes(self) -> bool:
        """Internal working notes stay with the team."""
        return self.full

    @property
    def shows_capture(self) -> bool:
        """GPS position, camera, device and document properties of evidence files."""
        return self.full

    # -- what is withheld --------------------------------------------------------

    def withheld(self, record, kind: str | None = None) -> bool:
        """Whether a record is left out of this export; tallies it if so.
        ``record`` is an ORM object, or an id together with ``kind``."""
        if self.full:
            return False
        kind = kind or record.kind
        ident = _ident(record)
        hidden = ident in {
            "incident": self.confidential_incidents, "source": self.confidential_sources,
            "claim": self.withheld_claims, "evidence": self.withheld_evidence, "place": self.withheld_places,
            "actor": self.withheld_actors}.get(kind, ())
        if hidden:
            self._withheld[kind].add(ident)
            if ident in self.refused.get(kind, ()):
                self._withheld["consent"].add((kind, ident))
        return hidden

    def tag_withheld(self, tag: str) -> bool:
        return not self.full and tag in self.withheld_tags

    def keep(self, records: Iterable, kind: str | None = None) -> list:
        """The records of ``records`` that are not withheld, tallying the rest."""
        return [r for r in records if not self.withheld(r, kind)]

    def refusals(self) -> list[tuple[str, int, str]]:
        """The sources and evidence items this output met and left out for their
        consent: (kind, id, why)."""
        return sorted((kind, ident, self.refused[kind][ident]) for kind, ident in self._withheld.get("consent", ()))

    def counts(self) -> dict[str, int]:
        """How many of each kind this redactor withheld or pseudonymised so far,
        and how many passages of free text it replaced."""
        out = {kind: len(self._withheld[kind]) for kind in COUNTED if self._withheld.get(kind)}
        if self.replaced:
            out["replaced"] = self.replaced
        return out


def build_matcher(session: Session, placeholder: str) -> Matcher:
    """The one matcher of an export: every secret of the case."""
    secrets: list[Secret] = []
    phones: list[tuple[str, str]] = []
    near: dict[str, str] = {}
    fuzzy: dict[str, str] = {}
    around: dict[str, set[str]] = defaultdict(set)  # owner -> parts and initials of their names
    protected = []
    unprotected: list[str] = []
    theirs: list[Secret] = []  # protected people's contact details
    for code, name, aliases, category, is_protected, pseudonym, contact in session.execute(select(
            Actor.code, Actor.name, Actor.aliases, Actor.category, Actor.protected, Actor.pseudonym, Actor.contact)):
        if is_protected:
            protected.append((code, name, aliases, category, pseudonym))
        else:
            unprotected.append(f"{name}\n{aliases or ''}")
        if contact:
            more, numbers = contact_secrets(contact, code, placeholder)
            secrets += more
            phones += numbers
            if is_protected:
                theirs += more
    common = common_words(protected, unprotected, theirs)
    for code, name, aliases, category, pseudonym in protected:
        for text, kind in _names(name, aliases):
            more, parts = name_variants(text, code, pseudonym, kind, person=category in ("person", "unknown"),
                                        common=common)
            secrets += more
            around[code] |= neighbours(text)
            for part in parts:
                near.setdefault(part, code)
            for part in fold(text).split():
                if len(part) >= 4:
                    fuzzy.setdefault(part, code)
    for code, title, author, url, is_confidential, pseudonym, contact in session.execute(select(
            Source.code, Source.title, Source.author, Source.url, Source.confidential, Source.pseudonym,
            Source.contact)):
        if contact:
            more, numbers = contact_secrets(contact, code, placeholder)
            secrets += more
            phones += numbers
        if not is_confidential:
            continue
        secrets += phrase(title, code, pseudonym, "title")
        if url:
            secrets += url_secrets(url, code, placeholder)
        if author:
            more, _ = name_variants(author, code, pseudonym, "author", person=True, common=common)
            secrets += more
            around[code] |= neighbours(author)
    secrets += passage_secrets(session, placeholder)
    # A pseudonym is never itself rewritten.
    pseudonyms = {fold(p) for _, _, _, _, p in protected}
    secrets = [s for s in secrets if s.folded not in pseudonyms]
    # Longer secrets first, so a name owned by a person wins over a part of a contact.
    secrets.sort(key=lambda s: (_KIND_ORDER.get(s.kind, 9), -len(s.folded)))
    return Matcher(secrets, phones, near, fuzzy, around)


_KIND_ORDER = {"passage": 0, "name": 1, "alias": 2, "author": 3, "title": 4, "name part": 5}


def _names(name: str, aliases: str | None) -> list[tuple[str, str]]:
    return [(name, "name")] + [(a, "alias") for a in (aliases or "").splitlines() if a.strip()]


def common_words(protected: Sequence[tuple[str, str, str | None, str, str]], unprotected: list[str],
                 contacts: Sequence[Secret] = ()) -> set[str]:
    """Words of unprotected actors' names and aliases: a part of a protected
    name that one of them also bears ("Rosa Morales" and "Rosa Ficticia")
    is not distinctive alone. Words that stand there only inside a protected
    person's name or contact detail ("Vecinos de Rosa Ficticia", a group
    named after her) do not count: they are replaced with it."""
    whole: list[Secret] = list(contacts)
    around: dict[str, set[str]] = defaultdict(set)
    for code, name, aliases, category, _ in protected:
        for text, kind in _names(name, aliases):
            more, _ = name_variants(text, code, " ", kind, person=category in ("person", "unknown"), common=set())
            whole += [secret for secret in more if secret.kind != "name part"]
            around[code] |= neighbours(text)
    inside = Matcher(whole, neighbours=around)
    common: set[str] = set()
    for text in unprotected:
        common.update(fold(inside.replace(text) if not inside.empty else text).split())
    return common


def passage_secrets(session: Session, placeholder: str) -> list[Secret]:
    """Passages the documenter marked "withhold" (``marks.py``)."""
    from .marks import marked_passages

    return [s for code, text in marked_passages(session) for s in phrase(text, code, placeholder, "passage")]


_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,10}\Z")


def safe_extension(name: str) -> str:
    """The extension of a file name if it is plain (".jpg"), else ""."""
    ext = os.path.splitext(name or "")[1]
    return ext.lower() if _EXTENSION.match(ext) else ""
