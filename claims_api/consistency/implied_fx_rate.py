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
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from claims_api.consistency.base import Interval, finding, fmt, rounding, wanted
from claims_api.consistency.memo import per_article
from claims_api.model import Article, Claim, Finding, Qualifier, Severity

NAME = "implied_fx_rate"

#: Extra relative allowance when either amount is hedged ("approximately US$1,800").
APPROX_ALLOWANCE = 0.05
#: Conversions in one article should use one rate: allowed gap beyond their precision.
SAME_ARTICLE_TOLERANCE = 0.01
#: a conversion is compared with at most this many of its article's other conversions of the pair,
#: the nearest in the text (half before, half after), so an article of thousands of conversions
#: costs work in proportion to them, not to their square (issue 12, defect 1)
SAME_ARTICLE_PEERS = 8
#: Tolerance of the reference rate when the reference gives none.
DEFAULT_TOLERANCE = 0.03
#: How far from the median of the other articles' conversions an undated one may fall (relative)...
CORPUS_MARGIN = 0.05
#: ...or this many robust spreads (1.4826 x median absolute deviation), when that is wider.
CORPUS_SPREADS = 4.0
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
    """The currency conversions the relation layer found (``relations.relate``), as Conversions.

    The pair is written with USD as the base when it is one of the two, else the alphabetically
    first currency ("GBP/EUR"), so every article states one pair the same way round.
    """
    from claims_api.relations import RelationKind, relate

    found = []
    for rel in relate(article).relations:
        if rel.kind is not RelationKind.CONVERSION or not rel.attrs.get("currency"):
            continue
        amount, base = (article.claims[m.index] for m in rel.members)
        hedged = any(c.qualifier is not Qualifier.EXACT for c in (amount, base))
        bounds = Interval(float(rel.attrs["implied_lo"]), float(rel.attrs["implied_hi"]))
        found.append(Conversion(article, amount, base, float(rel.attrs["implied"]), bounds, hedged))
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
        per_article = [conversions(article) for article in articles]  # one reading, shared
        for convs in per_article:
            for conv in convs:
                key = f"{NAME}:{conv.pair}"
                if wanted(key, keys):
                    groups[key].append(conv)
        corpus = _Corpus([c for convs in per_article for c in convs])
        for key in sorted(groups):
            group = sorted(groups[key], key=lambda c: (c.article.id, c.amount.start))
            for conv in group:
                yield _judge(key, conv, corpus)


def _median(values: list[float]) -> float:
    n = len(values)
    mid = n // 2
    return values[mid] if n % 2 else (values[mid - 1] + values[mid]) / 2


