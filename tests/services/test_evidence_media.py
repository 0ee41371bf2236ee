"""Media types come from content, not names; documents and recordings are described."""

from __future__ import annotations

import pytest

from casefile.services import evidence
from casefile.services.media import sniff

from .evidence_samples import docx_bytes, pdf_with_metadata, png_bytes, wav


@pytest.mark.parametrize("head, expected", [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
    (b"GIF89a\x01\x00", "image/gif"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
    (b"RIFF\x00\x00\x00\x00WAVEfmt ", "audio/wav"),
    (b"II*\x00\x08\x00\x00\x00", "image/tiff"),
    (b"MM\x00*\x00\x00\x00\x08", "image/tiff"),
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "image/heic"),
    (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", "video/mp4"),
    (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00", "video/quicktime"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "application/pdf"),
    (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio/mpeg"),
    (b"\xff\xfb\x90\x64\x00", "audio/mpeg"),
    (b"OggS\x00\x02" + b"\x00" * 22 + b"\x01vorbis", "audio/ogg"),
    (b"fLaC\x00\x00\x00\x22", "audio/flac"),
    (b"\x1aE\xdf\xa3\x9fB\x86\x81\x01B\xf7\x81\x01B\xf2\x81\x04B\xf3\x81\x08B\x82\x84webm", "video/webm"),
    (b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.textPK",
     "application/vnd.oasis.opendocument.text"),
    (b"PK\x03\x04\x14\x00", "application/zip"),
    ("Comunicado de la CRAC: «liberen a los detenidos» 🚧\n".encode(), "text/plain; charset=utf-8"),
    (b"<!DOCTYPE html><html><body>", "text/html; charset=utf-8"),
    (b"\xff\xfeh\x00i\x00", "text/plain; charset=utf-16"),
    (b"\x00\x01\x02\x03\x04\x05binary", "application/octet-stream"),
    (b"", "application/x-empty"),
])
def test_sniff(head, expected):
    assert sniff(head) == expected


def test_utf8_cut_mid_character_is_still_text():
    text = b"a" + ("ñ" * 3000).encode()[:4095]  # the 4 KiB sample ends inside a character
    assert len(text) == 4096
    assert sniff(text) == "text/plain; charset=utf-8"
    assert sniff(b"caf\xe9 latin-1 text") == "application/octet-stream"


def test_type_comes_from_content_not_extension(case, tmp_path):
    (tmp_path / "photo.jpg").write_bytes(png_bytes())
    (tmp_path / "report.pdf").write_text("just text", encoding="utf-8")
    (tmp_path / "statement.docx").write_bytes(docx_bytes())
    png = evidence.intake(case, tmp_path / "photo.jpg")
    assert (png.media_type, png.width, png.height) == ("image/png", 32, 24)
    assert evidence.intake(case, tmp_path / "report.pdf").media_type == "text/plain; charset=utf-8"
    assert evidence.intake(case, tmp_path / "statement.docx").media_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


def test_pdf_metadata(case, tmp_path):
    item = evidence.intake(case, pdf_with_metadata(tmp_path / "denuncia.pdf"))
    assert item.media_type == "application/pdf"
    assert item.document_title == "Denuncia ante la CNDH"
    assert item.document_author == "CRAC-PC Ayutla"
    assert item.document_created.startswith("2013-08-05T14:22:01")
    assert item.document_modified.startswith("2013-08-06T09:00:00")
    assert evidence.thumbnail(case, item.code) is None


def test_broken_pdf_is_kept_with_a_warning(case, tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    item = evidence.intake(case, tmp_path / "broken.pdf")
    assert item.media_type == "application/pdf" and item.document_title == ""
    assert evidence.warnings(item)


def test_audio_duration(case, tmp_path):
    item = evidence.intake(case, wav(tmp_path / "entrevista.wav", seconds=1.5))
    assert item.media_type == "audio/wav" and item.duration == pytest.approx(1.5, abs=0.01)


def test_thumbnail_keeps_transparency_and_orientation(case, tmp_path):
    from io import BytesIO

    from PIL import Image

    image = Image.new("RGBA", (400, 100), (255, 0, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90: the thumbnail should be upright (portrait)
    image.save(tmp_path / "rot.webp", "WEBP", exif=exif, lossless=True)
    item = evidence.intake(case, tmp_path / "rot.webp")
    thumb = Image.open(BytesIO(evidence.thumbnail(case, item.code)))
    assert item.media_type == "image/webp"
    assert thumb.size == (64, 256) and thumb.mode == "RGBA"
