"""ids never reused; articles.published_basis

Revision ID: 0002_ids_never_reused
Revises: 0001
Create Date: 2026-12-02 07:15:00

SQLite hands a deleted row's id to the next insert unless the table is AUTOINCREMENT, which
only the CREATE TABLE text can say. Rebuilding the tables is not possible here: the migration
runs in one transaction with foreign keys on, where dropping ``articles`` would cascade into
every claim. So the table's SQL in ``sqlite_master`` is rewritten in place (``writable_schema``),
which SQLite allows for changes that leave the stored rows as they are: an INTEGER PRIMARY KEY
is the rowid with or without AUTOINCREMENT. Each table's sequence starts at its largest id (an
id deleted above it before this migration cannot be known). PostgreSQL sequences never reuse
ids, so there only the column is added.

``articles.published_basis`` says where ``published`` comes from: ``given`` by the caller or
``inferred`` from the dateline (``extract.published_of``); existing articles without a date take
the one their claims were converted at.
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0002_ids_never_reused"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("articles", "claims", "findings")


def _autoincrement_sql(sql: str, table: str) -> str:
    pk = re.compile(rf",\s*CONSTRAINT pk_{table} PRIMARY KEY \(id\)")
    column = re.compile(r"\bid INTEGER NOT NULL,")
    if not pk.search(sql) or not column.search(sql):
        raise RuntimeError(f"unexpected schema for {table}; cannot add AUTOINCREMENT: {sql}")
    sql = pk.sub("", sql, count=1)
    return column.sub(f"id INTEGER NOT NULL CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,", sql, count=1)


def _sqlite_autoincrement(conn: sa.Connection) -> None:
    conn.exec_driver_sql("CREATE TABLE _seq_bootstrap (id INTEGER PRIMARY KEY AUTOINCREMENT)")
    conn.exec_driver_sql("DROP TABLE _seq_bootstrap")  # sqlite_sequence now exists
    version = conn.exec_driver_sql("PRAGMA schema_version").scalar_one()
    conn.exec_driver_sql("PRAGMA writable_schema=ON")
    try:
        for table in TABLES:
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type='table' AND name=?", (table,)
            ).scalar_one()
            if "AUTOINCREMENT" in sql.upper():
                continue
            conn.exec_driver_sql(
                "UPDATE sqlite_master SET sql=? WHERE type='table' AND name=?",
                (_autoincrement_sql(sql, table), table),
            )
        conn.exec_driver_sql(f"PRAGMA schema_version={int(version) + 1}")  # reload the schema
    finally:
        conn.exec_driver_sql("PRAGMA writable_schema=OFF")
    for table in TABLES:
        conn.exec_driver_sql(f"DELETE FROM sqlite_sequence WHERE name='{table}'")
        conn.exec_driver_sql(
            f"INSERT INTO sqlite_sequence (name, seq) SELECT '{table}', COALESCE(MAX(id), 0) FROM {table}"
        )
    if conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() != "ok":
        raise RuntimeError("integrity check failed after adding AUTOINCREMENT")


def upgrade() -> None:
    op.add_column("articles", sa.Column("published_basis", sa.String(length=16), nullable=True))
    op.execute("UPDATE articles SET published_basis = 'given' WHERE published IS NOT NULL")
    op.execute(
        """UPDATE articles SET
             published = (SELECT MIN(c.published) FROM claims c
                          WHERE c.article_id = articles.id AND c.published_basis = 'inferred'),
             published_basis = 'inferred'
           WHERE published IS NULL AND EXISTS (
             SELECT 1 FROM claims c WHERE c.article_id = articles.id AND c.published_basis = 'inferred')"""
    )
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        _sqlite_autoincrement(conn)


def downgrade() -> None:
    # AUTOINCREMENT stays: it changes no stored row and an older revision reads it unchanged.
    op.execute("UPDATE articles SET published = NULL WHERE published_basis = 'inferred'")
    with op.batch_alter_table("articles") as batch_op:
        batch_op.drop_column("published_basis")
