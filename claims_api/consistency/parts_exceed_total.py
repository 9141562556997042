"""parts_exceed_total: itemised parts must not add up to more than the total they belong to.

A total must be signalled as one, right at the figure:
- led by "a total of", "totaling", "altogether", "out of" (its parts are the figures before it in
  its sentence, or, after "a total of", those after it);
- followed by "in all", "in total", "altogether" (its parts are the figures before it);
- followed by ", including", ", of whom", ", of which" (its parts are the figures after it);
- or the last figure of a sentence whose next sentence says "This will include" (its parts are the
  figures of the same kind in the following sentences of the paragraph, at most ``SPAN`` sentences).
Parts must measure the same thing as the total: the same counted noun or measured word for counts,
the same unit for quantities, one currency for money (using the bracketed conversions), and no other
measured word. Figures led by "from", "than", "compared with" are comparisons, not parts. Itemised
parts are at least two, except after "out of" and before "including"/"of whom" (a subset).
"""

from __future__ import annotations

import re
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
from claims_api.consistency.context import (
    after,
    before,
    between,
    clause_words,
    measured,
    window,
    word_lemma,
    words_of,
)
from claims_api.consistency.implied_fx_rate import conversions
from claims_api.consistency.memo import per_article
from claims_api.consistency.words import MEASURES, NOT_NAMES, PART_CUES
from claims_api.model import Article, Claim, Finding, Kind, Severity

NAME = "parts_exceed_total"

SPAN = 3
SLACK = 0.01
KINDS = (Kind.MONEY, Kind.COUNT, Kind.QUANTITY)

#: Right before a total whose parts come before it ("..., totaling $57.6 million", "12 out of 30").
_LEAD_BEFORE = re.compile(
    r"(?:\btotal(?:l?ing|l?ed|s)?|\baltogether|\bout\s+of|\bsum\s+of|\bcombined\s+total\s+of)\s*$", re.I
)
_OUT_OF = re.compile(r"\bout\s+of\s*$", re.I)
#: Right before a total whose parts may come after it ("A total of 30 cases were reported: 20 ...").
_LEAD_EITHER = re.compile(r"\b(?:a|the|in)\s+total\s+of\s*$", re.I)
#: Right after a total whose parts come before it ("... 150 houses in all").
_TRAIL_BEFORE = re.compile(r"^\s*(?:[^\W\d_][\w-]*\s+){0,2}?(?:in\s+all|in\s+total|altogether)\b", re.I)
#: Right after a total whose parts follow ("40 nurses, including 25 ...", "50 patients, of whom 30 ...").
_TRAIL_AFTER = re.compile(
    r"^\s*(?:[^\W\d_][\w-]*\s+){0,3}?[^\W\d_]*\s*,?\s*(?:including|of\s+whom|of\s+which|among\s+them)\b", re.I
)
#: Cheap test before the patterns above: one of these must be near the total.
_CUE_WORDS = ("total", "altogether", "out of", "sum of", "in all", "including", "of wh", "among")
#: Words right before a figure that make it a comparison, not a part ("up from 20 cases").
_COMPARED = frozenset("from than compared against versus vs".split())


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


_AFTER_WORDS = re.compile(r"[^\W\d_][\w-]*")
_NOT_NOUNS = frozenset(
    "out have has had were was are is be been will would could can may might do did".split()
)


def _noun_after(article: Article, claim: Claim) -> str | None:
    """The noun right after a count, up to the first punctuation, a verb or a preposition:
    "36 presidential candidates" -> candidates, "40 schools visited" -> schools, "12 out of" -> None."""
    head = re.split(r"[,.;:()\u2014]", after(article, claim, 50))[0]
    found = None
    for i, m in enumerate(_AFTER_WORDS.finditer(head)):
        word = m.group()
        low = word.lower()
        if low in MEASURES:
            return low
        if i == 3 or not word.islower() or low in NOT_NAMES or low in _NOT_NOUNS:
            break
        if found is not None and low.endswith(("ed", "ing")):
            break
        found = low
    return found


