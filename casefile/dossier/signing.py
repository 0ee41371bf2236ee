"""Dossiers signed by their documenter: PAdES, through pyHanko.

A recipient must be able to tell who issued a dossier and that not one byte
changed since, with tools they already have: any PDF reader that shows
signatures (Adobe Acrobat Reader, Okular) or ``pyhanko sign validate``, and
``casefile check-signature FILE``. The signature is an incremental update
appended to the finished PDF (PAdES baseline B, ``ETSI.CAdES.detached``), so
an archival PDF/A-2b file stays PDF/A-2b.

The key is the documenter's own Ed25519 key (``services.keys``), the one that
signs bundles; its certificate is self-signed, so trust comes from the
fingerprint (read out on a call, printed on the cover), not from a
certificate authority: ``check`` says whether the signer is among the
documenter's trusted keys.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from ..errors import CasefileError
from ..i18n import translate
from ..services import keys

FIELD = "CasefileDocumenter"


@dataclass(frozen=True)
class Signature:
    """One signature found in a PDF, as a recipient needs to read it."""

    signer: str  # the name in its certificate
    fingerprint: str  # of the signing key, as ``casefile key`` shows it
    intact: bool  # the bytes it covers are the ones signed
    covers_whole_file: bool  # nothing was added after it
    trusted: bool  # the key is among this documenter's trusted keys (or is their own)
    signed_at: datetime | None


def sign_stream(stream: BinaryIO, key: keys.DocumenterKey, *, reason: str, location: str = "") -> None:
    """Sign the finished PDF in ``stream`` (readable, writable, seekable), in
    place: the signature is appended as an incremental update."""
    signer = signers.SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(key.certificate().public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key.private_key().private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())),
        cert_registry=SimpleCertificateStore())  # self-signed: no chain to carry
    meta = signers.PdfSignatureMetadata(field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES,
                                        reason=reason, location=location or None, name=key.name or None)
    stream.seek(0)
    writer = IncrementalPdfFileWriter(stream, strict=False)
    signers.sign_pdf(writer, meta, signer=signer, in_place=True)


def sign_bytes(data: bytes, key: keys.DocumenterKey, *, reason: str, location: str = "") -> bytes:
    buffer = io.BytesIO(data)
    sign_stream(buffer, key, reason=reason, location=location)
    return buffer.getvalue()


def check(data: bytes, *, key_folder=None) -> list[Signature]:
    """Every signature in the PDF ``data``, checked. An unreadable file is
    one clear error; a file without signatures gives an empty list."""
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception as e:  # pyHanko raises several kinds on a damaged or non-PDF file
        raise CasefileError(translate("Signing", "cannot read the PDF's signatures: {why}").format(
            why=str(e).splitlines()[0] if str(e) else type(e).__name__)) from None
    out = []
    for sig in embedded:
        cert = sig.signer_cert
        raw = x509.load_der_x509_certificate(cert.dump()).public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=[cert]))
        coverage = status.coverage
        whole = coverage is not None and coverage.name == "ENTIRE_FILE"
        own = keys.own_public_key(key_folder) == raw
        out.append(Signature(
            signer=str(cert.subject.native.get("common_name", "")), fingerprint=keys.fingerprint(raw),
            intact=bool(status.intact and status.valid), covers_whole_file=whole,
            trusted=own or keys.is_trusted(raw, key_folder), signed_at=sig.self_reported_timestamp))
    return out

