"""Every command that takes a CASE takes a server address: reading commands read
one snapshot, writing ones hold the case's lock and send their changes back."""

from __future__ import annotations

import json

import psycopg
import pytest

from casefile.cli import main
from casefile.store import Case
from tests.server.conftest import member_key


@pytest.fixture
def url(sample_on_server):
    return sample_on_server


def test_reading_and_writing_commands_work_on_a_server_case(url, tmp_path, capsys):
    capsys.readouterr()
    assert main(["info", url, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["incidents"] == 5 and info["server"] == url and "encrypted" not in info  # not the copy's
    assert main(["info", url]) == 0
    assert "Server" in capsys.readouterr().out
    assert main(["search", url, "ayutla"]) == 0  # accent- and case-insensitive, as on a laptop
    assert "INC-0001" in capsys.readouterr().out
    assert main(["history", url, "EVI-0001", "--json"]) == 0  # a record's history, its links' and custody's
    assert {entry["kind"] for entry in json.loads(capsys.readouterr().out)} >= {"evidence", "custody_event"}
    photo = tmp_path / "checkpoint.bin"
    photo.write_bytes(b"field photo bytes " * 3000)
    assert main(["add-evidence", url, str(photo), "--link", "INC-0001", "--relation", "depicts"]) == 0
    capsys.readouterr()
    assert main(["verify", url]) == 0  # the new rows, history and chunks reached the server whole
    assert main(["export", url, "--format", "json", "-o", str(tmp_path / "case.json")]) == 0
    exported = json.loads((tmp_path / "case.json").read_text())
    code = next(e["code"] for e in exported["evidence"] if e["original_name"] == "checkpoint.bin")
    assert main(["export-evidence", url, code, "-o", str(tmp_path / "back.bin")]) == 0
    assert (tmp_path / "back.bin").read_bytes() == photo.read_bytes()


def test_verify_on_the_server_names_a_row_a_superuser_changed(url, pg_server, pg_database, capsys):
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:
        admin.execute("UPDATE case_guerrero.source SET confidential = false WHERE confidential")
    capsys.readouterr()
    assert main(["verify", url]) == 3
    assert "SRC-" in capsys.readouterr().out


def test_a_reader_s_change_is_refused_in_one_line_and_nothing_is_written(url, pg_server, pg_database, tmp_path,
                                                                          capsys, monkeypatch):
    reader = f"{pg_database}_reader"
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:
        admin.execute(f'CREATE ROLE "{reader}" LOGIN')
    capsys.readouterr()
    assert main(["server", "add-member", url, reader, "reader"]) == 1  # a reader needs the case's key
    assert "--public-key" in capsys.readouterr().err
    member_key(url, "Rita", tmp_path / "rita-keys", login=reader, role="reader")
    as_reader = pg_server.url(pg_database, user=reader, case="guerrero")
    photo = tmp_path / "x.bin"
    photo.write_bytes(b"bytes")
    capsys.readouterr()
    monkeypatch.setenv("CASEFILE_KEY_DIR", str(tmp_path / "new-keys"))  # a key the case was never sealed to
    assert main(["info", as_reader]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not hold the key" in err
    monkeypatch.setenv("CASEFILE_KEY_DIR", str(tmp_path / "rita-keys"))  # Rita's own laptop
    monkeypatch.setenv("CASEFILE_KEY_PASSPHRASE", "Rita's passphrase")
    assert main(["info", as_reader]) == 0  # a reader reads
    assert main(["add-evidence", as_reader, str(photo)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "role" in err
    # a reader's pull is a plain copy: no introduction to write, and nothing left of the one tried
    assert main(["pull", as_reader, "-o", str(tmp_path / "rita.casefile")]) == 0
    assert sorted(path.name for path in tmp_path.glob("rita.casefile*")) == ["rita.casefile"]
    with Case.open(tmp_path / "rita.casefile") as copy, copy.connection() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM exchange_peer").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM evidence").scalar() == 1
    with psycopg.connect(pg_server.url(pg_database)) as admin:
        assert admin.execute("SELECT count(*) FROM case_guerrero.evidence").fetchone() == (1,)
        admin.execute("DROP SCHEMA case_guerrero CASCADE")
        admin.execute(f'DROP OWNED BY "{reader}"')
        admin.execute(f'DROP ROLE "{reader}"')
        admin.commit()
