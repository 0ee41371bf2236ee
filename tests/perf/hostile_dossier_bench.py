"""Hostile dossier benchmark: every text field full, at sizes N, 2N and 4N.

    uv run python tests/perf/hostile_dossier_bench.py [--top 1.0] [--shape mixed] [--tracemalloc]

The case is ``every_field_case`` of ``tests/dossier/test_hostile.py``: every
free-text field of every kind of record (the case itself, a place, two actors,
one protected, two sources, one confidential and citing the other, two
incidents with 20 tags, involvements and a link, two claims, assessments by a
source and by a claim, an evidence item with two links and a custody entry,
and vocabulary labels and descriptions in use) holds hostile text at a share
of the field's maximum in the interchange schema (``resources/schema``: a
line 2,000 characters, a text 200,000, a source's full text 5,000,000, a tag
128). 4N is ``--top`` times the maxima (1.0: the maxima themselves), 2N half
of that, N a quarter.

``--shape mixed`` (the default) fills each field with every hostile shape in
equal shares: thousands of line breaks, runs of blank lines, one unbroken
word, runs of spaces, markup-like characters, a letter under a pile of
combining accents, right-to-left text with an override, NUL characters. Any
one shape can be measured alone (``--shape newlines``...).

Each size is built in a fresh process: ``write_dossier()`` end to end (reading,
redaction, story, layout with contents and "Page X of Y", the file, the
history entry). Reported per size: wall and CPU time, peak memory (growth of
the resident set during the build, the peak reset first through
/proc/self/clear_refs; ``--tracemalloc`` adds Python's own peak), pages, and
the case's text in characters (every text column, a source's full text aside:
the dossier does not print it).

The limit is linear growth measured in the same run: 2N and 4N against 2x and
4x the N run (CPU time, which a busy machine stretches less than wall time).
Target: within 1.25x of linear. A benchmark reports; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]
from _common import MIB, Row, child_main, ensure_bytecode, fmt, load, machine, run_child, table  # noqa: E402

MAX_RATIO = 1.25


def _status(key: str) -> int:
    """A /proc/self/status figure in bytes (VmRSS, VmHWM)."""
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) * 1024 for line in f if line.startswith(key))


def _text_of(shape: str, fraction: float):
    from tests.dossier.test_hostile import SHAPES, mixed

    make = mixed if shape == "mixed" else SHAPES[shape]
    return lambda limit: make(max(16, int(limit * fraction)))


def child_make(args: dict) -> dict:
    """Write the case for one size; count its text."""
    from sqlalchemy import Text, text

    from casefile.model import Base
    from tests.dossier.test_hostile import every_field_case

    start = time.perf_counter()
    case = every_field_case(Path(args["case"]), _text_of(args["shape"], args["fraction"]))
    try:
        chars = 0
        with case.connection() as conn:
            for table_ in Base.metadata.sorted_tables:
                for column in table_.columns:
                    if isinstance(column.type, Text) and (table_.name, column.name) not in (
                            ("source", "text"), ("evidence", "extra_metadata")):
                        chars += conn.execute(text(
                            f'SELECT coalesce(sum(length("{column.name}")), 0) FROM "{table_.name}"')).scalar()
    finally:
        case.close()
    return {"chars": chars, "make_seconds": time.perf_counter() - start}


def child_build(args: dict) -> dict:
    """One dossier build in this fresh process."""
    from casefile.dossier import write_dossier
    from casefile.store import Case

    with Case.open(Path(args["case"])) as case:
        try:
            with open("/proc/self/clear_refs", "w") as f:  # reset the peak: imports do not count
                f.write("5")
            before, hwm = _status("VmRSS:"), True
        except OSError:
            import resource
            before, hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, False
        if args["tracemalloc"]:
            tracemalloc.start()
        start, cpu = time.perf_counter(), time.process_time()
        result = write_dossier(case, Path(args["out"]))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        traced = tracemalloc.get_traced_memory()[1] if args["tracemalloc"] else None
        tracemalloc.stop()
    if hwm:
        peak = _status("VmHWM:") - before
    else:
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_bytes": peak, "traced_bytes": traced,
            "pages": result.pages, "pdf_bytes": os.path.getsize(args["out"])}


CHILDREN = {"make": child_make, "build": child_build}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=float, default=1.0, help="4N as a share of the schema's maxima (default 1.0)")
    parser.add_argument("--shape", default="mixed", help="mixed (default) or one of the hostile shapes")
    parser.add_argument("--tracemalloc", action="store_true", help="also Python's own peak (slower)")
    parser.add_argument("--json", help="write the figures to this file too")
    args = parser.parse_args()
    ensure_bytecode()
    print(machine())
    sizes = (("N", args.top / 4), ("2N", args.top / 2), ("4N", args.top))
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="hostile-dossier-bench-") as folder:
        for name, fraction in sizes:
            case = Path(folder) / f"{name}.casefile"
            made = run_child(Path(__file__), "make", {"case": str(case), "shape": args.shape, "fraction": fraction})
            built = run_child(Path(__file__), "build", {"case": str(case), "out": str(Path(folder) / f"{name}.pdf"),
                                                       "tracemalloc": args.tracemalloc})
            results[name] = {**made, **built, "fraction": fraction}
            r = results[name]
            print(f"{name:>3}: {r['chars']:>11,} characters of text, case made in {r['make_seconds']:.1f} s; "
                  f"dossier {r['pages']:,} pages, {r['pdf_bytes'] / MIB:.1f} MiB, wall {fmt(r['seconds'], 's')}, "
                  f"CPU {fmt(r['cpu_seconds'], 's')}, peak +{r['peak_bytes'] / MIB:.0f} MiB"
                  + (f", traced {r['traced_bytes'] / MIB:.0f} MiB" if r["traced_bytes"] else "")
                  + f"  ({load()})", flush=True)
    base = results["N"]
    rows = []
    for name in ("N", "2N", "4N"):
        r = results[name]
        scale = r["chars"] / base["chars"]  # linear: this many times the N run's cost
        what = f"hostile dossier {name} ({r['chars'] / 1e6:.1f} M characters, {r['pages']:,} pages)"
        if name == "N":
            rows.append(Row(f"{what}, CPU time", r["cpu_seconds"], None, "info"))
            rows.append(Row(f"{what}, peak memory", r["peak_bytes"], None, "info", unit="MiB"))
            continue
        rows.append(Row(f"{what}, CPU time", r["cpu_seconds"], base["cpu_seconds"] * scale,
                        f"<= {MAX_RATIO}x linear", max_ratio=MAX_RATIO, note=f"{scale:.2f}x the text of N"))
        rows.append(Row(f"{what}, wall time", r["seconds"], base["seconds"] * scale, "info"))
        rows.append(Row(f"{what}, peak memory", r["peak_bytes"], base["peak_bytes"] * scale,
                        f"<= {MAX_RATIO}x linear", unit="MiB", max_ratio=MAX_RATIO))
        if r["traced_bytes"]:
            rows.append(Row(f"{what}, Python peak", r["traced_bytes"], base["traced_bytes"] * scale, "info",
                            unit="MiB"))
    print()
    print(table(rows))
    per_mchar = [results[n]["cpu_seconds"] / results[n]["chars"] * 1e6 for n in ("N", "2N", "4N")]
    print("CPU seconds per million characters: " + ", ".join(f"{n} {v:.1f}" for n, v in zip(("N", "2N", "4N"),
                                                                                          per_mchar)))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    if not child_main(CHILDREN):
        main()
