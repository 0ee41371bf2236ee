"""A case on a read-only medium (a mounted USB stick, a write-blocker): every
reading command works and writes nothing; writing commands say, in one
line, that the case is read-only; the window refuses it in one line."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3

import pytest
from pypdf import PdfReader

from casefile.services.sample import create_demo_case
from casefile.store import Case
from casefile.store.storage import CaseReadOnly
from tests.fixtures.mounts import listing, one_line, remount_read_only, run_cli, tmpfs

PHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "sample.casefile"
    create_demo_case(path).close(backup=False)
    return path


@pytest.fixture
def stick(tmp_path):
    """A small file system to put a case on, then make read-only."""
    with tmpfs(tmp_path / "stick") as folder:
        yield folder


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_commands_work_on_a_read_only_mount(sample, stick, tmp_path):
    case = stick / "sample.casefile"
    shutil.copyfile(sample, case)
    remount_read_only(stick)
    before, files = _sha(case), listing(stick)
    out = tmp_path / "out"
    out.mkdir()

    info = run_cli("info", case, "--json")
    assert info.returncode == 0 and info.stderr == "", info.stderr
    head = json.loads(info.stdout)["audit_head"]
    assert run_cli("info", case).returncode == 0
    found = run_cli("search", case, "army")
    assert found.returncode == 0 and "ACT-0001" in found.stdout, found.stderr

    verified = run_cli("verify", case)
    assert verified.returncode == 0 and verified.stdout.startswith("ok"), verified.stderr
    assert verified.stderr.strip().splitlines() == [
        f"note: {case} cannot be changed here (read-only): the evidence checks are not recorded in its custody"]

    assert run_cli("export", case, "--format", "json", "-o", out / "case.json").returncode == 0
    assert json.loads((out / "case.json").read_text(encoding="utf-8"))["incidents"]
    assert run_cli("export", case, "--format", "csv", "-o", out / "csv").returncode == 0

    # A dossier is written; its hash cannot go into the case's history, so it is told instead.
    pdf = run_cli("export", case, "--format", "pdf", "-o", out / "dossier.pdf")
    assert pdf.returncode == 0, pdf.stderr
    sha = _sha(out / "dossier.pdf")
    assert f"the dossier's sha256:{sha} is not recorded in its history" in pdf.stderr
    assert "Ayutla" in PdfReader(io.BytesIO((out / "dossier.pdf").read_bytes())).pages[0].extract_text()

    exported = run_cli("export-evidence", case, "EVI-0001", "-o", out / "evidence.bin")
    assert exported.returncode == 0, exported.stderr
    assert f"sha256:{_sha(out / 'evidence.bin')}" in exported.stdout
    assert "not recorded in the custody of EVI-0001" in exported.stderr

    checked = run_cli("check-head", case, head)
    assert checked.returncode == 0, checked.stderr
    for result in (info, found, verified, pdf, exported, checked):
        assert "Traceback" not in result.stderr
    assert _sha(case) == before and listing(stick) == files  # not a byte, not a companion file


def test_writing_commands_say_the_case_is_read_only(sample, stick, tmp_path):
    case = stick / "sample.casefile"
    shutil.copyfile(sample, case)
    remount_read_only(stick)
    (tmp_path / "note.txt").write_text("a statement", encoding="utf-8")
    run_cli("export", case, "--format", "json", "-o", tmp_path / "case.json")
    for argv in (("add-evidence", case, tmp_path / "note.txt"), ("import", case, tmp_path / "case.json")):
        assert f"{case} is read-only" in one_line(run_cli(*argv))
    with pytest.raises(CaseReadOnly, match="is read-only"):  # the window's way in, and the library's default
        Case.open(case)
    # The window refuses it with one clear line (here drawn offscreen, as --screenshot does).
    window = run_cli(case, "--screenshot", tmp_path / "w.png")
    assert f"{case} is read-only" in one_line(window)
    assert listing(stick) == {"sample.casefile": sample.stat().st_size}


def test_an_encrypted_case_reads_on_a_read_only_mount(stick, tmp_path):
    case = stick / "secret.casefile"
    Case.create(case, "Sealed", passphrase=PHRASE).close()
    remount_read_only(stick)
    before = _sha(case)
    info = run_cli("info", case, "--json", env={"CASEFILE_PASSPHRASE": PHRASE})
    assert info.returncode == 0 and json.loads(info.stdout)["encrypted"] is True, info.stderr
    assert run_cli("verify", case, env={"CASEFILE_PASSPHRASE": PHRASE}).returncode == 0
    wrong = run_cli("info", case, env={"CASEFILE_PASSPHRASE": "not it"})
    assert "Wrong passphrase" in one_line(wrong)
    assert _sha(case) == before and listing(stick) == {"secret.casefile": case.stat().st_size}


def _copy_while_open(sample, work, target, *, with_index: bool) -> None:
    """Copy a case as a crash would leave it: its last commit only in -wal."""
    shutil.copyfile(sample, work)
    conn = sqlite3.connect(work, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("UPDATE case_info SET title = 'Changed just before the copy'")
    assert os.path.getsize(f"{work}-wal") > 0
    for suffix in ("", "-wal", "-shm") if with_index else ("", "-wal"):
        shutil.copyfile(f"{work}{suffix}", f"{target}{suffix}")
    conn.close()


def test_an_unclosed_case_on_a_read_only_mount(sample, stick, tmp_path):
    _copy_while_open(sample, tmp_path / "a.casefile", stick / "with-index.casefile", with_index=True)
    _copy_while_open(sample, tmp_path / "b.casefile", stick / "log-only.casefile", with_index=False)
    remount_read_only(stick)
    info = run_cli("info", stick / "with-index.casefile", "--json")  # SQLite reads the log through its index
    assert info.returncode == 0 and json.loads(info.stdout)["title"] == "Changed just before the copy", info.stderr
    # Without an index SQLite cannot read the log there, and older data is not passed off as the case.
    refused = one_line(run_cli("info", stick / "log-only.casefile"))
    assert "was not closed cleanly and is read-only here" in refused


def test_a_read_only_file_in_a_writable_folder(sample, tmp_path):
    """A case file bind-mounted read-only (root), or made read-only with chmod (others)."""
    folder = tmp_path / "cases"
    folder.mkdir()
    case = folder / "sample.casefile"
    shutil.copyfile(sample, case)
    if os.geteuid() == 0:
        with tmpfs(tmp_path / "unused"):  # skips where mounting is not permitted
            pass
        os.system(f"mount --bind '{case}' '{case}' && mount -o remount,ro,bind '{case}' '{case}'")
    else:
        case.chmod(0o444)
    try:
        if os.access(case, os.W_OK):
            pytest.skip("could not make the file read-only")
        before = _sha(case)
        assert run_cli("info", case).returncode == 0
        assert run_cli("verify", case).returncode == 0
        assert f"{case} is read-only" in one_line(run_cli("add-evidence", case, case))
        assert _sha(case) == before and sorted(p.name for p in folder.iterdir()) == ["sample.casefile"]
    finally:
        if os.geteuid() == 0:
            os.system(f"umount -l '{case}'")
