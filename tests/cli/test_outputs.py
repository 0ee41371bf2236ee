"""Issue 13: no output path given to the command line can replace a case.

Every example runs the real ``casefile`` command in a subprocess on real
files; after each refusal the case's bytes are unchanged, the exit code is 1,
stderr is one line and nothing else appeared in the folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from casefile.cli import main
from casefile.dossier import write_dossier
from casefile.model import Incident
from casefile.store import Case
from casefile.store.outputs import OutputRefused, check_output

CLI = [sys.executable, "-c", "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"]
PASS = "correct horse battery"


def casefile(*args, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *(str(a) for a in args)], check=False, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> dict[str, str]:
    """Every name in the folder with what it is (links by their target)."""
    out = {}
    for p in folder.iterdir():
        st = p.lstat()
        out[p.name] = (f"link:{os.readlink(p)}" if stat.S_ISLNK(st.st_mode) else
                       "dir" if stat.S_ISDIR(st.st_mode) else
                       sha(p) if stat.S_ISREG(st.st_mode) else f"special:{st.st_mode:o}")
    return out


def assert_refused(run: subprocess.CompletedProcess, *, reason: str = "") -> str:
    assert run.returncode == 1, (run.returncode, run.stdout, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("casefile: "), run.stderr
    assert "Traceback" not in run.stderr
    assert reason in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def work(tmp_path):
    """c.casefile with EVI-0001 (a PNG) and EVI-0002, a file named c.casefile
    taken in from elsewhere; a backup sits next to the case."""
    folder = tmp_path / "work"
    folder.mkdir()
    case = folder / "c.casefile"
    assert main(["new", str(case), "--title", "Ayutla", "--documenter", "Ana"]) == 0
    png = tmp_path / "photo.png"
    Image.new("RGB", (8, 8), "red").save(png)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "c.casefile").write_bytes(b"an evidence file that happens to be named like the case")
    assert main(["add-evidence", str(case), str(png), str(elsewhere / "c.casefile")]) == 0
    assert list(folder.glob("c.casefile.backup-*.bak"))
    return folder


def in_process(*args, env: dict | None = None) -> subprocess.CompletedProcess:
    """The same command run in this process (a subprocess costs seconds on a
    busy machine): for the long matrices and the follow-up runs."""
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(a) for a in args])
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def refuses_without_change(work: Path, *args, reason: str = "", env: dict | None = None,
                           case: Path | None = None, separate: bool = True) -> str:
    """Run the command (in a subprocess unless ``separate`` is false) and check
    the refusal: exit 1, one line, the case's bytes and the folder unchanged."""
    case = case or work / "c.casefile"
    before, files = sha(case), listing(work)
    line = assert_refused(casefile(*args, env=env) if separate else in_process(*args, env=env), reason=reason)
    assert sha(case) == before
    assert listing(work) == files
    return line


# -- the examples of issue 13, item 1 ---------------------------------------------------------

def test_export_evidence_onto_its_own_case(work):
    case = work / "c.casefile"
    refuses_without_change(work, "export-evidence", case, "EVI-0001", "-o", case, reason="the case itself")
    refuses_without_change(work, "export-evidence", case, "EVI-0001", "-o", case, "--force",
                           reason="the case itself", separate=False)
    with Case.open(case) as opened, opened.session() as s:  # still a case, still whole
        s.add(Incident(title="still here"))


def test_json_export_onto_an_encrypted_case(tmp_path):
    case = tmp_path / "enc.casefile"
    (tmp_path / "pass").write_text(PASS + "\n")
    assert main(["new", str(case), "--title", "Secret", "--passphrase-file", str(tmp_path / "pass")]) == 0
    env = {"CASEFILE_PASSPHRASE": PASS}
    refuses_without_change(tmp_path, "export", case, "--format", "json", "-o", case, env=env, case=case,
                           reason="the case itself")
    refuses_without_change(tmp_path, "export", case, "--format", "json", "-o", case, "--force", env=env, case=case,
                           separate=False)


def test_evidence_named_like_its_case_exported_into_the_case_folder(work):
    case = work / "c.casefile"
    line = refuses_without_change(work, "export-evidence", case, "EVI-0002", "-o", work, reason="the case itself")
    assert "c.casefile" in line
    refuses_without_change(work, "export-evidence", case, "EVI-0002", "-o", work, "--force", separate=False)
    # Into another folder it is an ordinary file.
    out = work.parent / "out"
    out.mkdir()
    run = in_process("export-evidence", case, "EVI-0002", "-o", out)
    assert run.returncode == 0, run.stderr
    assert (out / "c.casefile").read_bytes().startswith(b"an evidence file")


TARGETS = [("link", "symbolic link"), ("dangling", "symbolic link"), ("device", "device"), ("folder", "folder"),
           ("wal", "companion"), ("shm", "companion"), ("backup", "backup"), ("hard link", "the case itself"),
           ("spelled", "the case itself")]


