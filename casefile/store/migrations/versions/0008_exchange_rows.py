"""Teams, offline, at scale: what a case needs so that noticing its own
changes and choosing what to send cost what changed, not the whole case.

Each item remembers the row it was last seen in and when it was last
written; the copy remembers up to which history entry it has looked; each
peer, up to which item everything is known to it. Existing rows read as
"never looked": the next exchange looks at every row once.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("exchange_replica", sa.Column("observed", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("exchange_item", sa.Column("tbl", sa.String(length=32), nullable=False, server_default=""))
    op.add_column("exchange_item", sa.Column("row_key", sa.Text(), nullable=False, server_default=""))
    op.add_column("exchange_item", sa.Column("seq", sa.Integer(), nullable=False, server_default="0"))
    op.create_index("ix_exchange_item_row", "exchange_item", ["tbl", "row_key"])
    op.create_index(op.f("ix_exchange_item_seq"), "exchange_item", ["seq"])
    op.add_column("exchange_peer", sa.Column("clean", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("exchange_peer") as batch_op:
        batch_op.drop_column("clean")
    op.drop_index(op.f("ix_exchange_item_seq"), table_name="exchange_item")
    op.drop_index("ix_exchange_item_row", table_name="exchange_item")
    with op.batch_alter_table("exchange_item") as batch_op:
        for column in ("seq", "row_key", "tbl"):
            batch_op.drop_column(column)
    with op.batch_alter_table("exchange_replica") as batch_op:
        batch_op.drop_column("observed")
