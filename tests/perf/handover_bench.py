"""Handover and verify throughput against copying or hashing the same bytes.

    uv run python tests/perf/handover_bench.py [--gib 1] [--files 8] [--encrypted]

A case holds ``--files`` evidence files of random bytes, ``--gib`` GiB in all,
taken in as ``casefile add-evidence`` takes them, each with consent to any
use. Then, in the same run:

- limit: each original read, SHA-256'd and written to a new folder, fsynced
  (``_common.hash_and_copy``, the faster of 64 KiB and 1 MiB blocks), as
  ``cp`` plus ``sha256sum`` would; for an encrypted case each 64 KiB page
  is also authenticated and decrypted on the way, as SQLCipher must
  (``_common.hash_decrypt_copy``);
- handover: ``casefile handover`` of the whole case to a new bag (each
  original read from the case, hashed and written once, fsynced, plus the
  dossier, the records, the custody chain and the signed head).

- verify: ``casefile verify`` of the case (the history, every row's seal,
  every stored file re-hashed), against reading and SHA-256 of the originals
  (and, encrypted, authenticating and decrypting their pages).
Prints each in MiB/s and the ratio (target: at least 0.8x). A benchmark
reports; it asserts nothing. ``--json FILE`` writes the figures for bench.py.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]
from _common import COPY_BLOCKS, MIB, figure, hash_and_copy, hash_decrypt_copy, settle, write_figures  # noqa: E402
from intake_bench import make_file  # noqa: E402

from casefile.services import keys, records  # noqa: E402
from casefile.services.evidence import intake  # noqa: E402
from casefile.services.handover import handover  # noqa: E402
from casefile.services.verify import verify  # noqa: E402
from casefile.store import Case  # noqa: E402

PASSPHRASE = "handover bench passphrase"


def hash_file(path: Path, block: int = MIB) -> str:
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as f:
        while data := f.read(block):
            digest.update(data)
    return digest.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gib", type=float, default=1.0)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--encrypted", action="store_true")
    parser.add_argument("--json", help="also write the figures here (bench.py)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="handover-bench-"))
    try:
        size = int(args.gib * 1024 * MIB / args.files)
        sources = []
        for n in range(args.files):
            path = folder / f"original-{n}.bin"
            make_file(path, size)
            sources.append(path)
        case = Case.create(folder / "bench.casefile", title="Handover bench",
                           passphrase=PASSPHRASE if args.encrypted else None)
        started = time.perf_counter()
        with case.sole_writer():
            for path in sources:
                taken = intake(case, path)
                records.update(case, "evidence", taken.id, consent="publication")
        took_in = time.perf_counter() - started
        key = keys.create_key("bench", "Bench", folder / "keys")
        total = size * args.files
        settle()
        best = None
        for block in COPY_BLOCKS:
            out = folder / f"copy-{block}"
            out.mkdir()
            started = time.perf_counter()
            for path in sources:
                if args.encrypted:
                    hash_decrypt_copy(path, out / path.name, block)
                else:
                    hash_and_copy(path, out / path.name, block)
            took = time.perf_counter() - started
            best = took if best is None else min(best, took)
            shutil.rmtree(out)
            settle()
        assert best is not None
        started = time.perf_counter()
        result = handover(case, folder / "bag", "Bench mechanism", key)
        handed = time.perf_counter() - started
        settle()
        started = time.perf_counter()
        for path in sources:
            if args.encrypted:
                hash_decrypt_copy(path, None, MIB)
            else:
                hash_file(path)
        hashed = time.perf_counter() - started
        started = time.perf_counter()
        problems = verify(case)
        verified = time.perf_counter() - started
        assert not problems, problems[:3]
        case.close(backup=False)
        limit, ours = total / MIB / best, total / MIB / handed
        kind = "encrypted" if args.encrypted else "plain"
        figure("handover", mib=total / MIB, files=args.files, seconds=handed, limit=best)
        figure("verify", mib=total / MIB, files=args.files, seconds=verified, limit=hashed)
        print(f"{args.files} files, {total / MIB / 1024:.2f} GiB, {kind} case (taken in at "
              f"{total / MIB / took_in:.0f} MiB/s)")
        cipher = ", decrypt" if args.encrypted else ""
        print(f"  limit: read{cipher}, SHA-256 and write each original, fsync: {best:6.1f} s  {limit:7.0f} MiB/s")
        print(f"  handover ({result.items} files, the dossier, records, custody, signed head):"
              f" {handed:6.1f} s  {ours:7.0f} MiB/s  = {ours / limit:.2f}x the limit (target 0.8x: "
              f"{'meets' if ours / limit >= 0.8 else 'MISSES'})")
        print(f"  limit: read{cipher} and SHA-256 each original: {hashed:6.1f} s  {total / MIB / hashed:7.0f} MiB/s")
        print(f"  verify (history, seals, every stored file re-hashed): {verified:6.1f} s  "
              f"{total / MIB / verified:7.0f} MiB/s = {hashed / verified:.2f}x the limit")
        write_figures(args.json)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
