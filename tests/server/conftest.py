"""A real PostgreSQL server for the server tests: one throwaway cluster per test
process (``tests/pgserver.py``), a fresh database per test."""

from __future__ import annotations

import os
import uuid

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
