"""What a selected passage of a source's text already says, for the records made
from it: a claim (quote, source, claimant, chain of attribution) or an incident
(title, date, place). Proposals only: the window makes the records through its
undo stack, and the documenter corrects what was guessed.

- **Chain**: a source that cites exactly one source relayed it from there; when
  it cites several, the one whose outlet or title the passage names. The walk
  goes on from that source the same way; the last one reached is the origin,
  the ones between are the relays, from the origin onwards.
- **Claimant**: the one actor the passage names (or else its sentence), a
  person preferred when it names several.
- **Quote kind**: quotation marks in the passage say the claimant's own words;
  without them it is the outlet's paraphrase.
- **Date**: "5 de agosto de 2013", "August 5, 2013", "5 Aug 2013",
  "2013-08-05", "agosto de 2013", "2013"; a day without a year takes the
  source's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select

from ...errors import InvalidInput
from ...model import Actor, Claim, ClaimSubject, Source, SourceCitation
from ...model.dates import _MONTHS, PartialDate  # the month names both languages write
from ...store import Case
from .mentions import MentionMatcher, case_matcher, key_of

SUMMARY_LIMIT = 280
TITLE_LIMIT = 120
QUOTE_MARKS = "\"“”«»„‟‘’‹›"

_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|º|°)?"
_YEAR = r"(?P<year>\d{4})"
#: most precise first: where two match at the same place, the earlier pattern wins
_DATE_PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    rf"\b{_YEAR}-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})\b",
    rf"\b{_DAY}\s+de\s+(?P<mname>{_MONTH})\.?(?:\s+(?:de|del)\s+{_YEAR})?\b",
    rf"\b{_DAY}\s+(?:of\s+)?(?P<mname>{_MONTH})\.?(?:,?\s+{_YEAR})?\b",
    rf"\b(?P<mname>{_MONTH})\.?\s+{_DAY}(?:,?\s+{_YEAR})?\b",
    rf"\b(?P<mname>{_MONTH})\.?(?:\s+(?:de|del|of))?,?\s+{_YEAR}\b",
    rf"\b{_YEAR}-(?P<month>\d{{2}})\b",
    r"\b(?P<year>(?:18|19|20)\d{2})\b",
)]


@dataclass(frozen=True)
class FoundDate:
    date: PartialDate
    start: int  # where it stands in the passage
    end: int
    year_guessed: bool  # the passage gave no year: the source's was taken


def find_date(text: str, default_year: int | None = None) -> FoundDate | None:
    """The first date written in ``text``; a day or month without a year takes
    ``default_year`` (or is skipped when there is none)."""
    candidates: list[tuple[int, int, re.Match[str]]] = []
    for rank, pattern in enumerate(_DATE_PATTERNS):
        for match in pattern.finditer(text):
            candidates.append((match.start(), rank, match))
    refused_until = -1
    for start, _rank, match in sorted(candidates, key=lambda c: (c[0], c[1])):
        if start < refused_until:
            continue  # a piece of a date refused below ("febrero de 2013" of "31 de febrero de 2013")
        groups = match.groupdict()
        year = int(groups["year"]) if groups.get("year") else default_year
        if year is None:
            continue
        month = int(groups["month"]) if groups.get("month") else (
            _MONTHS[groups["mname"].lower()] if groups.get("mname") else None)
        day = int(groups["day"]) if groups.get("day") else None
        try:
            date = PartialDate(year, month, day)
        except InvalidInput:  # "31 de febrero", "2013-13-01": not a date, look further
            refused_until = match.end()
            continue
        return FoundDate(date, match.start(), match.end(), not groups.get("year"))
    return None


def one_line(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters (with "…")."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:.-") + "…"


def _year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso and iso[:4].isdigit() else None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding ``text[start:end]`` (a passage ending a sentence ends there)."""
    marks = (".", "!", "?", "\n")
    end = start + len(text[start:end].rstrip())
    before = max(text.rfind(mark, 0, start) for mark in marks)
    if end > start and text[end - 1] in marks:
        return before + 1, end
    after = [i for i in (text.find(mark, end) for mark in marks) if i != -1]
    return before + 1, min(after) + 1 if after else len(text)


def _names_in(matcher: MentionMatcher, text: str, kind: str) -> list[int]:
    """The records of ``kind`` named in ``text``, in order of first mention, once each."""
    found: list[int] = []
    for mention in matcher.find(text):
        for name in mention.names:
            if name.kind == kind and name.record_id not in found:
                found.append(name.record_id)
    return found


@dataclass
class ClaimDraft:
    values: dict  # the claim's fields
    relays: list[int] = field(default_factory=list)  # source ids, from the origin onwards
    claimant_guessed: bool = False  # named by the sentence, not the passage itself


