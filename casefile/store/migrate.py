"""Schema migrations (Alembic, shipped in the package, no alembic.ini).

The format version is the integer Alembic revision ("0002" -> 2), also kept in
``PRAGMA user_version`` so a version can be read without Alembic.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"""^revision\s*(?::\s*str\s*)?=\s*['"](\d+)['"]""", re.MULTILINE)

# Alembic is imported only to migrate: importing it costs about 150 ms of CPU,
# 17% of the window's start on a small case (tests/perf/bench.py), and opening
# a case of the current format never needs it.


def _config(conn: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


_ROWS_KEPT = re.compile(r"^rows_kept\s*=\s*True\b", re.MULTILINE)


@cache
def _revisions() -> dict[int, bool]:
    """Each revision's number, and whether it keeps every sealed row as it
    was, read from the revision files (linear history, numbered "0001",
    "0002"...) without importing Alembic."""
    found = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        if match := _REVISION.search(text):
            found[int(match.group(1))] = bool(_ROWS_KEPT.search(text))
    return found


def head_version() -> int:
    """The newest revision."""
    return max(_revisions())


def rows_change(since: int) -> bool:
    """Does the upgrade from format ``since`` change what a sealed row holds?
    A revision that does not says ``rows_kept = True``; after one that does,
    every row is sealed again as it stands (``case._seal_upgraded``), which
    on the scale case takes 20 s."""
    return any(not kept for number, kept in _revisions().items() if number > since)


def current_version(conn: Connection) -> int:
    return conn.exec_driver_sql("PRAGMA user_version").scalar() or 0


def upgrade(conn: Connection, target: str = "head") -> None:
    from alembic import command

    command.upgrade(_config(conn), target)
    version = head_version() if target == "head" else int(target)
    conn.exec_driver_sql(f"PRAGMA user_version = {version:d}")
