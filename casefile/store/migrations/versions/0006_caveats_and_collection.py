"""Caveats for the reader on every record, reasons for grades, and how each
evidence item was collected (issue "The dossier a lawyer would accept"), and
the "shows faces" flag shared outputs blur (issue "Redaction that holds").

Every new column has a server default, so existing rows read as before:
no caveat, no reason, collection details not recorded, no faces.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

RECORD_TABLES = ("place", "actor", "incident", "source", "claim", "evidence")
EVIDENCE_TEXT = ("collected_by", "collection_tool", "preservation")


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): SQLite appends a column with a
    # constant default in place, whatever the size of the table.
    for table in RECORD_TABLES:
        op.add_column(table, sa.Column("caveats", sa.Text(), nullable=False, server_default=""))
    op.add_column("source", sa.Column("reliability_reason", sa.Text(), nullable=False, server_default=""))
    op.add_column("claim", sa.Column("credibility_reason", sa.Text(), nullable=False, server_default=""))
    for column in EVIDENCE_TEXT:
        op.add_column("evidence", sa.Column(column, sa.Text(), nullable=False, server_default=""))
    op.add_column("evidence", sa.Column("shows_faces", sa.Boolean(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("evidence") as batch_op:
        for column in ("shows_faces", *reversed(EVIDENCE_TEXT)):
            batch_op.drop_column(column)
    with op.batch_alter_table("claim") as batch_op:
        batch_op.drop_column("credibility_reason")
    with op.batch_alter_table("source") as batch_op:
        batch_op.drop_column("reliability_reason")
    for table in reversed(RECORD_TABLES):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("caveats")
