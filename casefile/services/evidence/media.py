"""What an evidence file is and what it says about itself.

Everything here reads the *stored* bytes (a seekable reader over the chunk
store), never the file on disk, so what is described is exactly what was
hashed. File names and extensions are not trusted: the type comes from the
content. Parsers of hostile files (Pillow, pypdf, mutagen) are guarded: a file
they choke on is still evidence; the problem is noted, the intake goes on.
"""

from __future__ import annotations

import gzip
import io
import logging
import warnings
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

from PIL import Image

from ...i18n import translate
from . import web_page

HEAD_SIZE = 4096
THUMBNAIL_SIZE = (256, 256)
#: A preview decodes at most this many pixels, and at most this many bytes of
#: full-size pixels at once (the decoded image and one converted copy): an
#: 85 KB PNG of 80 megapixels would otherwise take hundreds of MB. A JPEG is
#: decoded at reduced scale first (``draft``), so it rarely comes near.
PREVIEW_PIXELS = 50_000_000
PREVIEW_BYTES = 128 * 1024 * 1024
#: What the parsers may say about one file, at most (a hostile PDF can make
#: pypdf log thousands of lines).
LIBRARY_NOTES = 20
LIBRARY_LOGGERS = ("pypdf", "PIL", "mutagen")
#: formats Pillow may open at all: common, well-exercised decoders only
IMAGE_FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "TIFF", "BMP")
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/bmp"}
AUDIO_VIDEO_PREFIXES = ("audio/", "video/")

_FTYP_BRANDS = {
    "heic": "image/heic", "heix": "image/heic", "hevc": "image/heic", "heim": "image/heic",
    "heis": "image/heic", "mif1": "image/heif", "msf1": "image/heif", "avif": "image/avif",
    "qt  ": "video/quicktime", "M4A ": "audio/mp4", "M4B ": "audio/mp4", "M4V ": "video/mp4",
    "3gp4": "video/3gpp", "3gp5": "video/3gpp", "3gp6": "video/3gpp", "3g2a": "video/3gpp2",
}


def sniff(head: bytes, reader: BinaryIO | None = None) -> str:
    """The media type from the first bytes (and, for ZIP, the archive's listing)."""
    if not head:
        return "application/x-empty"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and len(head) >= 12:
        return {b"WEBP": "image/webp", b"WAVE": "audio/wav", b"AVI ": "video/x-msvideo"}.get(
            head[8:12], "application/octet-stream")
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if head[:2] == b"BM" and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "image/bmp"
    if head[4:8] == b"ftyp" and len(head) >= 12:
        brand = head[8:12].decode("latin-1")
        return _FTYP_BRANDS.get(brand, "video/mp4")
    if b"%PDF-" in head[:1024]:
        return "application/pdf"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE6 == 0xE2):
        return "audio/mpeg"
    if head.startswith(b"OggS"):
        return "video/ogg" if b"theora" in head[:512] else "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"\x1aE\xdf\xa3"):
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    if head.startswith(b"PK\x03\x04"):
        return _zip_type(head, reader)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "application/x-ole-storage"  # legacy Word / Excel / Outlook
    if head.startswith(b"SQLite format 3\x00"):
        return "application/vnd.sqlite3"
    if head.startswith(b"\x1f\x8b"):
        return _gzip_type(reader)
    if head.startswith((b"WARC/1.", b"WARC/0.")):
        return "application/warc"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "application/x-7z-compressed"
    if head.startswith(b"Rar!\x1a\x07"):
        return "application/vnd.rar"
    if head.startswith(b"{\\rtf"):
        return "application/rtf"
    return _text_type(head)


