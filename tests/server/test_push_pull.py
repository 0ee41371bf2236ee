"""A laptop case pushed to a real PostgreSQL server and pulled back: the same
records, the same history head, a copy that verifies; the commands driven as a
person types them."""

from __future__ import annotations

import json

import psycopg
import pytest

from casefile.cli import main
from casefile.errors import CasefileError
from casefile.services import records, verify
from casefile.services.interchange.export import build_document
from casefile.services.sample import create_demo_case
from casefile.store import Case
from casefile.store.server.address import ServerAddress
from casefile.store.server.schema import init_server
from casefile.store.server.transfer import count_rows, pull, push, server_engine


def _init(url: str) -> None:
    engine = server_engine(ServerAddress.parse(url, case_required=False))
    with engine.begin() as conn:
        init_server(conn)
    engine.dispose()


def _export(case: Case) -> dict:
    document = build_document(case)
    document.pop("exported_at", None)
    return json.loads(json.dumps(document, default=str))


def test_push_then_pull_gives_the_same_records_and_history_head(pg_server, pg_database, tmp_path, owner_key):
    original = create_demo_case(tmp_path / "sample.casefile")
    url = pg_server.url(pg_database, case="guerrero")
    _init(url)
    rows = push(original, ServerAddress.parse(url), owner_key)
    counts = count_rows(ServerAddress.parse(url))
    assert rows == sum(counts.values()) and counts["incident"] == 5 and counts["chunk"] > 0
    copy = pull(ServerAddress.parse(url), tmp_path / "copy.casefile", owner_key, passphrase="a long field passphrase")
    try:
        assert copy.encrypted
        assert copy.audit_head() == original.audit_head()
        assert _export(copy) == _export(original)
        assert list(verify.verify(copy)) == []  # every row as sealed, every evidence byte as hashed
        # and the copy is a case like any other: it takes an edit
        records.create(copy, "incident", title="Added on the laptop copy")
        assert copy.audit_head() != original.audit_head()
    finally:
        copy.close()
        original.close()


def test_the_commands_init_push_pull_and_refuse_in_one_line(pg_server, pg_database, tmp_path, capsys, owner_key):
    create_demo_case(tmp_path / "sample.casefile").close()
    url = pg_server.url(pg_database, case="guerrero")
    database = pg_server.url(pg_database)
    assert main(["push", str(tmp_path / "sample.casefile"), url]) == 1  # no catalogue yet
    assert "casefile server init" in capsys.readouterr().err
    assert main(["server", "init", database]) == 0
    assert main(["server", "init", database]) == 0  # again: nothing to do, no harm
    assert main(["push", str(tmp_path / "sample.casefile"), url]) == 0
    assert "pushed" in capsys.readouterr().out
    assert main(["push", str(tmp_path / "sample.casefile"), url]) == 1  # never over a case
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already holds" in err
    assert main(["pull", url, "-o", str(tmp_path / "copy.casefile")]) == 0
    assert main(["pull", url, "-o", str(tmp_path / "copy.casefile")]) == 1  # never over a file
    assert main(["pull", pg_server.url(pg_database, case="nosuch"), "-o", str(tmp_path / "x.casefile")]) == 1
    assert "no such case" in capsys.readouterr().err
    assert not (tmp_path / "x.casefile").exists()
    for bad in ("postgresql://127.0.0.1/db", "postgresql://h/db?case=Bad-Name", "mysql://h/db?case=a"):
        assert main(["pull", bad, "-o", str(tmp_path / "y.casefile")]) == 1
        assert capsys.readouterr().err.count("\n") == 1
    assert main(["pull", f"postgresql://postgres@127.0.0.1:1/{pg_database}?case=guerrero",
                 "-o", str(tmp_path / "z.casefile")]) == 1  # nobody listening
    assert "Cannot use the server" in capsys.readouterr().err
    assert not (tmp_path / "z.casefile").exists()


def test_a_stopped_push_leaves_nothing_on_the_server(pg_server, pg_database, tmp_path, owner_key):
    case = create_demo_case(tmp_path / "sample.casefile")
    url = pg_server.url(pg_database, case="guerrero")
    _init(url)
    with pytest.raises(CasefileError, match="Stopped"):
        push(case, ServerAddress.parse(url), owner_key, progress=lambda table, rows: table == "evidence")
    case.close()
    with psycopg.connect(pg_server.url(pg_database)) as conn:
        assert conn.execute("SELECT count(*) FROM casefile.cases").fetchone() == (0,)
        assert conn.execute("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'case_guerrero'"
                            ).fetchone() is None
