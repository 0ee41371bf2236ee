"""What each member may do, enforced by PostgreSQL: a raw SQL session as that
member, not through Casefile, meets the same walls."""

from __future__ import annotations

import json

import psycopg
import pytest
from sqlalchemy import text

from casefile.cli import main
from casefile.services import records, verify
from casefile.services.interchange.export import build_document
from casefile.store import Case
from casefile.store.server.address import ServerAddress
from casefile.store.server.transfer import pull
from casefile.store.server.working import working_copy
from tests.server.conftest import member_key


@pytest.fixture
def served(sample_on_server, pg_server, pg_database, tmp_path):
    """The sample case on the server, and one login per role (and one stranger)."""
    url = sample_on_server
    logins = {}
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:
        for role in ("owner", "editor", "analyst", "reader", "partner", "stranger"):
            login = f"{pg_database}_{role}_login"
            admin.execute(f'CREATE ROLE "{login}" LOGIN')
            logins[role] = login
    keys = {role: member_key(url, role, tmp_path / f"{role}-keys", login=logins[role], role=role)
            for role in ("owner", "editor", "analyst", "reader")}
    assert main(["server", "add-member", url, logins["partner"], "partner"]) == 0  # no key: the partner view
    yield url, logins, keys
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:
        admin.execute('DROP SCHEMA IF EXISTS case_guerrero CASCADE')
        admin.execute('DROP SCHEMA IF EXISTS case_guerrero_partner CASCADE')
        for login in logins.values():
            admin.execute(f'DROP OWNED BY "{login}"')
            admin.execute(f'DROP ROLE "{login}"')
        for role in ("owner", "editor", "analyst", "reader", "partner"):
            admin.execute(f'DROP ROLE IF EXISTS "{ServerAddress.parse(url).role(role)}"')


def _as(pg_server, database, login):
    return psycopg.connect(pg_server.url(database, user=login), autocommit=True)


def _refused(conn, sql) -> str:
    with pytest.raises(psycopg.Error) as refused:
        conn.execute(sql)
    return str(refused.value)


def test_each_role_meets_the_server_s_walls(served, pg_server, pg_database):
    _url, logins, _keys = served
    edit_incident = "UPDATE case_guerrero.incident SET title = 'changed' WHERE code = 'INC-0001'"
    edit_claim = "UPDATE case_guerrero.claim SET summary = 'changed' WHERE code = 'CLM-0001'"
    for role in ("owner", "editor"):
        with _as(pg_server, pg_database, logins[role]) as conn:
            assert conn.execute("SELECT count(*) FROM case_guerrero.incident").fetchone() == (5,)
            assert conn.execute(edit_incident).rowcount == 1
            assert conn.execute(edit_claim).rowcount == 1
            # the history only grows
            assert "permission denied" in _refused(conn, "UPDATE case_guerrero.audit_entry SET who = 'x'")
            assert "permission denied" in _refused(conn, "DELETE FROM case_guerrero.row_state")
    with _as(pg_server, pg_database, logins["analyst"]) as conn:
        assert conn.execute("SELECT count(*) FROM case_guerrero.actor").fetchone() == (9,)
        assert conn.execute(edit_claim).rowcount == 1
        assert "permission denied" in _refused(conn, edit_incident)
        assert "permission denied" in _refused(conn, "DELETE FROM case_guerrero.actor")
    with _as(pg_server, pg_database, logins["reader"]) as conn:
        assert conn.execute("SELECT count(*) FROM case_guerrero.claim").fetchone() == (6,)
        for sql in (edit_incident, edit_claim, "DELETE FROM case_guerrero.evidence",
                    "INSERT INTO case_guerrero.audit_entry (seq) VALUES (999)"):
            assert "permission denied" in _refused(conn, sql)
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:  # the tables' owner too
        assert "accepts new entries only" in _refused(admin, "UPDATE case_guerrero.audit_entry SET who = 'x'")
        assert "accepts new entries only" in _refused(admin, "DELETE FROM case_guerrero.row_state")
        assert "accepts new entries only" in _refused(admin, "TRUNCATE case_guerrero.audit_entry CASCADE")
    for role in ("partner", "stranger"):  # the full tables are not theirs to read at all
        with _as(pg_server, pg_database, logins[role]) as conn:
            for table in ("actor", "source", "incident", "audit_entry", "row_state", "chunk", "exchange_item"):
                assert "permission denied" in _refused(conn, f"SELECT * FROM case_guerrero.{table}")
            assert "permission denied" in _refused(conn, edit_incident)


