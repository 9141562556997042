"""Storing one article does work that does not grow with the corpus (issue 11): every statement
``add_article`` sends is answered through an index, never by scanning a table of the corpus.

The check is on SQLite's query plans (``EXPLAIN QUERY PLAN``), which do not depend on the machine's
speed: a ``SCAN claims`` in a re-judgement is a cost proportional to every claim stored (it once
came from a row-value ``(article_id, position) IN (...)``). Seconds per 1,000 articles as the corpus
grows are printed by ``bench/ingest.py``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from claims_api.extract import extract
from claims_api.storage import NewArticle, open_store

from .test_corpus_store import corpus_texts

CORPUS_TABLES = ("articles", "claims", "findings", "finding_articles", "fx_rows", "figure_rows", "relations")


def scans(db: Path, statements: list[tuple[str, Any]]) -> dict[str, list[str]]:
    """Statement -> the corpus tables its plan scans."""
    conn = sqlite3.connect(db)
    out: dict[str, list[str]] = {}
    try:
        for statement, params in statements:
            plan = conn.execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
            hits = [
                row[3] for row in plan if row[3].startswith("SCAN ") and row[3].split()[1] in CORPUS_TABLES
            ]
            if hits:
                out[" ".join(statement.split())[:200]] = hits
    finally:
        conn.close()
    return out


def test_storing_an_article_scans_no_corpus_table(tmp_path: Path) -> None:
    db = tmp_path / "plans.db"
    store = open_store(f"sqlite:///{db}")
    store.upgrade()
    texts = corpus_texts(40)
    try:
        for text, published in texts[:-2]:
            store.add_article(NewArticle(text, published=published), extract(text, published=published))
        seen: list[tuple[str, Any]] = []

        def grab(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
            if not many and statement.lstrip().upper().startswith(("SELECT", "DELETE", "UPDATE")):
                seen.append((statement, params))

        for engine in {store._write, store._read}:
            sa.event.listen(engine, "before_cursor_execute", grab)
        for text, published in texts[-2:]:  # one article sharing a currency pair and subjects
            stored, created = store.add_article(
                NewArticle(text, published=published), extract(text, published=published)
            )
            assert created
        assert store.pending_count() == 0
    finally:
        store.close()
    issued = {" ".join(s.split())[:40] for s, _ in seen}
    assert any("findings" in s for s, _ in seen) and len(issued) > 5, issued  # the re-judgement ran
    assert scans(db, seen) == {}


#: plan nodes that read a corpus table beyond what a query asks for (its whole relation, or every
#: row matching a prefix before sorting them)
_UNBOUNDED = ("Seq Scan on ", "Bitmap Heap Scan on ")


@pytest.mark.postgres
def test_a_rejudgement_on_postgresql_walks_indexes_without_statistics(pg_schema_url: str) -> None:
    """On PostgreSQL with no statistics (a new store; the planner guesses 50 rows a pair) every
    statement of a re-judgement is planned as an index walk with no sort: the plan of each is
    taken inside its own transaction, with that transaction's settings."""
    store = open_store(pg_schema_url)
    store.upgrade()
    texts = corpus_texts(40)
    plans: list[tuple[str, list[str]]] = []

    def explain(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        if many or not statement.lstrip().upper().startswith(("SELECT", "DELETE")):
            return
        raw = conn.connection.dbapi_connection
        with raw.cursor() as cur:
            cur.execute("SHOW enable_sort")
            if cur.fetchone()[0] != "off":
                return  # not a re-judgement's transaction
            cur.execute("EXPLAIN " + statement, params)
            plans.append((" ".join(statement.split()), [r[0].strip() for r in cur.fetchall()]))

    try:
        for text, published in texts[:-2]:
            store.add_article(NewArticle(text, published=published), extract(text, published=published))
        sa.event.listen(store._write, "before_cursor_execute", explain)
        for text, published in texts[-2:]:
            assert store.add_article(
                NewArticle(text, published=published), extract(text, published=published)
            )[1]
        assert store.pending_count() == 0
    finally:
        store.close()
    read = {s.split(" FROM ")[1].split()[0] for s, _ in plans if " FROM " in s}
    assert {"fx_rows", "findings", "claims"} <= read, read  # the judges ran and were seen
    bad = {
        s: [
            line
            for line in lines
            if line.lstrip("-> ").startswith(_UNBOUNDED) or "Sort" in line.split("(")[0]
        ]
        for s, lines in plans
    }
    assert {s: b for s, b in bad.items() if b} == {}, "\n".join(
        f"{s}\n  " + "\n  ".join(lines) for s, lines in plans if bad[s]
    )
