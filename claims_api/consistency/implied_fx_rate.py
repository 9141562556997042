"""implied_fx_rate: an amount with its conversion in brackets implies an exchange rate.

"12.97 billion soles ($3.422 billion)" implies 12.97e9 / 3.422e9 = 3.790 PEN per USD. Each
conversion is judged against the reference rate for the article's date
(``claims_api.normalize.fx.rate_at``, when available) and against the other conversions of the
same currency pair in the same article; an article without a reference rate is compared with the
conversions of the other articles instead, where a rate far outside their band is an outlier.
All conversions of one currency pair form one group (key ``implied_fx_rate:PEN/USD``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from claims_api.consistency.base import Interval, finding, fmt, rounding, wanted
from claims_api.consistency.context import between
from claims_api.consistency.memo import per_article
from claims_api.model import Article, Claim, Finding, Kind, Qualifier, Severity

NAME = "implied_fx_rate"

#: Extra relative allowance when either amount is hedged ("approximately US$1,800").
APPROX_ALLOWANCE = 0.05
#: Conversions in one article should use one rate: allowed gap beyond their precision.
SAME_ARTICLE_TOLERANCE = 0.01
#: Tolerance of the reference rate when the reference gives none.
DEFAULT_TOLERANCE = 0.03
#: How far outside the other articles' band an undated conversion may fall.
CORPUS_MARGIN = 0.10
#: Undated peers are comparable; dated ones only within this many days of each other.
PEER_DAYS = 365

_BRACKET = re.compile(
    r"^\s*[(\[]\s*(?:approximately|approx\.?|about|roughly|around|some|or|~|i\.e\.,?)?\s*$", re.I
)

#: ``(currency, day) -> Rate | None``; None when the fx module is missing. Tests may replace it.
ReferenceFn = Callable[[str, date], Any]


def _default_reference() -> ReferenceFn | None:
    try:
        from claims_api.normalize.fx import rate_at
    except ImportError:  # the fx module is optional for the checks
        return None
    return rate_at


reference_rate: ReferenceFn | None = _default_reference()

#: ``(currency, day) -> reference_rate(currency, day)`` already looked up in one run.
_Rates = dict[tuple[str, date], Any]


@dataclass(frozen=True, slots=True)
class Conversion:
    article: Article
    amount: Claim  # the amount in the currency being converted (numerator)
    base: Claim  # its equivalent in the base currency (denominator, usually USD)
    implied: float
    bounds: Interval  # implied rate allowed by the digits written
    hedged: bool

    @property
    def pair(self) -> str:
        return f"{self.amount.unit}/{self.base.unit}"

    @property
    def unit(self) -> str:
        return f"{self.amount.unit} per {self.base.unit}"

    def arithmetic(self) -> str:
        a, b = self.amount, self.base
        if a.value is not None and b.value is not None:
            return f"{fmt(a.value)} / {fmt(b.value)} = {self.implied:.3f} {self.unit}"
        ends = []
        for x, y in ((a.low, b.low), (a.high, b.high)):
            if x is not None and y is not None and y:
                ends.append(f"{fmt(x)} / {fmt(y)} = {x / y:.3f}")
        return "; ".join(ends) + f" {self.unit}"


def _ends(claim: Claim) -> list[Interval] | None:
    r = rounding(claim)
    if claim.value is not None:
        return [Interval(claim.value - r, claim.value + r)]
    if claim.low is not None and claim.high is not None:
        return [Interval(claim.low - r, claim.low + r), Interval(claim.high - r, claim.high + r)]
    return None


def _hull(ivs: list[Interval]) -> Interval:
    return Interval(min(i.lo for i in ivs), max(i.hi for i in ivs))


@per_article
def conversions(article: Article) -> list[Conversion]:
    """Money followed by its equivalent in another currency in brackets."""
    money = [c for c in article.claims if c.kind is Kind.MONEY and c.unit and not c.vague]
    money.sort(key=lambda c: (c.start, c.end))
    found = []
    for first, second in zip(money, money[1:], strict=False):
        if first.unit == second.unit or second.start < first.end:
            continue
        if not _BRACKET.match(between(article, first, second)):
            continue
        amount, base = (second, first) if first.unit == "USD" else (first, second)
        a, b = _ends(amount), _ends(base)
        if not a or not b or len(a) != len(b) or any(i.lo <= 0 for i in b):
            continue
        implied_ends = [x.divided_by(y) for x, y in zip(a, b, strict=True)]
        values = [
            v / w
            for v, w in zip(
                [amount.value] if amount.value is not None else [amount.low, amount.high],
                [base.value] if base.value is not None else [base.low, base.high],
                strict=True,
            )
            if v is not None and w
        ]
        implied = sum(values) / len(values)
        hedged = any(c.qualifier is not Qualifier.EXACT for c in (amount, base))
        found.append(Conversion(article, amount, base, implied, _hull(implied_ends), hedged))
    return found


def _off(value: float, target: Interval) -> float:
    """Relative distance from an interval to a value (0 when inside)."""
    if target.lo <= value <= target.hi:
        return 0.0
    edge = target.lo if value < target.lo else target.hi
    return abs(value - edge) / abs(value)


def _day(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def _rate(currency: str, day: date, rates: _Rates) -> Any:
    """``reference_rate(currency, day)``, looked up once per run (``rates`` holds those looked up)."""
    assert reference_rate is not None
    key = (currency, day)
    if key not in rates:
        rates[key] = reference_rate(currency, day)
    return rates[key]


def _reference(conv: Conversion, rates: _Rates) -> tuple[float, float, str] | None:
    """(rate, tolerance, description) for the pair on the article's date, or None."""
    day = _day(conv.article)
    if day is None or reference_rate is None:
        return None
    try:
        num = _rate(conv.amount.unit or "", day, rates)
        den = _rate(conv.base.unit or "", day, rates) if conv.base.unit != "USD" else None
    except Exception:  # a broken rate table must not break the report
        return None
    if num is None or (conv.base.unit != "USD" and den is None):
        return None
    rate = num.per_usd / den.per_usd if den is not None else num.per_usd
    tol = max(float(getattr(num, "tolerance", DEFAULT_TOLERANCE) or DEFAULT_TOLERANCE), 0.0)
    basis = getattr(num, "basis", "")
    label = {"annual": "annual average", "daily": "daily rate", "override": "override"}.get(basis, basis)
    note = getattr(num, "note", None)
    what = ", ".join(x for x in (getattr(num, "source", None), label) if x)
    if note and "used for" in note:
        what += f"; {note}"
    when = getattr(num, "date", "")
    desc = f"the reference rate for {when} ({what}) is {rate:.5g}"
    return rate, tol, desc


