import json

import pytest
from sqlalchemy import select

from casefile.errors import InvalidInput
from casefile.model import (
    Actor,
    Assessment,
    Claim,
    ClaimSubject,
    Evidence,
    EvidenceLink,
    Incident,
    IncidentTag,
    Source,
    utcnow,
)
from casefile.services.redaction import Redactor, safe_extension

pytestmark = pytest.mark.both_backends  # tests/conftest.py: on a case file and on a server case


@pytest.fixture
def records(case):
    with case.session() as s:
        witness = Actor(name="María Pérez", aliases="La Güera", protected=True, pseudonym="Witness A",
                        contact="+52 744 000 0000", category="person")
        army = Actor(name="Army patrol", contact="press@army.example")
        open_inc = Incident(title="Detention at the roadblock",
                            description="María Pérez saw it; call +52 744 000 0000.")
        secret_inc = Incident(title="Safe house raid", confidential=True)
        paper = Source(title="La Jornada report", reliability="B")
        informant = Source(title="Interview with María Pérez", confidential=True, pseudonym="Source W",
                           contact="maria@example.org")
        only_secret = Claim(summary="Soldiers wore black", source=informant, claimant=witness)
        backed = Claim(summary="Sixty soldiers held", source=informant)
        open_claim = Claim(summary="Army denies", source=paper, claimant=army)
        about_secret = Claim(summary="Raid at night", source=paper)
        s.add_all([witness, army, open_inc, secret_inc, paper, informant, only_secret, backed, open_claim,
                   about_secret])
        s.flush()
        s.add_all([
            ClaimSubject(claim_id=only_secret.id, incident_id=open_inc.id),
            ClaimSubject(claim_id=about_secret.id, incident_id=secret_inc.id),
            Assessment(claim_id=backed.id, by_source_id=paper.id, relation="supports"),
        ])
        photo = Evidence(sha256="0" * 64, size=1, original_name="maria_perez_face.JPG", intake_at=utcnow())
        portrait = Evidence(sha256="1" * 64, size=1, original_name="p.png", intake_at=utcnow())
        s.add_all([photo, portrait])
        s.flush()
        s.add_all([EvidenceLink(evidence_id=photo.id, incident_id=open_inc.id, relation="depicts"),
                   EvidenceLink(evidence_id=portrait.id, actor_id=witness.id, relation="depicts")])
    return dict(witness=witness, army=army, open_inc=open_inc, secret_inc=secret_inc, paper=paper,
                informant=informant, only_secret=only_secret, backed=backed, open_claim=open_claim,
                about_secret=about_secret, photo=photo, portrait=portrait)


def redactor(case, profile):
    with case.session() as s:
        return Redactor(s, profile)


def test_full_shows_everything(case, records):
    r = redactor(case, "full")
    assert r.actor_name(records["witness"]) == "María Pérez"
    assert r.source_title(records["informant"]) == "Interview with María Pérez"
    assert r.contact(records["witness"]) == "+52 744 000 0000"
    assert r.evidence_name(records["photo"]) == "maria_perez_face.JPG"
    assert not any(r.withheld(records[k]) for k in ("secret_inc", "informant", "only_secret", "portrait"))
    assert r.counts() == {}


def test_partner_pseudonymises_and_withholds(case, records):
    r = redactor(case, "partner")
    assert r.actor_name(records["witness"]) == "Witness A"
    assert r.actor_name(records["army"]) == "Army patrol"
    assert r.actor_detail(records["witness"], "La Güera") == ""
    assert r.source_title(records["informant"]) == "Source W"
    assert r.contact(records["witness"]) == r.contact(records["army"]) == ""
    assert r.evidence_name(records["photo"]) == records["photo"].code + ".jpg"
    assert r.withheld(records["secret_inc"]) and not r.withheld(records["open_inc"])
    assert r.withheld(records["informant"]) and not r.withheld(records["paper"])
    assert not r.withheld(records["only_secret"])  # partner keeps it, under the pseudonym
    assert r.withheld(records["about_secret"])  # only about a confidential incident
    assert r.withheld(records["portrait"])  # depicts a protected person
    assert not r.withheld(records["photo"])
    assert r.counts() == {"incident": 1, "source": 1, "claim": 1, "evidence": 1, "contact": 2,
                          "pseudonym": 2, "detail": 1}


