"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 11:23:56.824144
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=32), nullable=True),
        sa.Column("doc", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("n_claims", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("text_sha256", name=op.f("uq_articles_text_sha256")),
        sa.UniqueConstraint("url", name=op.f("uq_articles_url")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_source"), ["source"], unique=False)

    op.create_table(
        "findings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("rule", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("severity", sa.String(length=16), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_findings")),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_findings_key"), ["key"], unique=False)
        batch_op.create_index(batch_op.f("ix_findings_rule"), ["rule"], unique=False)

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

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Double(), nullable=True),
        sa.Column("low", sa.Double(), nullable=True),
        sa.Column("high", sa.Double(), nullable=True),
        sa.Column("unit", sa.String(length=64), nullable=True),
        sa.Column("qualifier", sa.String(length=16), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("vague", sa.Boolean(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("published", sa.String(length=32), nullable=True),
        sa.Column("published_basis", sa.String(length=16), nullable=True),
        sa.Column("period", sa.Text(), nullable=True),
        sa.Column("usd", sa.Double(), nullable=True),
        sa.Column("usd_low", sa.Double(), nullable=True),
        sa.Column("usd_high", sa.Double(), nullable=True),
        sa.Column("fx", sa.JSON(), nullable=True),
        sa.Column("si_value", sa.Double(), nullable=True),
        sa.Column("si_low", sa.Double(), nullable=True),
        sa.Column("si_high", sa.Double(), nullable=True),
        sa.Column("si_unit", sa.Text(), nullable=True),
        sa.Column("norm_note", sa.Text(), nullable=True),
        sa.Column("attrs", sa.JSON(), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("lo", sa.Double(), nullable=True),
        sa.Column("hi", sa.Double(), nullable=True),
        sa.Column("usd_lo", sa.Double(), nullable=True),
        sa.Column("usd_hi", sa.Double(), nullable=True),
        sa.Column("date", sa.String(length=32), nullable=True),
        sa.Column("search", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_claims_article_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_hi"), ["hi"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_kind"), ["kind"], unique=False)
        batch_op.create_index("ix_claims_kind_unit_lo", ["kind", "unit", "lo"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_lo"), ["lo"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_unit"), ["unit"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_usd_hi"), ["usd_hi"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_usd_lo"), ["usd_lo"], unique=False)

    op.create_table(
        "finding_articles",
        sa.Column("finding_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_finding_articles_article_id"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["finding_id"], ["findings.id"], name=op.f("fk_finding_articles_finding_id"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("finding_id", "article_id", name=op.f("pk_finding_articles")),
    )
    with op.batch_alter_table("finding_articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_articles_article_id"), ["article_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("finding_articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_articles_article_id"))

    op.drop_table("finding_articles")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_usd_lo"))
        batch_op.drop_index(batch_op.f("ix_claims_usd_hi"))
        batch_op.drop_index(batch_op.f("ix_claims_unit"))
        batch_op.drop_index(batch_op.f("ix_claims_lo"))
        batch_op.drop_index("ix_claims_kind_unit_lo")
        batch_op.drop_index(batch_op.f("ix_claims_kind"))
        batch_op.drop_index(batch_op.f("ix_claims_hi"))
        batch_op.drop_index(batch_op.f("ix_claims_date"))
        batch_op.drop_index(batch_op.f("ix_claims_article_id"))

    op.drop_table("claims")
    with op.batch_alter_table("article_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_keys_key"))

    op.drop_table("article_keys")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_rule"))
        batch_op.drop_index(batch_op.f("ix_findings_key"))

    op.drop_table("findings")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_source"))
        batch_op.drop_index(batch_op.f("ix_articles_published"))

    op.drop_table("articles")
