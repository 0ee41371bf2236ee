"""store.outputs: what may be written as an output, and the atomic writer.

Real files in tmp_path: cases, their companions and backups, symlinks, hard
links, devices. The property test draws output paths from the case's own
folder and checks that nothing ever changes the case's bytes.
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.errors import CasefileError
from casefile.services import evidence
from casefile.services.csv_export import export_csv
from casefile.services.interchange.export import export_json
from casefile.store import Case, outputs
from casefile.store.outputs import OutputExists, OutputRefused, atomic_output, check_output, write_bytes

PASS = "correct horse battery"


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def make_device(path: Path) -> Path:
    """A character device like /dev/null (root may make one), else a FIFO."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except (PermissionError, AttributeError, OSError):
        os.mkfifo(path)
    return path


@pytest.fixture
def folder(tmp_path):
    """A case with one evidence file, a backup, companions' names, links."""
    work = tmp_path / "work"
    work.mkdir()
    case_path = work / "c.casefile"
    with Case.create(case_path, "Ayutla", documenter="Ana") as case:
        src = tmp_path / "src"
        src.mkdir()
        (src / "c.casefile").write_bytes(b"an evidence file named like its case")
        evidence.intake(case, src / "c.casefile")
    assert list(work.glob("c.casefile.backup-*.bak")), "closing after a change writes a backup"
    (work / "sub").mkdir()
    (work / "link-to-case").symlink_to(case_path)
    (work / "dangling").symlink_to(work / "nowhere")
    os.link(case_path, work / "hard-link")
    make_device(work / "device")
    (work / "linked-folder").symlink_to(work, target_is_directory=True)
    (work / "notes.txt").write_text("an ordinary file")
    return work


# -- check_output ------------------------------------------------------------------------------

def test_refusals_name_the_path_and_the_reason(folder):
    case = folder / "c.casefile"
    backup = next(folder.glob("c.casefile.backup-*.bak"))
    cases = {
        case: "the case itself",
        folder / "sub" / ".." / "c.casefile": "the case itself",
        folder / "linked-folder" / "c.casefile": "the case itself",
        folder / "hard-link": "the case itself",
        folder / "c.casefile-wal": "companion",
        folder / "c.casefile-shm": "companion",
        folder / "c.casefile-journal": "companion",
        backup: "backup",
        folder / "c.casefile.before-format-3-20250101T000000.000000Z.bak": "backup",
        folder / "c.casefile.backup-x.bak.partial": "backup",
        folder / "link-to-case": "symbolic link",
        folder / "dangling": "symbolic link",
        folder / "device": "device",
        Path("/dev/null"): "device",
        folder: "folder",
        folder / "sub": "folder",
        folder / ".": "folder",
        folder / "missing" / "out.json": "does not exist",
        folder / "nul\x00.json": "not a file name",
    }
    before = sha(case)
    for path, reason in cases.items():
        with pytest.raises(OutputRefused) as refused:
            check_output(path, force=True, open_cases=[case])
        message = str(refused.value)
        assert reason in message and str(path) in message and "\n" not in message, (path, message)
    assert sha(case) == before
    assert (folder / "dangling").is_symlink() and not (folder / "nowhere").exists()


def test_a_folder_of_outputs_is_checked_too(folder):
    """CSV: the folder may be new or existing, never a link or a name that
    would stand in a case's way (a folder named c.casefile-wal stops it opening)."""
    from casefile.store.outputs import check_output_folder

    names = ["a.csv", "b.csv"]
    assert check_output_folder(folder / "new", names, force=False) == folder / "new"
    assert check_output_folder(folder / "sub", names, force=False) == folder / "sub"
    for path, reason in ((folder / "c.casefile-wal", "companion"), (folder / "linked-folder", "symbolic link"),
                         (folder / "notes.txt", "not a folder"), (folder / "x" / "y", "does not exist")):
        with pytest.raises(OutputRefused, match=reason):
            check_output_folder(path, names, force=True, open_cases=[folder / "c.casefile"])
    (folder / "sub" / "a.csv").write_text("old")
    with pytest.raises(OutputExists):
        check_output_folder(folder / "sub", names, force=False)
    assert not (folder / "new").exists() and not (folder / "c.casefile-wal").exists()