def _citations(session, source_id: int) -> list[int]:
    return list(session.scalars(select(SourceCitation.cited_id).where(SourceCitation.source_id == source_id)
                                .order_by(SourceCitation.position)))


def _named_among(session, passage_key: tuple[str, ...], source_ids: list[int]) -> list[int]:
    """The sources whose outlet or title the passage names (as whole words)."""
    named = []
    for source in session.scalars(select(Source).where(Source.id.in_(source_ids))):
        for text in (source.outlet, source.title):
            key = key_of(text or "")
            if key and any(passage_key[i:i + len(key)] == key for i in range(len(passage_key) - len(key) + 1)):
                named.append(source.id)
                break
    return [sid for sid in source_ids if sid in named]


def chain_of(case: Case, source_id: int, passage: str, sentence: str = "") -> list[int]:
    """The sources the claim came through, nearest first (the read source left out).
    Among several citations, the one the passage names, or else its sentence."""
    keys = [key_of(passage), key_of(sentence)]
    path: list[int] = []
    with case.session() as session:
        current = source_id
        while True:
            cited = [sid for sid in _citations(session, current) if sid != source_id and sid not in path]
            if len(cited) > 1:
                cited = next((named for named in (_named_among(session, key, cited) for key in keys) if named), [])
            if len(cited) != 1:
                return path
            path.append(cited[0])
            current = cited[0]


def claim_draft(case: Case, source_id: int, text: str, start: int, end: int) -> ClaimDraft:
    """A claim quoting ``text[start:end]`` of the source, with what the source says filled in."""
    quote = text[start:end]
    with case.session() as session:
        source = session.get(Source, source_id)
        published = source.published if source is not None else None
    values: dict = {"summary": one_line(quote, SUMMARY_LIMIT), "quote": quote, "quote_start": start,
                    "quote_end": end, "source_id": source_id, "claimed_on": published,
                    "quote_kind": "own_words" if any(mark in quote for mark in QUOTE_MARKS) else "paraphrase"}
    sentence = text[slice(*_sentence(text, start, end))]
    chain = chain_of(case, source_id, quote, sentence)
    draft = ClaimDraft(values)
    if chain:
        values["origin_id"], values["origin_status"] = chain[-1], "located"
        draft.relays = list(reversed(chain[:-1]))
    matcher = case_matcher(case)[1]
    actors = _names_in(matcher, quote, "actor")
    if not actors:
        actors = _names_in(matcher, sentence, "actor")
        draft.claimant_guessed = bool(actors)
    if len(actors) > 1:
        with case.session() as session:
            people = [a for a in actors if (session.get(Actor, a) or Actor()).category == "person"]
        actors = people
    if len(actors) == 1:
        values["claimant_id"] = actors[0]
    return draft


@dataclass
class IncidentDraft:
    values: dict  # the incident's fields
    claims: list[int] = field(default_factory=list)  # claims quoting this passage: about the incident
    date: FoundDate | None = None


def incident_draft(case: Case, source_id: int, text: str, start: int, end: int) -> IncidentDraft:
    """An incident titled by ``text[start:end]``, dated and placed by what it says."""
    passage = text[start:end]
    with case.session() as session:
        source = session.get(Source, source_id)
        year = _year_of(source.published) if source is not None else None
        claims = list(session.scalars(select(Claim.id).where(
            Claim.source_id == source_id, Claim.quote_start.is_not(None),
            Claim.quote_start < end, Claim.quote_end > start).order_by(Claim.id)))
    title = one_line(passage, TITLE_LIMIT).rstrip(" ,;:.")
    values: dict = {"title": title[:1].upper() + title[1:], "description": passage.strip()}
    found = find_date(passage, year)
    if found is not None:
        values["start_date"], values["start_qualifier"] = found.date.iso(), "exact"
    places = _names_in(case_matcher(case)[1], passage, "place")
    if len(places) == 1:
        values["place_id"] = places[0]
    return IncidentDraft(values, claims, found)


def claim_being_written(case: Case, source_id: int, position: int) -> int | None:
    """The claim a name at ``position`` of the source's text goes with: the last one
    quoting a passage around it, or else the last one made from this source."""
    with case.session() as session:
        around = session.scalar(select(Claim.id).where(
            Claim.source_id == source_id, Claim.quote_start <= position, Claim.quote_end >= position)
            .order_by(Claim.id.desc()).limit(1))
        if around is not None:
            return around
        return session.scalar(select(Claim.id).where(Claim.source_id == source_id)
                              .order_by(Claim.id.desc()).limit(1))


def incidents_of_claim(case: Case, claim_id: int) -> list[int]:
    """The incidents a claim is about, in the order they were linked."""
    with case.session() as session:
        return list(session.scalars(select(ClaimSubject.incident_id).where(
            ClaimSubject.claim_id == claim_id, ClaimSubject.incident_id.is_not(None)).order_by(ClaimSubject.id)))
