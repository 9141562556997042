"""indexes that keep a key's re-judgement independent of the corpus size

``findings (key, article_id)`` replaces ``findings (key)``: the cross-article findings of a key
(``article_id IS NULL``) are one index search, where ``key = ?`` alone walked every
within-article finding of the key too (every conversion of a currency pair in the corpus).
``fx_rows (pair, judged, year)``: a pair's years are read one index seek each.

Revision ID: 0009_rejudge_indexes
Revises: 0008_corpus_rows
"""

from __future__ import annotations

from alembic import op

revision = "0009_rejudge_indexes"
down_revision = "0008_corpus_rows"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_findings_key_article_id", "findings", ["key", "article_id"], unique=False)
    op.drop_index("ix_findings_key", table_name="findings")
    op.create_index("ix_fx_rows_pair_judged_year", "fx_rows", ["pair", "judged", "year"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_fx_rows_pair_judged_year", table_name="fx_rows")
    op.create_index("ix_findings_key", "findings", ["key"], unique=False)
    op.drop_index("ix_findings_key_article_id", table_name="findings")
