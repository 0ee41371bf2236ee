"""A real PostgreSQL server for the server tests: one throwaway cluster per test
process (``tests/pgserver.py``), a fresh database per test."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import psycopg
import pytest

from tests.pgserver import NoPostgres, bindir, running


@pytest.fixture(scope="session")
def pg_server():
    try:
        bindir()
    except NoPostgres as missing:
        if os.environ.get("CASEFILE_REQUIRE_POSTGRES"):  # .ci/run: a missing server is a failure, not a skip
            raise
        pytest.skip(str(missing))
    with running() as server:
        yield server


@pytest.fixture
def pg_database(pg_server):
    """A new, empty database; its name."""
    name = "t" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


OWNER_PASSPHRASE = "the first owner's key passphrase"


@pytest.fixture
def owner_key(monkeypatch):
    """The documenter key of the member who pushes the case (its first owner), as
    the commands find it: in the user's key folder, its passphrase in the environment."""
    from casefile.services import keys

    monkeypatch.setenv(keys.ENV_PASSPHRASE, OWNER_PASSPHRASE)
    return keys.load_or_create(OWNER_PASSPHRASE, "Olga")


def member_key(url: str, name: str, folder: Path, login: str = "postgres", role: str = "owner"):
    """A documenter key of its own for ``name``, and the case's key sealed to it, as
    an owner adds a member (``server add-member … --public-key``)."""
    from casefile.cli import main
    from casefile.services.keys import create_key

    key = create_key(f"{name}'s passphrase", name, folder)
    pem = key.export_public(folder / f"{name}.pem")
    assert main(["server", "add-member", url, login, role, "--public-key", str(pem)]) == 0
    return key


@pytest.fixture
def sample_on_server(pg_server, pg_database, tmp_path, owner_key) -> str:
    """The sample case pushed to a fresh database, as its members' commands do it; its address.
    The laptop case it came from stays at tmp_path / "sample.casefile"."""
    from casefile.cli import main
    from casefile.services.sample import create_demo_case

    create_demo_case(tmp_path / "sample.casefile").close()
    url = pg_server.url(pg_database, case="guerrero")
    assert main(["server", "init", pg_server.url(pg_database)]) == 0
    assert main(["push", str(tmp_path / "sample.casefile"), url]) == 0
    return url
