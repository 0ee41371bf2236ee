"""A full disk, for real (a small tmpfs filled up): every command gives one
clear line or works, leaves nothing half written, and the case stays as it
was; nothing calls it damaged once space is back."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest
from sqlalchemy import select

from casefile.errors import CasefileError
from casefile.model import CustodyEvent, Incident
from casefile.store import Case
from tests.fixtures.mounts import fill, listing, one_line, run_cli, tmpfs

NO_SPACE = "no space left on device"


@pytest.fixture
def disk(tmp_path):
    with tmpfs(tmp_path / "disk", size="40m") as folder:
        yield folder


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_on_a_full_disk_leaves_nothing_and_nothing_calls_the_case_damaged(sample_case, disk):
    case = disk / "sample.casefile"
    shutil.copyfile(sample_case, case)
    filler = fill(disk)
    before = _sha(case)
    for argv in (("info", case), ("info", case, "--json"), ("search", case, "army")):
        result = run_cli(*argv)
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert listing(disk) == {"sample.casefile": case.stat().st_size}  # no -wal, no -shm
    verified = run_cli("verify", case)
    assert verified.returncode == 0 and verified.stdout.startswith("ok"), verified.stderr
    assert f"cannot be changed here ({NO_SPACE})" in verified.stderr
    assert _sha(case) == before and listing(disk) == {"sample.casefile": case.stat().st_size}
    filler.unlink()
    verified = run_cli("verify", case)  # with room again: verifies and records
    assert verified.returncode == 0 and verified.stderr == "", verified.stderr


def test_the_index_a_failed_opening_leaves_is_cleared(sample_case, disk):
    """SQLite itself, opening for writing on a full disk, leaves an empty -wal
    and a cut-short -shm (as every command did before): the case still opens."""
    case = disk / "sample.casefile"
    shutil.copyfile(sample_case, case)
    filler = fill(disk)
    conn = sqlite3.connect(case, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    left = listing(disk)
    assert left["sample.casefile-wal"] == 0 and left["sample.casefile-shm"] < 32768
    assert run_cli("info", case).returncode == 0
    verified = run_cli("verify", case)
    assert verified.returncode == 0 and verified.stdout.startswith("ok"), verified.stderr
    assert listing(disk) == {"sample.casefile": case.stat().st_size}  # cleared (deleting needs no room)
    filler.unlink()
    with Case.open(case) as opened, opened.session() as s:  # and takes changes once there is room
        s.add(Incident(title="after"))
    assert json.loads(run_cli("info", case, "--json").stdout)["incidents"] == 6


def test_new_on_a_full_disk_is_one_line_and_leaves_nothing(disk):
    fill(disk)
    assert NO_SPACE in one_line(run_cli("new", disk / "n.casefile", "--title", "New"))
    assert listing(disk) == {}


def test_new_that_runs_out_of_space_half_way_leaves_nothing(disk):
    fill(disk, leave=6 << 20)  # room to begin (a new case and its log take more)
    assert NO_SPACE in one_line(run_cli("new", disk / "n.casefile", "--title", "New"))
    assert listing(disk) == {}


def test_exports_onto_a_full_disk_are_one_line_and_leave_nothing(sample_case, disk):
    case = disk / "sample.casefile"
    shutil.copyfile(sample_case, case)
    fill(disk)
    before = _sha(case)
    for argv in (("export", case, "--format", "json", "-o", disk / "out.json"),
                 ("export", case, "--format", "pdf", "-o", disk / "out.pdf"),
                 ("export", case, "--format", "csv", "-o", disk / "csv"),
                 ("export-evidence", case, "EVI-0001", "-o", disk / "evidence.bin")):
        line = one_line(run_cli(*argv))
        assert "No space left on device" in line or NO_SPACE in line, line
        assert listing(disk) == {"sample.casefile": case.stat().st_size}, argv
    assert _sha(case) == before


def test_export_evidence_writes_the_copy_only_with_its_custody_event(sample_case, disk, tmp_path):
    case = disk / "sample.casefile"
    shutil.copyfile(sample_case, case)
    filler = fill(disk)
    before = _sha(case)
    out = tmp_path / "evidence.bin"  # room there, none beside the case for its custody event
    assert "cannot record this export in its history" in one_line(run_cli("export-evidence", case, "EVI-0001",
                                                                          "-o", out))
    assert not out.exists() and _sha(case) == before
    pdf = one_line(run_cli("export", case, "--format", "pdf", "-o", tmp_path / "dossier.pdf"))
    assert "cannot record this export in its history" in pdf and not (tmp_path / "dossier.pdf").exists()
    filler.unlink()
    done = run_cli("export-evidence", case, "EVI-0001", "-o", out)
    assert done.returncode == 0 and f"sha256:{_sha(out)}" in done.stdout, done.stderr
    with Case.open(case) as opened, opened.session() as s:
        events = s.scalars(select(CustodyEvent.action).order_by(CustodyEvent.id)).all()
        opened.close(backup=False)
    assert events.count("exported") == 1


def test_writing_commands_on_a_full_disk_change_nothing(sample_case, disk, tmp_path):
    case = disk / "sample.casefile"
    shutil.copyfile(sample_case, case)
    (tmp_path / "note.txt").write_text("a statement", encoding="utf-8")
    assert run_cli("export", case, "--format", "json", "-o", tmp_path / "case.json").returncode == 0
    fill(disk)
    before = _sha(case)
    for argv in (("add-evidence", case, tmp_path / "note.txt"), ("import", case, tmp_path / "case.json")):
        assert NO_SPACE in one_line(run_cli(*argv))
    assert _sha(case) == before and listing(disk) == {"sample.casefile": case.stat().st_size}


def test_an_import_that_does_not_fit_is_rolled_back(disk, tmp_path):
    """Room to open, not to commit: SQLite says "database or disk is full"."""
    case = disk / "c.casefile"
    Case.create(case, "Small").close()
    doc = tmp_path / "big.json"
    source = tmp_path / "source.casefile"
    with Case.create(source, "Source") as src, src.session() as s:
        s.add_all(Incident(title=f"long {i}", description="x" * 150_000) for i in range(30))
    assert run_cli("export", source, "--format", "json", "-o", doc).returncode == 0
    fill(disk, leave=2 << 20)
    before = _sha(case)
    line = one_line(run_cli("import", case, doc))
    assert NO_SPACE in line or "disk is full" in line, line
    assert _sha(case) == before and set(listing(disk)) == {"c.casefile"}
    assert json.loads(run_cli("info", case, "--json").stdout)["incidents"] == 0


def test_a_checkpoint_that_fails_on_close_keeps_the_log_for_the_next_opening(disk):
    case = disk / "c.casefile"
    Case.create(case, "Closing").close()
    opened = Case.open(case)
    with opened.session() as s:
        s.add(Incident(title="saved in the log", description="x" * 3_000_000))
    filler = fill(disk)  # the file cannot grow to take the log back in
    with pytest.raises(CasefileError, match="no space left to fold its log"):
        opened.close()
    assert listing(disk)["c.casefile-wal"] > 3_000_000
    found = run_cli("search", case, "saved")  # read, log included, even on the full disk
    assert found.returncode == 0 and "INC-0001" in found.stdout, found.stderr
    filler.unlink()
    verified = run_cli("verify", case)
    assert verified.returncode == 0 and verified.stdout.startswith("ok"), verified.stderr
    assert set(listing(disk)) == {"c.casefile"}  # folded back in by that opening
