"""PDF/A-2b dossiers (``casefile export --format pdf --pdfa``), read back:
XMP metadata that says what the document information says, an sRGB output
intent, a document ID, every font embedded, every stream ended as PDF/A asks,
printable links. Where Apache PDFBox's preflight is installed (Debian
libpdfbox2-java; it checks PDF/A-1b), it must find nothing but the two rules
where PDF/A-1 and PDF/A-2 differ."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import StreamObject

sample = pytest.importorskip("casefile.services.sample")

CLI = "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/",
      "xmpMM": "http://ns.adobe.com/xap/1.0/mm/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}
JARS = ["preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api"]


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdfa") / "demo.casefile"
    sample.create_demo_case(path).close(backup=False)
    return path


def export(case_path: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CLI, "export", str(case_path), "--format", "pdf", "-o", str(out),
                           *extra], capture_output=True, text=True)


@pytest.fixture(scope="module")
def archival(demo_path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out") / "archival.pdf"
    run = export(demo_path, out, "--pdfa", "--profile", "partner", "--lang", "es")
    assert run.returncode == 0, run.stderr
    return out


def xmp_fields(reader: PdfReader) -> dict[str, str]:
    stream = reader.trailer["/Root"]["/Metadata"].get_object()
    assert "/Filter" not in stream  # PDF/A: the metadata stream is not filtered
    root = ET.fromstring(stream.get_data())
    description = root.find(".//rdf:Description", NS)
    assert description is not None
    out = {}
    for key in ("dc:title", "dc:description"):
        item = description.find(f"{key}/rdf:Alt/rdf:li", NS)
        out[key] = item.text if item is not None else ""
    for key in ("xmp:CreatorTool", "xmp:CreateDate", "xmp:ModifyDate", "pdf:Producer", "xmpMM:DocumentID",
                "pdfaid:part", "pdfaid:conformance"):
        item = description.find(key, NS)
        out[key] = item.text if item is not None else ""
    return out


def pdf_date(value: str) -> datetime:
    m = re.fullmatch(r"D:(\d{14})\+00'00'", value)
    assert m, value
    return datetime.strptime(m.group(1), "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def test_xmp_metadata_repeats_the_document_information(archival):
    reader = PdfReader(archival)
    xmp = xmp_fields(reader)
    info = reader.metadata
    assert xmp["pdfaid:part"] == "2" and xmp["pdfaid:conformance"] == "B"
    assert xmp["dc:title"] == info.title == "Guerrero 2013: autodefensas, Ejército y Ayutla"
    assert xmp["dc:description"] == info.subject
    assert xmp["xmp:CreatorTool"] == info.creator == "Casefile"
    assert xmp["pdf:Producer"] == info.producer
    created = datetime.fromisoformat(xmp["xmp:CreateDate"])
    assert created == pdf_date(info["/CreationDate"]) == pdf_date(info["/ModDate"])
    assert abs((datetime.now(UTC) - created).total_seconds()) < 600
    assert re.fullmatch(r"uuid:[0-9a-f-]{36}", xmp["xmpMM:DocumentID"])
    assert "/Trapped" not in info and "/Author" not in info
    trailer_id = reader.trailer["/ID"]
    # pypdf reads random ID bytes as text when they happen to decode: compare the bytes as written.
    assert len(trailer_id) == 2 and all(len(getattr(part, "original_bytes", part)) == 16 for part in trailer_id)


def test_srgb_output_intent(archival):
    reader = PdfReader(archival)
    intents = reader.trailer["/Root"]["/OutputIntents"]
    assert len(intents) == 1
    intent = intents[0].get_object()
    assert intent["/S"] == "/GTS_PDFA1" and "sRGB" in intent["/OutputConditionIdentifier"]
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3
    icc = profile.get_data()
    assert icc[36:40] == b"acsp" and icc[16:20] == b"RGB " and icc[8] in (2, 4)
    assert int.from_bytes(icc[:4], "big") == len(icc)


def test_fonts_embedded_streams_ended_links_printable_nothing_transparent(archival):
    reader = PdfReader(archival)
    assert "/Encrypt" not in reader.trailer
    fonts = 0
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if not hasattr(obj, "get"):
            continue
        if obj.get("/Type") == "/Font" and obj.get("/Subtype") != "/Type0":
            fonts += 1
            descriptor = obj["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), obj["/BaseFont"]
        if isinstance(obj, StreamObject):  # images: opaque, not interpolated
            assert "/SMask" not in obj and obj.get("/Interpolate") is not True
        if obj.get("/Type") == "/ExtGState":  # PDF/A-2 allows transparency (figures), in standard blend modes only
            assert obj.get("/BM", "/Normal") in ("/Normal", "/Compatible") and obj.get("/SMask", "/None") == "/None"
    assert fonts >= 3
    raw = archival.read_bytes()
    assert raw.startswith(b"%PDF-1.") and raw[9:15].startswith(b"%")  # binary comment on line 2
    for match in re.finditer(rb"endstream", raw):
        assert raw[match.start() - 1:match.start()] in (b"\n", b"\r"), match.start()
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots") or []]
    assert annotations and all(a["/F"] == 4 for a in annotations)


def test_pdfa_is_for_pdf_only(demo_path, tmp_path):
    run = subprocess.run([sys.executable, "-c", CLI, "export", str(demo_path), "--format", "json", "-o",
                          str(tmp_path / "x.json"), "--pdfa"], capture_output=True, text=True)
    assert run.returncode == 1 and run.stderr.strip().count("\n") == 0 and "--pdfa" in run.stderr


def test_a_plain_dossier_says_nothing_of_pdfa(demo_path, tmp_path):
    out = tmp_path / "plain.pdf"
    assert export(demo_path, out).returncode == 0
    root = PdfReader(out).trailer["/Root"]
    assert "/OutputIntents" not in root and "/Metadata" not in root


def preflight() -> list[str] | None:
    if shutil.which("java") is None:
        return None
    jars = [Path("/usr/share/java") / f"{name}.jar" for name in JARS]
    return [str(j) for j in jars] if all(j.is_file() for j in jars) else None


def test_pdfbox_preflight_finds_only_what_pdfa1_and_pdfa2_differ_on(archival):
    jars = preflight()
    if jars is None:
        pytest.skip("Apache PDFBox preflight not installed (Debian: libpdfbox2-java libactivation-java "
                    "libjaxb-api-java and a Java runtime)")
    run = subprocess.run(["java", "-cp", ":".join(jars), "org.apache.pdfbox.preflight.Validator_A1b", str(archival)],
                         capture_output=True, text=True, timeout=300)
    errors = [line for line in (run.stdout + run.stderr).splitlines() if re.match(r"\d+\.\d+(\.\d+)? : ", line)]
    # PDF/A-1 knows ICC profiles up to version 2, no transparency and part 1 only; PDF/A-2 takes
    # version 4 and transparency (the figures' translucent fills), and is part 2.
    allowed = ("2.1.6 : Invalid graphics object, Invalid version of the ICCProfile",
               "7.11.2 : Error on MetaData, part must be 1", "4.1.2 : Transparency error, CA entry in a ExtGState",
               "4.1.2 : Transparency error, ca entry in a ExtGState")
    assert [e for e in errors if not e.startswith(allowed)] == [], errors
