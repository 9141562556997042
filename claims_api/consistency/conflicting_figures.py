"""conflicting_figures: one thing given different values, in one article or across articles.

Claims are grouped by a subject key (kind, unit, measured lemma, names, years: see
``context.subject``), never compared pairwise across the corpus. Inside a group each figure is
an interval (``base.interval``); the group is inconsistent when two intervals do not meet.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

import regex

from claims_api import lexicons
from claims_api.consistency.base import (
    Interval,
    figure,
    finding,
    fmt,
    interval,
    numeric,
    per_day,
    points,
    wanted,
)
from claims_api.consistency.context import subject
from claims_api.model import Article, Claim, Finding, Kind, Severity

NAME = "conflicting_figures"

#: Kinds compared; durations are left out because they are usually relative to the article's
#: date ("three months after..."), ordinals because they rank rather than measure.
KINDS = (Kind.MONEY, Kind.PERCENT, Kind.COUNT, Kind.QUANTITY, Kind.RATE)


def _dimension(claim: Claim) -> str:
    if claim.kind is Kind.MONEY:
        return claim.unit or "?"
    if claim.kind is Kind.QUANTITY:
        return claim.si_unit or claim.unit or "?"
    if claim.kind is Kind.RATE:
        return "per_time"
    if points(claim):
        return "percentage_points"  # a change in points is not the level it changed
    return claim.kind.value


#: Words just before a figure that make it a former level or a difference, not the thing's value:
#: "widened to $18.7 billion from $17.5 billion", "narrowed by £1.1bn", "a further 16 beds".
#: The words are ``lexicons/not_a_level.txt`` (longest first, so "a further" wins over "further").
_NOT_A_LEVEL = regex.compile(
    r"\b(?:"
    + "|".join(
        r"[ \u00a0]+".join(regex.escape(w) for w in phrase.split())
        for phrase in sorted(lexicons.words("not_a_level"), key=len, reverse=True)
    )
    + r")[ \u00a0]+\Z",
    regex.IGNORECASE | regex.REVERSE,
)
_INCREMENT = regex.compile(
    r"(?:a[ \u00a0]+further|another|an[ \u00a0]+additional)[ \u00a0]", regex.IGNORECASE
)
#: Figures of one subject more than this factor apart measure different things (a part and a
#: total, a month and a year), not one thing twice: they are not compared.
MAX_RATIO = 2.0


def claim_key(article: Article, claim: Claim) -> str | None:
    """The group a claim is compared in, or None when it is not compared at all."""
    if claim.kind not in KINDS or not numeric(claim):
        return None
    if _NOT_A_LEVEL.search(article.text, max(claim.sentence_start, claim.start - 24), claim.start):
        return None
    if _INCREMENT.match(claim.text):  # the span keeps "a further" ("a further 16 beds")
        return None
    found = subject(article, claim)
    if found is None:
        return None
    lemma, names, years = found
    return (
        f"{NAME}:{claim.kind.value}|{_dimension(claim)}|{lemma}|{'+'.join(sorted(names))}|{'+'.join(years)}"
    )


def _subjects(article: Article) -> tuple[str | None, ...]:
    """Each claim's group, as the relation layer computes it once (``relations.subjects``)."""
    from claims_api.relations import subjects

    return subjects(article)


def _value_interval(claim: Claim) -> Interval | None:
    if claim.kind is Kind.RATE:
        return per_day(claim)
    iv = interval(claim)
    if iv is None:
        return None
    if claim.kind is Kind.QUANTITY and claim.si_value is not None and claim.value:
        return iv.scale(claim.si_value / claim.value)
    return iv