# Through a separate process: the examples the issue names; the rest of the
# matrix runs the same command in this process.
SEPARATE = {("json", "link"), ("json", "device"), ("pdf", "folder"), ("json", "folder"), ("evidence", "wal"),
            ("json", "backup"), ("evidence", "dangling")}


@pytest.mark.parametrize("command, target, reason", [
    *(("json", t, r) for t, r in TARGETS), *(("evidence", t, r) for t, r in TARGETS),
    ("pdf", "folder", "folder"), ("pdf", "link", "symbolic link"), ("pdf", "device", "device"),
    ("pdf", "backup", "backup")])
def test_outputs_that_are_not_a_new_file(work, target, reason, command):
    case = work / "c.casefile"
    paths = {
        "link": work / "link.json",
        "dangling": work / "dangling.json",
        "device": work / "device",
        "folder": work,
        "wal": work / "c.casefile-wal",
        "shm": work / "c.casefile-shm",
        "backup": next(work.glob("c.casefile.backup-*.bak")),
        "hard link": work / "hard.json",
        "spelled": work / "x" / ".." / "c.casefile",
    }
    (work / "link.json").symlink_to(case)
    (work / "dangling.json").symlink_to(work / "nowhere.json")
    os.link(case, work / "hard.json")
    (work / "x").mkdir()
    try:
        os.mknod(work / "device", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except OSError:
        os.mkfifo(work / "device")
    args = {"json": ["export", case, "--format", "json"], "pdf": ["export", case, "--format", "pdf"],
            "evidence": ["export-evidence", case, "EVI-0001"]}[command]
    if command == "evidence" and target == "folder":  # a folder is where export-evidence may write into
        reason = "the case itself"
        args[-1] = "EVI-0002"
    refuses_without_change(work, *args, "-o", paths[target], "--force", reason=reason,
                           separate=(command, target) in SEPARATE)
    assert os.readlink(work / "dangling.json") == str(work / "nowhere.json")
    assert not (work / "nowhere.json").exists()


def test_dev_null(work):
    with pytest.raises(OutputRefused, match="device"):  # refused before anything is run
        check_output("/dev/null", force=True)
    case = work / "c.casefile"
    for args, separate in ((["export", case, "--format", "json"], True), (["export-evidence", case, "EVI-0001"], False)):
        refuses_without_change(work, *args, "-o", "/dev/null", "--force", reason="device", separate=separate)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_another_open_case(work, tmp_path):
    """An encrypted case open in another Casefile has no header to recognise and
    no .casefile name: its lock gives it away."""
    other = tmp_path / "other.db"
    Case.create(other, "Other", passphrase=PASS).close()
    with Case.open(other, passphrase=PASS):
        refuses_without_change(work, "export", work / "c.casefile", "--format", "json", "-o", other, "--force",
                               reason="open in Casefile", case=other)


# -- the other commands -------------------------------------------------------------------------

def test_existing_file_needs_force(work):
    case, out = work / "c.casefile", work / "out.json"
    out.write_text("keep me")
    refuses_without_change(work, "export", case, "--format", "json", "-o", out, reason="--force", separate=False)
    assert out.read_text() == "keep me"
    run = in_process("export", case, "--format", "json", "-o", out, "--force")
    assert run.returncode == 0, run.stderr
    assert out.read_text().startswith("{")


def test_csv_folder(work):
    case = work / "c.casefile"
    refuses_without_change(work, "export", case, "--format", "csv", "-o", case, reason="not a folder")
    (work / "csv-link").symlink_to(work / "sub", target_is_directory=True)
    refuses_without_change(work, "export", case, "--format", "csv", "-o", work / "csv-link",
                           reason="symbolic link", separate=False)
    out = work / "csv"
    assert in_process("export", case, "--format", "csv", "-o", out).returncode == 0
    files = listing(out)
    assert len(files) == 8
    refuses_without_change(out, "export", case, "--format", "csv", "-o", out, reason="--force", case=case,
                           separate=False)
    assert in_process("export", case, "--format", "csv", "-o", out, "--force").returncode == 0
    assert sorted(listing(out)) == sorted(files)


def test_new_on_a_dangling_symlink_is_refused_and_kept(tmp_path):
    link = tmp_path / "new.casefile"
    link.symlink_to(tmp_path / "target.casefile")
    assert_refused(casefile("new", link, "--title", "T"), reason="symbolic link")
    assert link.is_symlink() and not (tmp_path / "target.casefile").exists()
    (tmp_path / "folder.casefile").mkdir()
    assert_refused(in_process("new", tmp_path / "folder.casefile", "--title", "T"), reason="folder")


def test_encrypt_and_demo_outputs(work):
    case = work / "c.casefile"
    env = {"CASEFILE_NEW_PASSPHRASE": PASS}
    refuses_without_change(work, "encrypt", case, case, env=env, reason="the case itself")
    refuses_without_change(work, "encrypt", case, work / "c.casefile-wal", env=env, reason="companion",
                           separate=False)
    (work / "plain.txt").write_text("x")
    refuses_without_change(work, "encrypt", case, work / "plain.txt", env=env, reason="choose another name",
                           separate=False)
    refuses_without_change(work, "demo", case, "--force", reason="case file")
    refuses_without_change(work, "new", case, "--title", "Again", reason="already exists", separate=False)
    refuses_without_change(work, "demo", work / "plain.txt", reason="--force", separate=False)
    run = in_process("demo", work / "plain.txt", "--force")
    assert run.returncode == 0, run.stderr
    with Case.open(work / "plain.txt") as demo:
        assert demo.title
    assert not [p for p in work.iterdir() if p.name.startswith(".")]


def test_a_failed_dossier_leaves_no_file_and_no_part(sample_case):
    """The build fails half way through the layout: no PDF, no temporary; an
    existing file given with force stays as it was."""
    folder = sample_case.parent
    out = folder / "dossier.pdf"

    def fail(done, total, text):
        if total:  # laying out pages
            raise RuntimeError("the layout failed")

    with Case.open(sample_case) as case:
        with pytest.raises(RuntimeError):
            write_dossier(case, out, progress=fail)
        assert not out.exists()
        out.write_bytes(b"an older dossier")
        with pytest.raises(RuntimeError):
            write_dossier(case, out, progress=fail, force=True)
        assert out.read_bytes() == b"an older dossier"
    assert not [p for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith(".part")]


HOLD_WRITE_LOCK = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")  # the case's write lock, as another program could hold it
print("locked", flush=True)
time.sleep(120)
"""


def test_a_dossier_whose_history_entry_fails_is_not_left_behind(sample_case):
    """Issue 13 item 7: the PDF was put in place before its history entry was
    written; when that failed (here the case is locked by another program for
    longer than the busy timeout) the export failed but its PDF stayed."""
    folder = sample_case.parent
    out = folder / "dossier.pdf"
    with Case.open(sample_case) as case:
        holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(sample_case)], stdout=subprocess.PIPE,
                                  text=True)
        try:
            assert holder.stdout.readline().strip() == "locked"
            with pytest.raises(Exception, match="locked"):
                write_dossier(case, out)
        finally:
            holder.kill()
            holder.wait()
    assert not out.exists()
    assert not [p for p in folder.iterdir() if p.name.startswith(".") or p.name.endswith(".part")]


KILLED_BUILD = """
import os, signal, sys
from casefile.dossier import write_dossier
from casefile.store import Case

def kill(done, total, text):
    if total:  # half way through the layout
        os.kill(os.getpid(), signal.SIGKILL)

write_dossier(Case.open(sys.argv[1]), sys.argv[2], progress=kill)
"""


def test_a_killed_dossier_build_leaves_nothing(sample_case):
    folder = sample_case.parent
    run = subprocess.run([sys.executable, "-c", KILLED_BUILD, str(sample_case), str(folder / "d.pdf")],
                         check=False, capture_output=True, text=True, timeout=300)
    assert run.returncode == -9, run.stderr
    left = {p.name for p in folder.iterdir()} - {"sample.casefile-wal", "sample.casefile-shm"}
    assert left == {"sample.casefile"}


# -- item 9: terminal escapes ----------------------------------------------------------------------

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202eevil\x7f"


def test_search_prints_no_terminal_escapes(tmp_path):
    case = tmp_path / "c.casefile"
    assert main(["new", str(case), "--title", f"Case {HOSTILE}"]) == 0
    with Case.open(case) as opened, opened.session() as s:
        s.add(Incident(title=f"Retén {HOSTILE} pwned"))
    named = tmp_path / "\x1b[2Jnote\u202e.txt"
    named.write_text("a file with a hostile name")
    (tmp_path / "out").mkdir()
    runs = [casefile("search", case, "pwned"), in_process("info", case), in_process("add-evidence", case, named),
            in_process("export-evidence", case, "EVI-0001", "-o", tmp_path / "out")]
    assert "\\x1b" in runs[1].stdout and "\\u202e" in runs[1].stdout
    for run in runs:
        assert run.returncode == 0, run.stderr
        for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\x7f"):
            assert bad not in run.stdout
    run = in_process("search", case, "pwned")
    assert "\\x1b]0;pwned\\x07\\x1b[2J" in run.stdout
    run = in_process("search", case, "pwned", "--json")
    for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\x7f"):
        assert bad not in run.stdout
    assert HOSTILE in json.loads(run.stdout)[0]["title"]


def test_redaction_report_json_escapes_c1_and_bidi(tmp_path):
    from casefile.model import Actor

    case = tmp_path / "c.casefile"
    assert main(["new", str(case), "--title", "T"]) == 0
    with Case.open(case) as opened, opened.session() as s:
        s.add(Actor(name="Rosa \u202eFicticia", protected=True, pseudonym="Witness \x9bA", category="person"))
        s.add(Incident(title="Rosa \u202eFicticia spoke"))
    run = in_process("redaction-report", case, "--profile", "public", "--json")
    assert run.returncode == 0, run.stderr
    assert "\u202e" not in run.stdout and "\x9b" not in run.stdout
    assert json.loads(run.stdout)["replacements"][0]["replacement"] == "Witness \x9bA"
