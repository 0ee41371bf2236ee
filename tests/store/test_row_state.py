"""verify sees every row edited behind Casefile's back (issue: "verify does not
see records edited behind Casefile's back"): each record, link, custody and
vocabulary row is changed, deleted or added in plain SQL, and verify names it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import select, text

from casefile.cli import main
from casefile.model import Incident
from casefile.services import verify
from casefile.services.sample import create_demo_case
from casefile.store import Case, state

RUN_CLI = "import sys; from casefile.cli import main; sys.exit(main(sys.argv[1:]))"
SEALED = [t.name for t in state.TABLES]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "sample.casefile"
    case = create_demo_case(path)
    try:  # a row in every table the sample leaves empty, written as a documenter would
        from casefile.services import records
        from casefile.services.redaction.marks import add_mark

        with case.session() as s:
            claim_id = s.execute(text("SELECT id FROM claim WHERE code = 'CLM-0003'")).scalar_one()
            relay_id = s.execute(text("SELECT id FROM source WHERE code = 'SRC-0002'")).scalar_one()
        records.create_link(case, "claim_relay", claim_id=claim_id, source_id=relay_id, note="also in La Jornada")
        add_mark(case, "INC-0001", "description", "Weapons")
    finally:
        case.close(backup=False)
    from tests.services.exchange_samples import exchange_once

    exchange_once(path, tmp_path_factory.mktemp("peer"))  # rows in the exchange tables: a conflict, a peer...
    return path


@pytest.fixture
def case_path(sample, tmp_path):
    path = tmp_path / "case.casefile"
    path.write_bytes(sample.read_bytes())
    return path


def _sql(path, statement, params=()):
    db = sqlite3.connect(path)
    db.execute("PRAGMA ignore_check_constraints = ON")  # as an adversary would
    try:
        db.execute(statement, params)
        db.commit()
    finally:
        db.close()


def _problems(path) -> list[str]:
    with Case.open(path) as case:
        problems = [str(p) for p in verify.verify(case)]
        case.close(backup=False)
    return problems


def _row(path, table):
    """One row of ``table`` as (name verify should use, pk where-clause, pk values, a column to alter)."""
    info = state.BY_NAME[table]
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        row = db.execute(f'SELECT {info.key_sql} AS k, t.* FROM "{table}" t LIMIT 1').fetchone()
    finally:
        db.close()
    assert row is not None, f"the sample case has no {table} row"
    return row


def test_the_sample_case_verifies(sample):
    assert _problems(sample) == []


def test_every_sealed_table_has_rows_in_the_sample(sample):
    db = sqlite3.connect(sample)
    empty = [t for t in SEALED if db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] == 0]
    db.close()
    assert empty == []


@pytest.mark.parametrize("table", SEALED)
def test_a_row_changed_in_plain_sql_is_named(case_path, table):
    row = _row(case_path, table)
    from casefile.model import Base
    columns = Base.metadata.tables[table].columns
    candidates = [c for c in columns if not c.primary_key and c.name not in ("uuid", "code")]
    if not candidates:  # a key-only row (a tag): changing it is a deletion and an addition
        candidates = [c for c in columns if c.primary_key and not c.foreign_keys]
    target = next((c.name for c in candidates if not c.foreign_keys and row[c.name] is not None),
                  next(c.name for c in candidates if row[c.name] is not None))
    where = " AND ".join(f'"{c.name}" = ?' for c in columns if c.primary_key)
    values = [row[c.name] for c in columns if c.primary_key]
    current = row[target]
    forged = "FORGED" if isinstance(current, str) or current is None else (current + 1 if not isinstance(
        current, bytes) else b"x")
    if isinstance(current, str) and "-" in current and current[:4].isdigit():  # a stored timestamp
        forged = "2001-01-01 00:00:00.000000"
    _sql(case_path, f'UPDATE "{table}" SET "{target}" = ? WHERE {where}', (forged, *values))
    problems = [p for p in _problems(case_path) if "behind Casefile's back" in p]
    assert len(problems) == (2 if columns[target].primary_key else 1), problems
    name = problems[0].split(":")[0]
    if "code" in columns:
        assert name == row["code"]
    else:
        assert name.startswith(table)
    expected = ("added", "deleted") if columns[target].primary_key else ("changed",)
    assert sorted(p.split(": ")[1].split()[0] for p in problems) == list(expected)


@pytest.mark.parametrize("table", ["incident", "involvement", "incident_tag", "custody_event", "claim_subject"])
def test_a_row_deleted_or_added_in_plain_sql_is_named(case_path, table):
    row = _row(case_path, table)
    db = sqlite3.connect(case_path)
    db.execute("PRAGMA foreign_keys = OFF")
    from casefile.model import Base
    columns = Base.metadata.tables[table].columns
    where = " AND ".join(f'"{c.name}" = ?' for c in columns if c.primary_key)
    values = [row[c.name] for c in columns if c.primary_key]
    db.execute(f'DELETE FROM "{table}" WHERE {where}', values)
    db.commit()
    db.close()
    problems = _problems(case_path)
    assert any("deleted behind Casefile's back" in p for p in problems), problems
    if "code" in columns:
        assert any(p.startswith(row["code"] + ":") for p in problems), problems


def test_a_row_added_in_plain_sql_is_named(case_path):
    _sql(case_path, "INSERT INTO incident_tag (incident_id, tag) VALUES (1, 'planted')")
    problems = _problems(case_path)
    assert problems == ["incident_tag INC-0001: added behind Casefile's back: it is not in the history"]


def test_the_issue_forgery_is_caught_by_verify_check_head_and_the_dossier(case_path, capsys, tmp_path):
    """The issue's example: a forged title and an unprotected witness under a
    valid-looking head. verify names both, check-head and export refuse."""
    with Case.open(case_path) as case:
        head = case.audit_head()
        case.close(backup=False)
    db = sqlite3.connect(case_path)
    protected = db.execute("SELECT code FROM actor WHERE protected = 1").fetchone()[0]
    db.executescript("UPDATE incident SET title = title || ' (FORGED)' WHERE code = 'INC-0001';"
                     "UPDATE actor SET protected = 0;")
    db.close()
    capsys.readouterr()
    assert main(["verify", str(case_path)]) == 3
    out = capsys.readouterr().out
    assert "INC-0001: changed" in out and f"{protected}: changed" in out
    assert main(["check-head", str(case_path), head]) == 3
    assert "do not match" in capsys.readouterr().err
    pdf = tmp_path / "public.pdf"
    result = subprocess.run([sys.executable, "-c", RUN_CLI, "export", str(case_path), "--format", "pdf",
                             "--profile", "public", "-o", str(pdf)], capture_output=True, text=True)
    assert result.returncode == 1 and "does not verify" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not pdf.exists()


def test_forging_the_sealed_state_too_is_caught(case_path):
    """Whoever also rewrites the row's sealed digest breaks its seal entry."""
    info = state.BY_NAME["incident"]
    db = sqlite3.connect(case_path)
    db.execute("UPDATE incident SET title = 'forged' WHERE id = 1")
    key, row = db.execute(f"SELECT {info.key_sql}, {info.row_sql} FROM incident t WHERE id = 1").fetchone()
    db.execute("UPDATE row_state SET digest = ? WHERE tbl = 'incident' AND key = ? AND seq = "
               "(SELECT max(seq) FROM row_state WHERE tbl = 'incident' AND key = ?)",
               (state.digest("incident", row), key, key))
    db.commit()
    db.close()
    problems = _problems(case_path)
    assert len(problems) == 1 and problems[0].startswith("audit #"), problems


