import sqlite3

import pytest
from sqlalchemy import select

from casefile.errors import CasefileError, CaseLocked, DamagedCase, NewerFormat, NotACasefile
from casefile.model import Actor, AuditEntry, Incident, Involvement, Place
from casefile.store import Case, migrate
from casefile.store.connection import APPLICATION_ID, BULK_CACHE_KIB, CACHE_KIB, CIPHER_CACHE_KIB, PAGE_SIZE


def test_new_case_has_casefile_pragmas(case):
    with case.connection() as conn:
        assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == migrate.head_version()
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_codes_are_sequential_and_never_reused(case):
    with case.session() as s:
        a, b = Incident(title="a"), Incident(title="b")
        s.add_all([a, b])
    assert (a.code, b.code) == ("INC-0001", "INC-0002")
    with case.session() as s:
        s.delete(s.get(Incident, b.id))
    with case.session() as s:
        c = Incident(title="c")
        s.add(c)
    assert c.code == "INC-0003"


def test_every_change_is_audited_and_notified(case):
    heard = []
    case.subscribe(heard.append)
    with case.session() as s:
        place = Place(name="Ayutla")
        actor = Actor(name="Army patrol")
        incident = Incident(title="Detention", place=place)
        incident.involvements.append(Involvement(actor=actor, role="perpetrator"))
        s.add(incident)
    with case.session() as s:
        s.get(Incident, incident.id).title = "Detention of community police"
    with case.connection() as conn:
        actions = conn.execute(select(AuditEntry.action, AuditEntry.record_code)).all()
    assert ("update", "INC-0001") in actions
    assert ("create", "ACT-0001") in actions
    assert heard[0].keys() >= {"incident", "place", "actor", "involvement"}
    assert heard[1] == {"incident": {incident.id}}


def test_closed_case_is_one_file(tmp_path):
    path = tmp_path / "one.casefile"
    Case.create(path, "One").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.casefile"]


def test_refuses_second_opener(case):
    with pytest.raises(CaseLocked):
        Case.open(case.path)


def test_refuses_non_casefile(tmp_path):
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("create table t(x)").connection.commit()
    with pytest.raises(NotACasefile):
        Case.open(other)
    text = tmp_path / "notes.casefile"
    text.write_text("hello")
    with pytest.raises(CasefileError):
        Case.open(text)


def test_refuses_newer_format(tmp_path):
    path = tmp_path / "future.casefile"
    Case.create(path, "Future").close()
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {migrate.head_version() + 1}")
    con.close()
    with pytest.raises(NewerFormat, match="newer Casefile"):
        Case.open(path)


def test_refuses_damaged_file_without_writing(tmp_path):
    path = tmp_path / "damaged.casefile"
    with Case.create(path, "Damaged") as c, c.session() as s:
        s.add_all(Incident(title=f"incident {i}", description="x" * 2000) for i in range(200))
    data = bytearray(path.read_bytes())
    for offset in range(PAGE_SIZE * 5, PAGE_SIZE * 5 + 2000):
        data[offset] = 0xFF
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(DamagedCase):
        Case.open(path)
    assert path.read_bytes() == before


def test_refuses_planted_trigger(tmp_path):
    path = tmp_path / "planted.casefile"
    Case.create(path, "Planted").close()
    con = sqlite3.connect(path)
    con.execute("CREATE TRIGGER evil AFTER INSERT ON incident BEGIN DELETE FROM actor; END")
    con.commit()
    con.close()
    with pytest.raises(DamagedCase, match="unexpected triggers"):
        Case.open(path)


def test_create_refuses_existing_path(case):
    with pytest.raises(CasefileError, match="already exists"):
        Case.create(case.path, "Again")


