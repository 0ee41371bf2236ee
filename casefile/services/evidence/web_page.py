"""Saved web pages: what a browser's "Save page as" (HTML, MHTML) or a web
archiving tool (WARC) kept, read from the stored bytes: the page's address, when
it was saved, its title and its HTML (whose text a source's reader takes).

- **HTML**: the address from the browser's ``<!-- saved from url=(N)... -->``
  mark, SingleFile's ``url:`` and ``saved date:`` lines, or the page's own
  canonical link; no time unless the saver wrote one.
- **MHTML** (Chrome, Edge): a MIME archive; ``Snapshot-Content-Location`` is
  the address, ``Date`` the moment it was saved, the first HTML part the page.
- **WARC** (ISO 28500; Webrecorder, Browsertrix, wget, the Internet Archive),
  plain or gzipped: the first HTML response or resource record, with its
  ``WARC-Target-URI`` and ``WARC-Date``.
"""

from __future__ import annotations

import email
import email.policy
import gzip
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import BinaryIO

from ..records.source_text import html_to_text

HTML, MHTML, WARC = "text/html", "multipart/related", "application/warc"
PAGE_LIMIT = 64 << 20  # the page's own HTML, not its images
RECORD_LIMIT = 500  # a WARC's page comes among its first records; an archive of videos is not read through
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_SINGLEFILE_URL = re.compile(r"^\s*url:\s*(\S+)\s*$", re.MULTILINE)
_SINGLEFILE_DATE = re.compile(r"^\s*saved date:\s*(.+?)\s*$", re.MULTILINE)
_CANONICAL = re.compile(r"<link\b[^>]*\brel=[\"']?canonical[\"']?[^>]*>", re.IGNORECASE)
_OG_URL = re.compile(r"<meta\b[^>]*\bproperty=[\"']og:url[\"'][^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"\b(href|content)=[\"']([^\"']+)[\"']", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(rb"<meta\b[^>]*charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)


@dataclass
class SavedPage:
    kind: str  # "HTML", "MHTML" or "WARC"
    url: str
    saved_at: str | None  # UTC, ISO 8601, as the file says
    title: str
    html: str

    @property
    def text(self) -> str:
        return html_to_text(self.html)


def is_page(media_type: str) -> bool:
    return media_type.split(";")[0] in (HTML, MHTML, WARC)


def read(reader: BinaryIO, media_type: str) -> SavedPage | None:
    """The saved page in ``reader`` (of this sniffed type), or None if it holds none."""
    kind = media_type.split(";")[0]
    reader.seek(0)
    if kind == HTML:
        return _html(reader.read(PAGE_LIMIT))
    if kind == MHTML:
        return _mhtml(reader)
    if kind == WARC:
        return _warc(reader)
    return None


def _html(raw: bytes) -> SavedPage:
    page = _decode(raw)
    head = page[:20_000]  # where savers write their marks
    url = _first(_SAVED_FROM, head) or _first(_SINGLEFILE_URL, head) or _attribute(_CANONICAL, page) \
        or _attribute(_OG_URL, page)
    found = _SINGLEFILE_DATE.search(head)
    return SavedPage("HTML", url, _js_date(found.group(1)) if found else None, _title(page), page)


def _mhtml(reader: BinaryIO) -> SavedPage | None:
    message = email.message_from_binary_file(reader, policy=email.policy.default)
    location = str(message.get("Snapshot-Content-Location", "") or "")
    root = None
    for part in message.walk():
        if part.get_content_type() == "text/html":
            if root is None or str(part.get("Content-Location", "")) == location:
                root = part
                if location and str(part.get("Content-Location", "")) == location:
                    break
    if root is None:
        return None
    # The bytes, decoded as the part says, else as the page says (Chrome names no charset on the part)
    payload = root.get_payload(decode=True)
    html = _decode(payload if isinstance(payload, bytes) else b"", root.get_content_charset())
    return SavedPage("MHTML", location or str(root.get("Content-Location", "") or ""),
                     _mail_date(str(message.get("Date", "") or "")),
                     str(message.get("Subject", "") or "") or _title(html), html)


def _warc(reader: BinaryIO) -> SavedPage | None:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for number, record in enumerate(ArchiveIterator(reader)):
            if number == RECORD_LIMIT:
                return None
            if record.rec_type not in ("response", "resource"):
                continue
            headers = record.http_headers if record.rec_type == "response" else record.rec_headers
            if headers is None or "html" not in (headers.get_header("Content-Type") or "").lower():
                continue
            if record.http_headers is not None and not (record.http_headers.get_statuscode() or "").startswith("2"):
                continue
            html = _decode(record.content_stream().read(PAGE_LIMIT))
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            return SavedPage("WARC", url.strip("<>"), _iso(record.rec_headers.get_header("WARC-Date") or ""),
                             _title(html), html)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, gzip.BadGzipFile):
        return None
    except (AttributeError, KeyError, IndexError, TypeError):  # warcio trips on some damaged records
        return None
    return None


def _decode(raw: bytes, charset: str | None = None) -> str:
    declared = _CHARSET.search(raw[:4096])
    named = (charset,) if charset else (declared.group(1).decode("ascii"),) if declared else ()
    for charset in (*named, "utf-8-sig"):
        try:
            return raw.decode(charset)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("cp1252", errors="replace")


def _first(pattern: re.Pattern, text: str) -> str:
    found = pattern.search(text)
    return found.group(1) if found else ""


def _attribute(pattern: re.Pattern, text: str) -> str:
    tag = pattern.search(text)
    if tag is None:
        return ""
    value = _ATTR.search(tag.group(0))
    return value.group(2) if value else ""


def _title(html: str) -> str:
    found = _TITLE.search(html[:200_000])
    return " ".join(html_to_text(found.group(1)).split()) if found else ""


def _utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _mail_date(value: str) -> str | None:
    try:
        return _utc(parsedate_to_datetime(value)) if value else None
    except (TypeError, ValueError, IndexError):
        return None


def _iso(value: str) -> str | None:
    try:
        return _utc(datetime.fromisoformat(value.replace("Z", "+00:00"))) if value else None
    except ValueError:
        return None


def _js_date(value: str) -> str | None:
    """SingleFile writes the browser's Date: "Wed Dec 02 2026 10:00:00 GMT+0100 (hora estándar ...)"."""
    found = re.match(r"\w{3} (\w{3} \d{1,2} \d{4} \d{2}:\d{2}:\d{2}) GMT([+-]\d{4})", value)
    if found is None:
        return _iso(value)
    try:
        return _utc(datetime.strptime(f"{found.group(1)} {found.group(2)}", "%b %d %Y %H:%M:%S %z"))
    except ValueError:
        return None
