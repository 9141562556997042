"""one index for a pair's judged conversions in the order the band's outliers are read

The judges read a bucket's judged conversions below and above its band ``ORDER BY rate,
article_id, amount_pos LIMIT k`` (``corpus.OUTLIER_CAP``). ``fx_rows (pair, year, rate)`` held
neither ``judged`` nor the tie-breaks, so every row of the bucket beyond the band was read and
sorted before the limit applied. ``fx_rows (pair, judged, year, rate, article_id, amount_pos)``
answers those reads in order and, by its prefix, the pair's years (``ix_fx_rows_pair_judged_year``),
so both older indexes go.

Revision ID: 0012_judged_band_order
Revises: 0011_finding_digests
"""

from __future__ import annotations

from alembic import op

revision = "0012_judged_band_order"
down_revision = "0011_finding_digests"
branch_labels = None
depends_on = None

_COLUMNS = ["pair", "judged", "year", "rate", "article_id", "amount_pos"]


def upgrade() -> None:
    op.create_index("ix_fx_rows_judged_band", "fx_rows", _COLUMNS)
    op.drop_index("ix_fx_rows_pair_year_rate", table_name="fx_rows")
    op.drop_index("ix_fx_rows_pair_judged_year", table_name="fx_rows")


def downgrade() -> None:
    op.create_index("ix_fx_rows_pair_judged_year", "fx_rows", ["pair", "judged", "year"])
    op.create_index("ix_fx_rows_pair_year_rate", "fx_rows", ["pair", "year", "rate"])
    op.drop_index("ix_fx_rows_judged_band", table_name="fx_rows")
