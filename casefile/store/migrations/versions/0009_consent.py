"""Consent and sharing restrictions on every source and evidence item (issue
"Handover to a court or UN mechanism"): what was agreed (the ``consent``
vocabulary), to whom, never to whom, not before when, given when and
recorded by whom. Existing rows read as "not recorded".

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("source", "evidence")
TEXT = ("consent_to", "consent_not_to")
DATES = ("consent_not_before", "consent_given")
NEW_VOCABULARIES = ("consent",)


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild), as in 0006.
    for table in TABLES:
        op.add_column(table, sa.Column("consent", sa.String(length=16), nullable=False, server_default=""))
        for column in TEXT:
            op.add_column(table, sa.Column(column, sa.Text(), nullable=False, server_default=""))
        for column in DATES:
            op.add_column(table, sa.Column(column, sa.String(length=10), nullable=True))
        op.add_column(table, sa.Column("consent_recorded_by", sa.Text(), nullable=False, server_default=""))

    from casefile.store.seed import shipped_vocabulary_rows

    op.get_bind().execute(sa.text(
        "INSERT OR IGNORE INTO vocabulary_term (vocabulary, key, label_en, label_es, description_en, description_es, "
        "position, builtin, inverse_en, inverse_es) VALUES (:vocabulary, :key, :label_en, :label_es, "
        ":description_en, :description_es, :position, :builtin, :inverse_en, :inverse_es)"),
        [r for r in shipped_vocabulary_rows() if r["vocabulary"] in NEW_VOCABULARIES])


def downgrade() -> None:
    op.get_bind().execute(sa.text("DELETE FROM vocabulary_term WHERE vocabulary = 'consent'"))
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch_op:
            for column in ("consent_recorded_by", *reversed(DATES), *reversed(TEXT), "consent"):
                batch_op.drop_column(column)
