"""Making a bundle: ``casefile bundle`` and File > Send Changes….

First the case notices what changed since it last looked (``items.observe``,
committed on its own: versions only grow), then every item whose versions
the receiver has not acknowledged goes in, with the evidence files it may
lack, the custody of that evidence and the sender's history entries.

``partner`` and ``public`` bundles are built from the redaction engine's
document (``services.redaction``): only what that profile may show, marked
redacted, with no evidence files (originals carry EXIF, GPS, faces), no
values in conflict and no history entries (they hold every value in clear).
"""

from __future__ import annotations

import json
import os
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text

from ... import __version__
from ...errors import CasefileError
from ...files import is_regular
from ...i18n import translate
from ...model import utcnow
from ...store import Case, audit, chunks, outputs
from ...store.batches import batched, marks
from .. import keys
from ..interchange import FORMAT
from ..interchange.export import _Builder, build_document, stamp
from . import bundle as fmt
from . import peers
from .changes import observe
from .items import (
    EXISTS,
    VV,
    canonical,
    few_collections,
    flatten,
    leq,
    load_siblings,
    load_stored,
    load_written_after,
    vv_text,
)
from .reading import items_held

Progress = Callable[[int, int, str], None]


@dataclass
class BundleReport:
    path: Path
    bundle_id: str
    fingerprint: str
    profile: str
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class Receiver:
    """What the receiver of a bundle is known to have."""

    knowledge: VV = field(default_factory=dict)  # the versions it has seen
    blobs: list[str] = field(default_factory=list)  # the evidence files it holds
    history_seq: int = 0  # our history up to here it has
    replica: str = ""  # a peer's replica id
    clean: int | None = None  # a peer: items written up to here it has (``exchange_peer.clean``)
    blob_mark: int = 0  # a peer: it was told we hold our evidence files up to here (``blob`` rowid)


def _since(case: Case, since: str | None, me: peers.Me, key: keys.DocumenterKey) -> Receiver:
    if not since:
        return Receiver()
    path = Path(since)
    if is_regular(path):
        manifest = fmt.read_manifest(path, key)
        if manifest.get("case", {}).get("uuid") != _case_uuid(case):
            raise CasefileError(translate("Exchange", "{path} is a bundle of another case").format(path=path.name))
        sender = manifest.get("sender", {})
        mine = sender.get("replica") == me.uuid
        knowledge = manifest.get("knowledge") or {}
        blobs = manifest.get("blobs") or []
        return Receiver({str(k): int(v) for k, v in knowledge.items()}, list(blobs),
                        int(manifest.get("history_seq", 0)) if mine else 0,
                        "" if mine else str(sender.get("replica", "")))
    peer = peers.find_peer(case, since)
    if peer is None:
        raise CasefileError(translate("Exchange", "'{name}' is neither a bundle file nor a peer of this case "
                                      "(see 'casefile peers')").format(name=since))
    acknowledged = peer.knowledge.get(me.uuid, 0)
    with case.connection() as conn:
        seq = 0  # our history up to the last bundle whose versions the peer says it has
        mark = 0  # our files up to the last bundle it acknowledged of those we sent it (it notes only those)
        for to, summary in conn.execute(text("SELECT peer, summary FROM exchange_bundle WHERE direction = 'sent'")):
            sent = json.loads(summary)
            if int(sent.get("counter", 1 << 62)) <= acknowledged:
                seq = max(seq, int(sent.get("history_seq", 0)))
                if to == peer.replica:
                    mark = max(mark, int(sent.get("blob_mark", 0)))
    return Receiver(peer.knowledge, peer.blobs, seq, peer.replica, peer.clean, mark)


def _case_uuid(case: Case) -> str:
    with case.connection() as conn:
        return str(conn.execute(text("SELECT uuid FROM case_info")).scalar())


