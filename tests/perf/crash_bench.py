"""The kill harness at full size: many SIGKILLs, plain and encrypted.

    uv run python tests/perf/crash_bench.py [--kills 200] [--encrypted-kills 50] [--seed N]

Runs tests/store/test_crash.py's campaign: a real Casefile process doing a
burst of edits, an evidence intake of many small files or a JSON import is
killed at a seeded random moment; after every kill the case must open, pass
``PRAGMA integrity_check`` and ``casefile verify``, and hold every change the
process acknowledged. Any failure stops the run with the round that broke.
Prints the number of kills survived (the figure quoted in the README).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.store.test_crash import campaign  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--encrypted-kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--max-delay", type=float, default=1.0, help="longest a worker runs before the kill (s)")
    args = parser.parse_args()
    print(f"seed {args.seed}")
    total = 0
    for label, kills, passphrase in (("plain", args.kills, None),
                                     ("encrypted", args.encrypted_kills, "crash bench passphrase")):
        if kills <= 0:
            continue
        with tempfile.TemporaryDirectory(prefix=f"casefile-crash-{label}-") as tmp:
            start = time.perf_counter()
            tally = campaign(Path(tmp), kills, args.seed, passphrase=passphrase, max_delay=args.max_delay)
            elapsed = time.perf_counter() - start
        total += tally.kills
        print(f"{label:9}: {tally.kills} kills survived ({tally.interrupted} mid-work; rounds {tally.rounds}), "
              f"{tally.acked} acknowledged changes all present, 0 integrity failures, {elapsed:.0f} s")
    print(f"total: {total} kills survived, zero acknowledged changes lost, zero integrity failures")


if __name__ == "__main__":
    main()
