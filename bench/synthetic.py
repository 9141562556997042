"""Fill a store with synthetic articles and claims at the SQL level, for benchmarks and plan tests.

Extracting and storing 50,000 articles through ``add_article`` takes hours; the read paths
(search, sorted pages) only need rows of the right shape and number. ``fill`` therefore copies
the articles already stored (the templates, stored the normal way) and their claims with
INSERT ... SELECT: each copy gets its own publication date, its figures (value, range, USD, SI)
scaled by a factor, and one made-up word in its search text (``tag_word(article_id)``, shared by
about ``n / TAG_SPREAD`` articles) so that a rare word exists to search for. The FTS triggers and
generated columns of the schema index the copies as they would index real rows. Consistency
findings are not computed (the copies are not checked against each other).

    from synthetic import fill, tag_word
    fill(store, 50_000, copies=2)   # about 29 claims per article from the seeds and BBC texts
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import sqlalchemy as sa

TAG_SPREAD = 5000
_SCALED = ("value", "low", "high", "usd", "usd_low", "usd_high", "si_value", "si_low", "si_high")
_SCALED += ("lo", "hi", "usd_lo", "usd_hi")
_LETTERS = "bcdfghjklmnpqrstvwxz"


def tag_word(article_id: int) -> str:
    """The made-up word the copy ``article_id`` carries (letters only, so no stemmer changes it)."""
    n, out = article_id % TAG_SPREAD, "zq"
    for _ in range(4):
        n, r = divmod(n, len(_LETTERS))
        out += _LETTERS[r]
    return out


def _claim_columns(conn: sa.Connection) -> list[str]:
    cols = [c["name"] for c in sa.inspect(conn).get_columns("claims")]
    return [c for c in cols if c not in ("id", "search_tsv")]  # search_tsv: generated (PostgreSQL)


def fill(store: Any, n_articles: int, *, copies: int = 1, chunk: int = 500, seed: int = 1) -> int:
    """Add copies of the stored articles until there are ``n_articles``; returns how many claims
    were added. Each copy holds ``copies`` times its template's claims."""
    rng = random.Random(seed)
    engine = store._write  # the SqlStore's writing engine
    with engine.connect() as conn:
        templates = conn.execute(sa.text("SELECT id FROM articles ORDER BY id")).scalars().all()
        have = len(templates)
        cols = _claim_columns(conn)
    if not templates:
        raise ValueError("store some template articles first")
    added = 0
    start = dt.date(2015, 1, 1)
    q = lambda name: f'"{name}"'  # noqa: E731 - "end" and "text" need quoting
    select_cols = []
    for col in cols:
        if col == "article_id":
            select_cols.append("m.new_id")
        elif col == "position":
            select_cols.append("c.position + m.copy * 100000")
        elif col in _SCALED:
            select_cols.append(f"c.{q(col)} * m.factor")
        elif col == "date":
            select_cols.append("m.pub")
        elif col == "search":
            select_cols.append("c.search || ' ' || m.tag")
        else:
            select_cols.append(f"c.{q(col)}")
    insert_claims = (
        f"INSERT INTO claims ({', '.join(q(c) for c in cols)}) SELECT {', '.join(select_cols)} "
        "FROM claims c JOIN syn_map m ON c.article_id = m.tpl"
    )
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS syn_map")
        conn.exec_driver_sql(
            "CREATE TABLE syn_map (new_id INTEGER, tpl INTEGER, copy INTEGER, factor DOUBLE PRECISION, "
            "pub VARCHAR(32), tag VARCHAR(16))"
        )
    i = have
    while i < n_articles:
        batch = range(i, min(n_articles, i + chunk))
        with engine.begin() as conn:
            rows = []
            for k in batch:
                tpl = templates[k % have]
                pub = (start + dt.timedelta(days=rng.randrange(0, 4000))).isoformat()
                rows.append((k, tpl, pub))
            new_ids = []
            for k, tpl, pub in rows:
                new_id = conn.execute(
                    sa.text(
                        "INSERT INTO articles (text, text_sha256, title, url, source, published, doc, "
                        "created_at, n_claims) SELECT text, :sha, title, NULL, source, :pub, doc || :suffix, "
                        "created_at, n_claims * :copies FROM articles WHERE id = :tpl RETURNING id"
                    ),
                    {
                        "sha": f"synthetic-{k:012d}",
                        "pub": pub,
                        "suffix": f"#{k}",
                        "copies": copies,
                        "tpl": tpl,
                    },
                ).scalar_one()
                new_ids.append((new_id, tpl, pub))
            conn.exec_driver_sql("DELETE FROM syn_map")
            conn.execute(
                sa.text("INSERT INTO syn_map VALUES (:new_id, :tpl, :copy, :factor, :pub, :tag)"),
                [
                    {
                        "new_id": new_id,
                        "tpl": tpl,
                        "copy": cp,
                        "factor": round(rng.uniform(0.5, 2.0), 3),
                        "pub": pub,
                        "tag": tag_word(new_id),
                    }
                    for new_id, tpl, pub in new_ids
                    for cp in range(copies)
                ],
            )
            added += conn.execute(sa.text(insert_claims)).rowcount
        i = batch.stop
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE syn_map")
        conn.exec_driver_sql("ANALYZE")
    return added
