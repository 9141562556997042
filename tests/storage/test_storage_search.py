"""Full-text ``q`` and indexed sorted pages, on SQLite (FTS5) and PostgreSQL (tsvector + GIN).

The plan tests fill the store with synthetic copies (bench/synthetic.py) so that the planners
see a table of some size, then EXPLAIN the very statements ``find_claims`` runs.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from claims_api.extract import extract
from claims_api.storage import ClaimQuery, NewArticle

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("synthetic", ROOT / "bench" / "synthetic.py")
assert _spec and _spec.loader
synthetic = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synthetic)

ARTICLES = [
    "The business lost 40 million dollars in 2024. Some 300 bus drivers were hired.",
    "Police recorded 2,190 homicides last year. Officials said 12 homicide cases were solved.",
    "The city has 5,000 teachers. It adds: 'there were 444 victims in the schools'.",
    "Prices rose by 7 percent. The café sold 90 crêpes a day.",
]


@pytest.fixture
def loaded(store: Any) -> Any:
    for text in ARTICLES:
        store.add_article(NewArticle(text), extract(text))
    return store


def texts(store: Any, *words: str, **kw: Any) -> list[str]:
    return [s.claim.text for s in store.find_claims(ClaimQuery(q=words, **kw), limit=100).items]


@pytest.mark.parametrize(
    "words, expected",
    [
        (("bus",), ["Some 300"]),  # a word, not a substring of "business"
        (("drivers",), ["Some 300"]),
        (("driver",), ["Some 300"]),
        (("business",), ["40 million dollars"]),
        (("homicides",), ["2,190", "12"]),  # stemmed: the singular is found too
        (("homicide",), ["2,190", "12"]),
        (("homicides", "solved"), ["12"]),  # every word must occur
        (("victims",), ["444"]),  # in the claim's own sentence
        (("teachers", "victims"), ["444"]),  # ... and in the sentence it points back to
        (("cafe",), ["90 crêpes a day"]),  # diacritics folded (SQLite) / same lexeme unaccented input
        (("teacher",), ["5,000", "444"]),
        (("unicorns",), []),
        (("50%",), []),  # punctuation is no operator
        (('"',), []),  # nothing that can be a word matches nothing
        (("NEAR(homicides",), []),  # FTS5 syntax is no syntax here
        (("homicides", "-solved"), ["12"]),
        (("*",), []),
    ],
)
def test_q_matches_words(loaded: Any, backend: str, words: tuple[str, ...], expected: list[str]) -> None:
    if words == ("cafe",) and backend == "postgres":
        expected = []  # the 'english' configuration keeps accents: café and cafe differ
    assert texts(loaded, *words) == expected


def test_q_with_filters_and_sort(loaded: Any) -> None:
    assert texts(loaded, "homicides", kind="count", min=1000) == ["2,190"]
    page = loaded.find_claims(ClaimQuery(q=("homicides",)), sort="-value", limit=1)
    assert [c.claim.text for c in page.items] == ["2,190"]
    nxt = loaded.find_claims(ClaimQuery(q=("homicides",)), sort="-value", after=page.after, limit=1)
    assert [c.claim.text for c in nxt.items] == ["12"]


def test_index_follows_deletes(loaded: Any) -> None:
    victim = next(s for s in loaded.find_claims(ClaimQuery(q=("victims",))).items)
    assert loaded.delete_article(victim.article_id)  # claims go by ON DELETE CASCADE
    assert texts(loaded, "victims") == [] and texts(loaded, "teachers") == []
    assert texts(loaded, "bus") == ["Some 300"]
    text = "A new survey counted 444 victims."
    loaded.add_article(NewArticle(text), extract(text))
    assert texts(loaded, "victims") == ["444"]


def test_migration_indexes_existing_rows(db_url: str) -> None:
    from claims_api.storage import open_store

    s = open_store(db_url)
    try:
        s.upgrade("0005_relations")  # a store from before the full-text index
        s.add_article(NewArticle(ARTICLES[0]), extract(ARTICLES[0]))
        s.upgrade()
        assert texts(s, "bus") == ["Some 300"] and texts(s, "business") == ["40 million dollars"]
    finally:
        s.close()


def test_sqlite_without_fts5_falls_back_to_substrings(tmp_path: Path) -> None:
    from claims_api.storage import open_store

    url = f"sqlite:///{tmp_path / 'nofts.db'}"
    s = open_store(url)
    s.upgrade()
    with s._write.begin() as conn:  # what a SQLite build without FTS5 gets from the migration
        for trigger in ("claims_fts_insert", "claims_fts_delete", "claims_fts_update"):
            conn.exec_driver_sql(f"DROP TRIGGER {trigger}")
        conn.exec_driver_sql("DROP TABLE claims_fts")
    s.close()
    s = open_store(url)
    try:
        s.add_article(NewArticle(ARTICLES[0]), extract(ARTICLES[0]))
        assert texts(s, "bus") == ["40 million dollars", "Some 300"]  # substring: "business" too
    finally:
        s.close()


# -- plans -----------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def big(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One store per backend for the module: the seeds and ARTICLES, copied to 3,000 articles
    (about 90,000 claims), analysed."""
    import uuid

    from claims_api.storage import open_store

    admin = schema = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('big') / 'big.db'}"
    else:
        pg_url = request.getfixturevalue("pg_url")
        schema = f"t_{uuid.uuid4().hex[:12]}"
        admin = sa.create_engine(pg_url)
        with admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        u = sa.engine.make_url(pg_url)
        url = u.set(query={**u.query, "options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )
    s = open_store(url, consistency=NO_CHECKS)
    s.upgrade()
    for text in ARTICLES + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]:
        s.add_article(NewArticle(text), extract(text))
    synthetic.fill(s, 3000, copies=2)
    yield s
    s.close()
    if admin is not None:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


class _NoChecks:
    """Consistency turned off: these stores test search, not findings."""

    def keys_for(self, article: Any) -> list[str]:
        return []

    RULES_VERSION = "none"

    def run_checks(self, articles: Any, keys: Any = None) -> list[Any]:
        return []

    def check_article(self, article: Any) -> list[Any]:
        return []

    def corpus_rows(self, article: Any) -> Any:
        from claims_api.consistency.corpus import CorpusRows

        return CorpusRows()

    def article_findings(self, article: Any) -> list[Any]:
        return []


NO_CHECKS = _NoChecks()


def plans(store: Any, query: ClaimQuery, sort: str, after: Any = None) -> list[str]:
    """The query plan of every SELECT on claims that ``find_claims`` runs, each EXPLAINed on its
    own connection just before it runs (with the settings its transaction has by then)."""
    out: list[str] = []
    prefix = "EXPLAIN QUERY PLAN " if store.dialect == "sqlite" else "EXPLAIN "

    def capture(conn: Any, cursor: Any, stmt: str, params: Any, context: Any, many: bool) -> None:
        if stmt.lstrip().upper().startswith("SELECT") and "FROM claims" in stmt:
            raw = conn.connection.dbapi_connection.cursor()
            try:
                raw.execute(prefix + stmt, params)
                out.append("\n".join(str(r[-1]) for r in raw.fetchall()))
            finally:
                raw.close()

    sa.event.listen(store._read, "before_cursor_execute", capture)
    try:
        store.find_claims(query, sort=sort, after=after, limit=50)
    finally:
        sa.event.remove(store._read, "before_cursor_execute", capture)
    assert out
    return out


def assert_indexed(plan: str, index: str) -> None:
    assert index in plan, plan
    for full in ("SCAN claims\n", "Seq Scan on claims", "TEMP B-TREE FOR ORDER BY", "Sort Key"):
        assert full not in plan + "\n", plan


def test_q_uses_the_fulltext_index(big: Any) -> None:
    rare = synthetic.tag_word(1000)
    index = "claims_fts VIRTUAL TABLE" if big.dialect == "sqlite" else "ix_claims_search_tsv"
    found = plans(big, ClaimQuery(q=(rare,)), "id")
    assert any(index in plan for plan in found), found  # (PostgreSQL: the probe, then the ids)
    for plan in found:
        assert "SCAN claims\n" not in plan + "\n" and "Seq Scan on claims" not in plan, plan
    assert texts(big, rare)  # the word is there


@pytest.mark.parametrize(
    "sort, index",
    [("-usd", "ix_claims_usd_key"), ("usd", "ix_claims_usd_key"), ("-published", "ix_claims_date_id")],
)
def test_sorted_pages_use_the_sort_index(big: Any, sort: str, index: str) -> None:
    first = plans(big, ClaimQuery(), sort)
    assert_indexed(first[0], index)
    page = big.find_claims(ClaimQuery(), sort=sort, limit=50)
    for _ in range(20):  # a deeper page: the cursor seeks into the index
        page = big.find_claims(ClaimQuery(), sort=sort, after=page.after, limit=50)
    assert page.after is not None and page.after[0] not in (1e308, -1e308, "", "~")
    assert_indexed(plans(big, ClaimQuery(), sort, page.after)[0], index)


def test_sorted_pages_walk_every_claim_once(big: Any) -> None:
    with big._read.connect() as conn:
        total = conn.exec_driver_sql("SELECT count(*) FROM claims").scalar_one()
    for sort in ("-usd", "published"):
        seen: list[int] = []
        keyed: list[bool] = []
        after = None
        while True:
            page = big.find_claims(ClaimQuery(), sort=sort, after=after, limit=500)
            seen += [c.id for c in page.items]
            keyed += [
                (c.claim.usd_low or c.claim.usd or c.claim.usd_high) is not None
                if sort == "-usd"
                else (c.claim.published or "x") is not None
                for c in page.items
            ]
            if page.after is None:
                break
            after = page.after
        assert len(seen) == len(set(seen)) == total
        assert keyed == sorted(keyed, reverse=True)  # claims without the key come last


@pytest.mark.parametrize("big", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
@pytest.mark.parametrize("probe", [5000, 3])
def test_postgresql_q_pages_the_same_either_way(
    big: Any, monkeypatch: pytest.MonkeyPatch, probe: int
) -> None:
    """A word with more matches than ``_PROBE`` is paged by walking the ids (sort=id) or read
    whole through the index (a value sort); with fewer, from its ids. Every way gives the same
    pages, each planned on an index."""
    import claims_api.storage.sql as sql

    assert big.dialect == "postgresql"
    word = synthetic.tag_word(1000)  # a word of a few articles
    monkeypatch.setattr(sql, "_PROBE", 10**6)
    expected = {
        sort: [c.id for c in big.find_claims(ClaimQuery(q=(word,)), sort=sort, limit=500).items]
        for sort in ("id", "-id", "-usd")
    }
    assert len(expected["id"]) > 3
    monkeypatch.setattr(sql, "_PROBE", probe)
    for sort, ids in expected.items():
        got, after = [], None
        while True:
            page = big.find_claims(ClaimQuery(q=(word,)), sort=sort, after=after, limit=2)
            got += [c.id for c in page.items]
            if page.after is None:
                break
            after = page.after
        assert got == ids, sort
        for plan in plans(big, ClaimQuery(q=(word,)), sort):
            assert "Seq Scan on claims" not in plan, plan
