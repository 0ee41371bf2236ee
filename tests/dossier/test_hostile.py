"""Hostile strings through every text field into a dossier: markup prints
literally, nothing is fetched, the file stays valid."""

import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from casefile.dossier import write_dossier
from casefile.model import (
    Actor,
    Assessment,
    Claim,
    ClaimRelay,
    ClaimSubject,
    CustodyEvent,
    Evidence,
    EvidenceLink,
    Incident,
    IncidentTag,
    Involvement,
    Place,
    Source,
    SourceCitation,
    utcnow,
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
        # Protected names of their own: shared dossiers withhold every part of them wherever it appears.
        hidden = Actor(name="Rosendo Quintana Oculto", protected=True, pseudonym=h("Pseudo "),
                       contact="<b>hidden</b> contact")
        cited = Source(title=h("Cited "), outlet=h(), author=h(), url=h(), language=h()[:16], text=h(), notes=h())
        source = Source(title=h(), outlet=h(), author=h(), url=h(), language=h()[:16], text=h(), notes=h(), contact="<i>src</i>")
        source.citations.append(SourceCitation(cited=cited, note=h()))
        secret = Source(title="Entrevista reservada en Tixtla", confidential=True, pseudonym=h("Anon "),
                        contact="&amp; secret")
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


# -- any length, any shape, in every field -------------------------------------------

# The interchange schema's maxLength (resources/schema): a line (names, titles),
# a text (descriptions, notes, quotes), a source's full text, a tag.
LINE, TEXT, FULLTEXT, TAG = 2000, 200_000, 5_000_000, 128


def fit(unit: str, size: int, edge: str = "START ") -> str:
    """``unit`` repeated to ``size`` characters, with a visible word at each end."""
    body = unit * max(1, (size - 2 * len(edge)) // len(unit) + 1)
    return edge + body[:max(0, size - 2 * len(edge))] + edge.strip()


SHAPES = {
    "newlines": lambda n: fit("line\n", n),
    "blank_lines": lambda n: fit("\n\n\n\nx", n),
    "one_long_word": lambda n: fit("x", n),
    "spaces": lambda n: fit(" ", n),
    "markup": lambda n: fit("<b>&amp;<br/>", n),
    "combining": lambda n: fit("e" + "\u0301" * 50, n),
    "rtl": lambda n: fit("قوات الجيش احتجزت الشرطة المجتمعية \u202e", n),
    "nul": lambda n: fit("a\x00", n),
}


def mixed(size: int) -> str:
    """Every shape in one text: each an equal share of ``size`` characters."""
    share = max(16, size // len(SHAPES))
    return "\n".join(shape(share) for shape in SHAPES.values())[:size]


def every_field_case(path, text) -> Case:
    """A case in which every free-text field holds ``text(limit)``, ``limit``
    being that field's maximum length in the interchange schema: the case's
    own fields, places, actors (one protected), sources (one citing the other),
    an incident with its tags, involvements and link, claims, assessments,
    evidence with its link and custody, and vocabulary labels in use."""
    from sqlalchemy import select

    from casefile.model import ActorRelation, CaseInfo, IncidentLink, VocabularyTerm

    line, long = text(LINE), text(TEXT)
    case = Case.create(path, "Case " + line, documenter=line)
    with case.session() as s:
        info = s.scalars(select(CaseInfo)).one()
        info.organisation, info.description = line, long
        for term in s.scalars(select(VocabularyTerm).where(VocabularyTerm.vocabulary == "credibility")):
            term.label_en, term.description_en = line, long
        s.add(VocabularyTerm(vocabulary="incident_type", key="hostile", label_en=line, label_es=line,
                             description_en=long, position=99, builtin=False))
        place = Place(name=line, municipality=line, state=line, country=line, description=long, precision="exact")
        actor = Actor(name=line, aliases=long, description=long, contact=long)
        hidden = Actor(name=line, protected=True, pseudonym=line, aliases=long, description=long, contact=long)
        cited = Source(title=line, outlet=line, author=line, url=line, language=text(16), text=text(FULLTEXT),
                       notes=long, contact=long)
        source = Source(title=line, outlet=line, author=line, url=line, language=text(16), text=text(FULLTEXT),
                        notes=long, contact=long, confidential=True, pseudonym=line)
        source.citations.append(SourceCitation(cited=cited, note=long))
        incident = Incident(title=line, description=long, notes=long, place=place, incident_type="hostile",
                            start_date="2013-08")
        other = Incident(title=line, description=long, place=place, start_date="2013-09")
        # A tag is a key: no NUL there (the schema allows none anywhere; the model takes it elsewhere).
        tag = text(TAG).replace("\x00", "")[:TAG - 3]
        incident.tags += [IncidentTag(tag=f"{n:03d}{tag}") for n in range(20)]
        incident.involvements += [Involvement(actor=actor, role="victim", note=long),
                                  Involvement(actor=hidden, role="witness", note=long)]
        claim = Claim(summary=long, quote=long, notes=long, claimant=hidden, source=source, credibility=3,
                      quote_kind="translation", translated_by="outlet", origin=cited, origin_status="not_located")
        claim.relays.append(ClaimRelay(source=cited, note=long))
        second = Claim(summary=long, quote=long, notes=long, claimant=actor, source=cited, credibility=3)
        s.add_all([incident, other, claim, second])
        s.flush()
        data = small_jpeg_bytes((80, 60))
        evidence = Evidence(sha256=store_file(s, data), size=len(data), original_name=line, title=line,
                            media_type="image/jpeg", intake_at=utcnow(), intake_by=line, obtained_how=long,
                            origin=long, note=long, captured_at=text(32), camera_make=line, camera_model=line,
                            document_title=line, document_author=line, document_created=line,
                            document_modified=line)
        s.add(evidence)
        s.flush()
        s.add_all([
            IncidentLink(from_id=incident.id, to_id=other.id, relation="causes"),
            ActorRelation(actor_id=actor.id, other_id=hidden.id, relation="member_of"),
            ClaimSubject(claim_id=claim.id, incident_id=incident.id),
            ClaimSubject(claim_id=second.id, incident_id=incident.id),
            ClaimSubject(claim_id=second.id, actor_id=actor.id),
            Assessment(claim_id=claim.id, by_source_id=cited.id, relation="supports", note=long),
            Assessment(claim_id=second.id, by_claim_id=claim.id, relation="contradicts", note=long),
            EvidenceLink(evidence_id=evidence.id, incident_id=incident.id, relation="depicts", note=long),
            EvidenceLink(evidence_id=evidence.id, claim_id=claim.id, relation="supports", note=long),
            CustodyEvent(evidence_id=evidence.id, at=utcnow(), who=line, action="acquired", details=long,
                         sha256_observed=evidence.sha256),
        ])
    return case


def story_of(case, profile: str = "full") -> list:
    """The flowables write_dossier() would lay out."""
    from datetime import date

    from casefile.dossier.data import Loader, Scope
    from casefile.dossier.labels import Labels
    from casefile.dossier.story import DossierStory
    from casefile.services.redaction import Redactor

    labels = Labels("en")
    with case.session() as session:
        data = Loader(session, Redactor(session, profile), labels, Scope()).load("0" * 64, None, date.today())
    return DossierStory(data, labels, {}).build()


def flowables(items):
    """Every flowable, nested ones (table cells, kept-together groups) included."""
    from reportlab.platypus import Table

    for item in items:
        if isinstance(item, (list, tuple)):
            yield from flowables(item)
            continue
        yield item
        if isinstance(item, Table):
            yield from flowables(cell for row in item._cellvalues for cell in row)
        content = getattr(item, "_content", None)
        if content:
            yield from flowables(content)


@pytest.mark.parametrize("shape", SHAPES, ids=SHAPES.keys())
def test_no_flowable_holds_unbounded_text(tmp_path, shape):
    """Layout costs pages x length for one long paragraph or cell, and rows^2
    for one long table: every field (8,000 characters, or its maximum if
    less) reaches ReportLab as flowables of bounded size, so the build is
    linear in the text (tests/perf/hostile_dossier_bench.py measures it at
    the schema's maxima)."""
    from reportlab.platypus import Paragraph, Table

    from casefile.dossier.story import ROWS
    from casefile.dossier.text import PIECE_CHARS, PIECE_LINES

    case = every_field_case(tmp_path / "every.casefile", lambda limit: SHAPES[shape](min(limit, 8000)))
    try:
        story = story_of(case)
    finally:
        case.close()
    paragraphs = tables = 0
    for item in flowables(story):
        if isinstance(item, Paragraph):
            paragraphs += 1
            shown = re.sub(r"&#?\w+;", "&", re.sub(r"<[^>]*>", "", item.text))  # as printed
            assert len(shown) <= PIECE_CHARS * 1.1 + 100, item.text[:80]  # long words gain a space per 12
            assert item.text.count("<br/>") <= PIECE_LINES, item.text[:80]
        elif isinstance(item, Table):
            tables += 1
            assert len(item._cellvalues) <= ROWS + 1
    assert paragraphs > 100 and tables > 5


def test_eight_thousand_line_breaks_build_with_every_line(case, tmp_path):
    """Issue 13: a claim summary of 8,000 lines took 84 s and 1.4 GB. It now
    builds in seconds, and every line is in the PDF."""
    summary = "\n".join(f"L{n:04d}" for n in range(8000))
    with case.session() as s:
        incident = Incident(title="Many lines", start_date="2013-08")
        claim = Claim(summary=summary, source=Source(title="Outlet"))
        s.add_all([incident, claim])
        s.flush()
        s.add(ClaimSubject(claim_id=claim.id, incident_id=incident.id))
    out = tmp_path / "lines.pdf"
    write_dossier(case, out)
    found = set(re.findall(r"L\d{4}", pdf_text(out)))
    assert found == {f"L{n:04d}" for n in range(8000)}


@pytest.mark.parametrize("profile", ["full", "public"])
def test_every_hostile_string_in_every_field_builds(tmp_path, profile):
    """Every string of the hostile fixture, in every field the schema allows."""
    joined = " | ".join(HOSTILE_STRINGS.values())
    case = every_field_case(tmp_path / "every.casefile", lambda limit: ("Ω " + joined * 2)[:limit])
    try:
        out = tmp_path / f"{profile}.pdf"
        result = write_dossier(case, out, profile=profile)
    finally:
        case.close()
    text = flat(pdf_text(out))
    assert result.pages > 10
    assert flat("<b>bold</b> and <i>unclosed") in text and flat('<img src="/etc/passwd"/>') in text
    assert len(image_streams(out)) == 1


@pytest.mark.parametrize("shape", SHAPES, ids=SHAPES.keys())
def test_any_shape_of_text_builds(tmp_path, shape):
    """Each shape at a few thousand characters in every field: the dossier
    builds, and the text's last word (after the shape) is printed."""
    case = every_field_case(tmp_path / "every.casefile", lambda limit: SHAPES[shape](min(limit, 3000)))
    try:
        out = tmp_path / "shape.pdf"
        write_dossier(case, out)
    finally:
        case.close()
    assert "START" in pdf_text(out)
