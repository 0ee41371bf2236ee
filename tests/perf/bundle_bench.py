"""Benchmark: bundle and merge of N changed records and M MiB of new evidence,
against writing the same rows with SQLAlchemy Core and hashing and writing
the same bytes (target: each within 3x). Not a test; run it:

    uv run python tests/perf/bundle_bench.py [--incidents N | --scale X] [--changed K] [--evidence-mib M]

``--scale X`` starts from a copy of the scale case (``scale_case.py``: at 1,
100,000 incidents, 300,000 claims...) instead of a case of N incidents.

Two copies of one case exchange full bundles, then bundles ``--since`` each
other (not timed), so that the timed bundle is ``--since`` the peer, as
between two laptops that have met: each then knows what the other has.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import bindparam, text, update  # noqa: E402

from casefile.model import Incident  # noqa: E402
from casefile.services import keys  # noqa: E402
from casefile.services.evidence.intake import fastest_journal, intake  # noqa: E402
from casefile.services.exchange import make_bundle, merge_bundle  # noqa: E402
from casefile.services.interchange.importer import import_json  # noqa: E402
from casefile.store import Case  # noqa: E402
from tests.perf._common import figure, write_figures  # noqa: E402
from tests.perf.import_bench import build_document  # noqa: E402


def changes(n: int) -> list[dict]:
    return [{"i": i + 1, "notes": f"Checked again against the video, pass {i}",
             "title": f"Incidente {i}: retén levantado"} for i in range(n)]


def core_update(case: Case, rows: list[dict]) -> None:
    """The same rows written with Core, through the case's sealed connection."""
    with case.connection() as conn:
        conn.execute(update(Incident).where(Incident.id == bindparam("i")).values(
            notes=bindparam("notes"), title=bindparam("title")), rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--incidents", type=int, default=2000)
    parser.add_argument("--scale", type=float, help="start from the scale case at this scale")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--changed", type=int, default=1000)
    parser.add_argument("--evidence-mib", type=int, default=64)
    parser.add_argument("--profile", action="store_true", help="print where the timed bundle and merge spend their time")
    parser.add_argument("--sort", default="cumulative", help="profile order: cumulative, tottime, ...")
    parser.add_argument("--keep", type=Path, help="keep the cases and bundles in this folder (to merge again)")
    parser.add_argument("--json", help="also write the figures here (bench.py)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bundle-bench-"))
    try:
        run(folder, args)
    finally:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("B-before.casefile", "a1.cfbundle", "kb"):
                if (folder / name).exists():
                    shutil.move(folder / name, args.keep / name)
        shutil.rmtree(folder, ignore_errors=True)


def timed(args, call):
    """(seconds, result) of ``call()``, profiled with ``--profile``."""
    profiler = cProfile.Profile() if args.profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    result = call()
    seconds = time.perf_counter() - started
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(30)
    return seconds, result


def run(folder: Path, args) -> None:
    base = folder / "base.casefile"
    if args.scale:
        import scale_case

        shutil.copy(scale_case.build(args.seed, args.scale) / "plain.casefile", base)
        with Case.open(base) as case, case.connection() as conn:
            args.incidents = conn.execute(text("SELECT count(*) FROM incident")).scalar()
    else:
        doc = folder / "case.json"
        doc.write_text(json.dumps(build_document(args.incidents)), encoding="utf-8")
        with Case.create(base, "Bench", documenter="Bench") as case:
            import_json(case, doc)
    a, b = folder / "A.casefile", folder / "B.casefile"
    shutil.copy(base, a)
    shutil.copy(base, b)
    ka = keys.create_key("a", "A", folder / "ka")
    kb = keys.create_key("b", "B", folder / "kb")
    with Case.open(a) as case:
        started = time.perf_counter()
        make_bundle(case, folder / "a0.cfbundle", ka)
        first_bundle = time.perf_counter() - started
    with Case.open(b) as case:
        started = time.perf_counter()
        merge_bundle(case, folder / "a0.cfbundle", kb)
        first_merge = time.perf_counter() - started
        make_bundle(case, folder / "b0.cfbundle", kb)
    with Case.open(a) as case:
        merge_bundle(case, folder / "b0.cfbundle", ka)
        make_bundle(case, folder / "a00.cfbundle", ka, since="B")
    with Case.open(b) as case:
        merge_bundle(case, folder / "a00.cfbundle", kb)
        make_bundle(case, folder / "b00.cfbundle", kb, since="A")
    with Case.open(a) as case:
        merge_bundle(case, folder / "b00.cfbundle", ka)
    reference = folder / "reference.casefile"
    shutil.copy(b, reference)

    rows = changes(args.changed)
    evidence = folder / "video.bin"
    with open(evidence, "wb") as f:
        for _ in range(args.evidence_mib):
            f.write(os.urandom(1 << 20))
    with Case.open(a) as case:
        core_update(case, rows)
        if args.evidence_mib:
            intake(case, evidence)

    with Case.open(a) as case:
        bundle_s, made = timed(args, lambda: make_bundle(case, folder / "a1.cfbundle", ka, since="B"))
    if args.keep:
        shutil.copy(b, folder / "B-before.casefile")
    with Case.open(b) as case, fastest_journal(case, folder / "a1.cfbundle"):  # as `casefile merge` does
        merge_s, merged = timed(args, lambda: merge_bundle(case, folder / "a1.cfbundle", kb))

    with Case.open(reference) as case:  # the same rows, with Core, in the same state of the case
        started = time.perf_counter()
        core_update(case, rows)
        core_s = time.perf_counter() - started
    started = time.perf_counter()
    digest = hashlib.sha256()
    with open(evidence, "rb") as source, open(folder / "copy.bin", "wb") as out:
        while block := source.read(1 << 20):
            digest.update(block)
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    bytes_s = time.perf_counter() - started
    target = core_s + bytes_s
    size = (folder / "a1.cfbundle").stat().st_size
    with Case.open(reference, read_only=True) as case, case.connection() as conn:
        records = sum(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0
                      for t in ("place", "actor", "incident", "source", "claim", "evidence", "assessment"))
    print(f"case: {args.incidents} incidents, {records} records; changed {args.changed} records, "
          f"{args.evidence_mib} MiB new evidence")
    print(f"first full bundle {first_bundle:.2f} s, its merge {first_merge:.2f} s")
    print(f"bundle --since: {bundle_s:.2f} s ({made.counts}), {size / 2**20:.1f} MiB")
    print(f"merge:          {merge_s:.2f} s ({merged.counts})")
    print(f"Core update {core_s:.3f} s + hash and write the bytes {bytes_s:.3f} s = {target:.3f} s")
    print(f"ratio bundle {bundle_s / target:.1f}x, merge {merge_s / target:.1f}x (target within 3x)")
    figure("bundle", seconds=bundle_s, limit=target, records=records, changed=args.changed, mib=args.evidence_mib)
    figure("merge", seconds=merge_s, limit=target, records=records, changed=args.changed, mib=args.evidence_mib)
    write_figures(args.json)


if __name__ == "__main__":
    main()
