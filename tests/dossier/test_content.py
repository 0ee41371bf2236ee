"""What a lawyer reads: caveats in every profile while notes stay with the
team, grade reasons beside grades, "not recorded" where a lawyer would ask,
evidence as the Berkeley Protocol expects (collection, handling apart from
analysis, hashes in blocks of eight), and a confidential source listed
under its pseudonym with its grade."""

import re

import pytest
from sqlalchemy import select

from casefile.dossier import write_dossier
from casefile.model import Claim, CustodyEvent, Evidence, Incident, Source, utcnow

from .conftest import pdf_text

CAVEAT = "Date inferred from the report, not stated in it."
NOTE = "Ask the editor for the reporter's notes."


def flat(text: str) -> str:
    return re.sub(r"(\w)- (\w)", r"\1\2", re.sub(r"\s+", " ", text))


def section(text: str, start: str, end: str) -> str:
    """The text from the section heading ``start`` (the heading, then its first
    words: never a contents line) up to ``end``."""
    begin = re.search(start, text).end()
    return text[begin:text.index(end, begin)]


@pytest.fixture
def annotated(sample):
    with sample.case.session() as s:
        detention = s.scalars(select(Incident).where(Incident.start_date == "2013-08-05")).one()
        detention.caveats, detention.notes = CAVEAT, NOTE
        claim = s.scalars(select(Claim).where(Claim.quote == "son paramilitares")).one()
        claim.credibility_reason = "Second-hand: a paraphrase relayed by an analysis site."
        claim.caveats = "Translated by the outlet."
        jornada = s.scalars(select(Source).where(Source.outlet == "La Jornada")).one()
        jornada.reliability_reason = "National daily with a correspondent in Guerrero."
        jornada.caveats = "Headline as printed; the page was not archived."
        secret = s.scalars(select(Source).where(Source.confidential)).one()
        secret.reliability_reason = "Her cousin is the detainee."  # could point to her: never shared
        secret.caveats = "Interview by telephone."
        photo = s.scalars(select(Evidence).where(Evidence.original_name == "roadblock.jpg")).one()
        photo.collected_by, photo.collection_tool = "Ana Documenter", "Hunchly 2.4"
        photo.preservation = "Original kept in the case file; copy on an offline drive"
        photo.origin = "https://video.example/watch?v=abc"
        photo.captured_at = "2013:08:06 10:15:00"
        s.add(CustodyEvent(evidence_id=photo.id, at=utcnow(), who="Ana Documenter", action="linked",
                           sha256_observed=photo.sha256, details=f"depicts {detention.code}"))
        s.add(CustodyEvent(evidence_id=photo.id, at=utcnow(), who="Ana Documenter", action="verified",
                           sha256_observed=photo.sha256))
        codes = {"detention": detention.code, "jornada": jornada.code, "photo": photo.code,
                 "analysis": s.scalars(select(Source.code).where(Source.outlet == "Análisis Sur")).one()}
        digest = photo.sha256
    return sample, codes, digest


@pytest.mark.parametrize("profile", ["full", "partner", "public"])
def test_caveats_reach_every_reader_notes_stay_with_the_team(annotated, tmp_path, profile):
    sample, codes, digest = annotated
    out = tmp_path / f"{profile}.pdf"
    write_dossier(sample.case, out, profile=profile)
    text = flat(pdf_text(out))
    assert f"Caveats: {CAVEAT}" in text
    assert "Headline as printed; the page was not archived." in text
    assert (NOTE in text) == (profile == "full")
    assert "Why this grade: Second-hand: a paraphrase relayed by an analysis site." in text
    assert "Caveats: Translated by the outlet." in text
    sources = section(text, r"Sources Code Title Kind Reliability", "Evidence annex")
    # the grade and the reason for it, side by side
    assert re.search(r"B - Usually reliable Why this grade: National daily with a correspondent in Guerrero\.",
                     sources)
    # fields a lawyer asks about say they were not recorded
    analysis = sources[sources.index(codes["analysis"]):]
    assert re.search(r"Author: not recorded .*Accessed: not recorded .*Address: not recorded", analysis)
    if profile == "partner":
        # cited as "Fuente W": listed under that name, with its kind and grade, not left out
        assert re.search(r"— Fuente W (Caveats: Interview by telephone\. )?Testimony B - Usually reliable "
                         r"Why this grade: withheld", sources)
        assert "Interview by telephone." in sources
    if profile != "full":
        assert "Her cousin" not in text


def test_evidence_as_the_berkeley_protocol_expects(annotated, tmp_path):
    sample, codes, digest = annotated
    out = tmp_path / "partner.pdf"
    write_dossier(sample.case, out, profile="partner")
    text = flat(pdf_text(out))
    annex = section(text, r"Evidence annex EVI-", "Methodology")
    item = annex[annex.index(codes["photo"]):]
    for fact in ("Created or captured 2013:08:06 10:15:00", "Collected by Ana Documenter",
                 "Collected with Hunchly 2.4", "From (URL or device) https://video.example/watch?v=abc",
                 "How preserved Original kept in the case file; copy on an offline drive"):
        assert fact in item, fact
    other = annex[annex.index("EVI-0003"):]  # an item with nothing recorded about its collection
    assert "Collected by not recorded" in other and "How preserved not recorded" in other
    # the hash in blocks of eight, to be read aloud
    assert " ".join(digest[n:n + 8] for n in range(0, 64, 8)) in item
    # handling in the custody table; linking listed apart, as analysis
    custody = item[item.index("Chain of custody"):item.index("Analysis")]
    assert "Verified" in custody and "Acquired" in custody and "Linked" not in custody
    analysis = item[item.index("Analysis"):]
    assert f"Linked: depicts {codes['detention']}" in analysis
