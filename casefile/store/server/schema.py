"""A case's schema on the server, its roles and what each may do, enforced by
PostgreSQL itself.

``casefile server init`` makes the catalogue (``casefile.cases``); each case
pushed to the server gets a schema (``case_NAME``) holding the same tables as
a laptop's file, and one group role per role a member can hold. Members are
login roles granted one of those groups:

- **owner**, **editor**: read and write the records; the history only grows.
- **analyst**: reads everything; writes claims and assessments only.
- **reader**: reads everything, writes nothing.
- **partner**: not a reader of this schema at all, and given no key to its
  sealed words (``sealing``). A partner reads ``case_NAME_partner``, the case
  as the partner profile shows it (``services.interchange.partner_view``).

Every table has row-level security, forced (it binds the tables' owner too),
with a policy per group: a statement a role may not make is refused by the
server, whoever connects and however. The history tables accept inserts only:
a trigger refuses any UPDATE or DELETE of them, even by their owner, so a row
changed behind Casefile's back takes a superuser, and ``verify`` names it.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ...errors import CasefileError
from ...i18n import translate
from ...model import AuditEntry, Base, RowState
from .. import migrate
from .address import ROLES, ServerAddress, q
from .sealing import CaseSeal, create_key_table, widen

CATALOGUE = "casefile"
SERVER_KEY = (b"server_key.name", b"server_key.seed")  # what its cells' seals are bound to
#: the history: inserts only, for everyone
APPEND_ONLY = frozenset({AuditEntry.__tablename__, RowState.__tablename__})
#: what an analyst writes besides the history (claims, their chains and assessments)
ANALYST_WRITES = frozenset({"claim", "claim_subject", "claim_relay", "source_citation", "assessment",
                            "code_counter"})
WRITERS = ("owner", "editor")
SYNCERS = ("owner", "editor", "analyst")  # they exchange changes with the server copy
READERS = ("owner", "editor", "analyst", "reader")


def init_server(conn: Connection) -> None:
    """The catalogue of the server's cases (idempotent)."""
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {CATALOGUE}")
    conn.exec_driver_sql(f"""CREATE TABLE IF NOT EXISTS {CATALOGUE}.cases (
        name text PRIMARY KEY, schema_name text NOT NULL UNIQUE, title text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now())""")
    conn.exec_driver_sql(f"""CREATE OR REPLACE FUNCTION {CATALOGUE}.refuse_change() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN
            RAISE EXCEPTION 'the history of a case accepts new entries only (%% on %%)', TG_OP, TG_TABLE_NAME;
        END $$""")


def has_catalogue(conn: Connection) -> bool:
    return bool(conn.execute(text("SELECT to_regclass(:name) IS NOT NULL"),
                             {"name": f"{CATALOGUE}.cases"}).scalar())