def _zip_type(head: bytes, reader: BinaryIO | None) -> str:
    # OpenDocument stores its type uncompressed as the first member.
    if head[30:38] == b"mimetype":
        kind = head[38:38 + 80].split(b"PK", 1)[0]
        if kind.startswith(b"application/vnd.oasis.opendocument."):
            return kind.decode("ascii", "replace")
    if reader is not None:
        try:
            reader.seek(0)
            names = zipfile.ZipFile(reader).namelist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            return "application/zip"
        prefixes = {name.split("/", 1)[0] for name in names}
        if "[Content_Types].xml" in names:
            for folder, office_type in (
                ("word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                ("xl", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("ppt", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            ):
                if folder in prefixes:
                    return office_type
    return "application/zip"


def _gzip_type(reader: BinaryIO | None) -> str:
    """A gzipped web archive (each WARC record its own gzip member) is a WARC."""
    if reader is not None:
        try:
            reader.seek(0)
            with gzip.GzipFile(fileobj=reader) as unpacked:
                if unpacked.read(8).startswith((b"WARC/1.", b"WARC/0.")):
                    return "application/warc"
        except (OSError, EOFError, ValueError):
            pass
    return "application/gzip"


def _text_type(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text/plain; charset=utf-16"
    sample = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if b"\x00" in sample:
        return "application/octet-stream"
    try:
        decoded = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut off by the end of the sample is fine.
        if len(head) < HEAD_SIZE or error.start < len(sample) - 3 or error.reason != "unexpected end of data":
            return "application/octet-stream"
        decoded = sample[:error.start].decode("utf-8")
    controls = sum(1 for c in decoded if ord(c) < 32 and c not in "\t\n\r\f\x1b")
    if controls > len(decoded) // 100:
        return "application/octet-stream"
    start = decoded.lstrip().lower()
    if start.startswith(("<!doctype html", "<html")) or (start.startswith("<!--") and "<html" in start):
        return "text/html; charset=utf-8"
    if "multipart/related" in start and start.startswith(("from:", "mime-version:", "snapshot-content-location:",
                                                          "content-type:", "subject:", "date:")):
        return "multipart/related"  # a web page saved as MHTML
    if start.startswith("<?xml"):
        return "image/svg+xml" if "<svg" in start else "application/xml"
    if start.startswith("<svg"):
        return "image/svg+xml"
    return "text/plain; charset=utf-8"


@dataclass
class Facts:
    """What the content says about itself; names match Evidence columns."""

    media_type: str = "application/octet-stream"
    captured_at: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    camera_make: str = ""
    camera_model: str = ""
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    document_title: str = ""
    document_author: str = ""
    document_created: str = ""
    document_modified: str = ""
    thumbnail: bytes | None = None
    page_text: str | None = None  # a saved web page's text, for the source it is taken in for
    extra: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def columns(self) -> dict:
        names = ("media_type", "captured_at", "latitude", "longitude", "camera_make", "camera_model", "width",
                 "height", "duration", "document_title", "document_author", "document_created",
                 "document_modified")
        return {name: getattr(self, name) for name in names}


def examine(reader: BinaryIO) -> Facts:
    """Media type, capture metadata and thumbnail of the stored bytes."""
    reader.seek(0)
    head = reader.read(HEAD_SIZE)
    facts = Facts(media_type=sniff(head, reader))
    kind = facts.media_type
    with library_notes(facts.warnings):
        if kind in IMAGE_TYPES:
            _image(reader, facts)
        elif kind == "application/pdf":
            _pdf(reader, facts)
        elif kind.startswith(AUDIO_VIDEO_PREFIXES):
            _duration(reader, facts)
        elif web_page.is_page(kind):
            _page(reader, facts)
    return facts


# -- what the parsers say ------------------------------------------------------------

class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def library_notes(notes: list[str]) -> Iterator[None]:
    """What Pillow, pypdf and mutagen warn about (``warnings.warn`` and their
    loggers) goes into ``notes`` ("Corrupt EXIF data", "EOF marker not
    found"), not to stderr: it belongs to the evidence item. Python's warning
    filters are process-wide, so a warning another thread raises meanwhile
    may land here too."""
    collect = _Collect()
    loggers = [logging.getLogger(name) for name in LIBRARY_LOGGERS]
    saved = [(logger, logger.propagate) for logger in loggers]
    for logger in loggers:
        logger.addHandler(collect)
        logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            warnings.simplefilter("error", Image.DecompressionBombWarning)  # a bomb stops decoding
            yield
    finally:
        for logger, propagate in saved:
            logger.removeHandler(collect)
            logger.propagate = propagate
    said = [(_library(w.filename), str(w.message)) for w in caught]
    said += [(_library(r.name), r.getMessage()) for r in collect.records]
    seen: set[str] = set()
    for library, message in said:
        message = " ".join(message.split())[:300]
        if message in seen:
            continue
        seen.add(message)
        if len(seen) > LIBRARY_NOTES:
            notes.append(translate("Evidence", "(further messages from the file's readers left out)"))
            break
        notes.append(translate("Evidence", "{library} reports: {message}").format(library=library, message=message))


def _library(where: str) -> str:
    """Pillow, pypdf or mutagen, from a warning's file or a logger's name."""
    where = (where or "").replace("\\", "/")
    for marker, name in (("PIL", "Pillow"), ("pypdf", "pypdf"), ("mutagen", "mutagen")):
        if where.startswith(marker) or f"/{marker}/" in where:
            return name
    return "Python"


# -- images -------------------------------------------------------------------

_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_MAKE, _MODEL, _DATETIME, _DATETIME_ORIGINAL = 0x010F, 0x0110, 0x0132, 0x9003


def _open_image(reader: BinaryIO) -> Image.Image:
    """Open with the allowlist; a decompression bomb's warning counts as an error."""
    reader.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return Image.open(reader, formats=IMAGE_FORMATS)


def _image(reader: BinaryIO, facts: Facts) -> None:
    try:
        image = _open_image(reader)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        facts.warnings.append(translate("Evidence", "image too large to decode safely (possible decompression bomb)"))
        return
    except Exception:  # noqa: BLE001 - hostile input: any parser failure is "unreadable"
        facts.warnings.append(translate("Evidence", "image cannot be read"))
        return
    with image:
        facts.width, facts.height = image.size
        try:
            _exif(read_exif(image), facts)
        except Exception:  # noqa: BLE001
            facts.warnings.append(translate("Evidence", "EXIF metadata cannot be read"))
        try:
            facts.thumbnail = _thumbnail(image)
        except TooLarge as error:
            facts.warnings.append(translate(
                "Evidence", "image too large to preview ({width} \u00d7 {height} pixels): kept without a thumbnail"
            ).format(width=error.width, height=error.height))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            facts.warnings.append(translate("Evidence", "image too large to decode safely (possible decompression bomb)"))
        except Exception:  # noqa: BLE001
            facts.warnings.append(translate("Evidence", "image cannot be decoded; no thumbnail"))


def _text(value) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).replace("\x00", "").strip()


def _exif(exif, facts: Facts) -> None:
    facts.camera_make = _text(exif.get(_MAKE, ""))
    facts.camera_model = _text(exif.get(_MODEL, ""))
    sub = exif.get_ifd(_EXIF_IFD)
    taken = sub.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME)
    if taken:
        facts.captured_at = _text(taken)[:32]
    gps = exif.get_ifd(_GPS_IFD)
    lat = _gps_decimal(gps.get(2), gps.get(1), 90)
    lon = _gps_decimal(gps.get(4), gps.get(3), 180)
    if lat is not None and lon is not None:
        facts.latitude, facts.longitude = lat, lon
    elif gps:
        facts.warnings.append(translate("Evidence", "GPS position in EXIF is incomplete or invalid"))


def _gps_decimal(dms, ref, limit: float) -> float | None:
    """(degrees, minutes, seconds) and N/S/E/W -> signed decimal degrees."""
    if not dms or ref is None:
        return None
    try:
        parts = [float(x) for x in dms]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if len(parts) != 3 or any(p != p or p < 0 for p in parts):  # p != p: NaN from a 0/0 rational
        return None
    value = parts[0] + parts[1] / 60 + parts[2] / 3600
    ref = _text(ref).upper()[:1]
    if ref in ("S", "W"):
        value = -value
    elif ref not in ("N", "E"):
        return None
    return round(value, 7) if abs(value) <= limit else None


class TooLarge(Exception):
    """The image would take more than the preview's bounds to decode."""

    def __init__(self, width: int, height: int):
        super().__init__(f"{width} x {height}")
        self.width, self.height = width, height


# Image.transpose methods for EXIF orientations 2-8 (as ImageOps.exif_transpose).
_TURNS = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
          5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
          8: Image.Transpose.ROTATE_90}


