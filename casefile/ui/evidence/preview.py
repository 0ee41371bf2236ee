"""In-app preview of evidence: images, PDFs and text, straight from the bytes
stored in the case. Nothing is written to disk, so an encrypted case never
leaves a plain copy in a temporary folder or a viewer's cache.

The bytes are read and images decoded in a worker thread (QImage, unlike
QPixmap, may be made off the UI thread); PDFs load from a QBuffer in memory.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QStackedWidget, QWidget

from ...services import evidence
from ..workers import ThreadJob, guarded

MAX_IMAGE_SIDE = 2048  # previews are scaled down while decoding: a 100 MP photo stays cheap
IMAGE_ALLOCATION_MB = 256  # Qt's guard against decompression bombs
TEXT_LIMIT = 2 << 20  # characters shown of a text file

TEXT_TYPES = ("text/", "application/json", "application/xml", "application/x-subrip")


def kind_of(media_type: str) -> str:
    """Which preview fits: image, pdf, text or none."""
    media_type = (media_type or "").lower()
    if media_type.startswith("image/"):
        return "image"
    if media_type == "application/pdf":
        return "pdf"
    if media_type.startswith(TEXT_TYPES) or media_type in TEXT_TYPES:
        return "text"
    return "none"


def decode_image(data: bytes, max_side: int = MAX_IMAGE_SIDE) -> QImage:
    """Decode image bytes, scaled to fit ``max_side``; a null QImage if the
    bytes are not an image Qt reads (or exceed the allocation limit)."""
    QImageReader.setAllocationLimit(IMAGE_ALLOCATION_MB)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # honour EXIF orientation, as a viewer would
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_side:
        reader.setScaledSize(size.scaled(QSize(max_side, max_side), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return image


def decode_text(data: bytes, limit: int = TEXT_LIMIT) -> str:
    for encoding in ("utf-8-sig", "utf-16") if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig",):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("utf-8", "replace")
    text = text.replace("\x00", "\ufffd")
    return text if len(text) <= limit else text[:limit] + "\n…"


def load_preview(case, code: str, media_type: str):
    """Worker-thread part: (kind, payload) with payload a QImage, bytes or str."""
    kind = kind_of(media_type)
    if kind == "none":
        return kind, None
    data = evidence.read_all(case, code)
    if kind == "image":
        return kind, decode_image(data)
    if kind == "text":
        return kind, decode_text(data)
    return kind, data


class EvidencePreview(QStackedWidget):
    """Shows one evidence item's content; ``shown`` says which kind appeared."""

    shown = Signal(str)  # image, pdf, text, message

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.case = None
        self._token = 0
        self._job: ThreadJob | None = None
        self._buffer: QBuffer | None = None

        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setAccessibleName(self.tr("Image preview"))
        self.image_area = QScrollArea(self)
        self.image_area.setWidget(self.image_label)
        self.image_area.setWidgetResizable(True)
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setAccessibleName(self.tr("PDF preview"))
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setAccessibleName(self.tr("Text preview"))
        for widget in (self.message, self.image_area, self.pdf_view, self.text_view):
            self.addWidget(widget)
        self.image = QImage()

    def show_evidence(self, case, code: str, media_type: str) -> None:
        """Start loading ``code``'s preview; earlier loads still running are ignored."""
        self.case = case
        self._token += 1
        token = self._token
        if kind_of(media_type) == "none":
            self._show_message(self.tr("No preview for this kind of file ({type}). Export the original to "
                                       "open it in another program.").format(type=media_type))
            return
        self._show_message(self.tr("Loading preview…"), emit=False)
        job = ThreadJob(lambda progress, cancelled: load_preview(case, code, media_type), self)
        job.succeeded.connect(guarded(self, partial(self._loaded, token)))
        job.failed.connect(guarded(self, partial(self._failed, token)))
        self._job = job
        job.start()

    def clear(self) -> None:
        """Drop everything shown (the lock calls this)."""
        self._token += 1
        self.case = None
        self.image = QImage()
        self.image_label.clear()
        self.text_view.clear()
        self._close_pdf()
        self._show_message("", emit=False)

    def _show_message(self, text: str, emit: bool = True) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)
        if emit:
            self.shown.emit("message")

    def _close_pdf(self) -> None:
        self.pdf_document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer = None

    def _failed(self, token: int, message: str) -> None:
        if token == self._token:  # else another item is shown by now
            self._show_message(message)

    def _loaded(self, token: int, result) -> None:
        if token != self._token:
            return
        kind, payload = result
        if kind == "image":
            if payload.isNull():
                self._show_message(self.tr("This image cannot be shown (damaged, or too large to decode safely)."))
                return
            self.image = payload
            self.image_label.setPixmap(QPixmap.fromImage(payload))
            self.setCurrentWidget(self.image_area)
        elif kind == "text":
            self.text_view.setPlainText(payload)
            self.setCurrentWidget(self.text_view)
        elif kind == "pdf":
            if not self._load_pdf(payload):
                self._show_message(self.tr("This PDF cannot be shown (damaged or protected)."))
                return
            self.setCurrentWidget(self.pdf_view)
        self.shown.emit(kind)

    def _load_pdf(self, data: bytes) -> bool:
        self._close_pdf()
        buffer = QBuffer(self)  # lives as long as the document reads from it
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.pdf_document.load(buffer)
        return self.pdf_document.status() == QPdfDocument.Status.Ready and self.pdf_document.pageCount() > 0

    def render_pdf_page(self, page: int = 0, size: QSize = QSize(200, 280)) -> QImage:
        """The given page as an image (used by tests and thumbnails of PDFs)."""
        return self.pdf_document.render(page, size)

