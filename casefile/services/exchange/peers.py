"""This copy and the copies it has met.

A copy's replica id names it in version vectors. It is made at the first
exchange and bound to the documenter key used then: a case file copied to a
colleague, who exchanges under her own key, becomes a new replica (its
earlier versions keep the old name, which is only history).

Per peer the case keeps what that copy last said it had seen (its
``knowledge``, from full bundles) and which evidence files it holds, so
``--since PEER`` sends only what it has not acknowledged.
"""

from __future__ import annotations

import base64
import json
import uuid as uuidlib
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ...errors import CasefileError
from ...i18n import translate
from ...store import Case
from .. import keys
from .items import VV


@dataclass
class Me:
    uuid: str
    fingerprint: str
    counter: int
    knowledge: VV
    first: bool  # no exchange yet: observe() reads the history for the shared base
    observed: int = 0  # the history entry up to which observe() has looked (0: never)


def replica(conn: Connection, fingerprint: str | None) -> Me:
    row = conn.execute(text("SELECT uuid, fingerprint, counter, knowledge, observed FROM exchange_replica "
                            "WHERE id = 1")).first()
    if row is None:
        me = Me(uuidlib.uuid4().hex[:12], fingerprint or "", 0, {}, True)
        conn.execute(text("INSERT INTO exchange_replica (id, uuid, fingerprint, counter, knowledge) "
                          "VALUES (1, :u, :f, 0, '{}')"), {"u": me.uuid, "f": me.fingerprint})
        return me
    me = Me(row.uuid, row.fingerprint, row.counter, json.loads(row.knowledge), False, row.observed)
    if fingerprint and me.fingerprint and fingerprint != me.fingerprint:
        # A copy of another documenter's case: from now on a replica of its own.
        me = Me(uuidlib.uuid4().hex[:12], fingerprint, 0, me.knowledge, False, me.observed)
        save(conn, me)
    elif fingerprint and not me.fingerprint:
        me.fingerprint = fingerprint
        save(conn, me)
    return me


def save(conn: Connection, me: Me) -> None:
    me.knowledge[me.uuid] = max(me.counter, me.knowledge.get(me.uuid, 0))
    conn.execute(text("UPDATE exchange_replica SET uuid = :u, fingerprint = :f, counter = :c, knowledge = :k, "
                      "observed = :o WHERE id = 1"), {"u": me.uuid, "f": me.fingerprint, "c": me.counter,
                                                      "k": json.dumps(me.knowledge, sort_keys=True),
                                                      "o": me.observed})


def become_copy(conn: Connection, replica_id: str, fingerprint: str, knowledge: VV, observed: int) -> Me:
    """This file is a new copy of the case (just pulled): replica ``replica_id``,
    bound to ``fingerprint``, knowing what the copy it came from knew, its history
    up to ``observed`` looked at (what came with the file is not its own change)."""
    me = Me(replica_id, fingerprint, 0, dict(knowledge), False, observed)
    if conn.execute(text("SELECT 1 FROM exchange_replica WHERE id = 1")).first() is None:
        conn.execute(text("INSERT INTO exchange_replica (id, uuid, fingerprint, counter, knowledge) "
                          "VALUES (1, :u, :f, 0, '{}')"), {"u": me.uuid, "f": fingerprint})
    save(conn, me)
    return me


@dataclass
class Introduction:
    """What one copy knows of another that holds the same state (a pulled copy and
    the server copy it came from): enough for the first exchange to send only
    what changed since."""
    replica: str
    fingerprint: str
    name: str
    public_key: bytes
    knowledge: VV
    counter: int  # the peer's own counter it has acknowledged


def introduce(conn: Connection, peer: Introduction, now: datetime) -> None:
    """Record ``peer`` as a copy that holds everything this one holds now: its
    knowledge, every evidence file, every item written so far (``clean``), and
    this copy's history up to its head (a bundle sent, as far as ``_since`` reads it).
    It replaces what was known of an earlier copy under the same key (a copy the
    window pulled and let go): forgetting a peer costs only a longer exchange."""
    from ...store import audit

    head_seq, head_hash = audit.head(conn)
    clean = int(conn.execute(text("SELECT coalesce(max(seq), 0) FROM exchange_item")).scalar() or 0)
    blobs = [row[0] for row in conn.execute(text("SELECT sha256 FROM blob ORDER BY sha256"))]
    conn.execute(text("DELETE FROM exchange_peer WHERE replica = :r OR fingerprint = :f"),
                 {"r": peer.replica, "f": peer.fingerprint})
    conn.execute(text(
        "INSERT INTO exchange_peer (replica, fingerprint, name, public_key, knowledge, blobs, received, sent, "
        "last_received_at, last_sent_at, history_head, clean) VALUES (:r, :f, :n, :p, :k, :b, 0, 0, NULL, :at, :h, "
        ":c)"), {"r": peer.replica, "f": peer.fingerprint, "n": peer.name,
                 "p": base64.b64encode(peer.public_key).decode(), "k": json.dumps(peer.knowledge, sort_keys=True),
                 "b": json.dumps(blobs), "at": _bind(now), "h": head_hash, "c": clean})
    conn.execute(text("INSERT INTO exchange_bundle (bundle_id, direction, peer, at, profile, summary) "
                      "VALUES (:b, 'sent', :p, :at, 'full', :s)"),
                 {"b": str(uuidlib.uuid4()), "p": peer.replica, "at": _bind(now),
                  "s": json.dumps({"history_seq": head_seq, "counter": peer.counter, "introduced": True},
                                  sort_keys=True)})


