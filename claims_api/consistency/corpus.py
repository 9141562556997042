"""Compact corpus rows and the cross-article judges over them (pure: no database here).

Per article, ``rows(article)`` keeps what the cross-article rules need and nothing else: each
currency conversion's pair and implied rate (``FxRow``) and each comparable figure's subject key
and interval (``FigureRow``). The judges decide one group key at a time from aggregates of those
rows, read through a small source interface (``FxSource``, ``FigureSource``): storage answers it
with indexed queries, ``MemorySource`` with sorted lists, so a store and ``report(articles)`` give
the same findings.

* ``implied_fx_rate:<pair>``: a conversion without a reference rate for its date is judged
  against a robust band of the pair's OTHER conversions: their quartiles widened by
  ``IQR_FENCE`` interquartile ranges (Tukey's fences), never including the one judged, so one
  wrong rate does not widen the band it is judged against. The peers are the bucket's
  ``BAND_PEERS`` newest conversions (by article id): quartiles of a few hundred agreeing rates
  are as robust as of all of them, rates drift, and reading a bounded window keeps the cost of a
  re-judgement independent of how many conversions the pair has. Dated conversions are compared with
  conversions dated in the same calendar year (so peers are within about a year of each other,
  see ``implied_fx_rate.PEER_DAYS``); undated ones with all the pair's conversions. Only
  outliers get a finding of their own, at most ``OUTLIER_CAP`` per side, plus one summary per
  pair, so a store rewrites few findings however large the pair is. The per-conversion
  judgement against the reference rate and the same article's other conversions depends on the
  article alone: ``article_findings``.
* ``conflicting_figures:<subject>``: figures of one subject in different sentences (of one or
  several articles) are split where neighbouring sizes are more than ``MAX_RATIO`` apart and
  each cluster is judged on whether its intervals meet. A group of more than ``GROUP_CAP``
  figures is judged on its ``GROUP_CAP // 2`` smallest and largest (the extremes decide
  whether intervals meet), so the work per key is bounded: no judge counts a whole group.

``rows`` is the one adapter from the per-article analysis: it reads the relation layer
(``relations.relate``): the conversion relations (through ``implied_fx_rate.conversions``) and
each claim's cross-article subject key (``relations.subjects``).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from claims_api.consistency import conflicting_figures as cf
from claims_api.consistency import implied_fx_rate as fx
from claims_api.consistency.base import Interval, figure, fmt
from claims_api.model import Article, ClaimRef, Finding, Severity, Status
from claims_api.relations import subjects as claim_subjects

FX_PREFIX = f"{fx.NAME}:"
FIGURE_PREFIX = f"{cf.NAME}:"
#: Tukey's fences: the band is [q1 - IQR_FENCE * iqr, q3 + IQR_FENCE * iqr] of the peers' rates.
IQR_FENCE = 1.5
#: Outlier findings per side of one pair's band; further candidates are counted, not listed.
OUTLIER_CAP = 25
#: Figures compared in one subject group; larger groups are judged on their extremes.
GROUP_CAP = 40
#: the newest conversions of a bucket (pair and year) that make its band; older ones are judged
#: against it but no longer shape it
BAND_PEERS = 250
#: a bucket (pair and year) of at most this many conversions lists every judged one inside its
#: band as a consistent finding too (what a small corpus shows); a bigger bucket its outliers only
LIST_UP_TO = 64
#: how far beyond the IQR band a conversion may lie before it is an outlier (the band is narrow:
#: quartiles of agreeing rates); hedged conversions get implied_fx_rate.APPROX_ALLOWANCE more
BAND_MARGIN = 0.10


@dataclass(frozen=True, slots=True)
class FxRow:
    """One currency conversion: ``amount_pos`` / ``base_pos`` index ``Article.claims``."""

    article_id: str
    amount_pos: int
    base_pos: int
    pair: str  # "PEN/USD": units of the first per unit of the second
    rate: float  # the implied rate
    lo: float  # the rates the printed precision allows
    hi: float
    date: str | None  # the article's day (ISO), None when undated
    judged: bool  # True when no reference rate exists for it: the corpus band judges it
    hedged: bool  # either amount is hedged ("about")
    arithmetic: str  # "12.97e9 / 3.422e9 = 3.790 PEN per USD"

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def ident(self) -> tuple[str, int, int]:
        return (self.article_id, self.amount_pos, self.base_pos)


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure a subject group compares (alone of its subject in its sentence)."""

    article_id: str
    position: int
    key: str  # "conflicting_figures:money|USD|deficit|Peru|2024"
    kind: str
    unit: str | None
    lo: float
    hi: float
    date: str | None
    text: str  # the claim's text, for explanations
    shown: str  # base.figure(claim): "~33e9", ">=60"
    value: float | None

    @property
    def size(self) -> float:
        return _size(self.lo, self.hi)


