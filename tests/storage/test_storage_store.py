"""The store contract, on SQLite and PostgreSQL: dedup, every Claim field, search, findings."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import fake_key

from claims_api.model import Claim, FxInfo, Kind, Qualifier
from claims_api.storage import ClaimQuery, NewArticle

TEXT = "Costs rose to 12.97 billion soles ($3.422 billion). Dozens of homes burned."


def full_claim() -> Claim:
    return Claim(
        start=14,
        end=41,
        text="12.97 billion soles",
        kind=Kind.MONEY,
        value=12.97e9,
        low=None,
        high=None,
        unit="PEN",
        qualifier=Qualifier.APPROX,
        what="costs",
        sentence_start=0,
        sentence_end=51,
        vague=False,
        rule="money.amount",
        published="2025-01-10",
        published_basis="given",
        period="2025",
        usd=3.422e9,
        usd_low=None,
        usd_high=None,
        fx=FxInfo("PEN", 3.79, "2025-01-10", "ECB", "published", note="cross rate"),
        si_value=None,
        si_low=None,
        si_high=None,
        si_unit=None,
        norm_note="converted",
        attrs={"bracketed": True, "n": [1, 2]},
    )


def vague_claim() -> Claim:
    return Claim(
        52, 58, "Dozens", Kind.COUNT, None, 24.0, None, None, Qualifier.EXACT, "homes", 52, 76, vague=True
    )


def test_every_field_round_trips(store: Any) -> None:
    article, created = store.add_article(NewArticle(TEXT, doc="d1"), [full_claim(), vague_claim()])
    assert created and article.n_claims == 2 and article.doc == "d1"
    stored = store.article_claims(article.id)
    assert [s.claim for s in stored] == [full_claim(), vague_claim()]
    assert stored[0].sentence == TEXT[0:51]


def test_duplicates_by_url_and_text(store: Any) -> None:
    a, created = store.add_article(NewArticle(TEXT, url="u1"), [])
    assert created
    b, created = store.add_article(NewArticle("other", url="u1"), [])
    assert not created and b.id == a.id
    c, created = store.add_article(NewArticle(TEXT, url="u2"), [])
    assert not created and c.id == a.id
    d, created = store.add_article(NewArticle("other", url=None), [])
    e, created2 = store.add_article(NewArticle("third", url=None), [])
    assert created and created2 and d.id != e.id  # NULL urls do not collide


def test_unique_constraints_catch_a_race(store: Any) -> None:
    """The pre-check misses (as under concurrency); the constraint and re-read still dedupe."""
    a, _ = store.add_article(NewArticle(TEXT, url="u1"), [])
    original = store._find
    calls = []

    def miss_once(conn: Any, url: Any, sha: str) -> Any:
        calls.append(1)
        return None if len(calls) == 1 else original(conn, url, sha)

    store._find = miss_once
    b, created = store.add_article(NewArticle(TEXT, url="u1"), [full_claim()])
    assert not created and b.id == a.id and b.n_claims == 0
    assert store.list_articles().items == [a]


def test_open_ranges(store: Any) -> None:
    store.add_article(NewArticle(TEXT), [full_claim(), vague_claim()])
    found = lambda **kw: [s.claim.text for s in store.find_claims(ClaimQuery(**kw)).items]  # noqa: E731
    assert found(kind="count", min=1000) == ["Dozens"]  # open above
    assert found(kind="count", max=10) == []
    assert found(usd_min=3e9, usd_max=4e9) == ["12.97 billion soles"]
    assert found(q=("soles", "costs")) == ["12.97 billion soles"]
    assert found(published_from="2025-01-01") == ["12.97 billion soles"]


def script_head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from claims_api.storage.sql import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return str(ScriptDirectory.from_config(cfg).get_current_head())


def test_fresh_database_and_migrations(db_url: str) -> None:
    from claims_api.storage import open_store

    s = open_store(db_url)
    assert s.is_empty()
    s.upgrade()
    assert not s.is_empty() and s.current_revision() == script_head()
    s.upgrade()  # idempotent
    s.ping()
    s.close()


def test_list_findings_filters(store: Any, fake_checks: Any) -> None:
    store._consistency = fake_checks
    ids = []
    for text, src in (("12 dogs.", "a"), ("13 dogs.", "b"), ("4 cats.", "a"), ("4 cats!", "c")):
        claim = Claim(
            0,
            len(text.split()[0]),
            text.split()[0],
            Kind.COUNT,
            float(text.split()[0]),
            None,
            None,
            None,
            Qualifier.EXACT,
            text.split()[1].strip(".!"),
            0,
            len(text),
        )
        ids.append(store.add_article(NewArticle(text, source=src), [claim])[0].id)
    assert [(f.key, str(f.status)) for f in store.list_findings()] == [
        (fake_key("dogs"), "inconsistent"),
        (fake_key("cats"), "consistent"),
    ]
    assert [f.key for f in store.list_findings(article=ids[3])] == [fake_key("cats")]
    assert [f.key for f in store.list_findings(source="b", severity="high")] == [fake_key("dogs")]
    store.delete_article(ids[1])
    assert [f.key for f in store.list_findings()] == [fake_key("cats")]


@pytest.mark.parametrize("n", [0, 1, 3])
def test_pagination_covers_everything(store: Any, n: int) -> None:
    for i in range(n):
        store.add_article(NewArticle(f"text {i}"), [])
    seen, after = [], None
    while True:
        page = store.list_articles(after=after, limit=1)
        seen += [a.id for a in page.items]
        if page.after is None:
            break
        after = page.after[1]
    assert len(seen) == n == len(set(seen))
