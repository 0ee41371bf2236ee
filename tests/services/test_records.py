"""Records and links through the services: validation, exact undo of deletes,
lists in SQL, links grouped by relation, source texts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casefile.errors import CasefileError, InvalidInput
from casefile.model import AuditEntry
from casefile.services import records
from casefile.services.records import links, source_text
from casefile.store import Case

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case


def _detention(case):
    place = records.create(case, "place", name="Ayutla de los Libres", state="Guerrero", country="Mexico")
    incident = records.create(case, "incident", title="Army detains Ayutla community police",
                              start_date="5 de agosto de 2013", place_id=place, incident_type="detention")
    army = records.create(case, "actor", name="Army patrol", actor_type="state_forces")
    police = records.create(case, "actor", name="Ayutla community police", actor_type="community_police")
    records.create_link(case, "involvement", incident_id=incident, actor_id=army, role="detaining")
    records.create_link(case, "involvement", incident_id=incident, actor_id=police, role="detained",
                        head_count=60, head_count_approximate=True)
    source = records.create(case, "source", title="InSight Crime analysis", reliability="B")
    claim = records.create(case, "claim", summary="Men in black work with the army", source_id=source,
                           claimant_id=police, credibility="4")
    records.create_link(case, "claim_subject", claim_id=claim, incident_id=incident)
    records.create_link(case, "assessment", claim_id=claim, by_source_id=source, relation="supports")
    return dict(place=place, incident=incident, army=army, police=police, source=source, claim=claim)


def test_create_reads_natural_dates_and_assigns_codes(case):
    ids = _detention(case)
    row = records.get(case, "incident", ids["incident"])
    assert row["code"] == "INC-0001" and row["start_date"] == "2013-08-05"
    assert records.get(case, "claim", ids["claim"])["credibility"] == 4


@pytest.mark.parametrize("kind,values,field", [
    ("incident", {"title": "  "}, "Title"),
    ("incident", {"title": "x", "start_date": "32 Aug 2013"}, "Start"),
    ("incident", {"title": "x", "incident_type": "coup"}, "Type"),
    ("incident", {"title": "x", "fatalities": "-3"}, "Fatalities reported"),
    ("place", {"name": "x", "latitude": "91"}, "Latitude"),
    ("source", {"title": "x", "reliability": "G"}, "Reliability"),
    ("actor", {"name": "Witness", "protected": True}, "Pseudonym"),
    ("source", {"title": "Interview", "confidential": True}, "Pseudonym"),
])
def test_invalid_input_names_the_field(case, kind, values, field):
    with pytest.raises(InvalidInput) as caught:
        records.create(case, kind, **values)
    assert caught.value.field == field


def test_update_returns_old_values_and_skips_unchanged(case):
    ids = _detention(case)
    with case.connection() as conn:
        before = conn.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action != "seal"))
    assert records.update(case, "incident", ids["incident"], title="Army detains Ayutla community police") == {}
    old = records.update(case, "incident", ids["incident"], start_date="Aug 2013", start_qualifier="approximate")
    assert old == {"start_date": "2013-08-05", "start_qualifier": "exact"}
    with case.connection() as conn:
        assert conn.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action != "seal")) == before + 1


@pytest.mark.case_file  # closes the case and opens its file again
def test_delete_then_restore_is_exact(case, tmp_path):
    ids = _detention(case)
    before = {kind: records.get(case, kind, ids[key]) for kind, key in
              (("incident", "incident"), ("claim", "claim"), ("actor", "police"))}
    links_before = links.links_of(case, "incident", ids["incident"])
    assert records.describe_deletion(case, "actor", ids["police"]) == [
        "1 involvement of an actor will be deleted with it", "1 claim will no longer point to it"]
    snap = records.delete(case, "actor", ids["police"])
    assert records.get(case, "claim", ids["claim"])["claimant_id"] is None
    records.restore(case, snap)
    snap = records.delete(case, "incident", ids["incident"])
    records.restore(case, snap)
    case.close()
    with Case.open(case.path) as fresh:
        for kind, key in (("incident", "incident"), ("claim", "claim"), ("actor", "police")):
            assert records.get(fresh, kind, ids[key]) == before[kind]
        assert links.links_of(fresh, "incident", ids["incident"]) == links_before


def test_evidence_is_never_deleted(case):
    with pytest.raises(InvalidInput):
        records.delete(case, "evidence", 1)


def test_links_grouped_by_relation(case):
    ids = _detention(case)
    items = links.links_of(case, "incident", ids["incident"])
    assert [(i.group, i.target_code, i.detail) for i in items] == [
        ("actors", "ACT-0001", "Detaining party"), ("actors", "ACT-0002", "Detained, about 60"),
        ("claims_about", "CLM-0001", "Unverified")]
    claim_items = {(i.group, i.target_code) for i in links.links_of(case, "claim", ids["claim"])}
    assert claim_items == {("about", "INC-0001"), ("supports", "SRC-0001")}
    source_items = {(i.group, i.link_kind) for i in links.links_of(case, "source", ids["source"])}
    assert source_items == {("claims_conveyed", "field:claim:source_id"), ("assesses", "assessment")}
    with pytest.raises(InvalidInput):
        records.create_link(case, "involvement", incident_id=ids["incident"], actor_id=ids["army"], role="detaining")
    with pytest.raises(InvalidInput):
        records.create_link(case, "actor_relation", actor_id=ids["army"], other_id=ids["army"], relation="member_of")


def test_list_rows_sort_filter_and_position(case):
    for _n, (title, date) in enumerate([("Roadblocks", "2013-08"), ("Detention", "2013-08-05"),
                                       ("Plácido denounces", None), ("Takeover", "2013")]):
        records.create(case, "incident", title=title, start_date=date)
    rows = records.list_rows(case, "incident", "start_date", "asc")
    assert [r.values[1] for r in rows] == ["Plácido denounces", "Takeover", "Roadblocks", "Detention"]
    assert records.count_rows(case, "incident", "placido") == 1
    assert records.count_rows(case, "incident", "INC-000") == 4
    assert records.list_rows(case, "incident", "title", "desc", offset=1, limit=2)[0].values[1] == "Roadblocks"
    for order in ("asc", "desc"):
        listed = [r.id for r in records.list_rows(case, "incident", "start_date", order)]
        for position, record_id in enumerate(listed):
            assert records.position_of(case, "incident", record_id, "start_date", order) == position


def test_source_text_from_html_and_pdf(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><script>alert(1)</script><style>p{}</style></head><body>"
                    "<h1>Guerrero</h1><p>Pl&aacute;cido told <b>La Jornada</b>&nbsp;that&hellip;</p></body></html>")
    assert source_text.read_text_file(page) == "Guerrero\n\nPlácido told La Jornada that…"
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "report.pdf"
    c = canvas.Canvas(str(pdf))
    c.drawString(72, 720, "About 60 soldiers were detained")
    c.save()
    assert "About 60 soldiers were detained" in source_text.read_text_file(pdf)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    with pytest.raises(Exception) as caught:
        source_text.read_text_file(broken)
    assert type(caught.value).__name__ == "CasefileError"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_source_text_is_read_from_a_file_only(tmp_path):
    """A FIFO would hang the window's Load Text, /dev/zero never end."""
    os.mkfifo(tmp_path / "pipe.txt")
    for path in (tmp_path / "pipe.txt", Path(os.devnull), tmp_path):
        with pytest.raises(CasefileError, match="cannot read"):
            source_text.read_text_file(path)


def test_two_way_links_show_from_both_ends(case):
    first, second, third = (records.create(case, "incident", title=t) for t in ("Detention", "Roadblocks", "Takeover"))
    records.create_link(case, "incident_link", from_id=first, to_id=second, relation="causes")
    records.create_link(case, "incident_link", from_id=third, to_id=first, relation="causes")
    police, army = (records.create(case, "actor", name=n) for n in ("Community police", "Army"))
    records.create_link(case, "actor_relation", actor_id=police, other_id=army, relation="member_of")

    def seen(kind, record_id, group):
        return [(i.target_code, i.detail) for i in links.links_of(case, kind, record_id) if i.group == group]

    assert seen("incident", first, "related") == [("INC-0002", "causes"), ("INC-0003", "caused by")]
    assert seen("actor", army, "relations") == [("ACT-0001", "has as member")]
