"""Merging a bundle: ``casefile merge`` and File > Receive Changes….

All or nothing, in one transaction on the case's own connection (so the
commit seals every row it wrote and ``verify`` holds): the bundle is opened
and checked first (``bundle.open_bundle``), then this copy notices its own
changes (``items.observe``), then per item and per field the values of both
sides meet:

- each side's values with their version vectors; equal values join; a value
  whose vector another's dominates is gone (the other side saw it and
  changed it): a change made on one side only simply applies, and changes to
  different fields of one record both apply;
- two values left for one field: a conflict. The value shown here stays;
  the other is kept in ``exchange_conflict``, listed for a person, counted
  in ``casefile info``, and carried on in later bundles, so every copy ends
  with the same values in conflict;
- a deletion against an edit the deleting side had not seen: the record
  stays (or comes back, with the edited values) and the deletion waits in
  the review queue as field ``_exists``.

The result depends only on what both sides hold, so bundles may arrive in
any order; the same bundle twice is refused as a replay. Each merged item
gets a history entry naming the signer's key fingerprint and the sender's
history entry for it; the sender's entries are checked and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO, cast

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ...i18n import translate
from ...model import utcnow
from ...model.base import UTCDateTime
from ...store import Case, audit, chunks, fulltext
from ...store.batches import batched
from .. import keys
from . import bundle as fmt
from . import peers
from .apply import RECORD_TABLES, REFS, Writer
from .changes import observe
from .items import (
    EXISTS,
    FALSE,
    TRUE,
    VV,
    Item,
    Sibling,
    Stored,
    canonical,
    few_collections,
    join,
    leq,
    load_siblings,
    load_stored,
    save_many,
    stamp,
    value_hash,
    vv_text,
)
from .reading import items_held

Progress = Callable[[int, int, str], None]
#: a bundle naming more items than this has each table's ids read whole (else one row at a time)
WHOLE_TABLES = 2000
_UNKNOWN = object()  # a value known here only by its hash
_HELD = object()  # a value held here, read from the case only when a conflict keeps it


@dataclass
class Element:
    hash: str
    vv: VV
    value: object = _UNKNOWN


@dataclass
class MergeReport:
    bundle_id: str
    signer: str  # key fingerprint
    signer_name: str
    trusted: bool
    profile: str
    counts: dict[str, int] = field(default_factory=dict)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (record code or link id, field)


def mv_merge(*sides: list[Element]) -> list[Element]:
    """The values no other value's vector dominates; equal values join."""
    if len(sides) == 2 and len(sides[0]) == 1 and len(sides[1]) == 1:  # the usual case: one value each side
        a, b = sides[0][0], sides[1][0]
        if a.hash == b.hash:
            return [Element(a.hash, join(a.vv, b.vv), b.value if a.value in (_UNKNOWN, _HELD) else a.value)]
        if a.vv != b.vv and leq(a.vv, b.vv):
            return [Element(b.hash, dict(b.vv), b.value)]
        if a.vv != b.vv and leq(b.vv, a.vv):
            return [Element(a.hash, dict(a.vv), a.value)]
    by_hash: dict[str, Element] = {}
    for side in sides:
        for e in side:
            known = by_hash.get(e.hash)
            if known is None:
                by_hash[e.hash] = Element(e.hash, dict(e.vv), e.value)
            else:
                known.vv = join(known.vv, e.vv)
                if known.value is _UNKNOWN or (known.value is _HELD and e.value is not _UNKNOWN):
                    known.value = e.value
    elements = list(by_hash.values())
    return sorted((e for e in elements if not any(
        o is not e and leq(e.vv, o.vv) and e.vv != o.vv for o in elements)), key=lambda e: e.hash)


def _primary(merged: list[Element], shown: str | None) -> Element:
    for e in merged:
        if e.hash == shown:
            return e
    return max(merged, key=lambda e: (sum(e.vv.values()), e.hash))


