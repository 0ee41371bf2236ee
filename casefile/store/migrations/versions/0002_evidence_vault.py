"""The evidence vault: file contents stored inside the case as chunks, thumbnails,
and evidence withdrawn rather than deleted.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blob',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_blob'))
    )
    op.create_table('chunk',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_chunk'))
    )
    op.create_table('blob_chunk',
    sa.Column('blob_sha256', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('chunk_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['blob_sha256'], ['blob.sha256'], name=op.f('fk_blob_chunk_blob_sha256_blob'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['chunk_sha256'], ['chunk.sha256'], name=op.f('fk_blob_chunk_chunk_sha256_chunk')),
    sa.PrimaryKeyConstraint('blob_sha256', 'seq', name=op.f('pk_blob_chunk'))
    )
    with op.batch_alter_table('blob_chunk', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blob_chunk_chunk_sha256'), ['chunk_sha256'], unique=False)

    op.create_table('thumbnail',
    sa.Column('evidence_id', sa.Integer(), nullable=False),
    sa.Column('png', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_thumbnail_evidence_id_evidence'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('evidence_id', name=op.f('pk_thumbnail'))
    )


    with op.batch_alter_table("evidence") as batch_op:
        batch_op.add_column(sa.Column("withdrawn", sa.Boolean(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("evidence") as batch_op:
        batch_op.drop_column("withdrawn")
    op.drop_table('thumbnail')
    with op.batch_alter_table('blob_chunk', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_blob_chunk_chunk_sha256'))

    op.drop_table('blob_chunk')
    op.drop_table('chunk')
    op.drop_table('blob')