class ConflictingFigures:
    name = NAME

    def keys(self, article: Article) -> set[str]:
        return {k for k in _subjects(article) if k is not None}

    def run(self, articles: Sequence[Article], keys: Collection[str] | None) -> Iterable[Finding]:
        groups: dict[str, list[tuple[Article, Claim, Interval]]] = defaultdict(list)
        for article in articles:
            for claim, key in zip(article.claims, _subjects(article), strict=True):
                if key is None or not wanted(key, keys):
                    continue
                iv = _value_interval(claim)
                if iv is not None:
                    groups[key].append((article, claim, iv))
        for key in sorted(groups):
            for cluster in _clusters(_apart(groups[key])):
                if len(cluster) >= 2:
                    yield _judge(key, sorted(cluster, key=lambda m: (m[0].id, m[1].start)))


def _apart(members: list[tuple[Article, Claim, Interval]]) -> list[tuple[Article, Claim, Interval]]:
    """The members without those sharing a sentence with another member: one sentence with two
    figures of one subject compares or lists them ("Colombia spends 3.1 per cent and Chile about
    1.9"), it does not state one value twice."""
    seen: dict[tuple[str, int], int] = defaultdict(int)
    for a, c, _ in members:
        seen[(a.id, c.sentence_start)] += 1
    return [m for m in members if seen[(m[0].id, m[1].sentence_start)] == 1]


def _size(iv: Interval) -> float:
    return iv.lo if math.isinf(iv.hi) else (iv.lo + iv.hi) / 2


def _clusters(members: list[tuple[Article, Claim, Interval]]) -> list[list[tuple[Article, Claim, Interval]]]:
    """The members split where two neighbouring sizes are more than MAX_RATIO apart."""
    ordered = sorted(members, key=lambda m: (_size(m[2]), m[0].id, m[1].start))
    out: list[list[tuple[Article, Claim, Interval]]] = []
    prev = None
    for m in ordered:
        size = _size(m[2])
        if prev is None or prev <= 0 or size > prev * MAX_RATIO:
            out.append([])
        out[-1].append(m)
        prev = size
    return out


def _judge(key: str, members: list[tuple[Article, Claim, Interval]]) -> Finding:
    high = max(members, key=lambda m: (m[2].lo, m[0].id, m[1].start))
    low = min(members, key=lambda m: (m[2].hi, m[0].id, m[1].start))
    subject_words = key.split(":", 1)[1].split("|")
    about = f"{subject_words[2]} ({', '.join(subject_words[3].split('+'))}"
    about += f", {subject_words[4].replace('+', ', ')})" if subject_words[4] else ")"
    cross = len({m[0].id for m in members}) > 1
    numbers: dict[str, object] = {
        "subject": about,
        "values": [{"article_id": a.id, "text": c.text, "low": iv.lo, "high": iv.hi} for a, c, iv in members],
    }
    if high[2].lo > low[2].hi:
        gap = (high[2].lo - low[2].hi) / max(abs(low[2].hi), 1e-12)
        numbers["gap"] = round(gap, 4)
        raw = abs(high[1].value or high[2].lo) / max(abs(low[1].value or low[2].hi), 1e-12) - 1
        where = "two articles" if high[0].id != low[0].id else "the same article"
        text = (
            f"{where.capitalize()} give {about} as {figure(low[1])} ('{low[1].text}') and "
            f"{figure(high[1])} ('{high[1].text}'): '{low[1].text}' allows at most {fmt(low[2].hi)} "
            f"and '{high[1].text}' at least {fmt(high[2].lo)}: {raw:.1%} apart, "
            f"{gap:.1%} beyond rounding and qualifiers."
        )
        severity = Severity.HIGH if high[0].id != low[0].id else Severity.MEDIUM
        return finding(NAME, key, True, severity, [(low[0], low[1]), (high[0], high[1])], numbers, text)
    lo = max(m[2].lo for m in members)
    hi = min(m[2].hi for m in members)
    text = (
        f"{len(members)} figures for {about} agree: "
        + ", ".join(f"'{c.text}' {iv.show()}" for _, c, iv in members)
        + f" all admit {Interval(lo, hi).show()}."
    )
    severity = Severity.HIGH if cross else Severity.MEDIUM
    return finding(NAME, key, False, severity, [(a, c) for a, c, _ in members], numbers, text)
