import hashlib
import json
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from casefile.dossier import DossierCancelled, write_dossier
from casefile.errors import CasefileError, InvalidInput
from casefile.model import AuditEntry

from .conftest import SECRETS, image_streams, leaks, outline_titles, pdf_text

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case

SECTIONS = ["Contents", "Summary", "Chronology", "Incidents", "Claims register", "Actors", "Places", "Sources",
            "Evidence annex", "Methodology", "Manifest"]


def qpdf_check(path):
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf not installed")
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_full_dossier_has_every_record_outline_and_page_numbers(sample, tmp_path):
    out = tmp_path / "full.pdf"
    result = write_dossier(sample.case, out, organisation="Centro Tlachinollan")
    assert result.path == out and result.pages >= 10 and result.withheld == {}
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    qpdf_check(out)
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages
    text = pdf_text(out)
    pages = result.pages
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    assert text.count("CONFIDENTIAL") >= pages
    for code in sample.codes:
        assert code in text, code
    for secret in ("María Pérez Nava", "Entrevista grabada en Tixtla", "+52 744 555 0199"):
        assert secret in text  # the full dossier is for the team: everything is there
    assert "about 5 August 2013" in text and "location precision: nearby" in text
    assert "about 60" in text
    # chain of attribution: claimant -> the cited newspaper -> the analysis that cites it
    chain = re.sub(r"\s+", " ", text)
    assert re.search(r"Bruno Plácido Valerio → SRC-\d+ Retienen autodefensas a 60 militares → SRC-\d+ "
                     r"Paramilitares en Guerrero", chain)
    titles = outline_titles(out)
    for section in SECTIONS:
        assert section in titles
    assert "INC-0001 Detención de policías comunitarios por el Ejército" in titles
    assert "INC-0003 " + SECRETS["confidential incident"] in titles
    info = reader.metadata
    assert info.title == "Test case"
    assert info.subject == "Case dossier (CONFIDENTIAL)"
    assert info.creator == "Casefile"
    assert "/Author" not in info and "/Keywords" not in info
    raw = out.read_bytes()
    assert str(tmp_path).encode() not in raw and b"Tester" not in raw


def test_public_dossier_leaks_nothing(sample, tmp_path):
    out = tmp_path / "public.pdf"
    result = write_dossier(sample.case, out, profile="public")
    qpdf_check(out)
    for what, secret in SECRETS.items():
        assert not leaks(out, secret), what
    text = pdf_text(out)
    assert "PUBLIC - REDACTED" in text and "Testigo A" in text
    assert "Soldiers beat the detainees" not in text  # rests only on the confidential source
    assert "About sixty soldiers were held" in text  # an open source supports it
    assert "Fuente W" in text  # shown under the pseudonym where it is cited
    assert "Withheld from this dossier" in outline_titles(out)
    assert result.withheld["incident"] == 1 and result.withheld["source"] == 1
    assert result.withheld["claim"] == 2 and result.withheld["contact"] >= 2
    assert result.withheld["evidence"] == 1  # the photo of the protected witness
    assert "Ana Documenter" not in text  # handlers are not named in public
    assert "EVI-0001.jpg" in text  # file names become code + extension


def test_partner_dossier_keeps_claims_under_pseudonyms(sample, tmp_path):
    out = tmp_path / "partner.pdf"
    write_dossier(sample.case, out, profile="partner")
    text = pdf_text(out)
    assert "PARTNER - RESTRICTED" in text
    assert "Soldiers beat the detainees" in text and "Fuente W" in text and "Testigo A" in text
    for what in ("protected name", "alias", "actor contact", "source contact", "confidential source title",
                 "confidential incident", "internal note"):
        assert not leaks(out, SECRETS[what]), what


def test_images_are_reencoded_without_exif(sample, tmp_path):
    out = tmp_path / "full.pdf"
    write_dossier(sample.case, out)
    images = image_streams(out)
    assert len(images) == 3
    for data in images:
        assert data[:2] == b"\xff\xd8"  # JPEG, re-encoded by Pillow
        assert b"Exif" not in data and b"HostileCam" not in data and b"GPS" not in data
    assert "HostileCam" in pdf_text(out)  # the camera is reported as text in the annex, not as EXIF


def test_scope_by_incident_tag_and_dates(sample, tmp_path):
    out = tmp_path / "one.pdf"
    write_dossier(sample.case, out, incidents=["inc-0002"])
    text = pdf_text(out)
    incidents = [t for t in outline_titles(out) if t.startswith("INC-")]
    assert incidents == ["INC-0002 Bloqueo carretero en El Pericón"]
    assert "caused by: INC-0001 Detención de policías comunitarios por el Ejército" in text
    assert "About sixty soldiers were held" in text and "Los hombres de negro" not in text
    assert "EVI-0001" in text and "EVI-0003" not in text

    write_dossier(sample.case, out, tag="guerrero-2013", force=True)
    titles = outline_titles(out)
    assert any(t.startswith("INC-0001") for t in titles) and not any(t.startswith("INC-0002") for t in titles)

    write_dossier(sample.case, out, date_from="2013-08-06", date_to="2013-08", force=True)
    titles = outline_titles(out)
    assert any(t.startswith("INC-0002") for t in titles) and not any(t.startswith("INC-0001") for t in titles)


