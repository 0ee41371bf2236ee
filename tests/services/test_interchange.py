"""Interchange JSON: export -> import -> export is lossless and deterministic."""

from __future__ import annotations

import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from sqlalchemy import func, select

from casefile.model import Actor, AuditEntry, CustodyEvent, Evidence, Incident
from casefile.services.interchange import RECORD_SECTIONS, schema
from casefile.services.interchange.export import build_document, dumps, export_json
from casefile.services.interchange.importer import import_json
from casefile.services.records.search import search
from casefile.services.sample import sample_path
from casefile.store import Case

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case

COMPARED = ("vocabularies", *RECORD_SECTIONS, "evidence_links")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """One empty case made once; tests copy it (creating a case runs migrations)."""
    path = tmp_path_factory.mktemp("template") / "empty.casefile"
    Case.create(path, "Empty", documenter="Tester").close(backup=False)
    return path


@pytest.fixture
def new_case(template, tmp_path):
    made = []

    def make(name="case"):
        path = tmp_path / f"{name}-{len(made)}.casefile"
        shutil.copy(template, path)
        case = Case.open(path)
        made.append(case)
        return case

    yield make
    for case in made:
        case.close(backup=False)


def sections(document: dict) -> dict[str, str]:
    return {key: json.dumps(document.get(key, []), ensure_ascii=False, sort_keys=True, indent=1) for key in COMPARED}


def test_sample_round_trip_is_byte_identical(new_case, tmp_path):
    case = new_case()
    import_json(case, sample_path())
    out = tmp_path / "again.json"
    export_json(case, out)
    original = json.loads(sample_path().read_text(encoding="utf-8"))
    again = json.loads(out.read_text(encoding="utf-8"))
    assert sections(again) == sections(original)
    # and the file as written is the same text, section by section
    second = new_case()
    import_json(second, out)
    assert sections(build_document(second)) == sections(again)


def test_exported_file_validates_against_the_schema(new_case, tmp_path):
    case = new_case()
    import_json(case, sample_path())
    out = tmp_path / "out.json"
    export_json(case, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema()).iter_errors(document)) == []
    assert document["format"] == "casefile-interchange/4"
    assert out.read_text(encoding="utf-8") == dumps(document)  # stable key order, as written
    assert not list(tmp_path.glob(".out.json.*"))  # no temp file left behind


def test_import_writes_one_audit_entry_and_notifies(new_case, tmp_path):
    case = new_case()
    heard = []
    case.subscribe(heard.append)
    with case.connection() as conn:
        before = conn.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action != "seal"))
    counts = import_json(case, sample_path())
    with case.connection() as conn:
        entries = conn.execute(select(AuditEntry).where(AuditEntry.action != "seal").order_by(AuditEntry.seq)).all()
    assert len(entries) == before + 1
    last = entries[-1]
    changes = json.loads(last.changes)
    assert last.action == "import"
    assert changes["counts"]["incidents"] == counts["incidents"] == 5
    assert len(changes["sha256"]) == 64
    assert len(heard) == 1 and len(heard[0]["incident"]) == 5 and len(heard[0]["actor"]) == 9


def test_codes_kept_and_counters_move_past_them(new_case):
    case = new_case()
    import_json(case, sample_path())
    with case.session() as s:
        s.add(Incident(title="Recorded after the import"))
    with case.connection() as conn:
        codes = conn.scalars(select(Incident.code).order_by(Incident.code)).all()
    assert codes == ["INC-0001", "INC-0002", "INC-0003", "INC-0004", "INC-0005", "INC-0006"]


def test_search_finds_imported_records(new_case):
    case = new_case()
    with case.session() as s:  # a case that already has records
        s.add(Actor(name="Already here", code="ACT-0100"))
    import_json(case, sample_path())
    assert any(hit.code == "ACT-0006" for hit in search(case, "placido"))
    assert [hit.code for hit in search(case, "already here")] == ["ACT-0100"]


def test_import_into_a_case_with_records_refers_to_them(new_case, tmp_path):
    case = new_case()
    with case.session() as s:
        s.add(Actor(name="Known actor"))
        s.add(Incident(title="Numbered by hand", code="INC-0001"))  # the counter does not know it
    with case.connection() as conn:
        actor_uuid = conn.scalar(select(Actor.uuid))
    document = {
        "format": "casefile-interchange/1",
        "incidents": [{"uuid": "11111111-2222-4333-8444-555555555555", "title": "No code given",
                       "involvements": [{"actor": actor_uuid, "role": "witness"}]}],
    }
    path = tmp_path / "small.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    import_json(case, path)
    again = build_document(case)
    assert [i["code"] for i in again["incidents"]] == ["INC-0001", "INC-0002"]
    assert again["incidents"][1]["involvements"][0]["actor"] == actor_uuid


