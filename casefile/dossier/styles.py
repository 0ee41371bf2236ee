"""Fonts and paragraph styles of the dossier.

DejaVu Sans is embedded (subset) so Spanish, Portuguese, French, Cyrillic,
Greek, Hebrew and Arabic text renders the same on every reader; the base-14
PDF fonts cover Latin-1 only.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource

SANS, BOLD, ITALIC, BOLD_ITALIC, MONO = "Dossier", "Dossier-Bold", "Dossier-Italic", "Dossier-BoldItalic", "DossierMono"

INK = colors.HexColor("#1d2430")
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#5b6573")
RULE = colors.HexColor("#c8cfd8")
SHADE = colors.HexColor("#eef2f6")
MARK = colors.HexColor("#9b1c1c")


@cache
def register_fonts() -> None:
    files = {SANS: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf",
             BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf", MONO: "DejaVuSansMono.ttf"}
    for name, filename in files.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


@cache
def stylesheet() -> StyleSheet1:
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle("Body", fontName=SANS, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4,
                          splitLongWords=1)
    sheet.add(base)
    add = sheet.add
    add(ParagraphStyle("Small", parent=base, fontSize=8, leading=10.5, spaceAfter=0))
    add(ParagraphStyle("Cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0))
    add(ParagraphStyle("CellHead", parent=base, fontName=BOLD, fontSize=8.5, leading=11, spaceAfter=0,
                       textColor=ACCENT))
    add(ParagraphStyle("Mono", parent=base, fontName=MONO, fontSize=7.5, leading=9.5, spaceAfter=0))
    add(ParagraphStyle("MonoSmall", parent=base, fontName=MONO, fontSize=6.5, leading=8.5, spaceAfter=0))
    add(ParagraphStyle("Quote", parent=base, fontName=ITALIC, leftIndent=12, textColor=MUTED))
    add(ParagraphStyle("Muted", parent=base, fontSize=8.5, leading=11, textColor=MUTED))
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
    add(ParagraphStyle("TOC1", parent=base, fontSize=8.5, leading=11, leftIndent=14, firstLineIndent=0,
                       spaceAfter=0))
    return sheet
