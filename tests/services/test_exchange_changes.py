"""Teams at scale (issue 18): a copy notices its own changes by the rows sealed
since it last looked, not by reading the whole case. That look must see
exactly what a look at every row sees, whatever wrote the rows: the window's
services, undo, cascades, Core, a merge."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select, text, update

from casefile.model import Claim, ClaimRelay, Incident, IncidentTag, Source, SourceCitation
from casefile.services import records
from casefile.services.exchange import peers
from casefile.services.exchange.changes import observe
from casefile.services.exchange.items import flatten, load_stored
from casefile.services.exchange.reading import Reader, items_held
from casefile.services.interchange.export import _Builder
from casefile.services.redaction.marks import add_mark
from casefile.services.sample import create_demo_case
from casefile.store import Case

from .exchange_samples import bundle, copies, diverge, key_for, merge


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "sample.casefile"
    create_demo_case(path).close(backup=False)
    return path


def _id(case: Case, cls, code: str) -> int:
    with case.session() as s:
        return s.scalars(select(cls.id).where(cls.code == code)).one()


def _enrich(case: Case) -> None:
    """What the sample lacks: relays in order, a longer list of citations, a mark, awkward tags."""
    with case.session() as s:
        sources = s.scalars(select(Source).order_by(Source.id)).all()
        claim = s.scalars(select(Claim).order_by(Claim.id)).first()
        for position, source in enumerate(sources[:3]):
            s.add(ClaimRelay(claim=claim, source=source, position=position, note=f"relay {position}"))
        citing = sources[-1]
        for position, source in enumerate(sources[:3], start=10):
            s.add(SourceCitation(source_id=citing.id, cited_id=source.id, position=position))
        incident = s.scalars(select(Incident).order_by(Incident.id)).first()
        for tag in ("señal \"débil\"", "a\\b", "tab\there", "ünïcode ✓"):
            s.add(IncidentTag(incident_id=incident.id, tag=tag))
    add_mark(case, "INC-0002", "description", "roadblocks")


def _look(path, full: bool = False) -> tuple[int, dict]:
    """Observe (incrementally, or every row) and return the counter and every stored row."""
    with Case.open(path) as case, case.connection() as conn:
        me = peers.replica(conn, "F" * 16)
        observe(conn, me, full=full)
        peers.save(conn, me)
        rows = {r.uuid: (r.kind, bool(r.deleted), r.versions, r.tbl, r.row_key)
                for r in conn.execute(text("SELECT * FROM exchange_item"))}
    return me.counter, rows


def test_reading_the_rows_gives_what_the_export_gives(template, tmp_path):
    path = tmp_path / "case.casefile"
    shutil.copy(template, path)
    with Case.open(path) as case:
        _enrich(case)
        with case.connection() as conn:
            read = Reader(conn).read()
            exported = flatten(_Builder(conn).document())
    assert read == exported
    assert {i.kind for i in read.values()} >= {"claim_relay", "source_citation", "withhold_mark", "incident_tag",
                                                "evidence_link", "assessment", "involvement", "claim_subject"}
    # every item knows the row it stands in, as the seals name it
    with Case.open(path, read_only=True) as case, case.connection() as conn:
        sealed = {(t, k) for t, k in conn.execute(text("SELECT tbl, key FROM row_state"))}
    assert all(item.row in sealed for item in read.values())


def test_a_look_at_what_changed_sees_what_a_look_at_everything_sees(template, tmp_path):
    path = tmp_path / "case.casefile"
    shutil.copy(template, path)
    with Case.open(path) as case:
        _enrich(case)
    _look(path)  # the first look: every row
    with Case.open(path) as case:
        records.update(case, "incident", _id(case, Incident, "INC-0001"), title="Changed in the window")
        gone = records.delete(case, "incident", _id(case, Incident, "INC-0002"))  # its mark goes with it
        records.restore(case, records.delete(case, "incident", _id(case, Incident, "INC-0003")))  # undone
        with case.session() as s:
            first = s.scalars(select(SourceCitation).order_by(SourceCitation.id)).first()
            relay = s.scalars(select(ClaimRelay).order_by(ClaimRelay.position)).first()
            last = s.scalars(select(SourceCitation).order_by(SourceCitation.id.desc())).first()
            cited = s.scalars(select(SourceCitation.cited_id).where(SourceCitation.source_id == last.source_id)
                              .order_by(SourceCitation.position)).first()
        records.delete_link(case, "source_citation", first.id)
        records.delete_link(case, "claim_relay", relay.id)  # the later ones move up
        # Deleting a source takes its citations with it: the citing source's list
        # closes up without those rows changing.
        records.delete(case, "source", cited)
        with case.connection() as conn:  # Core, as an import writes
            conn.execute(update(Claim).values(notes="Checked with Core"))
            conn.execute(text("DELETE FROM incident_tag WHERE tag = 'a\\b'"))
        assert gone.rows
    twin = tmp_path / "twin.casefile"
    shutil.copy(path, twin)
    counter, changed = _look(path)
    full_counter, everything = _look(twin, full=True)
    assert counter == full_counter and counter > 1
    assert changed == everything
    assert any(deleted and kind == "withhold_mark" for kind, deleted, *_ in changed.values())
    assert any(deleted and kind == "source_citation" for kind, deleted, *_ in changed.values())


def test_a_merge_keeps_the_rows_of_what_it_wrote(template, tmp_path):
    """Items a merge creates are found by their rows afterwards: a link merged
    in and then deleted here is a deletion the next bundle carries."""
    paths = copies(template, tmp_path, "AB")
    diverge(paths, tmp_path)
    ka, kb = key_for(tmp_path, "A"), key_for(tmp_path, "B")
    merge(paths["A"], bundle(paths["B"], tmp_path / "b1.cfbundle", kb), ka)
    with Case.open(paths["A"]) as case, case.connection() as conn:
        rows = conn.execute(text("SELECT kind, tbl, row_key FROM exchange_item WHERE deleted = 0")).all()
        assert all(tbl and key for _, tbl, key in rows)
        held = items_held(conn, load_stored(conn))
        assert held == {u: i for u, i in Reader(conn).read().items()}


def test_what_a_peer_has_not_merged_is_sent_again(template, tmp_path):
    paths = copies(template, tmp_path, "AB")
    ka, kb = key_for(tmp_path, "A"), key_for(tmp_path, "B")
    merge(paths["B"], bundle(paths["A"], tmp_path / "a0.cfbundle", ka), kb)
    merge(paths["A"], bundle(paths["B"], tmp_path / "b0.cfbundle", kb), ka)
    with Case.open(paths["A"]) as case:
        records.update(case, "incident", _id(case, Incident, "INC-0001"), title="Sent twice")
    first = bundle(paths["A"], tmp_path / "a1.cfbundle", ka, since="B")
    again = bundle(paths["A"], tmp_path / "a2.cfbundle", ka, since="B")  # B never merged a1
    for made in (first, again):
        report = merge(shutil.copy(paths["B"], tmp_path / f"B-{made.stem}.casefile"), made, kb)
        assert report.counts["updated"] == 1, report.counts
    merge(paths["B"], again, kb)
    merge(paths["A"], bundle(paths["B"], tmp_path / "b1.cfbundle", kb, since="A"), ka)
    nothing = merge(shutil.copy(paths["B"], tmp_path / "B-last.casefile"),
                    bundle(paths["A"], tmp_path / "a3.cfbundle", ka, since="B"), kb)
    assert nothing.counts["updated"] == 0 and nothing.counts["created"] == 0