class ImpliedFxRate:
    name = NAME

    def keys(self, article: Article) -> set[str]:
        return {f"{NAME}:{c.pair}" for c in conversions(article)}

    def run(self, articles: Sequence[Article], keys: Collection[str] | None) -> Iterable[Finding]:
        groups: dict[str, list[Conversion]] = defaultdict(list)
        for article in articles:
            for conv in conversions(article):
                key = f"{NAME}:{conv.pair}"
                if wanted(key, keys):
                    groups[key].append(conv)
        for key in sorted(groups):
            group = sorted(groups[key], key=lambda c: (c.article.id, c.amount.start))
            corpus = _Corpus(group)
            for conv in group:
                yield _judge(key, conv, corpus)


class _Extremes:
    """Minimum and maximum of any slice of a fixed list in constant time (a sparse table)."""

    def __init__(self, values: list[float]) -> None:
        self.lows = [values]
        self.highs = [values]
        width = 1
        while 2 * width <= len(values):
            lo, hi = self.lows[-1], self.highs[-1]
            span = range(len(lo) - width)
            self.lows.append([min(lo[i], lo[i + width]) for i in span])
            self.highs.append([max(hi[i], hi[i + width]) for i in span])
            width *= 2

    def of(self, a: int, b: int) -> tuple[float, float]:
        """(min, max) of values[a:b], a < b."""
        level = (b - a).bit_length() - 1
        end = b - (1 << level)
        lo, hi = self.lows[level], self.highs[level]
        return min(lo[a], lo[end]), max(hi[a], hi[end])


