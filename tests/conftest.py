"""Shared fixtures: every test gets its own case in tmp_path and its own settings."""

from __future__ import annotations

import os
import uuid

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psycopg  # noqa: E402
import pytest  # noqa: E402

from casefile.store import Case  # noqa: E402
from tests.pgserver import NoPostgres, bindir, running  # noqa: E402

pytest_plugins = ["tests.fixtures.xserver"]  # x_display: a real X server, for what only X11 shows


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """Point QSettings and platformdirs at a private folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("CASEFILE_PASSPHRASE", raising=False)
    yield home


BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    """A module marked ``both_backends`` runs each test that takes ``case`` on both
    backends: a case file, and a case on a real PostgreSQL server (``case``)."""
    marked = metafunc.definition.get_closest_marker
    if "case" in metafunc.fixturenames and marked("both_backends") and not marked("case_file"):
        metafunc.parametrize("case", BACKENDS, indirect=True)


@pytest.fixture
def case(request, tmp_path):
    """An empty case. On ``postgresql``: pushed to a new server case and worked on
    as every command and the window work on one, through its local copy; when the
    test ends, what it did is sent to the server, and a copy pulled back from the
    server must hold the same content, and verify as the test left it (a test
    that damages evidence finds the damage on the server too)."""
    c = Case.create(tmp_path / "test.casefile", "Test case", documenter="Tester")
    if getattr(request, "param", "sqlite") == "sqlite":
        yield c
        c.close()
        return
    yield from _on_server(request, c, tmp_path)


def _on_server(request, laptop: Case, tmp_path):
    from casefile.services import verify
    from casefile.services.exchange.reading import content_digest
    from casefile.store.server.address import ServerAddress
    from casefile.store.server.schema import init_server
    from casefile.store.server.transfer import pull, push, server_engine
    from casefile.store.server.working import working_copy

    server = request.getfixturevalue("pg_server")
    key = request.getfixturevalue("owner_key")
    address = ServerAddress.parse(server.url(request.getfixturevalue("pg_database"), case="test"))
    engine = server_engine(address)
    with engine.begin() as conn:
        init_server(conn)
    engine.dispose()
    push(laptop, address, key)
    laptop.close()
    with working_copy(address, key, write=True) as (copy, _server):
        yield copy
        with copy.connection() as conn:
            sent = content_digest(conn)
        problems = [str(problem) for problem in verify.verify(copy)]
    back = pull(address, tmp_path / "from-the-server.casefile", key)
    try:
        with back.connection() as conn:
            assert content_digest(conn) == sent, "the server does not hold what the test left"
        assert [str(problem) for problem in verify.verify(back)] == problems
    finally:
        back.close()


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




@pytest.fixture
def paused_intake(monkeypatch):
    """The window's intake, real, held at its first progress report until the
    test sets ``go``: (inside, go), two threading.Events. For what must hold
    while a file is going in (the case lent to the intake's thread)."""
    import threading

    from casefile.services import evidence
    from casefile.ui.evidence import commands

    inside, go = threading.Event(), threading.Event()
    real = evidence.intake

    def intake(case, path, *, progress=None, **kwargs):
        def report(done, total):
            inside.set()
            go.wait(30)
            if progress is not None:
                progress(done, total)
        return real(case, path, progress=report, **kwargs)

    monkeypatch.setattr(commands.evidence, "intake", intake)
    return inside, go