def make_bundle(case: Case, out: str | os.PathLike, key: keys.DocumenterKey, *, since: str | None = None,
                profile: str = "full", recipients: list[bytes] | None = None, force: bool = False,
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> BundleReport:
    with few_collections():
        return _make_bundle(case, out, key, since, profile, recipients, force, progress, cancelled)


def _make_bundle(case: Case, out: str | os.PathLike, key: keys.DocumenterKey, since: str | None, profile: str,
                 recipients: list[bytes] | None, force: bool, progress: Progress | None,
                 cancelled: Callable[[], bool] | None) -> BundleReport:
    from ..redaction import check_profile

    check_profile(profile)
    report = progress or (lambda done, total, message: None)
    report(0, 4, translate("Exchange", "Noticing changes"))
    full = profile == "full"
    bundle_id = str(uuidlib.uuid4())
    # One transaction from noticing the changes to reading what goes out: an edit
    # made meanwhile in the window cannot travel under the versions of the value before.
    with case.connection() as conn:
        me = peers.replica(conn, key.fingerprint)
        seen = observe(conn, me)
        peers.save(conn, me)
        report(1, 4, translate("Exchange", "Choosing what to send"))
        receiver = _since(case, since, me, key)  # what the receiver has: read apart, as committed
        base = receiver.knowledge
        # A peer has every item written up to its clean mark: only later ones can be new to it.
        candidates = (load_written_after(conn, receiver.clean, seen.stored) if receiver.clean is not None
                      else load_stored(conn))
        siblings = load_siblings(conn, candidates) if full else {}
        chosen = {u: row for u, row in candidates.items() if not since or not all(
            leq(vv, base) for vv in (*row.all_vectors(), *(s.vv for s in siblings.get(u, []))))}
        clean = None  # the peer's knowledge only grows: what it has now, it keeps
        if receiver.clean is not None and chosen:
            clean = min(r.seq for r in chosen.values()) - 1
        elif receiver.clean is not None:
            clean = max((r.seq for r in candidates.values()), default=receiver.clean)
        builder = _Builder(conn)
        document: dict[str, Any] = {"format": FORMAT, "case": builder.case_entry(),
                                    "vocabularies": builder.vocabularies()}
        if full:
            items = {u: seen.items[u] for u in chosen if u in seen.items}  # what the look just read
            items.update(items_held(conn, {u: row for u, row in chosen.items() if not row.deleted and u not in items}))
        head_seq, head_hash = audit.head(conn)
        history = [] if not full else [dict(r._mapping) for r in conn.execute(text(
            "SELECT seq, at, who, action, record_kind AS kind, record_uuid AS uuid, record_code AS code, changes, "
            "prev_hash, hash FROM audit_entry WHERE seq > :s ORDER BY seq"), {"s": receiver.history_seq})]
        entries = _last_entries(conn, chosen) if full else {}
        # The files we hold that the receiver was not told of yet: they only grow, and what it knows of
        # them only spares sending a file twice (a bundle of ours it lost costs that, no more).
        blob_mark = int(conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM blob").scalar() or 0)
        blobs_here = [r[0] for r in conn.exec_driver_sql(
            "SELECT sha256 FROM blob WHERE rowid > ? ORDER BY sha256", (receiver.blob_mark,)).fetchall()]
    if not full:
        document = build_document(case, profile)
        for section in ("evidence", "evidence_links", "custody"):
            document[section] = []
        items = flatten(document)
    payload: list[dict] = []
    evidence_hashes: set[str] = set()
    carried_evidence: list[str] = []
    counts = {"records": 0, "links": 0, "deleted": 0, "conflicts": 0}
    for uuid in sorted(chosen):
        row = chosen[uuid]
        entry: dict = {"id": uuid, "kind": row.kind, "entry": entries.get(uuid, "")}
        if row.deleted:
            entry["fields"] = {EXISTS: [[False, row.versions[EXISTS][1]]]}
            counts["deleted"] += 1
        else:
            item = items.get(uuid)
            if item is None:
                continue  # withheld by the profile
            fields: dict[str, list] = {name: [[value, row.versions.get(name, ("", {}))[1]]]
                                       for name, value in item.fields.items()}
            fields[EXISTS] = [[True, row.versions.get(EXISTS, ("", {}))[1]]]
            for s in siblings.get(uuid, []):
                fields.setdefault(s.field, []).append([s.value, s.vv])
                counts["conflicts"] += 1
            entry["fields"] = fields
            if item.ends:
                entry["ends"] = item.ends
            if item.code:
                entry["code"] = item.code
            if not full:
                entry["redacted"] = True
            counts["links" if item.ends else "records"] += 1
            sha = item.fields.get("sha256")
            if row.kind == "evidence" and isinstance(sha, str):
                evidence_hashes.add(sha)
                carried_evidence.append(uuid)
        payload.append(entry)
    evidence_hashes -= set(receiver.blobs)
    if full:
        with case.connection() as conn:
            custody = _Builder(conn).custody(carried_evidence)
    else:
        custody = []
    records = {"format": document["format"], "case": document["case"], "vocabularies": document["vocabularies"],
               "items": payload}
    now = utcnow()
    manifest = {
        "format": fmt.FORMAT, "generator": f"Casefile {__version__}", "bundle_id": bundle_id,
        "created_at": stamp(now), "case": {"uuid": document["case"]["uuid"], "title": document["case"]["title"]},
        "sender": {"replica": me.uuid, "fingerprint": key.fingerprint, "name": key.name or case.documenter,
                   "public_key": _b64(key.public_key)},
        "profile": profile, "since": base, "knowledge": me.knowledge if full else {},
        "history_seq": head_seq if full else 0, "history_head": head_hash if full else "",
        "blobs": blobs_here if full else [], "counts": {**counts, "evidence_files": len(evidence_hashes)},
    }
    report(2, 4, translate("Exchange", "Writing the bundle"))
    with outputs.atomic_output(out, force=force, open_cases=(case.path,)) as output:
        writer = fmt.Writer(output, key, list(recipients or []))
        try:
            writer.add(fmt.RECORDS, fmt.dumps(records))
            writer.add(fmt.CUSTODY, fmt.dumps(custody))
            writer.add(fmt.HISTORY, fmt.dumps(history))
            with case.connection() as conn:
                for n, sha in enumerate(sorted(evidence_hashes)):
                    if cancelled is not None and cancelled():
                        raise chunks.Cancelled(translate("Exchange", "cancelled"))
                    report(2, 4, translate("Exchange", "Evidence file {n} of {total}").format(
                        n=n + 1, total=len(evidence_hashes)))
                    writer.add_stream(fmt.EVIDENCE_DIR + sha, chunks.read_blob(conn, sha))
            writer.finish(manifest)
        finally:
            writer.close()
        report(3, 4, translate("Exchange", "Recording the bundle"))
        with case.connection() as conn:
            conn.execute(text("INSERT INTO exchange_bundle (bundle_id, direction, peer, at, profile, summary) "
                              "VALUES (:b, 'sent', :p, :at, :pr, :s)"),
                         {"b": bundle_id, "p": receiver.replica, "at": peers._bind(now), "pr": profile,
                          "s": canonical({"history_seq": head_seq if full else receiver.history_seq, **counts,
                                          "counter": me.counter, "blob_mark": blob_mark if full else 0,
                                          "since": vv_text(base)})})
            if receiver.replica:
                peers.record_sent(conn, receiver.replica, now, clean)
            audit.append(conn, "bundle", who=case.documenter, kind="case", changes={
                "bundle": bundle_id, "key": key.fingerprint, "profile": profile, **counts,
                "evidence_files": len(evidence_hashes)})
    report(4, 4, translate("Exchange", "Done"))
    return BundleReport(Path(out), bundle_id, key.fingerprint, profile,
                        {**counts, "evidence_files": len(evidence_hashes)})


def _last_entries(conn, uuids) -> dict[str, str]:
    """Each item's latest history entry hash (a dossier can say whose laptop it came from)."""
    out: dict[str, str] = {}
    for part in batched(uuids):
        out.update((u, h) for u, h in conn.exec_driver_sql(
            f"SELECT record_uuid, hash FROM audit_entry WHERE seq IN (SELECT max(seq) FROM audit_entry "
            f"WHERE record_uuid IN ({marks(part)}) GROUP BY record_uuid)", tuple(part)))
    return out


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode()