def _full_size_bytes(image: Image.Image) -> int:
    """Bytes of full-size pixels a preview holds at once: the decoded image
    (Pillow keeps 1 byte a pixel for 1, L and P, 4 for colour), plus a
    converted copy unless it is L or RGB (reduce() premultiplies alpha)."""
    width, height = image.size
    stored = 1 if image.mode in ("1", "L", "P") else 2 if image.mode.startswith("I;16") else 4
    copy = 0 if image.mode in ("L", "RGB") else 4
    return width * height * (stored + copy)


def fits_preview(image: Image.Image) -> bool:
    """Whether decoding ``image`` as it now stands keeps within the bounds."""
    width, height = image.size
    return width * height <= PREVIEW_PIXELS and _full_size_bytes(image) <= PREVIEW_BYTES


def read_exif(image: Image.Image) -> Image.Exif:
    """The image's EXIF, without decoding the pixels of one too large to
    preview: Pillow decodes a whole PNG to look for EXIF after its pixels."""
    if image.format == "PNG" and "exif" not in image.info and not fits_preview(image):
        return Image.Exif()
    return image.getexif()


def preview_image(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``image`` scaled to fit ``size`` and turned upright (RGB, RGBA, L or
    LA), decoding no more than PREVIEW_PIXELS and PREVIEW_BYTES: a JPEG is
    decoded at reduced scale; anything else too large raises TooLarge before
    a byte of it is decoded."""
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)  # animated: the first frame
    if image.format == "JPEG":
        image.draft("RGB", size)  # decode at 1/2, 1/4 or 1/8 scale: fast, little memory
    if not fits_preview(image):
        raise TooLarge(*image.size)
    try:
        orientation = image.getexif().get(0x0112)
        turn = _TURNS.get(orientation) if isinstance(orientation, int) else None
    except Exception:  # noqa: BLE001 - damaged EXIF: shown as stored
        turn = None
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image.load()
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        alpha = image.mode in ("PA", "La", "RGBa") or "transparency" in image.info
        image = image.convert("RGBA" if alpha else "RGB")
    image.thumbnail(size)  # in place: scaled before any other copy is made
    return image.transpose(turn) if turn is not None else image


def _thumbnail(image: Image.Image) -> bytes:
    """A PNG of at most 256 px, upright, built from pixels only (no EXIF, no text chunks)."""
    small = preview_image(image, THUMBNAIL_SIZE)
    mode = "RGBA" if small.mode in ("RGBA", "LA") else "RGB"
    small = small.convert(mode)
    clean = Image.frombytes(mode, small.size, small.tobytes())  # drops info (exif, icc, comments)
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=True)
    return out.getvalue()


# -- documents and media --------------------------------------------------------

def _page(reader: BinaryIO, facts: Facts) -> None:
    """A saved web page: its address and title, and when it was saved (its text is the source's)."""
    page = web_page.read(reader, facts.media_type)
    if page is None:
        if not facts.media_type.startswith(web_page.HTML):
            facts.warnings.append(translate("Evidence", "no web page could be read from this archive"))
        return
    facts.captured_at = page.saved_at
    facts.document_title = page.title[:500]
    facts.page_text = page.text
    facts.extra["page"] = {"kind": page.kind, "url": page.url[:2000], "saved_at": page.saved_at}


def _pdf(reader: BinaryIO, facts: Facts) -> None:
    try:
        from pypdf import PdfReader

        reader.seek(0)
        pdf = PdfReader(reader, strict=False)  # what it warns about is noted by examine()
        meta: Mapping[str, Any] = pdf.metadata or {}
        facts.document_title = _text(meta.get("/Title", ""))[:1000]
        facts.document_author = _text(meta.get("/Author", ""))[:1000]
        facts.document_created = _pdf_date(meta, "creation_date", "/CreationDate")
        facts.document_modified = _pdf_date(meta, "modification_date", "/ModDate")
        facts.extra["pages"] = len(pdf.pages)
    except Exception:  # noqa: BLE001 - hostile input
        facts.warnings.append(translate("Evidence", "PDF metadata cannot be read"))


def _pdf_date(meta: Mapping[str, Any], attribute: str, key: str) -> str:
    """A PDF date as ISO 8601 where pypdf can parse it, else as written."""
    try:
        value = getattr(meta, attribute, None)
        if isinstance(value, datetime):
            return value.isoformat()
    except Exception:  # noqa: BLE001 - malformed date string
        pass
    return _text(meta.get(key, "") or "")[:64]


def _duration(reader: BinaryIO, facts: Facts) -> None:
    try:
        import mutagen

        reader.seek(0)
        parsed = mutagen.File(reader)
        length = getattr(getattr(parsed, "info", None), "length", None)
        if length and length > 0:
            facts.duration = round(float(length), 3)
    except Exception:  # noqa: BLE001 - hostile input
        facts.warnings.append(translate("Evidence", "duration cannot be read"))
