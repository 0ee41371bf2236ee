"""Teams, offline: what a case remembers about exchanging bundles
(``model/exchange.py``, ``services/exchange``): this copy's replica identity
and counter, per-field versions of every record and link, the conflicts a
person resolves, the peers met, the bundles sent and merged, and the
senders' history entries. New tables only: existing rows are untouched.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_replica",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.Column("knowledge", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_replica")),
    )
    op.create_table(
        "exchange_item",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("redacted", sa.Boolean(), nullable=False),
        sa.Column("versions", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("entry", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("uuid", name=op.f("pk_exchange_item")),
    )
    op.create_table(
        "exchange_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("value_hash", sa.String(length=64), nullable=False),
        sa.Column("vv", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_conflict")),
        sa.UniqueConstraint("uuid", "field", "value_hash", "vv", name="uq_exchange_conflict"),
    )
    op.create_index(op.f("ix_exchange_conflict_uuid"), "exchange_conflict", ["uuid"])
    op.create_table(
        "exchange_peer",
        sa.Column("replica", sa.String(length=36), nullable=False),
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("knowledge", sa.Text(), nullable=False),
        sa.Column("blobs", sa.Text(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("sent", sa.Integer(), nullable=False),
        sa.Column("last_received_at", sa.DateTime(), nullable=True),
        sa.Column("last_sent_at", sa.DateTime(), nullable=True),
        sa.Column("history_head", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("replica", name=op.f("pk_exchange_peer")),
    )
    op.create_table(
        "exchange_bundle",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("peer", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("profile", sa.String(length=16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_exchange_bundle")),
    )
    op.create_table(
        "exchange_history",
        sa.Column("replica", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("entry", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("replica", "seq", name=op.f("pk_exchange_history")),
    )


def downgrade() -> None:
    for table in ("exchange_history", "exchange_bundle", "exchange_peer", "exchange_conflict", "exchange_item",
                  "exchange_replica"):
        op.drop_table(table)
