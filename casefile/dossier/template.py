"""Page furniture of the dossier: the document template (outline, contents,
progress), a canvas that knows the page count ("Page X of Y"), and the small
flowables the story needs.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Paragraph, Spacer
from reportlab.platypus.doctemplate import ActionFlowable

from .archival import Archival, streams_with_eol
from .fonts import runs
from .styles import BOLD, BOLD_ITALIC, ITALIC, MARK, MONO, MUTED, RULE, SANS, register_fonts, stylesheet
from .text import HEAD_CHARS, escaped, head_line, one_line

MARGIN = 20 * mm


class Text(Paragraph):
    """A Paragraph that forgets its line breaking once drawn or split.
    ReportLab keeps the broken lines on the object, and the story holds every
    paragraph until the end (the contents take extra passes), so a long
    dossier used to hold all its lines, word by word, at once."""

    def split(self, available_width, available_height):
        parts = super().split(available_width, available_height)
        self.__dict__.pop("blPara", None)  # wrap() breaks the lines afresh before any use
        return parts

    def draw(self):
        super().draw()
        self.__dict__.pop("blPara", None)


class Heading(Text):
    """A heading that is also an outline entry and (optionally) a contents line.
    ``text`` is plain user text: it is made one line of at most HEAD_CHARS
    characters (the caller prints a longer text in full below) and escaped
    here, once. A heading too long for the rest of a page splits; only its
    first part carries the entry."""

    def __init__(self, text: str | None, style, bulletText=None, frags=None, *, level: int = 0,  # noqa: N803
                 key: str | None = None, toc: bool = True, **kwargs):
        shown = head_line(text) if frags is None else ""
        super().__init__(escaped(shown) if frags is None else text, style, bulletText=bulletText, frags=frags,
                         **kwargs)
        self.outline_title = shown
        self.level = level
        self.key = key
        self.toc = toc
        self.top: float | None = None  # where it was drawn, from the page's foot (for its destination)

    def draw(self):
        self.top = self.canv.absolutePosition(0, self.height)[1]
        super().draw()

    def split(self, available_width, available_height):
        parts = super().split(available_width, available_height)
        for n, part in enumerate(parts):
            if isinstance(part, Heading):
                part.outline_title, part.level, part.toc = self.outline_title, self.level, self.toc
                part.key = self.key if n == 0 else None
        return parts


class Picture(Flowable):
    """An image drawn from a shared ImageReader, so its pixels are decoded once
    for every place (and every layout pass) it appears in."""

    def __init__(self, reader, width: float, height: float):
        super().__init__()
        self.reader = reader
        self.width, self.height = width, height

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height)


class Cancelled(Exception):
    """Raised from inside the layout when the caller asks to stop."""


class _PlainInfo(PDFInfo):
    """Document information without Author or Keywords: a dossier must not
    carry the name of whoever made it, nor anything about their machine."""

    dated: str = ""  # PDF/A: the creation date its XMP metadata repeats

    def format(self, document):
        info = {
            "Title": PDFString(self.title), "Subject": PDFString(self.subject),
            "Creator": PDFString(self.creator), "Producer": PDFString(self.producer),
            "Trapped": PDFName(self.trapped),
        }
        if self.dated:  # PDF/A: dates as in the XMP; Trapped not said (PDF/A-1 has no XMP property for it)
            info["CreationDate"] = info["ModDate"] = PDFString(self.dated)
            del info["Trapped"]
        return PDFDictionary(info).format(document)


STANDARD_FONTS = {
    **{name: SANS for name in ("Helvetica", "Times-Roman", "Symbol", "ZapfDingbats")},
    **{name: BOLD for name in ("Helvetica-Bold", "Times-Bold")},
    **{name: ITALIC for name in ("Helvetica-Oblique", "Times-Italic")},
    **{name: BOLD_ITALIC for name in ("Helvetica-BoldOblique", "Times-BoldItalic")},
    **{name: MONO for name in ("Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique")},
}


class NumberedCanvas(Canvas):
    """Holds every page until the end, then stamps "Page X of Y" on each."""

    def __init__(self, *args, page_label: str = "Page {page} of {pages}", archival: Archival | None = None,
                 **kwargs):
        super().__init__(*args, **kwargs)
        info = _PlainInfo()
        info.__dict__.update(self._doc.info.__dict__)
        self._doc.info = info
        self._archival = archival
        if archival is not None:
            info.dated = archival.pdf_date()
        self._page_label = page_label
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def setFont(self, psfontname, size, leading=None):  # noqa: N802 - ReportLab's name
        # ReportLab falls back on standard-14 fonts (a table's plain string
        # cells, list bullets); those are never embedded, nor do they cover
        # more than Latin-1: draw them in ours.
        super().setFont(STANDARD_FONTS.get(psfontname, psfontname), size, leading)

    def bookmarkPage(self, key, fit="Fit", left=None, top=None, bottom=None, right=None, zoom=None):  # noqa: N802
        """A destination on the page being drawn. The document names a page
        by how many it has been given, and this canvas gives it none until
        save(): without this every destination would be page 1."""
        doc = self._doc
        given = doc.pageCounter
        doc.pageCounter = given + len(self._pages)
        try:
            return super().bookmarkPage(key, fit=fit, left=left, top=top, bottom=bottom, right=right, zoom=zoom)
        finally:
            doc.pageCounter = given

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(SANS, 8)
            self.setFillColor(MUTED)
            self.drawRightString(A4[0] - MARGIN, 10 * mm,
                                 self._page_label.format(page=self._pageNumber, pages=total))
            super().showPage()
        self._pages = []
        if self._archival is not None:
            self._archival.apply(self._doc)
        with streams_with_eol():
            super().save()

    def linkRect(self, contents, destinationname, Rect=None, addtopage=1, name=None, relative=1,  # noqa: N802, N803
                 thickness=0, color=None, dashArray=None, **kw):  # noqa: N803
        kw.setdefault("F", 4)  # printable, as PDF/A asks of every annotation
        return super().linkRect(contents, destinationname, Rect, addtopage, name, relative, thickness, color,
                                dashArray, **kw)


def _heading_next(queue: list) -> bool:
    """Whether a section or incident heading is what comes next (past
    spacers, page-break conditions and keep-together wrappers)."""
    for flowable in queue[:4]:
        while getattr(flowable, "_content", None):
            flowable = flowable._content[0]
        if isinstance(flowable, Heading):
            return True
        if not isinstance(flowable, (Spacer, ActionFlowable)):
            return False
    return False


def draw_right(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Right-aligned plain text, each run in a font that has its glyphs."""
    parts = runs(text, font)
    x -= sum(stringWidth(piece, name, size) for piece, name in parts)
    for piece, name in parts:
        canvas.setFont(name, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, name, size)


