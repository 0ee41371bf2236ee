"""What encryption costs: the same work on a plain and an encrypted case.

    uv run python tests/perf/encryption_bench.py [--scale 0.01] [--repeat 3]

Measures, for a plain and a SQLCipher case built from the same generated
document (tests/perf/scale_case.py): JSON import, open (including the key
derivation, reported separately), a new pooled connection, search p50/p95
and evidence intake throughput. Prints each pair with its ratio against the
target (encrypted within 1.3x of plain). The larger scale-case comparison
(window, dossier) lives in bench.py. A benchmark reports; it asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]

PASSPHRASE = "benchmark passphrase, long enough"
TERMS = ["policia", "army", "Guerrero", "detuvieron", "comunidad", "Placido", "Apatzingan", "desaparicion",
         "Muñoz", "xochicuahuitl", "militares", "retén"]
MIB = 1 << 20


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(variant: str, doc: Path, files: list[Path], folder: Path, repeat: int) -> dict[str, float]:
    from casefile.services.interchange.importer import import_json
    from casefile.services.records.search import search
    from casefile.store import Case

    passphrase = PASSPHRASE if variant == "encrypted" else None
    figures: dict[str, float] = {}

    def fresh_import():
        path = folder / f"{variant}-{time.monotonic_ns()}.casefile"
        case = Case.create(path, "bench", passphrase=passphrase)
        case.backup_keep = 0
        start = time.perf_counter()
        import_json(case, doc)
        elapsed = time.perf_counter() - start
        case.close(backup=False)
        return path, elapsed

    runs = [fresh_import() for _ in range(repeat)]
    figures["import"] = min(t for _, t in runs)
    path = runs[0][0]

    def open_and_count():
        case = Case.open(path, passphrase=passphrase, check=True)
        with case.connection() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM incident").scalar()
        case.close(backup=False)

    figures["open"] = best(open_and_count, repeat)

    case = Case.open(path, passphrase=passphrase)
    case.backup_keep = 0
    try:
        def new_connection():  # what a worker thread or pool overflow pays
            case.engine.dispose()
            with case.engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM incident").scalar()

        figures["new connection"] = best(new_connection, repeat * 3)
        latencies = []
        rng = random.Random(1)
        for _ in range(repeat):
            for term in rng.sample(TERMS, len(TERMS)):
                start = time.perf_counter()
                search(case, term, limit=50)
                latencies.append(time.perf_counter() - start)
        latencies.sort()
        figures["search p50"] = statistics.median(latencies)
        figures["search p95"] = latencies[int(0.95 * (len(latencies) - 1))]
        try:
            from casefile.services.evidence.intake import intake
        except ImportError:
            intake = None
        if intake is not None and files:
            start = time.perf_counter()
            for f in files:
                intake(case, f)
            elapsed = time.perf_counter() - start
            figures["intake MiB/s"] = sum(f.stat().st_size for f in files) / MIB / elapsed
    finally:
        case.close(backup=False)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--intake-mib", type=int, default=32)
    args = parser.parse_args()

    import scale_case

    from casefile.store.connection import KDF_ITER

    with tempfile.TemporaryDirectory(prefix="casefile-encbench-") as tmp:
        folder = Path(tmp)
        doc = folder / "case.json"
        doc.write_text(json.dumps(scale_case.generate(args.seed, args.scale), ensure_ascii=False), encoding="utf-8")
        files = []
        for i in range(args.intake_mib):
            f = folder / f"evidence{i:03d}.bin"
            f.write_bytes(os.urandom(MIB))
            files.append(f)
        start = time.perf_counter()
        hashlib.pbkdf2_hmac("sha512", PASSPHRASE.encode(), os.urandom(16), KDF_ITER, 32)
        kdf = time.perf_counter() - start
        print(f"scale {args.scale:g}: {doc.stat().st_size / MIB:.1f} MiB of JSON, {args.intake_mib} MiB to take in")
        print(f"key derivation (PBKDF2-HMAC-SHA512, {KDF_ITER} iterations): {kdf * 1000:.0f} ms, paid once per open")
        results = {}
        for variant in ("plain", "encrypted"):
            results[variant] = measure(variant, doc, files, folder, args.repeat)
    print(f"{'':16}{'plain':>12}{'encrypted':>12}{'ratio':>8}  target")
    for what in results["plain"]:
        plain, enc = results["plain"][what], results["encrypted"].get(what)
        if enc is None:
            continue
        higher_better = what.endswith("/s")
        ratio = plain / enc if higher_better else enc / plain
        unit = "" if higher_better else " s"
        fmt = (lambda v: f"{v:.1f}") if higher_better else (lambda v: f"{v * 1000:.1f}ms")
        verdict = "ok" if ratio <= 1.3 else "OVER"
        print(f"{what:16}{fmt(plain):>12}{fmt(enc):>12}{ratio:>7.2f}x  <= 1.3x {verdict}{unit and ''}")
    print("(open includes the key derivation; 'new connection' shows the pool never pays it again)")
    print()
    print("where the search overhead comes from (raw FTS5 query, same data, ms/query):")
    for name, ms in library_split(args.repeat).items():
        print(f"  {name:34}{ms:8.3f}")


def library_split(repeat: int) -> dict[str, float]:
    """Plain cases use Python's sqlite3, encrypted ones SQLCipher's own SQLite
    build: time the same FTS5 query on stdlib/plain, SQLCipher/plain and
    SQLCipher/encrypted to separate the library's cost from the cipher's."""
    import sqlite3

    import sqlcipher3.dbapi2 as sqlcipher

    rng = random.Random(3)
    words = [f"w{i}" for i in range(5000)]
    rows = [(" ".join(rng.choice(words) for _ in range(30)),) for _ in range(20000)]
    out = {}
    with tempfile.TemporaryDirectory(prefix="casefile-libsplit-") as tmp:
        plain, enc = Path(tmp) / "p.db", Path(tmp) / "e.db"
        for path, module, key in ((plain, sqlite3, None), (enc, sqlcipher, PASSPHRASE)):
            conn = module.connect(path, isolation_level=None)
            if key:
                conn.execute(f"PRAGMA key = '{key}'")
            conn.execute("CREATE VIRTUAL TABLE f USING fts5(t)")
            conn.execute("BEGIN")
            conn.executemany("INSERT INTO f VALUES (?)", rows)
            conn.execute("COMMIT")
            conn.close()
        for name, module, path, key in (("stdlib sqlite3, plain", sqlite3, plain, None),
                                        ("sqlcipher3, plain (no key)", sqlcipher, plain, None),
                                        ("sqlcipher3, encrypted", sqlcipher, enc, PASSPHRASE)):
            conn = module.connect(path)
            if key:
                conn.execute(f"PRAGMA key = '{key}'")
            conn.execute("PRAGMA cache_size = -32768")
            queries = [f"w{i}" for i in range(200)] * repeat
            start = time.perf_counter()
            for q in queries:
                conn.execute("SELECT rowid, snippet(f, 0, '[', ']', '…', 8) FROM f WHERE f MATCH ? "
                             "ORDER BY rank LIMIT 50", (q,)).fetchall()
            out[name] = (time.perf_counter() - start) / len(queries) * 1000
            conn.close()
    return out


if __name__ == "__main__":
    main()
