"""Chain of custody: an append-only record of every handling of an evidence item.

Events are only ever added (never edited or removed), and each goes through
the ORM session, so it also lands in the hash-chained audit log.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import InvalidInput, RecordNotFound
from ...i18n import translate
from ...model import Actor, Claim, CustodyEvent, Evidence, Incident, Record, Source, utcnow

ACTIONS = ("acquired", "imported", "exported", "verified", "linked", "unlinked", "withdrawn", "reinstated",
           "transferred")
#: evidence can be linked to these record kinds, by code prefix -> (class, EvidenceLink column)
LINK_TARGETS: dict[str, tuple[type[Record], str]] = {
    "INC": (Incident, "incident_id"), "CLM": (Claim, "claim_id"),
    "SRC": (Source, "source_id"), "ACT": (Actor, "actor_id")}
RELATIONS = ("supports", "contradicts", "depicts", "context")


#: how a custody event brought by an import says where it came from. Kept
#: verbatim, not translated, so any copy of the case can recognise it; its
#: time, who and action are what the file claims, not what this case saw.
RECEIVED_PREFIX = "received in "
RECEIVED = RECEIVED_PREFIX + "{name} (sha256 {digest})"
_RECEIVED = re.compile(r"received in (.*?) \(sha256 [0-9a-f]{64}\)(?:: .*)?", re.DOTALL)


def received(name: str, digest: str, details: str) -> str:
    """The details of an event received from the file ``name``."""
    name = "".join(c if c.isprintable() else "?" for c in name)
    mark = RECEIVED.format(name=name, digest=digest)
    return f"{mark}: {details}" if details else mark


def received_from(details: str | None) -> str | None:
    """The file an event was received in, or None for this case's own events."""
    found = _RECEIVED.fullmatch(details or "")
    return found.group(1) if found else None


def who(case, name: str | None = None) -> str:
    """Who is handling the evidence: the given name, else the case's documenter."""
    return (name or case.documenter or "").strip() or "unknown"


def record(session: Session, evidence: Evidence, action: str, *, sha256: str = "", details: str = "",
           who: str | None = None) -> CustodyEvent:
    """Append one custody event inside the caller's unit of work."""
    event = new_event(session, evidence, action, sha256=sha256, details=details, who=who)
    session.add(event)
    return event


def new_event(session: Session, evidence: Evidence, action: str, *, sha256: str = "", details: str = "",
              who: str | None = None) -> CustodyEvent:
    """One custody event of ``evidence`` (written), for ``record`` to add or the
    intake to write at once (``tracking.insert_now``)."""
    assert action in ACTIONS, action
    return CustodyEvent(evidence_id=evidence.id, at=utcnow(), action=action, sha256_observed=sha256,
                        who=session.info.get("who", "") if who is None else who, details=details)


def history(session: Session, evidence: Evidence) -> list[CustodyEvent]:
    return list(session.scalars(select(CustodyEvent).where(CustodyEvent.evidence_id == evidence.id)
                                .order_by(CustodyEvent.id)))


def find_evidence(session: Session, code: str) -> Evidence:
    evidence = session.scalar(select(Evidence).where(Evidence.code == code.strip().upper()))
    if evidence is None:
        raise RecordNotFound(translate("Evidence", "no evidence {code} in this case").format(code=code))
    return evidence


def find_target(session: Session, code: str) -> tuple[Record, str]:
    """The incident, claim, source or actor with this code, and its link column."""
    code = code.strip().upper()
    prefix = code.split("-", 1)[0]
    if prefix not in LINK_TARGETS:
        raise RecordNotFound(translate(
            "Evidence", "{code}: evidence can be linked to incidents, claims, sources and actors only"
        ).format(code=code))
    cls, column = LINK_TARGETS[prefix]
    target = session.scalar(select(cls).where(cls.code == code))
    if target is None:
        raise RecordNotFound(translate("Evidence", "no record {code} in this case").format(code=code))
    return target, column


def check_relation(relation: str) -> str:
    if relation not in RELATIONS:
        raise InvalidInput(translate("Evidence", "relation must be one of: {choices}").format(
            choices=", ".join(RELATIONS)))
    return relation
