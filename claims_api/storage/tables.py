"""Table definitions (SQLAlchemy Core); the migrations in ``migrations/versions`` create them.

Beside every Claim field, a claims row keeps search columns filled on insert: ``lo``/``hi``
(the figure or range in its unit; ``hi`` NULL is open above), ``usd_lo``/``usd_hi``, ``date``
(the claim's published date, else its article's) and ``search`` (lower-cased what + sentence).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("text_sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text, unique=True),
    sa.Column("source", sa.Text, index=True),
    sa.Column("published", sa.String(32), index=True),
    sa.Column("doc", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("n_claims", sa.Integer, nullable=False, default=0),
    sa.Column("published_basis", sa.String(16)),
    sqlite_autoincrement=True,  # ids are never reused (migration 0002)
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False, index=True),
    sa.Column("value", sa.Double),
    sa.Column("low", sa.Double),
    sa.Column("high", sa.Double),
    sa.Column("unit", sa.String(64), index=True),
    sa.Column("qualifier", sa.String(16), nullable=False),
    sa.Column("what", sa.Text, nullable=False),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("sentence_end", sa.Integer, nullable=False),
    sa.Column("vague", sa.Boolean, nullable=False),
    sa.Column("rule", sa.Text, nullable=False),
    sa.Column("published", sa.String(32)),
    sa.Column("published_basis", sa.String(16)),
    sa.Column("period", sa.Text),
    sa.Column("usd", sa.Double),
    sa.Column("usd_low", sa.Double),
    sa.Column("usd_high", sa.Double),
    sa.Column("fx", sa.JSON),
    sa.Column("si_value", sa.Double),
    sa.Column("si_low", sa.Double),
    sa.Column("si_high", sa.Double),
    sa.Column("si_unit", sa.Text),
    sa.Column("norm_note", sa.Text),
    sa.Column("attrs", sa.JSON),
    sa.Column("role", sa.String(32)),  # set by the relation pass when the article was stored
    sa.Column("change", sa.String(8)),
    # search columns
    sa.Column("sentence", sa.Text, nullable=False),
    sa.Column("lo", sa.Double, index=True),
    sa.Column("hi", sa.Double, index=True),
    sa.Column("usd_lo", sa.Double, index=True),
    sa.Column("usd_hi", sa.Double, index=True),
    sa.Column("date", sa.String(32), index=True),
    sa.Column("search", sa.Text, nullable=False),
    sa.Index("ix_claims_kind_unit_lo", "kind", "unit", "lo"),
    sqlite_autoincrement=True,
)

# The relation pass's relations of an article, written with its claims (migration 0005).
# ``members``: [{"claim_id": int, "role": str}, ...] in the relation's order.
relations = sa.Table(
    "relations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False, index=True),
    sa.Column("members", sa.JSON, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("how", sa.Text, nullable=False),
    sa.Column("subject", sa.Text),
    sa.Column("direction", sa.String(8)),
    sa.Column("attrs", sa.JSON),
)

findings = sa.Table(
    "findings",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("rule", sa.String(64), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("severity", sa.String(16), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),  # Finding.to_dict(), claim refs with claim ids
    # the article a within-article finding belongs to (deleted with it); NULL for the findings of
    # a cross-article key, which the key's re-judgement rewrites
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE")),
    sa.Column("rank", sa.Integer, nullable=False, server_default="9"),  # severity order, high = 0
    sa.Column("rules_version", sa.String(32), nullable=False, server_default="0", index=True),
    # a cross-article finding's fingerprint (``corpus.Draft.digest``): a re-judgement keeps the
    # findings it gives again and rewrites the rest (migration 0011); NULL for within-article ones
    sa.Column("digest", sa.String(32)),
    sa.Index("ix_findings_rank_rule_key_id", "rank", "rule", "key", "id"),
    # a key's re-judgement rewrites its cross-article findings (article_id NULL) only: found by
    # one index search, not by walking every within-article finding the key also holds
    sa.Index("ix_findings_key_article_id", "key", "article_id"),
    # by article: the within-article findings only (a NULL range of every cross-article finding
    # and its dead versions is what a planner must not walk for a key; migration 0012)
    sa.Index(
        "ix_findings_article_id",
        "article_id",
        postgresql_where=sa.text("article_id IS NOT NULL"),
        sqlite_where=sa.text("article_id IS NOT NULL"),
    ),
    sqlite_autoincrement=True,
)

finding_articles = sa.Table(
    "finding_articles",
    metadata,
    sa.Column("finding_id", sa.Integer, sa.ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


# -- compact corpus rows (``claims_api.consistency.corpus``): what cross-article judges read ----

fx_rows = sa.Table(
    "fx_rows",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("amount_pos", sa.Integer, nullable=False),
    sa.Column("base_pos", sa.Integer, nullable=False),
    sa.Column("pair", sa.String(16), nullable=False),
    sa.Column("rate", sa.Double, nullable=False),
    sa.Column("lo", sa.Double, nullable=False),
    sa.Column("hi", sa.Double, nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("year", sa.Integer),
    sa.Column("judged", sa.Boolean, nullable=False),
    sa.Column("hedged", sa.Boolean, nullable=False),
    sa.Column("arithmetic", sa.Text, nullable=False),
    # a bucket's band window: its newest conversions by one index range (migration 0010)
    sa.Index(
        "ix_fx_rows_pair_article_id_amount_pos_base_pos_rate",
        "pair",
        "article_id",
        "amount_pos",
        "base_pos",
        "rate",
    ),
    sa.Index(
        "ix_fx_rows_pair_year_article_id_amount_pos_base_pos_rate",
        "pair",
        "year",
        "article_id",
        "amount_pos",
        "base_pos",
        "rate",
    ),
    # a bucket's judged rows in the order the band's outliers are read; its prefix, a pair's years
    sa.Index("ix_fx_rows_judged_band", "pair", "judged", "year", "rate", "article_id", "amount_pos"),
)

figure_rows = sa.Table(
    "figure_rows",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("unit", sa.String(64)),
    sa.Column("lo", sa.Double, nullable=False),
    sa.Column("hi", sa.Double, nullable=False),
    sa.Column("size", sa.Double, nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("shown", sa.Text, nullable=False),
    sa.Column("value", sa.Double),
    sa.Index("ix_figure_rows_key_size", "key", "size", "article_id", "position"),
)

#: Work acknowledged but not done yet: the cross-article keys a store or delete must re-judge
#: (``["*"]``: recompute everything). Written with the article, deleted once the keys are judged.
pending = sa.Table(
    "pending",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("keys", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# Bulk jobs (claims_api.jobs): the articles to store and what became of each; the task queue
# carries only the job id, so any worker that shares the database can run any job.
jobs = sa.Table(
    "jobs",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("total", sa.Integer, nullable=False),
    sa.Column("done", sa.Integer, nullable=False, default=0),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True)),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("error", sa.Text),
)

job_items = sa.Table(
    "job_items",
    metadata,
    sa.Column("job_id", sa.String(32), sa.ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("payload", sa.JSON, nullable=False),  # the NewArticle's fields
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("article_id", sa.Integer),  # no foreign key: the record outlives a deleted article
    sa.Column("error", sa.Text),
)
