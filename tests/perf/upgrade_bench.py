"""Opening a case of the format before this one, as every case is opened once
after Casefile is updated: a backup copy first, then the update and the
checks any opening runs. Against a plain copy of the same file with its sync.

    uv run python tests/perf/upgrade_bench.py CASE

CASE (a plain case of this format, e.g. the scale case's ``plain.casefile``)
is copied and its copy marked one format older. That is the file the last
format really had only while the newest revision changes no row
(``rows_kept``, as 0010 does); otherwise the script refuses.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def _copy_and_sync(source: Path, target: Path) -> float:
    start = time.perf_counter()
    shutil.copyfile(source, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - start


def main(case: Path) -> int:
    from casefile.store import Case, migrate

    older = migrate.head_version() - 1
    if migrate.rows_change(older):
        print(f"format {older + 1} changes rows: a copy marked {older} is not a case of format {older}",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="casefile-upgrade-", dir=case.parent) as folder:
        path = Path(folder) / "old.casefile"
        shutil.copyfile(case, path)
        db = sqlite3.connect(path)
        db.execute(f"PRAGMA user_version = {older:d}")
        db.commit()
        db.close()
        os.sync()
        stages: list[tuple[str, float]] = []
        start = time.perf_counter()
        opened = Case.open(path, stage=lambda text: stages.append((text, time.perf_counter() - start)))
        seconds = time.perf_counter() - start
        opened.close(backup=False)
        os.sync()
        copy = _copy_and_sync(path, Path(folder) / "copy.casefile")
        size = path.stat().st_size / 2**20
    print(f"{size:.0f} MiB from format {older}: opened in {seconds:.2f} s "
          f"({', '.join(f'{text!r} at {at:.2f} s' for text, at in stages)}); "
          f"a plain copy with its sync {copy:.2f} s, {seconds / copy:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
