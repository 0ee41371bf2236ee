"""Images that show people's faces, in shared outputs.

An evidence item flagged "shows faces" (``Evidence.shows_faces``) is, in
``partner`` and ``public`` outputs, either blurred beyond recognition or left
out and counted, as the documenter chooses (``FACES``; blurring is the
default: the reader still sees that there was a picture and roughly what).

Blurring works on the decoded picture (a preview already scaled and without
metadata), never on the file's bytes: the whole image is reduced to a coarse
grid of averaged blocks (``BLOCKS`` across its longer side), blown up again
and smoothed, then encoded afresh as a JPEG. What was averaged away cannot be
recovered: a face a few blocks wide is a blur of skin tone. Blurring that
cannot decode the picture gives nothing, so the caller leaves it out.
"""

from __future__ import annotations

import io
import warnings

from ...errors import InvalidInput
from ...i18n import translate

FACES = ("blur", "omit")
#: blocks across the longer side of a blurred image: even a face filling the frame
#: becomes a few blocks of colour (recognisers have beaten 16-pixel blocks on faces
#: ten blocks wide), a face in a crowd less than one
BLOCKS = 6
MAX_SIDE = 480  # pixels: the largest a blurred image is kept (previews are no larger)


def check_faces(choice: str) -> str:
    if choice not in FACES:
        raise InvalidInput(translate("Redaction", "unknown choice for faces {choice}: use blur or omit").format(
            choice=choice))
    return choice


def blur(data: bytes) -> bytes | None:
    """JPEG bytes of the picture in ``data`` blurred beyond recognition, without
    metadata; None if it cannot be decoded."""
    from PIL import Image, ImageFilter  # here: the command line reads FACES without loading Pillow

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                opened.draft("RGB", (MAX_SIDE, MAX_SIDE))  # a JPEG decodes small at once
                image = opened.convert("RGB")
    except (OSError, ValueError, SyntaxError, TypeError, Image.DecompressionBombError,
            Image.DecompressionBombWarning, MemoryError, ZeroDivisionError):
        return None
    if not image.width or not image.height:
        return None
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    width, height = image.size
    side = max(width, height)
    grid = (max(1, round(BLOCKS * width / side)), max(1, round(BLOCKS * height / side)))
    block = side / BLOCKS
    coarse = image.resize(grid, Image.Resampling.BOX)  # each block the average of its pixels
    image = coarse.resize((width, height), Image.Resampling.NEAREST)
    image = image.filter(ImageFilter.GaussianBlur(radius=block / 2))  # soften the blocks' edges
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)  # no exif= argument: none written
    return out.getvalue()


def apply_faces(images: dict[int, bytes], flagged: set[int], choice: str) -> tuple[dict[int, bytes], dict[str, int]]:
    """The previews of a shared output with every flagged item's picture
    blurred, or left out (``choice`` "omit"); and what was done, counted as
    ``faces_blurred`` / ``faces_omitted`` for the withheld page."""
    check_faces(choice)
    out: dict[int, bytes] = {}
    blurred = omitted = 0
    for evidence_id, data in images.items():
        if evidence_id not in flagged:
            out[evidence_id] = data
            continue
        hidden = blur(data) if choice == "blur" else None
        if hidden is None:
            omitted += 1
        else:
            out[evidence_id] = hidden
            blurred += 1
    counts = {}
    if blurred:
        counts["faces_blurred"] = blurred
    if omitted:
        counts["faces_omitted"] = omitted
    return out, counts


def set_shows_faces(case, codes: list[str], value: bool = True) -> list[str]:
    """Flag (or clear) evidence items as showing faces, each through the
    records service (its history entry); return their codes. All codes are
    checked before any changes."""
    from ..evidence import get
    from ..records import update

    items = [get(case, code) for code in codes]  # an unknown code stops everything here
    for item in items:
        update(case, "evidence", item.id, shows_faces=value)
    return [item.code for item in items]
