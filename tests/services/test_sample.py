"""The sample case: the Guerrero 2013 report recorded as a documenter would."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import select

from casefile.model import (
    Actor,
    Claim,
    ClaimSubject,
    Evidence,
    EvidenceLink,
    Incident,
    IncidentLink,
    Involvement,
    Place,
    Source,
)
from casefile.services.interchange import schema
from casefile.services.records.search import search
from casefile.services.sample import create_demo_case, sample_path

DOCUMENT = json.loads(sample_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    case = create_demo_case(tmp_path_factory.mktemp("demo") / "sample.casefile")
    yield case
    case.close(backup=False)


def by_code(session, cls, code):
    return session.scalars(select(cls).where(cls.code == code)).one()


def test_sample_file_is_valid_interchange():
    assert list(Draft202012Validator(schema()).iter_errors(DOCUMENT)) == []
    assert DOCUMENT["case"]["title"]


def test_the_events_of_the_report(demo):
    with demo.Session() as s:
        titles = {i.code: (i.title, i.start_date, i.incident_type) for i in s.scalars(select(Incident))}
        assert titles["INC-0001"][1:] == ("2013-08-05", "detention")
        assert titles["INC-0002"][2] == "roadblock"
        assert titles["INC-0004"][2] == "announcement"
        soldiers = s.scalars(select(Involvement).where(Involvement.head_count == 60)).one()
        assert soldiers.head_count_approximate and soldiers.role == "detained"
        assert soldiers.incident.code == "INC-0003" and soldiers.actor.actor_type == "state_forces"
        links = {(link.from_id, link.relation, link.to_id) for link in s.scalars(select(IncidentLink))}
        first, second = by_code(s, Incident, "INC-0001"), by_code(s, Incident, "INC-0002")
        assert (first.id, "causes", second.id) in links
        ayutla = by_code(s, Place, "PLC-0001")
        assert ayutla.latitude and ayutla.longitude and ayutla.precision == "municipality"
        assert first.place_id == ayutla.id


def test_the_chain_of_attribution(demo):
    with demo.Session() as s:
        placido = s.scalars(select(Actor).where(Actor.name == "Bruno Plácido Valerio")).one()
        allegation = s.scalars(select(Claim).where(Claim.claimant_id == placido.id, Claim.credibility == 6)).one()
        # Read in InSight Crime, first said to La Jornada: its own chain, not InSight's citations.
        assert "paramilitary" in allegation.quote and allegation.source.outlet == "InSight Crime"
        # La Jornada is where it was first said, but its article was not found: known only as relayed
        assert allegation.origin.outlet == "La Jornada" and allegation.origin_status == "not_located"
        assert allegation.quote_kind == "paraphrase"
        assert allegation.stance == ""  # the army's stance is not known
        analysis = s.scalars(select(Source).where(Source.outlet == "InSight Crime")).one()
        assert [c.cited.outlet for c in analysis.citations] == ["La Jornada", "CNN México", "Milenio"]
        origins = {c.origin.outlet for c in s.scalars(select(Claim).where(Claim.source_id == analysis.id))
                   if c.origin is not None}
        assert origins == {"La Jornada", "CNN México", "Milenio"}
        subjects = s.scalars(select(ClaimSubject.actor_id).where(ClaimSubject.claim_id == allegation.id)).all()
        army = s.scalars(select(Actor).where(Actor.actor_type == "state_forces", Actor.category == "organisation")).one()
        assert army.id in subjects


def test_protected_witness_and_confidential_interview_are_illustrative(demo):
    with demo.Session() as s:
        witness = s.scalars(select(Actor).where(Actor.protected)).one()
        assert witness.pseudonym == "Witness A" and "illustrative" in witness.description
        interview = s.scalars(select(Source).where(Source.confidential)).one()
        # said to every reader, not in a note for the team
        assert interview.pseudonym == "Interview W-1" and interview.contact and "illustrative" in interview.caveats.lower()


def test_search_finds_the_coordinator_without_accents(demo):
    assert search(demo, "placido")[0].code == "ACT-0006"


def test_the_illustrative_image_is_linked(demo):
    with demo.Session() as s:
        item = s.scalars(select(Evidence)).one()
        link = s.scalars(select(EvidenceLink).where(EvidenceLink.evidence_id == item.id)).one()
        assert link.incident_id == by_code(s, Incident, "INC-0003").id
        assert item.media_type == "image/png" and "not evidence" in item.caveats and not item.note