class _Corpus:
    """Every conversion of the run by pair, for robust bands (median and spread of other articles)."""

    #: above this many conversions of a pair, one article's own few barely move the median
    EXACT_UP_TO = 64

    def __init__(self, all_conversions: list[Conversion]) -> None:
        self.by_pair: dict[str, list[Conversion]] = defaultdict(list)
        for c in all_conversions:
            self.by_pair[c.pair].append(c)
        self.sorted = {p: sorted(x.implied for x in g) for p, g in self.by_pair.items()}
        self.by_article: dict[tuple[str, str], list[Conversion]] = defaultdict(list)
        #: a conversion's place among its article's conversions of the pair
        self.index: dict[int, int] = {}  # by id(): the conversions live as long as the corpus
        for c in all_conversions:
            group = self.by_article[(c.pair, c.article.id)]
            self.index[id(c)] = len(group)
            group.append(c)
        self.rates: _Rates = {}  # reference rates looked up so far
        self._band: dict[tuple[str, str], tuple[float, float, int] | None] = {}
        self._pair_band: dict[str, tuple[float, float] | None] = {}

    def band(self, pair: str, own: str) -> tuple[float, float, int] | None:
        """(median, relative spread, count) of the pair's conversions in articles other than ``own``."""
        key = (pair, own)
        if key in self._band:
            return self._band[key]
        values = self.sorted.get(pair, [])
        mine = [c.implied for c in self.by_article.get(key, [])]
        if len(values) > self.EXACT_UP_TO:
            # the whole pair's median and spread, computed once per pair (not once per article,
            # which made the band quadratic in the pair's conversions)
            whole = self._whole(pair, values)
            out = None if whole is None else (whole[0], whole[1], len(values) - len(mine))
            self._band[key] = out
            return out
        rest = list(values)
        for v in mine:
            rest.remove(v)
        out = self._spread(rest)
        if out is not None:
            out = (out[0], out[1], len(rest))
        self._band[key] = out
        return out

    def _whole(self, pair: str, values: list[float]) -> tuple[float, float] | None:
        if pair not in self._pair_band:
            self._pair_band[pair] = self._spread(values)
        return self._pair_band[pair]

    @staticmethod
    def _spread(values: list[float]) -> tuple[float, float] | None:
        """(median, relative spread: 1.4826 x median absolute deviation / median) of sorted values."""
        if not values:
            return None
        med = _median(values)
        spread = _median(sorted(abs(v - med) for v in values)) * 1.4826 / med if med else 0.0
        return med, spread

    def rate(self, num: str, den: str, own: str) -> float | None:
        """The corpus median of ``num`` per ``den`` (either way round), other articles only."""
        direct = self.band(f"{num}/{den}", own)
        if direct is not None:
            return direct[0]
        inverse = self.band(f"{den}/{num}", own)
        if inverse is not None and inverse[0]:
            return 1 / inverse[0]
        return None


@per_article
def _sharing(article: Article) -> dict[int, list[Conversion]]:
    """claim start -> the article's conversions that claim takes part in (one bracket's pairs)."""
    out: dict[int, list[Conversion]] = defaultdict(list)
    for c in conversions(article):
        out[c.amount.start].append(c)
        out[c.base.start].append(c)
    return out


def _triangulated(conv: Conversion, corpus: _Corpus) -> tuple[float, str] | None:
    """The pair's rate through a third currency: the article's own conversion to it times the corpus'.

    "6.8bn rand ($1.2bn; £910m)": rand per pound = (the article's rand per dollar) x (the corpus'
    dollars per pound); used when no other article converts the pair itself.
    """
    num, den = conv.amount.unit or "", conv.base.unit or ""
    own = conv.article.id
    for other in _sharing(conv.article).get(conv.amount.start, ()):
        if other is conv:
            continue
        units = {other.amount.unit, other.base.unit}
        for mine, third in ((num, (units - {num}).pop() if num in units and len(units) == 2 else None),):
            if third is None or third == den:
                continue
            # num per third, from the article itself
            first = other.implied if other.amount.unit == mine else 1 / other.implied
            second = corpus.rate(third, den, own)
            if second is None:
                continue
            return first * second, (
                f"{first:.4g} {mine} per {third} (this article) x "
                f"{second:.4g} {third} per {den} (corpus median)"
            )
    return None


def opening(conv: Conversion) -> tuple[float, list[str], dict[str, object]]:
    """The start of a conversion's finding: its hedging allowance, its arithmetic, its numbers."""
    bounds = conv.bounds
    numbers: dict[str, object] = {
        "implied": round(conv.implied, 4),
        "implied_low": round(bounds.lo, 4),
        "implied_high": round(bounds.hi, 4),
        "unit": conv.unit,
    }
    return (APPROX_ALLOWANCE if conv.hedged else 0.0), [conv.arithmetic()], numbers


def against_reference(
    conv: Conversion,
    ref: tuple[float, float, str] | None,
    allowance: float,
    parts: list[str],
    numbers: dict[str, object],
) -> tuple[bool, Severity]:
    """Judge a conversion against the reference rate of its date (if any); adds the arithmetic."""
    if ref is None:
        return False, Severity.MEDIUM
    rate, tol, desc = ref
    off = _off(rate, conv.bounds)
    gap = abs(conv.implied - rate) / rate
    allowed = tol + allowance
    numbers.update(reference=rate, reference_tolerance=tol, deviation=round(gap, 4))
    verdict = "within" if off <= allowed else "beyond"
    parts.append(f"{desc}, {gap:.1%} away ({verdict} the {allowed:.0%} allowed)")
    if off <= allowed:
        return False, Severity.MEDIUM
    return True, (Severity.HIGH if off > 3 * allowed or conv.implied <= 0 else Severity.MEDIUM)


