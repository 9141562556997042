"""rate_vs_total: a rate and a total for the same thing over a stated period must agree.

"nearing six crimes per day ... equivalent to 2,190 in the last year": 6 x 365 = 2,190.
"444 victims in 80 days" against that rate: 444 / 80 = 5.55 a day. A rate is paired with counts in
its own sentence or the next one whose period is stated (a duration claim in the count's sentence,
or a phrase such as "in the last year" right after it) and whose counted noun is compatible.
A planned figure (a target, pledge, need, forecast: "the target of 300,000 a year", "promised 1.5
million homes ... or 300,000 a year", "expects to fix 30,000") is paired only with another planned
one: a target says nothing about what was done.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from claims_api.consistency.base import (
    DAYS,
    Interval,
    article_key,
    duration_days,
    finding,
    fmt,
    interval,
    numeric,
    per_day,
    wanted_articles,
)
from claims_api.consistency.context import (
    after,
    clause_words,
    counted_noun,
    measured,
    window,
    word_lemma,
    words_of,
)
from claims_api.consistency.memo import per_article
from claims_api.consistency.words import MEASURES, PLAN_CUES, RELATED_MEASURES
from claims_api.extract.fragments import lower
from claims_api.model import Article, Claim, Finding, Kind, Severity

NAME = "rate_vs_total"

#: Relative slack on top of the figures' own precision.
SLACK = 0.02
_PER = re.compile(r"\s(?:per|a|an|every|each)\s+(?:day|week|month|year)\b", re.I)
_PERIOD_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?"
    r"(?:(?:in|over|during|for|across)\s+(?:the\s+)?(?:last|past|previous|whole|entire)?|(?:the\s+)?(?:last|past|previous))"
    r"\s*(?:a\s+|one\s+)?(day|week|month|year|decade)\b",  # "in the last year", "nationwide last year"
    re.I,
)


#: Where the words that govern a figure stop: a clause break or a contrast ("..., but only 200,000").
_SCOPE_BREAK = re.compile(
    r"[;:\u2014\u2013]|\s-\s|,\s*and\b|\b(?:but|while|whereas|yet|although|though|however)\b", re.I
)


@per_article
def _plan_sentences(article: Article) -> dict[int, bool]:
    """Sentence start -> whether the sentence holds a plan word at all, filled as sentences are read."""
    return {}


def _has_plan_word(article: Article, claim: Claim) -> bool:
    seen = _plan_sentences(article)
    found = seen.get(claim.sentence_start)
    if found is None:
        text = article.text[claim.sentence_start : claim.sentence_end]
        found = seen[claim.sentence_start] = not PLAN_CUES.isdisjoint(words_of(text))
    return found


def _planned(article: Article, claim: Claim) -> bool:
    """True when the figure is a target, pledge, need or forecast: a plan word governs it, from the
    start of its clause (cut at breaks and contrasts) up to it, or right after it ("... a year is the
    target")."""
    if not _has_plan_word(article, claim):
        return False
    head = article.text[claim.sentence_start : claim.start]
    cuts = list(_SCOPE_BREAK.finditer(head))
    if cuts:
        head = head[cuts[-1].end() :]
    tail = after(article, claim, 40)
    tail = _SCOPE_BREAK.split(tail.split(",")[0])[0]
    return not PLAN_CUES.isdisjoint(words_of(head)) or not PLAN_CUES.isdisjoint(words_of(tail))


def _compatible(a: set[str], b: set[str]) -> bool:
    if not a or not b or a & b:
        return True
    return any(a & group and b & group for group in RELATED_MEASURES)


def _rate_nouns(claim: Claim) -> set[str]:
    """What a rate counts: "20 drivers killed per week" -> {driver, death}."""
    head = _PER.split(claim.text)[0]
    words = re.findall(r"[A-Za-z]+", head)
    return {word_lemma(w) or w for w in words if w.lower() in MEASURES or (w.endswith("s") and len(w) > 3)}


def _total_nouns(article: Article, claim: Claim) -> set[str]:
    w = window(article, claim)
    words = clause_words(article, claim)
    return {x for x in (word_lemma(counted_noun(w, words)), measured(w, claim, words)) if x}


def _period(article: Article, total: Claim) -> tuple[Interval, Claim | None, str] | None:
    """The period a total covers: a duration claim in its sentence, or a phrase right after it."""
    m = _PERIOD_AFTER.match(article.text[total.end : total.sentence_end])
    if m:
        d = DAYS[lower(m.group(1))]
        return Interval(d, d), None, m.group(0).strip()
    durations = [
        c
        for c in article.claims
        if c.kind is Kind.DURATION and c.sentence_start == total.sentence_start and not c.vague
    ]
    if not durations:
        return None
    nearest = min(durations, key=lambda c: abs(c.start - total.start))
    iv = duration_days(nearest)
    return (iv, nearest, nearest.text) if iv is not None else None


def _next_sentence(article: Article, claim: Claim) -> int | None:
    later = [c.sentence_start for c in article.claims if c.sentence_start >= claim.sentence_end]
    if not later:
        return None
    nxt = min(later)
    gap = article.text[claim.sentence_end : nxt]
    return nxt if gap.strip() == "" and gap.count("\n") <= 1 else None


class RateVsTotal:
    name = NAME

    def keys(self, article: Article) -> set[str]:
        return {article_key(article)} if any(c.kind is Kind.RATE for c in article.claims) else set()

    def run(self, articles: Sequence[Article], keys: Collection[str] | None) -> Iterable[Finding]:
        for key, article in wanted_articles(articles, keys):
            for rate in article.claims:
                daily = per_day(rate) if rate.kind is Kind.RATE and numeric(rate) else None
                if daily is None:
                    continue
                nouns = _rate_nouns(rate)
                sentences = {rate.sentence_start, _next_sentence(article, rate)}
                planned = None
                for total in article.claims:
                    if total.kind is not Kind.COUNT or total.sentence_start not in sentences or total.vague:
                        continue
                    if not _compatible(nouns, _total_nouns(article, total)):
                        continue
                    period = _period(article, total)
                    stated = interval(total)
                    if period is None or stated is None:
                        continue
                    if planned is None:
                        planned = _planned(article, rate)
                    if _planned(article, total) is not planned:
                        continue  # a target against what was done, or the reverse
                    yield _judge(key, article, rate, daily, total, stated, period)


def _judge(
    key: str,
    article: Article,
    rate: Claim,
    daily: Interval,
    total: Claim,
    stated: Interval,
    period: tuple[Interval, Claim | None, str],
) -> Finding:
    span, period_claim, period_text = period
    expected = daily.times(span)
    ok = expected.overlaps(stated, SLACK)
    per = 1 / (rate_days := (span.mid or 1))
    implied_daily = stated.mid * per
    numbers: dict[str, object] = {
        "rate_per_day": [daily.lo, daily.hi],
        "period_days": rate_days,
        "expected_total": [expected.lo, expected.hi],
        "stated_total": [stated.lo, stated.hi],
        "implied_per_day": round(implied_daily, 4),
    }
    text = (
        f"'{rate.text}' is {daily.show()} a day; over '{period_text}' ({fmt(rate_days)} days) that gives "
        f"{expected.show()}, and the article states '{total.text}' ({fmt(stated.mid)} / {fmt(rate_days)} = "
        f"{implied_daily:.3g} a day): {'consistent' if ok else 'the two do not agree'}."
    )
    parts = [(article, rate), (article, total)] + ([(article, period_claim)] if period_claim else [])
    return finding(NAME, key, not ok, Severity.MEDIUM, parts, numbers, text)
