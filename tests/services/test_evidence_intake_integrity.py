"""A row the case refuses during ``add-evidence`` (an IntegrityError) is one
line and leaves nothing behind (issue 13, item 10).

The way there found by the attack: a case whose code counter was moved back
outside Casefile (``update code_counter set next_value=1``), so the next new
item's code is already taken."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys

CLI = [sys.executable, "-c", "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"]


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=120)


def counts(path) -> tuple:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT (SELECT count(*) FROM evidence), (SELECT count(*) FROM blob), "
                          "(SELECT count(*) FROM chunk), (SELECT count(*) FROM custody_event), "
                          "(SELECT count(*) FROM audit_entry)").fetchone()


def test_a_code_already_taken_is_one_line_and_nothing_is_kept(tmp_path):
    case = tmp_path / "c.casefile"
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("first photo\n")
    second.write_text("second photo, different bytes\n")
    assert run("new", case, "--title", "T").returncode == 0
    assert run("add-evidence", case, first).returncode == 0
    with contextlib.closing(sqlite3.connect(case)) as db:  # behind Casefile's back
        db.execute("UPDATE code_counter SET next_value = 1 WHERE prefix = 'EVI'")
        db.commit()
    before = counts(case)

    result = run("add-evidence", case, second)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("casefile: ") and "b.txt: the case refused the new item" in lines[0]
    assert "code" in lines[0] and "nothing was kept" in lines[0]
    assert counts(case) == before  # no item, no bytes, no custody, no history
