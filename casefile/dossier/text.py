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
    return escape(_break_long_words(plain(text))).replace("\n", "<br/>")


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


def one_line(text: str | None) -> str:
    """Plain text on one line (outline entries, table of contents, metadata)."""
    return " ".join(plain(text).split())


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
        before = prev_ok and joins_forward(chars[prev_i]) and "final" in forms[ch]
        if ch == LAM and next_i == i + 1 and (chars[next_i], "isolated") in ligatures:
            out[i] = ligatures[(chars[next_i], "final" if before else "isolated")]
            out[next_i] = ""
            skip.add(next_i)
            continue
        after = next_ok and joins_forward(ch) and "final" in forms[chars[next_i]]
        wanted = ("medial" if before and after else "final" if before
                  else "initial" if after else "isolated")
        out[i] = forms[ch].get(wanted) or forms[ch].get("isolated") or ch
    return "".join(out)
