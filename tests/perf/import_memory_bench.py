"""Benchmark: peak memory and time of a JSON import, each run in a fresh child
process (ru_maxrss is a high-water mark for the whole process). Not a test:

    uv run python tests/perf/import_memory_bench.py [--scale 0.25] [--runs 2] [--tree DIR]

The document is the scale case's (``scale_case.generate``; 0.25 gives about
100 MB), written once to /tmp/casefile-bench/import-memory-{seed}-{scale}.json.
``--tree`` imports Casefile from another checkout (a ``git worktree`` of an
older commit) to compare before and after on the same file.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

from _common import with_bytecode  # noqa: E402

CHILD = r"""
import json, resource, sys, tempfile, threading, time
from pathlib import Path

def rss_mib():  # now
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

import casefile
from casefile.services.interchange.importer import import_json
from casefile.store import Case

folder = Path(tempfile.mkdtemp(prefix="casefile-import-memory-"))
case = Case.create(folder / "c.casefile", "bench", documenter="bench")
case.backup_keep = 0
stage, peaks, running = ["start"], {}, [True]

def sample():  # the resident size every 50 ms, by the step the import reports
    while running[0]:
        peaks[stage[0]] = max(peaks.get(stage[0], 0), rss_mib())
        time.sleep(0.05)

def progress(done, total, message):
    stage[0] = message

before = rss_mib()
sampler = threading.Thread(target=sample, daemon=True)
sampler.start()
start, start_cpu = time.perf_counter(), cpu()
counts = import_json(case, sys.argv[1], progress=progress)
seconds, cpu_seconds = time.perf_counter() - start, cpu() - start_cpu
running[0] = False
sampler.join()
case.close(backup=False)
for p in folder.iterdir():
    p.unlink()
folder.rmdir()
print(json.dumps({"seconds": seconds, "cpu": cpu_seconds, "before_mib": before, "peaks": peaks,
                  "max_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rows": sum(v for v in counts.values()), "casefile": casefile.__file__}))
"""


def document_file(seed: int, scale: float) -> Path:
    path = Path(f"/tmp/casefile-bench/import-memory-{seed}-{scale}.json")
    if not path.exists():
        import scale_case

        path.parent.mkdir(parents=True, exist_ok=True)
        document = scale_case.generate(seed, scale)
        with open(path.with_suffix(".part"), "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False)
        os.replace(path.with_suffix(".part"), path)
    return path


def measure(path: Path, tree: str | None) -> dict:
    env = with_bytecode(dict(os.environ))
    if tree:
        env["PYTHONPATH"] = tree + os.pathsep + env.get("PYTHONPATH", "")
    # Run from the temp folder: "-c" puts the working directory first on
    # sys.path, ahead of PYTHONPATH, and a checkout's own casefile would win.
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], env=env, capture_output=True, text=True,
                         check=True, cwd=tempfile.gettempdir()).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--tree", help="import Casefile from this checkout instead")
    args = parser.parse_args()
    path = document_file(args.seed, args.scale)
    size = path.stat().st_size / 2**20
    print(f"file: {path} ({size:.1f} MiB)" + (f", Casefile from {args.tree}" if args.tree else ""))
    for _ in range(args.runs):
        r = measure(path, args.tree)
        peak = max(r["peaks"].values())
        extra = peak - r["before_mib"]
        steps = ", ".join(f"{k} {v:.0f}" for k, v in r["peaks"].items())
        print(f"  {r['rows']:,} records in {r['seconds']:.2f} s, CPU {r['cpu']:.2f} s; peak RSS {peak:.0f} MiB "
              f"(ru_maxrss {r['max_rss_mib']:.0f}), {extra:.0f} MiB over the process before the import "
              f"({extra / size:.1f}x the file); peak by step: {steps}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
