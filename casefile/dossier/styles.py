"""Paragraph styles of the dossier.

Every text is in an embedded font (``fonts.py``: DejaVu Sans, subset, plus a
system font for Chinese, Japanese and Korean); the base-14 PDF fonts are never
used, being neither embedded nor more than Latin-1. Body text is 9 pt or more,
hashes 8 pt or more. Words too long for their line are hyphenated in the
dossier's language (Pyphen) before ReportLab would cut them anywhere.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

from .fonts import BOLD, BOLD_ITALIC, ITALIC, MONO, SANS, register_fonts

__all__ = ["BOLD", "BOLD_ITALIC", "ITALIC", "MONO", "SANS", "register_fonts", "stylesheet"]

# Pyphen dictionaries by dossier language.
HYPHENATION = {"en": "en_GB", "es": "es"}

INK = colors.HexColor("#1d2430")
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#5b6573")
RULE = colors.HexColor("#c8cfd8")
SHADE = colors.HexColor("#eef2f6")
MARK = colors.HexColor("#9b1c1c")


@cache
def stylesheet(lang: str = "en") -> StyleSheet1:
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle("Body", fontName=SANS, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4,
                          splitLongWords=1, hyphenationLang=HYPHENATION.get(lang, "en_GB"),
                          embeddedHyphenation=2, uriWasteReduce=0.3)  # 2: a word that starts a line too
    sheet.add(base)
    add = sheet.add
    add(ParagraphStyle("Small", parent=base, fontSize=9, leading=11.5, spaceAfter=0))
    add(ParagraphStyle("Cell", parent=base, fontSize=9, leading=11.5, spaceAfter=0))
    add(ParagraphStyle("CellHead", parent=base, fontName=BOLD, fontSize=9, leading=11.5, spaceAfter=0,
                       textColor=ACCENT))
    # Hashes: 8 pt or more, never hyphenated (grouped in eights by text.grouped, broken between groups).
    add(ParagraphStyle("Mono", parent=base, fontName=MONO, fontSize=8.5, leading=11, spaceAfter=0,
                       hyphenationLang=""))
    add(ParagraphStyle("MonoSmall", parent=base, fontName=MONO, fontSize=8, leading=10, spaceAfter=0,
                       hyphenationLang=""))
    add(ParagraphStyle("Quote", parent=base, fontName=ITALIC, leftIndent=12, textColor=MUTED))
    add(ParagraphStyle("Muted", parent=base, fontSize=9, leading=11.5, textColor=MUTED))
    add(ParagraphStyle("Continued", parent=base, fontName=BOLD, fontSize=9, leading=12, textColor=MUTED,
                       spaceAfter=4, hyphenationLang=""))
    add(ParagraphStyle("H1", parent=base, fontName=BOLD, fontSize=17, leading=21, textColor=ACCENT,
                       spaceBefore=0, spaceAfter=10, keepWithNext=1))
    add(ParagraphStyle("H2", parent=base, fontName=BOLD, fontSize=12.5, leading=16, textColor=ACCENT,
                       spaceBefore=12, spaceAfter=5, keepWithNext=1))
    add(ParagraphStyle("H3", parent=base, fontName=BOLD, fontSize=10, leading=13, textColor=INK,
                       spaceBefore=7, spaceAfter=3, keepWithNext=1))
    add(ParagraphStyle("ClaimHead", parent=base, fontName=BOLD, fontSize=9.5, leading=12.5, spaceBefore=5,
                       spaceAfter=1, keepWithNext=1))
    add(ParagraphStyle("CoverTitle", parent=base, fontName=BOLD, fontSize=26, leading=32, textColor=ACCENT,
                       spaceAfter=14))
    add(ParagraphStyle("CoverSub", parent=base, fontSize=13, leading=17, textColor=MUTED, spaceAfter=24))
    add(ParagraphStyle("Marking", parent=base, fontName=BOLD, fontSize=15, leading=19, textColor=MARK,
                       alignment=TA_CENTER, borderColor=MARK, borderWidth=1.2, borderPadding=8,
                       spaceBefore=10, spaceAfter=28))
    add(ParagraphStyle("TOC0", parent=base, fontName=BOLD, fontSize=10, leading=14, leftIndent=0,
                       firstLineIndent=0, spaceBefore=3))
    add(ParagraphStyle("TOC1", parent=base, fontSize=9, leading=11.5, leftIndent=14, firstLineIndent=0,
                       spaceAfter=0))
    return sheet
