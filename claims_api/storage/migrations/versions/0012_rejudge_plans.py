"""indexes a re-judgement's reads can only be answered by, in the order they read

- The judges read a bucket's judged conversions below and above its band ``ORDER BY rate,
  article_id, amount_pos LIMIT k`` (``corpus.OUTLIER_CAP``). ``fx_rows (pair, year, rate)`` held
  neither ``judged`` nor the tie-breaks, so every row of the bucket beyond the band was read and
  sorted before the limit applied. ``fx_rows (pair, judged, year, rate, article_id, amount_pos)``
  answers those reads in order and, by its prefix, the pair's years
  (``ix_fx_rows_pair_judged_year``), so both older indexes go.
- ``findings (article_id)`` held every cross-article finding under NULL, dead versions included
  (each re-judgement deletes some): PostgreSQL answered a key's ``article_id IS NULL`` through
  it, a range that grows with the corpus, rather than through ``findings (key, article_id)``.
  It now holds the within-article findings only (``WHERE article_id IS NOT NULL``), which is all
  that a lookup or a cascade by article asks for.

Revision ID: 0012_rejudge_plans
Revises: 0011_finding_digests
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_rejudge_plans"
down_revision = "0011_finding_digests"
branch_labels = None
depends_on = None

_COLUMNS = ["pair", "judged", "year", "rate", "article_id", "amount_pos"]
_WITHIN = sa.text("article_id IS NOT NULL")


def upgrade() -> None:
    op.create_index("ix_fx_rows_judged_band", "fx_rows", _COLUMNS)
    op.drop_index("ix_fx_rows_pair_year_rate", table_name="fx_rows")
    op.drop_index("ix_fx_rows_pair_judged_year", table_name="fx_rows")
    op.drop_index("ix_findings_article_id", table_name="findings")
    op.create_index(
        "ix_findings_article_id",
        "findings",
        ["article_id"],
        postgresql_where=_WITHIN,
        sqlite_where=_WITHIN,
    )


def downgrade() -> None:
    op.drop_index("ix_findings_article_id", table_name="findings")
    op.create_index("ix_findings_article_id", "findings", ["article_id"])
    op.create_index("ix_fx_rows_pair_judged_year", "fx_rows", ["pair", "judged", "year"])
    op.create_index("ix_fx_rows_pair_year_rate", "fx_rows", ["pair", "year", "rate"])
    op.drop_index("ix_fx_rows_judged_band", table_name="fx_rows")
