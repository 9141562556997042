"""percent_change: "up 76% to $1.13bn from $639m" needs 0.639 x 1.76 = 1.13 within precision.

A percent claim with a change word ("up", "rose", "fell by", "a 20% increase") and two figures of
one kind and unit in its clause, in one of the shapes

    up P to A from B    up P from B to A    from B to A, up P    to A from B, up P    A, up P from B

where the words between the figures are just those ("to", "from", a few words such as "in the
quarter" before "from"/"to", the comma and change word before P), no clause break (";", a dash,
"as", "while", "and") lies between them, and no other figure of the same unit stands among them.
Anything else is not judged. The new figure must equal old x (1 +/- P/100) within the precision of
all three.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
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
from claims_api.consistency.context import before, between, words_of
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
    lead = words_of(before(article, pct, 40))[-3:]
    for w in reversed(lead):
        if w in CHANGE_VERBS:
            return CHANGE_VERBS[w]
        if w in _NOUN_CHANGE:
            return _NOUN_CHANGE[w]  # "an increase of 20%"
    after = words_of(article.text[pct.end : pct.sentence_end])[:1]
    if after and after[0] in _NOUN_CHANGE:
        return _NOUN_CHANGE[after[0]]  # "a 20% increase"
    return None


#: Words that start another clause: a figure beyond them belongs to it.
_CONNECTORS = frozenset("as and while but whereas with after when although though which who".split())
_BREAK = re.compile(r"[;:()\[\]\u2014\u2013]|\s-\s")
#: Words that may stand between the new figure and "from" ("to $900 million in the quarter from").
_FILLER = 4


def _gap(article: Article, a: Claim, b: Claim, *, comma: bool = False) -> list[str] | None:
    """The words between two claims of one clause (a before b), or None when a clause break (or,
    unless ``comma``, a comma) lies there."""
    text = between(article, a, b)
    if b.start < a.end or _BREAK.search(text) or (not comma and "," in text):
        return None
    return words_of(text)


def _is(words: list[str] | None, *expected: str) -> bool:
    return words is not None and tuple(words) == expected


def _ends(words: list[str] | None, last: str) -> bool:
    """Words ending with ``last``, with at most ``_FILLER`` words and no connector before it."""
    if not words or words[-1] != last or len(words) > _FILLER + 1:
        return False
    return not _CONNECTORS.intersection(words[:-1])


def _change_gap(words: list[str] | None) -> bool:
    """The words between a figure and the percent after it: ", up", ", an increase of", ", or"."""
    if words is None or len(words) > 3 or _CONNECTORS.intersection(words):
        return False
    return bool(words) and (words[-1] in CHANGE_VERBS or words[-1] in ("of", "by", "or"))


def _shape(article: Article, pct: Claim, x: Claim, y: Claim) -> tuple[Claim, Claim] | None:
    """(old, new) when pct, x and y (x before y) read as one of the module's shapes."""
    gap = functools.partial(_gap, article)
    if pct.end <= x.start:  # P x y
        first, second = gap(pct, x), gap(x, y)
        if _is(first, "to") and _ends(second, "from"):
            return y, x  # up P to A from B
        if _is(first, "from") and _ends(second, "to"):
            return x, y  # up P from B to A
        return None
    if y.end <= pct.start:  # x y P
        first, last = gap(x, y), gap(y, pct, comma=True)
        if not _change_gap(last) or "," not in between(article, y, pct):
            return None
        if _FROM.search(before(article, x, 12)) and _ends(first, "to"):
            return x, y  # from B to A, up P
        if _TO.search(before(article, x, 12)) and _ends(first, "from"):
            return y, x  # to A from B, up P
        return None
    if x.end <= pct.start and pct.end <= y.start:  # x P y
        lead, after = between(article, x, pct), gap(pct, y)
        if len(lead) <= 8 and "," in lead and _change_gap(gap(x, pct, comma=True)) and _is(after, "from"):
            return y, x  # A, up P from B
    return None

#: How far (characters) from a percent its old and new levels may start.
NEAR = 160


def changes(article: Article) -> Iterable[tuple[Claim, int, Claim, Claim]]:
    """(percent, direction, old, new) triples found in the article."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in article.claims:
        by_sentence.setdefault(c.sentence_start, []).append(c)
    for start in sorted(by_sentence):
        claims = sorted(by_sentence[start], key=lambda c: c.start)
        starts = [c.start for c in claims]
        for pct in claims:
            if pct.kind is not Kind.PERCENT or pct.value is None or points(pct) or not numeric(pct):
                continue
            direction = _direction(article, pct)
            if direction is None:
                continue
            # the claims within NEAR characters, found by bisection: a sentence with thousands of
            # figures stays linear (issue 12, defect 1)
            window = claims[bisect_left(starts, pct.start - NEAR) : bisect_right(starts, pct.start + NEAR)]
            near = [c for c in window if c is not pct]
            for i, x in enumerate(near):
                if x.kind is Kind.PERCENT or not numeric(x):
                    continue
                for y in near[i + 1 :]:
                    if y.kind is not x.kind or y.unit != x.unit or not numeric(y):
                        continue
                    lo, hi = min(x.start, pct.start), max(y.end, pct.end)
                    if any(
                        c.unit == x.unit and c.kind is x.kind and c.end <= hi
                        for c in claims[bisect_left(starts, lo) : bisect_right(starts, hi)]
                        if c is not x and c is not y
                    ):
                        break  # another figure of that unit among them
                    found = _shape(article, pct, x, y)
                    if found is not None:
                        yield pct, direction, *found
                    break  # only the next figure of that unit can pair with x


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
