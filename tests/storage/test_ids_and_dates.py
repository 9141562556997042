"""Ids are never reused (issue 12, defect 11) and an article keeps the date its claims were
converted at, with its basis (defect 12); migration 0002 brings existing SQLite stores along."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from claims_api.extract import extract, published_of
from claims_api.storage import NewArticle, open_store

HEAD_REVISION = "0012_rejudge_plans"

DATELINE = "LIMA, 23 December 2024 - The budget rose to roughly 12.97 billion soles ($3.422 billion).\n"


def _add(store: Any, text: str, **kw: Any) -> Any:
    claims = extract(text)
    published, basis = published_of(claims, kw.pop("published", None))
    return store.add_article(NewArticle(text=text, published=published, published_basis=basis, **kw), claims)[
        0
    ]


def test_deleted_ids_are_never_reused(store: Any) -> None:
    ids = [_add(store, f"There were {i} ships in port.").id for i in range(1, 4)]
    last = ids[-1]
    claim_ids = [c.id for c in store.article_claims(last)]
    assert store.delete_article(last)
    new = _add(store, "There were 40 ships in port.")
    assert new.id > last
    assert min(c.id for c in store.article_claims(new.id)) > max(claim_ids)


def test_inferred_date_is_stored_on_the_article(store: Any) -> None:
    a = _add(store, DATELINE)
    claims = store.article_claims(a.id)
    assert {c.claim.published for c in claims} == {"2024-12-23"}
    assert (a.published, a.published_basis) == ("2024-12-23", "inferred")
    b = _add(store, "It cost 5 dollars.", published="2025-01-10")
    assert (b.published, b.published_basis) == ("2025-01-10", "given")
    c = _add(store, "It cost 6 dollars.")
    assert (c.published, c.published_basis) == (None, None)


def test_api_and_report_read_one_date(client: Any, tmp_path: Path) -> None:
    from claims_api.commands.report import from_files

    r = client.post("/v1/articles", json={"text": DATELINE})
    assert r.status_code == 201
    art = r.get_json()["article"]
    assert (art["published"], art["published_basis"]) == ("2024-12-23", "inferred")
    (tmp_path / "a.txt").write_text(DATELINE, encoding="utf-8")
    api = [
        f.to_dict()
        for f in client.application.extensions["claims_store"].list_findings(rule="implied_fx_rate")
    ]
    files = [f.to_dict() for f in from_files([tmp_path]) if f.rule == "implied_fx_rate"]
    assert [f["explanation"] for f in api] == [f["explanation"] for f in files]
    assert api, "the conversion in brackets is checked"


def _old_rows(url: str, texts: list[str]) -> list[int]:
    """Articles written as revision 0001 wrote them (no published_basis column)."""
    import datetime as dt

    import sqlalchemy as sa

    from claims_api.storage import tables as t
    from claims_api.storage.sql import _claim_row, text_sha256

    engine = sa.create_engine(url)
    ids = []
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        old_columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(claims)")}
        for text in texts:
            claims = extract(text)
            values = dict(text=text, text_sha256=text_sha256(text), created_at=dt.datetime.now(dt.UTC))
            aid = conn.execute(
                t.articles.insert().values(**values, n_claims=len(claims)).returning(t.articles.c.id)
            ).scalar_one()
            rows = [_claim_row(aid, i, c, text, None) for i, c in enumerate(claims)]
            rows = [{k: v for k, v in r.items() if k in old_columns} for r in rows]
            conn.execute(t.claims.insert(), rows)
            ids.append(int(aid))
    engine.dispose()
    return ids


def test_migration_brings_an_old_sqlite_store_along(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = open_store(url)
    old.upgrade("0001")
    old.close()
    plain, dated, gone = _old_rows(url, ["There were 3 ships.", DATELINE, "There were 9 ships."])
    conn = sqlite3.connect(tmp_path / "old.db")
    n_claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    conn.close()
    store = open_store(url)
    store.upgrade()
    assert store.current_revision() == HEAD_REVISION
    assert store.get_article(plain) is not None and len(store.article_claims(plain)) == 1
    a = store.get_article(dated)
    assert (a.published, a.published_basis) == ("2024-12-23", "inferred")
    assert store.delete_article(gone)
    new = store.add_article(NewArticle(text="There were 11 ships."), extract("There were 11 ships."))[0]
    assert new.id > gone
    store.close()
    conn = sqlite3.connect(tmp_path / "old.db")
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == n_claims  # 9 ships gone, 11 added
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


@pytest.mark.parametrize("given", ["2025-01-10", None])
def test_published_of(given: str | None) -> None:
    claims = extract(DATELINE)
    assert published_of(claims, given) == ((given, "given") if given else ("2024-12-23", "inferred"))
    assert published_of([], None) == (None, None)
