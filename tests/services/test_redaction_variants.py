"""One test set for every shared output: a protected witness's name, aliases
and contacts, written every way a documenter might, planted in every text
field of every record kind; the PDF (all streams decompressed), the CSV files
and the JSON export, in both shared profiles, must hold none of them, and
show the pseudonym or "[withheld]" where they were."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import StreamObject

from casefile.dossier import write_dossier
from casefile.model import (
    Actor,
    Assessment,
    CaseInfo,
    Claim,
    ClaimSubject,
    CustodyEvent,
    EvidenceLink,
    Incident,
    IncidentTag,
    Involvement,
    Place,
    Source,
    utcnow,
)
from casefile.services.csv_export import export_csv
from casefile.services.evidence import intake
from casefile.services.interchange.export import export_json
from casefile.services.redaction import fold
from casefile.store import Case
from tests.fixtures.hostile import small_jpeg_bytes

WITNESS = "Rosa Ejemplo Ficticia"
CONTACT = "rosa.ficticia@correo-ejemplo.mx\n+52 744 555 0199\nCalle Hidalgo 12, Colonia Centro, Ayutla"
VARIANTS = {
    "double space": "Rosa  Ejemplo  Ficticia",
    "line break": "Rosa\nEjemplo\r\nFicticia",
    "no-break space": "Rosa\u00a0Ejemplo\u00a0Ficticia",
    "accents added": "Rósa Ejémplo Fictícia",
    "upper case": "ROSA EJEMPLO FICTICIA",
    "underscores": "rosa_ejemplo_ficticia",
    "hyphens": "rosa-ejemplo-ficticia",
    "dots": "rosa.ejemplo.ficticia",
    "two of three": "Rosa Ficticia",
    "surname first": "Ficticia, Rosa",
    "run together": "RosaEjemploFicticia",
    "zero-width": "Ro\u200bsa Fic\u200bticia",
    "alias": "La Chata",
    "alias spaced": "la   CHATA",
    "e-mail": "rosa.ficticia@correo-ejemplo.mx",
    "e-mail local part": "rosa.ficticia",
    "e-mail domain": "correo-ejemplo.mx",
    "phone": "+52 744 555 0199",
    "phone dashed": "744-555-0199",
    "phone bracketed": "(744) 5550199",
    "street address": "Calle Hidalgo 12",
    "url": "https://www.facebook.example/rosa-ejemplo-ficticia",
    "url underscore": "https://example.org/u/rosa_ficticia",
    "without accents": "Jose Perez Nunez",
    "second witness two parts": "Pérez Núñez",
}
#: Folded forms that must never be in a shared output.
FORBIDDEN = ["rosa ejemplo", "ejemplo ficticia", "rosa ficticia", "ficticia", "rosaejemploficticia",
             "rosaficticia", "chata", "hidalgo", "correo ejemplo", "5550199", "555 0199", "jose perez",
             "perez nunez", "nunez", "rosa ejemplo ficticia foto", "hostilecam", "model x", "17 50000",
             "99 50000", "home"]
PLANT = " | ".join(VARIANTS.values())


def plant(label: str) -> str:
    return f"{label}: {PLANT}."


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("variants")
    case = Case.create(folder / "v.casefile", "Variants", documenter="Ana Documenter")
    photo = folder / "home" / "rosa_ejemplo_ficticia_foto.jpg"
    photo.parent.mkdir()
    photo.write_bytes(small_jpeg_bytes((120, 90)))
    try:
        with case.session() as s:
            info = s.get(CaseInfo, 1)
            info.title, info.description = "Case about " + WITNESS, plant("case description")
            witness = Actor(name=WITNESS, aliases="La Chata\nChayo Ficticia", protected=True, pseudonym="Witness A",
                            category="person", contact=CONTACT, description=plant("witness description"))
            second = Actor(name="José Pérez Núñez", protected=True, pseudonym="Witness B", category="person")
            other = Actor(name="Vecinos " + PLANT, aliases=PLANT, description=plant("actor description"),
                          category="group")
            place = Place(name=plant("place"), municipality=plant("municipality"), state=plant("state"),
                          country="México", description=plant("place description"), latitude=16.5,
                          longitude=-99.1)
            source = Source(title=plant("source title"), outlet=plant("outlet"), author=plant("author"),
                            url="https://example.org/rosa-ejemplo-ficticia", text=plant("source text"),
                            notes=plant("source notes"), reliability="B")
            incident = Incident(title=plant("incident title"), description=plant("incident description"),
                                notes=plant("incident notes"), start_date="2013-08-05", place=place)
            incident.involvements += [
                Involvement(actor=witness, role="witness", note=plant("witness's role note")),
                Involvement(actor=other, role="victim", note=plant("involvement note")),
                Involvement(actor=second, role="witness")]
            incident.tags.append(IncidentTag(tag="rosa-ejemplo-ficticia"))
            claim = Claim(summary=plant("claim summary"), quote=plant("quote"), notes=plant("claim notes"),
                          source=source, claimant=other)
            s.add_all([incident, source, claim])
            s.flush()
            s.add_all([ClaimSubject(claim_id=claim.id, incident_id=incident.id),
                       Assessment(claim_id=claim.id, by_source_id=source.id, relation="supports",
                                  note=plant("assessment note"))])
            codes = {"incident": incident.code, "witness": witness.code}
        evidence = intake(case, photo, link=(codes["incident"], "context"), obtained_how=plant("obtained"),
                          origin=plant("origin"), note=plant("evidence note"))
        with case.session() as s:
            s.add(CustodyEvent(evidence_id=evidence.id, at=utcnow(), who="Ana Documenter", action="verified",
                               sha256_observed=evidence.sha256, details=f"checked in {photo}"))
            s.add(EvidenceLink(evidence_id=evidence.id, claim_id=claim.id, relation="supports",
                               note=plant("evidence link note")))
        made = {}
        for profile in ("partner", "public"):
            pdf = folder / f"{profile}.pdf"
            write_dossier(case, pdf, profile=profile)
            made[("pdf", profile)] = pdf_material(pdf)
            export_csv(case, folder / f"csv-{profile}", profile=profile)
            made[("csv", profile)] = "\n".join(p.read_text(encoding="utf-8-sig")
                                               for p in sorted((folder / f"csv-{profile}").iterdir()))
            export_json(case, folder / f"{profile}.json", profile=profile)
            made[("json", profile)] = (folder / f"{profile}.json").read_text(encoding="utf-8")
            made[("json-doc", profile)] = json.loads(made[("json", profile)])
        write_dossier(case, folder / "full.pdf", profile="full")
        made[("pdf", "full")] = pdf_material(folder / "full.pdf")
        made["folder"] = folder
        yield made
    finally:
        case.close()


def pdf_material(path: Path) -> str:
    """Everything a reader or a tool gets out of a PDF, as text: the text of
    every page, outline titles, metadata, and every stream decompressed
    (pypdf and, when installed, qpdf), decoded as Latin-1 and UTF-16."""
    reader = PdfReader(path)
    parts = [page.extract_text() or "" for page in reader.pages]

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                parts.append(item.title)

    walk(reader.outline)
    parts.append(" ".join(str(v) for v in (reader.metadata or {}).values()))
    raw = [path.read_bytes()]
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if isinstance(obj, StreamObject):
            raw.append(obj.get_data())
    if shutil.which("qpdf"):
        qdf = path.with_suffix(".qdf.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(path), str(qdf)], check=False)
        raw.append(qdf.read_bytes())
    for blob in raw:
        parts.append(blob.decode("latin-1"))
        parts.append(blob.decode("utf-16-be", "ignore"))
    return "\n".join(parts)


FORMATS = [("pdf", "partner"), ("pdf", "public"), ("csv", "partner"), ("csv", "public"), ("json", "partner"),
           ("json", "public")]


@pytest.mark.parametrize("fmt,profile", FORMATS)
def test_no_variant_survives(outputs, fmt, profile):
    folded = fold(outputs[(fmt, profile)])
    joined = folded.replace(" ", "")
    for form in FORBIDDEN:
        assert f" {form} " not in f" {folded} ", (fmt, profile, form)
    for label, variant in VARIANTS.items():
        assert fold(variant) not in folded, (fmt, profile, label)
    assert "5550199" not in joined and "rosaejemplo" not in joined and "ficticia" not in joined


@pytest.mark.parametrize("fmt,profile", FORMATS)
def test_pseudonym_and_placeholder_stand_where_the_text_was(outputs, fmt, profile):
    text = outputs[(fmt, profile)]
    assert "Witness A" in text and "[withheld]" in text
    if fmt != "pdf":  # the PDF's text extraction may break lines inside a phrase
        assert "incident title: Witness A | Witness A | Witness A" in text


def test_the_full_dossier_still_names_her(outputs):
    folded = fold(outputs[("pdf", "full")])
    assert "rosa ejemplo ficticia" in folded and "hostilecam" in folded


@pytest.mark.parametrize("fmt,profile", FORMATS)
def test_no_capture_metadata_or_file_names(outputs, fmt, profile):
    text = outputs[(fmt, profile)]
    for leak in ("HostileCam", "Model X", "rosa_ejemplo_ficticia_foto", "17.5", "-99.5", "/home/", "GPS"):
        if leak == "GPS" and fmt == "json":
            continue  # JSON keys are field names, never values
        assert leak not in text, (fmt, profile, leak)
    if fmt == "pdf":
        assert "Exif" not in text and "GPSInfo" not in text


def test_json_keeps_its_shape_and_drops_capture_fields(outputs):
    doc = outputs[("json-doc", "public")]
    (evidence,) = doc["evidence"]
    assert evidence["title"] == evidence["code"] and evidence["original_name"] == evidence["code"] + ".jpg"
    assert evidence["latitude"] is None and evidence["camera_make"] == "" and evidence["extra_metadata"] == {}
    assert all(c["details"] == "" and c["who"] == "" for c in doc["custody"])
    witness = next(a for a in doc["actors"] if a["protected"] and a["pseudonym"] == "Witness A")
    assert witness["name"] == "Witness A" and witness["contact"] == witness["aliases"] == ""
    partner = outputs[("json-doc", "partner")]
    assert all(c["who"] == "Ana Documenter" for c in partner["custody"])


def test_a_protected_persons_role_note_is_withheld(outputs):
    for profile in ("partner", "public"):
        assert "witness's role note" not in outputs[("pdf", profile)]
        assert "witness's role note" not in outputs[("csv", profile)]
    assert "witness's role note" in outputs[("pdf", "full")]


def test_image_streams_carry_no_exif(outputs):
    for profile in ("partner", "public"):
        reader = PdfReader(outputs["folder"] / f"{profile}.pdf")
        images = [reader.get_object(n) for n in range(1, int(reader.trailer["/Size"]))]
        images = [o.get_data() for o in images if isinstance(o, StreamObject) and o.get("/Subtype") == "/Image"]
        assert images, "the photo is shown (linked as context to an open incident)"
        for data in images:
            assert b"Exif" not in data and b"HostileCam" not in data and not re.search(rb"GPS", data)