def test_a_case_is_refused_without_being_told_which_one(folder, tmp_path):
    """By its header (a plain case under any name), its .casefile name, or
    because another Casefile holds it open (an encrypted case under any name)."""
    other = tmp_path / "other.db"
    with Case.create(other, "Other"):
        pass
    with pytest.raises(OutputRefused, match="case file"):
        check_output(other, force=True)
    (tmp_path / "not-a-case.casefile").write_text("x")
    with pytest.raises(OutputRefused, match="case file"):
        check_output(tmp_path / "not-a-case.casefile", force=True)
    secret = tmp_path / "secret.bin"  # encrypted: no header to read
    Case.create(secret, "Secret", passphrase=PASS).close()
    check_output(secret, force=True)  # closed and unnamed: an ordinary existing file
    with Case.open(secret, passphrase=PASS):
        with pytest.raises(OutputRefused, match="open in Casefile"):
            check_output(secret, force=True)
        with pytest.raises(OutputRefused, match="companion"):
            check_output(tmp_path / "secret.bin-wal", force=True, open_cases=[secret])


def test_an_existing_file_needs_force(folder):
    notes = folder / "notes.txt"
    with pytest.raises(OutputExists, match="--force"):
        check_output(notes, force=False)
    with pytest.raises(OutputExists, match="choose another name"):
        check_output(notes, force=None)
    assert check_output(notes, force=True) == notes
    assert check_output(folder / "new.json", force=False) == folder / "new.json"


# -- the writer ----------------------------------------------------------------------------------

def test_write_replaces_only_with_force_and_leaves_no_temp(folder):
    out = folder / "out.json"
    write_bytes(out, b"one", force=False)
    with pytest.raises(OutputExists):
        write_bytes(out, b"two", force=False)
    assert out.read_bytes() == b"one"
    write_bytes(out, b"three", force=True)
    assert out.read_bytes() == b"three"
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]


def test_a_failure_leaves_nothing_and_the_old_file_untouched(folder):
    out = folder / "report.pdf"
    with pytest.raises(RuntimeError), atomic_output(out, force=False) as output:
        output.write(b"half a report")
        raise RuntimeError("the build failed")
    assert not out.exists()
    out.write_bytes(b"the old report")
    with pytest.raises(RuntimeError), atomic_output(out, force=True) as output:
        output.write(b"half a report")
        raise RuntimeError("the build failed")
    assert out.read_bytes() == b"the old report"
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_the_target_is_checked_again_before_it_is_put_in_place(folder):
    out = folder / "late.json"
    with pytest.raises(OutputRefused, match="symbolic link"), atomic_output(out, force=True) as output:
        output.write(b"data")
        out.symlink_to(folder / "c.casefile")  # swapped in while the export ran
    assert out.is_symlink() and out.resolve() == folder / "c.casefile"


def test_a_new_target_that_appears_meanwhile_is_not_replaced(folder):
    out = folder / "race.json"
    with pytest.raises(OutputExists), atomic_output(out, force=False) as output:
        output.write(b"ours")
        out.write_bytes(b"someone else's")
    assert out.read_bytes() == b"someone else's"


def test_a_commit_whose_record_fails_is_taken_back(folder):
    out = folder / "exported.bin"
    with pytest.raises(RuntimeError), atomic_output(out, force=False) as output:
        output.write(b"bytes")
        output.commit()
        assert out.read_bytes() == b"bytes"
        raise RuntimeError("the custody event could not be written")
    assert not out.exists()


