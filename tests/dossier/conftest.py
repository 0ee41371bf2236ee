"""A small Guerrero case with every kind of record, a protected witness, a
confidential source and incident, and evidence with EXIF GPS."""

from __future__ import annotations

import hashlib
import io
import os
import re
from dataclasses import dataclass
from functools import lru_cache

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import StreamObject

from casefile.model import (
    Actor,
    ActorRelation,
    Assessment,
    Blob,
    BlobChunk,
    Chunk,
    Claim,
    ClaimSubject,
    CustodyEvent,
    Evidence,
    EvidenceLink,
    Incident,
    IncidentLink,
    IncidentTag,
    Involvement,
    Place,
    Source,
    SourceCitation,
    Thumbnail,
    utcnow,
)
from tests.fixtures.hostile import small_jpeg_bytes

SECRETS = {
    "protected name": "María Pérez Nava",
    "alias": "La Güera",
    "actor contact": "+52 744 555 0199",
    "source contact": "maria.secreta@example.org",
    "confidential source title": "Entrevista grabada en Tixtla",
    "confidential source author": "Rosalba Quiroz",
    "confidential incident": "Allanamiento de la casa de seguridad",
    "evidence file name": "maria_perez_rostro.jpg",
    "internal note": "Call her after dark only",
    "safe house place": "Casa de seguridad de la calle Morelos",
    "informant": "Informante Zacarías Ruiz",
}


