"""Hedge words around a figure -> Qualifier (GUIDELINE "Qualifier"; words in qualifiers.yaml)."""

from __future__ import annotations

import regex

from claims_api.extract.fragments import alternation, fold
from claims_api.lexicons import load
from claims_api.model import Qualifier

_Q = load("qualifiers")
_BEFORE = {fold(k): Qualifier(v) for k, v in _Q["before"].items()}
_AFTER = {fold(k): Qualifier(v) for k, v in _Q["after"].items()}
_VERB_ONLY = {"top", "tops", "topped", "surpass", "exceed"}
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


def before(text: str, start: int) -> tuple[int, Qualifier | None]:
    """(new span start, qualifier) for the words just before ``start``; qualifier None if none."""
    m = _BEFORE_RE.search(text, max(0, start - 40), start)
    if m is None or m.start() == m.end():
        return start, None
    q = m.group("q")
    if q is not None:
        word = fold(q)
        if word in _VERB_ONLY:
            prev = _PREV_WORD.search(text, max(0, m.start("q") - 30), m.start("q"))
            if prev is None or prev.group(1).lower() in _DETERMINERS:
                return (m.start("keep"), Qualifier.EXACT) if m.group("keep") else (start, None)
        return m.start(), _BEFORE[word]
    return m.start(), Qualifier.EXACT


def after(text: str, end: int) -> tuple[int, Qualifier | None]:
    """(new span end, qualifier) for "or more", "or so", "-plus" right after the figure."""
    m = _AFTER_RE.match(text, end, min(len(text), end + 20))
    if m is None:
        return end, None
    return m.end(), _AFTER[fold(m.group("q"))]
