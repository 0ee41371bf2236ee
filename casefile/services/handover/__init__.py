"""Handover to a court or UN mechanism (``casefile handover``, File >
Handover...): a BagIt bag a recipient checks with standard tools
(``bagit.py --validate``, ``sha256sum -c``), holding

- ``data/evidence/CODE.ext``: each original, byte for byte, named by its code
  (never by the name it came with), hashed again as it is copied;
- ``data/items/CODE.json``: per item, its hash, size, type, capture time and
  who says so, collector, tool, origin, intake, consent, derivation and
  custody;
- ``data/custody.prov.json``: the custody chain as W3C PROV-JSON;
- ``data/entities.ftm.json``: the records as FollowTheMoney entities;
- ``data/dossier.pdf``: the dossier of the same records, signed;
- ``data/history-head.json`` with ``.sig`` and ``documenter-key.pem``: the
  case's history head, signed by the documenter's key.

What goes is what the partner profile shows, narrowed by consent
(``services/consent.py``): a source or item whose consent does not cover
this recipient is left out, counted, and named with the reason in the
result (never in the bag). Every item handed over gets a "transferred"
custody event, and the history one "handover" entry, together with the bag
being put in place: all or nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ...errors import CasefileError
from ...i18n import translate
from ...model import Evidence, utcnow
from ...store import Case, audit, chunks, outputs
from .. import consent
from ..evidence import capture, custody
from ..interchange.export import build_document, stamp
from ..keys import DocumenterKey
from ..redaction import safe_extension
from . import ftm, provenance
from .bag import BagWriter, HandoverCancelled

#: (bytes done, bytes in all, what is being done)
Progress = Callable[[int, int, str], None]
SECTIONS = {"places": "place", "actors": "actor", "incidents": "incident", "sources": "source",
            "claims": "claim", "evidence": "evidence"}

__all__ = ["HandoverCancelled", "HandoverResult", "handover"]


@dataclass
class HandoverResult:
    path: Path
    items: int  # evidence files in the bag
    octets: int  # bytes of those files
    head: str  # the history head the bag vouches for
    #: sources and evidence items consent kept out: (code, why)
    left_out: list[tuple[str, str]] = field(default_factory=list)
    withheld: dict[str, int] = field(default_factory=dict)  # the dossier's withheld page
    warnings: list[str] = field(default_factory=list)


def handover(case: Case, out: str | os.PathLike, recipient: str, key: DocumenterKey, *,
             incidents: list[str] | None = None, lang: str = "en", progress: Progress | None = None,
             cancelled: Callable[[], bool] | None = None) -> HandoverResult:
    """Write the bag for ``recipient`` at ``out`` (a new folder), from the whole
    case or ``incidents`` (codes) and what they link to; ``key`` signs."""
    from ...dossier import DossierCancelled, write_dossier
    from ...dossier.data import Vocab

    recipient = consent.check_recipient(recipient)
    outputs.check_new_folder(out, open_cases=(case.path,))  # before any work
    if case.read_only:
        raise CasefileError(translate("Handover", "A handover is recorded in the case's custody log; open the case "
                                                  "where it can be changed."))
    report = progress or (lambda done, total, message: None)
    head = case.attested_head()  # only a case that verifies: the bag vouches for it
    report(0, 0, translate("Handover", "Writing the dossier"))
    left_out: list[tuple[str, str]] = []
    # The custody events and the history entry are committed once the folder
    # is in place (the outer session ends after the inner block renames it).
    with case.session(custody.who(case)) as recorded, outputs.atomic_folder(out, open_cases=(case.path,)) as root:
        (root / "data").mkdir()
        try:
            dossier = write_dossier(case, root / "data" / "dossier.pdf", profile="partner", incidents=incidents,
                                    lang=lang, signer=key, recipient=recipient, history=False,
                                    cancelled=cancelled)
        except DossierCancelled:
            raise HandoverCancelled(translate("Handover", "Handover cancelled; nothing was written.")) from None
        left_out = dossier.refused
        doc = build_document(case, "partner", recipient=recipient)
        _narrow(doc, dossier.shown)
        with case.session() as session:
            label = Vocab(session, lang)
            proofs = {item.uuid: capture.proofs(item.extra()) for item in session.scalars(
                select(Evidence).where(Evidence.uuid.in_([e["uuid"] for e in doc["evidence"]])))}
        total = sum(e["size"] for e in doc["evidence"])
        done = 0

        def written(size: int) -> None:
            nonlocal done
            done += size
            report(done, total, translate("Handover", "Copying the evidence"))

        bag = BagWriter(root, cancelled=cancelled, written=written)
        bag.manifest["data/dossier.pdf"] = dossier.sha256
        bag.octets += (root / "data" / "dossier.pdf").stat().st_size
        files = {e["uuid"]: _file_name(e) for e in doc["evidence"]}
        # read from the case a few chunks ahead, while the bag writes and hashes the chunk before
        with chunks.BlobsAhead(case.connection, [e["sha256"] for e in doc["evidence"]]) as ahead:
            for e, stored in zip(doc["evidence"], ahead, strict=True):
                try:
                    sha, _size = bag.write(f"evidence/{files[e['uuid']]}", stored, e["size"])
                except chunks.BlobMissing as error:
                    raise CasefileError(translate("Handover", "{code}: {reason}; nothing was handed over.").format(
                        code=e["code"], reason=error)) from None
                if sha != e["sha256"]:
                    raise CasefileError(translate(
                        "Handover", "{code}: the stored bytes no longer match the hash taken at intake; nothing "
                                    "was handed over ('casefile verify' tells more).").format(code=e["code"]))
        report(total, total, translate("Handover", "Writing the records and the custody chain"))
        at = stamp(utcnow()) or ""
        codes = {e["uuid"]: e["code"] for e in doc["evidence"]}
        for e in doc["evidence"]:
            bag.write_bytes(f"items/{e['code']}.json", _json(_item(e, files, codes, doc["custody"], label,
                                                                     proofs.get(e["uuid"], []))))
        bag.write_bytes("entities.ftm.json", ftm.dumps(ftm.entities(doc, {u: f"evidence/{n}" for u, n in
                                                                          files.items()}, label)))
        bag.write_bytes("custody.prov.json", provenance.dumps(provenance.document(
            doc["case"]["uuid"], doc, documenter=key.name or case.documenter, recipient=recipient, at=at)))
        signed = _json({"case": doc["case"]["uuid"], "title": doc["case"]["title"], "history_head": head,
                        "handed_over": at, "recipient": recipient, "documenter": key.name or case.documenter,
                        "key_fingerprint": key.fingerprint, "dossier_sha256": dossier.sha256})
        bag.write_bytes("history-head.json", signed)
        bag.write_bytes("history-head.json.sig", key.sign(signed))
        bag.write_bytes("documenter-key.pem", key.public_pem())
        bag.finish({"Source-Organization": doc["case"]["organisation"],
                    "External-Identifier": f"urn:uuid:{doc['case']['uuid']}",
                    "External-Description": translate("Handover", "Handover of the case \"{title}\" to {recipient}")
                    .format(title=doc["case"]["title"], recipient=recipient),
                    "Casefile-Recipient": recipient, "Casefile-History-Head": head,
                    "Casefile-Left-Out-By-Consent": str(len(left_out))})
        by_code = {e.code: e for e in recorded.scalars(select(Evidence).where(
            Evidence.code.in_(list(codes.values()) or [""])))}
        for e in doc["evidence"]:
            custody.record(recorded, by_code[e["code"]], "transferred", sha256=e["sha256"],
                           details=translate("Handover", "handed over to {recipient} (bag {bag})").format(
                               recipient=recipient, bag=Path(os.fspath(out)).name))
        audit.append(recorded.connection(), "handover", who=case.documenter, kind="handover", changes={
            "recipient": recipient, "items": len(doc["evidence"]), "bytes": total, "head": head,
            "dossier_sha256": dossier.sha256, "left_out": len(left_out),
            "tagmanifest_sha256": _digest(root / "tagmanifest-sha256.txt")})
        recorded.flush()
    return HandoverResult(path=Path(os.path.realpath(out)), items=len(doc["evidence"]), octets=total, head=head,
                          left_out=left_out, withheld=dossier.withheld, warnings=dossier.warnings)


def _narrow(doc: dict, shown: dict[str, set[str]]) -> None:
    """``doc`` (redacted) narrowed to the records the dossier shows, and the links between them."""
    for section, kind in SECTIONS.items():
        doc[section] = [e for e in doc[section] if e["code"] in shown.get(kind, ())]
    kept = {e["uuid"] for section in SECTIONS for e in doc[section]}
    evidence = {e["uuid"] for e in doc["evidence"]}
    doc["assessments"] = [a for a in doc["assessments"] if a["claim"] in kept]
    doc["evidence_links"] = [x for x in doc["evidence_links"] if x["evidence"] in evidence and x["target"] in kept]
    doc["custody"] = [x for x in doc["custody"] if x["evidence"] in evidence]
    for e in doc["incidents"]:
        e["involvements"] = [x for x in e["involvements"] if x["actor"] in kept]
        e["place"] = e["place"] if e["place"] in kept else None
    for e in doc["claims"]:
        e["subjects"] = [x for x in e["subjects"] if x in kept]
        for ref in ("claimant", "source", "origin"):
            e[ref] = e[ref] if e[ref] in kept else None
    for e in doc["evidence"]:
        e["derived_from"] = e["derived_from"] if e["derived_from"] in evidence else None


def _file_name(e: dict) -> str:
    """An original's name in the bag: its code, and the extension it came with if plain."""
    return e["code"] + safe_extension(e["original_name"])


