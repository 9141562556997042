"""parts_exceed_total: itemised parts must not add up to more than the total they belong to.

A total is a figure led by "total"/"totaling"/"altogether" (its parts are the figures of the
same kind before it in its sentence), or a figure whose next sentence says "This will include"
(its parts are the figures of the same kind in the following sentences of the paragraph, at most
``SPAN`` sentences). Money is compared in one currency, using the bracketed conversions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence

from claims_api.consistency.base import (
    Interval,
    article_key,
    finding,
    fmt,
    interval,
    numeric,
    wanted_articles,
)
from claims_api.consistency.context import words_of
from claims_api.consistency.implied_fx_rate import conversions
from claims_api.consistency.memo import per_article
from claims_api.consistency.words import PART_CUES, TOTAL_CUES
from claims_api.model import Article, Claim, Finding, Kind, Severity

NAME = "parts_exceed_total"

SPAN = 3
SLACK = 0.01
KINDS = (Kind.MONEY, Kind.COUNT, Kind.QUANTITY)


@per_article
def _sentence_ends(article: Article) -> tuple[list[int], dict[int, int]]:
    """The sentence starts of the article's claims, sorted, and each such sentence's furthest end."""
    ends: dict[int, int] = {}
    for c in article.claims:
        ends[c.sentence_start] = max(ends.get(c.sentence_start, c.sentence_end), c.sentence_end)
    return sorted(ends), ends


def _sentences_after(article: Article, claim: Claim) -> list[int]:
    """Starts of the sentences (with claims) after the claim's, in its paragraph."""
    starts, ends = _sentence_ends(article)
    out: list[int] = []
    end = claim.sentence_end
    for s in starts[bisect_left(starts, claim.sentence_end) :]:
        if "\n\n" in article.text[end:s] or len(out) >= SPAN:
            break
        if "\n" in article.text[end:s] and not out:
            break
        out.append(s)
        end = ends[s]
    return out


class PartsExceedTotal:
    name = NAME

    def keys(self, article: Article) -> set[str]:
        return {article_key(article)} if len(article.claims) >= 2 else set()

    def run(self, articles: Sequence[Article], keys: Collection[str] | None) -> Iterable[Finding]:
        for key, article in wanted_articles(articles, keys):
            convs = conversions(article)
            twin = {id(c.amount): c.base for c in convs} | {id(c.base): c.amount for c in convs}
            bracketed = {id(c.base if c.base.start > c.amount.start else c.amount) for c in convs}
            for total in article.claims:
                if total.kind not in KINDS or not numeric(total) or id(total) in bracketed:
                    continue
                parts = _parts(article, total, bracketed)
                if not parts:
                    continue
                found = _judge(key, article, total, parts, twin)
                if found is not None:
                    yield found


def _parts(article: Article, total: Claim, bracketed: set[int]) -> list[Claim]:
    lead = words_of(article.text[max(total.sentence_start, total.start - 30) : total.start])[-3:]

    def same() -> list[Claim]:
        return [
            c
            for c in article.claims
            if c is not total and c.kind is total.kind and numeric(c) and id(c) not in bracketed
        ]

    if any(w in TOTAL_CUES for w in lead):
        return [c for c in same() if c.sentence_start == total.sentence_start and c.end <= total.start]
    after = _sentences_after(article, total)
    if not after:
        return []
    first = article.text[after[0] : after[0] + 60]
    if not PART_CUES.intersection(words_of(first)):
        return []
    later = [c for c in article.claims if c.sentence_start == total.sentence_start and c.start > total.end]
    if any(c.kind is total.kind and id(c) not in bracketed for c in later):
        return []  # the total is not the last figure of its sentence
    return [c for c in same() if c.sentence_start in after]


def _in_unit(claim: Claim, unit: str | None, twin: dict[int, Claim]) -> Interval | None:
    if claim.kind is not Kind.MONEY or claim.unit == unit:
        return interval(claim)
    other = twin.get(id(claim))
    if other is not None and other.unit == unit:
        return interval(other)
    return None


def _judge(
    key: str, article: Article, total: Claim, parts: list[Claim], twin: dict[int, Claim]
) -> Finding | None:
    unit = total.unit
    t = interval(total)
    if total.kind is Kind.MONEY and t is not None:
        # compare in the total's currency, or in its bracketed equivalent's if the parts use that one
        alt = twin.get(id(total))
        if alt is not None and sum(_in_unit(p, alt.unit, twin) is not None for p in parts) > sum(
            _in_unit(p, unit, twin) is not None for p in parts
        ):
            unit, t = alt.unit, interval(alt)
    ivs = [(p, _in_unit(p, unit, twin)) for p in parts]
    used = [(p, iv) for p, iv in ivs if iv is not None]
    if not used or t is None:
        return None
    s = Interval(sum(iv.lo for _, iv in used), sum(iv.hi for _, iv in used))
    bad = s.lo > t.hi * (1 + SLACK)
    cur = f" {unit}" if total.kind is Kind.MONEY else ""
    figures = " + ".join(fmt(iv.mid) for _, iv in used)
    numbers: dict[str, object] = {
        "total": [t.lo, t.hi],
        "parts_sum": [s.lo, s.hi],
        "unit": unit,
        "parts": len(used),
    }
    text = (
        f"Parts {figures} = {fmt(s.mid)}{cur} (at least {fmt(s.lo)}) against the total '{total.text}' "
        f"(at most {fmt(t.hi)}{cur}): " + ("the parts exceed the total." if bad else "within the total.")
    )
    cited = [total] + [p for p, _ in used]
    cited += [twin[id(c)] for c in cited if id(c) in twin]
    return finding(NAME, key, bad, Severity.MEDIUM, [(article, c) for c in cited], numbers, text)
