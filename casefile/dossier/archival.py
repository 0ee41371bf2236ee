"""PDF/A-2b: what an archival dossier adds to the file ReportLab writes.

Every font is embedded already (``fonts.py``; the canvas never falls back on a
standard-14 font), images are opaque RGB JPEGs and nothing is transparent. For
PDF/A the file also carries XMP metadata that repeats the document
information (title, subject, creator tool, producer, dates) with a document
ID and the PDF/A identification (part 2, conformance B), and an sRGB output
intent, so "RGB" means one defined colour space. The sRGB ICC profile is made
by LittleCMS through Pillow: nothing is downloaded or shipped.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFArray, PDFCatalog, PDFDictionary, PDFName, PDFStream, PDFString

SRGB = "sRGB IEC61966-2.1"


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile, marked version 4.2 (ISO 15076-1, which PDF 1.7 cites):
    LittleCMS writes 4.4, the same format, and leaves the profile ID unset,
    so the version field may be set without recomputing anything."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    if data[84:100] == bytes(16):
        data[8:12] = bytes((4, 0x20, 0, 0))
    return bytes(data)


@dataclass(frozen=True)
class Archival:
    """What the XMP says: set once per dossier, so every pass writes the same."""

    title: str
    subject: str
    creator: str = "Casefile"
    producer: str = "Casefile"
    made: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    document_id: str = field(default_factory=lambda: f"uuid:{uuid.uuid4()}")

    def pdf_date(self) -> str:
        return self.made.strftime("D:%Y%m%d%H%M%S+00'00'")

    def xmp_date(self) -> str:
        return self.made.strftime("%Y-%m-%dT%H:%M:%S+00:00")

    def xmp(self) -> bytes:
        when = self.xmp_date()
        text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(self.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(self.subject)}</rdf:li></rdf:Alt></dc:description>
   <xmp:CreatorTool>{escape(self.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>{when}</xmp:CreateDate>
   <xmp:ModifyDate>{when}</xmp:ModifyDate>
   <xmp:MetadataDate>{when}</xmp:MetadataDate>
   <pdf:Producer>{escape(self.producer)}</pdf:Producer>
   <xmpMM:DocumentID>{self.document_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{self.document_id}</xmpMM:InstanceID>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
        return text.encode("utf-8")

    def apply(self, document) -> None:
        """Add the metadata stream and the output intent to a ReportLab PDFDocument's catalog."""
        # Uncompressed, with no Filter key (PDF/A): readable by any archive tool.
        metadata = PDFStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                             self.xmp(), filters=[])
        profile = PDFStream(PDFDictionary({"N": 3}), srgb_profile())
        intent = PDFDictionary({
            "Type": PDFName("OutputIntent"), "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString(SRGB), "Info": PDFString(SRGB),
            "RegistryName": PDFString("http://www.color.org"),
            "DestOutputProfile": document.Reference(profile)})
        catalog = document.Catalog
        catalog.Metadata = metadata
        catalog.OutputIntents = PDFArray([intent])
        # The catalog writes only the keys it knows; this one instance learns one more.
        catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]


def _stream_with_eol(self: PDFStream, document) -> bytes:
    """PDFStream.format, but with an end of line before ``endstream`` (not
    counted in /Length, as PDF asks and PDF/A requires) and no Filter key
    on a stream given no filters."""
    dictionary = PDFDictionary(self.dictionary.dict.copy())
    content = self.content
    if content is None:
        raise ValueError("stream content not set")
    filters = document.defaultStreamFilters if self.filters is None else self.filters
    if filters and "Filter" not in dictionary.dict:
        for codec in reversed(list(filters)):
            content = codec.encode(content)
        dictionary["Filter"] = PDFArray([PDFName(codec.pdfname) for codec in filters])
    content = document.encrypt.encode(content)
    data = pdfdoc.format(content, document)
    dictionary["Length"] = len(content)
    return pdfdoc.format(dictionary, document) + b"\nstream\n" + data + b"\nendstream\n"


@contextmanager
def streams_with_eol() -> Iterator[None]:
    """While a dossier is written out: ReportLab ends a stream's data with
    ``endstream`` directly (the data's own last byte then reads as its end
    of line). Only the writing of our own file, in our own process."""
    original = PDFStream.format
    PDFStream.format = _stream_with_eol
    try:
        yield
    finally:
        PDFStream.format = original