def keep(flowables: list) -> list:
    """A block that must not be parted from its heading (a claim under its
    code and summary): kept on one page when it fits on one; a longer one
    still starts on the page its heading is on."""
    return [KeepTogether(flowables)] if flowables else []


class DossierTemplate(BaseDocTemplate):
    """A4, a cover page, then body pages with the marking at top and bottom."""

    def __init__(self, filename, *, marking: str, header: str, page_label: str, title: str, subject: str,
                 on_flowable: Callable[[int], None] | None = None, continued: str = "{heading} (continued)",
                 pdfa: bool = False):
        title = title if len(title) <= 4 * HEAD_CHARS else title[:4 * HEAD_CHARS - 1] + "\u2026"
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + 4 * mm,
                         bottomMargin=MARGIN, title=title, subject=subject, author="", creator="Casefile",
                         producer="Casefile", keywords=[])
        self.marking = marking
        # Measured once here, not on every page: the title may be any length.
        register_fonts()
        width = A4[0]
        short = header[:HEAD_CHARS]
        self.header = header if len(header) <= HEAD_CHARS and stringWidth(short, SANS, 8) < width / 2 \
            else header[:60] + "\u2026"
        self.continued = continued
        self._section: list[str] = []  # the headings the text is in: [section, incident]
        self._fresh = True  # the page was begun by a page break: it starts a section
        self._queue: list = []
        self._on_flowable = on_flowable
        self._flowables = 0
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("cover", [frame], onPage=self._furniture),
                               PageTemplate("body", [frame], onPage=self._furniture)])
        self._page_label = page_label
        self.archival = Archival(title=one_line(title), subject=one_line(subject)) if pdfa else None

    def build(self, flowables, **kwargs):
        self._flowables = 0
        self._section, self._fresh = [], True
        kwargs.setdefault("canvasmaker", self._canvas)
        return super().build(flowables, **kwargs)

    def _canvas(self, *args, **kwargs):
        # Text drawn before any setFont (and each page's preamble) is in our embedded
        # font: the canvas's default, Helvetica, is a standard-14 font never embedded.
        kwargs["initialFontName"] = SANS
        return NumberedCanvas(*args, page_label=self._page_label, archival=self.archival, **kwargs)

    def _furniture(self, canvas, doc):
        """The marking on every page (the page number comes from the canvas)."""
        canvas.saveState()
        width, height = A4
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, height - MARGIN + 1 * mm, width - MARGIN, height - MARGIN + 1 * mm)
        canvas.line(MARGIN, 14 * mm, width - MARGIN, 14 * mm)
        canvas.setFont(BOLD, 8)
        canvas.setFillColor(MARK)
        canvas.drawString(MARGIN, height - MARGIN + 3 * mm, self.marking)
        canvas.drawString(MARGIN, 10 * mm, self.marking)
        canvas.setFillColor(MUTED)
        draw_right(canvas, width - MARGIN, height - MARGIN + 3 * mm, self.header, SANS, 8)
        canvas.restoreState()

    # -- a section continued on a new page repeats its heading ----------------------

    def handle_flowable(self, flowables):
        if flowables is not self._hanging:
            self._queue = flowables  # to see, at a page's top, whether a heading comes next
        return super().handle_flowable(flowables)

    def handle_pageBreak(self, slow=None):  # noqa: N802 - ReportLab's name
        self._fresh = True
        return super().handle_pageBreak(slow)

    def handle_frameBegin(self, resume=0, pageTopFlowables=None):  # noqa: N802 - ReportLab's name
        super().handle_frameBegin(resume, pageTopFlowables)
        fresh, self._fresh = self._fresh, False
        if fresh or not self._section or _heading_next(self._queue):
            return
        heading = self.continued.format(heading=self._section[-1])
        self._hanging.append(Text(escaped(heading), stylesheet()["Continued"]))

    def afterFlowable(self, flowable):  # noqa: N802 - ReportLab's name
        if isinstance(flowable, Heading) and flowable.outline_title:
            self._section = self._section[:flowable.level] + [flowable.outline_title]
        if isinstance(flowable, Heading) and flowable.key:
            # Land on the heading itself, not only on its page.
            top = None if flowable.top is None else flowable.top + 4 * mm
            self.canv.bookmarkPage(flowable.key, fit="XYZ", top=top)
            self.canv.addOutlineEntry(flowable.outline_title, flowable.key, level=flowable.level)
            if flowable.toc:
                self.notify("TOCEntry", (flowable.level, escaped(flowable.outline_title), self.page,
                                         flowable.key))
        self._flowables += 1
        if self._on_flowable is not None:
            self._on_flowable(self._flowables)
