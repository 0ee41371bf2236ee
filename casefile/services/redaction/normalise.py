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
- decimal digits of any script read as ASCII digits.

``fold`` is the fast path (whole-string C operations) used to decide whether
a text holds anything at all; ``fold_mapped`` also returns, for each folded
character, the span of the original text it came from, so a match can be
replaced in the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SEPARATOR = " "
_ASCII_SEPARATORS = re.compile(r"[\W_]+", re.ASCII)
_DIGITS = re.compile(r"\d+")


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
    table[ord("_")] = SEPARATOR
    return table


def fold(text: str) -> str:
    """``text`` folded for comparison (see the module notes)."""
    if not text:
        return ""
    if text.isascii():  # the common case, without the per-character table
        folded = _ASCII_SEPARATORS.sub(SEPARATOR, text.lower())
    else:
        folded = unicodedata.normalize("NFKD", text.casefold()).translate(_table())
    if _DIGITS.search(folded):
        folded = _DIGITS.sub(r" \g<0> ", folded)  # a letter-digit change separates
    return SEPARATOR.join(folded.split())


def fold_mapped(text: str) -> tuple[str, list[int], list[int]]:
    """The folded text and, for each of its characters, the start and end
    offset in ``text`` of what it came from. Dropped characters (a combining
    accent after its letter, a zero-width space) are given to the character
    before them, so replacing a span takes them along."""
    table = _table()
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    previous_kind = ""  # "a" letter, "d" digit, " " separator
    for index, char in enumerate(text):
        piece = unicodedata.normalize("NFKD", char.casefold()).translate(table)
        if not piece:
            if ends:
                ends[-1] = index + 1
            continue
        for produced in piece:
            # isdecimal, as the fast path's \d: a circled digit (category No) is a letter here
            kind = " " if produced == SEPARATOR else ("d" if produced.isdecimal() else "a")
            if kind == " ":
                if previous_kind in ("", " "):
                    if out:
                        ends[-1] = index + 1
                    continue
            elif previous_kind and previous_kind != " " and previous_kind != kind:
                out.append(SEPARATOR)  # a letter-digit change is a separator
                starts.append(index)
                ends.append(index)
            out.append(produced)
            starts.append(index)
            ends.append(index + 1)
            previous_kind = kind
    while out and out[-1] == SEPARATOR:
        out.pop()
        starts.pop()
        ends.pop()
    return "".join(out), starts, ends


def tokens(text: str) -> list[str]:
    """The words of ``text`` after folding."""
    return fold(text).split()

