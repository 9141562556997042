"""Reading an article once for the relation layer: sentences, figure units, the words between them.

A *unit* is a figure with the conversions bracketed after it (``$1.13bn (£600m)``,
``77m euros (£53m; $100m)``): the relation layer links units, so a bracket, a comma or filler words
between two figures never break a relation. Vague figures ("doubled", "in half") are not units;
their words stay in the gaps, where the change and multiplier lexicons read them.

Each sentence's gaps are tokenised once; every later step reads the tokens, not the text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from claims_api import lexicons
from claims_api.model import Article, Claim, Kind

_TOKEN = re.compile(r"[^\W_][\w'\u2019.-]*[^\W_]|[^\W_]|[;:()\[\]]")
#: A bracket that opens a conversion: "(", "(about", "(or", "[".
_OPEN = re.compile(
    r"^\s*[(\[]\s*(?:approximately|approx\.?|about|roughly|around|some|or|~|i\.e\.,?)?\s*$", re.I
)
#: Between two conversions inside one bracket: "; ", ", ", " or ", " / ".
_NEXT = re.compile(r"^\s*(?:[;,/]|;?\s*or)\s*$", re.I)
#: "$5bn, or £3bn" / "$5bn or £3bn" / "25bn rupees - about $350m": a conversion without brackets.
_OR = re.compile(r"^\s*(?:,?\s*or|[-\u2013\u2014])\s*$", re.I)


@dataclass(slots=True)
class Unit:
    head: int  # index of the figure in Article.claims
    conversions: list[int] = field(default_factory=list)  # its bracketed equivalents
    start: int = 0
    end: int = 0  # end of the last member, closing bracket included
    sentence: int = 0  # index of its sentence in Reading.sentences


@dataclass(slots=True)
class Gap:
    words: tuple[str, ...]  # lower-case tokens between the previous unit (or sentence start) and this one
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    units: list[Unit] = field(default_factory=list)
    before: list[Gap] = field(default_factory=list)  # before[i]: the gap before units[i]
    tail: Gap | None = None  # after the last unit
    nouns: frozenset[str] = frozenset()  # measured things named in the sentence (canonical)
    vague: list[int] = field(default_factory=list)  # vague figures (multiplier words) in it
    head: str = ""  # the sentence's first 40 characters, which ``first_words`` reads
    _first: tuple[str, ...] | None = None

    @property
    def first_words(self) -> tuple[str, ...]:
        """The sentence's first three words (references, "Of the"), read on first use: the few
        sentences whose tie or opening a rule asks about."""
        if self._first is None:
            self._first = tokens(self.head)[:3]
        return self._first


@dataclass(slots=True)
class Reading:
    article: Article
    sentences: list[Sentence]


def tokens(text: str) -> tuple[str, ...]:
    """Lower-case words (and brackets, ";", ":") of ``text``; curly apostrophes made straight."""
    return tuple(_TOKEN.findall(text.lower().replace("\u2019", "'")))


@functools.cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """A lexicon as token tuples, longest first."""
    return tuple(sorted((tuple(p.split()) for p in lexicons.words(name)), key=len, reverse=True))


@functools.cache
def wordset(name: str) -> frozenset[str]:
    return frozenset(lexicons.words(name))


@functools.cache
def nouns() -> dict[str, str]:
    return lexicons.groups("measured_nouns")


@functools.cache
def multiples() -> tuple[tuple[tuple[str, ...], float], ...]:
    data = lexicons.load("multiples")
    return tuple(sorted(((tuple(k.split()), float(v)) for k, v in data.items()), key=lambda x: -len(x[0])))


def opens_with_reference(first: tuple[str, ...]) -> bool:
    """Words opening with a ``references`` word or phrase: a sentence that points back ("It ...",
    "That works out at ...", "The figure ...", "The total had been ...")."""
    return any(first[: len(p)] == p for p in phrases("references"))


@functools.cache
def _by_first(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A lexicon's phrases by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases(name):
        out.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in out.items()}


#: lexicon name -> ``_by_first(name)``, read without a call per ``find``
_FIRST: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = {}


def find(words: tuple[str, ...], name: str, *, last: int | None = None) -> tuple[int, tuple[str, ...]] | None:
    """The rightmost phrase of lexicon ``name`` in ``words`` (within the ``last`` words): (index, phrase)."""
    table = _FIRST.get(name)
    if table is None:
        table = _FIRST[name] = _by_first(name)
    n = len(words)
    # no word opens a phrase of the lexicon (most gaps): one pass in C
    if last is not None and n > last:
        lo = n - last
        if table.keys().isdisjoint(words[lo:]):
            return None
    else:
        lo = 0
        if table.keys().isdisjoint(words):
            return None
    for i in range(n - 1, lo - 1, -1):
        candidates = table.get(words[i])
        if candidates:
            for p in candidates:
                if words[i : i + len(p)] == p:
                    return i, p
    return None


@functools.cache
def _multiples_by_first() -> dict[str, tuple[tuple[tuple[str, ...], float], ...]]:
    out: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for p, f in multiples():
        out.setdefault(p[0], []).append((p, f))
    return {k: tuple(v) for k, v in out.items()}


def multiplier_at(words: tuple[str, ...]) -> tuple[float, str | None] | None:
    """The factor of the first multiplier word in ``words`` ("doubled" 2, "in half" 0.5) and its
    bound: "at_least" after a ``multiple_at_least`` phrase ("more than doubled"), "at_most" after
    a ``multiple_at_most`` one ("nearly tripled"), else None; None without a multiplier word."""
    table = _multiples_by_first()
    if table.keys().isdisjoint(words):
        return None
    for i, w in enumerate(words):
        for p, factor in table.get(w, ()):
            if words[i : i + len(p)] == p:
                lead = words[max(0, i - 3) : i]
                for name in ("multiple_at_least", "multiple_at_most"):
                    hit = find(lead, name) if lead else None
                    if hit is not None and hit[0] + len(hit[1]) == len(lead):
                        return factor, name[len("multiple_") :]
                return factor, None
    return None


def compatible(a: Claim, b: Claim) -> bool:
    """Two figures of one measure: same kind and unit (money in the same currency, and not per two
    different things: "$5.05 a gallon" and "$1.33 a liter" are two measures)."""
    if a.kind is not b.kind:
        return False
    if a.kind is Kind.PERCENT:
        return bool(a.attrs.get("points")) == bool(b.attrs.get("points"))
    if a.kind is Kind.MONEY and a.unit == b.unit:
        # "from £2.50 to £4 a leg": one "a leg" for both; two different ones are two measures
        pa, pb = _per_thing(a.text), _per_thing(b.text)
        return pa is None or pb is None or pa == pb
    return (a.unit or "") == (b.unit or "")


_PER_THING = re.compile(r"(?:\s(?:a|an|per)\s+|/)([^\W\d_][\w-]*)\s*$", re.I)


@functools.lru_cache(maxsize=8192)
def _per_thing(text: str) -> str | None:
    """What a money figure is per, read from its span ("$1.18 a share" -> "share"), or None."""
    m = _PER_THING.search(text)
    return m.group(1).lower() if m else None


#: The kinds a bracketed figure may convert (``_convertible``): money, quantities, and rates
#: restated per another period ("5,800 a week, or roughly 300,000 a year").
_CONVERTIBLE = frozenset((Kind.MONEY, Kind.QUANTITY, Kind.RATE))


def _convertible(article: Article, a: Claim, b: Claim) -> bool:
    if a.kind is Kind.MONEY and b.kind is Kind.MONEY:
        return bool(a.unit and b.unit and a.unit != b.unit)
    if a.kind is b.kind and a.kind in _CONVERTIBLE and a.unit and b.unit and a.unit != b.unit:
        from claims_api.relations.units import affine

        return affine(a.unit, b.unit) is not None
    return False


def read(article: Article) -> Reading:
    """Sentences with their units and gaps; linear in the article (each gap read once)."""
    text = article.text
    order = sorted(
        range(len(article.claims)), key=lambda i: (article.claims[i].start, -article.claims[i].end)
    )
    by_sentence: dict[tuple[int, int], list[int]] = {}
    last_end = -1
    for i in order:
        c = article.claims[i]
        if c.start < last_end:  # nested or overlapping spans: keep the first
            continue
        last_end = c.end
        by_sentence.setdefault((c.sentence_start, c.sentence_end), []).append(i)
    groups = nouns()
    names = groups.keys()
    sentences: list[Sentence] = []
    for (s_start, s_end), members in sorted(by_sentence.items()):
        s = Sentence(s_start, max(s_end, article.claims[members[-1]].end))
        units: list[Unit] = []
        open_bracket = False
        for i in members:
            c = article.claims[i]
            if c.vague:
                s.vague.append(i)
                continue
            if c.value is None and (c.low is None or c.high is None):  # not ``_usable``
                continue
            if units:
                prev = units[-1]
                head = article.claims[prev.head]
                # (before the words between: most pairs are not convertible)
                if head.kind is c.kind and head.kind in _CONVERTIBLE and _convertible(article, head, c):
                    last = article.claims[prev.conversions[-1]] if prev.conversions else head
                    between = text[last.end : c.start]
                    opener = _OPEN.match(between) and not prev.conversions
                    follower = open_bracket and prev.conversions and _NEXT.match(between)
                    orish = not prev.conversions and _OR.match(between)
                else:
                    opener = follower = orish = None
                if opener or follower or orish:
                    prev.conversions.append(i)
                    prev.end = c.end
                    open_bracket = bool(opener or follower)
                    continue
            if open_bracket and units:
                close = text.find(")", units[-1].end, c.start)
                if close >= 0:
                    units[-1].end = close + 1
            open_bracket = False
            units.append(Unit(i, [], c.start, c.end, len(sentences)))
        if open_bracket and units:
            close = text.find(")", units[-1].end, s.end)
            if close >= 0:
                units[-1].end = close + 1
        at = s.start
        for u in units:
            s.before.append(Gap(tokens(text[at : u.start]), at, u.start))
            at = u.end
        s.tail = Gap(tokens(text[at : s.end]), at, s.end)
        s.units = units
        found: set[str] = set()
        for gap in s.before:
            if not names.isdisjoint(gap.words):  # (set operations, not a loop over the words)
                found.update(groups[w] for w in names & gap.words)
        if not names.isdisjoint(s.tail.words):
            found.update(groups[w] for w in names & s.tail.words)
        s.nouns = frozenset(found)
        s.head = text[s.start : min(s.end, s.start + 40)]
        sentences.append(s)
    return Reading(article, sentences)
