"""Consent on sources and evidence: one rule for every shared output, the
fields checked like any others, carried whole by a full export."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from casefile.errors import InvalidInput
from casefile.model import Evidence, Source
from casefile.services import records
from casefile.services.consent import names, refusal
from casefile.services.interchange.export import build_document, export_json
from casefile.services.interchange.importer import import_json
from casefile.services.sample import create_demo_case
from casefile.store import Case

TODAY = date(2026, 12, 2)


def _item(consent="", to="", not_to="", not_before=None):
    return SimpleNamespace(consent=consent, consent_to=to, consent_not_to=not_to, consent_not_before=not_before)


@pytest.mark.parametrize("item, recipient, refused", [
    (_item(), None, None),  # reports: an unrecorded consent is how cases were kept before
    (_item("none"), None, "consent refused"),
    (_item("reports", not_before="2027"), None, "not to be shared before 2027"),
    (_item("reports", not_before="2026-12"), None, None),  # December has begun
    (_item(), "IIIM", "no consent recorded"),
    (_item("reports"), "IIIM", "reports only"),
    (_item("named", to="ICC, IIIM"), "iiim", None),
    (_item("named", to="Fiscalía General"), "fiscalia  general", None),  # accents, case and spacing aside
    (_item("named", to="ICC"), "IIIM", "not among those named"),
    (_item("publication"), "IIIM", None),
    (_item("publication", not_to="IIIM; ICC"), "ICC", "never to ICC"),
    (_item("publication", not_before="2026-12-03"), "ICC", "not to be shared before"),
])
def test_the_rule(item, recipient, refused):
    found = refusal(item, recipient, TODAY)
    assert (found is None) if refused is None else (found is not None and refused in found), found


def test_names_are_split_on_lines_commas_and_semicolons():
    assert names("ICC,\n IIIM ; CIDH\n\n") == ["ICC", "IIIM", "CIDH"]


@pytest.fixture
def sample(tmp_path):
    case = create_demo_case(tmp_path / "c.casefile")
    yield case
    case.close()


def _ids(case: Case) -> tuple[int, int]:
    with case.session() as s:
        source = s.scalars(select(Source).where(Source.code == "SRC-0002")).one()
        item = s.scalars(select(Evidence)).one()
        return source.id, item.id


def test_shared_exports_leave_out_what_consent_refuses_and_a_full_export_carries_it(sample, tmp_path):
    source, item = _ids(sample)
    records.update(sample, "source", source, consent="none")
    records.update(sample, "evidence", item, consent="publication", consent_not_before="2999",
                   consent_not_to="Fiscalía", consent_recorded_by="Ana", consent_given="2013-08-10")
    partner = build_document(sample, "partner")
    assert "SRC-0002" not in {e["code"] for e in partner["sources"]}
    assert partner["evidence"] == []
    full = tmp_path / "full.json"
    export_json(sample, full)
    document = json.loads(full.read_text(encoding="utf-8"))
    assert document["format"] == "casefile-interchange/4"
    exported = document["evidence"][0]
    assert (exported["consent"], exported["consent_not_before"], exported["consent_not_to"]) == \
        ("publication", "2999", "Fiscalía")
    other = Case.create(tmp_path / "other.casefile", title="Other")
    try:
        import_json(other, full)
        with other.session() as s:
            copy = s.scalars(select(Evidence)).one()
            assert (copy.consent, copy.consent_given, copy.consent_recorded_by) == ("publication", "2013-08-10", "Ana")
            assert s.scalars(select(Source.consent).where(Source.code == "SRC-0002")).one() == "none"
    finally:
        other.close()


@pytest.mark.parametrize("field, value", [("consent", "maybe"), ("consent_not_before", "the day after"),
                                          ("consent_given", "2013-13")])
def test_a_bad_consent_is_refused_in_words(sample, field, value):
    source, _item_id = _ids(sample)
    with pytest.raises(InvalidInput):
        records.update(sample, "source", source, **{field: value})


def test_an_import_with_a_consent_term_the_case_lacks_is_refused(sample, tmp_path):
    full = tmp_path / "full.json"
    export_json(sample, full)
    document = json.loads(full.read_text(encoding="utf-8"))
    document["sources"][0]["consent"] = "whenever"
    del document["vocabularies"]
    full.write_text(json.dumps(document), encoding="utf-8")
    other = Case.create(tmp_path / "other.casefile", title="Other")
    try:
        with pytest.raises(InvalidInput, match="consent"):
            import_json(other, full)
    finally:
        other.close()
