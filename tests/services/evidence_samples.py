"""Real sample files for the evidence tests, made on the fly (small, deterministic)."""

from __future__ import annotations

import io
import struct
import wave
import zipfile
import zlib
from pathlib import Path

from PIL import Image
from PIL.TiffImagePlugin import IFDRational

# Casa de Justicia, El Paraíso, Ayutla de los Libres (Guerrero): 16°57'54.5"N 99°05'32.2"W
LAT, LON = 16 + 57 / 60 + 54.5 / 3600, -(99 + 5 / 60 + 32.2 / 3600)


def jpeg_with_gps(path: Path, size=(640, 480)) -> Path:
    image = Image.new("RGB", size, (180, 40, 40))
    for x in range(0, size[0], 16):  # some structure so the thumbnail is not trivial
        image.paste((20, 20, 200), (x, 0, x + 8, size[1] // 2))
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 5D Mark III"
    exif[0x0112] = 1  # orientation: upright
    exif.get_ifd(0x8769)[0x9003] = "2013:08:05 14:22:01"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (IFDRational(16), IFDRational(57), IFDRational(545, 10))
    gps[3], gps[4] = "W", (IFDRational(99), IFDRational(5), IFDRational(322, 10))
    image.save(path, "JPEG", exif=exif, quality=85)
    return path


def png_bytes(size=(32, 24), mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, 128).save(out, "PNG")
    return out.getvalue()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_bomb() -> bytes:
    """A valid PNG header claiming 100,000 x 100,000 pixels (10 gigapixels), tiny on disk."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + _png_chunk(b"IEND", b""))


def pdf_with_metadata(path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Title": "Denuncia ante la CNDH", "/Author": "CRAC-PC Ayutla",
                         "/CreationDate": "D:20130805142201-05'00'", "/ModDate": "D:20130806090000Z"})
    with open(path, "wb") as f:
        writer.write(f)
    return path


def wav(path: Path, seconds: float = 1.5, rate: int = 8000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\x00\x00" * int(rate * seconds))
    return path


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()