KILLED_WRITER = textwrap.dedent("""
    import os, signal, sys
    from casefile.store import outputs
    if sys.argv[2] == "named":
        outputs._can_tmpfile = lambda: False
    with outputs.atomic_output(sys.argv[1], force=False) as output:
        output.write(b"x" * 100_000)
        os.kill(os.getpid(), signal.SIGKILL)
""")


@pytest.mark.parametrize("mode", ["unnamed", "named"])
def test_a_killed_export_leaves_nothing_behind(tmp_path, mode):
    """O_TMPFILE vanishes with the process; a named temp is removed by the
    next write to the same target."""
    out = tmp_path / "dossier.pdf"
    run = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(out), mode], check=False, capture_output=True)
    assert run.returncode == -signal.SIGKILL
    left = [p.name for p in tmp_path.iterdir()]
    if mode == "unnamed":
        assert left == []
    else:
        assert len(left) == 1 and left[0].startswith(".dossier.pdf.") and left[0].endswith(".part")
    write_bytes(out, b"%PDF-", force=False)
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.pdf"]


def test_named_temps_of_a_live_process_are_left_alone(tmp_path):
    out = tmp_path / "x.json"
    ours = tmp_path / f".x.json.{os.getppid()}-00ff.part"
    ours.write_bytes(b"")
    write_bytes(out, b"{}", force=False)
    assert ours.exists()


def test_fallback_without_unnamed_files(folder, monkeypatch):
    monkeypatch.setattr(outputs, "_can_tmpfile", lambda: False)
    out = folder / "fallback.json"
    write_bytes(out, b"one", force=False)
    write_bytes(out, b"two", force=True)
    assert out.read_bytes() == b"two"
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]


# -- the property: nothing drawn from the case's folder changes the case ---------------------

NAMES = ["c.casefile", "c.casefile-wal", "c.casefile-shm", "c.casefile-journal", "link-to-case", "dangling",
         "hard-link", "device", "sub", ".", "..", "linked-folder", "notes.txt", "new.json", "C.CASEFILE",
         "c.casefile.backup-20250101T000000.000000Z.bak", "c.casefile.bak.partial"]
SPELLINGS = ["{f}/{n}", "{f}/sub/../{n}", "{f}/./{n}", "{f}/linked-folder/{n}", "{n}", "./{n}", "sub/../{n}"]


@pytest.fixture
def open_case(folder, monkeypatch):
    monkeypatch.chdir(folder)
    case = Case.open(folder / "c.casefile")
    yield case
    case.close(backup=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES + ["<backup>", "<dev-null>"]), spelling=st.sampled_from(SPELLINGS),
       how=st.sampled_from(["check", "bytes", "json", "csv", "evidence"]), force=st.booleans())
def test_no_output_path_changes_the_case(folder, open_case, name, spelling, how, force):
    case_path = folder / "c.casefile"
    if name == "<backup>":
        name = next(folder.glob("c.casefile.backup-*.bak")).name
    path = "/dev/null" if name == "<dev-null>" else spelling.format(f=folder, n=name)
    if name == "<dev-null>":
        how = "check"  # never write towards the real /dev/null, even if a regression let it through
    before = {p: sha(p) for p in (case_path, *folder.glob("c.casefile.backup-*.bak"))}
    try:
        if how == "check":
            check_output(path, force=force, open_cases=[case_path])
        elif how == "bytes":
            write_bytes(path, b"not a case", force=force, open_cases=[case_path])
        elif how == "json":
            export_json(open_case, path, force=force)
        elif how == "csv":
            export_csv(open_case, path, force=force)
        else:
            evidence.export_original(open_case, "EVI-0001", path, force=force)
    except CasefileError as error:
        assert "\n" not in str(error)
    # The case's main file (its records live in the WAL until a checkpoint,
    # which a few custody events do not reach) and its backups are untouched.
    assert {p: sha(p) for p in before} == before
    assert Path(case_path).is_file() and not Path(case_path).is_symlink()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not os.path.exists(f"{case_path}-journal")
    assert not [p for p in folder.rglob("*.part")]
