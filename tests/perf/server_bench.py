"""Server benchmark (issue 19): the scale case on a PostgreSQL server over
loopback (a throwaway cluster, ``tests/pgserver.py``), against the same work on
a laptop case in the same run. Not a test: nothing asserts on time.

    uv run python tests/perf/server_bench.py [--scale 0.01] [--edits 20] [--trip-only] [--profile] [--sql]

- push and pull of the whole case (every row, one transaction each);
- an edit's round trip: Ana edits an incident and syncs, Beto syncs and has it
  (each keeps a mirror of the server case, as the window does); the limit is
  the same edit committed on a laptop case;
- a command on a server address (a snapshot of the whole case);
- the list's first paint and search p95 on the window's copy of the server
  case (encrypted under a random key, as the window pulls it), against the
  same on the laptop's encrypted case (``bench.py``'s measurements).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg  # noqa: E402
from sqlalchemy import event, text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from casefile.services import keys, records  # noqa: E402
from casefile.services.exchange.sync import pull_copy, sync  # noqa: E402
from casefile.services.interchange import partner_view  # noqa: E402
from casefile.store import Case  # noqa: E402
from casefile.store.server import sealing  # noqa: E402
from casefile.store.server.address import ServerAddress  # noqa: E402
from casefile.store.server.schema import init_server  # noqa: E402
from casefile.store.server.transfer import pull, push, server_engine  # noqa: E402
from casefile.store.server.working import Mirror, working_copy  # noqa: E402
from tests.perf._common import figure, percentile, write_figures  # noqa: E402
from tests.pgserver import running  # noqa: E402


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(samples) * 1000:8.1f} ms, p95 {p95 * 1000:8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="print where one edit's two syncs spend their time")
    parser.add_argument("--sql", action="store_true", help="print the statements one edit's two syncs spend "
                        "their time in")
    parser.add_argument("--trip-only", action="store_true", help="only what the round trip needs: push, the two "
                        "introduced pulls, their first syncs, the edits")
    parser.add_argument("--json", help="also write the figures here (bench.py)")
    args = parser.parse_args()
    import scale_case

    source = scale_case.build(args.seed, args.scale) / "plain.casefile"
    folder = Path(tempfile.mkdtemp(prefix="server-bench-"))
    try:
        with running() as server:
            with psycopg.connect(server.url(), autocommit=True) as admin:
                admin.execute("CREATE DATABASE bench")
            address = ServerAddress.parse(server.url("bench", case="scale"))
            engine = server_engine(address)
            with engine.begin() as conn:
                init_server(conn)
            engine.dispose()
            laptop = folder / "laptop.casefile"
            shutil.copy(source, laptop)
            ka = keys.create_key("a", "Ana", folder / "ka")
            kb = keys.create_key("b", "Beto", folder / "kb")
            with Case.open(laptop) as case:
                started = time.perf_counter()
                rows = push(case, address, ka, before_commit=lambda c, s: partner_view.refresh(c, s, address))
                pushed = time.perf_counter() - started
            engine = server_engine(address)
            with engine.begin() as conn:
                sealing.share(conn, address, sealing.open_seal(conn, address, ka), kb.public_key, "Beto")
            engine.dispose()
            pulled = 0.0
            if not args.trip_only:
                started = time.perf_counter()
                pull(address, folder / "plain.casefile", ka).close()
                pulled = time.perf_counter() - started
            started = time.perf_counter()
            pull_copy(address, folder / "ana.casefile", ka).close()
            introduced = time.perf_counter() - started
            pull_copy(address, folder / "beto.casefile", kb).close()
            print(f"scale {args.scale:g}: {rows:,} rows; push {pushed:.1f} s (partner view included), "
                  f"pull {pulled:.1f} s, pull introduced to the server copy (what 'casefile pull' does) "
                  f"{introduced:.1f} s")
            if not args.trip_only:
                pull(address, folder / "window.casefile", ka, passphrase=WINDOW_PASSPHRASE).close()
                started = time.perf_counter()
                with working_copy(address, ka, write=False) as (copy, _conn):
                    copy.audit_head()
                print(f"a reading command's snapshot of the whole case: {time.perf_counter() - started:.1f} s")
                _reading(folder / "window.casefile", source.parent / "encrypted.casefile")
            ana, beto = Case.open(folder / "ana.casefile"), Case.open(folder / "beto.casefile")
            ana.backup_keep = beto.backup_keep = 0
            ma, mb = Mirror(address), Mirror(address)
            try:
                started = time.perf_counter()
                sync(ana, address, ka, mirror=ma)
                sync(beto, address, kb, mirror=mb)
                sync(ana, address, ka, mirror=ma)
                print(f"first syncs of two introduced laptops (mirrors made): {time.perf_counter() - started:.1f} s")
                with ana.connection() as conn:
                    ids = [r[0] for r in conn.execute(text("SELECT id FROM incident ORDER BY id LIMIT 50"))]
                local, send, receive, rebuild = [], [], [], []
                for n in range(args.edits):
                    started = time.perf_counter()
                    records.update(ana, "incident", ids[n % len(ids)], title=f"Edited on the server run {n}")
                    local.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    committed: list[float] = []
                    sync(ana, address, ka, mirror=ma,
                         committed=lambda at=committed: at.append(time.perf_counter()))
                    send.append(committed[0] - started)  # on the server, announced; the partner view follows
                    rebuild.append(time.perf_counter() - committed[0])
                    started = time.perf_counter()
                    sync(beto, address, kb, mirror=mb)
                    receive.append(time.perf_counter() - started)
                    assert records.get(beto, "incident", ids[n % len(ids)])["title"] == f"Edited on the server run {n}"
                if args.profile:
                    import cProfile
                    import pstats

                    records.update(ana, "incident", ids[0], title="Profiled")
                    profiler = cProfile.Profile()
                    profiler.runcall(lambda: (sync(ana, address, ka, mirror=ma, committed=lambda: profiler.disable()),
                                              profiler.enable(), sync(beto, address, kb, mirror=mb)))
                    pstats.Stats(profiler).sort_stats("tottime").print_stats(40)
                if args.sql:
                    records.update(ana, "incident", ids[0], title="Timed by statement")
                    with statements():
                        sync(ana, address, ka, mirror=ma)
                        sync(beto, address, kb, mirror=mb)
                trips = [a + b for a, b in zip(send, receive, strict=True)]
                print(f"one edit, committed on a laptop (the limit): {_ms(local)}")
                print(f"  sent (Ana's sync):     {_ms(send)}")
                print(f"  received (Beto's sync): {_ms(receive)}")
                print(f"  then the partner view rebuilt (after the commit): {_ms(rebuild)}")
                print(f"  round trip:            {_ms(trips)}  target: under 500 ms "
                      f"({'meets' if statistics.median(trips) < 0.5 else 'MISSES'})")
                figure("sync", rows=rows, median=statistics.median(trips), p95=percentile(trips, 95),
                       limit=statistics.median(local))
                write_figures(args.json)
            finally:
                ma.close()
                mb.close()
                ana.close(backup=False)
                beto.close(backup=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


WINDOW_PASSPHRASE = "the window's random key"


@contextmanager
def statements() -> Iterator[None]:
    """Times every statement any engine runs in the block; prints the costliest."""
    spent: dict[str, list] = {}
    started: list[float] = []

    def before(conn, cursor, statement, *args) -> None:
        started.append(time.perf_counter())

    def after(conn, cursor, statement, *args) -> None:
        entry = spent.setdefault(f"{conn.dialect.name[:6]:6} {' '.join(statement.split())[:140]}", [0, 0.0])
        entry[0] += 1
        entry[1] += time.perf_counter() - started.pop()

    event.listen(Engine, "before_cursor_execute", before)
    event.listen(Engine, "after_cursor_execute", after)
    began = time.perf_counter()
    try:
        yield
    finally:
        event.remove(Engine, "before_cursor_execute", before)
        event.remove(Engine, "after_cursor_execute", after)
    total = time.perf_counter() - began
    print(f"one round trip by statement: {total * 1000:.1f} ms in all, "
          f"{sum(t for _, t in spent.values()) * 1000:.1f} ms in {sum(n for n, _ in spent.values())} statements")
    for statement, (n, t) in sorted(spent.items(), key=lambda kv: -kv[1][1])[:25]:
        print(f"  {t * 1000:7.1f} ms {n:4}x  {statement}")


def _reading(server_copy: Path, laptop: Path) -> None:
    """The list's first paint and search p95 on the window's copy of the server case
    against the laptop's encrypted case: the window reads a server case locally."""
    import scale_case
    from _common import run_child
    from bench import MEASURE, WINDOW

    cases = {"server case (the window's copy)": {"path": str(server_copy), "passphrase": WINDOW_PASSPHRASE},
             "laptop case, encrypted": {"path": str(laptop), "passphrase": scale_case.PASSPHRASE}}
    for what, case in cases.items():
        paint = run_child(WINDOW, "ui_list", {"case": case})
        found = run_child(MEASURE, "search", {"case": case, "repeat": 3})
        print(f"{what}: first paint of the {paint['total']:,}-incident list {paint['first_paint'] * 1000:.1f} ms "
              f"(target 100 ms: {'meets' if paint['first_paint'] < 0.1 else 'MISSES'}); search p95, all terms "
              f"{found['all']['p95'] * 1000:.1f} ms (target 100 ms: "
              f"{'meets' if found['all']['p95'] < 0.1 else 'MISSES'})")


if __name__ == "__main__":
    main()
