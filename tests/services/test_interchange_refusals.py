"""Broken or hostile interchange files are refused with one line that names
the record and field, and change nothing in the case."""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from casefile.errors import CasefileError
from casefile.services.interchange import ImportRefused, fast_checks, schema
from casefile.services.interchange.importer import import_json
from casefile.services.records import overview
from casefile.services.sample import sample_path
from casefile.store import Case

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case

SAMPLE = json.loads(sample_path().read_text(encoding="utf-8"))
EXISTING_UUID = "99999999-0000-4000-8000-000000000001"


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A case that already holds one record of its own (EXISTING_UUID, INC-0900)."""
    path = tmp_path_factory.mktemp("template") / "existing.casefile"
    case = Case.create(path, "Existing", documenter="Tester")
    from casefile.model import Incident

    with case.session() as s:
        s.add(Incident(title="Already recorded", uuid=EXISTING_UUID, code="INC-0900"))
    case.close(backup=False)
    return path


@pytest.fixture
def case(template, tmp_path):
    path = tmp_path / "case.casefile"
    shutil.copy(template, path)
    c = Case.open(path)
    yield c
    c.close(backup=False)


def state(case: Case) -> tuple:
    info = overview.info(case)
    with case.connection() as conn:
        links = conn.exec_driver_sql("SELECT (SELECT count(*) FROM involvement), (SELECT count(*) FROM "
                                     "vocabulary_term), (SELECT count(*) FROM custody_event)").one()
    return info["audit_head"], tuple(info[k] for k in ("incidents", "actors", "places", "sources", "claims",
                                                       "evidence")), tuple(links)


def sample_with(change) -> dict:
    document = copy.deepcopy(SAMPLE)
    change(document)
    return document


def refuse(case, tmp_path, content) -> str:
    path = tmp_path / "bad.json"
    if isinstance(content, dict):
        content = json.dumps(content)  # ASCII: a lone surrogate arrives as the escape \ud800
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))
    before = state(case)
    with pytest.raises(CasefileError) as caught:
        import_json(case, path)
    assert state(case) == before
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message and len(message) < 400
    return message


def set_in(section, index, key, value):
    def change(document):
        document[section][index][key] = value
    return change


BAD_RECORDS = {
    # (change, expected fragment of the message)
    "bad date": (set_in("incidents", 3, "start_date", "2013-02-30"),
                 "incidents[3] (INC-0004): start_date: no such day in that month"),
    "date not a date": (set_in("incidents", 3, "start_date", "yesterday"), "incidents[3] (INC-0004): start_date: not a date"),
    "end before start": (set_in("incidents", 0, "end_date", "2012"), "incidents[0] (INC-0001): end_date: before start_date"),
    "wrong type": (set_in("incidents", 1, "fatalities", "three"), "incidents[1] (INC-0002): fatalities: must be"),
    "bool is not a count": (set_in("incidents", 1, "fatalities", True), "incidents[1] (INC-0002): fatalities: must be"),
    "huge integer": (set_in("incidents", 1, "fatalities", 10**30), "incidents[1] (INC-0002): fatalities: out of range"),
    "10 MB string": (set_in("sources", 0, "text", "x" * 10_000_000), "sources[0] (SRC-0001): text: too long"),
    "NUL byte": (set_in("actors", 2, "name", "Policía\x00comunitaria"), "actors[2] (ACT-0003): name: contains a NUL"),
    "unknown field": (set_in("places", 0, "altitude", 1200), "places[0] (PLC-0001): unknown field"),
    "missing title": (lambda d: d["incidents"][2].pop("title"), "incidents[2] (INC-0003): title: missing"),
    "unknown reference": (set_in("claims", 0, "source", "00000000-0000-4000-8000-000000000000"),
                          "claims[0] (CLM-0001): source: no source"),
    "reference of the wrong kind": (set_in("incidents", 0, "place", SAMPLE["actors"][0]["uuid"]),
                                    "incidents[0] (INC-0001): place: no place"),
    "duplicate uuid in the file": (set_in("actors", 1, "uuid", SAMPLE["actors"][0]["uuid"]),
                                   "actors[1] (ACT-0002): uuid: already in this file"),
    "uuid already in the case": (set_in("actors", 0, "uuid", EXISTING_UUID), "actors[0] (ACT-0001): uuid: already in this case"),
    "code already in the case": (set_in("incidents", 0, "code", "INC-0900"),
                                 "incidents[0] (INC-0900): code: already in this case"),
    "duplicate code in the file": (set_in("sources", 1, "code", "SRC-0001"), "sources[1] (SRC-0001): code: already used"),
    "code of another kind": (set_in("sources", 1, "code", "INC-0099"), "sources[1] (INC-0099): code: not in the expected form"),
    "unknown vocabulary key": (set_in("incidents", 0, "incident_type", "massacre"),
                               "incidents[0] (INC-0001): incident_type: \"massacre\" is not a term of incident_type"),
    "credibility out of range": (set_in("claims", 1, "credibility", 7), "claims[1] (CLM-0002): credibility: out of range"),
    "reliability out of range": (set_in("sources", 2, "reliability", "G"),
                                 "sources[2] (SRC-0003): reliability: not one of the allowed values"),
    "protected without pseudonym": (set_in("actors", 8, "pseudonym", " "),
                                    "actors[8] (ACT-0009): pseudonym: a protected actor needs a pseudonym"),
    "confidential source without pseudonym": (set_in("sources", 4, "pseudonym", ""),
                                              "sources[4] (SRC-0005): pseudonym: a confidential source needs"),
    "source cites itself": (set_in("sources", 0, "cites", [{"source": SAMPLE["sources"][0]["uuid"]}]),
                            "sources[0] (SRC-0001): cites[0]: a source cannot cite itself"),
    "assessment with two assessors": (set_in("assessments", 0, "by_source", SAMPLE["sources"][0]["uuid"]),
                                      "by_source: give exactly one"),
    "involvement listed twice": (lambda d: d["incidents"][0]["involvements"].append(
        dict(d["incidents"][0]["involvements"][0])), "incidents[0] (INC-0001): involvements[2]: the same actor"),
    "markup as a key": (set_in("incidents", 0, "violation_status", "<b>x</b>"),
                        "incidents[0] (INC-0001): violation_status: not a vocabulary key"),
    "uuid with markup": (set_in("actors", 0, "uuid", "<script>"), "actors[0] (ACT-0001): uuid: not a UUID"),
    "lone surrogate": (set_in("places", 1, "name", "\ud800"), "places[1] (PLC-0002): name: contains a NUL byte or an invalid"),
    "latitude out of range": (set_in("places", 0, "latitude", 91.5), "places[0] (PLC-0001): latitude: out of range"),
    # Python's $ also matches before a final newline: "INC-0001\n" would be a second INC-0001.
    "code with a trailing newline": (set_in("incidents", 0, "code", "INC-0001\n"),
                                     "incidents[0]: code: not in the expected form"),
    "uuid with a trailing newline": (set_in("actors", 0, "uuid", SAMPLE["actors"][0]["uuid"] + "\n"),
                                     "actors[0] (ACT-0001): uuid: not a UUID"),
    "reference with a trailing newline": (set_in("claims", 0, "source", SAMPLE["sources"][0]["uuid"] + "\n"),
                                          "claims[0] (CLM-0001): source: not a UUID"),
    "key with a trailing newline": (set_in("incidents", 0, "violation_status", "confirmed\n"),
                                    "incidents[0] (INC-0001): violation_status: not a vocabulary key"),
    "date with a trailing newline": (set_in("incidents", 0, "start_date", "2013-08-05\n"),
                                     "incidents[0] (INC-0001): start_date: not a date"),
    "time with a trailing newline": (set_in("incidents", 0, "created_at", "2013-08-05T14:00:00Z\n"),
                                     "incidents[0] (INC-0001): created_at: not a time"),
    "vocabulary term key with a trailing newline": (
        lambda d: d["vocabularies"]["incident_type"].append({"key": "massacre\n", "en": "Massacre"}),
        "vocabularies.incident_type[16].key: not a vocabulary key"),
    # Times past the representable range once converted to UTC, or before year 1.
    "time past year 9999 in UTC": (set_in("incidents", 0, "created_at", "9999-12-31T23:59:59-05:00"),
                                   "incidents[0] (INC-0001): created_at: outside the times Casefile can store"),
    "time before year 1 in UTC": (set_in("places", 0, "updated_at", "0001-01-01T00:00:00+05:00"),
                                  "places[0] (PLC-0001): updated_at: outside the times Casefile can store"),
    "year 0": (set_in("sources", 0, "created_at", "0000-06-01T00:00:00Z"),
               "sources[0] (SRC-0001): created_at: outside the times Casefile can store"),
}


@pytest.mark.parametrize("name", BAD_RECORDS)
def test_bad_record_is_refused_naming_record_and_field(case, tmp_path, name):
    change, expected = BAD_RECORDS[name]
    message = refuse(case, tmp_path, sample_with(change))
    assert expected in message


BAD_FILES = {
    "truncated": (json.dumps(SAMPLE)[:5000], "not valid JSON"),
    "empty": ("", "not valid JSON"),
    "markup instead of JSON": ("<html><body><img src=x onerror=alert(1)></body></html>", "not valid JSON"),
    "not UTF-8": (b"\xff\xfe{\x00", "not UTF-8"),
    "encoded surrogate": ('{"format": "casefile-interchange/1", "x": "\ud800"}'.encode("utf-8", "surrogatepass"),
                          "not UTF-8"),
    "top level is a list": ("[1, 2, 3]", "not a Casefile interchange file"),
    "no format": (json.dumps({"places": []}), "not a Casefile interchange file"),
    "newer format": (json.dumps({"format": "casefile-interchange/5"}), "format casefile-interchange/5 is not supported"),
    "NaN": ('{"format": "casefile-interchange/1", "places": [{"uuid": "11111111-2222-4333-8444-555555555555", '
            '"name": "x", "latitude": NaN}]}', "NaN is not allowed"),
    "nested too deeply": ('{"format": "casefile-interchange/1", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
                          "nested too deeply"),
    "duplicate key": ('{"format": "casefile-interchange/1", "places": [{"uuid": "11111111-2222-4333-8444-555555555555",'
                      ' "name": "Ayutla", "name": "Tlapa"}]}', 'the key "name" appears twice'),
    "section of the wrong type": (json.dumps({"format": "casefile-interchange/1", "incidents": {"a": 1}}),
                                  "incidents: must be array"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_broken_file_is_refused(case, tmp_path, name):
    content, expected = BAD_FILES[name]
    assert expected in refuse(case, tmp_path, content)


def test_many_problems_are_counted_in_one_line(case, tmp_path):
    def change(document):
        for incident in document["incidents"]:
            incident["start_date"] = "2013-13"
    message = refuse(case, tmp_path, sample_with(change))
    assert message.startswith("incidents[0] (INC-0001): start_date: month must be 1 to 12 (and 4 more problems)")
    try:
        import_json(case, sample_path().parent / "missing.json")
    except CasefileError as error:
        assert "cannot read" in str(error)
    else:
        pytest.fail("a missing file was accepted")


def test_refusal_lists_every_problem(case, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(sample_with(lambda d: [d["claims"][i].update(credibility=0) for i in range(3)])))
    with pytest.raises(ImportRefused) as caught:
        import_json(case, path)
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "claims[0] (CLM-0001)", "claims[1] (CLM-0002)", "claims[2] (CLM-0003)"]


def test_the_fast_validator_agrees_with_jsonschema():
    """The compiled checks must never accept what the schema refuses."""
    validator = Draft202012Validator(schema())
    assert validator.is_valid(SAMPLE) and fast_checks()["incidents"](SAMPLE["incidents"][0])
    for name, (change, _) in BAD_RECORDS.items():
        document = sample_with(change)
        del document["vocabularies"]  # untouched here, and slow for jsonschema
        schema_valid = validator.is_valid(document)
        fast_valid = fast_checks()["document"](document) and all(
            fast_checks()[section](entry) for section in ("places", "actors", "incidents", "sources", "claims",
                                                          "assessments", "evidence") for entry in document[section])
        assert schema_valid == fast_valid, name


def test_a_problem_after_written_batches_leaves_nothing(case, tmp_path):
    """Rows go to the case in batches as they are checked; a problem in the
    last entry of a later section still leaves the case exactly as it was."""
    from casefile.services.interchange.plan import BATCH

    places = [{"uuid": f"22222222-0000-4000-8000-{n:012x}", "code": f"PLC-{n + 1:05d}", "name": f"Lugar {n}"}
              for n in range(2 * BATCH + 7)]
    incidents = [{"uuid": f"33333333-0000-4000-8000-{n:012x}", "title": f"Hecho {n}", "place": places[n]["uuid"]}
                 for n in range(BATCH + 1)]
    incidents[-1]["start_date"] = "2013-02-30"
    message = refuse(case, tmp_path, {"format": "casefile-interchange/1", "places": places, "incidents": incidents})
    assert message.startswith(f"incidents[{BATCH}] (INC-") and "start_date: no such day in that month" in message
    with case.connection() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM place").scalar() == 0
        assert conn.exec_driver_sql("SELECT next_value FROM code_counter WHERE prefix = 'PLC'").scalar() in (None, 1)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_what_is_not_a_regular_file_is_refused_at_once(case, tmp_path):
    """A FIFO would hang the import, /dev/zero never end: refused before a byte is read."""
    os.mkfifo(tmp_path / "pipe.json")
    before = overview.counts(case)
    for path, expected in ((tmp_path / "pipe.json", "not a regular file"), (Path(os.devnull), "not a regular file"),
                           (tmp_path, "cannot read"), (tmp_path / ("a" * 300 + ".json"), "cannot read")):
        with pytest.raises(CasefileError, match=expected):
            import_json(case, path)
    assert overview.counts(case) == before
