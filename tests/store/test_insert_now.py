"""``tracking.insert_now`` writes a new row as a flush would: the same stored
values, history entry, search index, seal and notification, at once."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Integer, String, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from casefile.model import AuditEntry, CustodyEvent, Evidence
from casefile.services import verify
from casefile.services.records.search import search
from casefile.store import chunks, tracking

BYTES = b"hello"
STAMPED = {"id", "uuid", "code", "created_at", "updated_at"}  # differ between any two new records


def evidence(title: str) -> Evidence:
    # Some columns set (text, a timestamp, floats, a flag, a None), the rest left to their defaults.
    return Evidence(title=title, sha256=hashlib.sha256(BYTES).hexdigest(), size=len(BYTES), original_name="río.jpg",
                    intake_at=datetime(2026, 3, 1, 12, 30, tzinfo=UTC), latitude=19.43, longitude=-99.13,
                    confidential=True, width=None, extra_metadata=json.dumps({"warnings": ["w"]}))


def stored(case, code: str) -> dict:
    with case.connection() as conn:
        row = conn.exec_driver_sql("SELECT * FROM evidence WHERE code = ?", (code,)).mappings().one()
    return {k: v for k, v in row.items() if k not in STAMPED}


def entry(case, code: str) -> dict:
    with case.connection() as conn:
        changes = conn.scalar(select(AuditEntry.changes).where(AuditEntry.record_code == code,
                                                                AuditEntry.action == "create"))
    return {k: v for k, v in json.loads(changes).items() if k not in STAMPED}


def test_the_row_and_its_history_entry_are_those_a_flush_writes(case):
    with case.session() as s:
        chunks.write_stream(s.connection(), io.BytesIO(BYTES))
        by_flush = evidence("Hallazgo en Ayotzinapa")
        s.add(by_flush)
        s.flush()
        at_once = evidence("Hallazgo en Ayotzinapa")
        tracking.insert_now(s, at_once)
        assert at_once.id is not None and at_once.code == "EVI-0002"
        s.add(CustodyEvent(evidence_id=by_flush.id, at=datetime.now(UTC), action="acquired"))  # at the commit
        tracking.insert_now(s, CustodyEvent(evidence_id=at_once.id, at=datetime.now(UTC), action="acquired"))
    assert stored(case, "EVI-0002") == stored(case, "EVI-0001")
    assert entry(case, "EVI-0002") == entry(case, "EVI-0001")
    with case.connection() as conn:
        events = conn.exec_driver_sql("SELECT evidence_id, action, who FROM custody_event ORDER BY id").all()
        kinds = conn.scalars(select(AuditEntry.record_kind).where(AuditEntry.action == "create")).all()
    assert events == [(2, "acquired", ""), (1, "acquired", "")]
    assert kinds.count("custody_event") == 2
    assert [r.code for r in search(case, "Ayotzinapa")] == ["EVI-0001", "EVI-0002"]
    assert verify.verify(case) == []  # sealed and chained like any write


def test_the_object_stays_in_the_session_loaded_and_listeners_hear_of_it(case):
    heard: list[dict] = []
    case.subscribe(heard.append)
    with case.session() as s:
        item = evidence("Foto")
        tracking.insert_now(s, item)
        assert item in s and not s.dirty and not s.new
        item.note = "changed later in the same unit of work"
    assert heard and item.id in heard[-1]["evidence"]
    assert item.media_type == "application/octet-stream" and item.note.startswith("changed")
    with case.connection() as conn:
        assert conn.scalar(select(Evidence.note)) == item.note  # the change was flushed as an update
        actions = conn.scalars(select(AuditEntry.action).where(AuditEntry.record_code == item.code)).all()
    assert actions == ["create", "update"]


def test_a_rolled_back_unit_of_work_keeps_nothing(case):
    with pytest.raises(RuntimeError), case.session() as s:
        tracking.insert_now(s, evidence("Nada"))
        raise RuntimeError("the intake failed after the row")
    with case.connection() as conn:
        assert conn.scalar(select(Evidence.id)) is None
        assert conn.scalar(select(AuditEntry.seq).where(AuditEntry.record_kind == "evidence")) is None


def test_an_object_already_in_a_session_is_refused(case):
    with case.session() as s:
        item = evidence("Una")
        s.add(item)
        with pytest.raises(AssertionError):
            tracking.insert_now(s, item)


def test_a_default_only_the_database_knows_is_refused():
    class Base(DeclarativeBase):
        pass

    class Filed(Base):
        __tablename__ = "filed"
        id: Mapped[int] = mapped_column(Integer, primary_key=True)
        state: Mapped[str] = mapped_column(String(8), server_default="open")

    from sqlalchemy.dialects import sqlite

    with pytest.raises(TypeError, match="filed.state"):
        tracking._insert_for(Filed, sqlite.dialect())