@dataclass(frozen=True, slots=True)
class CorpusRows:
    fx: tuple[FxRow, ...] = ()
    figures: tuple[FigureRow, ...] = ()

    def keys(self) -> set[str]:
        """The cross-article group keys these rows fall in."""
        return {FX_PREFIX + r.pair for r in self.fx} | {r.key for r in self.figures}


def _size(lo: float, hi: float) -> float:
    return lo if math.isinf(hi) else (lo + hi) / 2


def _id_order(article_id: str) -> tuple[int, int, str]:
    """Article ids in a stable order: numeric ids (stored articles) by number, others by text."""
    return (0, int(article_id), "") if article_id.isdigit() else (1, 0, article_id)


def fx_order(r: FxRow) -> tuple[object, ...]:
    return (r.rate, _id_order(r.article_id), r.amount_pos)


def newest_order(r: FxRow | Peer) -> tuple[object, ...]:
    """Age order: the highest article id (the newest stored) sorts last."""
    return (_id_order(r.article_id), r.amount_pos, r.base_pos)


def median(rates: Sequence[float]) -> float | None:
    """The median of sorted ``rates`` (None when empty)."""
    return _quartiles(rates.__getitem__, len(rates))[1] if rates else None


@dataclass(frozen=True, slots=True)
class Peer:
    """One conversion as a peer in a band: its rate and which row it is."""

    rate: float
    article_id: str
    amount_pos: int
    base_pos: int

    @property
    def ident(self) -> tuple[str, int, int]:
        return (self.article_id, self.amount_pos, self.base_pos)


def peer_order(p: Peer) -> tuple[object, ...]:
    return (p.rate, _id_order(p.article_id), p.amount_pos, p.base_pos)


def figure_order(r: FigureRow) -> tuple[object, ...]:
    return (r.size, _id_order(r.article_id), r.position)


# -- rows of one article -----------------------------------------------------------------------


def rows(article: Article) -> CorpusRows:
    """The compact rows of ``article`` (the adapter from the per-article analysis)."""
    index = {id(c): i for i, c in enumerate(article.claims)}
    day = fx._day(article)
    rates: fx._Rates = {}
    fx_rows = []
    for conv in fx.conversions(article):
        fx_rows.append(
            FxRow(
                article_id=article.id,
                amount_pos=index[id(conv.amount)],
                base_pos=index[id(conv.base)],
                pair=conv.pair,
                rate=conv.implied,
                lo=conv.bounds.lo,
                hi=conv.bounds.hi,
                date=day.isoformat() if day else None,
                judged=fx._reference(conv, rates) is None,
                hedged=conv.hedged,
                arithmetic=conv.arithmetic(),
            )
        )
    # the cross-article key of each claim's measured thing, as the relation pass gives it
    subjects = claim_subjects(article)
    members = []
    for i, claim in enumerate(article.claims):
        key = subjects[i]
        iv = cf._value_interval(claim) if key is not None else None
        if key is not None and iv is not None:
            members.append((key, i, claim, iv))
    # one sentence with two figures of one subject compares or lists them: neither is compared
    per_sentence = Counter((key, c.sentence_start) for key, _, c, _ in members)
    figures = tuple(
        FigureRow(
            article_id=article.id,
            position=i,
            key=key,
            kind=claim.kind.value,
            unit=claim.unit,
            lo=iv.lo,
            hi=iv.hi,
            date=day.isoformat() if day else None,
            text=claim.text,
            shown=figure(claim),
            value=claim.value,
        )
        for key, i, claim, iv in members
        if per_sentence[(key, claim.sentence_start)] == 1
    )
    return CorpusRows(tuple(fx_rows), figures)


