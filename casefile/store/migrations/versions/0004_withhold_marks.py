"""Withhold marks: passages of a record's text the documenter marked to be
withheld from shared outputs.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from casefile.model.base import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "withhold_mark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("record_kind", sa.String(length=16), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("passage", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("passage <> ''", name=op.f("ck_withhold_mark_passage")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_withhold_mark")),
        sa.UniqueConstraint("uuid", name=op.f("uq_withhold_mark_uuid")),
        sa.UniqueConstraint("record_uuid", "field", "passage", name=op.f("uq_withhold_mark")),
    )
    op.create_index(op.f("ix_withhold_mark_record_uuid"), "withhold_mark", ["record_uuid"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_withhold_mark_record_uuid"), table_name="withhold_mark")
    op.drop_table("withhold_mark")
