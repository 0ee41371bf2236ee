"""A throwaway PostgreSQL server for the tests: ``initdb`` in a temporary folder,
``pg_ctl start`` on a free loopback port, stopped and removed at the end.

PostgreSQL refuses to run as root, so as root the cluster belongs to the
``postgres`` user (Debian's package makes it) and its commands run through
``runuser``. Local connections are trusted: the tests are about what each
role may do, not passwords.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class NoPostgres(RuntimeError):
    """The PostgreSQL server programs are not installed."""


def bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    raise NoPostgres("PostgreSQL's server programs (initdb, pg_ctl) are not installed")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class PgServer:
    port: int
    folder: Path

    def url(self, database: str = "postgres", user: str = "postgres", case: str | None = None) -> str:
        address = f"postgresql://{user}@127.0.0.1:{self.port}/{database}"
        return address + (f"?case={case}" if case else "")


def _run(args: list[str], as_postgres: bool) -> None:
    command = ["runuser", "-u", "postgres", "--", *args] if as_postgres else args
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stderr.strip() or done.stdout.strip()}")


@contextlib.contextmanager
def running() -> Iterator[PgServer]:
    programs = bindir()
    as_postgres = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="casefile-pg-"))
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    port = _free_port()
    _run([str(programs / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
          "--locale=C.UTF-8", "--no-sync"], as_postgres)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    _run([str(programs / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
         as_postgres)
    try:
        yield PgServer(port, folder)
    finally:
        with contextlib.suppress(RuntimeError):
            _run([str(programs / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], as_postgres)
        shutil.rmtree(folder, ignore_errors=True)
