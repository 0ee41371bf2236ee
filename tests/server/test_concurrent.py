"""Two people at once: two processes, each with its laptop copy of the server
case, make 500 random edits each to the same few records, syncing with the
server as they go. Nothing is lost: every side's last value of a field is
shown, or kept as a conflict beside the shown one, or was seen and replaced by
the other side; and the copies end the same."""

from __future__ import annotations

import multiprocessing
import random
from pathlib import Path

from sqlalchemy import text

from casefile.cli import main
from casefile.services import records
from casefile.services.exchange import review
from casefile.services.exchange.reading import content_digest
from casefile.services.exchange.sync import sync
from casefile.services.keys import load_key
from casefile.services.sample import create_demo_case
from casefile.store import Case
from casefile.store.server.address import ServerAddress
from casefile.store.server.transfer import pull
from tests.server.conftest import member_key

FIELDS = ("title", "description", "notes")
EDITS, SYNC_EVERY = 500, 50


def _ids(case: Case) -> list[int]:
    with case.connection() as conn:
        return [row[0] for row in conn.execute(text("SELECT id FROM incident ORDER BY id"))]


def _edit_and_sync(name: str, path: str, url: str, keys_folder: str, seed: int) -> list[tuple]:
    """One person's session; returns (incident id, field, value written, value it replaced) per edit."""
    rng = random.Random(seed)
    key = load_key(f"{name}'s passphrase", Path(keys_folder))
    address = ServerAddress.parse(url)
    case = Case.open(path)
    log = []
    try:
        ids = _ids(case)[:3]  # few records, so that the two sides collide often
        for n in range(EDITS):
            record, field = rng.choice(ids), rng.choice(FIELDS)
            before = records.get(case, "incident", record)[field]
            value = f"{name} {n}"
            records.update(case, "incident", record, **{field: value})
            log.append((record, field, value, before))
            if (n + 1) % SYNC_EVERY == 0:
                sync(case, address, key)
        sync(case, address, key)
    finally:
        case.close()
    return log


def test_two_processes_edit_at_once_and_nothing_is_lost(pg_server, pg_database, tmp_path, owner_key):
    create_demo_case(tmp_path / "start.casefile").close()
    url = pg_server.url(pg_database, case="guerrero")
    assert main(["server", "init", pg_server.url(pg_database)]) == 0
    assert main(["push", str(tmp_path / "start.casefile"), url]) == 0
    for name in ("ana", "beto"):
        key = member_key(url, name, tmp_path / f"{name}-keys")
        pull(ServerAddress.parse(url), tmp_path / f"{name}.casefile", key).close()
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(2) as pool:
        jobs = {name: pool.apply_async(_edit_and_sync, (name, str(tmp_path / f"{name}.casefile"), url,
                                                        str(tmp_path / f"{name}-keys"), seed))
                for seed, name in enumerate(("ana", "beto"))}
        logs = {name: job.get(timeout=600) for name, job in jobs.items()}
    # Both sync once more, so each has what the other sent last.
    for name in ("ana", "beto"):
        with Case.open(tmp_path / f"{name}.casefile") as case:
            sync(case, ServerAddress.parse(url), load_key(f"{name}'s passphrase", tmp_path / f"{name}-keys"))
    with Case.open(tmp_path / "ana.casefile") as ana, Case.open(tmp_path / "beto.casefile") as beto:
        with ana.connection() as a, beto.connection() as b:
            assert content_digest(a) == content_digest(b)
        shown = {(i, f): records.get(ana, "incident", i)[f] for i in _ids(ana)[:3] for f in FIELDS}
        kept: dict[tuple, set] = {}
        for copy in (ana, beto):
            for conflict in review.conflicts(copy):
                for i in _ids(copy)[:3]:
                    if records.get(copy, "incident", i)["code"] == conflict.code:
                        kept.setdefault((i, conflict.field), set()).update({str(conflict.here), str(conflict.theirs)})
    replaced = {(i, f, before) for log in logs.values() for i, f, _value, before in log}
    lost = []
    for name, log in logs.items():
        last = {}
        for i, f, value, _before in log:
            last[(i, f)] = value
        for (i, f), value in last.items():
            if value != shown[(i, f)] and value not in kept.get((i, f), set()) and (i, f, value) not in replaced:
                lost.append((name, i, f, value))
    assert not lost, lost[:5]
    assert kept, "two people editing the same fields for 500 edits each: some collisions are reported"
