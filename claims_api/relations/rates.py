"""Reading rates and totals for ``rate_total`` relations (GUIDELINE v2: rate x period = total).

A rate ("six crimes per day", "500 homes a month") is paired with the counts of its own sentence
or the next one (adjacent, no blank line between) whose period is stated: a duration claim in the
count's sentence ("444 victims in 80 days"), or a phrase right after the count ("2,190 in the
last year", "2,190 homicides nationwide last year"). The counted nouns must be compatible (the
same lemma, or one group of ``related_measures``: crimes, killings, victims). A planned figure (a
target, pledge, need or forecast: a ``plan_cues`` word governs it) is paired only with another
planned one: a target says nothing about what was done.

Each relation records how it was found (``same-sentence`` / ``next-sentence``, ``period:phrase``
/ ``period:duration``) and, in ``attrs``, the period in days (``period_days_lo/hi``), the words
that state it (``period_text``) and whether the figures are ``planned``. Every step is bounded:
at most ``WINDOW`` counts around the rate in its sentence and ``WINDOW`` in the next.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from claims_api import lexicons
from claims_api.consistency.base import DAYS, Interval, duration_days, interval, numeric, per_day
from claims_api.consistency.context import (
    after,
    clause_words,
    counted_noun,
    measured,
    window,
    word_lemma,
)
from claims_api.model import Article, Claim, Kind
from claims_api.relations.model import Member, Relation, RelationKind, Role
from claims_api.relations.reading import opens_with_reference, tokens

#: How many counts of the rate's sentence (nearest first) and of the next sentence are paired.
WINDOW = 6
_LETTERS = re.compile(r"[A-Za-z]+")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_RATE = Kind.RATE
#: What a rate's total may be: a count ("2,190 killings"), or a quantity of what the rate counts
#: ("140,000 hectares a day, some 4.2 million hectares over the month").
_TOTAL_KINDS = (Kind.COUNT, Kind.QUANTITY)


@functools.cache
def _related() -> tuple[frozenset[str], ...]:
    return tuple(
        frozenset(w.strip() for w in line.split(",") if w.strip())
        for line in lexicons.words("related_measures")
    )


def _alternatives(name: str) -> str:
    return "|".join(re.escape(w) for w in sorted(lexicons.words(name), key=len, reverse=True))


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(period after a total, a rate's "per <period>", a clause break), built from the lexicons."""
    units = "|".join(sorted(DAYS, key=len, reverse=True))
    recent = _alternatives("period_recent")
    period_after = re.compile(
        r"^\s*(?:[^\W\d_]+\s+){0,2}?"  # up to two words first: "homicides nationwide last year"
        rf"(?:(?:{_alternatives('period_prepositions')})\s+(?:the\s+)?(?:(?:{recent})\s+)?|(?:the\s+)?(?:{recent})\s+)"
        rf"(?:(?:{_alternatives('period_counts')})\s+)?({units})\b",
        re.I,
    )
    per = re.compile(rf"\s(?:{_alternatives('per_words')})\s+(?:{units})\b", re.I)
    scope_break = re.compile(
        rf"[;:\u2014\u2013]|\s-\s|,\s*and\b|\b(?:{_alternatives('scope_breaks')})\b", re.I
    )
    return period_after, per, scope_break


def period_after(text: str) -> tuple[float, int, int] | None:
    """The period a phrase at the start of ``text`` states: (days, start, end of the phrase).

    "in the last year", "over the past month", "in a year", "the previous week", and up to two
    words before it ("homicides nationwide last year")."""
    m = _patterns()[0].match(text)
    start = len(text) - len(text.lstrip())
    if m is None:
        y = _calendar_year().match(text)  # "3,516 homicides in 2021": a calendar year
        return (DAYS["year"], start, y.end()) if y is not None else None
    return DAYS[m.group(1).lower()], start, m.end()


