import shutil
from pathlib import Path

from sqlalchemy import select

from casefile.model import Evidence, Incident
from casefile.services.records.search import search
from casefile.services.verify import verify
from casefile.store import Case, migrate

FIXTURE = Path(__file__).parents[1] / "fixtures" / "format-1.casefile"


def test_first_format_is_upgraded_after_a_backup(tmp_path):
    path = tmp_path / "old.casefile"
    shutil.copy(FIXTURE, path)
    original = path.read_bytes()
    with Case.open(path) as case:
        assert case.format_version == migrate.head_version() > 1
        with case.session() as s:
            incident = s.scalars(select(Incident)).one()
            assert incident.title == "Detención de policías comunitarios"
            assert incident.place.name == "Ayutla de los Libres"
            assert s.scalars(select(Evidence)).one().withdrawn is False
            s.add(Incident(title="After the upgrade"))
        assert search(case, "detencion")[0].code == "INC-0001"
        assert search(case, "upgrade")[0].code == "INC-0002"
        assert verify(case) == [] or all("EVI-0001" in str(p) for p in verify(case))
    backups = list(tmp_path.glob("old.casefile.before-format-*.bak"))
    assert len(backups) == 1 and backups[0].read_bytes() == original


def test_fixture_itself_is_format_1():
    import sqlite3

    con = sqlite3.connect(f"file:{FIXTURE}?immutable=1", uri=True)  # no -wal/-shm beside it
    assert con.execute("PRAGMA user_version").fetchone()[0] == 1
    con.close()


def test_format_9_evidence_stays_whole_beside_evidence_of_the_running_keys(tmp_path):
    """Format 9 stored every chunk under the hash of its own bytes; format 10
    stores a new one under the file's running hash. Both read, verify, export
    and back up side by side, and damage in either is found and placed."""
    from casefile.services import evidence
    from casefile.store import backup, chunks
    from tests.fixtures.make_format9 import FILES

    path = tmp_path / "nine.casefile"
    shutil.copy(FIXTURE.with_name("format-9.casefile"), path)
    (tmp_path / "longer.bin").write_bytes(FILES["recording.bin"] + b"and a new tail")
    with Case.open(path) as case:
        assert case.format_version == migrate.head_version() >= 10
        new = evidence.intake(case, tmp_path / "longer.bin")
        assert verify(case) == []
        for code, name in [("EVI-0001", "recording.bin"), ("EVI-0002", "disk.img"), (new.code, "longer.bin")]:
            evidence.export_original(case, code, tmp_path / f"{code}.out")
            expected = FILES.get(name) or (tmp_path / name).read_bytes()
            assert (tmp_path / f"{code}.out").read_bytes() == expected
        with case.connection() as conn:
            old, mine = (conn.exec_driver_sql("SELECT chunk_sha256 FROM blob_chunk WHERE blob_sha256 = ? ORDER BY seq",
                                              (sha,)).scalars().all()
                         for sha in (evidence.get(case, "EVI-0001").sha256, new.sha256))
            # The first chunk is keyed alike either way and stored once; the others are new.
            assert mine[0] == old[0] and set(mine[1:]).isdisjoint(old)
            assert chunks.sound(conn)
            # A byte of the pattern's MiB, which format 9 stored once for both of its files:
            data = conn.exec_driver_sql("SELECT data FROM chunk WHERE sha256 = ?", (old[0],)).scalar()
            conn.exec_driver_sql("UPDATE chunk SET data = ? WHERE sha256 = ?", (b"X" + data[1:], old[0]))
            conn.commit()
        found = {p.code: p.message for p in verify(case)}
        assert "first damaged chunk: 0" in found["EVI-0001"] and "first damaged chunk: 1" in found["EVI-0002"]
        assert "first damaged chunk: 0" in found[new.code]
        case.close(backup=False)
    (before,) = tmp_path.glob("nine.casefile.before-format-*.bak")
    assert backup.check(before, None)  # format 9's chunks pass this format's check


def test_an_update_that_changes_no_sealed_row_seals_nothing_again(tmp_path):
    """Format 10 changes how new chunks are named, not what a sealed row
    holds: a row edited behind Casefile's back before the update is still
    named by verify after it, where sealing every row again as it stood
    would have vouched for the edit."""
    import sqlite3

    path = tmp_path / "nine.casefile"
    shutil.copy(FIXTURE.with_name("format-9.casefile"), path)
    db = sqlite3.connect(path)
    db.execute("UPDATE evidence SET title = 'quietly renamed' WHERE code = 'EVI-0001'")
    db.commit()
    db.close()
    assert not migrate.rows_change(9) and migrate.rows_change(8)
    with Case.open(path) as case:
        assert case.format_version == migrate.head_version()
        problems = verify(case)
        assert any(p.code == "EVI-0001" and "behind Casefile's back" in p.message for p in problems), problems
        case.close(backup=False)
