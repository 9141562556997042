"""Publication dates: the caller's value coerced to a date, or one inferred from the dateline."""

from __future__ import annotations

import functools
from datetime import date, datetime

import regex

from claims_api import lexicons
from claims_api.extract.fragments import lower

__all__ = ["as_date", "infer_published"]

DATELINE_CHARS = 600
# A byline or dateline sits on a short line of its own; a date inside a long line is body text or
# a caption, used only when no short line has one.
SHORT_LINE = 80


def as_date(value: str | date | datetime | None) -> date | None:
    """``value`` as a date: a date, a datetime, or an ISO string ("2026-02-25", "2026-02-25T10:00Z")."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


@functools.cache
def _pattern() -> regex.Pattern[str]:
    month = "|".join(sorted((regex.escape(w) for w in _month_numbers()), key=len, reverse=True))
    return regex.compile(
        rf"""
        \b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{month})\.?,?\s+(?P<y>(?:19|20)\d\d)\b
        | \b(?P<m>{month})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b
        | \b(?P<y>(?:19|20)\d\d)-(?P<mn>\d\d)-(?P<d>\d\d)\b
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


@functools.cache
def _month_numbers() -> dict[str, int]:
    from babel.dates import get_month_names

    numbers = {"sept": 9}  # AP style; CLDR's English abbreviation is "Sep"
    for width in ("wide", "abbreviated"):
        numbers.update({lower(name): n for n, name in get_month_names(width, locale="en").items()})
    return numbers


def _to_date(match: regex.Match[str]) -> date | None:
    month = int(match["mn"]) if match["mn"] else _month_numbers()[lower(match["m"])]
    try:
        return date(int(match["y"]), month, int(match["d"]))
    except ValueError:
        return None


def infer_published(text: str) -> date | None:
    """The date of a byline or dateline in the first ~600 characters, or None.

    Reads "25 February 2026", "February 25, 2026", "Dec. 9, 2022" and "2026-02-25"; a date on a
    short line of its own wins over one inside a sentence, and a date inside a sentence that is
    the edge of a reported period ("the three months to 31 December 2004", lexicon
    ``period_edges``) is not taken: the article was written some time after it.
    """
    head = text[:DATELINE_CHARS]
    fallback: date | None = None
    for match in _pattern().finditer(head):
        found = _to_date(match)
        if found is None:
            continue
        line_start = head.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : len(text) if line_end < 0 else line_end]
        if _period_edge(head[line_start : match.start()]):
            continue
        if len(line.strip()) <= SHORT_LINE:
            return found
        fallback = fallback or found
    return fallback


def _period_edge(before: str) -> bool:
    """True when the words before a date make it a period's edge ("the year to 31 March")."""
    tail = lower(before).split()[-2:]
    edges = lexicons.word_set("period_edges")
    return bool(tail) and (tail[-1] in edges or " ".join(tail) in edges)
