"""The case's records: incidents, actors, places, sources, claims and the
links between them. Field names follow HURIDOCS ESF, ACLED and the Admiralty
grading system; vocabulary fields hold term keys (see ``vocabulary.py``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Record, UTCDateTime, new_uuid
from .consent import ConsentColumns


class CaseInfo(Base):
    """The case itself: one row."""

    __tablename__ = "case_info"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    documenter: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="en")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CodeCounter(Base):
    """Next number per code prefix, so codes never repeat even after deletion."""

    __tablename__ = "code_counter"
    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    next_value: Mapped[int] = mapped_column(Integer, default=1)


class Place(Record, Base):
    __tablename__ = "place"
    prefix, kind = "PLC", "place"

    name: Mapped[str] = mapped_column(Text)
    municipality: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(Text, default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[str] = mapped_column(String(32), default="unknown")
    description: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("latitude IS NULL OR latitude BETWEEN -90 AND 90", name="latitude"),
        CheckConstraint("longitude IS NULL OR longitude BETWEEN -180 AND 180", name="longitude"),
    )


class Incident(Record, Base):
    __tablename__ = "incident"
    prefix, kind = "INC", "incident"

    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    # ISO partial dates (see dates.PartialDate); text order is date order.
    start_date: Mapped[str | None] = mapped_column(String(10), index=True)
    start_qualifier: Mapped[str] = mapped_column(String(16), default="exact")
    end_date: Mapped[str | None] = mapped_column(String(10))
    end_qualifier: Mapped[str] = mapped_column(String(16), default="exact")
    place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="SET NULL"), index=True)
    incident_type: Mapped[str] = mapped_column(String(64), default="")
    violation_status: Mapped[str] = mapped_column(String(32), default="unknown")
    fatalities: Mapped[int | None] = mapped_column(Integer)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    place: Mapped[Place | None] = relationship()
    involvements: Mapped[list[Involvement]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", passive_deletes=True)
    tags: Mapped[list[IncidentTag]] = relationship(cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (CheckConstraint("fatalities IS NULL OR fatalities >= 0", name="fatalities"),)


class IncidentTag(Base):
    __tablename__ = "incident_tag"
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), primary_key=True)
    tag: Mapped[str] = mapped_column(String(128), primary_key=True, index=True)


class IncidentLink(Base):
    """Incident ``from`` precedes / causes / is part of incident ``to``."""

    __tablename__ = "incident_link"
    id: Mapped[int] = mapped_column(primary_key=True)
    from_id: Mapped[int] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), index=True)
    to_id: Mapped[int] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(32))
    __table_args__ = (UniqueConstraint("from_id", "to_id", "relation", name="uq_incident_link"),)


class Actor(Record, Base):
    __tablename__ = "actor"
    prefix, kind = "ACT", "actor"

    name: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32), default="group")  # person, group, ...
    actor_type: Mapped[str] = mapped_column(String(64), default="")
    aliases: Mapped[str] = mapped_column(Text, default="")  # one per line
    description: Mapped[str] = mapped_column(Text, default="")
    # A protected person appears in shared dossiers only under the pseudonym.
    protected: Mapped[bool] = mapped_column(Boolean, default=False)
    pseudonym: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")  # never leaves a full dossier

    __table_args__ = (
        CheckConstraint("NOT protected OR pseudonym <> ''", name="protected_pseudonym"),
    )


class ActorRelation(Base):
    """Actor is member of / unit of / allied with another actor."""

    __tablename__ = "actor_relation"
    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(32))
    __table_args__ = (UniqueConstraint("actor_id", "other_id", "relation", name="uq_actor_relation"),)


class Involvement(Base):
    """An actor in an incident, with role, degree and head count."""

    __tablename__ = "involvement"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    degree: Mapped[str] = mapped_column(String(32), default="")
    head_count: Mapped[int | None] = mapped_column(Integer)
    head_count_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    incident: Mapped[Incident] = relationship(back_populates="involvements")
    actor: Mapped[Actor] = relationship()
    __table_args__ = (
        UniqueConstraint("incident_id", "actor_id", "role", name="uq_involvement"),
        CheckConstraint("head_count IS NULL OR head_count >= 0", name="head_count"),
    )


class Source(Record, ConsentColumns, Base):
    __tablename__ = "source"
    prefix, kind = "SRC", "source"

    title: Mapped[str] = mapped_column(Text)
    source_kind: Mapped[str] = mapped_column(String(32), default="news_article")
    outlet: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(Text, default="")
    published: Mapped[str | None] = mapped_column(String(10))  # partial ISO date
    url: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(16), default="")
    accessed: Mapped[str | None] = mapped_column(String(10))
    reliability: Mapped[str] = mapped_column(String(1), default="F")
    #: why the source got its grade, printed beside it
    reliability_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # A confidential source (a protected witness) is shown under its pseudonym.
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    pseudonym: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    #: the sources this one cites, in order (``SourceCitation``)
    citations: Mapped[list[SourceCitation]] = relationship(
        foreign_keys="SourceCitation.source_id", order_by="SourceCitation.position",
        cascade="all, delete-orphan", passive_deletes=True, back_populates="source")

    __table_args__ = (
        CheckConstraint("reliability IN ('A','B','C','D','E','F')", name="reliability"),
        CheckConstraint("NOT confidential OR pseudonym <> ''", name="confidential_pseudonym"),
    )


class SourceCitation(Base):
    """A source cites another (relays it, quotes it, builds on it), with a
    note: "relays CNN México for the count". A source may cite any number."""

    __tablename__ = "source_citation"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    cited_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")

    source: Mapped[Source] = relationship(foreign_keys=[source_id], back_populates="citations")
    cited: Mapped[Source] = relationship(foreign_keys=[cited_id])
    __table_args__ = (
        UniqueConstraint("source_id", "cited_id", name="uq_source_citation"),
        CheckConstraint("source_id <> cited_id", name="not_itself"),
    )


class Claim(Record, Base):
    __tablename__ = "claim"
    prefix, kind = "CLM", "claim"

    summary: Mapped[str] = mapped_column(Text)  # the paraphrase
    quote: Mapped[str] = mapped_column(Text, default="")  # as the read source gives it
    #: whose words the quote is: own_words, translation, paraphrase ("" not yet said)
    quote_kind: Mapped[str] = mapped_column(String(16), default="")
    #: who translated a translated quote: outlet, documenter
    translated_by: Mapped[str] = mapped_column(String(16), default="")
    quote_start: Mapped[int | None] = mapped_column(Integer)  # offset in source.text
    quote_end: Mapped[int | None] = mapped_column(Integer)
    claimant_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id", ondelete="SET NULL"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"), index=True)
    claimed_on: Mapped[str | None] = mapped_column(String(10))
    # The chain of attribution: claimant -> origin -> relays (ClaimRelay, in
    # order) -> source (the one the documenter read). Each claim has its own;
    # a source's citations never stand in for it.
    origin_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"), index=True)
    #: where it was first said: located (origin_id), not_located, read_source (the source is the origin), "" unknown
    origin_status: Mapped[str] = mapped_column(String(16), default="")
    #: seeded from the source's old single citation on upgrade: a person should look at it
    chain_review: Mapped[bool] = mapped_column(Boolean, default=False)
    credibility: Mapped[int] = mapped_column(Integer, default=6)
    #: why the information got its grade, printed beside it
    credibility_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    status: Mapped[str] = mapped_column(String(32), default="unverified")
    stance: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    claimant: Mapped[Actor | None] = relationship()
    source: Mapped[Source | None] = relationship(foreign_keys=[source_id])
    origin: Mapped[Source | None] = relationship(foreign_keys=[origin_id])
    relays: Mapped[list[ClaimRelay]] = relationship(
        order_by="ClaimRelay.position", cascade="all, delete-orphan", passive_deletes=True, back_populates="claim")

    __table_args__ = (
        CheckConstraint("credibility BETWEEN 1 AND 6", name="credibility"),
        CheckConstraint("quote_start IS NULL OR (quote_start >= 0 AND quote_end >= quote_start)", name="quote_span"),
    )


class ClaimRelay(Base):
    """A source through which a claim reached the documenter, between its
    origin and the source she read, ordered from the origin onwards."""

    __tablename__ = "claim_relay"
    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")

    claim: Mapped[Claim] = relationship(back_populates="relays")
    source: Mapped[Source] = relationship()
    __table_args__ = (UniqueConstraint("claim_id", "source_id", name="uq_claim_relay"),)


class ClaimSubject(Base):
    """What a claim is about: an incident or an actor (exactly one)."""

    __tablename__ = "claim_subject"
    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    __table_args__ = (
        CheckConstraint("(incident_id IS NULL) <> (actor_id IS NULL)", name="one_subject"),
        UniqueConstraint("claim_id", "incident_id", "actor_id", name="uq_claim_subject"),
    )


class Assessment(Base):
    """A source or another claim supports, contradicts or repeats a claim."""

    __tablename__ = "assessment"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    by_source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    by_claim_id: Mapped[int | None] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint("(by_source_id IS NULL) <> (by_claim_id IS NULL)", name="one_assessor"),
        CheckConstraint("relation IN ('supports','contradicts','repeats')", name="relation"),
    )