def test_evidence_metadata_and_custody_round_trip(new_case, tmp_path):
    sha = "ab" * 32
    document = {
        "format": "casefile-interchange/1",
        "incidents": [{"uuid": "11111111-2222-4333-8444-000000000001", "code": "INC-0007", "title": "Seen"}],
        "evidence": [
            {"uuid": "11111111-2222-4333-8444-000000000002", "code": "EVI-0002", "sha256": sha, "size": 10,
             "original_name": "foto.jpg", "intake_at": "2013-08-06T10:00:00Z", "latitude": 16.9, "longitude": -99.1,
             "extra_metadata": {"exif": {"Make": "X"}}},
            {"uuid": "11111111-2222-4333-8444-000000000003", "code": "EVI-0003", "sha256": "cd" * 32, "size": 5,
             "original_name": "crop.jpg", "derived_from": "11111111-2222-4333-8444-000000000002",
             "withdrawn": True}],
        "evidence_links": [{"evidence": "11111111-2222-4333-8444-000000000002", "evidence_sha256": sha,
                            "target": "11111111-2222-4333-8444-000000000001", "relation": "depicts"}],
        "custody": [{"evidence": "11111111-2222-4333-8444-000000000002", "evidence_sha256": sha,
                     "at": "2013-08-06T10:00:00Z", "who": "Ana", "action": "acquired", "sha256_observed": sha}],
    }
    path = tmp_path / "evidence.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    case = new_case()
    import_json(case, path)
    exported = build_document(case)
    first, second = exported["evidence"]
    assert (first["code"], second["derived_from"], second["withdrawn"]) == ("EVI-0002", first["uuid"], True)
    assert first["extra_metadata"] == {"exif": {"Make": "X"}}
    assert exported["evidence_links"][0]["target"] == document["incidents"][0]["uuid"]
    actions = [(c["evidence"][-1], c["action"]) for c in exported["custody"]]
    # This case's own "imported" event first; the file's history follows, marked as received in it.
    assert actions == [("2", "imported"), ("2", "acquired"), ("3", "imported")]
    assert exported["custody"][1]["details"].startswith("received in evidence.json (sha256 ")
    assert exported["custody"][1]["at"] == "2013-08-06T10:00:00Z"
    with case.connection() as conn:
        details = conn.scalars(select(CustodyEvent.details).where(CustodyEvent.action == "imported")).all()
        assert conn.scalar(select(func.count()).select_from(Evidence)) == 2
    assert all("not in this case" in d for d in details)


def test_markup_is_kept_as_literal_text(new_case, tmp_path):
    title = '<b>bold</b> <img src="/etc/passwd"> <font color=red>x</font> & "quotes"'
    document = {"format": "casefile-interchange/1",
                "incidents": [{"uuid": "11111111-2222-4333-8444-000000000009", "title": title}]}
    path = tmp_path / "markup.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    case = new_case()
    import_json(case, path)
    assert build_document(case)["incidents"][0]["title"] == title