def test_large_clean_case_checks_only_bookkeeping_tables(tmp_path, monkeypatch):
    from casefile.store import opening

    path = tmp_path / "large.casefile"
    Case.create(path, "Large").close()
    assert opening.quick_checks(path) == ["PRAGMA quick_check"]  # a new case: checked whole
    assert opening.quick_checks(path, encrypted=True) == ["PRAGMA quick_check"]
    monkeypatch.setattr(opening, "FULL_CHECK_LIMIT_ENCRYPTED", 4 << 20)  # 16 ms a MiB encrypted: whole below less
    assert all("quick_check(" in s for s in opening.quick_checks(path, encrypted=True))
    monkeypatch.setattr(opening, "FULL_CHECK_LIMIT", 0)
    assert all("quick_check(" in s for s in opening.quick_checks(path))
    assert opening.quick_checks(path, unclean=True) == ["PRAGMA quick_check"]  # a journal was rolled back
    path.with_name(path.name + "-wal").write_bytes(b"x")  # as if not closed cleanly
    assert opening.quick_checks(path) == ["PRAGMA quick_check"]


@pytest.mark.parametrize("passphrase", [None, "clave larga de prueba"])
def test_bulk_connection_has_a_larger_cache_only_while_it_lasts(tmp_path, passphrase):
    def cache_size(dbapi) -> int:
        return int(dbapi.execute("PRAGMA cache_size").fetchone()[0])

    case = Case.create(tmp_path / "c.casefile", "Cache", documenter="Tester", passphrase=passphrase)
    normal = -(CIPHER_CACHE_KIB if passphrase else CACHE_KIB)  # decrypting a page again costs: keep more
    with case.connection() as conn:
        assert cache_size(conn.connection.dbapi_connection) == normal
    with case.bulk_connection() as conn:
        dbapi = conn.connection.dbapi_connection
        assert cache_size(dbapi) == -BULK_CACHE_KIB
        conn.execute(Incident.__table__.insert().values(uuid="u1", code="INC-0001", title="bulk"))
    assert cache_size(dbapi) == normal  # back to normal before the pool hands it out again
    with pytest.raises(RuntimeError):
        with case.bulk_connection() as conn:
            dbapi = conn.connection.dbapi_connection
            conn.execute(Incident.__table__.insert().values(uuid="u2", code="INC-0002", title="lost"))
            raise RuntimeError("interrupted")
    assert cache_size(dbapi) == normal
    with case.session() as s:
        assert [i.title for i in s.scalars(select(Incident))] == ["bulk"]  # the failed one rolled back
    case.close()


def test_the_pool_hands_out_the_connection_used_last_whose_cache_is_warm(case):
    with case.connection() as first, case.connection() as second:  # two threads' worth
        ids = id(first.connection.dbapi_connection), id(second.connection.dbapi_connection)
    for _ in range(3):
        with case.connection() as conn:
            assert id(conn.connection.dbapi_connection) == ids[0]  # returned last, not the idle one


@pytest.mark.parametrize("passphrase", [None, "clave larga de prueba"])
def test_a_case_closes_and_folds_its_log_right_after_a_sole_writer(tmp_path, passphrase):
    """After ``sole_writer`` (add-evidence, merge of a large file) the pool starts
    afresh; closing at once must still fold the WAL in, not fail with "database
    table is locked" (a checkpoint inside the read that loads the schema)."""
    path = tmp_path / "c.casefile"
    case = Case.create(path, "Sole", documenter="Tester", passphrase=passphrase)
    case.backup_keep = 0
    with case.sole_writer() as sole, case.session() as s:
        assert sole
        s.add(Incident(uuid="u1", code="INC-0001", title="written alone"))
    case.release_wal()
    with case.session() as s:
        s.add(Incident(uuid="u2", code="INC-0002", title="written through the WAL"))
    case.close()
    assert not path.with_name(path.name + "-wal").exists()
    with Case.open(path, passphrase=passphrase) as again, again.session() as s:
        assert sorted(i.title for i in s.scalars(select(Incident))) == ["written alone", "written through the WAL"]
