"""Media types come from content, not names; documents and recordings are described."""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from casefile.services import evidence
from casefile.services.evidence.media import sniff

from .evidence_samples import docx_bytes, pdf_with_metadata, png_bytes, wav

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case


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


# -- what the parsers say, and images too large to preview (issue 13, items 10 and 11) ------------

CLI = [sys.executable, "-c", "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"]


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *map(str, args)], check=False, capture_output=True, text=True, timeout=300)


def corrupt_exif_jpeg(path: Path) -> Path:
    """A JPEG whose EXIF directory claims 48 entries and holds 2: Pillow warns
    "Corrupt EXIF data" and reads what is there."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "HostileCam", "Model X"
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, "JPEG", exif=exif.tobytes())
    data = bytearray(out.getvalue())
    entries = data.index(b"Exif\x00\x00MM\x00*\x00\x00\x00\x08") + 14
    data[entries:entries + 2] = b"\x00\x30"
    path.write_bytes(bytes(data))
    return path


def pdf_without_eof(path: Path) -> Path:
    """A PDF whose %%EOF marker is gone (a cut-off download): pypdf logs "EOF marker not found"."""
    pdf = pdf_with_metadata(path).read_bytes()
    path.write_bytes(pdf.replace(b"%%EOF", b"%%XXX"))
    return path


def test_library_warnings_are_noted_on_the_evidence_not_printed(tmp_path):
    case = tmp_path / "c.casefile"
    jpeg, pdf = corrupt_exif_jpeg(tmp_path / "exif.jpg"), pdf_without_eof(tmp_path / "cut.pdf")
    assert run_cli("new", case, "--title", "T").returncode == 0

    result = run_cli("add-evidence", case, jpeg, pdf)
    assert result.returncode == 0, result.stderr
    # Only Casefile's own notes on stderr: no "UserWarning", no bare pypdf log line.
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith("note: EVI-000") for line in lines), result.stderr
    assert "Warning:" not in result.stderr and "Traceback" not in result.stderr
    from casefile.store import Case

    with Case.open(case) as opened:
        photo, document = evidence.get(opened, "EVI-0001"), evidence.get(opened, "EVI-0002")
        photo_notes, document_notes = evidence.warnings(photo), evidence.warnings(document)
    assert any("Pillow reports: Corrupt EXIF data" in note for note in photo_notes), photo_notes
    assert photo.camera_make == "HostileCam"  # what could be read was
    assert any("pypdf reports: EOF marker not found" in note for note in document_notes), document_notes


def test_what_a_parser_repeats_is_noted_once_and_bounded(case, tmp_path):
    import logging
    import warnings as py_warnings

    from casefile.services.evidence.media import LIBRARY_NOTES, library_notes

    notes: list[str] = []
    with library_notes(notes):
        for n in range(500):
            logging.getLogger("pypdf._reader").warning("Object %d 0 not defined.", n)
            py_warnings.warn("same thing again", stacklevel=1)
    assert len(notes) == LIBRARY_NOTES + 1 and notes[-1].startswith("(further")
    assert sum("same thing again" in note for note in notes) == 1
    assert not logging.getLogger("pypdf").handlers and logging.getLogger("pypdf").propagate


def flat_png(path: Path, width: int, height: int, mode: str = "L") -> Path:
    """A one-colour PNG of width x height pixels written row by row: tens of
    kilobytes on disk, tens of megapixels decoded."""
    channels = {"L": 1, "RGB": 3}[mode]
    row = b"\x00" + b"\x80" * (width * channels)  # filter byte + pixels
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row * min(256, height - y)) for y in range(0, height, 256))
    header = struct.pack(">IIBBBBB", width, height, 8, {"L": 0, "RGB": 2}[mode], 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
                     + _chunk(b"IDAT", body + compressor.flush()) + _chunk(b"IEND", b""))
    return path


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


# Intake (or the dossier's re-encoding) of one file in a fresh process: how
# far its peak RSS rose above the resident set before the work. On Linux the
# peak is reset first (/proc/self/clear_refs), so imports do not hide it.
PEAK = """
import json, resource, sys
from casefile.store import Case
from casefile.services import evidence
from casefile.dossier.images import reencode

def status(key):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(key))

try:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    before, peak = status("VmRSS:"), lambda: status("VmHWM:")
except OSError:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if sys.argv[1] == "intake":
    with Case.create(sys.argv[3], "Peak") as case:
        item = evidence.intake(case, sys.argv[2])
        result = {"warnings": evidence.warnings(item), "thumbnail": evidence.thumbnail(case, item.code) is not None}
else:
    result = {"preview": reencode(open(sys.argv[2], "rb").read()) is not None}
result["grew_mib"] = (peak() - before) / 1024
print(json.dumps(result))
"""


def peak(*args) -> dict:
    done = subprocess.run([sys.executable, "-c", PEAK, *map(str, args)], check=True, capture_output=True, text=True,
                          timeout=300)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_an_image_just_under_the_pixel_limit_is_refused_a_preview_in_little_memory(tmp_path):
    """Issue 13: an 85 KB PNG of 80 megapixels took 585 MB at intake."""
    from PIL import Image

    png = flat_png(tmp_path / "flat.png", 8944, 8944)  # 80 million pixels, under Pillow's 89 million
    assert png.stat().st_size < 200_000 and 8944 * 8944 < Image.MAX_IMAGE_PIXELS
    result = peak("intake", png, tmp_path / "c.casefile")
    assert any("too large to preview" in note for note in result["warnings"]), result
    assert not result["thumbnail"]
    assert result["grew_mib"] < 64, result
    result = peak("reencode", png)  # the dossier holds to the same bound
    assert not result["preview"] and result["grew_mib"] < 64, result


def test_the_dossier_does_not_decode_a_large_colour_image_in_full(tmp_path):
    """36 megapixels of colour: within the old 40-megapixel limit, 144 MB
    decoded plus a copy; now past the preview's 128 MiB, so no preview."""
    result = peak("reencode", flat_png(tmp_path / "colour.png", 6000, 6000, "RGB"))
    assert not result["preview"] and result["grew_mib"] < 64, result


def test_a_large_photo_is_still_previewed_at_reduced_scale(case, tmp_path):
    from PIL import Image

    photo = tmp_path / "big.jpg"
    Image.new("RGB", (9000, 6000), (20, 120, 40)).save(photo, "JPEG", quality=50)  # 54 megapixels
    item = evidence.intake(case, photo)
    thumb = Image.open(io.BytesIO(evidence.thumbnail(case, item.code)))
    assert max(thumb.size) == 256 and not evidence.warnings(item)
    result = peak("reencode", photo)
    assert result["preview"] and result["grew_mib"] < 64, result