@functools.cache
def _calendar_year() -> re.Pattern[str]:
    return re.compile(
        rf"^\s*(?:[^\W\d_]+\s+){{0,2}}?(?:{_alternatives('period_prepositions')})\s+(?:1[89]|20)\d\d\b(?![,.]?\d)",
        re.I,
    )


def rate_nouns(claim: Claim) -> frozenset[str]:
    """What a rate counts: "20 drivers killed per week" -> {driver, death}: the words before its
    period ("per week", "a day") that name a measure or look like a plural noun."""
    return _rate_nouns(claim.text)


@functools.lru_cache(maxsize=4096)
def _rate_nouns(text: str) -> frozenset[str]:
    head = _patterns()[1].split(text, maxsplit=1)[0]
    measures = lexicons.groups("measured_lemmas")
    return frozenset(
        word_lemma(w) or w
        for w in _LETTERS.findall(head)
        if w.lower() in measures or (w.endswith("s") and len(w) > 3)
    )


def compatible_nouns(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    if not a or not b or a & b:
        return True
    return any(a & group and b & group for group in _related())


class _Reader:
    """The rate reading of one article: claims by sentence, plan words by sentence, nouns of totals."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.by_sentence: dict[int, list[int]] = {}
        for i, c in enumerate(article.claims):
            self.by_sentence.setdefault(c.sentence_start, []).append(i)
        self.starts = sorted(self.by_sentence)
        self.next_of = {s: self.starts[k + 1] for k, s in enumerate(self.starts[:-1])}
        self.prev_of = {s: self.starts[k - 1] for k, s in enumerate(self.starts) if k}
        self.plan_sentence: dict[int, bool] = {}
        self.nouns: dict[int, set[str]] = {}

    def c(self, i: int) -> Claim:
        return self.article.claims[i]

    def next_sentence(self, claim: Claim) -> int | None:
        """The start of the next sentence holding claims, when nothing but a line break lies between."""
        nxt = self.next_of.get(claim.sentence_start)
        while nxt is not None and nxt < claim.sentence_end:
            nxt = self.next_of.get(nxt)
        if nxt is None:
            return None
        gap = self.article.text[claim.sentence_end : nxt]
        return nxt if gap.strip() == "" and gap.count("\n") <= 1 else None

    def referred_sentence(self, claim: Claim) -> int | None:
        """The start of the sentence before ``claim``'s when ``claim``'s opens by pointing back to it
        ("That works out at 9.6 killings per day"), across a paragraph break too."""
        prev = self.prev_of.get(claim.sentence_start)
        if prev is None:
            return None
        first = tokens(self.article.text[claim.sentence_start : claim.sentence_start + 40])
        return prev if opens_with_reference(first) else None

    def total_nouns(self, i: int) -> set[str]:
        if i not in self.nouns:
            claim = self.c(i)
            w = window(self.article, claim)
            words = clause_words(self.article, claim)
            noun = counted_noun(w, words)  # (read once: the measured lemma of a count starts from it)
            self.nouns[i] = {x for x in (word_lemma(noun), measured(w, claim, words, counted=noun)) if x}
        return self.nouns[i]

    def period(self, total: Claim) -> tuple[Interval, int | None, str, str, int] | None:
        """The period a total covers: (days, duration claim or None, its words, how, their end)."""
        text = self.article.text
        found = period_after(text[total.end : total.sentence_end])
        if found is not None:
            d, lo, hi = found
            return (
                Interval(d, d),
                None,
                text[total.end + lo : total.end + hi],
                "period:phrase",
                total.end + hi,
            )
        durations = [
            j
            for j in self.by_sentence.get(total.sentence_start, ())
            if self.c(j).kind is Kind.DURATION and not self.c(j).vague
        ]
        if not durations:
            return None
        nearest = min(durations, key=lambda j: abs(self.c(j).start - total.start))
        iv = duration_days(self.c(nearest))
        if iv is None:
            return None
        return iv, nearest, self.c(nearest).text, "period:duration", self.c(nearest).end

    def has_plan_word(self, claim: Claim) -> bool:
        found = self.plan_sentence.get(claim.sentence_start)
        if found is None:
            words = _WORD.findall(self.article.text[claim.sentence_start : claim.sentence_end].lower())
            plan = lexicons.word_set("plan_cues")
            found = self.plan_sentence[claim.sentence_start] = not plan.isdisjoint(words)
        return found

    def planned(self, claim: Claim) -> bool:
        """A plan word governs the figure: from the start of its clause (cut at clause breaks and
        contrasts) up to it, or right after it up to the first comma ("... a year is the target")."""
        if not self.has_plan_word(claim):
            return False
        plan, scope_break = lexicons.word_set("plan_cues"), _patterns()[2]
        head = self.article.text[claim.sentence_start : claim.start]
        cuts = list(scope_break.finditer(head))
        if cuts:
            head = head[cuts[-1].end() :]
        tail = scope_break.split(after(self.article, claim, 40).split(",")[0], maxsplit=1)[0]
        return not plan.isdisjoint(_WORD.findall(head.lower())) or not plan.isdisjoint(
            _WORD.findall(tail.lower())
        )

    def counts_near(self, rate: int, sentence: int, same: bool) -> list[int]:
        """The usable counts of a sentence: nearest to the rate first in its own, first ones in the next."""
        counts = [
            j
            for j in self.by_sentence.get(sentence, ())
            if self.c(j).kind in _TOTAL_KINDS and not self.c(j).vague
        ]
        if same:
            counts.sort(key=lambda j: abs(self.c(j).start - self.c(rate).start))
        return sorted(counts[:WINDOW])


def rate_totals(article: Article) -> Iterator[Relation]:
    """The ``rate_total`` relations of ``article``."""
    found = [(i, c) for i, c in enumerate(article.claims) if c.kind is _RATE]
    if not found:
        return
    r = _Reader(article)
    for i, rate in found:
        if not numeric(rate) or per_day(rate) is None:
            continue
        nouns = rate_nouns(rate)
        planned: bool | None = None
        nxt = r.next_sentence(rate)
        back = r.referred_sentence(rate)
        places = (
            [(rate.sentence_start, "same-sentence")]
            + ([(nxt, "next-sentence")] if nxt is not None else [])
            + ([(back, "previous-sentence:reference")] if back is not None else [])
        )
        for sentence, where in places:
            for j in r.counts_near(i, sentence, where == "same-sentence"):
                total = r.c(j)
                period = r.period(total)
                if period is None or interval(total) is None:
                    continue
                if nouns and not compatible_nouns(nouns, r.total_nouns(j)):
                    continue
                if where.startswith("previous") and not (nouns and r.total_nouns(j)):
                    continue  # pointing back: both must name what they count ("flights" is not "passengers")
                if total.kind is Kind.QUANTITY and not any(n in total.text.lower() for n in nouns):
                    continue  # "45,000 barrels a day" and "23 million tonnes": another measure
                if planned is None:
                    planned = r.planned(rate)
                if r.planned(total) is not planned:
                    continue  # a target against what was done, or the reverse
                span, period_claim, period_text, how, period_end = period
                members = [Member(i, Role.RATE), Member(j, Role.TOTAL)]
                if period_claim is not None:
                    members.append(Member(period_claim, Role.PERIOD))
                claims = [article.claims[m.index] for m in members]
                end = max(period_end, *(c.end for c in claims))
                yield Relation(
                    RelationKind.RATE_TOTAL,
                    tuple(members),
                    (min(c.start for c in claims), end),
                    f"{where};{how}",
                    attrs={
                        "period_days_lo": span.lo,
                        "period_days_hi": span.hi,
                        "period_text": period_text,
                        "planned": planned,
                        "rate_nouns": sorted(nouns),
                    },
                )
