"""Chain of custody, links, withdrawal, export checks and verification."""

from __future__ import annotations

import hashlib
import os

import pytest
from sqlalchemy import select

from casefile.errors import CasefileError
from casefile.model import AuditEntry, CustodyEvent, Evidence, EvidenceLink, Incident, Place, Source, utcnow
from casefile.services import evidence, verify
from casefile.store import Case, chunks

from .evidence_samples import jpeg_with_gps

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case


def custody_actions(case, code):
    with case.Session() as s:
        ev = s.scalar(select(Evidence).where(Evidence.code == code))
        return [(e.action, e.who, e.sha256_observed) for e in
                s.scalars(select(CustodyEvent).where(CustodyEvent.evidence_id == ev.id).order_by(CustodyEvent.id))]


@pytest.fixture
def records(case):
    with case.session() as s:
        s.add_all([Incident(title="Detención de policías comunitarios"), Source(title="La Jornada Guerrero"),
                   Place(name="El Pericón")])
    return case


def flip_one_byte(case, sha256: str, seq: int = 0) -> None:
    with case.connection() as conn:
        victim = conn.exec_driver_sql("SELECT chunk_sha256 FROM blob_chunk WHERE blob_sha256 = ? AND seq = ?",
                                      (sha256, seq)).scalar()
        data = bytearray(conn.exec_driver_sql("SELECT data FROM chunk WHERE sha256 = ?", (victim,)).scalar())
        data[len(data) // 2] ^= 0x40
        conn.exec_driver_sql("UPDATE chunk SET data = ? WHERE sha256 = ?", (bytes(data), victim))


def test_every_action_leaves_a_custody_event(records, tmp_path):
    case = records
    photo = jpeg_with_gps(tmp_path / "p.jpg")
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    item = evidence.intake(case, photo, link=("INC-0001", "depicts"))
    evidence.link(case, item.code, "SRC-0001", "supports", "published alongside the article")
    evidence.unlink(case, item.code, "SRC-0001")
    evidence.export_original(case, item.code, tmp_path / "out.jpg")
    evidence.verify_evidence(case)
    evidence.withdraw(case, item.code, "duplicate upload")
    evidence.reinstate(case, item.code)
    assert custody_actions(case, item.code) == [
        ("acquired", "Tester", sha), ("linked", "Tester", sha), ("linked", "Tester", sha),
        ("unlinked", "Tester", sha), ("exported", "Tester", sha), ("verified", "Tester", sha),
        ("withdrawn", "Tester", sha), ("reinstated", "Tester", sha)]
    with case.Session() as s:
        links = s.scalars(select(EvidenceLink)).all()
        assert [(link.relation, link.incident_id) for link in links] == [("depicts", 1)]
        audited = s.scalars(select(AuditEntry.record_kind).where(AuditEntry.record_kind == "custody_event")).all()
        assert len(audited) == 8  # custody events are also in the hash-chained history
        assert s.scalar(select(AuditEntry).where(AuditEntry.record_code == item.code,
                                                 AuditEntry.action == "create")) is not None
    assert verify.verify(case) == []


def test_link_rules(records, tmp_path):
    case = records
    (tmp_path / "a.txt").write_text("x")
    item = evidence.intake(case, tmp_path / "a.txt")
    with pytest.raises(CasefileError, match="relation must be one of"):
        evidence.link(case, item.code, "INC-0001", "proves")
    with pytest.raises(CasefileError, match="incidents, claims, sources and actors only"):
        evidence.link(case, item.code, "PLC-0001", "depicts")
    with pytest.raises(CasefileError, match="no record INC-0042"):
        evidence.link(case, item.code, "INC-0042", "depicts")
    with pytest.raises(CasefileError, match="no evidence EVI-0042"):
        evidence.link(case, "EVI-0042", "INC-0001", "depicts")
    evidence.link(case, item.code, "inc-0001", "context")
    with pytest.raises(CasefileError, match="already context INC-0001"):
        evidence.link(case, item.code, "INC-0001", "context")
    with pytest.raises(CasefileError, match="not linked to SRC-0001"):
        evidence.unlink(case, item.code, "SRC-0001")
    # A bad link target refuses the whole intake: nothing stored.
    with pytest.raises(CasefileError, match="INC-0042"):
        evidence.intake(case, tmp_path / "a.txt", link=("INC-0042", "depicts"))
    with case.Session() as s:
        assert s.scalar(select(Evidence.code).order_by(Evidence.id.desc())) == "EVI-0001"


def test_withdrawn_evidence_keeps_its_bytes(case, tmp_path):
    (tmp_path / "a.txt").write_text("testimony")
    item = evidence.intake(case, tmp_path / "a.txt")
    evidence.withdraw(case, item.code, "intake undone")
    assert evidence.get(case, item.code).withdrawn
    assert evidence.read_all(case, item.code) == b"testimony"
    with pytest.raises(CasefileError, match="already withdrawn"):
        evidence.withdraw(case, item.code)
    evidence.reinstate(case, item.code)
    with pytest.raises(CasefileError, match="not withdrawn"):
        evidence.reinstate(case, item.code)


def test_flipped_byte_is_found_by_verify_and_refused_by_export(case, tmp_path):
    (tmp_path / "big.bin").write_bytes(os.urandom(2 * chunks.CHUNK_SIZE + 10))
    jpeg_with_gps(tmp_path / "ok.jpg")
    bad = evidence.intake(case, tmp_path / "big.bin")
    good = evidence.intake(case, tmp_path / "ok.jpg")
    flip_one_byte(case, bad.sha256, seq=1)
    problems = verify.verify(case)
    assert [p.code for p in problems] == [bad.code]
    assert "first damaged chunk: 1" in problems[0].message and bad.sha256 in problems[0].message
    actions = custody_actions(case, bad.code)
    assert actions[-1][0] == "verified" and actions[-1][2] not in ("", bad.sha256)
    assert custody_actions(case, good.code)[-1] == ("verified", "Tester", good.sha256)

    with pytest.raises(CasefileError, match=f"{bad.code}: the stored bytes no longer match"):
        evidence.export_original(case, bad.code, tmp_path / "out.bin")
    assert not (tmp_path / "out.bin").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    assert [a for a, _, _ in custody_actions(case, bad.code)].count("exported") == 0


def test_missing_bytes_are_a_problem_only_after_an_intake(case, tmp_path):
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b.txt").write_text("two")
    lost = evidence.intake(case, tmp_path / "a.txt")
    set_aside = evidence.intake(case, tmp_path / "b.txt")
    evidence.withdraw(case, set_aside.code, "wrong file")
    with case.session() as s:  # metadata only, as a JSON import leaves it: fine
        s.add(Evidence(sha256="ab" * 32, size=3, original_name="elsewhere.jpg", intake_at=utcnow()))
    with case.connection() as conn:
        conn.exec_driver_sql("DELETE FROM blob WHERE sha256 IN (?, ?)", (lost.sha256, set_aside.sha256))
    problems = verify.verify(case)
    assert [(p.code, "missing" in p.message) for p in problems] == [(lost.code, True)]
    with pytest.raises(CasefileError, match="no stored bytes"):
        evidence.export_original(case, lost.code, tmp_path / "x")


def test_export_into_a_folder_and_bad_targets(case, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "statement.txt").write_text("declaración")
    item = evidence.intake(case, tmp_path / "in" / "statement.txt")
    out = evidence.export_original(case, item.code, tmp_path)
    assert out == tmp_path / "statement.txt" and out.read_text() == "declaración"
    out.write_text("stale")  # exporting again replaces the file atomically, when asked to
    with pytest.raises(CasefileError, match="already exists"):
        evidence.export_original(case, item.code, out)
    assert evidence.export_original(case, item.code, out, force=True).read_text() == "declaración"
    with pytest.raises(CasefileError, match="does not exist"):
        evidence.export_original(case, item.code, tmp_path / "no" / "such" / "dir" / "f.txt")


def test_encrypted_case_stores_and_verifies_evidence(tmp_path):
    photo = jpeg_with_gps(tmp_path / "secret.jpg")
    with Case.create(tmp_path / "enc.casefile", "Enc", documenter="Ana", passphrase="correct horse") as case:
        item = evidence.intake(case, photo)
        assert evidence.thumbnail(case, item.code)
        assert evidence.export_original(case, item.code, tmp_path / "o.jpg").read_bytes() == photo.read_bytes()
        assert verify.verify(case) == []
    raw = (tmp_path / "enc.casefile").read_bytes()
    assert b"Canon" not in raw and photo.read_bytes()[:64] not in raw


@pytest.mark.parametrize("stored_name, expected", [
    ("../../etc/passwd", "passwd"), ("..", "EVI-0001"), ("", "EVI-0001"), ("C:\\Users\\x\\foto.jpg", "foto.jpg"),
])
def test_export_into_a_folder_never_follows_a_path_in_the_record(case, tmp_path, stored_name, expected):
    (tmp_path / "a.txt").write_text("x")
    item = evidence.intake(case, tmp_path / "a.txt")
    with case.session() as s:  # as a hostile JSON import could have recorded it
        s.get(Evidence, item.id).original_name = stored_name
    (tmp_path / "out").mkdir()
    assert evidence.export_original(case, item.code, tmp_path / "out") == tmp_path / "out" / expected
