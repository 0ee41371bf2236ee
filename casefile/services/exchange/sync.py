"""Exchanging changes between a laptop case and its copy on the server, with the
same merge as bundles.

The server copy is one more copy of the case, with a key of its own (made at
``push``, kept in the case's schema for the members who sync). A sync works
on the server case through a local copy (``store.server.working``: a fresh
one, or the ``Mirror`` the window keeps), holding the case's lock, and:

1. bundles what the laptop has that the server copy has not acknowledged and
   merges it there, as the server copy (signed by the laptop's key);
2. bundles what the server copy has that the laptop has not acknowledged and
   merges it into the laptop (signed by the server's key): conflicts go to the
   laptop's review queue, as from any colleague;
3. sends back to the server what the merge changed in its copy, commits, and
   announces it when records changed (not for an exchange's bookkeeping alone);
4. rebuilds the partner view, after the commit.

All or nothing on the server; the laptop's merge is its own transaction, and
a sync that fails after it leaves only what the next sync sends again.

A copy made with ``pull_copy`` is introduced to the server copy as it is
made: each records the other as a peer that holds everything it holds, so
the first sync sends only what changed since (without that, it sends and
merges the whole case both ways: half a minute at the 0.01 scale case).
"""

from __future__ import annotations

import os
import tempfile
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ...i18n import translate
from ...model import utcnow
from ...store import Case, audit
from ...store.case import CaseKey, remove_case_files
from ...store.server.address import ServerAddress
from ...store.server.schema import server_key_seed
from ...store.server.sealing import CaseSeal, open_seal
from ...store.server.working import Mirror, working_copy
from .. import keys
from ..interchange import partner_view
from . import peers
from .changes import observe
from .merge import MergeReport, merge_bundle
from .send import make_bundle

Progress = Callable[[int, int, str], None]


@dataclass
class SyncReport:
    sent: MergeReport       # the laptop's changes, as the server copy merged them
    received: MergeReport   # the server's changes, as the laptop merged them


def server_key(conn: Connection, address: ServerAddress, seal: CaseSeal) -> keys.DocumenterKey:
    return keys.from_seed(*server_key_seed(conn, address, seal))


def sync(case: Case, address: ServerAddress, key: keys.DocumenterKey, *,
         progress: Progress | None = None, mirror: Mirror | None = None,
         committed: Callable[[], object] | None = None) -> SyncReport:
    """``mirror``: a copy of the server case kept from the last sync (the window
    keeps one), brought up to date instead of copied whole. ``committed`` is
    called once the changes are on the server, before the partner view follows."""
    report = progress or (lambda done, total, message: None)
    report(0, 4, translate("Exchange", "Reading the server's copy"))
    carried: list[int] = []

    def announce() -> str | None:
        # Only changes to records wake the other copies (and rebuild the partner view): an
        # exchange's own bookkeeping (what each copy acknowledged) would otherwise make open
        # windows sync each other forever.
        return key.fingerprint if sum(carried) else None

    with tempfile.TemporaryDirectory(prefix="casefile-sync-") as folder, \
            working_copy(address, key, write=True, mirror=mirror, announce=announce,
                         after_commit=lambda done, conn: (committed and committed(),
                                                          partner_view.refresh(done, conn, address))) as (copy, server):
        own = server_key(server, address, open_seal(server, address, key))
        report(1, 4, translate("Exchange", "Sending this copy's changes"))
        up = Path(folder) / "up.cfbundle"
        carried.extend(make_bundle(case, up, key, since=_known(case, own.fingerprint)).counts.values())
        sent = merge_bundle(copy, up, own)
        report(2, 4, translate("Exchange", "Receiving the server's changes"))
        down = Path(folder) / "down.cfbundle"
        make_bundle(copy, down, own, since=_known(copy, _replica_id(case)))
        received = merge_bundle(case, down, key)
        report(3, 4, translate("Exchange", "Writing to the server"))
    report(4, 4, translate("Exchange", "Done"))
    return SyncReport(sent, received)


def _known(case: Case, peer: str) -> str | None:
    """The peer ``case`` sends changes since, when it has met it (else everything);
    ``peer``: its key's fingerprint or its replica id (the server copy tells the
    laptops apart by replica: one documenter may sync two)."""
    return peer if peers.find_peer(case, peer) is not None else None


def _replica_id(case: Case) -> str:
    with case.connection() as conn:
        return str(conn.execute(text("SELECT uuid FROM exchange_replica WHERE id = 1")).scalar() or "")


def pull_copy(address: ServerAddress, out: str | os.PathLike, key: keys.DocumenterKey, *,
              passphrase: str | CaseKey | None = None, progress: Progress | None = None) -> Case:
    """A laptop copy of the server case at ``out`` (encrypted with ``passphrase``),
    introduced to the server copy: the server copy looks at itself, as before any
    exchange, and records the new copy as a peer that has everything; the
    working copy that did it, the server case as that commit left it, becomes the
    laptop copy, and records the server copy likewise. A member whose role may
    not write (a reader) gets a plain copy (``transfer.pull``): a reader does not sync."""
    from ...errors import CasefileError
    from ...store.server.transfer import pull

    report = progress or (lambda done, total, message: None)
    report(0, 2, translate("Exchange", "Copying the case from the server and introducing the copy to it"))
    mine = uuidlib.uuid4().hex[:12]
    made = Mirror(address, at=Path(out), passphrase=passphrase)
    try:
        with working_copy(address, key, write=True, announce=lambda: None, mirror=made) as (copy, server):
            own = server_key(server, address, open_seal(server, address, key))
            with copy.connection() as conn:
                theirs = peers.replica(conn, own.fingerprint)
                observe(conn, theirs)
                peers.save(conn, theirs)
            with copy.connection() as conn:
                peers.introduce(conn, peers.Introduction(mine, key.fingerprint, key.name, key.public_key,
                                                         dict(theirs.knowledge), theirs.counter), utcnow())
    except CasefileError:
        made.close()  # not this member's to write: a plain copy
        report(1, 2, translate("Exchange", "Copying the case from the server"))
        case = pull(address, out, key, passphrase=passphrase)
        report(2, 2, translate("Exchange", "Done"))
        return case
    except BaseException:
        made.close()
        raise
    case = made.keep()
    try:
        with case.connection() as conn:
            server_copy = peers.replica(conn, None)  # the server copy's identity, as the copy was made
            head_seq, _head_hash = audit.head(conn)
            peers.become_copy(conn, mine, key.fingerprint, server_copy.knowledge, head_seq)
            peers.introduce(conn, peers.Introduction(server_copy.uuid, own.fingerprint, own.name, own.public_key,
                                                     dict(server_copy.knowledge), 0), utcnow())
    except BaseException:
        path = case.path
        case.close(backup=False)
        remove_case_files(path)
        raise
    report(2, 2, translate("Exchange", "Done"))
    return case