def article_findings(article: Article) -> list[Finding]:
    """implied_fx_rate's judgement of each conversion that needs no other article: against the
    reference rate of its date, and against the same article's other conversions of its pair.
    A conversion with neither gets no finding here (the corpus band judges it)."""
    convs = fx.conversions(article)
    by_pair: dict[str, list[fx.Conversion]] = defaultdict(list)
    place: list[int] = []
    for c in convs:
        place.append(len(by_pair[c.pair]))
        by_pair[c.pair].append(c)
    rates: fx._Rates = {}
    out = []
    for conv, i in zip(convs, place, strict=True):
        same = fx.same_article_peers(by_pair[conv.pair], i)
        ref = fx._reference(conv, rates)
        if ref is None and not same:
            continue
        allowance, parts, numbers = fx.opening(conv)
        bad, severity = fx.against_reference(conv, ref, allowance, parts, numbers)
        if ref is None:
            why = "no date" if fx._day(article) is None else "no reference rate available"
            parts.append(f"{why}: the other articles' conversions of {conv.pair} judge it too")
        bad = fx.against_same_article(conv, same, parts, numbers, ref) or bad
        refs = tuple(sorted((article.ref(conv.amount), article.ref(conv.base)), key=lambda r: r.start))
        out.append(
            Finding(
                rule=fx.NAME,
                status=Status.INCONSISTENT if bad else Status.CONSISTENT,
                severity=severity if bad else Severity.INFO,
                claims=refs,
                numbers=numbers,
                explanation="; ".join(parts) + ".",
                key=FX_PREFIX + conv.pair,
            )
        )
    return out


# -- judges ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Draft:
    """A finding before its claims are looked up: members are (article id, claim position)."""

    rule: str
    key: str
    inconsistent: bool
    severity: Severity
    members: tuple[tuple[str, int], ...]
    numbers: dict[str, object]
    explanation: str

    def digest(self, version: str) -> str:
        """A fingerprint of the finding this draft makes under rules ``version``: a store keeps a
        key's findings whose fingerprint a re-judgement gives again, and rewrites only the rest."""
        payload = json.dumps(
            [version, self.rule, self.key, self.inconsistent, str(self.severity), self.members]
            + [self.numbers, self.explanation],
            sort_keys=True,
            default=str,
        )
        return hashlib.blake2b(payload.encode("utf-8"), digest_size=16).hexdigest()

    def finding(self, ref: Callable[[str, int], ClaimRef]) -> Finding:
        refs = tuple(sorted((ref(a, p) for a, p in self.members), key=_ref_order))
        return Finding(
            rule=self.rule,
            status=Status.INCONSISTENT if self.inconsistent else Status.CONSISTENT,
            severity=self.severity if self.inconsistent else Severity.INFO,
            claims=refs,
            numbers=self.numbers,
            explanation=self.explanation,
            key=self.key,
        )


def _ref_order(r: ClaimRef) -> tuple[object, ...]:
    return (_id_order(str(r.article_id)), r.start, r.end)


class FxSource(Protocol):
    """Aggregates of one pair's FxRows. ``year`` None means every row of the pair as peers and
    the undated rows as the judged ones; a year means the rows dated in that year."""

    def years(self, pair: str) -> list[int | None]:
        """The buckets holding judged rows (None for undated ones), ascending, None first."""

    def window(self, pair: str, year: int | None, limit: int) -> list[Peer]:
        """The bucket's ``limit`` newest rows (``newest_order``, last first) as peers, in
        ``fx_order``."""

    def siblings(self, row: FxRow) -> list[FxRow]:
        """The other rows of ``row``'s article that convert its amount claim (either side)."""

    def median_other(self, pair: str, article_id: str, limit: int) -> float | None:
        """The median rate of the pair's ``limit`` newest rows in articles other than
        ``article_id`` (None: none)."""

    def below(self, pair: str, year: int | None, rate: float, limit: int) -> list[FxRow]:
        """Judged rows of the bucket with a rate under ``rate``, in ``fx_order``."""

    def above(self, pair: str, year: int | None, rate: float, limit: int) -> list[FxRow]:
        """Judged rows of the bucket with a rate over ``rate``, in reverse ``fx_order``."""


