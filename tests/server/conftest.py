"""The server tests: the sample case on a real PostgreSQL server (the cluster, a
database per test and the first owner's key come from ``tests/conftest.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest


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
