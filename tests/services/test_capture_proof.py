"""Capture apps' proof files (ProofMode, Tella) beside a file taken in: found,
checked over the stored bytes with a real OpenPGP key (GnuPG), kept beside the
original, recorded in custody, and a mismatch printed in the dossier.

The ProofMode bundle is made here as the app makes it: the media, its SHA-256
in the proof files' names, the sensor metadata as JSON and CSV, detached
ASCII-armoured signatures of the media and of the metadata, and the public key.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile

import pytest
from sqlalchemy import select

from casefile.dossier import write_dossier
from casefile.model import CustodyEvent, Evidence
from casefile.services import evidence, keys, records, verify
from casefile.services.evidence import capture
from casefile.services.handover import handover
from casefile.services.sample import create_demo_case
from tests.dossier.conftest import pdf_text

from .capture_samples import Phone, needs_gnupg, photo

pytestmark = needs_gnupg


@pytest.fixture
def phone(tmp_path) -> Phone:
    return Phone(tmp_path / "phone-gnupg")


def custody_of(case, code: str) -> list[CustodyEvent]:
    with case.Session() as s:
        item = s.scalar(select(Evidence).where(Evidence.code == code))
        return list(s.scalars(select(CustodyEvent).where(CustodyEvent.evidence_id == item.id)
                              .order_by(CustodyEvent.id)))


def proof_of(item: Evidence) -> dict | None:
    found = [p for p in capture.proofs(json.loads(item.extra_metadata)) if p["app"] != "C2PA"]
    return found[0] if found else None


def test_a_proofmode_capture_is_verified_on_intake_and_its_metadata_kept_beside_the_untouched_original(
        case, phone, tmp_path):
    data = photo(tmp_path)
    media = phone.share_proof(tmp_path / "shared", "IMG_20261120_140311.jpg", data)
    item = evidence.intake(case, media)

    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert evidence.read_all(case, item.code) == data  # nothing written into the original
    proof = proof_of(item)
    assert proof is not None
    assert proof["app"] == "ProofMode" and proof["verdict"] == "verified"
    assert proof["media_signature"] == proof["metadata_signature"] == "good"
    assert proof["signer"] == phone.fingerprint and proof["hash"] == "same"
    assert proof["metadata"]["Hardware"] == "FP4" and proof["created"] == "2026-11-20T14:03:11Z"
    assert f"{item.sha256}.asc" in proof["files"] and "pubkey.asc" in proof["files"]
    events = custody_of(case, item.code)
    assert [e.action for e in events] == ["acquired", "verified"]
    assert "signature verified" in events[1].details and phone.fingerprint in events[1].details
    assert events[1].sha256_observed == item.sha256
    assert evidence.warnings(item) == []
    assert verify.verify(case) == []


def test_a_tampered_proofmode_capture_is_taken_in_but_flagged_and_the_flag_reaches_the_dossier(
        case, phone, tmp_path):
    data = photo(tmp_path)
    media = phone.share_proof(tmp_path / "shared", "IMG_20261120_140311.jpg", data)
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 0x01  # one bit, after the phone signed it
    media.write_bytes(bytes(changed))

    item = evidence.intake(case, media)  # taken in all the same: the documenter decides

    proof = proof_of(item)
    assert proof is not None and proof["verdict"] == "mismatch"
    assert proof["hash"] == "differs" and proof["stated_sha256"] == hashlib.sha256(data).hexdigest()
    assert proof["media_signature"] == "bad"
    assert proof["metadata_signature"] == "good"  # the metadata itself is the phone's
    flagged = evidence.warnings(item)
    assert len(flagged) == 1 and "DOES NOT MATCH" in flagged[0] and "SHA-256" in flagged[0]
    assert "DOES NOT MATCH" in custody_of(case, item.code)[-1].details

    for profile in ("full", "partner"):
        out = tmp_path / f"{profile}.pdf"
        write_dossier(case, out, profile=profile)
        text = " ".join(pdf_text(out).split())
        assert "ProofMode: DOES NOT MATCH" in text, profile
        assert "signature does not hold over the file's bytes" in text, profile
        if profile == "partner":  # the phone's key names the phone: full dossiers only
            assert phone.fingerprint not in text


def test_metadata_signed_by_another_key_is_a_mismatch(case, phone, tmp_path):
    data = photo(tmp_path)
    media = phone.share_proof(tmp_path / "shared", "photo.jpg", data)
    sha = hashlib.sha256(data).hexdigest()
    other = Phone(tmp_path / "other-gnupg", "Someone else")
    other.sign(media.parent / f"{sha}.proof.json", media.parent / f"{sha}.proof.json.asc")
    # the proof's key is the phone's: the other key's signature cannot be checked against it
    proof = proof_of(evidence.intake(case, media))
    assert proof is not None and proof["verdict"] == "mismatch"
    assert proof["media_signature"] == "good" and proof["metadata_signature"] == "bad"


def test_a_proof_without_the_phones_key_is_recorded_as_not_checked(case, phone, tmp_path):
    media = phone.share_proof(tmp_path / "shared", "photo.jpg", photo(tmp_path))
    (media.parent / "pubkey.asc").unlink()
    item = evidence.intake(case, media)
    proof = proof_of(item)
    assert proof is not None and proof["verdict"] == "unchecked" and proof["hash"] == "same"
    assert "not checked" in custody_of(case, item.code)[-1].details
    assert evidence.warnings(item) == []


def test_a_tella_export_is_recognised_by_its_metadata_file_and_its_hash_compared(case, tmp_path):
    folder = tmp_path / "tella"
    folder.mkdir()
    data = b"RIFF....WAVEfmt " + os.urandom(2000)
    (folder / "interview.wav").write_bytes(data)
    (folder / "interview.wav.csv").write_text(
        "File path,File hash,File modified,Manufacturer,Location\n"
        f"/Tella/interview.wav,{hashlib.sha256(data).hexdigest()},2026-11-21 09:12,Samsung,17.55 -99.50\n")
    item = evidence.intake(case, folder / "interview.wav")
    proof = proof_of(item)
    assert proof is not None and proof["app"] == "Tella" and proof["verdict"] == "unsigned"
    assert proof["hash"] == "same" and proof["metadata"]["Manufacturer"] == "Samsung"
    assert "matches the stored bytes" in custody_of(case, item.code)[-1].details

    (folder / "other.wav").write_bytes(data + b"changed")
    (folder / "other.wav.csv").write_text(f"File path,File hash\n/Tella/other.wav,{hashlib.sha256(data).hexdigest()}\n")
    changed = evidence.intake(case, folder / "other.wav")
    assert proof_of(changed)["verdict"] == "mismatch"
    assert evidence.warnings(changed)


def test_files_without_proof_and_lookalike_files_are_left_alone(case, tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(photo(tmp_path))
    (folder / "photo.jpg.csv").write_text("name,age\nnot,metadata\n")  # a CSV, not an app's metadata
    (folder / "notes.proof.json").write_text("{not json")
    item = evidence.intake(case, folder / "photo.jpg")
    assert proof_of(item) is None
    assert [e.action for e in custody_of(case, item.code)] == ["acquired"]


def test_a_handover_says_which_capture_proofs_held_and_takes_a_verified_capture_time(phone, tmp_path, monkeypatch):
    monkeypatch.setenv("CASEFILE_KEY_DIR", str(tmp_path / "keys"))
    key = keys.load_or_create("handover passphrase", "Ana")
    case = create_demo_case(tmp_path / "sample.casefile")
    try:
        good = phone.share_proof(tmp_path / "good", "good.jpg", photo(tmp_path))
        bad = phone.share_proof(tmp_path / "bad", "bad.jpg", photo(tmp_path) + b"\0")
        bad.write_bytes(bad.read_bytes()[:-1])  # changed after it was signed
        codes = []
        for media in (good, bad):
            item = evidence.intake(case, media, link=("INC-0001", "supports"))
            records.update(case, "evidence", item.id, consent="publication")
            codes.append(item.code)
        out = tmp_path / "bag"
        handover(case, out, "CIDH", key)
    finally:
        case.close()
    verified, tampered = (json.loads((out / "data" / "items" / f"{code}.json").read_text()) for code in codes)
    assert verified["captured"] == {"time": "2026-11-20T14:03:11Z",
                                    "according_to": "verified: signed by ProofMode at capture"}
    assert verified["capture_proofs"][0]["verdict"] == "verified"
    assert verified["capture_proofs"][0]["signer"] == phone.fingerprint
    assert tampered["capture_proofs"][0]["verdict"] == "mismatch"
    assert tampered["captured"]["according_to"] != verified["captured"]["according_to"]
    assert any("SHA-256" in problem for problem in tampered["capture_proofs"][0]["problems"])


def test_without_gpgv_a_signed_capture_is_recorded_as_not_checked_and_says_why(case, phone, tmp_path, monkeypatch):
    media = phone.share_proof(tmp_path / "shared", "photo.jpg", photo(tmp_path))
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # a computer without GnuPG
    item = evidence.intake(case, media)
    proof = proof_of(item)
    assert proof is not None and proof["verdict"] == "unchecked" and proof["why_unchecked"] == "no verifier"
    assert "gpgv" in custody_of(case, item.code)[-1].details


def test_a_share_proof_zip_of_several_captures_is_checked_inside_without_unpacking(case, phone, tmp_path):
    shared = tmp_path / "shared"
    phone.share_proof(shared, "good.jpg", photo(tmp_path))
    bad = phone.share_proof(shared, "bad.jpg", photo(tmp_path) + b"\0\0")
    bad.write_bytes(bad.read_bytes()[:-1])  # changed after the phone signed it (and unlike good.jpg)
    archive = tmp_path / "proofmode-share.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(shared.iterdir()):
            z.write(path, f"proof/{path.name}")
    item = evidence.intake(case, archive)
    assert evidence.read_all(case, item.code) == archive.read_bytes()  # the archive as received
    found = {p["media"]: p for p in capture.proofs(json.loads(item.extra_metadata))}
    assert set(found) == {"proof/good.jpg", "proof/bad.jpg"}
    assert found["proof/good.jpg"]["verdict"] == "verified" and found["proof/good.jpg"]["signer"] == phone.fingerprint
    assert found["proof/bad.jpg"]["verdict"] == "mismatch" and found["proof/bad.jpg"]["hash"] == "differs"
    assert evidence.warnings(item) == [capture.summary(found["proof/bad.jpg"])]
    assert evidence.warnings(item)[0].startswith("ProofMode (proof/bad.jpg): DOES NOT MATCH")
    details = [e.details for e in custody_of(case, item.code) if e.action == "verified"]
    assert len(details) == 2 and any("(proof/good.jpg): signature verified" in d for d in details)


def test_a_capture_named_after_a_person_is_not_named_in_a_partner_dossier(case, phone, tmp_path):
    shared = tmp_path / "shared"
    named = phone.share_proof(shared, "Marisol Quintero testimony.jpg", photo(tmp_path) + b"\0\0")
    named.write_bytes(named.read_bytes()[:-1])  # changed after signing: the dossier speaks of it
    archive = tmp_path / "share.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(shared.iterdir()):
            z.write(path, path.name)
    evidence.intake(case, archive)
    texts = {}
    for profile in ("full", "partner"):
        out = tmp_path / f"{profile}.pdf"
        write_dossier(case, out, profile=profile)
        texts[profile] = " ".join(pdf_text(out).split())
    assert "DOES NOT MATCH" in texts["partner"] and "DOES NOT MATCH" in texts["full"]
    assert "Marisol" not in texts["partner"]
    assert "Marisol Quintero testimony.jpg" in texts["full"]
