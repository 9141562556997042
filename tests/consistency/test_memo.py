"""The consistency run's memo: results kept for the scope, and transient ones kept for a block."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

from claims_api.consistency import run_checks
from claims_api.consistency.memo import per_article, per_claim, scope, transient
from claims_api.extract import extract
from claims_api.model import Article, Claim, Kind, Qualifier

CALLS: list[str] = []


@per_article
def _kept(article: Article) -> str:
    CALLS.append(f"kept:{article.id}")
    return article.id


@per_article(transient=True)
def _reading(article: Article) -> str:
    CALLS.append(f"reading:{article.id}")
    return article.text.upper()


@per_claim(transient=True)
def _clause(article: Article, claim: Claim) -> str:
    CALLS.append(f"clause:{article.id}:{claim.start}")
    return article.text[claim.start : claim.end]


def _article(i: int) -> Article:
    text = f"Spending rose by {i + 10} percent."
    start = text.index(str(i + 10))
    claim = Claim(
        start, start + len(str(i + 10)), str(i + 10), Kind.PERCENT, float(i + 10), None, None,
        "percent", Qualifier.EXACT, "", 0, len(text),
    )  # fmt: skip
    return Article(id=f"m{i}", text=text, claims=(claim,))


def test_transient_results_last_for_their_block_and_the_others_for_the_scope():
    a, b = _article(1), _article(2)
    CALLS.clear()
    with scope():
        with transient():
            assert _reading(a) == _reading(a) == a.text.upper()
            assert _clause(a, a.claims[0]) == _clause(a, a.claims[0]) == "11"
            assert _kept(a) == "m1"
        assert CALLS == ["reading:m1", "clause:m1:17", "kept:m1"]  # each once within the block
        _kept(a)  # kept for the scope
        _reading(a)  # dropped with its block: read again
        _clause(a, a.claims[0])
        assert CALLS[3:] == ["reading:m1", "clause:m1:17"]
        _reading(a)  # outside a block, a transient result lasts as long as the scope
        assert CALLS[5:] == []
        with transient():
            with transient():  # a nested block shares the outer one
                _reading(b)
            _reading(b)
            assert CALLS[5:] == ["reading:m2"]
        _reading(b)
        assert CALLS[5:] == ["reading:m2", "reading:m2"]


def test_transient_does_nothing_outside_a_scope():
    a = _article(3)
    CALLS.clear()
    with transient():
        _reading(a)
        _reading(a)
    assert CALLS == ["reading:m3", "reading:m3"]  # no scope, no memo


def test_a_report_walking_articles_in_transient_blocks_finds_what_it_found_in_one_scope():
    """run_checks reads each article's relations and subject keys in a transient block first; the
    rules then find the same findings as each rule reading them on demand."""
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("bench_consistency", root / "bench" / "consistency.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rng = random.Random(3)
    articles = [bench.article(i, rng) for i in range(60)]
    for i, path in enumerate(sorted((root / "tests" / "data").glob("*/*.txt"))):
        text = path.read_text(encoding="utf-8")
        articles.append(Article(id=f"t{i}", text=text, claims=tuple(extract(text)), published="2005-03-01"))
    from claims_api.consistency import CHECKS

    with scope():  # no transient blocks: every reading kept for the whole scope
        on_demand = [f for check in CHECKS for f in check.run(articles, None)]
    from claims_api.consistency.base import sort_key

    on_demand.sort(key=sort_key)
    found = run_checks(articles)
    assert len(found) > 60
    assert [f.to_dict() for f in found] == [f.to_dict() for f in on_demand]
