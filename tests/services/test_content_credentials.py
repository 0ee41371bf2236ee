"""C2PA manifests (Content Credentials) inside photos taken in: read with
c2pa-python from the stored bytes and validated; the result kept on the item
and in its custody, and a file changed after signing flagged up to the dossier."""

from __future__ import annotations

import json

from sqlalchemy import select

from casefile.dossier import write_dossier
from casefile.model import CustodyEvent
from casefile.services import evidence
from casefile.services.evidence import capture
from tests.dossier.conftest import pdf_text

from .capture_samples import content_credentials, needs_c2pa, photo

pytestmark = needs_c2pa


def manifest_of(item) -> dict | None:
    return json.loads(item.extra_metadata).get("c2pa")


def custody_details(case, item) -> list[str]:
    with case.Session() as s:
        return list(s.scalars(select(CustodyEvent.details).where(CustodyEvent.evidence_id == item.id)
                              .order_by(CustodyEvent.id)))


def test_a_photo_with_content_credentials_is_validated_on_intake(case, tmp_path):
    signed = content_credentials(photo(tmp_path))
    path = tmp_path / "signed.jpg"
    path.write_bytes(signed)
    item = evidence.intake(case, path)
    assert evidence.read_all(case, item.code) == signed
    found = manifest_of(item)
    assert found is not None and found["verdict"] == "verified" and found["state"] == "Valid"
    assert found["hash"] == "same" and "Test camera" in found["signer"] and found["generator"] == "Test camera"
    assert found["trusted"] is False  # a test authority: on no trust list
    assert "C2PA: signature verified over the stored bytes" in custody_details(case, item)[-1]
    assert evidence.warnings(item) == []


def test_a_photo_changed_after_signing_is_taken_in_and_flagged_in_the_dossier(case, tmp_path):
    signed = bytearray(content_credentials(photo(tmp_path)))
    signed[-200] ^= 0x01  # in the image data, after the manifest
    path = tmp_path / "changed.jpg"
    path.write_bytes(bytes(signed))
    item = evidence.intake(case, path)
    found = manifest_of(item)
    assert found is not None and found["verdict"] == "mismatch" and found["hash"] == "differs"
    assert capture.problems(found) == ["the file's bytes are not the ones its manifest signed"]
    assert evidence.warnings(item) == ["C2PA: DOES NOT MATCH: the file's bytes are not the ones its manifest signed"]
    out = tmp_path / "partner.pdf"
    write_dossier(case, out, profile="partner")
    assert "C2PA: DOES NOT MATCH" in " ".join(pdf_text(out).split())


def test_a_photo_without_a_manifest_has_none(case, tmp_path):
    path = tmp_path / "plain.jpg"
    path.write_bytes(photo(tmp_path))
    assert manifest_of(evidence.intake(case, path)) is None
