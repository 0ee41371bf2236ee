"""Withhold marks: a passage the documenter marks is withheld from every
shared output, the mark is kept in the case and in its history."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import select

from casefile.errors import InvalidInput, RecordNotFound
from casefile.model import AuditEntry, Incident, WithholdMark
from casefile.services.redaction.marks import add_mark, marks, remove_mark
from casefile.services.redaction.report import redaction_report
from casefile.store import Case

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case

CLI = [sys.executable, "-c", "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"]
PASSAGE = "the blue house behind the chapel"


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture
def marked_case(case):
    with case.session() as s:
        s.add(Incident(title="Night raid", description="She hid in The Blue House behind the chapel.\nAll safe."))
    return case


def test_a_marked_passage_is_withheld_everywhere_and_kept_in_history(marked_case, tmp_path):
    case = marked_case
    mark = add_mark(case, "INC-0001", "description", PASSAGE)
    assert add_mark(case, "inc-0001", "description", PASSAGE).uuid == mark.uuid  # once only
    with case.session() as s:
        assert marks(s) == [("INC-0001", "description", PASSAGE)]
        assert s.scalars(select(AuditEntry).where(AuditEntry.record_kind == "withhold_mark")).first()
    report = redaction_report(case, "public")
    assert [(e.record, e.field, e.kind, e.matched) for e in report.replacements] == [
        ("INC-0001", "description", "passage", "The Blue House behind the chapel")]
    from casefile.services.csv_export import export_csv
    from casefile.services.interchange.export import export_json

    export_csv(case, tmp_path / "csv", profile="partner")
    export_json(case, tmp_path / "p.json", profile="public")
    incidents = (tmp_path / "csv" / "incidents.csv").read_text(encoding="utf-8-sig")
    assert "She hid in [withheld].\nAll safe." in incidents
    doc = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert doc["incidents"][0]["description"] == "She hid in [withheld].\nAll safe."
    export_json(case, tmp_path / "f.json")
    assert "Blue House" in (tmp_path / "f.json").read_text(encoding="utf-8")  # full keeps everything
    assert remove_mark(case, "INC-0001", "description", PASSAGE)
    assert not remove_mark(case, "INC-0001", "description", PASSAGE)
    assert redaction_report(case, "public").replacements == []


def test_marks_are_checked(marked_case):
    with pytest.raises(RecordNotFound):
        add_mark(marked_case, "INC-0099", "description", PASSAGE)
    with pytest.raises(InvalidInput):
        add_mark(marked_case, "INC-0001", "start_date", PASSAGE)
    with pytest.raises(InvalidInput):
        add_mark(marked_case, "INC-0001", "description", "not in the text")
    with pytest.raises(InvalidInput):
        add_mark(marked_case, "INC-0001", "description", " . ")


@pytest.mark.case_file  # closes the case and opens its file again
def test_withhold_command_marks_verify_covers_it_and_the_dossier_withholds_it(marked_case, tmp_path):
    path = marked_case.path
    marked_case.close()
    result = run("withhold", path, "INC-0001", "description", PASSAGE)
    assert result.returncode == 0, result.stderr
    assert run("verify", path).returncode == 0
    pdf = tmp_path / "public.pdf"
    assert run("export", path, "--format", "pdf", "-o", pdf, "--profile", "public").returncode == 0
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "[withheld]" in text and "Blue House" not in text and "blue house" not in text.lower()
    bad = run("withhold", path, "INC-0001", "nonsense", PASSAGE)
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr
    assert run("withhold", path, "INC-0001", "description", PASSAGE, "--remove").returncode == 0
    with Case.open(path) as case, case.session() as s:
        assert s.scalars(select(WithholdMark)).all() == []


def test_marks_travel_in_full_json_and_never_in_shared_json(marked_case, tmp_path):
    """Export (full) -> import into a new case keeps every mark, so that
    case's shared outputs withhold the passage too; partner and public JSON
    carry no mark and no marked passage."""
    from casefile.services.interchange.export import export_json
    from casefile.services.interchange.importer import import_json

    add_mark(marked_case, "INC-0001", "description", PASSAGE)
    with marked_case.session() as s:
        s.add(Incident(title="Second", description="Seen near the blue house behind the chapel."))
    add_mark(marked_case, "INC-0002", "title", "Second")
    export_json(marked_case, tmp_path / "full.json")
    doc = json.loads((tmp_path / "full.json").read_text(encoding="utf-8"))
    assert sorted((m["field"], m["passage"]) for m in doc["withhold_marks"]) == [("description", PASSAGE),
                                                                                ("title", "Second")]
    other = Case.create(tmp_path / "other.casefile", "Copy", documenter="Other")
    try:
        counts = import_json(other, tmp_path / "full.json")
        assert counts["withhold_marks"] == 2
        with other.session() as s:
            assert marks(s) == [("INC-0001", "description", PASSAGE), ("INC-0002", "title", "Second")]
        export_json(other, tmp_path / "again.json")
        again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))
        assert again["withhold_marks"] == doc["withhold_marks"]  # same identity, same time
        export_json(other, tmp_path / "other-public.json", profile="public")
        public = json.loads((tmp_path / "other-public.json").read_text(encoding="utf-8"))
        assert public["incidents"][0]["description"] == "She hid in [withheld].\nAll safe."
        assert public["incidents"][1]["description"] == "Seen near [withheld]."
    finally:
        other.close()
    assert run("verify", tmp_path / "other.casefile").returncode == 0
    for profile in ("partner", "public"):
        export_json(marked_case, tmp_path / f"{profile}.json", profile=profile)
        text = (tmp_path / f"{profile}.json").read_text(encoding="utf-8")
        assert json.loads(text)["withhold_marks"] == []
        assert "blue house" not in text.lower() and '"Second"' not in text


def test_an_imported_mark_must_name_a_text_field_of_a_known_record(case, tmp_path):
    from casefile.services.interchange.importer import ImportRefused, import_json

    base = {"format": "casefile-interchange/4", "incidents": [
        {"uuid": "11111111-2222-4333-8444-555555555555", "code": "INC-0001", "title": "Night raid"}]}
    mark = {"uuid": "21111111-2222-4333-8444-555555555555", "record": "11111111-2222-4333-8444-555555555555",
            "field": "title", "passage": "Night raid"}
    for wrong, message in (({"record": "31111111-2222-4333-8444-555555555555"}, "no place or actor"),
                           ({"field": "start_date"}, "not a text field"), ({"passage": ""}, "must not be empty"),
                           ({"colour": "red"}, "unknown field")):
        path = tmp_path / "bad.json"
        path.write_text(json.dumps({**base, "withhold_marks": [{**mark, **wrong}]}), encoding="utf-8")
        with pytest.raises(ImportRefused, match=message):
            import_json(case, path)
        with case.session() as s:
            assert s.scalars(select(WithholdMark)).all() == [] and s.scalars(select(Incident)).all() == []
    path = tmp_path / "good.json"
    path.write_text(json.dumps({**base, "withhold_marks": [mark, {**mark, "uuid": "41111111-2222-4333-8444-555555555555"}]}),
                    encoding="utf-8")
    import_json(case, path)  # the same passage twice is one mark
    with case.session() as s:
        assert marks(s) == [("INC-0001", "title", "Night raid")]