def _thing(article: Article, claim: Claim) -> str | None:
    """What a figure counts or measures: its counted noun, else the measured word of its clause."""
    if claim.kind is Kind.COUNT:
        noun = word_lemma(_noun_after(article, claim))
        if noun is not None:
            return noun
    return measured(window(article, claim), claim, clause_words(article, claim))


def _same_thing(article: Article, total: Claim, part: Claim) -> bool:
    """True when ``part`` measures what ``total`` does (see the module's description)."""
    if total.kind is Kind.QUANTITY and (part.unit or "") != (total.unit or ""):
        return False
    a, b = _thing(article, total), _thing(article, part)
    if total.kind is Kind.MONEY:
        return a is None or b is None or a == b
    return a is not None and a == b


def _compared(article: Article, claim: Claim) -> bool:
    lead = words_of(before(article, claim, 20))[-2:]
    return bool(_COMPARED.intersection(lead))


_OUT_OF_GAP = re.compile(r"^\s*(?:([^\W\d_]+)\s+)?out\s+of\s*$", re.I)


def _out_of(article: Article, total: Claim, bracketed: set[int]) -> list[Claim]:
    """ "12 out of 30 schools", "45 schools out of 40": the figure right before, counting the same noun."""
    before = [c for c in article.claims if c.end <= total.start and c.sentence_start == total.sentence_start]
    if not before:
        return []
    part = max(before, key=lambda c: c.end)
    m = _OUT_OF_GAP.match(between(article, part, total))
    if m is None or part.kind is not total.kind or not numeric(part) or id(part) in bracketed:
        return []
    noun = word_lemma(m.group(1))
    if noun is not None and noun != _thing(article, total):
        return []
    return [part]


def _parts(article: Article, total: Claim, bracketed: set[int]) -> list[Claim]:
    lead = before(article, total, 30)
    trail = after(article, total, 40)
    low = (lead + " " + trail).lower()
    if not any(cue in low for cue in _CUE_WORDS):
        return _included(article, total, bracketed)

    def same(where: str) -> list[Claim]:
        found = [
            c
            for c in article.claims
            if c is not total
            and c.kind is total.kind
            and numeric(c)
            and id(c) not in bracketed
            and c.sentence_start == total.sentence_start
            and (c.end <= total.start if where == "before" else c.start >= total.end)
            and not _compared(article, c)
        ]
        return [c for c in found if _same_thing(article, total, c)]

    if _OUT_OF.search(lead):
        return _out_of(article, total, bracketed)
    if _LEAD_BEFORE.search(lead):
        parts = same("before")
        return parts if len(parts) >= 2 else []
    if _LEAD_EITHER.search(lead):
        parts = same("before") or same("after")
        return parts if len(parts) >= 2 else []
    if _TRAIL_BEFORE.match(trail):
        parts = same("before")
        return parts if len(parts) >= 2 else []
    if _TRAIL_AFTER.match(trail):
        return same("after")
    return _included(article, total, bracketed)


def _included(article: Article, total: Claim, bracketed: set[int]) -> list[Claim]:
    """The parts in the sentences after a total when the next one says "This will include"."""
    sentences = _sentences_after(article, total)
    if not sentences:
        return []
    first = article.text[sentences[0] : sentences[0] + 60]
    if not PART_CUES.intersection(words_of(first)):
        return []
    later = [c for c in article.claims if c.sentence_start == total.sentence_start and c.start > total.end]
    if any(c.kind is total.kind and id(c) not in bracketed for c in later):
        return []  # the total is not the last figure of its sentence
    return [
        c
        for c in article.claims
        if c.sentence_start in sentences
        and c.kind is total.kind
        and numeric(c)
        and id(c) not in bracketed
        and _same_thing(article, total, c)
    ]


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
