"""Text as the redaction engine compares it.

Both the protected strings and the text they are looked for in go through
the same folding, so "Rosa  Ficticia", "ROSA\u00a0FICTICIA", "rosa_ficticia",
"Rosa\nFicticia" and "Rósa Fictícia" all read ``rosa ficticia``:

- Unicode NFKD, then combining marks dropped (accents, cedillas, the dot of
  a Turkish capital I) and text case-folded;
- invisible format characters (zero-width spaces and joiners, soft hyphens,
  byte-order marks, bidi controls) dropped, so "Ro\u200bsa" still reads "rosa";
- every other character that is not a letter or digit (whitespace, no-break
  spaces, line breaks, ``_ - . , / @`` and all other punctuation and symbols)
  becomes a separator, and a run of separators one space;
- a change between letters and digits is a separator too ("hidalgo12" reads
  "hidalgo 12"), so a name with a number stuck to it is still a whole word;
- decimal digits of any script read as ASCII digits;
- compatibility forms (full-width, mathematical, circled letters) read as
  their plain letters, and letters that only look Latin (Cyrillic "а о р с
  е х і", Greek "Α ο ρ ι", small capitals, "ł ø đ ı") as the Latin letter
  they imitate, so "Rоsа" with Cyrillic о and а still reads "rosa";
- what a web page, an address bar or a typesetter does to a word is undone
  first: HTML entities ("Rosa&nbsp;Ficticia", "&#82;osa"), percent-encoding
  ("Rosa%20Ficticia"), ``\\u0052`` escapes, bare inline tags inside a word
  ("Ro<b>sa</b>"; block tags such as ``<br>`` separate words) and a word
  hyphenated across a line break ("Fic-\\nticia" reads "ficticia").

``fold`` is the fast path (whole-string C operations) used to decide whether
a text holds anything at all; ``fold_mapped`` also returns, for each folded
character, the span of the original text it came from, so a match can be
replaced in the original.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

SEPARATOR = " "
_ASCII_SEPARATORS = re.compile(r"[\W_]+", re.ASCII)
_DIGITS = re.compile(r"\d+")

#: Letters that imitate Latin ones (Unicode's confusables, the common ones):
#: applied before case folding, so an upper-case Greek Ν reads "n" and a
#: lower-case ν reads "v", as each looks.
_CONFUSABLES = str.maketrans({
    # Cyrillic
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ј": "J", "Ԁ": "D", "Ԛ": "Q", "Ԝ": "W", "Ү": "Y", "Һ": "H",
    "Ӏ": "I", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s", "і": "i",
    "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ү": "y", "к": "k", "ɡ": "g",
    # Greek
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "υ": "u", "χ": "x", "γ": "y",
    # Latin letters without a decomposition, and small capitals
    "ı": "i", "ȷ": "j", "ɑ": "a", "ɩ": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "TH", "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h",
    "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s",
    "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
})
#: modifier letters that are apostrophes and primes to a reader ("Ficticiaʼs")
_APOSTROPHES = "\u02b9\u02ba\u02bb\u02bc\u02bd\u02c8\u02ca\u02cb"

#: What is undone before folding (see the module notes), one alternative each:
#: a hyphen at a line break inside a word, percent-encoded bytes, an HTML
#: entity, a tag, a ``\uXXXX`` escape.
_ENCODED = re.compile(
    r"(?P<hyphen>[-\u00ad\u2010\u2011](?<=\w.)[ \t]*(?:\r\n|\r|\n)[ \t]*(?=\w))"
    r"|(?P<percent>(?:%[0-9A-Fa-f]{2})+)"
    r"|(?P<entity>&(?:#[0-9]{1,7};?|#[xX][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};))"
    r"|(?P<tag></?(?P<name>[A-Za-z]{1,6})\s*/?>)"
    r"|(?P<escape>\\u[0-9A-Fa-f]{4})")
_MAYBE_ENCODED = re.compile(r"[-\u00ad\u2010\u2011%&<\\]")
#: tags that style part of a word: dropped ("Ro<b>sa" reads "rosa"); any other tag separates words.
#: Only bare tags are read as tags: "<Rosa Ficticia>" or '<a href="...">' is text to look in.
_INLINE_TAGS = frozenset({"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i",
                          "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
                          "tt", "u", "var", "wbr"})


def _decoded(match: re.Match[str]) -> str:
    """What one ``_ENCODED`` match reads as ("" when it is dropped)."""
    kind = match.lastgroup if match.lastgroup != "name" else "tag"
    text = match.group(0)
    if kind == "hyphen":
        return ""
    if kind == "percent":
        try:
            return unquote(text, errors="strict")
        except UnicodeDecodeError:
            return text
    if kind == "entity":
        try:
            return html.unescape(text)
        except (ValueError, OverflowError):
            return text
    if kind == "tag":
        return "" if (match.group("name") or "").lower() in _INLINE_TAGS else SEPARATOR
    return chr(int(text[2:], 16))


def decode(text: str) -> str:
    """``text`` with entities, percent-encoding, escapes, tags and hyphenation
    at line ends undone (the first step of ``fold``)."""
    if not _MAYBE_ENCODED.search(text):
        return text
    return _ENCODED.sub(_decoded, text)


def _units(text: str) -> list[tuple[str, int, int]]:
    """``decode(text)`` as (characters, start, end) pieces of the original:
    each plain character is its own piece; a decoded match is one piece
    spanning the whole match (its characters may be "")."""
    if not _MAYBE_ENCODED.search(text):
        return [(char, index, index + 1) for index, char in enumerate(text)]
    out: list[tuple[str, int, int]] = []
    cursor = 0
    for match in _ENCODED.finditer(text):
        out += [(char, index, index + 1) for index, char in enumerate(text[cursor:match.start()], start=cursor)]
        out.append((_decoded(match), match.start(), match.end()))
        cursor = match.end()
    out += [(char, index, index + 1) for index, char in enumerate(text[cursor:], start=cursor)]
    return out


@lru_cache(maxsize=1)
def _table() -> dict[int, str | None]:
    """What each non-alphanumeric code point becomes: dropped or a separator."""
    table: dict[int, str | None] = {}
    # Planes 0 and 1 hold every script, mark, punctuation and emoji a case will meet;
    # anything beyond is kept as it is (and is then simply a letter to the matcher).
    for code in range(0x20000):
        char = chr(code)
        category = unicodedata.category(char)
        if category in ("Mn", "Me", "Cf"):
            table[code] = None
        elif category[0] in "ZPSC" and category != "Co":
            table[code] = SEPARATOR
        elif category == "Nd" and not ("0" <= char <= "9"):
            table[code] = str(unicodedata.decimal(char))
        elif category == "No" and unicodedata.normalize("NFKD", char) == char:
            # Digits compatibility folding leaves as they are ("❺", "➓", "⓹"): a
            # phone or house number written with them is still that number.
            value = unicodedata.numeric(char, -1.0)
            if value.is_integer() and 0 <= value <= 20:
                table[code] = str(int(value))
    table[ord("_")] = SEPARATOR
    for char in _APOSTROPHES:
        table[ord(char)] = SEPARATOR
    return table


_LOOKALIKE = re.compile("[" + re.escape("".join(chr(code) for code in _CONFUSABLES)) + "]")


def _fold_unicode(text: str) -> str:
    """Compatibility forms, look-alikes, case and marks folded, before separators.
    Every step maps characters one by one, so folding a text and folding each
    of its characters agree (``fold_mapped``)."""
    if _LOOKALIKE.search(text):
        text = text.translate(_CONFUSABLES)
    text = unicodedata.normalize("NFKD", text.casefold()).casefold()  # "𝐑" decomposes to "R"
    if _LOOKALIKE.search(text):  # a mathematical "𝚨" decomposes to Greek "Α"
        text = text.translate(_CONFUSABLES)
    return text.translate(_table())


def fold(text: str) -> str:
    """``text`` folded for comparison (see the module notes)."""
    if not text:
        return ""
    text = decode(text)
    if text.isascii():  # the common case, without the per-character table
        folded = _ASCII_SEPARATORS.sub(SEPARATOR, text.lower())
    else:
        folded = _fold_unicode(text)
    if _DIGITS.search(folded):
        folded = _DIGITS.sub(r" \g<0> ", folded)  # a letter-digit change separates
    return SEPARATOR.join(folded.split())


_PIECES: dict[str, str] = {}


def _piece(chars: str) -> str:
    """``_fold_unicode`` of one piece, remembered (a text repeats its characters)."""
    piece = _PIECES.get(chars)
    if piece is None:
        piece = _fold_unicode(chars)
        if len(_PIECES) < 100_000:
            _PIECES[chars] = piece
    return piece


def fold_mapped(text: str) -> tuple[str, list[int], list[int]]:
    """The folded text and, for each of its characters, the start and end
    offset in ``text`` of what it came from. Dropped characters (a combining
    accent after its letter, a zero-width space) are given to the character
    before them, so replacing a span takes them along; the characters of a
    decoded entity all span the whole entity; a dropped tag or line-end
    hyphen belongs to no character (a span across it still covers it)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    previous_kind = ""  # "a" letter, "d" digit, " " separator
    for chars, start, end in _units(text):
        if not chars:  # a dropped tag or line-end hyphen: inside a match it is covered, at its edge left
            continue
        piece = _piece(chars)
        if not piece:
            if ends:
                ends[-1] = end
            continue
        for produced in piece:
            kind = " " if produced == SEPARATOR else ("d" if produced.isdecimal() else "a")  # what \d matches in fold()
            if kind == " ":
                if previous_kind in ("", " "):
                    if out:
                        ends[-1] = end
                    continue
            elif previous_kind and previous_kind != " " and previous_kind != kind:
                out.append(SEPARATOR)  # a letter-digit change is a separator
                starts.append(start)
                ends.append(start)
            out.append(produced)
            starts.append(start)
            ends.append(end)
            previous_kind = kind
    while out and out[-1] == SEPARATOR:
        out.pop()
        starts.pop()
        ends.pop()
    return "".join(out), starts, ends


def tokens(text: str) -> list[str]:
    """The words of ``text`` after folding."""
    return fold(text).split()