def test_public_withholds_claims_resting_only_on_confidential_sources(case, records):
    r = redactor(case, "public")
    assert r.withheld(records["only_secret"])
    assert not r.withheld(records["backed"])  # an open source supports it
    assert not r.withheld(records["open_claim"])
    assert not r.shows_handlers and not r.shows_notes


def test_scrub_replaces_names_and_contacts_in_free_text(case, records):
    r = redactor(case, "public")
    text = r.scrub(records["open_inc"].description)
    assert "María" not in text and "744" not in text
    assert text.startswith("Witness A saw it")
    # case-insensitive and in decomposed Unicode too
    assert r.scrub("maria PÉREZ".replace("É", "E\u0301").replace("maria", "marÍa")) == "Witness A"
    assert r.scrub("Marías") == "Marías"  # whole words only
    assert r.scrub("la güera was there") == "Witness A was there"
    assert redactor(case, "full").scrub("María Pérez") == "María Pérez"


def test_unknown_profile_is_a_user_error(case):
    with case.session() as s, pytest.raises(InvalidInput):
        Redactor(s, "everyone")


def test_safe_extension():
    assert safe_extension("a.JPG") == ".jpg"
    assert safe_extension("noext") == ""
    assert safe_extension("x.<script>") == ""


# -- every output asks the same withheld set ------------------------------------------

def _csv_text(folder) -> str:
    return "\n".join(p.read_text(encoding="utf-8-sig") for p in sorted(folder.iterdir()))


@pytest.mark.parametrize("profile", ["partner", "public"])
def test_what_only_confidential_records_use_is_left_out_of_every_output(sample, tmp_path, profile):
    from casefile.dossier import write_dossier
    from casefile.services.csv_export import export_csv
    from casefile.services.interchange.export import export_json

    from .conftest import SECRETS, pdf_text

    with sample.case.session() as s:  # a tag only the confidential incident carries
        raid = s.scalars(select(Incident).where(Incident.confidential)).one()
        raid.tags.append(IncidentTag(tag="operativo-secreto"))
    export_csv(sample.case, tmp_path / "csv", profile=profile)
    export_json(sample.case, tmp_path / "case.json", profile=profile)
    write_dossier(sample.case, tmp_path / "d.pdf", profile=profile)
    outputs = {"csv": _csv_text(tmp_path / "csv"), "json": (tmp_path / "case.json").read_text(encoding="utf-8"),
               "pdf": pdf_text(tmp_path / "d.pdf")}
    for fmt, text in outputs.items():
        for what in ("safe house place", "informant", "confidential incident", "protected name", "alias"):
            assert SECRETS[what] not in text, (fmt, what)
        assert "operativo-secreto" not in text, fmt
        assert "Testigo A" in text, fmt
    places = (tmp_path / "csv" / "places.csv").read_text(encoding="utf-8-sig")
    assert "El Pericón" in places and places.count("\n") == 2  # header and the one shown place
    doc = json.loads(outputs["json"])
    assert [p["name"] for p in doc["places"]] == ["El Pericón"]
    assert "Informante" not in json.dumps(doc) and not any(i["confidential"] for i in doc["incidents"])


def test_csv_scrubs_tags_place_names_and_municipalities(sample, tmp_path):
    from casefile.services.csv_export import export_csv

    with sample.case.session() as s:
        incident = s.scalars(select(Incident).where(Incident.code == "INC-0001")).one()
        incident.tags.append(IncidentTag(tag="maria-perez-nava"))
        incident.place.municipality = "Casa de María Pérez, Tecoanapa"
    export_csv(sample.case, tmp_path / "csv", profile="public")
    text = _csv_text(tmp_path / "csv")
    assert "maria-perez-nava" not in text and "María Pérez" not in text
    assert "Testigo A" in (tmp_path / "csv" / "places.csv").read_text(encoding="utf-8-sig")
    incidents = (tmp_path / "csv" / "incidents.csv").read_text(encoding="utf-8-sig")
    assert "Testigo A" in incidents


def test_a_scope_tag_naming_a_protected_person_is_scrubbed_on_the_cover(sample, tmp_path):
    from casefile.dossier import write_dossier

    from .conftest import leaks

    with sample.case.session() as s:
        incident = s.scalars(select(Incident).where(Incident.code == "INC-0001")).one()
        incident.tags.append(IncidentTag(tag="maria-perez-nava"))
    write_dossier(sample.case, tmp_path / "d.pdf", profile="public", tag="maria-perez-nava")
    assert not leaks(tmp_path / "d.pdf", "maria-perez-nava") and not leaks(tmp_path / "d.pdf", "Pérez Nava")