def _item(e: dict, files: dict[str, str], codes: dict[str, str], custody_events: list[dict], label,
          proofs: list[dict]) -> dict:
    """What the recipient needs to weigh one item, beside the file; ``proofs``: what
    a capture app's proof files and a C2PA manifest said when the item was taken
    in, and whether they held."""
    captured = {"time": e["captured_at"] or None,
                "according_to": "device metadata" if e["captured_at"] else "not recorded"}
    for proof in proofs:
        if proof["verdict"] == capture.VERIFIED and proof.get("created"):
            captured = {"time": proof["created"], "according_to": f"verified: signed by {proof['app']} at capture"}
    return {
        "code": e["code"], "file": f"data/evidence/{files[e['uuid']]}", "sha256": e["sha256"], "size": e["size"],
        "media_type": e["media_type"], "title": e["title"], "captured": captured,
        "capture_proofs": [{
            "app": proof["app"], "verdict": proof["verdict"],  # not the proof files' names: a name can name a person
            "sha256_recorded_by_app": proof.get("stated_sha256") or None, "hash": proof.get("hash"),
            "media_signature": proof.get("media_signature"), "metadata_signature": proof.get("metadata_signature"),
            "signer": proof.get("signer"), "signed_at": proof.get("signed_at"),
            "problems": capture.problems(proof, lambda key: capture.WORDS[key])} for proof in proofs],
        "collected_by": e["collected_by"], "collection_tool": e["collection_tool"], "origin": e["origin"],
        "obtained_how": e["obtained_how"], "preservation": e["preservation"],
        "intake": {"time": e["intake_at"], "by": e["intake_by"]},
        "consent": {"agreed": e["consent"], "agreed_label": label("consent", e["consent"]) if e["consent"] else "",
                    "to": consent.names(e["consent_to"]), "never_to": consent.names(e["consent_not_to"]),
                    "not_before": e["consent_not_before"], "given": e["consent_given"],
                    "recorded_by": e["consent_recorded_by"]},
        "derived_from": codes.get(e["derived_from"] or ""),
        "custody": [{"time": x["at"], "by": x["who"], "action": x["action"], "sha256_observed": x["sha256_observed"]}
                    for x in custody_events if x["evidence"] == e["uuid"]],
        "caveats": e["caveats"],
    }


def _json(value: dict) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