@dataclass
class PeerInfo:
    replica: str
    fingerprint: str
    name: str
    public_key: str
    knowledge: VV
    blobs_text: str  # JSON: the evidence files it holds (read only when asked: a case may hold thousands)
    received: int
    sent: int
    last_received_at: datetime | None
    last_sent_at: datetime | None
    trusted: bool = False
    clean: int = 0  # items written up to here (``exchange_item.seq``) are all known to it

    @cached_property
    def blobs(self) -> list[str]:
        return json.loads(self.blobs_text)


def list_peers(case: Case) -> list[PeerInfo]:
    with case.connection() as conn:
        rows = conn.execute(text(
            "SELECT replica, fingerprint, name, public_key, knowledge, blobs, received, sent, last_received_at, "
            "last_sent_at, clean FROM exchange_peer ORDER BY name, fingerprint")).all()
    out = []
    known = keys.trusted()
    for r in rows:
        info = PeerInfo(r.replica, r.fingerprint, r.name, r.public_key, json.loads(r.knowledge), r.blobs,
                        r.received, r.sent, _at(r.last_received_at), _at(r.last_sent_at), clean=r.clean)
        entry = known.get(r.fingerprint) or {}
        info.trusted = entry.get("public_key") == r.public_key
        out.append(info)
    return out


def _at(value) -> datetime | None:
    from ...model.base import UTCDateTime

    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return UTCDateTime().process_result_value(value, None)


def find_peer(case: Case, name: str) -> PeerInfo | None:
    """A peer by fingerprint (with or without dashes, or its start), replica id or name."""
    wanted = name.strip().replace("-", "").upper()
    found = []
    for peer in list_peers(case):
        fp = peer.fingerprint.replace("-", "").upper()
        if (len(wanted) >= 4 and fp.startswith(wanted)) or peer.replica == name.strip() or \
                peer.name.casefold() == name.strip().casefold():
            found.append(peer)
    if len(found) > 1:
        raise CasefileError(translate("Exchange", "'{name}' names more than one peer; give its key fingerprint")
                            .format(name=name))
    return found[0] if found else None


def record_received(conn: Connection, manifest: dict, knowledge_ok: bool, now: datetime) -> None:
    sender = manifest["sender"]
    full = manifest.get("profile") == "full"
    row = conn.execute(text("SELECT knowledge FROM exchange_peer WHERE replica = :r"),
                       {"r": sender["replica"]}).first()
    knowledge = json.loads(row.knowledge) if row else {}
    if full and knowledge_ok and isinstance(manifest.get("knowledge"), dict):
        from .items import join

        knowledge = join(knowledge, {str(k): int(v) for k, v in manifest["knowledge"].items()})
    # The files a sender holds only grow (evidence is never deleted), and a bundle names
    # those it gained since the last one the peer acknowledged: added to what is known.
    announced = {b for b in manifest.get("blobs") or [] if isinstance(b, str)} if full else set()
    blobs = None
    if announced or row is None:
        held = conn.execute(text("SELECT blobs FROM exchange_peer WHERE replica = :r"),
                            {"r": sender["replica"]}).scalar()
        known = set(json.loads(held)) if held else set()
        blobs = None if row is not None and announced <= known else json.dumps(sorted(known | announced))
    values = {"r": sender["replica"], "f": keys.fingerprint(_raw(sender["public_key"])),
              "n": str(sender.get("name", "")), "p": sender["public_key"], "k": json.dumps(knowledge, sort_keys=True), "b": blobs or "[]",
              "at": _bind(now), "h": str(manifest.get("history_head", ""))[:64]}
    if conn.execute(text(
            "UPDATE exchange_peer SET fingerprint = :f, name = :n, public_key = :p, knowledge = :k, "
            + ("blobs = :b, " if blobs is not None else "")
            + "received = received + 1, last_received_at = :at, history_head = :h WHERE replica = :r"),
            values).rowcount == 0:
        conn.execute(text(
            "INSERT INTO exchange_peer (replica, fingerprint, name, public_key, knowledge, blobs, received, sent, "
            "last_received_at, last_sent_at, history_head) VALUES (:r, :f, :n, :p, :k, :b, 1, 0, :at, NULL, :h)"),
            values)


def record_sent(conn: Connection, replica_id: str, now: datetime, clean: int | None = None) -> None:
    """A bundle went to this peer; ``clean``: items up to there it has (it only grows)."""
    conn.execute(text("UPDATE exchange_peer SET sent = sent + 1, last_sent_at = :at, "
                      "clean = max(clean, coalesce(:c, clean)) WHERE replica = :r"),
                 {"r": replica_id, "at": _bind(now), "c": clean})


def _bind(now: datetime) -> str:
    from ...model.base import UTCDateTime

    value = UTCDateTime().process_bind_param(now, None)
    return value.strftime("%Y-%m-%d %H:%M:%S.%f") if value is not None else ""


def _raw(b64: str) -> bytes:
    return base64.b64decode(b64)
