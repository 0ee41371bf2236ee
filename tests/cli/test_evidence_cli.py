"""casefile add-evidence / export-evidence / verify, as a script would use them."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3

import pytest

from casefile.cli import main
from casefile.services import evidence
from casefile.store import Case
from tests.services.evidence_samples import LAT, jpeg_with_gps


@pytest.fixture
def case_path(tmp_path):
    path = tmp_path / "c.casefile"
    assert main(["new", str(path), "--title", "Ayutla", "--documenter", "Ana"]) == 0
    with Case.open(path) as case, case.session() as s:
        from casefile.model import Incident

        s.add(Incident(title="Retén en El Pericón"))
    return path


def test_batch_keeps_going_past_a_bad_file(case_path, tmp_path, capsys):
    photo = jpeg_with_gps(tmp_path / "photo.jpg")
    (tmp_path / "نص.txt").write_text("شهادة", encoding="utf-8")
    capsys.readouterr()
    code = main(["add-evidence", str(case_path), str(photo), str(tmp_path / "missing.jpg"), str(tmp_path),
                 str(tmp_path / "نص.txt"), "--link", "INC-0001", "--relation", "depicts", "--note", "from the road",
                 "--obtained-how", "taken in person", "--origin", "Ana's phone"])
    out, err = capsys.readouterr()
    assert code == 1
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert out.splitlines() == [f"EVI-0001 photo.jpg sha256:{sha}",
                                f"EVI-0002 نص.txt sha256:{hashlib.sha256('شهادة'.encode()).hexdigest()}"]
    errors = err.splitlines()
    assert len(errors) == 2 and "missing.jpg: no such file" in errors[0] and "is a folder" in errors[1]
    with Case.open(case_path) as case:
        item = evidence.get(case, "EVI-0001")
        assert (item.note, item.obtained_how, item.origin, item.intake_by) == (
            "from the road", "taken in person", "Ana's phone", "Ana")
        assert item.latitude == pytest.approx(LAT, abs=1e-6)
        with case.connection() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM evidence_link WHERE relation = 'depicts'").scalar() == 2


def test_duplicate_is_noted(case_path, tmp_path, capsys):
    (tmp_path / "a.txt").write_text("same")
    (tmp_path / "b.txt").write_text("same")
    assert main(["add-evidence", str(case_path), str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 0
    out, err = capsys.readouterr()
    assert "EVI-0002 has the same content as EVI-0001" in err


def test_link_needs_relation_and_valid_relation(case_path, tmp_path, capsys):
    (tmp_path / "a.txt").write_text("x")
    assert main(["add-evidence", str(case_path), str(tmp_path / "a.txt"), "--link", "INC-0001"]) == 1
    assert "--link and --relation go together" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["add-evidence", str(case_path), str(tmp_path / "a.txt"), "--link", "INC-0001", "--relation", "proves"])
    assert usage.value.code == 2


def test_export_and_verify(case_path, tmp_path, capsys):
    data = os.urandom(1_500_000)
    (tmp_path / "clip.mp4").write_bytes(data)
    assert main(["add-evidence", str(case_path), str(tmp_path / "clip.mp4")]) == 0
    assert main(["export-evidence", str(case_path), "EVI-0001", "-o", str(tmp_path / "back.mp4")]) == 0
    assert (tmp_path / "back.mp4").read_bytes() == data
    assert main(["verify", str(case_path)]) == 0
    assert main(["export-evidence", str(case_path), "EVI-0009", "-o", str(tmp_path / "x")]) == 1
    assert "no evidence EVI-0009" in capsys.readouterr().err

    # Someone edits the case file behind Casefile's back: one byte of the stored video.
    db = sqlite3.connect(case_path)
    chunk, blob = db.execute("SELECT sha256, data FROM chunk ORDER BY length(data) DESC LIMIT 1").fetchone()
    damaged = bytearray(blob)
    damaged[1000] ^= 0xFF
    db.execute("UPDATE chunk SET data = ? WHERE sha256 = ?", (bytes(damaged), chunk))
    db.commit()
    db.close()
    capsys.readouterr()
    assert main(["verify", str(case_path)]) == 3
    out, err = capsys.readouterr()
    assert out.startswith("EVI-0001: stored bytes do not match") and "1 problem(s)" in err
    assert main(["export-evidence", str(case_path), "EVI-0001", "-o", str(tmp_path / "again.mp4")]) == 1
    assert not (tmp_path / "again.mp4").exists()


def test_info_counts_evidence(case_path, tmp_path, capsys):
    (tmp_path / "a.txt").write_text("x")
    main(["add-evidence", str(case_path), str(tmp_path / "a.txt")])
    capsys.readouterr()
    assert main(["info", str(case_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["evidence"] == 1


def test_encrypted_case(tmp_path, capsys, monkeypatch):
    (tmp_path / "pass").write_text("s3cret\n")
    path = tmp_path / "e.casefile"
    assert main(["new", str(path), "--title", "E", "--passphrase-file", str(tmp_path / "pass")]) == 0
    (tmp_path / "a.txt").write_text("confidential testimony")
    assert main(["add-evidence", str(path), str(tmp_path / "a.txt"), "--passphrase-file",
                 str(tmp_path / "pass")]) == 0
    monkeypatch.setenv("CASEFILE_PASSPHRASE", "s3cret")
    assert main(["export-evidence", str(path), "EVI-0001", "-o", str(tmp_path / "o.txt")]) == 0
    assert (tmp_path / "o.txt").read_text() == "confidential testimony"
    assert b"confidential testimony" not in path.read_bytes()


def test_no_room_is_one_line_and_the_batch_goes_on(case_path, tmp_path, capsys):
    huge = tmp_path / "video.mp4"
    with open(huge, "wb") as f:
        f.truncate(shutil.disk_usage(tmp_path).free)  # sparse: takes no space itself
    (tmp_path / "note.txt").write_text("testimonio", encoding="utf-8")
    capsys.readouterr()
    assert main(["add-evidence", str(case_path), str(huge), str(tmp_path / "note.txt")]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("EVI-0001 note.txt sha256:")
    assert err.count("\n") == 1 and "video.mp4 needs up to" in err and "Nothing was kept." in err
