"""Signed dossiers: a recipient can tell who issued the file and that it did not change."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from casefile.dossier import signing
from casefile.errors import CasefileError
from casefile.services import keys


def _pdf(text: str = "Dossier body") -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture
def key(tmp_path):
    return keys.create_key("a long passphrase here", "Ana Documenter", tmp_path / "keys")


def test_a_signed_pdf_names_its_signer_and_is_intact(key, tmp_path):
    signed = signing.sign_bytes(_pdf(), key, reason="Issued by the documenter")
    assert signed.startswith(_pdf()[:8]) and len(signed) > len(_pdf())
    assert PdfReader(io.BytesIO(signed)).pages[0].extract_text().strip() == "Dossier body"  # still a PDF
    [found] = signing.check(signed, key_folder=tmp_path / "keys")
    assert found.signer == "Ana Documenter"
    assert found.fingerprint == key.fingerprint
    assert found.intact and found.covers_whole_file
    assert found.trusted  # the documenter's own key


def test_a_changed_byte_breaks_the_signature(key, tmp_path):
    signed = bytearray(signing.sign_bytes(_pdf(), key, reason="r"))
    at = signed.find(b"Dossier body")
    signed[at] = ord("X")
    [found] = signing.check(bytes(signed), key_folder=tmp_path / "keys")
    assert not found.intact


def test_bytes_added_after_signing_are_seen(key, tmp_path):
    signed = signing.sign_bytes(_pdf(), key, reason="r")
    [found] = signing.check(signed + b"\n% appended\n", key_folder=tmp_path / "keys")
    assert found.intact and not found.covers_whole_file


def test_a_stranger_is_not_trusted_until_trusted(key, tmp_path):
    stranger = keys.create_key("another long passphrase", "Someone", tmp_path / "other")
    signed = signing.sign_bytes(_pdf(), stranger, reason="r")
    [found] = signing.check(signed, key_folder=tmp_path / "keys")
    assert found.intact and not found.trusted and found.fingerprint == stranger.fingerprint
    keys.trust(stranger.public_key, "Someone", tmp_path / "keys")
    assert signing.check(signed, key_folder=tmp_path / "keys")[0].trusted


def test_unsigned_and_unreadable_files(key, tmp_path):
    assert signing.check(_pdf(), key_folder=tmp_path / "keys") == []
    with pytest.raises(CasefileError, match="cannot read"):
        signing.check(b"not a pdf at all", key_folder=tmp_path / "keys")
