"""Fonts the dossier embeds.

DejaVu Sans ships with Casefile and draws Latin, Greek, Cyrillic, Hebrew and
Arabic. Chinese, Japanese and Korean need a font of many megabytes, too big to
ship: one is looked for on the computer (a list of known paths, then
fontconfig's ``fc-match``), and ReportLab embeds only the glyphs a dossier
uses. Text goes to ReportLab in runs: whatever DejaVu Sans lacks is marked to
be drawn in that font. Without one, those characters print as empty boxes and
the build says so in one line (``missing()``), never fails.

Only TrueType outlines can be embedded by ReportLab (not the CFF outlines of
Noto CJK), so WenQuanYi Zen Hei (Debian ``fonts-wqy-zenhei``) is the one we
look for first.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ..resources import resource

SANS, BOLD, ITALIC, BOLD_ITALIC, MONO = "Dossier", "Dossier-Bold", "Dossier-Italic", "Dossier-BoldItalic", "DossierMono"
FALLBACK = "DossierCJK"

FILES = {SANS: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf",
         BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf", MONO: "DejaVuSansMono.ttf"}

# (path, index in a collection): TrueType-outline fonts covering CJK, most complete first.
CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("C:/Windows/Fonts/msgothic.ttc", 0),
)
ENV = "CASEFILE_CJK_FONT"  # a path (or "none"), to choose the font or to test without one

_missing: list[int] = [0]  # characters drawn with no glyph since the last reset()


def _true_widths(font: TTFont) -> TTFont:
    """ReportLab keeps the advance of each glyph past a font's last full
    horizontal metric already scaled to 1/1000 em, and writes that into the
    embedded subset as if in font units: every such glyph (every glyph but
    one of DejaVu Sans Mono) then has a width in the font that disagrees
    with the PDF's, which PDF/A forbids. Put back the advance in font units."""
    metrics = font.face.hmetrics
    last = None
    for n, (advance, lsb) in enumerate(metrics):
        if isinstance(advance, int):
            last = advance
        elif last is not None:
            metrics[n] = (last, lsb)
    return font


@cache
def register_fonts() -> None:
    for name, filename in FILES.items():
        pdfmetrics.registerFont(_true_widths(TTFont(name, str(resource("fonts", filename)))))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


def _fc_match() -> list[tuple[str, int]]:
    """What fontconfig offers for Chinese, Japanese and Korean (TrueType files only)."""
    if shutil.which("fc-match") is None:
        return []
    found: list[tuple[str, int]] = []
    for lang in ("zh-cn", "ja", "ko"):
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}|%{index}\n", f":lang={lang}:fontformat=TrueType"],
                                 capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            return found
        for line in out.splitlines():
            path, _, index = line.partition("|")
            if path and index.isdigit() and (path, int(index)) not in found:
                found.append((path, int(index)))
    return found


def _covers_cjk(font: TTFont) -> bool:
    cmap = font.face.charToGlyph
    return all(code in cmap for code in (0x4E2D, 0x6587))  # 中文


@cache
def fallback_font() -> str | None:
    """The registered name of a font for what DejaVu Sans lacks, or None."""
    chosen = os.environ.get(ENV, "").strip()
    if chosen.lower() == "none":
        return None
    candidates = [(chosen, 0)] if chosen else [*CANDIDATES, *_fc_match()]
    for path, index in candidates:
        if not Path(path).is_file():
            continue
        try:
            font = TTFont(FALLBACK, path, subfontIndex=index)
        except (TTFError, OSError, ValueError, KeyError):  # CFF outlines, a damaged file
            continue
        if not _covers_cjk(font):
            continue
        pdfmetrics.registerFont(_true_widths(font))
        # No bold or italic cut: <b> and <i> around such text keep this one.
        pdfmetrics.registerFontFamily(FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK,
                                      boldItalic=FALLBACK)
        return FALLBACK
    return None


@cache
def _covered() -> frozenset[int]:
    register_fonts()
    face = pdfmetrics.getFont(SANS).face
    return frozenset(face.charToGlyph)


@cache
def _uncovered_runs() -> re.Pattern[str]:
    """Runs of printable characters that DejaVu Sans has no glyph for: the
    gaps between what it covers, spaces and surrogates, found from those few
    thousand code points rather than by testing all 1.1 million."""
    inside = sorted({*_covered(), *_SPACES, *_SURROGATES})
    ranges: list[str] = []
    start = 0x20
    for code in inside:
        if code > start:
            ranges.append(_range(start, code - 1))
        start = max(start, code + 1)
    if start <= 0x10FFFF:
        ranges.append(_range(start, 0x10FFFF))
    return re.compile(f"[{''.join(ranges)}]+")


#: What ``str.isspace`` takes (the last is U+3000, the ideographic space).
_SPACES = frozenset(code for code in range(0x3001) if chr(code).isspace())
_SURROGATES = range(0xD800, 0xE000)  # never text of their own


def _range(first: int, last: int) -> str:
    return re.escape(chr(first)) if first == last else f"{re.escape(chr(first))}-{re.escape(chr(last))}"


def with_fallback(markup: str) -> str:
    """Paragraph markup with every run DejaVu Sans cannot draw put in the
    fallback font (where there is one, and where it has the glyphs)."""
    if markup.isascii():
        return markup
    pattern = _uncovered_runs()
    if not pattern.search(markup):
        return markup
    name = fallback_font()
    if name is None:
        _missing[0] += sum(len(m.group(0)) for m in pattern.finditer(markup))
        return markup
    cmap = pdfmetrics.getFont(name).face.charToGlyph

    def wrap(match: re.Match[str]) -> str:
        run = match.group(0)
        _missing[0] += sum(1 for ch in run if ord(ch) not in cmap)
        return f'<font face="{name}">{run}</font>'

    return pattern.sub(wrap, markup)


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """Plain ``text`` as (piece, font name) runs, for drawing on a canvas."""
    if text.isascii() or not _uncovered_runs().search(text):
        return [(text, font)]
    name = fallback_font()
    if name is None:
        _missing[0] += sum(len(m.group(0)) for m in _uncovered_runs().finditer(text))
        return [(text, font)]
    out: list[tuple[str, str]] = []
    at = 0
    for match in _uncovered_runs().finditer(text):
        if match.start() > at:
            out.append((text[at:match.start()], font))
        out.append((match.group(0), name))
        at = match.end()
    if at < len(text):
        out.append((text[at:], font))
    return out


def reset() -> None:
    _missing[0] = 0


def missing() -> int:
    """How many characters were drawn with no glyph since reset()."""
    return _missing[0]