def test_scope_errors_are_user_errors(sample, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(InvalidInput, match="INC-9999"):
        write_dossier(sample.case, tmp_path / "x.pdf", incidents=["INC-9999"])
    with pytest.raises(InvalidInput):
        write_dossier(sample.case, tmp_path / "x.pdf", tag="no-such-tag")
    with pytest.raises(InvalidInput):
        write_dossier(sample.case, tmp_path / "x.pdf", date_from="August")
    with pytest.raises(InvalidInput):
        write_dossier(sample.case, tmp_path / "x.pdf", profile="everyone")
    with pytest.raises(CasefileError):
        write_dossier(sample.case, tmp_path / "missing" / "x.pdf")
    # a confidential incident cannot be smuggled into a public dossier by code
    with pytest.raises(InvalidInput):
        write_dossier(sample.case, tmp_path / "x.pdf", incidents=["INC-0003"], profile="public")
    assert list(tmp_path.iterdir()) == []


def test_spanish_labels(sample, tmp_path):
    out = tmp_path / "es.pdf"
    write_dossier(sample.case, out, lang="es", profile="public")
    text = pdf_text(out)
    assert "Página 1 de" in text and "PÚBLICO - VERSIÓN TESTADA" in text
    assert "hacia 5 de agosto de 2013" in text
    # the window's glossary: expediente is the case, dossier the PDF, hecho an incident
    assert {"Índice", "Cronología", "Hechos", "Metodología", "Omitido en este dossier"} <= set(outline_titles(out))
    assert "Dossier del expediente" in text and "Incidente" not in text
    assert "Perpetrador" in text  # vocabulary labels in Spanish too


def test_export_is_recorded_in_the_audit_chain(sample, tmp_path):
    out = tmp_path / "full.pdf"
    result = write_dossier(sample.case, out, profile="partner")
    with sample.case.connection() as conn:
        entry = conn.execute(select(AuditEntry).where(AuditEntry.action != "seal").order_by(AuditEntry.seq.desc()).limit(1)).first()
    assert entry.action == "export-dossier"
    changes = json.loads(entry.changes)
    assert changes["sha256"] == result.sha256 and changes["profile"] == "partner"
    assert changes["pages"] == result.pages


def test_cancel_leaves_nothing(sample, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    seen = []
    with pytest.raises(DossierCancelled):
        write_dossier(sample.case, tmp_path / "x.pdf", progress=lambda *a: seen.append(a),
                      cancelled=lambda: len(seen) > 2)
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported(sample, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    seen = []
    write_dossier(sample.case, tmp_path / "x.pdf", progress=lambda done, total, message: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] > 0
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"]  # no temporary file left behind


def test_empty_case_still_makes_a_dossier(case, tmp_path):
    result = write_dossier(case, tmp_path / "empty.pdf", profile="public")
    qpdf_check(result.path)
    assert "Nothing was withheld." in pdf_text(result.path)


def _queries_for(case, tmp_path, n: int) -> int:
    from sqlalchemy import event

    from casefile.model import Actor, Claim, ClaimSubject, Incident, Involvement, Source

    with case.session() as s:
        for i in range(n):
            source = Source(title=f"Source {i}", reliability="C")
            actor = Actor(name=f"Actor {i}", protected=i % 2 == 0, pseudonym=f"P{i}")
            incident = Incident(title=f"Incident {i}", start_date="2013-08")
            incident.involvements.append(Involvement(actor=actor, role="victim"))
            claim = Claim(summary=f"Claim {i}", source=source, claimant=actor)
            s.add_all([incident, claim])
            s.flush()
            s.add(ClaimSubject(claim_id=claim.id, incident_id=incident.id))
    count = 0

    def counter(*args):
        nonlocal count
        count += 1

    event.listen(case.engine, "before_cursor_execute", counter)
    try:
        write_dossier(case, tmp_path / f"n{n}.pdf", profile="public")
    finally:
        event.remove(case.engine, "before_cursor_execute", counter)
    return count


def test_queries_do_not_grow_with_the_case(tmp_path):
    """No per-record lookups: 2 and 12 incidents cost the same number of queries
    (a fixed number per kind of row: records, links, chains, redaction facts)."""
    from casefile.store import Case

    counts = []
    for n in (2, 12):
        with Case.create(tmp_path / f"q{n}.casefile", "Queries") as case:
            counts.append(_queries_for(case, tmp_path, n))
    # figures (issue 20): the dossier's redactor, read once; the link chart's records read in three steps
    # out from the incidents (a query per row kind each), not the whole case in one; the map its places
    assert counts[0] == counts[1] < 130, counts
