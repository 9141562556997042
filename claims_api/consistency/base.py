"""What every consistency rule shares: the Check protocol, figures as intervals, finding builders.

A figure is read as the interval of values its wording allows (``interval``): the stated precision
("US$33 billion" is 32.5..33.5 billion), widened or opened by its qualifier ("about", "at least",
"nearly"). Rules compare intervals, so rounding never raises an alarm on its own.
"""

from __future__ import annotations

import functools
import math
import operator
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from claims_api.model import Article, Claim, Finding, Kind, Qualifier, Severity, Status

INF = math.inf

#: Relative half-width given to "about"/"roughly"/"some" figures.
APPROX = 0.10
#: How far below its figure "nearly 30" may go.
NEARLY = 0.10


class Check(Protocol):
    """A rule: the groups an article falls in, and the findings of some groups."""

    name: str

    def keys(self, article: Article) -> set[str]: ...

    def run(self, articles: Sequence[Article], keys: Collection[str] | None) -> Iterable[Finding]: ...


@dataclass(frozen=True, slots=True)
class Interval:
    lo: float
    hi: float

    def overlaps(self, other: Interval, rel: float = 0.0) -> bool:
        """True when the intervals meet, allowing a relative slack ``rel`` of the larger magnitude."""
        slack = rel * max(abs(self.lo), abs(self.hi), abs(other.lo), abs(other.hi)) if rel else 0.0
        slack = 0.0 if math.isinf(slack) or math.isnan(slack) else slack
        return self.lo <= other.hi + slack and other.lo <= self.hi + slack

    def scale(self, factor: float) -> Interval:
        a, b = _mul(self.lo, factor), _mul(self.hi, factor)
        return Interval(min(a, b), max(a, b))

    def times(self, other: Interval) -> Interval:
        products = [_mul(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products))

    def divided_by(self, other: Interval) -> Interval:
        """self / other for a strictly positive ``other``."""
        quotients = [_div(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(quotients), max(quotients))

    @property
    def mid(self) -> float:
        if math.isinf(self.hi):
            return self.lo
        if math.isinf(self.lo):
            return self.hi
        return (self.lo + self.hi) / 2

    def show(self) -> str:
        lo = "-inf" if self.lo == -INF else fmt(self.lo)
        hi = "inf" if self.hi == INF else fmt(self.hi)
        return f"[{lo}, {hi}]"


def _mul(a: float, b: float) -> float:
    if a == 0 or b == 0:
        return 0.0
    return a * b


def _div(a: float, b: float) -> float:
    if b == 0:
        return INF if a > 0 else -INF if a < 0 else 0.0
    if math.isinf(b):
        return 0.0
    return a / b


_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def rounding(claim: Claim) -> float:
    """Half a unit of the last digit written: "33 billion" -> 0.5e9, "14.6 percent" -> 0.05.

    Trailing zeros count as written ("30 billion" is 29.5..30.5 billion): the guideline's
    conflict between US$33 and US$30 billion depends on it. Word numbers ("six") count as integers.
    """
    first = claim.value if claim.value is not None else claim.low
    if first is None:
        return 0.0
    found = _written(claim.text)
    if found is None:
        return 0.5 if float(first).is_integer() else abs(first) * 0.005
    written, decimals = found
    scale = first / written if written else 1.0
    return 0.5 * 10.0**-decimals * abs(scale)


@functools.lru_cache(maxsize=8192)
def _written(text: str) -> tuple[float, int] | None:
    """The first number written in a claim's text and its count of decimals, or None."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    return float(match.group(0).replace(",", "")), len(match.group(1) or "")


def interval(claim: Claim, *, approx: float = APPROX) -> Interval | None:
    """The values a claim's wording allows, or None when it has no number."""
    r = rounding(claim)
    q = claim.qualifier
    floor = -INF if claim.kind in (Kind.PERCENT,) else 0.0
    if claim.vague:
        if claim.low is None:
            return None
        return Interval(claim.low, claim.high if claim.high is not None else INF)
    if claim.value is None:
        if claim.low is None or claim.high is None:
            return None
        lo, hi = claim.low - r, claim.high + r
        if q is Qualifier.APPROX:
            lo, hi = min(lo, claim.low * (1 - approx)), max(hi, claim.high * (1 + approx))
        elif q in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
            hi = INF
        elif q in (Qualifier.AT_MOST, Qualifier.LESS_THAN, Qualifier.NEARLY):
            lo = floor
        return Interval(lo, hi)
    v = claim.value
    if q is Qualifier.APPROX:
        w = max(r, abs(v) * approx)
        return Interval(v - w, v + w)
    if q in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return Interval(v, INF)
    if q in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        return Interval(floor, v)
    if q is Qualifier.NEARLY:
        return Interval(v - max(r, abs(v) * NEARLY), v)
    return Interval(v - r, v + r)


# Durations to days and rates to per day (the extractor's si_* fields are used when present).
DAYS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 365.25 / 12,
    "quarter": 365.25 / 4,
    "year": 365.0,
    "decade": 3652.5,
    "century": 36525.0,
}