# -- generated data -------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
DATES = st.one_of(st.none(), st.builds(lambda y, m, d, p: (f"{y:04d}", f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-{d:02d}")[p],
                                       st.integers(1900, 2030), st.integers(1, 12), st.integers(1, 28),
                                       st.integers(0, 2)))


def _uuid(n: int, kind: int) -> str:
    return f"{kind:08x}-0000-4000-8000-{n:012x}"


@st.composite
def documents(draw):
    n_places, n_actors, n_incidents = (draw(st.integers(0, 3)) for _ in range(3))
    n_sources, n_claims = draw(st.integers(0, 3)), draw(st.integers(0, 3))
    places = [{"uuid": _uuid(i, 1), "code": f"PLC-{i + 1:04d}", "name": draw(TEXT),
               "latitude": draw(st.one_of(st.none(), st.floats(-90, 90))), "precision": "exact"}
              for i in range(n_places)]
    actor_ids = [_uuid(i, 2) for i in range(n_actors)]
    actors = []
    for i, uuid in enumerate(actor_ids):
        protected = draw(st.booleans())
        actors.append({"uuid": uuid, "code": f"ACT-{draw(st.integers(1, 10**6)) * 10 + i:04d}", "name": draw(TEXT),
                       "protected": protected, "pseudonym": f"Witness {i}" if protected else draw(TEXT),
                       "relations": [{"relation": "member_of", "other": o} for o in
                                     draw(st.lists(st.sampled_from(actor_ids), unique=True, max_size=2)) if o != uuid]})
    incident_ids = [_uuid(i, 3) for i in range(n_incidents)]
    incidents = []
    for _i, uuid in enumerate(incident_ids):
        start = draw(DATES)
        incidents.append({
            "uuid": uuid, "title": draw(TEXT), "description": draw(TEXT), "start_date": start,
            "end_date": start, "fatalities": draw(st.one_of(st.none(), st.integers(0, 10**6))),
            "place": draw(st.sampled_from([None, *(p["uuid"] for p in places)])),
            "tags": draw(st.lists(TEXT.filter(bool), unique=True, max_size=3)),
            "involvements": [{"actor": a, "role": "witness", "head_count": draw(st.one_of(st.none(), st.integers(0, 99))),
                              "head_count_approximate": draw(st.booleans())}
                             for a in draw(st.lists(st.sampled_from(actor_ids), unique=True, max_size=2))] if actor_ids else [],
            "links": [{"relation": "precedes", "to": o} for o in
                      draw(st.lists(st.sampled_from(incident_ids), unique=True, max_size=2)) if o != uuid]})
    source_ids = [_uuid(i, 4) for i in range(n_sources)]
    sources = [{"uuid": uuid, "code": f"SRC-{i + 1:04d}", "title": draw(TEXT), "text": draw(TEXT),
                "reliability": draw(st.sampled_from("ABCDEF")),
                "cites": draw(st.sampled_from([None, *(s for s in source_ids if s != uuid)]))}
               for i, uuid in enumerate(source_ids)]
    claim_ids = [_uuid(i, 5) for i in range(n_claims)]
    claims = [{"uuid": uuid, "code": f"CLM-{i + 1:04d}", "summary": draw(TEXT), "quote": draw(TEXT),
               "credibility": draw(st.integers(1, 6)), "stance": draw(st.sampled_from(["", "denies"])),
               "source": draw(st.sampled_from([None, *source_ids])),
               "claimant": draw(st.sampled_from([None, *actor_ids])),
               "subjects": draw(st.lists(st.sampled_from(incident_ids + actor_ids), unique=True, max_size=3))
               if incident_ids + actor_ids else []}
              for i, uuid in enumerate(claim_ids)]
    assessments = []
    if len(claim_ids) > 1:
        assessments.append({"uuid": _uuid(0, 6), "claim": claim_ids[0], "by_claim": claim_ids[1],
                             "relation": draw(st.sampled_from(["supports", "contradicts", "repeats"]))})
    return {"format": "casefile-interchange/1", "vocabularies": {"custom_list": [{"key": "k1", "en": draw(TEXT) or "x"}]},
            "places": places, "actors": actors, "incidents": incidents, "sources": sources, "claims": claims,
            "assessments": assessments}


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(document=documents())
def test_generated_round_trip(document, new_case, tmp_path_factory):
    folder = tmp_path_factory.mktemp("gen")
    first_file = folder / "first.json"
    first_file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    first = new_case()
    import_json(first, first_file)
    exported = folder / "exported.json"
    export_json(first, exported)
    second = new_case()
    import_json(second, exported)
    assert sections(build_document(second)) == sections(json.loads(exported.read_text(encoding="utf-8")))
    again = json.loads(exported.read_text(encoding="utf-8"))
    assert [i["uuid"] for i in sorted(again["incidents"], key=lambda i: i["uuid"])] == \
        sorted(i["uuid"] for i in document["incidents"])
    for case in (first, second):
        case.close(backup=False)


def test_progress_is_reported(new_case):
    seen = []
    import_json(new_case(), sample_path(), progress=lambda done, total, message: seen.append((done, total, message)))
    assert seen and all(isinstance(m, str) and m for _, _, m in seen)
    writing = [(d, t) for d, t, m in seen if t > 1]
    assert writing == sorted(writing) and writing[-1][0] == writing[-1][1]


def test_failed_export_leaves_the_previous_file(new_case, tmp_path, monkeypatch):
    from casefile.errors import CasefileError

    out = tmp_path / "kept.json"
    out.write_text("previous export", encoding="utf-8")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("casefile.services.interchange.export.os.replace", full_disk)
    with pytest.raises(CasefileError, match="No space left"):
        export_json(new_case(), out, force=True)
    assert out.read_text(encoding="utf-8") == "previous export"
    assert not list(tmp_path.glob(".kept.json.*"))  # the temp file is gone too
