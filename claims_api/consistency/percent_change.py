"""percent_change: "up 76% to $1.13bn from $639m" needs 0.639 x 1.76 = 1.13 within precision.

A percent claim led by a change word ("up", "rose", "fell by", "a drop of") and two figures of one
kind in the same sentence, one after "from" and one after "to" (in either order), or "B, up P
from A". The new figure must equal old x (1 +/- P/100) within the precision of all three.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from claims_api.consistency.base import (
    Interval,
    article_key,
    finding,
    fmt,
    interval,
    numeric,
    points,
    wanted_articles,
)
from claims_api.consistency.context import words_of
from claims_api.consistency.words import CHANGE_VERBS
from claims_api.model import Article, Claim, Finding, Kind, Severity

NAME = "percent_change"

#: Relative slack beyond the three figures' precision.
SLACK = 0.005
_FROM = re.compile(r"\bfrom\s*$", re.I)
_TO = re.compile(r"\bto\s*$", re.I)
_NOUN_CHANGE = {"increase": 1, "rise": 1, "gain": 1, "jump": 1, "growth": 1, "drop": -1, "fall": -1}
_NOUN_CHANGE.update({"decline": -1, "decrease": -1, "cut": -1, "loss": -1, "reduction": -1})


def _direction(article: Article, pct: Claim) -> int | None:
    before = words_of(article.text[max(pct.sentence_start, pct.start - 40) : pct.start])[-3:]
    for w in reversed(before):
        if w in CHANGE_VERBS:
            return CHANGE_VERBS[w]
        if w in _NOUN_CHANGE:
            return _NOUN_CHANGE[w]  # "an increase of 20%"
    after = words_of(article.text[pct.end : pct.sentence_end])[:1]
    if after and after[0] in _NOUN_CHANGE:
        return _NOUN_CHANGE[after[0]]  # "a 20% increase"
    return None


def _lead(article: Article, claim: Claim) -> str:
    return article.text[max(claim.sentence_start, claim.start - 12) : claim.start]


def changes(article: Article) -> Iterable[tuple[Claim, int, Claim, Claim]]:
    """(percent, direction, old, new) triples found in the article."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in article.claims:
        if numeric(c):
            by_sentence.setdefault(c.sentence_start, []).append(c)
    for start in sorted(by_sentence):
        claims = sorted(by_sentence[start], key=lambda c: c.start)
        for pct in claims:
            if pct.kind is not Kind.PERCENT or pct.value is None or points(pct):
                continue
            direction = _direction(article, pct)
            if direction is None:
                continue
            others = [c for c in claims if c is not pct and c.kind is not Kind.PERCENT]
            olds = [c for c in others if _FROM.search(_lead(article, c))]
            news = [c for c in others if _TO.search(_lead(article, c))]
            if not news:
                # "$1.13bn, up 76% from $639m": the new figure stands just before the percent
                news = [c for c in others if c.end <= pct.start and pct.start - c.end <= 8]
            for old in olds:
                new = min(
                    (n for n in news if n is not old and n.kind is old.kind and n.unit == old.unit),
                    key=lambda n: abs(n.start - pct.start),
                    default=None,
                )
                if new is not None:
                    yield pct, direction, old, new


class PercentChange:
    name = NAME

    def keys(self, article: Article) -> set[str]:
        return {article_key(article)} if any(c.kind is Kind.PERCENT for c in article.claims) else set()

    def run(self, articles: Sequence[Article], keys: Collection[str] | None) -> Iterable[Finding]:
        for key, article in wanted_articles(articles, keys):
            for pct, direction, old, new in changes(article):
                yield _judge(key, article, pct, direction, old, new)


def _judge(key: str, article: Article, pct: Claim, direction: int, old: Claim, new: Claim) -> Finding:
    p, a, b = interval(pct), interval(old), interval(new)
    assert p is not None and a is not None and b is not None
    factor = Interval(1 + direction * p.lo / 100, 1 + direction * p.hi / 100)
    factor = Interval(min(factor.lo, factor.hi), max(factor.lo, factor.hi))
    expected = a.times(factor)
    ok = expected.overlaps(b, SLACK)
    sign = "+" if direction > 0 else "-"
    pv, av, bv = pct.value or 0.0, a.mid, b.mid
    actual = (bv / av - 1) * 100 if av else float("nan")
    numbers: dict[str, object] = {
        "percent": pv,
        "direction": direction,
        "from": av,
        "to": bv,
        "expected": [expected.lo, expected.hi],
        "actual_percent": round(actual, 3),
    }
    text = (
        f"{fmt(av)} x (1 {sign} {fmt(pv)}/100) = {fmt(av * (1 + direction * pv / 100))} "
        f"(allowing for rounding {expected.show()}); the article gives {fmt(bv)}, a change of {actual:+.1f}%"
        + (": consistent." if ok else f", not {sign}{fmt(pv)}%.")
    )
    parts = [(article, pct), (article, old), (article, new)]
    return finding(NAME, key, not ok, Severity.MEDIUM, parts, numbers, text)