class FigureSource(Protocol):
    def lowest(self, key: str, n: int) -> list[FigureRow]:
        """The ``n`` first rows of the key in ``figure_order``."""

    def highest(self, key: str, n: int) -> list[FigureRow]:
        """The ``n`` last rows of the key in ``figure_order``, last first."""


def judge(key: str, fx_source: FxSource, figure_source: FigureSource) -> list[Draft]:
    """The cross-article findings of one group key."""
    if key.startswith(FX_PREFIX):
        return judge_pair(key.removeprefix(FX_PREFIX), fx_source)
    if key.startswith(FIGURE_PREFIX):
        return judge_subject(key, figure_source)
    return []


def _quartiles(at: Callable[[int], float], n: int) -> tuple[float, float, float]:
    """(q1, median, q3) of n sorted values read through ``at`` (nearest rank, symmetric)."""
    r1 = (n - 1) // 4
    median = (at((n - 1) // 2) + at(n // 2)) / 2
    return at(r1), median, at(n - 1 - r1)


def _off(value: float, band: Interval) -> float:
    return fx._off(value, band)


def _band(rates: Sequence[float]) -> tuple[Interval, float, float, float]:
    """Tukey's band of sorted ``rates`` and their (q1, median, q3)."""
    q1, median, q3 = _quartiles(rates.__getitem__, len(rates))
    spread = q3 - q1
    return Interval(q1 - IQR_FENCE * spread, q3 + IQR_FENCE * spread), q1, median, q3


def judge_pair(pair: str, src: FxSource) -> list[Draft]:
    key = FX_PREFIX + pair
    everything, more_all = _window(src, pair, None)
    if not everything:
        return []
    drafts: list[Draft] = []
    outliers = 0
    unit = pair.replace("/", " per ")
    for year in src.years(pair):
        window, more = (everything, more_all) if year is None else _window(src, pair, year)
        rates = [p.rate for p in window]
        inside = {p.ident for p in window}
        n = len(window)
        m = n - 1  # peers of a judged row inside the window; one outside has all n
        flagged: set[tuple[str, int, int]] = set()
        if m < 1:
            drafts += _listed(key, pair, year, src, flagged, None, n)
            continue
        whole = _band(rates)
        # Leaving one row out shifts the quartiles by one rank at most, and only two ways: a row
        # ranked at or below q1 sees the ranks above it (``low``), one at or above q3 the ranks
        # below (``high``); a row between the quartiles lies inside its band either way.
        for side in ("low", "high"):
            own = _band(rates[1:] if side == "low" else rates[:-1])
            # rows older than the window are judged against all of it (``whole``)
            lo, hi = (
                (min(own[0].lo, whole[0].lo), max(own[0].hi, whole[0].hi)) if more else (own[0].lo, own[0].hi)
            )
            if side == "low":
                found = src.below(pair, year, lo / (1 + BAND_MARGIN), OUTLIER_CAP)
            else:
                found = src.above(pair, year, hi / (1 - BAND_MARGIN), OUTLIER_CAP)
            for row in found:
                ident = row.ident
                band, q1, median, q3 = own if ident in inside else whole
                peers_n = m if ident in inside else n
                off = 0.0 if Interval(row.lo, row.hi).overlaps(band) else _off(row.rate, band)
                allowed = BAND_MARGIN + (fx.APPROX_ALLOWANCE if row.hedged else 0.0)
                if off <= allowed:
                    continue
                outliers += 1
                flagged.add(ident)
                peers = f"dated in {year}" if year is not None else "in the store"
                if more:
                    peers += f" (the {n} newest)"
                why = "no date" if row.date is None else "no reference rate available"
                drafts.append(
                    Draft(
                        rule=fx.NAME,
                        key=key,
                        inconsistent=True,
                        severity=Severity.HIGH if off > 3 * allowed else Severity.MEDIUM,
                        members=((row.article_id, row.amount_pos), (row.article_id, row.base_pos)),
                        numbers={
                            "implied": round(row.rate, 4),
                            "implied_low": round(row.lo, 4),
                            "implied_high": round(row.hi, 4),
                            "unit": unit,
                            "corpus_median": round(median, 4),
                            "corpus_q1": round(q1, 4),
                            "corpus_q3": round(q3, 4),
                            "corpus_low": round(band.lo, 4),
                            "corpus_high": round(band.hi, 4),
                            "corpus_n": peers_n,
                        },
                        explanation=(
                            f"{row.arithmetic}; {why}, so compared with the {peers_n} other conversion(s) "
                            f"of {pair} {peers}: median {median:.4g}, quartiles {q1:.4g}-{q3:.4g}, "
                            f"band {band.lo:.4g}-{band.hi:.4g}: an outlier, {off:.1%} outside."
                        ),
                    )
                )
        drafts += _listed(key, pair, year, src, flagged, whole[0], n)
    n_all = len(everything)
    if n_all >= 2:
        _, q1, median, q3 = _band([p.rate for p in everything])
        counted = f"the {n_all} newest conversions" if more_all else f"{n_all} conversions"
        drafts.append(
            Draft(
                rule=fx.NAME,
                key=key,
                inconsistent=False,
                severity=Severity.INFO,
                members=(),
                numbers={
                    "pair": pair,
                    "n": n_all,
                    **({"more": True} if more_all else {}),
                    "median": round(median, 4),
                    "q1": round(q1, 4),
                    "q3": round(q3, 4),
                    "outliers": outliers,
                },
                explanation=(
                    f"{pair}: {counted}, median {median:.4g} {unit}, spread (interquartile) "
                    f"{q1:.4g}-{q3:.4g}; {outliers} outlier(s) among those without a reference rate."
                ),
            )
        )
    return drafts


def _window(src: FxSource, pair: str, year: int | None) -> tuple[list[Peer], bool]:
    """The bucket's band window in ``peer_order`` and whether the bucket holds more rows."""
    window = src.window(pair, year, BAND_PEERS + 1)
    if len(window) <= BAND_PEERS:
        return window, False
    oldest = min(window, key=newest_order)
    return [p for p in window if p is not oldest], True


def _triangulated(row: FxRow, src: FxSource) -> tuple[float, str] | None:
    """The pair's rate through a third currency: the article's own conversion of the same amount
    to it times the median of the other articles' conversions between the third currency and the
    base (as ``implied_fx_rate._triangulated``). "6.8bn rand ($1.2bn; £910m)": rand per pound =
    (the article's rand per dollar) x (the corpus' dollars per pound)."""
    num, den = row.pair.split("/", 1)
    for other in src.siblings(row):
        a, b = other.pair.split("/", 1)
        if num not in (a, b) or a == b:
            continue
        third = b if a == num else a
        if third == den:
            continue
        first = other.rate if a == num else 1 / other.rate
        second = src.median_other(f"{third}/{den}", row.article_id, BAND_PEERS)
        if second is None:
            inverse = src.median_other(f"{den}/{third}", row.article_id, BAND_PEERS)
            second = 1 / inverse if inverse else None
        if second is None:
            continue
        return first * second, (
            f"{first:.4g} {num} per {third} (this article) x {second:.4g} {third} per {den} (corpus median)"
        )
    return None


def _listed(
    key: str,
    pair: str,
    year: int | None,
    src: FxSource,
    flagged: set[tuple[str, int, int]],
    band: Interval | None,
    n: int,
) -> list[Draft]:
    """A small bucket's judged conversions that are no outlier, each as a consistent finding."""
    if n > LIST_UP_TO:
        return []
    unit = pair.replace("/", " per ")
    peers = f"dated in {year}" if year is not None else "in the store"
    out = []
    for row in src.below(pair, year, 1e308, LIST_UP_TO):
        if row.ident in flagged:
            continue
        numbers: dict[str, object] = {
            "implied": round(row.rate, 4),
            "implied_low": round(row.lo, 4),
            "implied_high": round(row.hi, 4),
            "unit": unit,
            "corpus_n": n - 1,
        }
        derived = _triangulated(row, src) if band is None else None
        if derived is not None:
            expected, how = derived
            off = _off(expected, Interval(row.lo, row.hi))
            allowed = fx.CORPUS_MARGIN + (fx.APPROX_ALLOWANCE if row.hedged else 0.0)
            numbers["derived"] = round(expected, 4)
            text = (
                f"{row.arithmetic}; no other conversion of {pair} {peers}; {how} gives {expected:.4g}: "
                f"{off:.1%} away, "
                + ("beyond" if off > allowed else "within")
                + f" the {allowed:.0%} allowed."
            )
            members = ((row.article_id, row.amount_pos), (row.article_id, row.base_pos))
            out.append(
                Draft(
                    fx.NAME,
                    key,
                    off > allowed,
                    Severity.MEDIUM if off > allowed else Severity.INFO,
                    members,
                    numbers,
                    text,
                )
            )
            continue
        if band is None:
            text = f"{row.arithmetic}; no other conversion of {pair} {peers}, so shown for information only."
        else:
            numbers.update(corpus_low=round(band.lo, 4), corpus_high=round(band.hi, 4))
            text = (
                f"{row.arithmetic}, inside the corpus band of {band.lo:.4g}-{band.hi:.4g} {unit} "
                f"({n} conversion(s) of {pair} {peers})."
            )
        members = ((row.article_id, row.amount_pos), (row.article_id, row.base_pos))
        out.append(Draft(fx.NAME, key, False, Severity.INFO, members, numbers, text))
    return out


def judge_subject(key: str, src: FigureSource) -> list[Draft]:
    members = src.lowest(key, GROUP_CAP + 1)  # never a count of the whole group
    if len(members) < 2:
        return []
    if len(members) <= GROUP_CAP:
        note = ""
    else:
        half = GROUP_CAP // 2
        members = members[:half] + list(reversed(src.highest(key, half)))
        note = f" (more than {GROUP_CAP} figures: the {half} smallest and the {half} largest compared)"
    drafts = []
    for cluster in _clusters(members):
        if len(cluster) >= 2:
            drafts.append(_judge_cluster(key, cluster, note))
    return drafts


def _clusters(ordered: Sequence[FigureRow]) -> list[list[FigureRow]]:
    """The rows (in ``figure_order``) split where neighbouring sizes are more than MAX_RATIO apart."""
    out: list[list[FigureRow]] = []
    prev = None
    for r in ordered:
        size = r.size
        if prev is None or prev <= 0 or size > prev * cf.MAX_RATIO:
            out.append([])
        out[-1].append(r)
        prev = size
    return out


def _judge_cluster(key: str, cluster: list[FigureRow], note: str) -> Draft:
    members = sorted(cluster, key=lambda r: (_id_order(r.article_id), r.position))
    high = max(members, key=lambda r: (r.lo, _id_order(r.article_id), r.position))
    low = min(members, key=lambda r: (r.hi, _id_order(r.article_id), r.position))
    words = key.split(":", 1)[1].split("|")
    about = f"{words[2]} ({', '.join(words[3].split('+'))}"
    about += f", {words[4].replace('+', ', ')})" if words[4] else ")"
    cross = len({r.article_id for r in members}) > 1
    numbers: dict[str, object] = {
        "subject": about,
        "values": [{"article_id": r.article_id, "text": r.text, "low": r.lo, "high": r.hi} for r in members],
    }
    if high.lo > low.hi:
        gap = (high.lo - low.hi) / max(abs(low.hi), 1e-12)
        numbers["gap"] = round(gap, 4)
        raw = abs(high.value or high.lo) / max(abs(low.value or low.hi), 1e-12) - 1
        where = "two articles" if high.article_id != low.article_id else "the same article"
        text = (
            f"{where.capitalize()} give {about} as {low.shown} ('{low.text}') and "
            f"{high.shown} ('{high.text}'): '{low.text}' allows at most {fmt(low.hi)} "
            f"and '{high.text}' at least {fmt(high.lo)}: {raw:.1%} apart, "
            f"{gap:.1%} beyond rounding and qualifiers.{note}"
        )
        severity = Severity.HIGH if high.article_id != low.article_id else Severity.MEDIUM
        parts = ((low.article_id, low.position), (high.article_id, high.position))
        return Draft(cf.NAME, key, True, severity, parts, numbers, text)
    lo = max(r.lo for r in members)
    hi = min(r.hi for r in members)
    text = (
        f"{len(members)} figures for {about} agree: "
        + ", ".join(f"'{r.text}' {Interval(r.lo, r.hi).show()}" for r in members)
        + f" all admit {Interval(lo, hi).show()}.{note}"
    )
    severity = Severity.HIGH if cross else Severity.MEDIUM
    return Draft(
        cf.NAME, key, False, severity, tuple((r.article_id, r.position) for r in members), numbers, text
    )


# -- in memory ---------------------------------------------------------------------------------


class MemorySource:
    """Both sources over rows held in memory (``report(articles)``, tests)."""

    def __init__(self, all_rows: Iterable[CorpusRows]) -> None:
        fx_rows: dict[str, list[FxRow]] = defaultdict(list)
        figures: dict[str, list[FigureRow]] = defaultdict(list)
        for r in all_rows:
            for f in r.fx:
                fx_rows[f.pair].append(f)
            for g in r.figures:
                figures[g.key].append(g)
        self._fx = {p: sorted(v, key=fx_order) for p, v in fx_rows.items()}
        self._by_article: dict[str, list[FxRow]] = defaultdict(list)
        for v in self._fx.values():
            for f in v:
                self._by_article[f.article_id].append(f)
        self._figures = {k: sorted(v, key=figure_order) for k, v in figures.items()}

    def keys(self) -> list[str]:
        return sorted({FX_PREFIX + p for p in self._fx} | set(self._figures))

    def _peers(self, pair: str, year: int | None) -> list[FxRow]:
        rows_ = self._fx.get(pair, [])
        return rows_ if year is None else [r for r in rows_ if r.year == year]

    def _judged(self, pair: str, year: int | None) -> list[FxRow]:
        return [r for r in self._fx.get(pair, []) if r.judged and r.year == year]

    def years(self, pair: str) -> list[int | None]:
        found = {r.year for r in self._fx.get(pair, []) if r.judged}
        return sorted(found, key=lambda y: (y is not None, y or 0))

    def window(self, pair: str, year: int | None, limit: int) -> list[Peer]:
        newest = sorted(self._peers(pair, year), key=newest_order, reverse=True)[:limit]
        return sorted((Peer(r.rate, r.article_id, r.amount_pos, r.base_pos) for r in newest), key=peer_order)

    def siblings(self, row: FxRow) -> list[FxRow]:
        return [
            r
            for r in sorted(self._by_article.get(row.article_id, []), key=fx_order)
            if (r.amount_pos, r.base_pos) != (row.amount_pos, row.base_pos)
            and row.amount_pos in (r.amount_pos, r.base_pos)
        ]

    def median_other(self, pair: str, article_id: str, limit: int) -> float | None:
        others = [r for r in self._fx.get(pair, []) if r.article_id != article_id]
        return median(sorted(r.rate for r in sorted(others, key=newest_order, reverse=True)[:limit]))

    def below(self, pair: str, year: int | None, rate: float, limit: int) -> list[FxRow]:
        return [r for r in self._judged(pair, year) if r.rate < rate][:limit]

    def above(self, pair: str, year: int | None, rate: float, limit: int) -> list[FxRow]:
        return [r for r in reversed(self._judged(pair, year)) if r.rate > rate][:limit]

    def lowest(self, key: str, n: int) -> list[FigureRow]:
        return self._figures.get(key, [])[:n]

    def highest(self, key: str, n: int) -> list[FigureRow]:
        return list(reversed(self._figures.get(key, [])))[:n]


def cross_findings(articles: Sequence[Article], all_rows: Sequence[CorpusRows]) -> list[Finding]:
    """The cross-article findings over ``articles`` (whose rows are ``all_rows``)."""
    by_id = {a.id: a for a in articles}
    src = MemorySource(all_rows)

    def ref(article_id: str, position: int) -> ClaimRef:
        a = by_id[article_id]
        return a.ref(a.claims[position])

    return [d.finding(ref) for key in src.keys() for d in judge(key, src, src)]
