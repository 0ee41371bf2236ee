"""Saved web pages as a source's evidence: an HTML page saved by a browser or
SingleFile, a Chrome MHTML archive and a gzipped WARC written with warcio (the
Webrecorder library), each taken in for a source: the page kept byte for byte,
its address and saving time on the item, and its text in the source's reader."""

from __future__ import annotations

import hashlib
import io
import quopri
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from casefile.cli import main
from casefile.services import evidence, records
from casefile.services.evidence import web_page

REPORT = (Path(__file__).resolve().parents[3] / "shared" / "samples" / "news-report-guerrero-2013.txt")
URL = "https://insightcrime.org/news/brief/vigilantes-detain-soldiers-guerrero-mexico/"
FIRST = "Self-defense groups in Guerrero, Mexico have detained at least 60 soldiers"
SPANISH = "Autodefensas retienen a 60 militares en Ayutla; la policía comunitaria exige liberación"


def article() -> str:
    paragraphs = REPORT.read_text(encoding="utf-8").split("\n\n") if REPORT.exists() else [FIRST + "."]
    body = "".join(f"<p>{p.strip()}</p>\n" for p in paragraphs if p.strip())
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Vigilantes Detain Soldiers in "
            f"Guerrero, Mexico</title><link rel=\"canonical\" href=\"{URL}\"><script>var tracker = 1;</script>"
            f"</head><body><nav>Menu</nav><article><h1>Vigilantes Detain Soldiers</h1>\n<p>{SPANISH}</p>\n{body}"
            f"</article></body></html>")


def singlefile_html(folder: Path) -> Path:
    page = article().replace("<html lang=\"en\">", "<html lang=\"en\"><!--\n Page saved with SingleFile \n url: "
                             f"{URL} \n saved date: Tue Aug 06 2013 10:15:00 GMT-0500 (hora de verano central)\n-->", 1)
    path = folder / "vigilantes.html"
    path.write_text(page, encoding="utf-8")
    return path


def chrome_mhtml(folder: Path) -> Path:
    boundary = "----MultipartBoundary--Kx2p9vQ----"
    body = quopri.encodestring(article().encode("utf-8")).decode("ascii")
    path = folder / "vigilantes.mhtml"
    path.write_bytes((
        "From: <Saved by Blink>\r\n"
        f"Snapshot-Content-Location: {URL}\r\n"
        "Subject: =?utf-8?Q?Vigilantes_Detain_Soldiers_in_Guerrero=2C_M=C3=A9xico?=\r\n"
        "Date: Tue, 6 Aug 2013 10:15:00 -0500\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n\r\n"
        f"--{boundary}\r\n"
        "Content-Type: text/html\r\n"
        "Content-ID: <frame-0F3A@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {URL}\r\n\r\n"
        f"{body}\r\n"
        f"--{boundary}\r\n"
        "Content-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://insightcrime.org/logo.png\r\n\r\n"
        "iVBORw0KGgo=\r\n"
        f"--{boundary}--\r\n").encode("ascii"))
    return path


def webrecorder_warc(folder: Path) -> Path:
    path = folder / "vigilantes.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("vigilantes.warc.gz", {"software": "test"}))
        request = writer.create_warc_record(URL, "request", payload=io.BytesIO(
            b"GET /news/brief/vigilantes-detain-soldiers-guerrero-mexico/ HTTP/1.1\r\nHost: insightcrime.org\r\n\r\n"))
        request.rec_headers.replace_header("WARC-Date", "2013-08-06T15:15:00Z")
        writer.write_record(request)
        redirect = StatusAndHeaders("301 Moved Permanently", [("Location", URL)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(URL.rstrip("/"), "response", payload=io.BytesIO(b""),
                                                      http_headers=redirect))
        html = article().encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=UTF-8"),
                                              ("Content-Length", str(len(html)))], protocol="HTTP/1.1")
        response = writer.create_warc_record(URL, "response", payload=io.BytesIO(html), http_headers=headers)
        response.rec_headers.replace_header("WARC-Date", "2013-08-06T15:15:00Z")
        writer.write_record(response)
    return path


PAGES = {"html": singlefile_html, "mhtml": chrome_mhtml, "warc": webrecorder_warc}


def new_source(case, **values) -> tuple[int, str]:
    ident = records.create(case, "source", **values)
    return ident, records.get(case, "source", ident)["code"]


@pytest.fixture
def source(case) -> tuple[int, str]:
    return new_source(case, title="InSight Crime: vigilantes detain soldiers")


@pytest.mark.parametrize("kind", list(PAGES))
def test_a_saved_page_taken_in_for_a_source_gives_it_its_address_day_and_text(case, source, tmp_path, kind):
    path = PAGES[kind](tmp_path)
    item = evidence.intake(case, path, link=(source[1], "depicts"))

    assert evidence.read_all(case, item.code) == path.read_bytes()  # the page itself, byte for byte
    assert item.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert item.origin == URL
    assert item.captured_at == "2013-08-06T15:15:00Z"
    assert "Vigilantes Detain Soldiers" in item.document_title
    got = records.get(case, "source", source[0])
    assert got["url"] == URL and got["accessed"] == "2013-08-06"
    text = got["text"]
    assert FIRST in text and SPANISH in text  # accents through quoted-printable and gzip
    assert "tracker" not in text and "Menu" in text  # scripts dropped, the page's words kept


def test_a_source_keeps_its_own_text_and_address(case, tmp_path):
    ident, code = new_source(case, title="Read on paper", url="https://example.org/print",
                             text="The printed edition's text.")
    item = evidence.intake(case, chrome_mhtml(tmp_path), link=(code, "depicts"))
    got = records.get(case, "source", ident)
    assert got["text"] == "The printed edition's text." and got["url"] == "https://example.org/print"
    assert got["accessed"] == "2013-08-06"
    assert item.origin == URL  # the item says where the page came from


@pytest.mark.parametrize("kind", list(PAGES))
def test_pages_are_recognised_from_their_bytes(tmp_path, kind):
    path = PAGES[kind](tmp_path)
    with path.open("rb") as file:
        from casefile.services.evidence import media

        facts = media.examine(file)
    assert web_page.is_page(facts.media_type), facts.media_type
    assert facts.extra["page"]["url"] == URL


def test_a_page_that_is_not_one_is_taken_in_as_a_plain_file(case, source, tmp_path):
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\ncut short")
    item = evidence.intake(case, broken, link=(source[1], "depicts"))
    assert item.origin == "" and item.media_type == "application/warc"
    assert evidence.warnings(item) == ["no web page could be read from this archive"]
    assert records.get(case, "source", source[0])["text"] == ""


def test_add_evidence_from_the_command_line_fills_the_source(case, source, tmp_path, capsys):
    path = webrecorder_warc(tmp_path)
    case.close()
    assert main(["add-evidence", str(case.path), str(path), "--link", source[1], "--relation", "depicts"]) == 0
    err = capsys.readouterr().err
    assert f"note: EVI-0001: {source[1]}: taken from the page: address, day read, text" in err
    assert main(["add-evidence", str(case.path), str(chrome_mhtml(tmp_path)), "--link", source[1],
                 "--relation", "depicts"]) == 0
    err = capsys.readouterr().err
    assert f"note: EVI-0002: {source[1]} keeps the text it had (claims quote it by position); the page's text " \
           "stays in EVI-0002" in err
