"""casefile redaction-report: every replacement and near miss, before sharing."""

from __future__ import annotations

import json
import subprocess
import sys

from sqlalchemy import select

from casefile.model import Incident
from casefile.services.redaction.report import redaction_report
from casefile.services.sample import create_demo_case

CLI = [sys.executable, "-c", "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"]


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=300)


def test_sample_report_lists_every_replacement_and_a_planted_near_miss(tmp_path):
    path = tmp_path / "demo.casefile"
    case = create_demo_case(path)
    try:
        with case.session() as s:
            first, second = s.scalars(select(Incident).order_by(Incident.code).limit(2)).all()
            first.description += "\nRosa  Ficticia was there; she is on 744-555-0199."
            second.title += " (Rosa Ficticla said so)"
            codes = first.code, second.code
        expected = redaction_report(case, "public")
    finally:
        case.close(backup=False)
    result = run("redaction-report", path, "--profile", "public", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["replacements"]) == len(expected.replacements) >= 3
    found = {(e["record"], e["field"], e["kind"], e["matched"], e["replacement"]) for e in report["replacements"]}
    assert ("ACT-0009", "name", "pseudonym", "Rosa Ejemplo Ficticia", "Witness A") in found
    assert (codes[0], "description", "name", "Rosa  Ficticia", "Witness A") in found
    assert any(e["kind"] == "file name" for e in report["replacements"])  # the sketch's title is its file name
    assert [(e["record"], e["field"], e["kind"], e["matched"], e["owner"]) for e in report["near_misses"]] == [
        (codes[1], "title", "edit distance one", "Rosa Ficticla", "ACT-0009")]
    assert report["withheld"]["source"] == ["SRC-0005"]

    text = run("redaction-report", path, "--profile", "partner")
    assert text.returncode == 0, text.stderr
    assert "Rosa Ficticla" in text.stdout and "looks like ACT-0009" in text.stdout
    assert "\u201cRosa  Ficticia\u201d -> \u201cWitness A\u201d" in text.stdout


def test_report_needs_a_shared_profile(tmp_path):
    result = run("redaction-report", tmp_path / "none.casefile", "--profile", "full")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = run("redaction-report", tmp_path / "none.casefile", "--profile", "public")
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
