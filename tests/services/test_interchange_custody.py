"""Import cannot forge custody: custody arrives only with its evidence, is
marked as received in the imported file, and never sorts before the case's
own events (issue 13, item 4)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest
from pypdf import PdfReader

from casefile.dossier.writer import write_dossier
from casefile.services import evidence, history
from casefile.services.evidence.custody import received_from
from casefile.services.interchange import ImportRefused
from casefile.services.interchange.importer import import_json
from casefile.services.records import overview
from casefile.store import Case

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case

CLI = [sys.executable, "-c", "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"]
NEW_UUID = "11111111-2222-4333-8444-000000000002"


@pytest.fixture
def case_with_photo(tmp_path):
    """A case whose documenter took one file in herself: EVI-0001."""
    path = tmp_path / "case.casefile"
    case = Case.create(path, "Custody", documenter="Documentadora")
    photo = tmp_path / "retén.txt"
    photo.write_bytes(b"photo of the roadblock at El Pericon\n")
    item = evidence.intake(case, photo)
    yield case, item
    case.close(backup=False)


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], check=False, capture_output=True, text=True, timeout=120)


def chain(case, code: str) -> list[tuple[str, str, str]]:
    return [(row.action, row.who, row.details) for row in history.custody_of(case, code)]


def dossier_text(case, tmp_path) -> str:
    out = tmp_path / "dossier.pdf"
    write_dossier(case, out, force=True)
    return "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)


def test_forged_custody_for_evidence_already_in_the_case_is_refused(case_with_photo, tmp_path):
    case, item = case_with_photo
    before = chain(case, item.code)
    forged = {"format": "casefile-interchange/1", "custody": [
        {"evidence": item.uuid, "evidence_sha256": item.sha256, "at": "2001-01-01T00:00:00Z",
         "who": "Impostor Falsario", "action": "acquired", "sha256_observed": item.sha256}]}
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(forged), encoding="utf-8")
    case.close(backup=False)
    result = run("import", case.path, path)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("casefile: ") and "custody[0]: evidence:" in lines[0]
    assert "already in this case" in lines[0]
    reopened = Case.open(case.path)
    try:
        assert chain(reopened, item.code) == before
        text = dossier_text(reopened, tmp_path)
        assert "Impostor" not in text and "2001-01-01" not in text
    finally:
        reopened.close(backup=False)


def test_custody_whose_evidence_is_not_in_the_file_is_refused(case_with_photo, tmp_path):
    case, item = case_with_photo
    stray = {"format": "casefile-interchange/1", "custody": [
        {"evidence": NEW_UUID, "evidence_sha256": "cd" * 32, "at": "2013-08-06T10:00:00Z", "who": "Bob",
         "action": "acquired"}]}
    path = tmp_path / "stray.json"
    path.write_text(json.dumps(stray), encoding="utf-8")
    before = chain(case, item.code), overview.info(case)
    with pytest.raises(ImportRefused) as caught:
        import_json(case, path)
    assert "custody[0]: evidence: custody can only be imported with its evidence item" in str(caught.value)
    assert "not in the file" in str(caught.value)
    assert (chain(case, item.code), overview.info(case)) == before


def test_received_custody_follows_the_cases_own_events(case_with_photo, tmp_path):
    """A legitimate import of new evidence with its history: the case's own
    'imported' event comes first, the received events follow it marked as
    received in the file, and events recorded later come after them, in the
    service and in the dossier, whatever times the file claims."""
    case, item = case_with_photo
    sha = "ab" * 32
    document = {"format": "casefile-interchange/1", "incidents": [
        {"uuid": "11111111-2222-4333-8444-000000000009", "code": "INC-0001", "title": "Retén"}], "evidence": [
        {"uuid": NEW_UUID, "code": "EVI-0007", "sha256": sha, "size": 10, "original_name": "video.mp4",
         "intake_at": "2013-08-06T10:00:00Z"}], "custody": [
        {"evidence": NEW_UUID, "evidence_sha256": sha, "at": "2013-08-06T10:00:00Z", "who": "Bob Remitente",
         "action": "acquired", "sha256_observed": sha, "details": "taken in from video.mp4"},
        {"evidence": NEW_UUID, "evidence_sha256": sha, "at": "2014-01-02T09:00:00Z", "who": "Bob Remitente",
         "action": "transferred", "sha256_observed": sha}]}
    path = tmp_path / "partner.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    own_before = chain(case, item.code)
    import_json(case, path)
    evidence.link(case, "EVI-0007", "INC-0001", "depicts")  # an event this case records after the import
    # Metadata only: the sender acquired the bytes, this case never had them; nothing to re-hash.
    assert [f for f in evidence.verify_evidence(case) if f.code == "EVI-0007"] == []

    rows = chain(case, "EVI-0007")
    assert [(a, w) for a, w, _ in rows] == [
        ("imported", "Documentadora"), ("acquired", "Bob Remitente"), ("transferred", "Bob Remitente"),
        ("linked", "Documentadora")]
    assert received_from(rows[0][2]) is None and received_from(rows[3][2]) is None
    assert rows[1][2] == f"received in partner.json (sha256 {digest}): taken in from video.mp4"
    assert rows[2][2] == f"received in partner.json (sha256 {digest})"
    # The claimed time is kept as data, not as the order.
    times = [r.at.year for r in history.custody_of(case, "EVI-0007")]
    assert times[1:3] == [2013, 2014] and times[0] > 2014
    assert chain(case, item.code)[:len(own_before)] == own_before

    text = dossier_text(case, tmp_path)
    annex = " ".join(text[text.index("EVI-0007 "):].split())  # the annex entry, table cells unwrapped
    annex = annex.replace("Transferre d", "Transferred")  # a word broken by the narrow column
    imported = annex.index("Documentadora Imported")
    acquired = annex.index("Bob Remitente Acquired (per sender)")
    transferred = annex.index("Bob Remitente Transferred (per sender)")
    verified = annex.index("Documentadora Linked")
    assert imported < acquired < transferred < verified


def test_round_trip_keeps_the_mark_of_each_hop(tmp_path):
    """Exported again and imported into a third case, each file adds its mark."""
    sha = "ef" * 32
    document = {"format": "casefile-interchange/1", "incidents": [
        {"uuid": "11111111-2222-4333-8444-000000000009", "code": "INC-0001", "title": "Retén"}], "evidence": [
        {"uuid": NEW_UUID, "code": "EVI-0001", "sha256": sha, "size": 3, "original_name": "a.txt"}],
        "custody": [{"evidence": NEW_UUID, "evidence_sha256": sha, "at": "2013-08-06T10:00:00Z", "who": "Ana",
                     "action": "acquired", "details": "first hand"}]}
    first = tmp_path / "first.json"
    first.write_text(json.dumps(document), encoding="utf-8")
    cases = [Case.create(tmp_path / f"{n}.casefile", n, documenter=n) for n in ("b", "c")]
    try:
        import_json(cases[0], first)
        from casefile.services.interchange.export import export_json

        second = tmp_path / "second.json"
        export_json(cases[0], second)
        import_json(cases[1], second)
        rows = chain(cases[1], "EVI-0001")
        assert [a for a, _, _ in rows] == ["imported", "imported", "acquired"]
        assert rows[1][2].startswith("received in second.json") and "metadata imported from first.json" in rows[1][2]
        assert rows[2][2].startswith("received in second.json") and "received in first.json" in rows[2][2]
        assert rows[2][2].endswith(": first hand")
    finally:
        for case in cases:
            case.close(backup=False)
