"""Evidence previews for the dossier: read from the case, re-encoded once.

ReportLab embeds JPEG bytes as they are, EXIF and GPS included, so every image
is decoded and written afresh by Pillow without metadata, scaled once to the
largest size the dossier draws it at. A file that is truncated, not an image,
or a decompression bomb simply gets no preview.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Iterator

from PIL import Image
from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..services.evidence.media import IMAGE_FORMATS, TooLarge, preview_image

MAX_SIDE = 480  # pixels: 45 mm at about 270 dpi, plenty for a printed preview
MAX_BYTES = 64 * 1024 * 1024  # only preview originals up to this size
PREVIEWABLE = ("image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/bmp")


def reencode(data: bytes, max_side: int = MAX_SIDE) -> bytes | None:
    """JPEG bytes of ``data`` scaled to ``max_side``, without EXIF; None if
    unreadable or too large to decode within the same bounds as intake's
    thumbnails (``media.preview_image``)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a damaged file's complaints were noted at intake
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=IMAGE_FORMATS) as opened:
                if not opened.width or not opened.height:
                    return None
                image: Image.Image = preview_image(opened, (max_side, max_side))
                if image.mode in ("RGBA", "LA"):
                    image = image.convert("RGBA")
                    flat = Image.new("RGB", image.size, (255, 255, 255))
                    flat.paste(image, mask=image.getchannel("A"))
                    image = flat
                elif image.mode != "RGB":
                    image = image.convert("RGB")
                out = io.BytesIO()
                image.save(out, "JPEG", quality=82, optimize=False)  # no exif= argument: none written
                return out.getvalue()
    except (OSError, ValueError, SyntaxError, TypeError, Image.DecompressionBombError,
            Image.DecompressionBombWarning, MemoryError, ZeroDivisionError, TooLarge):
        return None


def read_blob_bytes(conn: Connection, sha256: str, limit: int = MAX_BYTES) -> bytes | None:
    """An evidence file's bytes from the case's chunk store (None if missing or too large)."""
    read_blob: Callable[[Connection, str], Iterator[bytes]] | None
    try:
        from ..store.chunks import read_blob
    except ImportError:  # older tree: read the rows directly
        read_blob = None
    parts: list[bytes] = []
    size = 0
    try:
        if read_blob is not None:
            iterator = read_blob(conn, sha256)
        else:
            iterator = (row[0] for row in conn.execute(text(
                "SELECT c.data FROM blob_chunk bc JOIN chunk c ON c.sha256 = bc.chunk_sha256 "
                "WHERE bc.blob_sha256 = :sha ORDER BY bc.seq"), {"sha": sha256}))
        for part in iterator:
            size += len(part)
            if size > limit:
                return None
            parts.append(part)
    except Exception:  # a missing or damaged blob is reported by verify, not by the dossier
        return None
    return b"".join(parts) or None


def previews(conn: Connection, items: list[tuple[int, str, str, int]]) -> dict[int, bytes]:
    """Re-encoded previews for ``items`` = [(evidence id, sha256, media type, size)]:
    the stored thumbnail where there is one (one query for all), else the
    original when it is a reasonably small image."""
    ids = [item[0] for item in items]
    thumbs: dict[int, bytes] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join(str(int(i)) for i in chunk)  # integers from our own query
        for evidence_id, png in conn.execute(text(f"SELECT evidence_id, png FROM thumbnail WHERE evidence_id IN ({marks})")):
            thumbs[evidence_id] = png
    out: dict[int, bytes] = {}
    for evidence_id, sha256, media_type, size in items:
        source = thumbs.get(evidence_id)
        if source is None and media_type in PREVIEWABLE and size <= MAX_BYTES:
            source = read_blob_bytes(conn, sha256)
        if source:
            encoded = reencode(source)
            if encoded:
                out[evidence_id] = encoded
    return out