def store_file(session, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    session.merge(Chunk(sha256=sha, data=data))
    session.merge(Blob(sha256=sha, size=len(data)))
    session.merge(BlobChunk(blob_sha256=sha, seq=0, chunk_sha256=sha))
    return sha


def make_evidence(session, data: bytes, name: str, *, thumbnail: bool = False, **kw) -> Evidence:
    sha = store_file(session, data)
    evidence = Evidence(sha256=sha, size=len(data), original_name=name, media_type="image/jpeg",
                        intake_at=utcnow(), intake_by="Ana Documenter", **kw)
    session.add(evidence)
    session.flush()
    if thumbnail:
        image = Image.open(io.BytesIO(data))
        image.thumbnail((128, 128))
        out = io.BytesIO()
        image.save(out, "PNG")
        session.add(Thumbnail(evidence_id=evidence.id, png=out.getvalue()))
    session.add(CustodyEvent(evidence_id=evidence.id, at=utcnow(), who="Ana Documenter", action="acquired",
                             sha256_observed=sha))
    return evidence


@dataclass
class Sample:
    case: object
    codes: list[str]


@pytest.fixture
def sample(case) -> Sample:
    with case.session() as s:
        place = Place(name="El Pericón", municipality="Tecoanapa", state="Guerrero", country="México",
                      precision="nearby", latitude=16.99, longitude=-99.41)
        coordinator = Actor(name="Bruno Plácido Valerio", category="person", actor_type="community_police",
                            description="Coordinator of the UPOEG.")
        upoeg = Actor(name="UPOEG", category="group", actor_type="community_police")
        army = Actor(name="Ejército Mexicano", category="organisation", actor_type="state_forces",
                     contact="prensa@sedena.example")
        witness = Actor(name=SECRETS["protected name"], aliases=SECRETS["alias"], category="person",
                        protected=True, pseudonym="Testigo A", contact=SECRETS["actor contact"],
                        description="Lives next to the school.")
        jornada = Source(title="Retienen autodefensas a 60 militares", outlet="La Jornada", author="Sergio Ocampo",
                         published="2013-08-06", reliability="B", url="https://www.jornada.example/2013/08/06")
        analysis = Source(title="Paramilitares en Guerrero: análisis", outlet="Análisis Sur", reliability="C",
                          source_kind="analysis")
        analysis.citations.append(SourceCitation(cited=jornada, note="relays La Jornada"))
        secret = Source(title=SECRETS["confidential source title"], author=SECRETS["confidential source author"],
                        confidential=True, pseudonym="Fuente W", contact=SECRETS["source contact"],
                        source_kind="testimony", reliability="B")
        detention = Incident(
            title="Detención de policías comunitarios por el Ejército", start_date="2013-08-05",
            start_qualifier="approximate", place=place, incident_type="detention", violation_status="likely",
            fatalities=0, notes=SECRETS["internal note"],
            description=f"Soldiers detained members of the UPOEG.\n\n{SECRETS['protected name']} saw the arrests.")
        detention.involvements += [
            Involvement(actor=army, role="perpetrator", degree="carried_out", head_count=60,
                        head_count_approximate=True),
            Involvement(actor=upoeg, role="victim"), Involvement(actor=witness, role="witness")]
        detention.tags.append(IncidentTag(tag="guerrero-2013"))
        roadblock = Incident(title="Bloqueo carretero en El Pericón", start_date="2013-08-06",
                             end_date="2013-08-07", place=place, incident_type="roadblock")
        roadblock.involvements.append(Involvement(actor=upoeg, role="participant", head_count=300))
        raid = Incident(title=SECRETS["confidential incident"], start_date="2013-09", confidential=True,
                        place=Place(name=SECRETS["safe house place"], precision="exact"))
        raid.involvements.append(Involvement(actor=Actor(name=SECRETS["informant"]), role="witness"))
        s.add_all([detention, roadblock, raid, coordinator, analysis, secret])
        s.flush()
        s.add(IncidentLink(from_id=detention.id, to_id=roadblock.id, relation="causes"))
        s.add(ActorRelation(actor_id=coordinator.id, other_id=upoeg.id, relation="leader_of"))
        paramilitaries = Claim(summary="Los hombres de negro son paramilitares que trabajan con el Ejército",
                               quote="son paramilitares", quote_kind="translation", translated_by="outlet",
                               claimant=coordinator, source=analysis, origin=jornada, origin_status="located",
                               credibility=3,
                               status="contested", stance="denies", claimed_on="2013-08-06")
        beaten = Claim(summary="Soldiers beat the detainees", source=secret, claimant=witness, credibility=2)
        sixty = Claim(summary="About sixty soldiers were held", source=secret, credibility=1,
                      status="corroborated")
        raid_claim = Claim(summary="The raid happened at night", source=jornada)
        s.add_all([paramilitaries, beaten, sixty, raid_claim])
        s.flush()
        s.add_all([
            ClaimSubject(claim_id=paramilitaries.id, incident_id=detention.id),
            ClaimSubject(claim_id=beaten.id, incident_id=detention.id),
            ClaimSubject(claim_id=sixty.id, incident_id=roadblock.id),
            ClaimSubject(claim_id=raid_claim.id, incident_id=raid.id),
            Assessment(claim_id=sixty.id, by_source_id=jornada.id, relation="supports"),
            Assessment(claim_id=paramilitaries.id, by_source_id=jornada.id, relation="repeats"),
            Assessment(claim_id=beaten.id, by_claim_id=sixty.id, relation="supports", note="same day"),
        ])
        photo = make_evidence(s, small_jpeg_bytes((320, 240)), "roadblock.jpg", thumbnail=True,
                              camera_make="HostileCam", latitude=16.99, longitude=-99.41)
        face = make_evidence(s, small_jpeg_bytes((200, 200)), SECRETS["evidence file name"])
        scan = make_evidence(s, small_jpeg_bytes((300, 400), exif_gps=False), "statement.jpg")
        s.add_all([
            EvidenceLink(evidence_id=photo.id, incident_id=roadblock.id, relation="depicts"),
            EvidenceLink(evidence_id=face.id, actor_id=witness.id, relation="depicts"),
            EvidenceLink(evidence_id=face.id, incident_id=detention.id, relation="context"),
            EvidenceLink(evidence_id=scan.id, claim_id=paramilitaries.id, relation="supports"),
        ])
        s.flush()
        codes = [r.code for r in (place, coordinator, upoeg, army, witness, jornada, analysis, secret, detention,
                                  roadblock, raid, paramilitaries, beaten, sixty, raid_claim, photo, face, scan)]
    return Sample(case, codes)


# -- reading PDFs back ------------------------------------------------------------

def pdf_text(path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def outline_titles(path) -> list[str]:
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(PdfReader(path).outline)
    return titles


def every_byte(path) -> bytes:
    """The file, plus every stream decompressed, plus outline titles and
    document information as UTF-8: what a leak scan must search."""
    reader = PdfReader(path)
    parts = [open(path, "rb").read()]
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if isinstance(obj, StreamObject):
            parts.append(obj.get_data())
    parts.append("\n".join(outline_titles(path)).encode())
    parts.append(repr(dict(reader.metadata or {})).encode())
    parts.append(pdf_text(path).encode())
    return b"\n".join(parts)


@lru_cache(maxsize=8)
def _scan_material(path: str, mtime: float) -> tuple[bytes, str]:
    return every_byte(path), re.sub(r"\W", "", pdf_text(path)).lower()


def leaks(path, secret: str) -> bool:
    blob, letters_text = _scan_material(str(path), os.path.getmtime(path))
    forms = {secret.encode(), secret.encode("utf-16-be"), secret.encode("utf-16-le")}
    try:
        forms.add(secret.encode("latin-1"))
    except UnicodeEncodeError:
        pass
    if any(f in blob for f in forms):
        return True
    # Text as drawn may be split across show operators: compare letters only.
    letters = re.sub(r"\W", "", secret).lower()
    return letters in letters_text


def image_streams(path) -> list[bytes]:
    """The raw (still encoded) bytes of every image XObject in the file."""
    reader = PdfReader(path)
    out = []
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Image":
            out.append(obj.get_data())
    return out
