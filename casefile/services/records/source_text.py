"""A source's readable text: read from .txt, .html or .pdf files, and the
claims quoted from it (for highlighting in the reader)."""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from ...errors import CasefileError
from ...files import open_regular
from ...i18n import translate
from ...model import Claim
from ...store import Case

MAX_BYTES = 50 * 1024 * 1024  # a source text, not an evidence file


class _TextOnly(HTMLParser):
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "blockquote", "pre", "header", "footer", "table", "ul", "ol"}
    SKIP = {"script", "style", "head", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page: no tags, no scripts, paragraphs kept."""
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    text = re.sub(r"[ \t\r\f\v\xa0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def normalise(text: str) -> str:
    """One newline convention, so quote offsets mean the same everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def read_text_file(path: str | Path) -> str:
    path = Path(path)
    try:
        file, state = open_regular(path)
        with file:
            if state.st_size > MAX_BYTES:
                raise CasefileError(translate("Sources", "{name} is too large to read as a source text.").format(
                    name=path.name))
            suffix = path.suffix.lower()
            if suffix == ".pdf":
                return normalise(_pdf_text(file, path.name))
            raw = file.read()
    except OSError as error:
        raise CasefileError(translate("Sources", "cannot read {name}: {why}").format(
            name=path.name, why=error.strerror or error)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if suffix in (".html", ".htm", ".xhtml") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        text = html_to_text(text)
    return normalise(text)


def _pdf_text(file: BinaryIO, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise CasefileError(translate("Sources", "{name} is not a readable PDF ({why}).").format(
            name=name, why=error)) from None
    text = "\n\n".join(p for p in pages if p)
    if not text:
        raise CasefileError(translate("Sources", "{name} has no text to extract (a scanned PDF?).").format(
            name=name))
    return text


def quoted_claims(case: Case, source_id: int) -> list[tuple[int, str, int, int]]:
    """(claim id, code, start, end) of claims quoting this source's text."""
    with case.connection() as conn:
        rows = conn.execute(select(Claim.id, Claim.code, Claim.quote_start, Claim.quote_end)
                            .where(Claim.source_id == source_id, Claim.quote_start.is_not(None),
                                   Claim.quote_end.is_not(None))
                            .order_by(Claim.quote_start))
        return [(claim_id, code, start, end) for claim_id, code, start, end in rows
                if start is not None and end is not None]  # as the query asks: narrows the types


def _folded(char: str) -> str:
    """A character as the reader's Find compares it: without accents, case folded."""
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).casefold()


class TextSearch:
    """Finds what a documenter types in a source's text, ignoring case, accents and runs
    of white space: "policia  comunitaria" finds "Policía\ncomunitaria", so she can type
    what she reads without its accents or its line breaks. The text is folded once, when
    first searched (a source's text may be tens of megabytes)."""

    def __init__(self, text: str):
        self.text = text
        self._folded: str | None = None
        self._origin: list[int] | None = None  # each folded character's offset in ``text``; None: the same

    def _fold(self) -> str:
        if self._folded is None:
            if self.text.isascii():
                self._folded = self.text.lower()
            else:
                pieces, origin = [], []
                for index, char in enumerate(self.text):
                    piece = _folded(char) if not char.isascii() else char.lower()
                    pieces.append(piece)
                    origin.extend([index] * len(piece))
                self._folded, self._origin = "".join(pieces), origin
        return self._folded

    def find_all(self, query: str, limit: int = 10_000) -> list[tuple[int, int]]:
        """(start, end) Python offsets of the first ``limit`` places ``query`` occurs."""
        words = [_folded(word) for word in query.split()]
        if not any(words):
            return []
        folded = self._fold()
        origin = self._origin
        pattern = re.compile(r"\s+".join(re.escape(word) for word in words if word))
        found = []
        for match in pattern.finditer(folded):
            if origin is None:
                found.append(match.span())
            else:
                found.append((origin[match.start()], origin[match.end() - 1] + 1))
            if len(found) == limit:
                break
        return found