def merge_bundle(case: Case, path, key: keys.DocumenterKey | None = None, *, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> MergeReport:
    from pathlib import Path

    path = Path(path)
    report = progress or (lambda done, total, message: None)
    report(0, 3, translate("Exchange", "Checking the bundle"))
    opened = fmt.open_bundle(path, key)
    try:
        with few_collections():
            return _merge(case, opened, key, report, cancelled)
    finally:
        opened.close()


def _merge(case: Case, opened: fmt.Opened, key: keys.DocumenterKey | None, report: Progress,
           cancelled: Callable[[], bool] | None) -> MergeReport:
    manifest, path = opened.manifest, opened.path
    bundle_id = str(manifest.get("bundle_id", ""))
    sender = manifest.get("sender", {})
    profile = str(manifest.get("profile", "full"))
    signer = opened.fingerprint
    result = MergeReport(bundle_id, signer, str(sender.get("name", "")), keys.is_trusted(opened.signer_key), profile)
    changed: dict[str, set[int]] = {}
    with case.connection() as conn:
        case_uuid = conn.execute(text("SELECT uuid FROM case_info")).scalar()
        if manifest.get("case", {}).get("uuid") != case_uuid:
            raise fmt.refuse(path, translate("Exchange", "it belongs to another case ({title})").format(
                title=str(manifest.get("case", {}).get("title", "?"))[:80]))
        done = conn.execute(text("SELECT at, direction FROM exchange_bundle WHERE bundle_id = :b"),
                            {"b": bundle_id}).first()
        if done is not None:
            raise fmt.refuse(path, translate("Exchange", "this bundle was already {how} here on {at}").format(
                how=translate("Exchange", "merged") if done.direction == "received" else translate(
                    "Exchange", "written"), at=str(done.at)[:19]))
        me = peers.replica(conn, key.fingerprint if key else None)
        if sender.get("replica") == me.uuid:
            raise fmt.refuse(path, translate("Exchange", "it was made by this copy of the case"))
        observe(conn, me)
        history_head = _history(conn, opened, path)
        report(1, 3, translate("Exchange", "Taking in evidence files"))
        _evidence(conn, opened, path, cancelled)
        report(2, 3, translate("Exchange", "Merging records and links"))
        who = f"{result.signer_name} [{signer}]".strip()
        merger = _Merger(conn, opened, who, signer, bundle_id, result, changed)
        merger.run()
        _vocabularies(conn, opened.records.get("vocabularies"))
        result.counts["custody"] = _custody(conn, opened.custody, merger.writer, merger.new_evidence, signer,
                                            bundle_id, case.documenter)
        _thumbnails(conn, merger.writer, merger.new_evidence)
        since: dict = manifest["since"] if isinstance(manifest.get("since"), dict) else {}
        knowledge_ok = profile == "full" and leq({str(k): int(v) for k, v in since.items()}, me.knowledge)
        if knowledge_ok and isinstance(manifest.get("knowledge"), dict):
            me.knowledge = join(me.knowledge, {str(k): int(v) for k, v in manifest["knowledge"].items()})
        # What the merge wrote, seen as it stands: rows found for new items, and
        # what deletions' cascades changed (links gone, places emptied). Rows it
        # only updated are as it left them, unless a deletion cascaded into them.
        settled = merger.updated_rows if not result.counts["deleted"] else None
        observe(conn, me, known=merger.stored, settled=settled)
        peers.save(conn, me)
        now = utcnow()
        peers.record_received(conn, {**manifest, "history_head": history_head}, knowledge_ok, now)
        conn.execute(text("INSERT INTO exchange_bundle (bundle_id, direction, peer, at, profile, summary) "
                          "VALUES (:b, 'received', :p, :at, :pr, :s)"),
                     {"b": bundle_id, "p": str(sender.get("replica", "")), "at": peers._bind(now), "pr": profile,
                      "s": canonical(result.counts)})
        opened.check_archive()  # before the commit: a file altered anywhere changes nothing
        audit.append(conn, "merge-bundle", who=case.documenter, kind="case", changes={
            "bundle": bundle_id, "key": signer, "trusted": result.trusted, "profile": profile,
            "sender_head": history_head, **result.counts})
    case.notify(changed)
    return result


def _history(conn: Connection, opened: fmt.Opened, path) -> str:
    """Check the sender's history entries chain and recompute; keep them."""
    prev, head = None, ""
    replica = str(opened.manifest.get("sender", {}).get("replica", ""))
    rows = []
    for e in opened.history:
        try:
            at = UTCDateTime().process_result_value(datetime.fromisoformat(e["at"]), None)
            digest = audit.entry_hash(e["prev_hash"], int(e["seq"]), at, e["who"], e["action"], e["kind"], e["uuid"],
                                      e["code"], e["changes"])
        except (KeyError, TypeError, ValueError):
            digest = None
        if digest != e.get("hash") or (prev is not None and e.get("prev_hash") != prev):
            raise fmt.refuse(path, translate("Exchange", "the sender's history entry {seq} does not verify").format(
                seq=str(e.get("seq", "?"))[:12] if isinstance(e, dict) else "?"))
        prev = head = e["hash"]
        rows.append({"r": replica, "s": int(e["seq"]), "h": e["hash"], "e": canonical(e)})
    if rows:
        conn.execute(text("INSERT OR IGNORE INTO exchange_history (replica, seq, hash, entry) VALUES (:r, :s, :h, :e)"),
                     rows)
    return head or str(opened.manifest.get("history_head", ""))


def _evidence(conn: Connection, opened: fmt.Opened, path, cancelled) -> None:
    """Every evidence file in, chunk by chunk, its hash checked; one bad file refuses the bundle."""
    for sha in sorted(opened.evidence):
        try:
            with opened.evidence_stream(sha) as stream:
                got = chunks.write_stream(conn, cast(BinaryIO, stream), cancelled=cancelled).sha256
        except chunks.Cancelled:
            raise
        except Exception:  # noqa: BLE001 - a bad CRC, a cut member: the same answer
            got = ""
        if got != sha or got != opened.evidence[sha].get("sha256"):
            raise fmt.refuse(path, translate("Exchange", "evidence file {sha} does not match its hash").format(
                sha=sha[:64]))


class _Merger:
    def __init__(self, conn: Connection, opened: fmt.Opened, who: str, signer: str, bundle_id: str,
                 result: MergeReport, changed: dict[str, set[int]]):
        self.conn, self.opened = conn, opened
        self.who, self.signer, self.bundle_id, self.result, self.changed = who, signer, bundle_id, result, changed
        incoming = {str(i.get("id", "")) for i in opened.records["items"] if isinstance(i, dict)}
        self.writer = Writer(conn, whole=len(incoming) > WHOLE_TABLES)
        self.stored = load_stored(conn, incoming)  # only what the bundle names is looked at
        self._held: dict[str, Item | None] = {}  # items read from the case, when needed
        self.updated_rows: dict[str, set[str]] = {}  # rows of items that were here and still are
        self.siblings = load_siblings(conn, incoming)
        self.stamp = stamp(conn)
        self.saved: dict[str, Stored] = {}  # rows of exchange_item, written at the end
        self.entries: list[audit.Entry] = []  # the history, one entry per item merged
        self.new_evidence: list[str] = []
        self.pending_refs: list[tuple[str, str, dict]] = []
        for k in ("created", "updated", "deleted", "conflicts", "unchanged", "skipped"):
            result.counts[k] = 0

    def run(self) -> None:
        incoming = [i for i in self.opened.records["items"] if isinstance(i, dict)]
        order = {k: n for n, k in enumerate(RECORD_TABLES)}
        records = sorted((i for i in incoming if i.get("kind") in order), key=lambda i: order[i["kind"]])
        links = [i for i in incoming if i.get("kind") not in order]
        for entry in records:
            self.item(entry)
        self.writer.flush_updates()
        for kind, uuid, refs in self.pending_refs:  # references to records that came later in the bundle
            self.writer.queue_update(kind, uuid, refs)
        self.writer.flush_updates()
        for entry in links:
            self.item(entry)
        for kind, ids in self.changed.items():  # the search index, in batches
            if kind in fulltext.INDEXED:
                fulltext.reindex(self.conn, kind, sorted(ids))
        save_many(self.conn, self.saved, self.stamp)
        audit.append_many(self.conn, self.entries)

    def _elements(self, entry: dict) -> dict[str, list[Element]]:
        fields = entry.get("fields")
        if not isinstance(fields, dict):
            raise fmt.refuse(self.opened.path, translate("Exchange", "item {id} is malformed").format(
                id=str(entry.get("id"))[:40]))
        out: dict[str, list[Element]] = {}
        try:
            for name, values in fields.items():
                out[str(name)] = [Element(value_hash(v), {str(r): int(n) for r, n in vv.items()}, v)
                                  for v, vv in values]
        except (TypeError, ValueError, AttributeError):
            raise fmt.refuse(self.opened.path, translate("Exchange", "item {id} is malformed").format(
                id=str(entry.get("id"))[:40])) from None
        return out

    def item(self, entry: dict) -> None:
        uuid, kind = str(entry.get("id", "")), str(entry.get("kind", ""))
        if not uuid or len(uuid) > 36 or (kind not in RECORD_TABLES and kind not in _LINK_KINDS):
            raise fmt.refuse(self.opened.path, translate("Exchange", "item {id} is malformed").format(id=uuid[:40]))
        incoming = self._elements(entry)
        redacted = bool(entry.get("redacted"))
        row = self.stored.get(uuid)
        if redacted and row is not None and not row.redacted:
            self.result.counts["skipped"] += 1  # a redacted copy never replaces what this copy holds in full
            return
        versions: dict[str, tuple[str, VV]] = {}
        if row is not None and not (row.redacted and not redacted):
            versions = row.versions
        elif row is not None:  # held redacted here, and the full values arrive: keep only existence
            versions = {EXISTS: row.versions.get(EXISTS, (TRUE, {}))}
        mine = [s for s in self.siblings.get(uuid, [])]
        merged: dict[str, list[Element]] = {}
        for f in set(versions) | set(incoming) | {s.field for s in mine}:
            arrived, held = incoming.get(f, []), versions.get(f)
            if len(arrived) == 1 and held is not None and arrived[0].hash == held[0] and arrived[0].vv == held[1] \
                    and not any(s.field == f for s in mine):
                merged[f] = [Element(held[0], held[1], arrived[0].value)]  # the same version on both sides
                continue
            local = [Element(held[0], held[1], (held[0] == TRUE) if f == EXISTS else _HELD)] if held else []
            local += [Element(s.hash, s.vv, s.value) for s in mine if s.field == f]
            merged[f] = mv_merge(local, arrived)
        exists = merged.setdefault(EXISTS, [Element(TRUE, {}, True)])
        falses = [e for e in exists if e.hash == FALSE]
        if falses:
            # A deletion wins over every value its side had seen; an edit it had
            # not seen makes a conflict and keeps the record. Existence itself
            # (each copy's first look stamps it) does not count as an edit.
            tomb = join(*(e.vv for e in falses))
            later = [e.vv for f, es in merged.items() if f != EXISTS for e in es if not leq(e.vv, tomb)]
            exists[:] = falses
            if later:
                exists.append(Element(TRUE, join(*later), True))
        alive = any(e.hash == TRUE for e in exists)
        was_alive = row is not None and not row.deleted  # observe() keeps the rows true to the case
        label = (self.writer.code_of(kind, uuid) if was_alive and kind in RECORD_TABLES else "") or uuid
        if not alive:
            new_versions = {EXISTS: (FALSE, join(*(e.vv for e in falses)))}
            conflicts: dict[str, list[Element]] = {}
            values: dict[str, object] = {}
        else:
            new_versions, conflicts, values = {}, {}, {}
            for f, es in merged.items():
                shown = (row.versions.get(f, (None, {}))[0] if row is not None and was_alive else None)
                if f == EXISTS:
                    shown = TRUE
                p = _primary(es, shown)
                new_versions[f] = (p.hash, p.vv)
                others = [e for e in es if e is not p]
                if others:
                    conflicts[f] = others
                if f != EXISTS and (not was_alive or p.hash != shown):
                    if p.value is _HELD:
                        found = self._here(uuid)
                        p.value = found.fields.get(f, _UNKNOWN) if found is not None else _UNKNOWN
                    if p.value is _UNKNOWN:
                        raise fmt.refuse(self.opened.path, translate(
                            "Exchange", "item {id} lacks a value for {field}").format(id=uuid, field=f[:64]))
                    values[f] = p.value
        old_conflicts = {(s.field, s.hash, vv_text(s.vv)) for s in mine}
        new_conflicts = {(f, e.hash, vv_text(e.vv)) for f, es in conflicts.items() for e in es}
        versions_changed = row is None or row.deleted == alive or row.versions != new_versions or (
            row.redacted and not redacted)
        if not values and was_alive == alive and old_conflicts == new_conflicts and not versions_changed:
            self.result.counts["unchanged"] += 1
            return
        action = self._write(kind, uuid, entry, alive, was_alive, values)
        if action == "orphan":
            self.result.counts["skipped"] += 1
            return
        if old_conflicts != new_conflicts:
            for f, es in conflicts.items():
                for e in es:
                    if e.value is _HELD:
                        found = self._here(uuid)
                        e.value = found.fields.get(f, _UNKNOWN) if found is not None else _UNKNOWN
            self.conn.execute(text("DELETE FROM exchange_conflict WHERE uuid = :u"), {"u": uuid})
            now = peers._bind(utcnow())
            for f, es in sorted(conflicts.items()):
                for e in es:
                    self.conn.execute(text(
                        "INSERT INTO exchange_conflict (uuid, kind, field, value, value_hash, vv, fingerprint, at) "
                        "VALUES (:u, :k, :f, :v, :h, :vv, :fp, :at)"),
                        {"u": uuid, "k": kind, "f": f, "v": canonical(e.value if e.value is not _UNKNOWN else None),
                         "h": e.hash, "vv": vv_text(e.vv), "fp": self.signer, "at": now})
            self.siblings[uuid] = [Sibling(f, e.value, e.hash, e.vv, self.signer)
                                   for f, es in conflicts.items() for e in es]
        if new_conflicts - old_conflicts:
            self.result.counts["conflicts"] += 1
            code = self.writer.code_of(kind, uuid) if kind in RECORD_TABLES else ""
            self.result.conflicts.extend((code or uuid, f) for f in sorted(conflicts))
        stored = Stored(kind, not alive, redacted if alive else False, new_versions,
                        self.signer if values or action else (row.origin if row else ""),
                        str(entry.get("entry", ""))[:64], row.row if row else ("", ""))
        self.saved[uuid] = stored
        self.stored[uuid] = stored
        if was_alive and alive and row is not None and row.row[0]:
            self.updated_rows.setdefault(row.row[0], set()).add(row.row[1])
        if action:
            self.result.counts[action] += 1
        elif new_conflicts == old_conflicts:
            self.result.counts["unchanged"] += 1  # only versions moved: nothing a person would see
            return
        code = self.writer.code_of(kind, uuid) if kind in RECORD_TABLES and alive else label
        self.entries.append(audit.Entry("merge", who=self.who, kind=kind, uuid=uuid, code=code if code != uuid else "",
                                        changes={"from": self.signer, "entry": stored.entry, "bundle": self.bundle_id,
                                                 "action": action or "versions",
                                                 "set": {f: _short(v) for f, v in values.items()},
                                                 "conflicts": sorted(conflicts)}))

    def _here(self, uuid: str) -> Item | None:
        """The item as this case holds it (one read, kept)."""
        if uuid not in self._held:
            row = self.stored.get(uuid)
            alive = row is not None and not row.deleted
            self._held[uuid] = items_held(self.conn, {uuid: row}).get(uuid) if row is not None and alive else None
        return self._held[uuid]

    def _write(self, kind: str, uuid: str, entry: dict, alive: bool, was_alive: bool,
               values: dict[str, object]) -> str:
        if kind in RECORD_TABLES:
            refs = {f: v for f, v in values.items() if f in REFS.get(kind, {})}
            ident: int | None
            if alive and not was_alive:
                if kind == "evidence":
                    self._need_blob(uuid, entry, values)
                ident = self.writer.insert_record(kind, uuid, str(entry.get("code", "")), values,
                                                  entry.get("created_at"))
                if refs:
                    self.pending_refs.append((kind, uuid, refs))
                if kind == "evidence":
                    self.new_evidence.append(uuid)
                action = "created"
            elif alive:
                ident = self.writer.queue_update(kind, uuid, {f: v for f, v in values.items() if f not in refs})
                if refs:
                    self.pending_refs.append((kind, uuid, refs))
                action = "updated" if values else ""
            elif was_alive:
                if kind == "evidence":  # evidence is withdrawn, never deleted: custody refers to it
                    ident = self.writer.update_record(kind, uuid, {"withdrawn": True})
                else:
                    ident = self.writer.delete_record(kind, uuid)
                action = "deleted"
            else:
                return ""
            if ident is not None:
                self.changed.setdefault(kind, set()).add(ident)
            return action
        ends = entry.get("ends") or {}
        if not ends and not alive and was_alive:  # a deletion carries no ends: the link as held here
            held = self._here(uuid)
            ends = held.ends if held is not None else {}
        item = Item(kind, ends={str(k): v for k, v in ends.items()})
        if alive:
            attrs = {f: v for f, v in values.items() if f != EXISTS}
            if not self.writer.put_link(item, attrs, exists=was_alive):
                return "orphan"
            self.changed.setdefault(kind, set())
            return "created" if not was_alive else ("updated" if attrs else "")
        if was_alive:
            self.writer.delete_link(item)
            return "deleted"
        return ""

    def _need_blob(self, uuid: str, entry: dict, values: dict[str, object]) -> None:
        sha = values.get("sha256")
        if not isinstance(sha, str) or not chunks.blob_exists(self.conn, sha):
            raise fmt.refuse(self.opened.path, translate(
                "Exchange", "it lacks the file of evidence {code}").format(code=str(entry.get("code") or uuid)[:40]))


_LINK_KINDS = ("involvement", "incident_link", "actor_relation", "incident_tag", "claim_subject", "source_citation",
               "claim_relay", "evidence_link", "withhold_mark")


def _short(value: object) -> object:
    if isinstance(value, str) and len(value) > 4000:
        return {"sha256": value_hash(value), "length": len(value)}
    return value


def _vocabularies(conn: Connection, vocabularies) -> None:
    if not isinstance(vocabularies, dict):
        return
    rows = []
    for name, terms in vocabularies.items():
        for t in terms if isinstance(terms, list) else []:
            if isinstance(t, dict) and isinstance(t.get("key"), str) and not t.get("builtin", True):
                rows.append({"v": str(name)[:64], "k": t["key"][:64], "en": str(t.get("en", "")),
                             "es": str(t.get("es", "")), "den": str(t.get("description_en", "")),
                             "des": str(t.get("description_es", "")), "p": int(t.get("position", 0) or 0),
                             "ien": str(t.get("inverse_en", "")), "ies": str(t.get("inverse_es", ""))})
    if rows:
        conn.execute(text(
            "INSERT OR IGNORE INTO vocabulary_term (vocabulary, key, label_en, label_es, description_en, "
            "description_es, position, builtin, inverse_en, inverse_es) VALUES (:v, :k, :en, :es, :den, :des, :p, 0, "
            ":ien, :ies)"), rows)


def _custody_id(evidence: str, at: str, who: str, action: str, observed: str, details: str) -> str:
    return value_hash([evidence, at, who, action, observed, details])


def _custody(conn: Connection, events: list, writer: Writer, new_evidence: list[str], signer: str,
             bundle_id: str, documenter: str) -> int:
    """Custody events are only ever added: the sender's ones this copy lacks,
    then one "transferred" event per evidence item that arrived."""
    from ..interchange.export import stamp

    have = set()
    named = sorted({i for e in events if isinstance(e, dict)
                    if (i := writer.ids("evidence").get(str(e.get("evidence")))) is not None})
    uuid_of = {i: u for u, i in writer.ids("evidence").items()}  # those named among them
    for part in batched(named):  # only the items the bundle speaks of: the rest cannot match
        for ev, at, who, action, observed, details in conn.execute(text(
                "SELECT evidence_id, at, who, action, sha256_observed, details FROM custody_event "
                f"WHERE evidence_id IN ({', '.join(map(str, part))})")):
            at_value = UTCDateTime().process_result_value(datetime.fromisoformat(str(at)), None)
            have.add(_custody_id(uuid_of.get(ev, ""), stamp(at_value) or "", who, action, observed, details))
    added = 0
    for e in events:
        if not isinstance(e, dict):
            continue
        ident = writer.ids("evidence").get(str(e.get("evidence")))
        key = _custody_id(str(e.get("evidence")), str(e.get("at")), str(e.get("who", "")), str(e.get("action", "")),
                          str(e.get("sha256_observed", "")), str(e.get("details", "")))
        if ident is None or key in have:
            continue
        try:
            at = datetime.fromisoformat(str(e["at"]).replace("Z", "+00:00"))
        except (KeyError, ValueError):
            continue
        _insert_custody(conn, ident, at, str(e.get("who", "")), str(e.get("action", ""))[:32],
                        str(e.get("sha256_observed", ""))[:64], str(e.get("details", "")))
        have.add(key)
        added += 1
    for uuid in new_evidence:
        ident = writer.ids("evidence")[uuid]
        sha = conn.execute(text("SELECT sha256 FROM evidence WHERE id = :i"), {"i": ident}).scalar() or ""
        _insert_custody(conn, ident, utcnow(), documenter, "transferred", sha,
                        f"received in bundle {bundle_id} signed by key {signer}")
        added += 1
    return added


def _thumbnails(conn: Connection, writer: Writer, new_evidence: list[str]) -> None:
    """Previews of the images that arrived, made here from their bytes as intake makes
    them (a bundle carries files, not previews)."""
    import io

    from sqlalchemy import insert

    from ...model import Thumbnail
    from ..evidence import media

    for uuid in new_evidence:
        ident = writer.ids("evidence")[uuid]
        sha = conn.execute(text("SELECT sha256 FROM evidence WHERE id = :i"), {"i": ident}).scalar()
        has = conn.execute(text("SELECT 1 FROM thumbnail WHERE evidence_id = :i"), {"i": ident}).first()
        if not sha or has is not None:
            continue
        facts = media.examine(io.BufferedReader(chunks.BlobReader(conn, sha)))  # parsers read in small steps
        if facts.thumbnail is not None:
            conn.execute(insert(Thumbnail).values(evidence_id=ident, png=facts.thumbnail))


def _insert_custody(conn: Connection, ident: int, at: datetime, who: str, action: str, observed: str,
                    details: str) -> None:
    from sqlalchemy import insert

    from ...model import CustodyEvent

    conn.execute(insert(CustodyEvent).values(evidence_id=ident, at=at, who=who, action=action,
                                             sha256_observed=observed, details=details))
