"""full-text index for claim search (q) and indexes for the sorted claim pages

SQLite: an FTS5 table ``claims_fts`` over ``claims.search`` (external content, Porter stemming)
kept in sync by triggers on claims (insert, delete -- also the cascade from an article --, update
of ``search``). A SQLite built without FTS5 gets no index: ``q`` then falls back to the old
substring LIKE scan (the store logs a warning once).
PostgreSQL: a stored generated column ``claims.search_tsv = to_tsvector('english', search)`` and
a GIN index on it; the database keeps it in sync.
Both: indexes on the sort keys of ``sort=value|usd|published`` and id, for keyset pages.
Existing rows are indexed by the migration itself (FTS5 'rebuild'; the generated column is
computed when it is added).

Revision ID: 0006_fulltext
Revises: 0005_relations
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_fulltext"
down_revision = "0005_relations"
branch_labels = None
depends_on = None

# The expressions are the ones SqlStore.find_claims orders by (they must match to be used).
SORT_INDEXES = {
    "ix_claims_value_key": "(coalesce(lo, hi)), id",
    "ix_claims_usd_key": "(coalesce(usd_lo, usd_hi)), id",
    "ix_claims_date_id": "date, id",
}

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE claims_fts USING fts5("
    "search, content='claims', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claims_fts(rowid, search) VALUES (new.id, new.search); END",
    "CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, search) VALUES ('delete', old.id, old.search); END",
    "CREATE TRIGGER claims_fts_update AFTER UPDATE OF search ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, search) VALUES ('delete', old.id, old.search); "
    "INSERT INTO claims_fts(rowid, search) VALUES (new.id, new.search); END",
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
]


def sqlite_has_fts5(conn: sa.Connection) -> bool:
    rows = conn.exec_driver_sql("PRAGMA compile_options").scalars().all()
    if any(str(r).upper() == "ENABLE_FTS5" for r in rows):
        return True
    # FTS5 may also be loaded as an extension: ask for the module itself.
    return bool(conn.exec_driver_sql("SELECT count(*) FROM pragma_module_list WHERE name = 'fts5'").scalar())


def upgrade() -> None:
    conn = op.get_bind()
    for name, cols in SORT_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON claims ({cols})")
    if conn.dialect.name == "sqlite":
        if sqlite_has_fts5(conn):
            for stmt in SQLITE_FTS:
                op.execute(stmt)
    elif conn.dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE claims ADD COLUMN search_tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('english', search)) STORED"
        )
        op.execute("CREATE INDEX ix_claims_search_tsv ON claims USING gin (search_tsv)")


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for trigger in ("claims_fts_insert", "claims_fts_delete", "claims_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS claims_fts")
    elif conn.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_claims_search_tsv")
        op.execute("ALTER TABLE claims DROP COLUMN IF EXISTS search_tsv")
    for name in SORT_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
