"""a fingerprint per cross-article finding, so a re-judgement rewrites only what changed

``findings.digest`` (``corpus.Draft.digest``: the rules version and everything the finding
says): a key's re-judgement keeps the stored findings whose fingerprint it gives again and
deletes and inserts only the others. Existing rows have none and are rewritten once, at their
key's next re-judgement.

Revision ID: 0011_finding_digests
Revises: 0010_band_windows
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_finding_digests"
down_revision = "0010_band_windows"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("digest", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("digest")
