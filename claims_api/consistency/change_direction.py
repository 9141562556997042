"""change_direction: "rose from A to B" needs B > A, "fell" B < A, "doubled" B = 2A within precision.

The pattern is read from the text around two claims of one sentence: a change verb (or
multiplier) shortly before "from A to B" or "to B from A".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from claims_api.consistency.base import article_key, finding, fmt, interval, numeric, points, wanted_articles
from claims_api.consistency.context import before, between, words_of
from claims_api.consistency.words import CHANGE_VERBS, MULTIPLIERS
from claims_api.model import Article, Claim, Finding, Kind, Severity

NAME = "change_direction"

#: Relative slack for multipliers beyond the figures' precision.
SLACK = 0.01
_FROM_END = re.compile(r"\bfrom\s*$", re.I)
_TO_END = re.compile(r"\bto\s*$", re.I)


def _verb(words: list[str]) -> tuple[str, int | None, float | None] | None:
    """The last change word in ``words``: (word, direction, multiplier)."""
    for w in reversed(words):
        if w in MULTIPLIERS:
            m = MULTIPLIERS[w]
            return w, (1 if m > 1 else -1), m
        if w in CHANGE_VERBS:
            return w, CHANGE_VERBS[w], None
    return None


def _same_dimension(a: Claim, b: Claim) -> bool:
    if a.kind is Kind.PERCENT or b.kind is Kind.PERCENT:
        return a.kind is b.kind and points(a) == points(b)  # "from 9 points to 12 percent": two measures
    return a.kind is b.kind and a.unit == b.unit


def changes(article: Article) -> Iterable[tuple[Claim, Claim, str, int, float | None]]:
    """(from, to, verb, direction, multiplier) for each "verb from A to B" / "verb to B from A"."""
    claims = sorted((c for c in article.claims if numeric(c)), key=lambda c: (c.start, c.end))
    for first, second in zip(claims, claims[1:], strict=False):
        if first.sentence_start != second.sentence_start or not _same_dimension(first, second):
            continue
        gap = between(article, first, second).strip().lower()
        lead = before(article, first, 60)
        if gap in ("to", "-", "\u2013") and _FROM_END.search(lead):
            old, new = first, second
            head = words_of(_FROM_END.sub("", lead))[-4:]
        elif gap == "from" and _TO_END.search(lead):
            old, new = second, first
            head = words_of(_TO_END.sub("", lead))[-4:]
        else:
            continue
        verb = _verb(head)
        if verb is not None:
            yield old, new, verb[0], verb[1], verb[2]


class ChangeDirection:
    name = NAME

    def keys(self, article: Article) -> set[str]:
        return {article_key(article)} if len(article.claims) >= 2 else set()

    def run(self, articles: Sequence[Article], keys: Collection[str] | None) -> Iterable[Finding]:
        for key, article in wanted_articles(articles, keys):
            for old, new, verb, direction, multiplier in changes(article):
                yield _judge(key, article, old, new, verb, direction, multiplier)


def _mid(claim: Claim) -> float:
    if claim.value is not None:
        return claim.value
    return ((claim.low or 0.0) + (claim.high or 0.0)) / 2


def _judge(
    key: str, article: Article, old: Claim, new: Claim, verb: str, direction: int, multiplier: float | None
) -> Finding:
    a, b = _mid(old), _mid(new)
    numbers: dict[str, object] = {"from": a, "to": b, "verb": verb, "change": b - a}
    if multiplier is not None:
        expected = interval(old).scale(multiplier)  # type: ignore[union-attr]
        stated = interval(new)
        ok = stated is not None and expected.overlaps(stated, SLACK)
        numbers["multiplier"] = multiplier
        numbers["ratio"] = round(b / a, 4) if a else None
        text = (
            f"'{verb}' from '{old.text}' to '{new.text}': {fmt(a)} x {fmt(multiplier)} = "
            f"{expected.show()}, and the article gives {fmt(b)}"
            + (f" (ratio {b / a:.3g})" if a else "")
            + (": consistent." if ok else ": the figures do not match the multiplier.")
        )
    else:
        ok = (b - a) * direction > 0
        want = "larger" if direction > 0 else "smaller"
        text = (
            f"'{verb}' from '{old.text}' to '{new.text}': {fmt(b)} - {fmt(a)} = {fmt(b - a)}; "
            f"the second figure should be {want}"
            + (", as it is." if ok else f", but it is {'not larger' if direction > 0 else 'not smaller'}.")
        )
    return finding(NAME, key, not ok, Severity.MEDIUM, [(article, old), (article, new)], numbers, text)
