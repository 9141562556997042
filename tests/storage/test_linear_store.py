"""Issue 12, defect 1: one article of many figures in one long sentence once stalled a worker
(the consistency work grew faster than the square of the claims). Storing an article, from its
text to its committed rows and findings, is linear in its figures.

Work is counted, not timed: the Python function calls the whole path makes (``analyse``: extract,
date, relation pass; then ``add_article``: within-article rules, corpus rows, inserts, the
re-judgement of its keys), counted with ``sys.setprofile``. Four times the figures may cost at most
about four times the calls. Wall-clock figures for 150 KB sentences are printed by
``bench/consistency.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from claims_api.analysis import analyse
from claims_api.storage import NewArticle, open_store


def one_sentence(n: int, tag: str) -> str:
    """``n`` clauses of changes, conversions, parts and comparisons, with no sentence break."""
    return (
        f"In report {tag} "
        + ", ".join(
            f"profit rose {i % 50 + 1}% to ${i + 10} million (£{i + 5} million) from ${i + 3} million, "
            f"{i + 7} of the {i + 100} workers were hired and sales were below {i % 9 + 1}% compared "
            f"with ${i + 2} million and a further ${i + 1} million"
            for i in range(n)
        )
        + "."
    )


def calls_to_store(store: Any, text: str) -> tuple[int, int]:
    """(function calls, claims stored) for analysing and storing ``text``."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event == "call" or event == "c_call":
            count += 1

    sys.setprofile(profile)
    try:
        done = analyse(text)
        stored, created = store.add_article(
            NewArticle(text=text, published=done.published), done.claims, done.relations
        )
    finally:
        sys.setprofile(None)
    assert created
    return count, stored.n_claims


def test_storing_one_long_sentence_is_linear_in_its_figures(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'linear.db'}")
    store.upgrade()
    try:
        calls_to_store(store, one_sentence(20, "warm"))  # caches and compiled statements
        small, small_claims = calls_to_store(store, one_sentence(60, "small"))
        big, big_claims = calls_to_store(store, one_sentence(240, "big"))
        assert small_claims >= 300 and big_claims >= 3.9 * small_claims, (small_claims, big_claims)
        ratio = big / small
        assert ratio <= 1.15 * big_claims / small_claims, (small, big, ratio)
        # the findings were computed for it (the path under test did the consistency work)
        assert store.list_findings()
    finally:
        store.close()
