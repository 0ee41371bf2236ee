"""The handed-over records as FollowTheMoney entities (the model Aleph and
OpenSanctions read), written as JSON directly, one entity per line: an
incident is an ``Event``, an actor a ``Person``, ``Organization`` or
``LegalEntity``, a place an ``Address``, a source a ``Document`` (an
``Article`` for the press), an evidence file a ``Document``, ``Image``,
``Video`` or ``Audio``; an involvement is an ``UnknownLink`` with its role, a
claim a ``Note`` on what it is about with its source as proof and its
claimant as a ``Mention``, and an evidence link a ``Documentation``.

Each entity's id is its record's UUID; its code (INC-0001) is the event's
``recordId`` and every other thing's keyword.

The input is the interchange document as the redaction engine left it for the
recipient (pseudonyms, withheld records gone, free text scrubbed), narrowed to
the records the handover holds, so this module cannot leak what redaction
removed. The tests validate every entity against the ``followthemoney``
package's schema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

ACTOR_SCHEMA = {"person": "Person", "organisation": "Organization", "group": "Organization", "unit": "Organization"}
PRESS = {"news_article", "analysis", "opinion"}
#: ISO 639-1 as cases record it -> ISO 639-3 as FollowTheMoney does
_DAY = re.compile(r"(\d{4})[:-](\d{2})[:-](\d{2})")
LANGUAGES = {"en": "eng", "es": "spa", "fr": "fra", "pt": "por", "ar": "ara", "ru": "rus", "uk": "ukr"}


def ident(uuid: str) -> str:
    return f"casefile-{uuid}"


def _entity(uuid: str, schema: str, **properties) -> dict:
    kept = {name: [str(v) for v in values if v not in (None, "")] for name, values in properties.items()}
    return {"id": ident(uuid), "schema": schema, "properties": {k: v for k, v in kept.items() if v}}


def _media_schema(media_type: str) -> str:
    kind = (media_type or "").split("/")[0]
    return {"image": "Image", "video": "Video", "audio": "Audio"}.get(kind, "Document")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def entities(doc: dict, files: dict[str, str], label) -> Iterator[dict]:
    """``doc``: the redacted document, narrowed; ``files``: evidence uuid -> its
    file in the bag; ``label(vocabulary, key)``: a term as the reader reads it."""
    for e in doc["places"]:
        yield _entity(e["uuid"], "Address", name=[e["name"]], city=[e["municipality"]], region=[e["state"]],
                      full=[", ".join(part for part in (e["name"], e["municipality"], e["state"], e["country"])
                                      if part)],
                      latitude=[e["latitude"]], longitude=[e["longitude"]],
                      remarks=[label("place_precision", e["precision"]), e["description"]],
                      notes=[e["caveats"]], keywords=[e["code"]])
    for e in doc["actors"]:
        yield _entity(e["uuid"], ACTOR_SCHEMA.get(e["category"], "LegalEntity"), name=[e["name"]],
                      alias=_lines(e["aliases"]), description=[e["description"]],
                      classification=[label("actor_type", e["actor_type"])], notes=[e["caveats"]],
                      keywords=[e["code"]])
    for e in doc["incidents"]:
        yield _entity(e["uuid"], "Event", name=[e["title"]], summary=[e["description"]],
                      startDate=[e["start_date"]], endDate=[e["end_date"]], addressEntity=[_ref(e["place"])],
                      involved=[ident(x["actor"]) for x in e["involvements"]], keywords=e["tags"],
                      notes=[e["caveats"]], recordId=[e["code"]])
        for x in e["involvements"]:
            role = label("role", x["role"])
            if x.get("degree"):
                role = f"{role} ({label('degree', x['degree'])})"
            yield _entity(x["id"], "UnknownLink", subject=[ident(x["actor"])], object=[ident(e["uuid"])],
                          role=[role], description=[x["note"]])
    for e in doc["sources"]:
        yield _entity(e["uuid"], "Article" if e["source_kind"] in PRESS else "Document", title=[e["title"]],
                      author=[e["author"]], publisher=[e["outlet"]], sourceUrl=[e["url"]],
                      publishedAt=[e["published"]], language=[LANGUAGES.get(e["language"])],
                      summary=[label("source_kind", e["source_kind"]),
                               f"reliability {e['reliability']}: {e['reliability_reason']}".rstrip(": ")],
                      notes=[e["caveats"]], keywords=[e["code"]])
    names = {e["uuid"]: e["name"] for e in doc["actors"]}
    for e in doc["claims"]:
        yield _entity(e["uuid"], "Note", name=[e["code"]], summary=[e["summary"]], description=[e["quote"]],
                      entity=[ident(x) for x in e["subjects"]], proof=[_ref(e["source"])],
                      notes=[label("claim_status", e["status"]), e["caveats"]], keywords=[e["code"]])
        if e["claimant"] and e["source"]:
            yield _entity(f"{e['uuid']}-claimant", "Mention", document=[ident(e["source"])],
                          resolved=[ident(e["claimant"])], name=[names.get(e["claimant"], "")])
    for e in doc["evidence"]:
        yield _entity(e["uuid"], _media_schema(e["media_type"]), title=[e["title"]],
                      fileName=[files.get(e["uuid"], "")], mimeType=[e["media_type"]], fileSize=[e["size"]],
                      date=[_day(e["captured_at"])], notes=[f"sha256:{e['sha256']}", e["caveats"]],
                      keywords=[e["code"]])
    for x in doc["evidence_links"]:
        yield _entity(x["id"], "Documentation", document=[ident(x["evidence"])], entity=[ident(x["target"])],
                      role=[label("evidence_relation", x["relation"])], description=[x["note"]])


def _ref(uuid: str | None) -> str | None:
    return ident(uuid) if uuid else None


def _day(captured: str | None) -> str | None:
    """The day a device says it captured a file (EXIF writes 2013:08:05 10:00:00)."""
    found = _DAY.match(captured or "")
    return "-".join(found.groups()) if found else None


def dumps(items: Iterator[dict]) -> bytes:
    return "".join(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n" for item in items).encode("utf-8")
