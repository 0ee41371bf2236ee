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
