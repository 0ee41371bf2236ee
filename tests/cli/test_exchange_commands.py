"""import, export (json, csv, pdf), demo: exit codes, one-line errors, what lands on disk."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from casefile.services.interchange import RECORD_SECTIONS

CLI = [sys.executable, "-c", "import sys; from casefile.cli import main; sys.exit(main())"]


def test_demo_then_info_and_search(cli, tmp_path):
    path = tmp_path / "x.casefile"
    result = cli("demo", path)
    assert result.code == 0 and len(result.out.splitlines()) == 1 and result.err == ""
    info = json.loads(cli("info", path, "--json").out)
    assert (info["incidents"], info["actors"], info["places"], info["sources"], info["claims"]) == (5, 9, 3, 5, 6)
    assert not list(tmp_path.glob("*.bak"))  # a fresh sample leaves no backup beside it
    assert cli("search", path, "placido").out.startswith("ACT-0006")


def test_demo_errors(cli, tmp_path, sample_case):
    result = cli("demo", sample_case)
    assert result.code == 1 and "it is a case file" in result.one_error_line()
    result = cli("demo", tmp_path / "missing" / "x.casefile")
    assert result.code == 1 and result.one_error_line()
    assert cli("demo").code == 2


def test_encrypted_demo(cli, tmp_path, monkeypatch):
    secret = tmp_path / "pass.txt"
    secret.write_text("correct horse battery staple\n")
    path = tmp_path / "enc.casefile"
    assert cli("demo", path, "--passphrase-file", secret).code == 0
    raw = path.read_bytes()
    assert "Plácido".encode() not in raw and b"Ayutla" not in raw
    result = cli("info", path, "--json")  # no passphrase and no terminal to ask on
    assert result.code == 1 and "passphrase" in result.one_error_line()
    monkeypatch.setenv("CASEFILE_PASSPHRASE", "correct horse battery staple")
    data = json.loads(cli("info", path, "--json").out)
    assert data["encrypted"] is True and data["incidents"] == 5


def test_export_import_export_round_trip(cli, sample_case, tmp_path):
    first = tmp_path / "first.json"
    result = cli("export", sample_case, "--format", "json", "-o", first)
    assert result.code == 0 and len(result.out.splitlines()) == 1
    target = tmp_path / "target.casefile"
    assert cli("new", target, "--title", "Copy").code == 0
    result = cli("import", target, first)
    assert result.code == 0 and "5 incidents" in result.out and len(result.out.splitlines()) == 1
    second = tmp_path / "second.json"
    assert cli("export", target, "--format", "json", "-o", second).code == 0
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (first, second))
    for section in ("vocabularies", *RECORD_SECTIONS, "evidence_links"):
        assert json.dumps(a[section], sort_keys=True) == json.dumps(b[section], sort_keys=True), section


def test_import_errors(cli, sample_case, tmp_path):
    exported = tmp_path / "s.json"
    cli("export", sample_case, "--format", "json", "-o", exported)
    before = cli("info", sample_case, "--json").out
    result = cli("import", sample_case, exported)  # every UUID is already there
    assert result.code == 1 and "already in this case" in result.one_error_line()
    broken = tmp_path / "broken.json"
    broken.write_text(exported.read_text(encoding="utf-8")[:3000], encoding="utf-8")
    result = cli("import", sample_case, broken)
    assert result.code == 1 and "not valid JSON" in result.one_error_line()
    result = cli("import", sample_case, tmp_path / "missing.json")
    assert result.code == 1 and "No such file" in result.one_error_line()
    assert cli("info", sample_case, "--json").out == before
    assert cli("import", sample_case).code == 2


def test_export_errors(cli, sample_case, tmp_path):
    def error(*args):
        result = cli("export", sample_case, *args)
        assert result.code == 1, result
        return result.one_error_line()

    assert "pdf only" in error("--format", "json", "-o", tmp_path / "x.json", "--tag", "ayutla")
    assert "pdf only" in error("--format", "csv", "-o", tmp_path / "c", "--incidents", "INC-0001")
    assert "does not exist" in error("--format", "json", "-o", tmp_path / "no" / "x.json")
    (tmp_path / "file").write_text("x")
    assert "not a folder" in error("--format", "csv", "-o", tmp_path / "file")
    assert "--from" in error("--format", "pdf", "-o", tmp_path / "x.pdf", "--from", "the day before")
    for usage in (["--format", "xml", "-o", "x"], ["--format", "json"], ["--format", "csv", "-o", "c", "--lang", "fr"]):
        result = cli("export", sample_case, *usage)
        assert result.code == 2 and result.one_error_line()


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets then read UTF-8
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_export_csv_full_in_spanish(cli, sample_case, tmp_path):
    out = tmp_path / "csv"
    result = cli("export", sample_case, "--format", "csv", "-o", out, "--lang", "es")
    assert result.code == 0 and len(result.out.splitlines()) == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["incidents.csv", "actors.csv", "places.csv", "sources.csv", "claims.csv", "evidence.csv",
         "involvements.csv", "assessments.csv"])
    incidents = read_csv(out / "incidents.csv")
    assert [r["code"] for r in incidents] == ["INC-0001", "INC-0002", "INC-0003", "INC-0004", "INC-0005"]
    assert incidents[0]["incident_type"] == "Detención" and incidents[0]["place"] == "PLC-0001"
    soldiers = [r for r in read_csv(out / "involvements.csv") if r["head_count"] == "60"]
    assert soldiers[0]["incident"] == "INC-0003" and soldiers[0]["head_count_approximate"] == "yes"
    actors = {r["code"]: r for r in read_csv(out / "actors.csv")}
    assert actors["ACT-0009"]["name"] == "Rosa Ejemplo Ficticia"  # full: the team's own copy


@pytest.mark.parametrize("profile", ["partner", "public"])
def test_export_csv_shared_profiles_hide_protected_people(cli, sample_case, tmp_path, profile):
    out = tmp_path / profile
    result = cli("export", sample_case, "--format", "csv", "-o", out, "--profile", profile)
    assert result.code == 0 and "withheld" in result.out
    everything = "".join(p.read_text(encoding="utf-8-sig") for p in out.iterdir())
    assert "Rosa Ejemplo" not in everything and "000 0000" not in everything
    assert "Witness A" in everything
    assert "Interview W-1" not in {r["title"] for r in read_csv(out / "sources.csv")}  # confidential: left out


def test_csv_cells_never_run_as_formulas(cli, tmp_path):
    from casefile.model import Incident
    from casefile.store import Case

    path = tmp_path / "f.casefile"
    with Case.create(path, "Formulas") as case, case.session() as s:
        s.add(Incident(title='=HYPERLINK("http://example.invalid","click")', description="+1", notes="@SUM(A1)"))
    out = tmp_path / "csv"
    assert cli("export", path, "--format", "csv", "-o", out).code == 0
    row = read_csv(out / "incidents.csv")[0]
    assert row["title"].startswith("'=") and row["description"] == "'+1" and row["notes"] == "'@SUM(A1)"


def test_export_pdf(cli, sample_case, tmp_path):
    pytest.importorskip("casefile.dossier")
    out = tmp_path / "dossier.pdf"
    result = cli("export", sample_case, "--format", "pdf", "-o", out, "--profile", "public",
                 "--from", "Aug 2013", "--to", "2013-12")
    assert result.code == 0, result.err
    assert len(result.out.splitlines()) == 1 and out.read_bytes().startswith(b"%PDF")


def run(*argv, cwd):
    return subprocess.run([*CLI, *map(str, argv)], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_as_a_separate_process(tmp_path):
    made = run("demo", "x.casefile", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    info = run("info", "x.casefile", "--json", cwd=tmp_path)
    assert info.returncode == 0 and json.loads(info.stdout)["incidents"] == 5
    (tmp_path / "bad.json").write_text('{"format": "casefile-interchange/1", "incidents": [{"uuid": 1, "title": "t"}]}')
    refused = run("import", "x.casefile", "bad.json", cwd=tmp_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.strip() == "casefile: incidents[0]: uuid: must be string"
