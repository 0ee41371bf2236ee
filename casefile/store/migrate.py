"""Schema migrations (Alembic, shipped in the package, no alembic.ini).

The format version is the integer Alembic revision ("0002" -> 2), also kept in
``PRAGMA user_version`` so a version can be read without Alembic.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).parent / "migrations"


def _config(conn: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


@cache
def head_version() -> int:
    return int(ScriptDirectory.from_config(_config()).get_current_head())


def current_version(conn: Connection) -> int:
    return conn.exec_driver_sql("PRAGMA user_version").scalar() or 0


def upgrade(conn: Connection, target: str = "head") -> None:
    command.upgrade(_config(conn), target)
    version = head_version() if target == "head" else int(target)
    conn.exec_driver_sql(f"PRAGMA user_version = {version:d}")
