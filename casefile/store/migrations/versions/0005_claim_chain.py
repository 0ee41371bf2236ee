"""Claims keep their own chain of attribution; a source cites any number of sources.

- ``source_citation``: what each source cites, in order, with a note. The old
  single ``source.cites_id`` becomes each source's first citation.
- ``claim``: the kind of words the quote is (and who translated it), where the
  claim was first said (``origin_id`` / ``origin_status``) and ``claim_relay``:
  the sources it passed through, in order. Each claim's chain is seeded from
  its source's old chain (origin: the last source cited along it; relays: the
  ones between) and marked ``chain_review`` for the documenter to confirm.
- vocabulary terms of relations get the label they read with from their
  other end ("caused by" for "causes"); incidents may respond to one another.
- ``source.cites_id`` is dropped. Casefile runs migrations with foreign keys
  off and checks them afterwards (the table is rebuilt: with them on, SQLite
  would empty the tables that point at it).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NEW_VOCABULARIES = ("quote_kind", "translated_by", "origin_status")
NEW_TERMS = {("incident_relation", "responds_to")}


def upgrade() -> None:
    op.create_table(
        "source_citation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("cited_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("source_id <> cited_id", name=op.f("ck_source_citation_not_itself")),
        sa.ForeignKeyConstraint(["cited_id"], ["source.id"], name=op.f("fk_source_citation_cited_id_source"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], name=op.f("fk_source_citation_source_id_source"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_citation")),
        sa.UniqueConstraint("source_id", "cited_id", name="uq_source_citation"),
    )
    op.create_index(op.f("ix_source_citation_source_id"), "source_citation", ["source_id"])
    op.create_index(op.f("ix_source_citation_cited_id"), "source_citation", ["cited_id"])
    op.create_table(
        "claim_relay",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"], name=op.f("fk_claim_relay_claim_id_claim"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_id"], ["source.id"], name=op.f("fk_claim_relay_source_id_source"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_relay")),
        sa.UniqueConstraint("claim_id", "source_id", name="uq_claim_relay"),
    )
    op.create_index(op.f("ix_claim_relay_claim_id"), "claim_relay", ["claim_id"])
    op.create_index(op.f("ix_claim_relay_source_id"), "claim_relay", ["source_id"])
    with op.batch_alter_table("claim") as batch_op:
        batch_op.add_column(sa.Column("quote_kind", sa.String(length=16), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("translated_by", sa.String(length=16), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("origin_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("origin_status", sa.String(length=16), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("chain_review", sa.Boolean(), nullable=False, server_default="0"))
        batch_op.create_foreign_key(op.f("fk_claim_origin_id_source"), "source", ["origin_id"], ["id"],
                                    ondelete="SET NULL")
        batch_op.create_index(op.f("ix_claim_origin_id"), ["origin_id"])

    conn = op.get_bind()
    cites = dict(conn.exec_driver_sql("SELECT id, cites_id FROM source WHERE cites_id IS NOT NULL").fetchall())
    conn.exec_driver_sql("INSERT INTO source_citation (source_id, cited_id, position, note) "
                         "SELECT id, cites_id, 0, '' FROM source WHERE cites_id IS NOT NULL AND cites_id <> id")
    relays = []
    for claim_id, source_id in conn.exec_driver_sql(
            "SELECT id, source_id FROM claim WHERE source_id IS NOT NULL").fetchall():
        chain = _chain(cites, source_id)  # nearest first: what the read source cites, what that cites, ...
        if not chain:
            continue
        conn.exec_driver_sql("UPDATE claim SET origin_id = ?, origin_status = 'located', chain_review = 1 "
                             "WHERE id = ?", (chain[-1], claim_id))
        between = list(reversed(chain[:-1]))  # from the origin onwards
        relays += [(claim_id, s, position) for position, s in enumerate(between)]
    if relays:
        conn.connection.driver_connection.executemany(
            "INSERT INTO claim_relay (claim_id, source_id, position, note) VALUES (?, ?, ?, '')", relays)

    with op.batch_alter_table("source") as batch_op:
        batch_op.drop_index("ix_source_cites_id")
        batch_op.drop_constraint("fk_source_cites_id_source", type_="foreignkey")
        batch_op.drop_column("cites_id")

    # Relations read from both ends: "causes" / "caused by".
    with op.batch_alter_table("vocabulary_term") as batch_op:
        batch_op.add_column(sa.Column("inverse_en", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("inverse_es", sa.Text(), nullable=False, server_default=""))

    from casefile.store.seed import shipped_vocabulary_rows

    shipped = shipped_vocabulary_rows()
    conn.execute(sa.text(
        "INSERT OR IGNORE INTO vocabulary_term (vocabulary, key, label_en, label_es, description_en, description_es, "
        "position, builtin, inverse_en, inverse_es) VALUES (:vocabulary, :key, :label_en, :label_es, "
        ":description_en, :description_es, :position, :builtin, :inverse_en, :inverse_es)"),
        [r for r in shipped if r["vocabulary"] in NEW_VOCABULARIES or (r["vocabulary"], r["key"]) in NEW_TERMS])
    conn.execute(sa.text("UPDATE vocabulary_term SET inverse_en = :inverse_en, inverse_es = :inverse_es "
                         "WHERE vocabulary = :vocabulary AND key = :key AND builtin"),
                 [r for r in shipped if r["inverse_en"]])


def _chain(cites: dict[int, int], start: int) -> list[int]:
    """The sources cited from ``start`` onwards, nearest first, stopping at a loop."""
    chain: list[int] = []
    seen = {start}
    node = cites.get(start)
    while node is not None and node not in seen:
        chain.append(node)
        seen.add(node)
        node = cites.get(node)
    return chain


def downgrade() -> None:
    raise NotImplementedError("a case is never migrated back to an older format")