def test_a_row_changed_by_a_superuser_is_named_by_verify(served, pg_server, pg_database, tmp_path):
    url, _logins, keys = served
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:
        admin.execute("SET session_replication_role = replica")  # a superuser can switch the triggers off
        admin.execute("UPDATE case_guerrero.actor SET protected = false WHERE protected")
        admin.execute("DELETE FROM case_guerrero.audit_entry WHERE seq = 3")
        # a sealed name cannot be read, but it can be moved: it no longer opens, and the row is named
        admin.execute("UPDATE case_guerrero.source SET title = (SELECT title FROM case_guerrero.source "
                      "WHERE code = 'SRC-0001') WHERE code = 'SRC-0002'")
    copy = pull(ServerAddress.parse(url), tmp_path / "copy.casefile", keys["reader"])
    try:
        problems = [str(p) for p in verify.verify(copy)]
    finally:
        copy.close()
    assert any("ACT-" in line for line in problems), problems
    assert any("SRC-0002" in line for line in problems), problems
    assert any("history" in line for line in problems), problems


SECRETS = ("Rosa Ejemplo Ficticia", "Entrevista con testigo en Ayutla", "+52 000 000 0000",
           "no real person, no real contact")


def _everything_readable(conn, schema: str | None = None) -> str:
    """Every value of every table this login may read, in any schema (or in ``schema``), as text."""
    tables = conn.execute(
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema = coalesce(%s, table_schema) "
        "AND has_table_privilege(quote_ident(table_schema) || '.' || quote_ident(table_name), 'SELECT')",
        (schema,)).fetchall()
    dumped = []
    for schema, table in tables:
        for row in conn.execute(f'SELECT * FROM "{schema}"."{table}"'):
            dumped.append(" ".join(str(value) for value in row))
    return "\n".join(dumped)


def test_a_partner_reading_every_table_by_hand_finds_only_the_partner_view(served, pg_server, pg_database,
                                                                            tmp_path):
    url, logins, keys = served
    with _as(pg_server, pg_database, logins["partner"]) as conn:
        seen = _everything_readable(conn)
        assert "Witness A" in seen and "Interview W-1" in seen  # under their pseudonyms, as in a partner export
        assert "Military patrol" in seen  # the rest of the case is there to read
        for secret in SECRETS:
            assert secret not in seen, secret
        assert "permission denied" in _refused(conn, "INSERT INTO case_guerrero_partner.about VALUES ('{}')")
        assert "in the trunk of their vehicle" in seen
    # a change made on the server reaches the partner view in the same transaction
    assert main(["withhold", url, "INC-0001", "description", "in the trunk of their vehicle"]) == 0
    photo = tmp_path / "x.bin"
    photo.write_bytes(b"new evidence")
    assert main(["add-evidence", url, str(photo), "--note", "Rosa Ejemplo Ficticia took it"]) == 0
    with _as(pg_server, pg_database, logins["partner"]) as conn:
        seen = _everything_readable(conn)
        assert "took it" in seen and "Rosa Ejemplo Ficticia" not in seen  # the note arrived, scrubbed
        assert "in the trunk of their vehicle" not in seen  # the passage withheld
    copy = pull(ServerAddress.parse(url), tmp_path / "reader.casefile", keys["reader"])
    try:  # a member reads the full case, with the key only members hold
        assert "Rosa Ejemplo Ficticia" in json.dumps(build_document(copy), default=str)
    finally:
        copy.close()