def test_a_later_state_slipped_in_under_no_seal_is_caught(case_path):
    """Whoever adds a newer state for the edited row, under a history entry
    that seals nothing (or none at all), makes the row match but not the seals."""
    info = state.BY_NAME["incident"]
    db = sqlite3.connect(case_path)
    db.execute("UPDATE incident SET title = 'forged' WHERE id = 1")
    key, row = db.execute(f"SELECT {info.key_sql}, {info.row_sql} FROM incident t WHERE id = 1").fetchone()
    last = db.execute("SELECT max(seq) FROM audit_entry").fetchone()[0]
    db.execute("INSERT INTO row_state (tbl, key, seq, digest, label) VALUES ('incident', ?, ?, ?, NULL)",
               (key, last + 1, state.digest("incident", row)))
    db.commit()
    db.close()
    problems = _problems(case_path)
    assert len(problems) == 1 and problems[0].startswith(f"audit #{last + 1}:"), problems


def test_dropping_the_sealed_states_is_caught(case_path):
    _sql(case_path, "DELETE FROM row_state")
    problems = _problems(case_path)
    assert any(p.startswith("audit #") for p in problems)
    assert any("added behind" in p for p in problems)


def test_edits_cascades_and_undo_through_casefile_verify(case_path):
    """Whatever Casefile itself writes is sealed: ORM edits, deletes that
    cascade to links, a search-index rebuild, evidence verification."""
    with Case.open(case_path) as case:
        with case.session() as s:
            incident = s.scalars(select(Incident).where(Incident.code == "INC-0001")).one()
            incident.title = "renamed"
        with case.session() as s:
            s.delete(s.scalars(select(Incident).where(Incident.code == "INC-0002")).one())
        case.close(backup=False)
    assert _problems(case_path) == []


def test_format_one_case_is_sealed_when_it_is_upgraded(tmp_path):
    from pathlib import Path
    fixture = Path(__file__).parents[1] / "fixtures" / "format-1.casefile"
    path = tmp_path / "old.casefile"
    path.write_bytes(fixture.read_bytes())
    assert _problems(path) == []
    _sql(path, "UPDATE incident SET title = 'forged after the upgrade'")
    assert any("changed behind" in p for p in _problems(path))


def test_an_import_into_a_case_with_records_is_sealed_as_a_whole(tmp_path):
    """Imports write through ``state.appending``: the rows they add are sealed
    at once, the case's own rows keep their seals, and verify stays clean."""
    from casefile.resources import resource
    from casefile.services.interchange.importer import import_json

    with Case.create(tmp_path / "c.casefile", "C") as case:
        with case.session() as s:  # a record with a code the sample does not use
            s.add(Incident(title="recorded before the import", code="INC-0900"))
        import_json(case, resource("sample", "guerrero-2013.json"))
        assert verify.verify(case) == []
        case.close(backup=False)
    _sql(tmp_path / "c.casefile", "UPDATE involvement SET note = 'forged' WHERE id = 1")
    problems = _problems(tmp_path / "c.casefile")
    assert len(problems) == 1 and problems[0].startswith("involvement INC-") and "changed behind" in problems[0]


def test_a_key_with_a_nul_character_is_sealed(tmp_path):
    """A tag may hold any character the model takes; a NUL in it must not make
    its own row look added behind Casefile's back."""
    from casefile.model import IncidentTag

    with Case.create(tmp_path / "n.casefile", "N") as case:
        with case.session() as s:
            incident = Incident(title="tagged")
            incident.tags.append(IncidentTag(tag="a\x00b"))
            s.add(incident)
        assert verify.verify(case) == []
        with case.session() as s:
            s.delete(s.scalars(select(IncidentTag)).one())
        assert verify.verify(case) == []
        case.close(backup=False)
