"""Evidence intake throughput and memory against plain hashlib + write.

    uv run python tests/perf/intake_bench.py [--size MIB] [--full] [--encrypted] [--profile]

Both sides run in the same invocation, on the same file (read once first so
both read it from the page cache), each in a fresh child process so that its
peak RSS means something:

- limit: read, SHA-256 and write the bytes to another file, fsync; the
  fastest of 64 KiB and 1 MiB reads and writes counts; with ``--encrypted``
  each 64 KiB page is also AES-256-CBC encrypted and HMAC-SHA512 signed on
  the way, as SQLCipher must;
- intake: ``casefile.services.evidence.intake`` into a new case (hash, chunk
  rows, metadata, custody, audit, commit with synchronous=FULL), twice:
  as ``casefile add-evidence`` and the window run it, inside
  ``Case.sole_writer()`` (a rollback journal for files from 16 MiB: each byte
  written once), and through the WAL, as smaller files go in (each byte
  written twice: WAL, then checkpoint). ``bench.py`` times the window's own
  path, progress dialog and all.

Prints MiB/s side by side with the ratio (target >= 0.8x) and the extra
memory of each (peak RSS growth and tracemalloc peak; target: flat, under
64 MiB for a 4 GiB file). A benchmark reports; it asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]
from _common import COPY_BLOCKS, MIB, ROOT, hash_and_copy, hash_encrypt_copy, max_rss, settle  # noqa: E402


def make_file(path: Path, size: int) -> None:
    """Incompressible bytes, so nothing dedupes."""
    with open(path, "wb") as f:
        left = size
        while left:
            block = os.urandom(min(left, 16 * MIB))
            f.write(block)
            left -= len(block)


def warm(path: Path) -> None:
    with open(path, "rb") as f:
        while f.read(16 * MIB):
            pass


# -- children -----------------------------------------------------------------------

def child_limit(args: dict) -> dict:
    """The fastest of the plain copies (``COPY_BLOCKS``) counts; for an
    encrypted case each copy also encrypts and authenticates its pages as
    SQLCipher does (``hash_encrypt_copy``)."""
    copy = hash_encrypt_copy if args.get("passphrase") else hash_and_copy
    out = Path(args["tmp"]) / "copy.bin"
    best = None
    for block in COPY_BLOCKS:
        settle()
        result = measure(lambda block=block: copy(args["file"], out, block), args["trace"])
        out.unlink()
        if best is None or result["seconds"] < best["seconds"]:
            best = {**result, "block": block}
    return best


def child_intake(args: dict) -> dict:
    import gc

    from casefile.services.evidence import intake
    from casefile.store import Case

    gc.freeze()  # as the `casefile` program does once it has imported its commands (`cli.run`)
    path = Path(args["tmp"]) / f"bench-{os.getpid()}.casefile"
    case = Case.create(path, "Benchmark", documenter="bench", passphrase=args.get("passphrase"))
    if not args["fsync"]:  # what-if: an infinitely fast disk, to see the CPU cost alone
        from sqlalchemy import event

        case.engine.dispose()
        event.listen(case.engine, "connect", lambda dbapi, record: dbapi.execute("PRAGMA synchronous = OFF"))
    if args.get("defer_checkpoint"):  # what-if: the WAL is copied into the file later, off the intake
        from sqlalchemy import event

        case.engine.dispose()
        event.listen(case.engine, "connect", lambda dbapi, record: dbapi.execute("PRAGMA wal_autocheckpoint = 0"))
        case.release_wal = lambda: None  # the intake's own checkpoint after a large file, too
    profiler = None
    if args.get("profile"):
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    settle()
    from casefile.services.evidence import fastest_journal

    with fastest_journal(case, args["file"]) if args["sole"] else contextlib.nullcontext():
        result = measure(lambda: intake(case, args["file"]).sha256, args["trace"])
    if profiler is not None:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False), file=sys.stderr)
    if args.get("defer_checkpoint"):
        start = time.perf_counter()
        with case.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        result["checkpoint_seconds"] = time.perf_counter() - start
    case.close()
    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    return result


def measure(fn, trace: bool) -> dict:
    before = max_rss()
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    digest = fn()
    seconds = time.perf_counter() - start
    python_peak = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()
    return {"seconds": seconds, "sha256": digest, "rss_extra": max(0, max_rss() - before),
            "python_peak": python_peak}


CHILDREN = {"limit": child_limit, "intake": child_intake}


def run_child(name: str, args: dict) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", name, json.dumps(args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=3 * 3600)
    if proc.stderr.strip():
        print(proc.stderr, file=sys.stderr)
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    if len(sys.argv) >= 4 and sys.argv[1] == "--child":
        print(json.dumps(CHILDREN[sys.argv[2]](json.loads(sys.argv[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=512, help="file size in MiB (default 512)")
    parser.add_argument("--full", action="store_true", help="the full-size run: a 4 GiB file")
    parser.add_argument("--encrypted", action="store_true", help="intake into a SQLCipher case")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each side; the best counts")
    parser.add_argument("--trace", action="store_true",
                        help="also trace Python allocations (tracemalloc; slows both sides a little)")
    parser.add_argument("--no-fsync", action="store_true",
                        help="neither side waits for the disk (limit: no fsync; intake: synchronous=OFF)")
    parser.add_argument("--defer-checkpoint", action="store_true",
                        help="what-if: no WAL checkpoint inside the intake; timed separately afterwards")
    parser.add_argument("--profile", action="store_true", help="profile the intake with pyinstrument")
    parser.add_argument("--path", choices=("sole", "wal", "both"), default="both",
                        help="the sole writer (command line and window), the WAL, or both (default)")
    parser.add_argument("--dir", help="where to put the test file and case (default: a temp dir)")
    args = parser.parse_args()
    size = (4096 if args.full else args.size) * MIB

    with tempfile.TemporaryDirectory(dir=args.dir, prefix="intake-bench-") as tmp:
        source = Path(tmp) / "evidence.bin"
        print(f"making a {size // MIB} MiB file in {tmp} ...", flush=True)
        make_file(source, size)
        warm(source)
        common = {"file": str(source), "tmp": tmp, "trace": args.trace, "fsync": not args.no_fsync}
        if args.encrypted:
            common["passphrase"] = "benchmark passphrase"
        paths = ["sole", "wal"] if args.path == "both" else [args.path]
        limit, intake = [], {p: [] for p in paths}
        for _ in range(max(1, args.repeat)):  # interleaved, so drift hits every side alike
            limit.append(run_child("limit", common))
            for p in paths:
                intake[p].append(run_child("intake", {**common, "sole": p == "sole", "profile": args.profile,
                                                      "defer_checkpoint": args.defer_checkpoint}))
        if len({r["sha256"] for r in limit + sum(intake.values(), [])}) != 1:
            raise SystemExit("hash mismatch between the sides")

    seconds = lambda runs: min(r["seconds"] for r in runs)  # noqa: E731
    rate = lambda runs: size / MIB / seconds(runs)  # noqa: E731
    rate_limit = rate(limit)
    kind = ("encrypted" if args.encrypted else "plain") + (", no fsync" if args.no_fsync else "")
    titles = {"sole": "sole writer", "wal": "WAL"}
    print(f"\nintake of {size // MIB} MiB, {kind}; best of {len(limit)}")
    print(f"{'':30} {'limit':>14}" + "".join(f" {titles[p]:>14}" for p in paths))
    print(f"{'throughput, MiB/s':30} {rate_limit:14.1f}" + "".join(f" {rate(intake[p]):14.1f}" for p in paths))
    print(f"{'ratio (target >= 0.80x)':30} {1:14.2f}" + "".join(f" {rate(intake[p]) / rate_limit:14.2f}"
                                                            for p in paths))
    print(f"{'seconds':30} {seconds(limit):14.2f}" + "".join(f" {seconds(intake[p]):14.2f}" for p in paths))
    print(f"{'peak RSS growth, MiB':30} {max(r['rss_extra'] for r in limit) / MIB:14.1f}"
          + "".join(f" {max(r['rss_extra'] for r in intake[p]) / MIB:14.1f}" for p in paths) + "   (target < 64)")
    if args.trace:
        print(f"{'tracemalloc peak, MiB':30} {max(r['python_peak'] for r in limit) / MIB:14.1f}"
              + "".join(f" {max(r['python_peak'] for r in intake[p]) / MIB:14.1f}" for p in paths))
    print(f"{'limit write size, KiB':30} {min(limit, key=lambda r: r['seconds'])['block'] // 1024:14d}")
    if args.defer_checkpoint and "wal" in paths:
        best = min(intake["wal"], key=lambda r: r["seconds"])
        total = best["seconds"] + best["checkpoint_seconds"]
        print(f"deferred checkpoint: {best['checkpoint_seconds']:.2f} s "
              f"(WAL intake + checkpoint: {size / MIB / total / rate_limit:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
