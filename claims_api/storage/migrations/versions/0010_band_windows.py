"""indexes for the fx band's window of newest conversions

A pair's band is made of its ``corpus.BAND_PEERS`` newest conversions (by article id), in the
whole pair (undated ones judged) or in one year: ``fx_rows (pair, article_id, ...)`` and
``fx_rows (pair, year, article_id, ...)`` read that window by one index range, covering the rate,
where the quartiles read through ``ORDER BY rate OFFSET k`` walked a rank's worth of the pair.
``fx_rows (pair, rate)`` served only those reads and goes.

Revision ID: 0010_band_windows
Revises: 0009_rejudge_indexes
"""

from __future__ import annotations

from alembic import op

revision = "0010_band_windows"
down_revision = "0009_rejudge_indexes"
branch_labels = None
depends_on = None

_NEWEST = ["article_id", "amount_pos", "base_pos", "rate"]


def upgrade() -> None:
    op.create_index("ix_fx_rows_pair_article_id_amount_pos_base_pos_rate", "fx_rows", ["pair", *_NEWEST])
    op.create_index(
        "ix_fx_rows_pair_year_article_id_amount_pos_base_pos_rate", "fx_rows", ["pair", "year", *_NEWEST]
    )
    op.drop_index("ix_fx_rows_pair_rate", table_name="fx_rows")


def downgrade() -> None:
    op.create_index("ix_fx_rows_pair_rate", "fx_rows", ["pair", "rate"])
    op.drop_index("ix_fx_rows_pair_year_article_id_amount_pos_base_pos_rate", table_name="fx_rows")
    op.drop_index("ix_fx_rows_pair_article_id_amount_pos_base_pos_rate", table_name="fx_rows")
