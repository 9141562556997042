"""Hedge words around a figure -> Qualifier (GUIDELINE "Qualifier"; words in qualifiers.yaml)."""

from __future__ import annotations

import regex

from claims_api.extract.fragments import alternation, fold, lower
from claims_api.extract.numbers import TENS, UNITS
from claims_api.lexicons import load
from claims_api.model import Kind, Qualifier

_Q = load("qualifiers")
_BEFORE = {fold(k): Qualifier(v) for k, v in _Q["before"].items()}
_AFTER = {fold(k): Qualifier(v) for k, v in _Q["after"].items()}
_VERB_ONLY = {"top", "tops", "topped", "topping", "surpass", "exceed"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these"}

# Ends where the figure starts: "[just] <qualifier> " or "<keep word> ".
_BEFORE_RE = regex.compile(
    rf"(?:(?<=^|[\s(\[\u201c\"\u2014\u2013,;:])(?P<keep>{alternation(_Q['keep'])})\s+)?"
    rf"(?:(?<=^|[\s(\[\u201c\"\u2014\u2013,;:])(?P<q>{alternation(_BEFORE)})(?:\s+|(?<=~)))?\Z",
    regex.IGNORECASE | regex.REVERSE,  # searched right to left from the figure: 8x faster
)
_AFTER_RE = regex.compile(
    rf"(?:\s+|-|(?=\+))(?P<q>{alternation(_AFTER)})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE
)
_PREV_WORD = regex.compile(r"(\p{L}+)\W*\Z")
_OVER_PARTICLE = frozenset(_Q["over_particle"])
_OVER_TIME_BOUND = frozenset(_Q["over_time_bound"])
_OVER_TIME_PERIOD = frozenset(_Q["over_time_period"])
# A figure up to two words before "over": "$5 billion over", "20% over", "three children over".
_NUMBER_WORDS = alternation([*UNITS, *TENS, "dozen", "hundred", "thousand", "million"])
_FIGURE_BEFORE = regex.compile(
    rf"(?:\d[\d,.]*[\p{{L}}%]*|\b(?i:{_NUMBER_WORDS}))"
    r"(?:\s+[\p{L}'’-]+){0,2}\)?\s+\Z",  # "1.2 trillion pesos (about US$1.3 billion) over"
    regex.REVERSE,
)


def _over_bounds(text: str, at: int, kind: Kind | None) -> bool:
    """Whether "over" at ``at`` bounds the figure after it (GUIDELINE: over = more_than).

    Not after a verb whose particle it is ("handed over 150,000"), unless a time or share follows
    ("took over 3 hours"); before a time, not when it names the period of a change or of a figure
    ("rose 20% over five years", "spread over five years")."""
    prev = _PREV_WORD.search(text, max(0, at - 30), at)
    word = lower(prev.group(1)) if prev is not None else ""
    if kind is Kind.DURATION:
        if word in _OVER_TIME_BOUND:
            return True
        return not (word in _OVER_TIME_PERIOD or _FIGURE_BEFORE.search(text, max(0, at - 40), at))
    return word not in _OVER_PARTICLE or kind is Kind.PERCENT


def before(text: str, start: int, kind: Kind | None = None) -> tuple[int, Qualifier | None]:
    """(new span start, qualifier) for the words just before ``start``; qualifier None if none.

    ``kind`` is the figure's kind, which decides what "over" means before it."""
    m = _BEFORE_RE.search(text, max(0, start - 40), start)
    if m is None or m.start() == m.end():
        return start, None
    q = m.group("q")
    if q is not None:
        word = fold(q)
        if word in _VERB_ONLY:
            prev = _PREV_WORD.search(text, max(0, m.start("q") - 30), m.start("q"))
            if prev is None or lower(prev.group(1)) in _DETERMINERS:
                return (m.start("keep"), Qualifier.EXACT) if m.group("keep") else (start, None)
        if word == "over" and not _over_bounds(text, m.start("q"), kind):
            return (m.start("keep"), Qualifier.EXACT) if m.group("keep") else (start, None)
        return m.start(), _BEFORE[word]
    return m.start(), Qualifier.EXACT


def after(text: str, end: int) -> tuple[int, Qualifier | None]:
    """(new span end, qualifier) for "or more", "or so", "-plus" right after the figure."""
    m = _AFTER_RE.match(text, end, min(len(text), end + 20))
    if m is None:
        return end, None
    return m.end(), _AFTER[fold(m.group("q"))]


_MARK = _Q["mark"]
_MARK_BOUND = {**_BEFORE, **{fold(k): Qualifier(v) for k, v in _MARK["verbs"].items()}}
_MARK_BEFORE = regex.compile(
    rf"(?<![\p{{L}}])(?P<q>{alternation(_MARK_BOUND)})[ \u00a0]+the[ \u00a0]+\Z",
    regex.IGNORECASE | regex.REVERSE,
)
_MARK_AFTER = regex.compile(rf"[ \u00a0]+{alternation(_MARK['nouns'])}(?![\p{{L}}])", regex.IGNORECASE)
_GOVERNING = {fold(k): Qualifier(v) for k, v in _Q["governing"].items()}
_BREAKS = alternation(_Q["governing_breaks"])
_GOVERNED = regex.compile(
    rf"(?<![\p{{L}}])(?P<q>{alternation(_GOVERNING)})"
    rf"(?:[ \u00a0]+(?!{_BREAKS}(?![\p{{L}}]))[\p{{L}}][\p{{L}}'’-]*){{1,4}}"
    rf"[ \u00a0]*(?:{alternation(_Q['governing_links'])})?[ \u00a0]*\Z",
    regex.IGNORECASE | regex.REVERSE,
)


def governing(text: str, start: int, end: int, floor: int) -> Qualifier | None:
    """A qualifier read from further off than the words just before the figure (``before``):
    "above the $47 a barrel mark" (more_than), "estimated annual revenues of £160m" (approx).
    ``floor`` bounds the look back (the end of the previous claim); the span does not grow."""
    lo = max(floor, start - 60)
    m = _MARK_BEFORE.search(text, max(lo, start - 24), start)
    if m is not None and _MARK_AFTER.match(text, end, min(len(text), end + 16)):
        return _MARK_BOUND[fold(m.group("q"))]
    m = _GOVERNED.search(text, lo, start)
    if m is not None:
        return _GOVERNING[fold(m.group("q"))]
    return None
