"""The relation pass is linear: one sentence of thousands of figures costs work in proportion to them.

A structural test (no timing): the pair comparisons and lexicon look-ups the pass makes grow like the
number of figures, because every look-back is capped to a window of neighbouring units. The time on a
150 KB one-sentence article is printed by bench/consistency.py.
"""

from __future__ import annotations

import re

import pytest

from claims_api.model import Article, Claim, Kind, Qualifier
from claims_api.relations import build, reading


def one_sentence(n: int) -> Article:
    """``n`` repeats of clauses holding changes, conversions, parts, comparisons: one sentence."""
    text = "".join(
        f"profit rose {i % 50 + 1}% to ${i + 10}m (£{i + 5}m) from ${i + 3}m, the ${i + 10}m, out of "
        f"{i + 100} and {i + 7} people, below {i % 9 + 1}% compared with ${i + 2}m and a further ${i + 1}m; "
        for i in range(n)
    )
    claims = []
    for m in re.finditer(r"[$£]?\d+[m%]?", text):
        t = m.group(0)
        kind, unit = (
            (Kind.PERCENT, "percent")
            if t.endswith("%")
            else (Kind.MONEY, "USD")
            if t[0] == "$"
            else (Kind.MONEY, "GBP")
            if t[0] == "£"
            else (Kind.COUNT, None)
        )
        value = float(re.sub(r"\D", "", t))
        claims.append(
            Claim(m.start(), m.end(), t, kind, value, None, None, unit, Qualifier.EXACT, "", 0, len(text))
        )
    return Article(id="big", text=text, claims=tuple(claims))


def _work(monkeypatch: pytest.MonkeyPatch, n: int) -> tuple[int, int]:
    calls = {"pairs": 0}
    compatible, find = build.compatible, build.find

    def counted_compatible(a, b):
        calls["pairs"] += 1
        return compatible(a, b)

    def counted_find(*args, **kw):
        calls["pairs"] += 1
        return find(*args, **kw)

    monkeypatch.setattr(build, "compatible", counted_compatible)
    monkeypatch.setattr(build, "find", counted_find)
    article = one_sentence(n)
    rels = build._Builder(article).build()
    monkeypatch.undo()
    return calls["pairs"], len(rels.relations)


def test_work_grows_linearly_with_the_figures_of_one_sentence(monkeypatch):
    small_work, small_rels = _work(monkeypatch, 100)
    big_work, big_rels = _work(monkeypatch, 400)
    assert len(one_sentence(400).claims) == 4 * len(one_sentence(100).claims)
    assert big_work <= 4.4 * small_work, (small_work, big_work)
    assert big_rels <= 4.4 * max(small_rels, 1)
    assert small_rels > 0


def test_one_sentence_is_read_once():
    article = one_sentence(50)
    r = reading.read(article)
    assert len(r.sentences) == 1
    assert sum(1 + len(u.conversions) for u in r.sentences[0].units) == len(article.claims)
