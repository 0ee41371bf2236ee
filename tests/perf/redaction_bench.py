"""Redaction's cost in a public dossier: at most 20% of its build time.

On the scale case (``scale_case.py``, ``--scale 0.01`` by default: 1,000
incidents, 3,000 claims, ~120 protected people) the whole-case dossier is
built in a fresh process each way:

- ``full``: no redaction at all;
- ``public``: the engine on (one matcher per export, every text scrubbed);
- ``public-bare``: the same public dossier (same records left out, same
  pseudonyms) with the engine's matcher emptied, so the layout work is
  identical and only the text redaction differs.

The row's ratio is ``public / public-bare`` (what redaction adds); ``public /
full`` is printed too, though a public dossier also lays out fewer records.
CPU time is compared as well as wall time (the machine is shared).

    uv run python tests/perf/redaction_bench.py [--scale 0.01] [--runs 2]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for _path in (str(ROOT), str(Path(__file__).resolve().parent)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

MODES = ("full", "public", "public-bare")


def child(mode: str, case_path: Path, out: Path) -> None:
    from casefile.dossier import write_dossier
    from casefile.services.redaction import profile as redaction_profile
    from casefile.services.redaction.matcher import Matcher
    from casefile.store import Case

    if mode == "public-bare":
        redaction_profile.build_matcher = lambda session, placeholder: Matcher([])
    matcher_seconds = 0.0
    original = redaction_profile.build_matcher

    def timed(session, placeholder):
        nonlocal matcher_seconds
        start = time.perf_counter()
        try:
            return original(session, placeholder)
        finally:
            matcher_seconds += time.perf_counter() - start

    redaction_profile.build_matcher = timed
    with Case.open(case_path) as case:
        start, cpu = time.perf_counter(), time.process_time()
        result = write_dossier(case, out, profile="full" if mode == "full" else "public")
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "pages": result.pages,
                      "matcher_seconds": matcher_seconds}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--child", nargs=3, metavar=("MODE", "CASE", "OUT"))
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    import scale_case

    folder = scale_case.build(args.seed, args.scale)
    with tempfile.TemporaryDirectory(prefix="redaction-bench-") as tmp:
        tmp = Path(tmp)
        case_path = tmp / "case.casefile"
        shutil.copy(folder / "plain.casefile", case_path)
        best: dict[str, dict] = {}
        for _run in range(args.runs):
            for mode in MODES:  # interleaved, so a busy spell hurts every mode alike
                out = subprocess.run([sys.executable, __file__, "--child", mode, str(case_path),
                                      str(tmp / f"{mode}.pdf")], capture_output=True, text=True, check=True,
                                     cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
                result = json.loads(out.stdout.strip().splitlines()[-1])
                if mode not in best or result["cpu_seconds"] < best[mode]["cpu_seconds"]:
                    best[mode] = result
        print(f"scale {args.scale:g}, best of {args.runs}")
        print(f"{'':14}{'wall s':>9}{'CPU s':>9}{'pages':>7}{'matcher s':>11}")
        for mode in MODES:
            r = best[mode]
            print(f"{mode:14}{r['seconds']:>9.2f}{r['cpu_seconds']:>9.2f}{r['pages']:>7}{r['matcher_seconds']:>11.3f}")
        pub, bare, full = best["public"], best["public-bare"], best["full"]
        print(f"redaction adds: wall {pub['seconds'] / bare['seconds']:.3f}x, CPU "
              f"{pub['cpu_seconds'] / bare['cpu_seconds']:.3f}x (target: <= 1.20x)")
        print(f"public vs full: wall {pub['seconds'] / full['seconds']:.3f}x, CPU "
              f"{pub['cpu_seconds'] / full['cpu_seconds']:.3f}x")


if __name__ == "__main__":
    main()
