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
