"""Reading a claim's sentence: its clause, the names and the measured thing near it, its neighbours.

Everything works on ``Article.sentence(claim)`` with offsets relative to the sentence. The
subject key ("what the figure is about") is deliberately conservative: a different place, person
or measured word gives a different key, so unrelated figures are never compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claims_api.consistency.words import (
    GENERIC_NOUNS,
    MEASURES,
    NOT_NAMES,
    PLACE_PHRASES,
    PLACES,
)
from claims_api.model import Article, Claim, Kind

_CLAUSE_BREAK = re.compile(r"[;:\u2014\u2013\n]| - ")
_WORD = re.compile(r"[^\W\d_][\w.\u2019'-]*")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_PARENS = re.compile(r"\([^()]*\)")
_RELATIVE = ("which ", "who ", "whom ", "whose ", "where ")
_POSSESSIVE = frozenset(("'s", "\u2019s", "'S", "\u2019S"))
_LOWER_WORD = re.compile(r"[^\W\d_][\w-]*")
_AUX = frozenset("have has had were was are is be been being will would could can may might do did".split())


@dataclass(frozen=True, slots=True)
class Window:
    """The part of a claim's sentence that speaks about it, claims and asides blanked out."""

    text: str  # same length as the sentence; blanked parts are spaces
    start: int
    end: int
    claim_start: int
    claim_end: int

    @property
    def before(self) -> str:
        return self.text[self.start : self.claim_start]

    @property
    def after(self) -> str:
        return self.text[self.claim_end : self.end]


def _blank(s: str, a: int, b: int) -> str:
    return s[:a] + " " * (b - a) + s[b:]


def window(article: Article, claim: Claim) -> Window:
    """The clause holding the claim, cut at the commas around it (a "which" clause keeps its head)."""
    sentence = article.sentence(claim)
    cs = claim.start - claim.sentence_start
    ce = claim.end - claim.sentence_start
    masked = sentence
    for m in _PARENS.finditer(sentence):
        if not (m.start() <= cs and ce <= m.end()):
            masked = _blank(masked, m.start(), m.end())
    for other in article.claims:
        if other.sentence_start == claim.sentence_start and other is not claim:
            a, b = other.start - claim.sentence_start, other.end - claim.sentence_start
            if 0 <= a < b <= len(masked) and not (a <= cs and ce <= b):
                masked = _blank(masked, a, b)
    inside = next((m for m in _PARENS.finditer(sentence) if m.start() <= cs and ce <= m.end()), None)
    lo, hi = (inside.start() + 1, inside.end() - 1) if inside else (0, len(masked))
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(masked, lo, hi)]
    c_lo = max([b + 1 for b in breaks if b < cs] or [lo])
    c_hi = min([b for b in breaks if b >= ce] or [hi])
    commas = [i for i in range(c_lo, c_hi) if masked[i] == ","]
    before = [i for i in commas if i < cs]
    s_lo = before[-1] + 1 if before else c_lo
    s_hi = min([i for i in commas if i >= ce] or [c_hi])
    if masked[s_lo:cs].lstrip().lower().startswith(_RELATIVE) and len(before) >= 1:
        s_lo = before[-2] + 1 if len(before) >= 2 else c_lo
    body = _blank(masked, cs, ce)
    return Window(body, s_lo, s_hi, cs, ce)


def _tokens(text: str) -> Iterator[tuple[int, str]]:
    for m in _WORD.finditer(text):
        word = m.group(0).rstrip(".-'\u2019")
        if word[-2:] in _POSSESSIVE:
            word = word[:-2]
        if word:
            yield m.start(), word


def entities(w: Window, article_text: str = "") -> frozenset[str]:
    """Places (demonyms folded: Chinese -> China) and other names in the window.

    A capitalised word opening the sentence ("Military spending...") is a name only when the
    article never writes it in lower case.
    """
    text = w.text[w.start : w.end]
    opener = len(w.text) - len(w.text.lstrip(" \"'\u201c\u2018(#*"))
    found: set[str] = set()
    low = text.lower()
    for phrase, name in PLACE_PHRASES.items():
        if phrase in low:
            found.add(name)
            text = re.sub(re.escape(phrase), " " * len(phrase), text, flags=re.IGNORECASE)
    for pos, word in _tokens(text):
        key = word.lower()
        if (
            w.start + pos == opener
            and key not in PLACES
            and re.search(rf"\b{re.escape(key)}\b", article_text)
        ):
            continue
        if key in PLACES and (word[0].isupper() or key not in ("us", "poor")):
            if key == "us" and word != "US":
                continue  # "us" the pronoun
            found.add(PLACES[key])
        elif word[0].isupper() and key not in NOT_NAMES and key not in MEASURES:
            found.add(word)
    return frozenset(found)


def years(w: Window) -> tuple[str, ...]:
    return tuple(sorted(set(_YEAR.findall(w.text[w.start : w.end]))))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def counted_noun(w: Window) -> str | None:
    """The noun a count counts: "36 presidential candidates" -> candidates."""
    words: list[str] = []
    for _, word in _tokens(w.after):
        low = word.lower()
        if low in MEASURES:
            return low
        if low in NOT_NAMES or low in _AUX or not word.islower() or low.endswith("ing"):
            break
        words.append(low)
        if len(words) == 3:
            break
    # stop at the first punctuation: only words right after the figure count
    head = w.after.split(",")[0].split(".")[0]
    words = [x for x in words if x in head.lower()]
    return words[-1] if words else None


def measured(w: Window, claim: Claim) -> str | None:
    """The lemma of what the figure measures, or None when the clause does not say."""
    if claim.kind is Kind.COUNT:
        noun = counted_noun(w)
        if noun is not None and noun in MEASURES:
            return MEASURES[noun]
        if noun is not None and noun not in GENERIC_NOUNS and noun not in PLACES:
            return _singular(noun)
    best: tuple[int, str] | None = None
    text = w.text
    for pos, word in _tokens(text[w.start : w.end]):
        lemma = MEASURES.get(word.lower())
        if lemma is None:
            continue
        at = w.start + pos
        distance = w.claim_start - at if at < w.claim_start else at - w.claim_end
        if best is None or distance < best[0]:
            best = (distance, lemma)
    if best is not None:
        return best[1]
    if claim.kind is Kind.COUNT:
        noun = counted_noun(w)
        return _singular(noun) if noun else None
    return None


def subject(article: Article, claim: Claim) -> tuple[str, frozenset[str], tuple[str, ...]] | None:
    """(measured lemma, names, years) of a claim, or None when its clause names no thing or no name."""
    w = window(article, claim)
    lemma = measured(w, claim)
    if lemma is None:
        return None
    names = entities(w, article.text)
    if not names:
        return None
    return lemma, names, years(w)


def between(article: Article, first: Claim, second: Claim) -> str:
    """The text between two claims of one article (empty when they overlap or are reversed)."""
    if second.start < first.end:
        return ""
    return article.text[first.end : second.start]


def before(article: Article, claim: Claim, chars: int = 60) -> str:
    """The sentence text just before a claim."""
    return article.text[max(claim.sentence_start, claim.start - chars) : claim.start]


def after(article: Article, claim: Claim, chars: int = 60) -> str:
    """The sentence text just after a claim."""
    return article.text[claim.end : min(claim.sentence_end, claim.end + chars)]


def words_of(text: str) -> list[str]:
    """Lower-case words of a text (hyphenated words kept whole)."""
    return _LOWER_WORD.findall(text.lower())
