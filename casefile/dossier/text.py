"""User text on its way into ReportLab: cleaned, made legible, escaped.

ReportLab ``Paragraph`` text is markup (``<img src>`` opens local files,
``<font>`` restyles), so every user string passes through :func:`markup`
before it reaches a Paragraph; outline entries take :func:`plain` text.

ReportLab draws glyphs left to right in logical order and does not shape
Arabic. Without a bidi library we do the minimum that keeps right-to-left
names legible: each right-to-left run is put in visual order, and Arabic
letters take their contextual (joined) presentation forms.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from .fonts import with_fallback

# C0/C1 controls, bidi embedding/override/isolate controls, BOM: invisible at
# best, a spoofing tool at worst ("abc\u202edcba").
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\x0b\x0c]")
_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def plain(text: str | None) -> str:
    """Printable text: controls removed, one kind of newline, RTL made legible."""
    if not text:
        return ""
    text = _NEWLINES.sub("\n", str(text))
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if _RTL_CHAR.search(text):
        text = "\n".join(visual_order(line) for line in text.split("\n"))
    return text


def markup(text: str | None) -> str:
    """User text as safe Paragraph markup: escaped, newlines as line breaks."""
    return escaped(plain(text))


def escaped(text: str) -> str:
    """Text already made :func:`plain` as Paragraph markup (plain() again
    would reverse right-to-left runs back); what DejaVu Sans cannot draw
    (Chinese, Japanese, Korean) is put in the fallback font."""
    return with_fallback(escape(_break_long_words(text)).replace("\n", "<br/>"))


# -- bounded pieces ------------------------------------------------------------------
#
# ReportLab lays out a Paragraph by breaking all of its text into lines, and
# does so again for what is left each time the paragraph is split at a page
# end, and again for every frame a KeepTogether or keepWithNext tries: a
# paragraph running over many pages costs pages x length (8,000 lines took
# 84 s). Text therefore reaches ReportLab in pieces of bounded size, each its
# own flowable, so the whole costs linear time whatever a field holds.

PIECE_CHARS = 3000  # a piece is well under a page (about 4,500 characters of body text)
PIECE_LINES = 30
CELL_CHARS = 400  # a table cell: more than this continues below the table
CELL_LINES = 8
HEAD_CHARS = 200  # headings, contents, outline, page header
SHORT = 120  # a paragraph this short may share its piece with the next ones

_SPACES = re.compile(r"[^\S\n]{2,}")
_BLANKS = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")
_LINE_ENDS = re.compile(r"[^\S\n]*\n[^\S\n]*")


def tidy(text: str | None, *, visual: bool = False) -> str:
    """:func:`plain` text with each run of spaces made one space and each run
    of blank lines one blank line (ReportLab shows runs of spaces as one
    anyway; nothing printable is removed). ``visual``: the text is already
    plain (joined from plain parts), so right-to-left runs stay as they are."""
    text = (text or "") if visual else plain(text)
    if not text:
        return ""
    text = _SPACES.sub(" ", text)
    text = _LINE_ENDS.sub("\n", text)
    text = _BLANKS.sub("\n\n", text)
    return text.strip()


def pieces(text: str | None, chars: int = PIECE_CHARS, lines: int = PIECE_LINES, *,
           visual: bool = False) -> list[list[str]]:
    """Tidy text as paragraphs (split at blank lines), each a list of pieces
    of at most ``lines`` lines and about ``chars`` characters (a long line is
    cut at a space where there is one). Short paragraphs in a row share a
    piece, a blank line apart: thousands of one-word paragraphs would
    otherwise be thousands of flowables."""
    out: list[list[str]] = []
    short: list[str] = []  # short paragraphs waiting to share a piece
    size = rows = 0
    for block in tidy(text, visual=visual).split("\n\n"):
        if not block:
            continue
        height = block.count("\n") + 1
        if len(block) < SHORT and height < lines // 4:
            if short and (size + len(block) > chars or rows + 1 + height > lines):
                out.append(["\n\n".join(short)])
                short, size, rows = [], 0, 0
            size += len(block) + 2
            rows += height + (1 if short else 0)
            short.append(block)
            continue
        if short:
            out.append(["\n\n".join(short)])
            short, size, rows = [], 0, 0
        out.append(_cut(block, chars, lines))
    if short:
        out.append(["\n\n".join(short)])
    return out


def _cut(block: str, chars: int, lines: int) -> list[str]:
    if len(block) <= chars and block.count("\n") < lines:
        return [block]
    out: list[str] = []
    current: list[str] = []
    size = 0
    for line in block.split("\n"):
        start = 0
        while len(line) - start > chars:  # a long line: cut at the last space before the limit
            space = line.rfind(" ", start + chars // 2, start + chars)
            end = space if space > 0 else start + chars
            if current:
                out.append("\n".join(current))
                current, size = [], 0
            out.append(line[start:end])
            start = end + 1 if space > 0 else end
        line = line[start:]
        if current and (len(current) >= lines or size + len(line) > chars):
            out.append("\n".join(current))
            current, size = [], 0
        if line:
            current.append(line)
            size += len(line) + 1
    if current:
        out.append("\n".join(current))
    return out


def clip(text: str | None, chars: int, lines: int = 1, *, visual: bool = False) -> tuple[str, bool]:
    """Tidy text cut to at most ``lines`` lines and ``chars`` characters
    (at a space where there is one), with an ellipsis if cut; and whether it was."""
    text = tidy(text, visual=visual) if lines > 1 else " ".join(((text or "") if visual else plain(text)).split())
    head = text[:chars + 1]
    kept = head.split("\n")[:lines]
    short = "\n".join(kept)
    if len(short) == len(text):
        return text, False
    if len(short) > chars:
        space = short.rfind(" ", chars // 2, chars)
        short = short[:space if space > 0 else chars]
    return short.rstrip() + "\u2026", True


_LONG_WORD = re.compile(r"\S{200,}")
PIECE = 12


def _break_long_words(text: str) -> str:
    """ReportLab splits a word wider than its column one character at a time,
    measuring each prefix (quadratic: a 5,000-character word takes many
    seconds, and a table re-wraps its cells several times). Words over 200
    characters cannot be real words or URLs worth keeping intact: they are
    shown in pieces of 12. Hashes and ordinary URLs are untouched."""
    if len(text) < 200:
        return text
    return _LONG_WORD.sub(lambda m: " ".join(m.group(0)[i:i + PIECE]
                                                   for i in range(0, len(m.group(0)), PIECE)), text)


def grouped(digest: str, size: int = 8) -> str:
    """A hash in blocks of eight characters, to be read aloud and compared;
    a line breaks only between blocks."""
    return " ".join(digest[n:n + size] for n in range(0, len(digest), size))


def one_line(text: str | None) -> str:
    """Plain text on one line (outline entries, table of contents, metadata)."""
    return " ".join(plain(text).split())


def head_line(text: str | None, chars: int = HEAD_CHARS) -> str:
    """One line, at most ``chars`` characters: a heading, contents or outline entry."""
    return clip(text, chars)[0]


# -- right to left ---------------------------------------------------------------

def _is_rtl(ch: str) -> bool:
    return unicodedata.bidirectional(ch) in ("R", "AL")


def _is_ltr(ch: str) -> bool:
    return unicodedata.bidirectional(ch) == "L"


def _clusters(text: str) -> list[str]:
    """Characters with their combining marks attached, so reversing a run
    keeps each mark on its letter."""
    out: list[str] = []
    for ch in text:
        if out and (unicodedata.combining(ch) or ch == "\u200d"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def visual_order(line: str) -> str:
    """Reverse each right-to-left run of a left-to-right line (after shaping)."""
    line = shape_arabic(line)
    clusters = _clusters(line)
    out: list[str] = []
    i = 0
    while i < len(clusters):
        if not _is_rtl(clusters[i][0]):
            out.append(clusters[i])
            i += 1
            continue
        # A run: RTL characters and the neutrals between them, up to the next LTR letter.
        j = i
        last_rtl = i
        while j < len(clusters) and not _is_ltr(clusters[j][0]):
            if _is_rtl(clusters[j][0]) or unicodedata.bidirectional(clusters[j][0]) in ("AN", "EN"):
                last_rtl = j
            j += 1
        run = clusters[i:last_rtl + 1]
        # Numbers inside a right-to-left run still read left to right.
        out.extend(_reverse_keeping_numbers(run))
        i = last_rtl + 1
    return "".join(out)


def _reverse_keeping_numbers(run: list[str]) -> list[str]:
    groups: list[list[str]] = []
    previous_digit = False
    for cluster in run:
        digit = unicodedata.bidirectional(cluster[0]) in ("EN", "AN")
        if digit and previous_digit:
            groups[-1].append(cluster)
        else:
            groups.append([cluster])
        previous_digit = digit
    return [cluster for group in reversed(groups) for cluster in group]


@lru_cache(maxsize=1)
def _arabic_forms() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], str]]:
    """Contextual forms from Unicode's own decompositions of the presentation
    forms: {letter: {"isolated"|"final"|"initial"|"medial": glyph}}, and the
    lam-alef ligatures {(alef, "isolated"|"final"): glyph}."""
    forms: dict[str, dict[str, str]] = {}
    ligatures: dict[tuple[str, str], str] = {}
    for code in range(0xFE70, 0xFEFD):
        ch = chr(code)
        decomposition = unicodedata.decomposition(ch).split()
        if len(decomposition) < 2 or not decomposition[0].startswith("<"):
            continue
        form = decomposition[0].strip("<>")
        base = "".join(chr(int(h, 16)) for h in decomposition[1:])
        if len(base) == 1:
            forms.setdefault(base, {})[form] = ch
        elif len(base) == 2 and base[0] == LAM:
            ligatures[(base[1], form)] = ch
    return forms, ligatures


LAM = "\u0644"


def shape_arabic(text: str) -> str:
    """Replace Arabic letters by their joined presentation forms."""
    forms, ligatures = _arabic_forms()
    if not any(ch in forms for ch in text):
        return text
    chars = list(text)
    letters = [i for i, ch in enumerate(chars) if ch in forms]

    def joins_forward(ch: str) -> bool:  # dual-joining letters connect to the next one
        return "medial" in forms[ch] or "initial" in forms[ch]

    out = list(chars)
    skip: set[int] = set()
    for n, i in enumerate(letters):
        if i in skip:
            continue
        ch = chars[i]
        prev_i = letters[n - 1] if n else None
        next_i = letters[n + 1] if n + 1 < len(letters) else None
        # Only harakat (combining marks) may sit between joined letters.
        prev_ok = prev_i is not None and all(unicodedata.combining(c) for c in chars[prev_i + 1:i])
        next_ok = next_i is not None and all(unicodedata.combining(c) for c in chars[i + 1:next_i])
        before = prev_i is not None and prev_ok and joins_forward(chars[prev_i]) and "final" in forms[ch]
        if ch == LAM and next_i is not None and next_i == i + 1 and (chars[next_i], "isolated") in ligatures:
            out[i] = ligatures[(chars[next_i], "final" if before else "isolated")]
            out[next_i] = ""
            skip.add(next_i)
            continue
        after = next_i is not None and next_ok and joins_forward(ch) and "final" in forms[chars[next_i]]
        wanted = ("medial" if before and after else "final" if before
                  else "initial" if after else "isolated")
        out[i] = forms[ch].get(wanted) or forms[ch].get("isolated") or ch
    return "".join(out)
