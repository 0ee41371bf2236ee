"""The profile rules applied to an interchange JSON document (``export
--format json --profile partner|public``): the same :class:`Redactor`, the
same withheld set and the same engine as the PDF dossier and CSV.

Withheld records and every link to them are dropped; protected actors keep
only their pseudonym; contacts, working notes, custody details, and
evidence's original file names, GPS, camera, device and document properties
are emptied; withhold marks are left out (each names a passage); every other
text goes through the engine. The result keeps the
interchange shape, so a partner can import it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...model import Actor, Claim, Evidence, Incident, Place, Source
from .profile import Redactor

KINDS: dict[str, tuple[Any, str]] = {"places": (Place, "place"), "actors": (Actor, "actor"), "incidents": (Incident, "incident"),
         "sources": (Source, "source"), "claims": (Claim, "claim"), "evidence": (Evidence, "evidence")}
CAPTURE = {"latitude": None, "longitude": None, "camera_make": "", "camera_model": "", "document_title": "",
           "document_author": "", "document_created": "", "document_modified": "", "file_modified": None}


class _Row:
    """What the redactor reads of a record (id, code, flags, names)."""

    def __init__(self, ident: int, entry: dict):
        self.id = ident
        self.__dict__.update(entry)


def redact_document(doc: dict, session: Session, profile: str, redactor: Redactor | None = None) -> Redactor:
    """Apply ``profile`` to ``doc`` in place; return the redactor (its counts).
    ``redactor``: one already made for ``profile`` on this state of the case."""
    r = redactor or Redactor(session, profile)
    if r.full:
        return r
    ids: dict[str, dict[str, int]] = {}
    kept: dict[str, set[str]] = {}
    for section, (cls, kind) in KINDS.items():
        ids[kind] = dict(session.execute(select(cls.uuid, cls.id)).all())
        doc[section] = [e for e in doc[section] if not r.withheld(ids[kind].get(e["uuid"]), kind)]
        # what is shown of the whole case, not only of this document: a part of it (the
        # partner view's increments) links to records outside it
        kept[kind] = {u for u, i in ids[kind].items() if not r.withheld(i, kind)}
    everything = set().union(*kept.values())

    def ref(value):
        return value if value in everything else None

    info = doc["case"]
    for key in ("title", "organisation", "description"):
        info[key] = r.scrub(info[key])
    info["documenter"] = r.scrub(info["documenter"]) if r.shows_handlers else ""
    for e in doc["places"]:
        for key in ("name", "municipality", "state", "country", "description", "caveats"):
            e[key] = r.scrub(e[key])
    actors = {uuid: _Row(ident, {"protected": False}) for uuid, ident in ids["actor"].items()
              if uuid in kept["actor"]}  # the withheld set knows who is protected (``actor_detail``)
    for e in doc["actors"]:
        row = _Row(ids["actor"][e["uuid"]], e)
        actors[e["uuid"]] = row
        e["name"] = r.actor_name(row)
        e["aliases"] = r.actor_detail(row, e["aliases"])
        e["description"] = r.actor_detail(row, e["description"])
        e["caveats"] = r.actor_detail(row, e["caveats"])
        e["contact"] = r.contact(row)
        e["relations"] = [x for x in e["relations"] if x["other"] in everything]
    for e in doc["incidents"]:
        e["title"], e["description"] = r.scrub(e["title"]), r.scrub(e["description"])
        e["caveats"] = r.scrub(e["caveats"])
        e["notes"] = ""
        e["place"] = ref(e["place"])
        e["tags"] = sorted({r.scrub(t) for t in e["tags"] if not r.tag_withheld(t)})
        e["involvements"] = [dict(x, note=r.actor_detail(actors[x["actor"]], x["note"]))
                             for x in e["involvements"] if x["actor"] in actors]
        e["links"] = [x for x in e["links"] if x["to"] in everything]
    for e in doc["sources"]:
        for key in ("title", "outlet", "author", "url", "text", "reliability_reason", "caveats"):
            e[key] = r.scrub(e[key])
        e["contact"], e["notes"] = "", ""
        _consent(r, e)
        e["cites"] = [dict(x, note=r.scrub(x["note"])) for x in e["cites"] if x["source"] in everything]
    for e in doc["claims"]:
        for key in ("summary", "quote", "credibility_reason", "caveats"):
            e[key] = r.scrub(e[key])
        e["quote_start"] = e["quote_end"] = None  # offsets into a source text that was scrubbed
        e["notes"], e["claimant"], e["source"] = "", ref(e["claimant"]), ref(e["source"])
        e["origin"] = ref(e["origin"])
        e["relayed_by"] = [dict(x, note=r.scrub(x["note"])) for x in e["relayed_by"] if x["source"] in everything]
        e["subjects"] = [x for x in e["subjects"] if x in everything]
    for e in doc["evidence"]:
        row = _Row(ids["evidence"][e["uuid"]], e)
        e["title"] = r.evidence_title(row)
        e["original_name"] = r.evidence_name(row)
        e.update(CAPTURE)
        e["extra_metadata"] = {}
        for key in ("intake_by", "collected_by"):
            e[key] = r.scrub(e[key]) if r.shows_handlers else ""
        for key in ("obtained_how", "origin", "collection_tool", "preservation", "note", "caveats", "captured_at"):
            e[key] = r.scrub(e[key])
        e["derived_from"] = ref(e["derived_from"])
        _consent(r, e)
    claims = kept["claim"]
    doc["assessments"] = [dict(a, note=r.scrub(a["note"])) for a in doc["assessments"]
                          if a["claim"] in claims and (a["by_source"] in kept["source"] or a["by_claim"] in claims)]
    evidence = kept["evidence"]
    doc["evidence_links"] = [dict(x, note=r.scrub(x["note"])) for x in doc["evidence_links"]
                             if x["evidence"] in evidence and x["target"] in everything]
    doc["custody"] = [dict(x, details="", who=r.scrub(x["who"]) if r.shows_handlers else "")
                      for x in doc["custody"] if x["evidence"] in evidence]
    # The marks are the passages themselves: they stay with the team (the
    # engine has already replaced each passage wherever it stood).
    doc["withhold_marks"] = []
    return r


def _consent(r: Redactor, e: dict) -> None:
    """A shared file says what was agreed and when; the names in it are scrubbed,
    and who recorded it is a handler's name."""
    e["consent_to"], e["consent_not_to"] = r.scrub(e["consent_to"]), r.scrub(e["consent_not_to"])
    e["consent_recorded_by"] = r.scrub(e["consent_recorded_by"]) if r.shows_handlers else ""