def case_exists(conn: Connection, address: ServerAddress) -> bool:
    # pg_namespace lists every schema; information_schema only those this login may use
    return bool(conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": address.schema}).first())


def create_case(conn: Connection, address: ServerAddress, version: int, *, catalogue: bool = True) -> None:
    """The case's schema, tables, group roles, grants and policies (the catalogue
    names the case, not its title: a title can say what a witness would not)."""
    schema = q(address.schema)
    conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    Base.metadata.create_all(conn.execution_options(schema_translate_map={None: address.schema}))
    conn.exec_driver_sql(f"CREATE TABLE {schema}.alembic_version (version_num varchar(32) PRIMARY KEY)")
    conn.execute(text(f"INSERT INTO {schema}.alembic_version VALUES (:v)"), {"v": f"{version:04d}"})
    widen(conn, address)
    if catalogue:
        conn.execute(text(f"INSERT INTO {CATALOGUE}.cases (name, schema_name) VALUES (:n, :s)"),
                     {"n": address.case, "s": address.schema})
    for role in ROLES:
        name = address.role(role)
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}).first()
        if not exists:
            conn.exec_driver_sql(f"CREATE ROLE {q(name)} NOLOGIN")
    readers = ", ".join(q(address.role(r)) for r in READERS)
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {readers}")
    conn.exec_driver_sql(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schema} TO "
                         + ", ".join(q(address.role(r)) for r in (*WRITERS, "analyst")))
    for table in [*Base.metadata.sorted_tables, None]:
        name = "alembic_version" if table is None else table.name
        target = f"{schema}.{q(name)}"
        conn.exec_driver_sql(f"GRANT SELECT ON {target} TO {readers}")
        writers = list(WRITERS) + (["analyst"] if name in ANALYST_WRITES | APPEND_ONLY else [])
        rights = "INSERT" if name in APPEND_ONLY else "INSERT, UPDATE, DELETE"
        conn.exec_driver_sql(f"GRANT {rights} ON {target} TO " + ", ".join(q(address.role(r)) for r in writers))
        conn.exec_driver_sql(f"ALTER TABLE {target} ENABLE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"ALTER TABLE {target} FORCE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"CREATE POLICY cf_read ON {target} FOR SELECT TO {readers} USING (true)")
        for command in ("INSERT",) if name in APPEND_ONLY else ("INSERT", "UPDATE", "DELETE"):
            clause = "WITH CHECK (true)" if command == "INSERT" else "USING (true)"
            conn.exec_driver_sql(f"CREATE POLICY cf_{command.lower()} ON {target} FOR {command} TO "
                                 + ", ".join(q(address.role(r)) for r in writers) + f" {clause}")
        if name in APPEND_ONLY:
            conn.exec_driver_sql(f"CREATE TRIGGER cf_append_only BEFORE UPDATE OR DELETE ON {target} "
                                 f"FOR EACH ROW EXECUTE FUNCTION {CATALOGUE}.refuse_change()")
            conn.exec_driver_sql(f"CREATE TRIGGER cf_append_only_truncate BEFORE TRUNCATE ON {target} "
                                 f"FOR EACH STATEMENT EXECUTE FUNCTION {CATALOGUE}.refuse_change()")
    create_key_table(conn, address, readers, q(address.role("owner")))


def store_server_key(conn: Connection, address: ServerAddress, name: str, seed: bytes, seal: CaseSeal) -> None:
    """The server copy's signing key, sealed under the case's key, readable by the
    members who sync (they sign the server's side of an exchange with it; they
    could write the tables anyway)."""
    schema = q(address.schema)
    conn.exec_driver_sql(f"CREATE TABLE {schema}.server_key (id integer PRIMARY KEY CHECK (id = 1), "
                         f"name text NOT NULL, seed bytea NOT NULL)")
    conn.execute(text(f"INSERT INTO {schema}.server_key VALUES (1, :n, :s)"),
                 {"n": seal.seal_value(SERVER_KEY[0], name), "s": seal.seal_value(SERVER_KEY[1], seed)})
    secure_server_key(conn, address)


def secure_server_key(conn: Connection, address: ServerAddress) -> None:
    schema = q(address.schema)
    syncing = ", ".join(q(address.role(r)) for r in SYNCERS)
    conn.exec_driver_sql(f"GRANT SELECT ON {schema}.server_key TO {syncing}")
    conn.exec_driver_sql(f"ALTER TABLE {schema}.server_key ENABLE ROW LEVEL SECURITY")
    conn.exec_driver_sql(f"ALTER TABLE {schema}.server_key FORCE ROW LEVEL SECURITY")
    conn.exec_driver_sql(f"CREATE POLICY cf_read ON {schema}.server_key FOR SELECT TO {syncing} USING (true)")


def server_key_seed(conn: Connection, address: ServerAddress, seal: CaseSeal) -> tuple[str, bytes]:
    row = conn.execute(text(f"SELECT name, seed FROM {q(address.schema)}.server_key WHERE id = 1")).one()
    return seal.open_value(SERVER_KEY[0], str(row.name)), seal.open_value(SERVER_KEY[1], bytes(row.seed))


def format_of(conn: Connection, address: ServerAddress) -> int:
    """The format (Alembic revision) a server case is at; one newer than this Casefile's is refused."""
    version = int(conn.exec_driver_sql(f"SELECT version_num FROM {q(address.schema)}.alembic_version").scalar() or 0)
    if version > migrate.head_version():
        raise CasefileError(translate("Server", "The case on the server is at format {theirs}, newer than this "
                                                "Casefile's ({ours}): update Casefile.").format(
            theirs=version, ours=migrate.head_version()))
    return version


def add_member(conn: Connection, address: ServerAddress, login: str, role: str) -> None:
    """Grant a login role one role in the case (taking back any other it held there)."""
    for other in ROLES:
        conn.exec_driver_sql(f"REVOKE {q(address.role(other))} FROM {q(login)}")
    conn.exec_driver_sql(f"GRANT {q(address.role(role))} TO {q(login)}")
