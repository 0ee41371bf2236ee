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
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Connection

from ...i18n import translate
from ...store import Case
from ...store.server.address import ServerAddress
from ...store.server.schema import server_key_seed
from ...store.server.sealing import CaseSeal, open_seal
from ...store.server.working import Mirror, working_copy
from .. import keys
from ..interchange import partner_view
from . import peers
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
        make_bundle(copy, down, own, since=_known(copy, key.fingerprint))
        received = merge_bundle(case, down, key)
        report(3, 4, translate("Exchange", "Writing to the server"))
    report(4, 4, translate("Exchange", "Done"))
    return SyncReport(sent, received)


def _known(case: Case, fingerprint: str) -> str | None:
    """The peer ``case`` sends changes since, when it has met it (else everything)."""
    return fingerprint if peers.find_peer(case, fingerprint) is not None else None