def test_a_partner_pulling_the_case_is_told_in_one_line(served, pg_server, pg_database, tmp_path, capsys):
    _url, logins, _keys = served
    as_partner = pg_server.url(pg_database, user=logins["partner"], case="guerrero")
    capsys.readouterr()
    assert main(["pull", as_partner, "-o", str(tmp_path / "mine.casefile")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "partner view" in err
    assert not (tmp_path / "mine.casefile").exists()
    assert main(["info", as_partner]) == 1


def test_an_administrator_reading_the_case_s_tables_learns_no_name_contact_or_words(served, pg_server,
                                                                                  pg_database, tmp_path):
    """The server holds a case's words sealed under a key only members hold, and
    their digests too: a digest of a name could be matched by trying names."""
    _url, _logins, _keys = served
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:  # a superuser sees every row
        seen = _everything_readable(admin, "case_guerrero")
    assert "INC-0001" in seen  # the rows are all there ...
    for words in (*SECRETS, "Witness A", "Military patrol", "Ayutla", "sample.casefile"):
        assert words not in seen, words  # ... their words are not
    with Case.open(tmp_path / "sample.casefile") as laptop, laptop.connection() as conn:
        digests = [row[0] for row in conn.execute(text("SELECT digest FROM row_state WHERE digest IS NOT NULL"))]
        hashes = [row[0] for row in conn.execute(text("SELECT hash FROM audit_entry"))]
    assert digests and hashes
    for digest in (*digests, *hashes):
        assert digest not in seen


def test_a_tag_naming_a_person_is_sealed_on_the_server_and_found_again_by_its_key(served, pg_server,
                                                                                  pg_database, tmp_path):
    """A tag is part of its row's key: sealed the same way each time, so that an
    edit finds and deletes it on the server, and bound to its incident, so that
    the administrator cannot even tell two incidents share it."""
    url, _logins, keys = served
    address = ServerAddress.parse(url)
    name = "Rosa Ejemplo Ficticia"
    with working_copy(address, keys["owner"], write=True) as (copy, _server), copy.connection() as conn:
        incidents = [row[0] for row in conn.execute(text("SELECT id FROM incident ORDER BY code LIMIT 2"))]
        for incident in incidents:
            records.create_link(copy, "incident_tag", incident_id=incident, tag=name)
            records.create_link(copy, "incident_tag", incident_id=incident, tag=f"{name} (2)")
    with psycopg.connect(pg_server.url(pg_database), autocommit=True) as admin:
        seen = _everything_readable(admin, "case_guerrero")
        on_server = [row[0] for row in admin.execute(
            "SELECT tag FROM case_guerrero.incident_tag WHERE incident_id = ANY(%s)", (incidents,))]
    assert "Rosa" not in seen and "Ejemplo" not in seen
    assert len(on_server) == len(set(on_server))  # the same tag on two incidents: two different seals

    with working_copy(address, keys["editor"], write=True) as (copy, _server):  # found on the server by its key
        records.delete_link(copy, "incident_tag", (incidents[0], name))
    copy = pull(address, tmp_path / "copy.casefile", keys["reader"])
    try:
        with copy.connection() as conn:
            tags = conn.execute(text("SELECT incident_id, tag FROM incident_tag WHERE tag LIKE 'Rosa%' "
                                     "ORDER BY incident_id, tag")).all()
        assert [tuple(row) for row in tags] == [(incidents[0], f"{name} (2)"), (incidents[1], name),
                                                (incidents[1], f"{name} (2)")]
        assert verify.verify(copy) == []
    finally:
        copy.close()


def test_a_partner_searches_the_view_with_postgresql_s_own_full_text_search(served, pg_server, pg_database):
    _url, logins, _keys = served
    with _as(pg_server, pg_database, logins["partner"]) as conn:
        def find(words: str) -> set[str]:
            return {code for (code,) in conn.execute(
                "SELECT code FROM case_guerrero_partner.record "
                "WHERE search @@ websearch_to_tsquery('simple', case_guerrero_partner.fold(%s))", (words,))}

        assert find("ejercito") == find("EJÉRCITO") != set()  # accents and case folded, Spanish as English
        assert find("Witness A")  # a protected person, under her pseudonym
        for secret in SECRETS:
            assert find(secret) == set(), secret  # her name is not there to find
