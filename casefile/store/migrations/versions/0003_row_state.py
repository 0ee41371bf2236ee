"""Row states: the history commits to every row's stored values, so ``verify``
names a row edited behind Casefile's back. The case's rows as they stand at
the upgrade are sealed into the history by the opening code (``Case.open``).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "row_state",
        sa.Column("tbl", sa.String(length=64), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=True),
        sa.Column("label", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("tbl", "key", "seq", name=op.f("pk_row_state")),
        sqlite_with_rowid=False,
    )
    op.create_index(op.f("ix_row_state_seq"), "row_state", ["seq"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_row_state_seq"), table_name="row_state")
    op.drop_table("row_state")
