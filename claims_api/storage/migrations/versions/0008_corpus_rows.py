"""compact corpus rows, pending work, findings stamped and ordered for paging

Cross-article checks read compact rows (``fx_rows``, ``figure_rows``) instead of articles; the
work a write still owes is a ``pending`` row; findings gain the article a within-article finding
belongs to, the severity rank they are paged by and the rules version that made them.
``article_keys`` goes (the corpus rows name the keys). A store with articles gets a pending
``["*"]`` row: the next ``claims-api db upgrade`` / ``db recheck`` / ``serve`` backfills the rows
and recomputes the findings.

Revision ID: 0008_corpus_rows
Revises: 0007_jobs
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0008_corpus_rows"
down_revision = "0007_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fx_rows",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("amount_pos", sa.Integer(), nullable=False),
        sa.Column("base_pos", sa.Integer(), nullable=False),
        sa.Column("pair", sa.String(length=16), nullable=False),
        sa.Column("rate", sa.Double(), nullable=False),
        sa.Column("lo", sa.Double(), nullable=False),
        sa.Column("hi", sa.Double(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("judged", sa.Boolean(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("arithmetic", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_fx_rows_article_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fx_rows")),
    )
    with op.batch_alter_table("fx_rows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fx_rows_article_id"), ["article_id"], unique=False)
        batch_op.create_index("ix_fx_rows_pair_rate", ["pair", "rate"], unique=False)
        batch_op.create_index("ix_fx_rows_pair_year_rate", ["pair", "year", "rate"], unique=False)

    op.create_table(
        "figure_rows",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("unit", sa.String(length=64), nullable=True),
        sa.Column("lo", sa.Double(), nullable=False),
        sa.Column("hi", sa.Double(), nullable=False),
        sa.Column("size", sa.Double(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("shown", sa.Text(), nullable=False),
        sa.Column("value", sa.Double(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_figure_rows_article_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_figure_rows")),
    )
    with op.batch_alter_table("figure_rows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_figure_rows_article_id"), ["article_id"], unique=False)
        batch_op.create_index(
            "ix_figure_rows_key_size", ["key", "size", "article_id", "position"], unique=False
        )

    pending = op.create_table(
        "pending",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("keys", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending")),
    )

    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("article_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("rank", sa.Integer(), server_default="9", nullable=False))
        batch_op.add_column(
            sa.Column("rules_version", sa.String(length=32), server_default="0", nullable=False)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_findings_article_id"), "articles", ["article_id"], ["id"], ondelete="CASCADE"
        )
        batch_op.create_index(batch_op.f("ix_findings_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_rules_version"), ["rules_version"], unique=False)
        batch_op.create_index("ix_findings_rank_rule_key_id", ["rank", "rule", "key", "id"], unique=False)

    with op.batch_alter_table("article_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_keys_key"))
    op.drop_table("article_keys")

    conn = op.get_bind()
    if conn.execute(sa.text("SELECT 1 FROM articles LIMIT 1")).first() is not None:
        op.bulk_insert(pending, [{"keys": ["*"], "created_at": dt.datetime.now(dt.UTC)}])


def downgrade() -> None:
    op.create_table(
        "article_keys",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_keys_article_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", "key", name=op.f("pk_article_keys")),
    )
    with op.batch_alter_table("article_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_article_keys_key"), ["key"], unique=False)
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index("ix_findings_rank_rule_key_id")
        batch_op.drop_index(batch_op.f("ix_findings_rules_version"))
        batch_op.drop_index(batch_op.f("ix_findings_article_id"))
        batch_op.drop_constraint(batch_op.f("fk_findings_article_id"), type_="foreignkey")
        batch_op.drop_column("rules_version")
        batch_op.drop_column("rank")
        batch_op.drop_column("article_id")
    op.drop_table("pending")
    op.drop_table("figure_rows")
    op.drop_table("fx_rows")