def same_article_peers(of_pair: Sequence[Conversion], i: int) -> list[Conversion]:
    """The conversions of ``of_pair`` (one article's conversions of one pair, in text order) that
    the ``i``-th is compared with: all the others, or the ``SAME_ARTICLE_PEERS`` nearest."""
    if len(of_pair) <= SAME_ARTICLE_PEERS + 1:
        return [o for k, o in enumerate(of_pair) if k != i]
    half = SAME_ARTICLE_PEERS // 2
    lo = max(0, min(i - half, len(of_pair) - 1 - SAME_ARTICLE_PEERS))
    window = of_pair[lo : lo + SAME_ARTICLE_PEERS + 1]
    return [o for k, o in enumerate(window, start=lo) if k != i]


def against_same_article(
    conv: Conversion,
    same: Sequence[Conversion],
    parts: list[str],
    numbers: dict[str, object],
    ref: tuple[float, float, str] | None,
) -> bool:
    """Judge a conversion against its article's other conversions of the pair (if any). Where
    the date has a reference rate, the reference decides and the disagreement is only written
    out: a wrong conversion beside a right one does not make the right one wrong."""
    if not same:
        return False
    bad = False
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
    return bad and ref is None


def _judge(key: str, conv: Conversion, corpus: _Corpus) -> Finding:
    bounds = conv.bounds
    precision = max(_off(bounds.lo, Interval(conv.implied, conv.implied)), 0.0)
    precision = max(precision, _off(bounds.hi, Interval(conv.implied, conv.implied)))
    allowance, parts, numbers = opening(conv)
    ref = _reference(conv, corpus.rates)
    bad, severity = against_reference(conv, ref, allowance, parts, numbers)
    of_pair = corpus.by_article[(conv.pair, conv.article.id)]
    same = same_article_peers(of_pair, corpus.index[id(conv)])
    bad = against_same_article(conv, same, parts, numbers, ref) or bad
    if ref is None:
        why = "no date" if _day(conv.article) is None else "no reference rate available"
        band = corpus.band(conv.pair, conv.article.id)
        if band is not None:
            med, spread, n_others = band
            allowed = max(CORPUS_MARGIN, CORPUS_SPREADS * spread) + allowance
            off = _off(med, bounds)
            outlier = off > allowed
            numbers.update(corpus_median=round(med, 4), corpus_spread=round(spread, 4), corpus_n=n_others)
            parts.append(
                f"{why}, so compared with the median {med:.4g} of {n_others} conversion(s) of {conv.pair} in "
                f"other articles (spread {spread:.1%}): {off:.1%} away, "
                + ("an outlier" if outlier else "within")
                + f" the {allowed:.0%} allowed"
            )
            bad = bad or outlier
        else:
            derived = _triangulated(conv, corpus)
            if derived is not None:
                expected, how = derived
                off = _off(expected, bounds)
                allowed = CORPUS_MARGIN + allowance
                numbers.update(derived=round(expected, 4))
                parts.append(
                    f"{why} and no other conversion of {conv.pair}; {how} gives {expected:.4g}: "
                    f"{off:.1%} away, "
                    + ("beyond" if off > allowed else "within")
                    + f" the {allowed:.0%} allowed"
                )
                bad = bad or off > allowed
            elif not same:
                parts.append(
                    f"{why} and no comparable conversion in other articles, so shown for information only"
                )
    text = "; ".join(parts) + "."
    return finding(
        NAME, key, bad, severity, [(conv.article, conv.amount), (conv.article, conv.base)], numbers, text
    )
