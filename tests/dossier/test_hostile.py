"""Hostile strings through every text field into a dossier: markup prints
literally, nothing is fetched, the file stays valid."""

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from casefile.dossier import write_dossier
from casefile.model import (
    Actor, Assessment, Claim, ClaimRelay, ClaimSubject, CustodyEvent, Evidence, EvidenceLink, Incident, IncidentTag,
    Involvement, Place, Source, SourceCitation, utcnow,
)
from casefile.store import Case
from tests.fixtures.hostile import HOSTILE_STRINGS, small_jpeg_bytes

from .conftest import image_streams, outline_titles, pdf_text, store_file

MARKUP = " | ".join(HOSTILE_STRINGS[k] for k in ("bold", "img", "font", "entities", "script"))
OTHERS = [v for k, v in HOSTILE_STRINGS.items() if k not in ("bold", "img", "font", "entities", "script")]
HOSTILE = MARKUP + " | " + " | ".join(v for v in OTHERS if len(v) < 1000)


class Rotation:
    """Every field gets the markup payloads plus two more hostile strings in
    turn, so each string passes through several fields while the dossier stays
    small enough to build in a second or two."""

    def __init__(self):
        self.n = 0

    def __call__(self, prefix: str = "") -> str:
        extra = [OTHERS[(self.n + i) % len(OTHERS)] for i in range(2)]
        self.n += 2
        return prefix + MARKUP + " | " + " | ".join(extra)


def flat(text: str) -> str:
    return re.sub(r"[\s\u200b]+", "", text)


@pytest.fixture
def hostile_case(tmp_path):
    case = Case.create(tmp_path / "hostile.casefile", "Case " + MARKUP, documenter=HOSTILE)
    h = Rotation()
    long_word = HOSTILE_STRINGS["long_word"]
    with case.session() as s:
        place = Place(name=h(), municipality=h(), state=h(), country=h(), description=h(), precision="exact")
        actor = Actor(name=h(), aliases=h() + "\n" + h(), description=h(), contact="<font>contact</font>", actor_type=h())
        hidden = Actor(name=h("Hidden "), protected=True, pseudonym=h("Pseudo "), contact="<b>hidden</b> contact")
        cited = Source(title=h("Cited "), outlet=h(), author=h(), url=h(), language=h()[:16], text=h(), notes=h())
        source = Source(title=h(), outlet=h(), author=h(), url=h(), language=h()[:16], text=h(), notes=h(), contact="<i>src</i>")
        source.citations.append(SourceCitation(cited=cited, note=h()))
        secret = Source(title=h("Secret "), confidential=True, pseudonym=h("Anon "), contact="&amp; secret")
        incident = Incident(title=h() + " " + long_word, description=h() + "\n\n" + h(), notes=h(), place=place, incident_type=h(),
                            violation_status=h(), start_date="2013-08")
        incident.tags.append(IncidentTag(tag=h()[:120]))
        incident.involvements += [Involvement(actor=actor, role=h(), degree=h(), note=h(), head_count=3),
                                  Involvement(actor=hidden, role="witness", note=h())]
        claim = Claim(summary=h(), quote=h() + long_word, notes=h(), claimant=hidden, source=secret, stance=h(), status=h())
        other = Claim(summary=h("Other "), source=source, claimant=actor, origin=cited, origin_status="not_located",
                      quote=h(), quote_kind="translation", translated_by="documenter")
        other.relays.append(ClaimRelay(source=secret, note=h()))
        s.add_all([incident, claim, other])
        s.flush()
        data = small_jpeg_bytes((80, 60))
        evidence = Evidence(sha256=store_file(s, data), size=len(data), original_name=long_word + h(), title=h(), media_type="image/jpeg",
                            intake_at=utcnow(), intake_by=h(), obtained_how=h(), origin=h(), note=h(), captured_at=h()[:32],
                            camera_make=h(), camera_model=h(), document_title=h(), document_author=h(),
                            document_created=h(), document_modified=h())
        s.add(evidence)
        s.flush()
        s.add_all([
            ClaimSubject(claim_id=claim.id, incident_id=incident.id),
            ClaimSubject(claim_id=other.id, incident_id=incident.id),
            Assessment(claim_id=claim.id, by_source_id=source.id, relation="supports", note=h()),
            Assessment(claim_id=other.id, by_claim_id=claim.id, relation="contradicts", note=h()),
            EvidenceLink(evidence_id=evidence.id, incident_id=incident.id, relation="depicts", note=h()),
            CustodyEvent(evidence_id=evidence.id, at=utcnow(), who=h(), action="acquired", details=h(),
                         sha256_observed=evidence.sha256),
        ])
    yield case
    case.close()


@pytest.mark.parametrize("profile", ["full", "public"])
def test_hostile_strings_print_literally(hostile_case, tmp_path, profile):
    out = tmp_path / f"{profile}.pdf"
    result = write_dossier(hostile_case, out, profile=profile, organisation=HOSTILE)
    if shutil.which("qpdf"):
        check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout
    text = flat(pdf_text(out))
    for literal in ("<b>bold</b>", '<imgsrc="/etc/passwd"/>', "<fontcolor=redsize=40>red</font>",
                    "&amp;&lt;b&gt;", "<script>alert(1)</script>", "{0}{name}%s", "Plácido"):
        assert flat(literal) in text, literal
    assert text.count("x" * 12) >= 400 * 2  # the 5,000-character word is broken into lines, not lost
    # the only image is the evidence preview; no <img> payload was fetched
    assert len(image_streams(out)) == 1
    titles = outline_titles(out)
    assert any("<b>bold</b>" in t for t in titles)  # outline titles are plain text
    contents = flat("".join(page.extract_text() for page in PdfReader(out).pages[1:4]))
    assert flat("INC-0001 <b>bold</b> and <i>unclosed") in contents  # and so is the table of contents
    assert result.pages > 3
