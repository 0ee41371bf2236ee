"""Codes, keys and times that only look valid are refused by import, through
the real command line, with one line and no traceback (issue 13, items 5
and 10): "INC-0001\\n" would be a second INC-0001 in the dossier, and a time
that overflows on its way to UTC used to end in a traceback."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

from casefile.services.sample import create_demo_case, sample_path

CLI = [sys.executable, "-c", "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"]
SAMPLE = json.loads(sample_path().read_text(encoding="utf-8"))
NEW = "11111111-2222-4333-8444-0000000000{:02d}"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "sample.casefile"
    create_demo_case(path).close(backup=False)
    return path


@pytest.fixture
def sample_case(template, tmp_path):
    path = tmp_path / "sample.casefile"
    shutil.copy(template, path)
    return path


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=180)


def refused(case, tmp_path, document: dict) -> str:
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = case.read_bytes()
    result = run("import", case, path)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("casefile: ")
    assert case.read_bytes() == before
    return lines[0]


def impostor() -> dict:
    """A copy of the sample's protected witness ACT-0009, under the impostor's name."""
    actor = copy.deepcopy(next(a for a in SAMPLE["actors"] if a["code"] == "ACT-0009"))
    assert actor["protected"]
    actor.update(uuid=NEW.format(2), code="ACT-0009\n", name="Impostor Suplantador", relations=[])
    return actor


@pytest.mark.parametrize("document, where", [
    ({"incidents": [{"uuid": NEW.format(1), "code": "INC-0001\n", "title": "Second INC-0001"}]},
     "incidents[0]: code: not in the expected form"),
    ({"actors": [impostor()]}, "actors[0]: code: not in the expected form"),
    ({"incidents": [{"uuid": NEW.format(1) + "\n", "title": "x"}]}, "incidents[0]: uuid: not a UUID"),
    ({"incidents": [{"uuid": NEW.format(1), "title": "x", "violation_status": "confirmed\n"}]},
     "violation_status: not a vocabulary key"),
    ({"vocabularies": {"incident_type\n": [{"key": "massacre", "en": "Massacre"}]}}, "vocabularies"),
], ids=["code", "protected actor's code", "uuid", "key", "vocabulary name"])
def test_a_trailing_newline_is_refused(sample_case, tmp_path, document, where):
    message = refused(sample_case, tmp_path, {"format": "casefile-interchange/1", **document})
    assert where in message


def test_the_dossier_never_lists_two_inc_0001(sample_case, tmp_path):
    refused(sample_case, tmp_path, {"format": "casefile-interchange/1", "actors": [impostor()], "incidents": [
        {"uuid": NEW.format(1), "code": "INC-0001\n", "title": "Second INC-0001"}]})
    out = tmp_path / "dossier.pdf"
    result = run("export", sample_case, "--format", "pdf", "-o", out)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    titles: list[str] = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(reader.outline)
    assert sum(t.startswith("INC-0001") for t in titles) == 1
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    assert "Impostor" not in text and "Second INC-0001" not in text


@pytest.mark.parametrize("field, value", [
    ("created_at", "9999-12-31T23:59:59-05:00"),  # past the last representable time once in UTC
    ("updated_at", "0001-01-01T00:00:00+05:00"),  # before the first
    ("created_at", "0000-01-01T00:00:00Z"),  # year 0
])
def test_a_time_outside_the_representable_range_is_one_line(sample_case, tmp_path, field, value):
    document = {"format": "casefile-interchange/1", "incidents": [
        {"uuid": NEW.format(1), "code": "INC-0099", "title": "x", field: value}]}
    message = refused(sample_case, tmp_path, document)
    assert f"incidents[0] (INC-0099): {field}: outside the times Casefile can store" in message


def test_a_custody_time_outside_the_range_is_one_line(sample_case, tmp_path):
    sha = "ab" * 32
    document = {"format": "casefile-interchange/1",
                "evidence": [{"uuid": NEW.format(3), "code": "EVI-0099", "sha256": sha, "size": 1,
                              "original_name": "a", "intake_at": "9999-12-31T23:59:59-00:01"}],
                "custody": [{"evidence": NEW.format(3), "evidence_sha256": sha, "at": "9999-12-31T23:59:59-05:00",
                             "who": "x", "action": "acquired"}]}
    message = refused(sample_case, tmp_path, document)
    assert "evidence[0] (EVI-0099): intake_at: outside the times" in message and "(and 1 more problems)" in message