class _Corpus:
    """The conversions of one pair, indexed so each judgement avoids rescanning the group."""

    def __init__(self, group: list[Conversion]) -> None:
        self.group = group
        self.by_value = sorted(group, key=lambda c: c.implied)
        self.by_article: dict[str, list[Conversion]] = defaultdict(list)
        for c in group:
            self.by_article[c.article.id].append(c)
        # undated conversions are comparable with every article, dated ones within PEER_DAYS
        self.undated = [c for c in self.by_value if _day(c.article) is None]
        self.undated_per_article = Counter(c.article.id for c in self.undated)
        dated = sorted(
            (day.toordinal(), c.implied, c.article.id) for c in group if (day := _day(c.article)) is not None
        )
        self.days = [d for d, _, _ in dated]
        self.dated_at: dict[str, list[int]] = defaultdict(list)  # article id -> indexes in ``dated``
        for i, (_, _, article_id) in enumerate(dated):
            self.dated_at[article_id].append(i)
        self.extremes = _Extremes([v for _, v, _ in dated])
        self.rates: _Rates = {}  # reference rates looked up so far

    def band(self, conv: Conversion) -> tuple[Interval, int] | None:
        """(min..max, count) of the comparable conversions in other articles."""
        own = conv.article.id
        day = _day(conv.article)
        if day is None:
            # undated: every other article is comparable; skip our own at both ends
            lo = next((c.implied for c in self.by_value if c.article.id != own), None)
            hi = next((c.implied for c in reversed(self.by_value) if c.article.id != own), None)
            if lo is None or hi is None:
                return None
            return Interval(lo, hi), len(self.group) - len(self.by_article[own])
        ends: list[float] = []
        count = 0
        lo = next((c.implied for c in self.undated if c.article.id != own), None)
        if lo is not None:
            hi = next(c.implied for c in reversed(self.undated) if c.article.id != own)
            ends += [lo, hi]
            count += len(self.undated) - self.undated_per_article[own]
        # dated peers within PEER_DAYS: a slice of ``days``, cut around our own article's entries
        first = bisect_left(self.days, day.toordinal() - PEER_DAYS)
        last = bisect_right(self.days, day.toordinal() + PEER_DAYS)
        start = first
        for i in [*(i for i in self.dated_at[own] if first <= i < last), last]:
            if start < i:
                ends += self.extremes.of(start, i)
                count += i - start
            start = i + 1
        return (Interval(min(ends), max(ends)), count) if count else None


def _judge(key: str, conv: Conversion, corpus: _Corpus) -> Finding:
    bounds = conv.bounds
    precision = max(_off(bounds.lo, Interval(conv.implied, conv.implied)), 0.0)
    precision = max(precision, _off(bounds.hi, Interval(conv.implied, conv.implied)))
    allowance = APPROX_ALLOWANCE if conv.hedged else 0.0
    parts = [f"{conv.arithmetic()}"]
    numbers: dict[str, object] = {
        "implied": round(conv.implied, 4),
        "implied_low": round(bounds.lo, 4),
        "implied_high": round(bounds.hi, 4),
        "unit": conv.unit,
    }
    bad = False
    severity = Severity.MEDIUM
    ref = _reference(conv, corpus.rates)
    if ref is not None:
        rate, tol, desc = ref
        off = _off(rate, bounds)
        gap = abs(conv.implied - rate) / rate
        allowed = tol + allowance
        numbers.update(reference=rate, reference_tolerance=tol, deviation=round(gap, 4))
        verdict = "within" if off <= allowed else "beyond"
        parts.append(f"{desc}, {gap:.1%} away ({verdict} the {allowed:.0%} allowed)")
        if off > allowed:
            bad = True
            if off > 3 * allowed or conv.implied <= 0:
                severity = Severity.HIGH
    same = [o for o in corpus.by_article[conv.article.id] if o is not conv]
    if same:
        peers = []
        for other in same:
            gap = abs(conv.implied - other.implied) / other.implied
            apart = not conv.bounds.overlaps(other.bounds, SAME_ARTICLE_TOLERANCE)
            peers.append({"text": other.amount.text, "implied": round(other.implied, 4)})
            word = "disagrees" if apart else "agrees"
            parts.append(
                f"the conversion of '{other.amount.text}' in the same article implies "
                f"{other.implied:.3f}, {gap:.1%} away ({word})"
            )
            bad = bad or apart
        numbers["same_article"] = peers
    if ref is None:
        found = corpus.band(conv)
        why = "no date" if _day(conv.article) is None else "no reference rate available"
        if found is not None:
            band, n_others = found
            off = _off(conv.implied, band) if not bounds.overlaps(band) else 0.0
            numbers.update(corpus_low=round(band.lo, 4), corpus_high=round(band.hi, 4), corpus_n=n_others)
            outlier = off > CORPUS_MARGIN + allowance
            parts.append(
                f"{why}, so compared with {n_others} conversion(s) in other articles "
                f"({band.lo:.3f}-{band.hi:.3f}): {'an outlier' if outlier else 'within their band'}"
                + (f", {off:.1%} outside" if off else "")
            )
            bad = bad or outlier
        elif not same:
            parts.append(
                f"{why} and no comparable conversion in other articles, so shown for information only"
            )
    text = "; ".join(parts) + "."
    return finding(
        NAME, key, bad, severity, [(conv.article, conv.amount), (conv.article, conv.base)], numbers, text
    )
