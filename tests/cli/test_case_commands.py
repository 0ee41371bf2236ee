"""new, info, search, verify: exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import sqlite3
import threading

import pytest

from casefile.store import Case

INFO_KEYS = {"incidents", "actors", "places", "sources", "claims", "evidence", "encrypted", "format_version",
             "audit_head"}


def test_new_then_info(cli, tmp_path):
    path = tmp_path / "new.casefile"
    result = cli("new", path, "--title", "Ayutla 2013", "--documenter", "Ana")
    assert result.code == 0 and result.out.count("\n") == 1 and path.is_file()
    info = cli("info", path, "--json")
    data = json.loads(info.out)
    assert info.code == 0 and INFO_KEYS <= set(data)
    assert (data["incidents"], data["encrypted"]) == (0, False)
    text = cli("info", path)
    assert text.code == 0 and "Ayutla 2013" in text.out


def test_new_errors(cli, tmp_path):
    existing = tmp_path / "x.casefile"
    existing.write_bytes(b"")
    assert "already exists" in cli("new", existing, "--title", "T").one_error_line()
    result = cli("new", tmp_path / "no" / "such" / "x.casefile", "--title", "T")
    assert result.code == 1 and "does not exist" in result.one_error_line()
    result = cli("new", tmp_path / "y.casefile", "--title", "   ")
    assert result.code == 1 and result.one_error_line()
    result = cli("new", tmp_path / "z.casefile")  # --title is required
    assert result.code == 2 and result.one_error_line()


def test_info_errors(cli, tmp_path):
    result = cli("info", tmp_path / "missing.casefile")
    assert result.code == 1 and "No such file" in result.one_error_line()
    text = tmp_path / "notes.casefile"
    text.write_text("just some notes, not a case\n" * 20)
    result = cli("info", text)
    assert result.code == 1 and result.one_error_line()
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.commit()
    result = cli("info", tmp_path / "other.db")
    assert result.code == 1 and "not a Casefile" in result.one_error_line()
    too_long = tmp_path / ("a" * 300 + ".casefile")  # longer than a file name may be
    for argv in (("info", too_long), ("new", too_long, "--title", "T"), ("demo", too_long)):
        result = cli(*argv)
        assert result.code == 1 and "File name too long" in result.one_error_line()
    assert cli("info").code == 2


def test_search(cli, sample_case):
    result = cli("search", sample_case, "placido")
    assert result.code == 0 and result.out.splitlines()[0].startswith("ACT-0006\tBruno Plácido Valerio")
    hits = json.loads(cli("search", sample_case, "PLÁCIDO", "--json").out)
    assert hits[0]["code"] == "ACT-0006" and hits[0]["kind"] == "actor"
    for hostile in ('"', "NEAR(", "AND", "*", "-", "\u202eabc", "e\u0301"):
        assert cli("search", sample_case, hostile).code == 0
    nothing = cli("search", sample_case, "zzzzqqq")
    assert nothing.code == 0 and nothing.out == "" and nothing.one_error_line() == "no matches"


def test_verify(cli, sample_case):
    result = cli("verify", sample_case)
    assert result.code == 0 and result.out.startswith("ok")
    db = sqlite3.connect(sample_case)
    db.execute("UPDATE audit_entry SET who = 'someone else' WHERE seq = 2")
    db.commit()
    db.close()
    result = cli("verify", sample_case)
    assert result.code == 3 and "audit #2" in result.out and "Traceback" not in result.err


def test_history_lists_every_change_or_one_records_and_says_when_the_chain_breaks(cli, sample_case):
    """``casefile history CASE [CODE]``: the History window's entries, newest
    first, on the command line; a record's code brings its links and custody
    events too; a broken chain is one line on stderr and exit 3."""
    every = cli("history", sample_case)
    assert every.code == 0 and every.err == ""
    lines = [line.split("\t") for line in every.out.splitlines()]
    assert all(len(fields) == 6 for fields in lines)
    assert [int(fields[0]) for fields in lines] == sorted((int(fields[0]) for fields in lines), reverse=True)
    assert lines[-1][3] == "create-case" and lines[-1][1].endswith(" UTC")
    evidence = json.loads(cli("history", sample_case, "evi-0001", "--json").out)
    assert {entry["kind"] for entry in evidence} == {"evidence", "evidence_link", "custody_event"}
    assert all(isinstance(entry["changes"], dict) for entry in evidence)
    assert "evidence_link EVI-0001 · INC-0003" in [entry["record"] for entry in evidence]  # what a link joins
    assert len(cli("history", sample_case, "--limit", "2").out.splitlines()) == 2
    nothing = cli("history", sample_case, "ZZZ-9999")
    assert nothing.code == 0 and nothing.out == "" and nothing.one_error_line() == "no entries"
    db = sqlite3.connect(sample_case)
    db.execute("UPDATE audit_entry SET who = 'someone else\x1b]0;pwned\x07' WHERE seq = 1")
    db.commit()
    db.close()
    broken = cli("history", sample_case)
    assert broken.code == 3 and broken.one_error_line() == "the history's chain is broken at #1: entry altered"
    assert "someone else\\x1b]0;pwned\\x07" in broken.out and "\x1b" not in broken.out  # shown as stored, escaped


def test_verify_names_a_damaged_index_first(cli, sample_case):
    """An index that no longer matches its table passes the check at opening
    (quick_check) but not verify's full one, which runs beside the evidence
    re-hash: its problem still comes first, and nothing else is wrong."""
    db = sqlite3.connect(sample_case)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    [index] = [name for (name,) in db.execute("SELECT name FROM pragma_index_list('incident')")
               if [c for (c,) in db.execute("SELECT name FROM pragma_index_info(?)", (name,))] == ["code"]]
    root = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (index,)).fetchone()[0]
    db.close()
    with open(sample_case, "r+b") as f:  # the index's INC-0001 becomes INC-0000; the table keeps it
        f.seek((root - 1) * page_size)
        page = f.read(page_size)
        assert page.count(b"INC-0001") == 1
        f.seek((root - 1) * page_size)
        f.write(page.replace(b"INC-0001", b"INC-0000"))
    result = cli("verify", sample_case)
    lines = result.out.splitlines()
    assert result.code == 3 and "Traceback" not in result.err
    assert lines and all(line.startswith("file integrity: ") for line in lines)
    assert index in lines[0]


def test_verify_missing_case(cli, tmp_path):
    result = cli("verify", tmp_path / "nothing.casefile")
    assert result.code == 1 and result.one_error_line()


def test_unusable_passphrase_files(cli, tmp_path):
    path = tmp_path / "secret.casefile"
    not_utf8 = tmp_path / "latin1.txt"
    not_utf8.write_bytes(b"contrase\xf1a\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    for args in (("new", path, "--title", "T", "--passphrase-file", not_utf8),
                 ("new", path, "--title", "T", "--passphrase-file", empty),
                 ("new", path, "--title", "T", "--passphrase-file", tmp_path / "missing.txt"),
                 ("new", path, "--title", "T", "--passphrase-file", "/dev/zero"),  # endless: read no further
                 ("new", path, "--title", "T", "--passphrase-file", tmp_path)):
        result = cli(*args)
        assert result.code == 1 and "passphrase file" in result.one_error_line()
    assert not path.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_passphrase_file_may_be_a_pipe(cli, tmp_path):
    """As from ``--passphrase-file <(pass show case)``: what is written to the
    pipe is read, once."""
    pipe = tmp_path / "passphrase"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_text("a long passphrase\n"))
    writer.start()
    result = cli("new", tmp_path / "secret.casefile", "--title", "T", "--passphrase-file", pipe)
    writer.join(timeout=10)
    assert result.code == 0, result.err
    with Case.open(tmp_path / "secret.casefile", passphrase="a long passphrase") as case:
        assert case.encrypted


def test_the_program_freezes_what_its_imports_made(monkeypatch):
    """The ``casefile`` program (``cli.run``, also behind ``python -m casefile``)
    leaves the objects its imports made to no garbage collection; ``main``,
    which these tests call, does not."""
    import gc
    from importlib.metadata import entry_points

    from casefile import cli

    (script,) = entry_points(group="console_scripts", name="casefile")
    assert script.value == "casefile.cli:run"
    frozen: list[int] = []
    monkeypatch.setattr(cli, "main", lambda: frozen.append(gc.get_freeze_count()) or 0)
    before = gc.get_freeze_count()
    try:
        assert cli.run() == 0
    finally:
        gc.unfreeze()
    assert before == 0 and frozen[0] > 10_000


def test_every_command_is_a_plain_word_so_a_case_path_never_names_one():
    """``main`` imports the command modules only for arguments that may name
    a command (``COMMAND_WORD``): a name outside that pattern would be sent to
    the window."""
    from casefile import cli

    _, commands = cli.build_parser()
    assert len(commands) > 20
    assert all(cli.COMMAND_WORD.fullmatch(name) for name in commands)


def test_the_window_is_started_without_importing_a_command(tmp_path):
    """``casefile CASE`` and ``casefile --demo`` go straight to the window; the
    commands' modules (a tenth of a second of imports) stay unloaded. A bad
    option stops it before Qt loads."""
    import subprocess
    import sys

    code = ("import sys, casefile.cli as cli\n"
            "try:\n    cli.main(['--no-such-option', sys.argv[1]])\nexcept SystemExit as e:\n    print(e.code)\n"
            "print(sorted(m for m in sys.modules if m.endswith('_commands')))\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "x.casefile")], capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.splitlines() == ["2", "[]"], done.stderr
    done = subprocess.run([sys.executable, "-c", code.replace("'--no-such-option', ", "'info', "),
                           str(tmp_path / "x.casefile")], capture_output=True, text=True, timeout=120)
    assert "casefile.cli.case_commands" in done.stdout.splitlines()[-1], done.stderr