def days(unit: str | None) -> float | None:
    """Days in one ``unit`` ("month", "years", "1/week" -> 7.0); None when not a time unit."""
    if not unit:
        return None
    return _days(unit)


@functools.lru_cache(maxsize=1024)
def _days(unit: str) -> float | None:
    u = unit.strip().lower()
    if u.startswith("1/"):
        u = u[2:]
    if u.endswith("s") and u[:-1] in DAYS:
        u = u[:-1]
    return DAYS.get(u)


def _in_days(claim: Claim, kind: Kind, power: int) -> Interval | None:
    """A claim of ``kind`` as an interval scaled by (days per unit) ** ``power``."""
    if claim.kind is not kind:
        return None
    per = days(claim.unit)
    iv = interval(claim)
    if per is None or iv is None:
        return None
    return iv.scale(per**power)


def duration_days(claim: Claim) -> Interval | None:
    """A duration claim as an interval of days."""
    return _in_days(claim, Kind.DURATION, 1)


def per_day(claim: Claim) -> Interval | None:
    """A rate claim as an interval of events per day."""
    return _in_days(claim, Kind.RATE, -1)


def fmt(x: float) -> str:
    """A number as an editor reads it: 2190, 3.79, 1.3e9, 0.0551."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "?"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    ax = abs(x)
    if ax >= 1e7:
        exp = int(math.floor(math.log10(ax) / 3) * 3)
        mantissa = f"{x / 10**exp:.4g}"
        return f"{mantissa}e{exp}"
    if ax >= 1000:
        return f"{x:,.0f}" if abs(x - round(x)) < 0.05 else f"{x:,.1f}"
    if float(x).is_integer():
        return str(int(x))
    if ax >= 100:
        return f"{x:.1f}"
    if ax >= 1:
        return f"{x:.3f}".rstrip("0").rstrip(".") if ax < 10 else f"{x:.2f}".rstrip("0").rstrip(".")
    return f"{x:.3g}"


def figure(claim: Claim) -> str:
    """The claim's value as a short number for explanations: 33e9, 6000-11000, >=60."""
    q = claim.qualifier
    if claim.value is None:
        lo = fmt(claim.low) if claim.low is not None else "?"
        return f"{lo}-{fmt(claim.high)}" if claim.high is not None else f">={lo}"
    sign = {
        Qualifier.AT_LEAST: ">=",
        Qualifier.MORE_THAN: ">",
        Qualifier.AT_MOST: "<=",
        Qualifier.LESS_THAN: "<",
        Qualifier.NEARLY: "nearly ",
        Qualifier.APPROX: "~",
    }.get(q, "")
    return f"{sign}{fmt(claim.value)}"


#: Claims in text order within a finding: article, start, end.
_REF_ORDER = operator.attrgetter("article_id", "start", "end")
SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2, Severity.INFO: 3}


def finding(
    rule: str,
    key: str,
    inconsistent: bool,
    severity_if_bad: Severity,
    parts: Iterable[tuple[Article, Claim]],
    numbers: dict[str, object],
    explanation: str,
) -> Finding:
    """A Finding with claims in text order and severity info when consistent."""
    refs = tuple(sorted([a.ref(c) for a, c in parts], key=_REF_ORDER))
    return Finding(
        rule=rule,
        status=Status.INCONSISTENT if inconsistent else Status.CONSISTENT,
        severity=severity_if_bad if inconsistent else Severity.INFO,
        claims=refs,
        numbers=numbers,
        explanation=explanation,
        key=key,
    )


def sort_key(f: Finding) -> tuple[object, ...]:
    """Deterministic report order: worst first, then rule, group and place."""
    return (
        SEVERITY_ORDER.get(f.severity, 9),
        f.status is not Status.INCONSISTENT,
        f.rule,
        f.key,
        [(r.article_id, r.start, r.end) for r in f.claims],  # (a list compares as the tuple would)
        f.explanation,
    )


def article_key(article: Article) -> str:
    """The group of within-article rules: the article alone."""
    return f"article:{article.id}"


def wanted_articles(
    articles: Sequence[Article], keys: Collection[str] | None
) -> Iterator[tuple[str, Article]]:
    """(key, article) for each article whose own group (``article_key``) is wanted."""
    for article in articles:
        key = article_key(article)
        if wanted(key, keys):
            yield key, article


def wanted(key: str, keys: Collection[str] | None) -> bool:
    return keys is None or key in keys


def points(claim: Claim) -> bool:
    """A percent figure stated in points ("3 percentage points", "50 basis points"): a difference
    of two percentages, neither a share nor a relative change (``attrs["points"]``, set by the
    extractor)."""
    return claim.kind is Kind.PERCENT and bool(claim.attrs.get("points"))


def numeric(claim: Claim) -> bool:
    """A figure the arithmetic rules may use: has a number and is not a vague word."""
    return not claim.vague and (claim.value is not None or (claim.low is not None and claim.high is not None))
