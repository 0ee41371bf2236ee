"""Handover to a court or UN mechanism: a BagIt bag the recipient checks with
standard tools, holding only what consent covers for that recipient, the
custody recorded, all or nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import bagit
import pytest
from followthemoney import model as ftm_model
from prov.model import ProvDocument
from sqlalchemy import select

from casefile.cli import main
from casefile.errors import CasefileError
from casefile.model import Actor, AuditEntry, CustodyEvent, Evidence, EvidenceLink, Incident
from casefile.services import keys, records
from casefile.services.evidence import intake
from casefile.services.handover import HandoverCancelled, handover
from casefile.services.sample import create_demo_case
from casefile.store import Case
from casefile.store.chunks import read_blob
from tests.dossier.conftest import pdf_text

PASSPHRASE = "handover key passphrase"
PROTECTED = "Marisol Quintero Ávila"
SAMPLE_WITNESS = "Rosa Ejemplo Ficticia"  # protected in the sample case, as "Witness A"


@pytest.fixture
def key(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEFILE_KEY_DIR", str(tmp_path / "keys"))
    monkeypatch.setenv(keys.ENV_PASSPHRASE, PASSPHRASE)
    return keys.load_or_create(PASSPHRASE, "Ana")


@pytest.fixture
def sample(tmp_path):
    case = create_demo_case(tmp_path / "sample.casefile")
    yield case
    case.close()


def _add(case: Case, tmp_path: Path, name: str, data: bytes, **consent) -> str:
    """An evidence item linked to the first incident, with this consent."""
    path = tmp_path / name
    path.write_bytes(data)
    taken = intake(case, path, link=("INC-0001", "supports"), origin=f"given by {SAMPLE_WITNESS}")
    if consent:
        records.update(case, "evidence", taken.id, **consent)
    return taken.code


def _validate(bag: Path) -> None:
    bagit.Bag(str(bag)).validate()


def test_a_handover_of_the_sample_case_validates_with_bagit_and_sha256sum(sample, key, tmp_path):
    out = tmp_path / "bag"
    result = handover(sample, out, "CIDH", key)
    _validate(out)
    if shutil.which("sha256sum"):
        done = subprocess.run(["sha256sum", "--quiet", "-c", "manifest-sha256.txt"], cwd=out, capture_output=True)
        assert done.returncode == 0, done.stdout + done.stderr
    assert result.items == 1 and result.left_out == []
    # the original, byte for byte, named by its code
    with sample.session() as s:
        item = s.scalars(select(Evidence)).one()
        original = b"".join(read_blob(s.connection(), item.sha256))
    assert (out / "data" / "evidence" / f"{item.code}.png").read_bytes() == original
    described = json.loads((out / "data" / "items" / f"{item.code}.json").read_text())
    assert described["sha256"] == hashlib.sha256(original).hexdigest() == item.sha256
    assert described["consent"]["agreed"] == "publication"
    assert described["intake"]["time"] and described["custody"][0]["action"] == "acquired"
    # the history head, signed by the documenter's key
    signed = (out / "data" / "history-head.json").read_bytes()
    assert keys.verify(key.public_key, signed, (out / "data" / "history-head.json.sig").read_bytes())
    assert json.loads(signed)["history_head"] == result.head
    assert keys.read_public_key(out / "data" / "documenter-key.pem") == key.public_key
    if shutil.which("openssl"):  # as the README tells a recipient to check it
        done = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "data/documenter-key.pem",
                               "-rawin", "-in", "data/history-head.json", "-sigfile", "data/history-head.json.sig"],
                              cwd=out, capture_output=True, text=True)
        assert done.returncode == 0 and "Verified" in done.stdout, done.stdout + done.stderr
    info = (out / "bag-info.txt").read_text()
    assert "Casefile-Recipient: CIDH" in info and f"Casefile-History-Head: {result.head}" in info
    # the custody log and the history say it went, and to whom
    with sample.session() as s:
        moved = s.scalars(select(CustodyEvent).where(CustodyEvent.action == "transferred")).all()
        assert [e.evidence_id for e in moved] == [item.id] and "CIDH" in moved[0].details
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "handover")).one()
        assert json.loads(entry.changes)["recipient"] == "CIDH"
    assert sample.attested_head()  # the case still verifies


def test_every_entity_validates_against_followthemoney_and_the_custody_loads_with_prov(sample, key, tmp_path):
    out = tmp_path / "bag"
    handover(sample, out, "CIDH", key)
    lines = (out / "data" / "entities.ftm.json").read_text(encoding="utf-8").splitlines()
    entities = [json.loads(line) for line in lines]
    ids = {e["id"] for e in entities}
    schemata = {e["schema"] for e in entities}
    assert {"Event", "Person", "Organization", "Address", "Article", "Image", "Documentation", "Note",
            "UnknownLink"} <= schemata, schemata
    for entity in entities:
        schema = ftm_model.get(entity["schema"])
        assert schema is not None and not schema.abstract, entity["schema"]
        for name, values in entity["properties"].items():
            prop = schema.get(name)
            assert prop is not None, (entity["schema"], name)
            for value in values:
                assert isinstance(value, str) and prop.type.clean(value) is not None, (entity["schema"], name, value)
                if prop.type.name == "entity":
                    assert value in ids, (entity["schema"], name, value)  # no dangling reference
                    assert ftm_model.get(next(e["schema"] for e in entities if e["id"] == value)).is_a(prop.range)
        proxy = ftm_model.get_proxy(entity, cleaned=False)  # the package's own reading
        assert proxy.schema.name == entity["schema"]

    document = ProvDocument.deserialize(out / "data" / "custody.prov.json", format="json")
    labels = {str(record.label) for record in document.get_records() if record.label}
    assert "EVI-0001" in labels and "handover" in labels
    assert document.get_records()  # activities, agents, relations read back


@pytest.mark.parametrize("where", ["data/evidence/EVI-0001.png", "data/dossier.pdf", "data/entities.ftm.json",
                                   "bag-info.txt"])
def test_one_flipped_byte_anywhere_fails_validation_and_names_the_file(sample, key, tmp_path, where):
    out = tmp_path / "bag"
    handover(sample, out, "CIDH", key)
    target = out / where
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    with pytest.raises(bagit.BagValidationError) as failed:
        _validate(out)
    assert Path(where).name in str(failed.value) + "".join(str(d) for d in failed.value.details)
    if shutil.which("sha256sum") and where.startswith("data/"):
        done = subprocess.run(["sha256sum", "--quiet", "-c", "manifest-sha256.txt"], cwd=out, capture_output=True,
                              text=True)
        assert done.returncode != 0 and where in done.stdout


def test_only_what_consent_covers_for_the_recipient_goes_and_the_rest_is_counted(sample, key, tmp_path):
    later = (date.today() + timedelta(days=30)).isoformat()
    earlier = (date.today() - timedelta(days=30)).isoformat()
    goes = {
        _add(sample, tmp_path, "named.jpg", b"named for the IIIM", consent="named", consent_to="ICC\nIIIM"),
        _add(sample, tmp_path, "any.jpg", b"any use", consent="publication"),
        _add(sample, tmp_path, "since.jpg", b"allowed since last month", consent="publication",
             consent_not_before=earlier),
    }
    stays = {
        _add(sample, tmp_path, "none.jpg", b"not to be used", consent="none"): "consent refused",
        _add(sample, tmp_path, "reports.jpg", b"reports only", consent="reports"): "reports only",
        _add(sample, tmp_path, "other.jpg", b"named for another", consent="named", consent_to="ICC"):
            "not among those named",
        _add(sample, tmp_path, "never.jpg", b"never to them", consent="publication",
             consent_not_to="iiim, Fiscalía"): "never to",
        _add(sample, tmp_path, "later.jpg", b"not yet", consent="publication", consent_not_before=later):
            "not to be shared before",
        _add(sample, tmp_path, "unrecorded.jpg", b"nobody asked"): "no consent recorded",
    }
    out = tmp_path / "bag"
    result = handover(sample, out, "  IIIM ", key)  # spacing aside, as named
    _validate(out)
    in_bag = {path.stem for path in (out / "data" / "evidence").iterdir()}
    assert goes <= in_bag and not (in_bag & set(stays))
    reasons = dict(result.left_out)
    for code, why in stays.items():
        assert why in reasons[code], (code, reasons.get(code))
    assert "SRC-0005" in reasons  # the witness named CIDH and CED only
    everything = b"".join(path.read_bytes() for path in out.rglob("*") if path.is_file())
    for code in stays:
        assert code.encode() not in everything  # not in the records, the custody or the dossier either
    text = pdf_text(out / "data" / "dossier.pdf")
    assert "consent does not cover" in text  # the withheld page counts them
    assert result.withheld["consent"] == len(stays) + 1
    # never a protected person's name, in any file (the originals here hold none)
    assert PROTECTED.encode() not in everything


def test_a_protected_name_in_an_item_s_words_leaves_as_the_pseudonym(sample, key, tmp_path):
    with sample.session() as s:
        witness = Actor(name=PROTECTED, category="person", protected=True, pseudonym="Witness R")
        s.add(witness)
        s.flush()
        actor_code = witness.code
        incident = s.scalars(select(Incident).where(Incident.code == "INC-0002")).one()
    code = _add(sample, tmp_path, "p.jpg", b"a photo", consent="publication",
                collected_by=f"{PROTECTED}'s cousin", note=f"{PROTECTED} handed it over")
    with sample.session() as s:
        ev = s.scalars(select(Evidence).where(Evidence.code == code)).one()
        s.add(EvidenceLink(evidence_id=ev.id, incident_id=incident.id, relation="context"))
        incident_id = incident.id
    records.create_link(sample, "incident_tag", incident_id=incident_id, tag=f"met {PROTECTED.upper()}")  # a tag too
    out = tmp_path / "bag"
    handover(sample, out, "CIDH", key)
    assert "met Witness R" in (out / "data" / "entities.ftm.json").read_text(encoding="utf-8")
    assert actor_code
    described = (out / "data" / "items" / f"{code}.json").read_text(encoding="utf-8")
    assert "Witness R" in described
    for path in out.rglob("*"):
        if path.is_file() and "evidence" not in path.parts:
            data = path.read_bytes()
            for part in (PROTECTED, "Marisol", "Quintero", "Rosa Ejemplo"):  # and the sample's own witness
                assert part.encode() not in data, (path, part)


def test_a_damaged_original_stops_the_handover_and_leaves_nothing(sample, key, tmp_path):
    with sample.session() as s:
        item = s.scalars(select(Evidence)).one()
        s.connection().exec_driver_sql(
            "UPDATE chunk SET data = X'00' WHERE sha256 IN (SELECT chunk_sha256 FROM blob_chunk WHERE blob_sha256 = ?)",
            (item.sha256,))
    out = tmp_path / "bag"
    with pytest.raises(CasefileError, match="EVI-0001"):
        handover(sample, out, "CIDH", key)
    assert list(tmp_path.glob("*bag*")) == []  # no bag, no half bag
    with sample.session() as s:
        assert not s.scalars(select(CustodyEvent).where(CustodyEvent.action == "transferred")).all()


def test_a_cancelled_handover_leaves_nothing(sample, key, tmp_path):
    for n in range(3):
        _add(sample, tmp_path, f"{n}.bin", bytes([n]) * 3_000_000, consent="publication")
    seen = []

    def cancelled() -> bool:
        return len(seen) > 1

    with pytest.raises(HandoverCancelled):
        handover(sample, tmp_path / "bag", "CIDH", key, progress=lambda done, total, what: seen.append(done),
                 cancelled=cancelled)
    assert list(tmp_path.glob("*bag*")) == []


def test_the_command_writes_the_bag_and_refuses_in_one_line(sample, key, tmp_path, capsys):
    path = sample.path
    sample.close()
    assert main(["handover", str(path), "-o", str(tmp_path / "bag"), "--for", "CIDH", "--incidents",
                 "INC-0001"]) == 0
    said = capsys.readouterr().out
    assert "wrote" in said and "CIDH" in said
    _validate(tmp_path / "bag")
    events = [json.loads(line) for line in
              (tmp_path / "bag" / "data" / "entities.ftm.json").read_text(encoding="utf-8").splitlines()]
    assert [e["properties"]["recordId"] for e in events if e["schema"] == "Event"] == [["INC-0001"]]
    for argv in (["-o", str(tmp_path / "bag"), "--for", "CIDH"],  # exists
                 ["-o", str(path), "--for", "CIDH"],  # the case itself
                 ["-o", str(tmp_path / "missing" / "bag"), "--for", "CIDH"],
                 ["-o", str(tmp_path / "b2"), "--for", "  "]):
        assert main(["handover", str(path), *argv]) == 1, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err, err
    assert not (tmp_path / "b2").exists() and path.is_file()
