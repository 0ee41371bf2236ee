"""Chunks keyed by the file's running hash (issue 22, "Performance, round 2"):
from this format a chunk is stored under the SHA-256 of the file's bytes up
to its end, which the intake has at hand as it hashes the whole file, so
each byte is hashed once instead of twice; a chunk of one byte repeated
keeps the hash of its own bytes, and is stored once (``store/chunks.py``).

Nothing is rewritten: every chunk stored before stays under the hash of its
own bytes, which a checker of this format accepts too, and as no sealed row
changes, none is sealed again: a row edited behind Casefile's back before
the update is still named by ``verify`` after it. The number changes so
that a Casefile of format 9, which would take every new chunk for a damaged
one (its backup check hashes each chunk alone), refuses a case of this
format instead, as it refuses any newer one.

Revision ID: 0010
Revises: 0009
"""

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None
rows_kept = True  # chunks are not sealed rows: no row is sealed again (migrate.rows_change)


def upgrade() -> None:
    pass  # the rows stay as they are; only the rule for new chunks changes


def downgrade() -> None:
    # Format 9 would read every chunk keyed by a running hash as damaged.
    raise NotImplementedError("a case of format 10 is not taken back to format 9")
