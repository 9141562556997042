"""The period a claim's sentence refers to ("in 2025", "so far in 2026", "in the last 30 years").

Best effort and pure: the first period phrase of the sentence, in a short canonical form; "past"
and "last" are the same period and both read "last".
"""

from __future__ import annotations

import regex

__all__ = ["period_of"]

_YEAR = r"(?:19|20)\d\d"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|quarters?)"
_COUNT = (
    r"(?:\d[\d,.]*|a\s+few|several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|hundred)"
)

# Order matters only between alternatives that start at the same place.
_PERIOD = regex.compile(
    rf"""
    \b(?:so\s+far\s+(?:in|this)|to\s+date\s+in|year\s+to\s+date\s+in)\s+(?P<todate>{_YEAR}|year)\b
    | \bsince\s+(?P<since>(?:{_MONTH}\s+)?{_YEAR}|{_MONTH})\b
    | \b(?:between|from)\s+(?P<a>{_YEAR})\s+(?:and|to|until)\s+(?P<b>{_YEAR})\b
    | \b(?P<a>{_YEAR})\s*[-–]\s*(?P<b>(?:{_YEAR}|\d\d))\b(?!\s*%|-\d)
    | \bthe\s+(?:past|last|previous)\s+(?P<n>{_COUNT})\s+(?P<unit>{_UNIT})\b
    | \b(?:in|over|during)\s+the\s+(?:past|last|previous)\s+(?P<unit1>{_UNIT})\b
    | \b(?P<rel>last|this|next)\s+(?P<unit2>year|month|week|quarter)\b
    | \bin\s+the\s+(?P<decade>(?:19|20)\d0s)\b
    | \b(?:in|during|by|for)\s+(?:(?:fiscal|calendar)\s+)?(?P<month>{_MONTH}\s+)?
      (?P<year>{_YEAR})\b(?![\d%]|[,.]\d)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


# Every alternative above needs one of these; most sentences have none, and this check is ~7x
# cheaper than the full pattern (which dominated normalization time).
_HINT = regex.compile(r"last|past|previous|this|next|since|so far|to date|19\d\d|20\d\d")


def period_of(sentence: str) -> str | None:
    """The first period phrase of ``sentence`` in canonical form, or None.

    "in the last year" -> "last year"; "in 2025" -> "2025"; "so far in 2026" -> "2026 (to date)";
    "since 2020" -> "since 2020"; "in the past 30 years" -> "last 30 years".
    """
    if _HINT.search(sentence.lower()) is None:
        return None
    match = _PERIOD.search(sentence)
    if match is None:
        return None
    if match["todate"]:
        todate = match["todate"].lower()
        return f"{'this year' if todate == 'year' else todate} (to date)"
    if match["since"]:
        return f"since {match['since']}"
    if match["a"]:
        return f"{match['a']}-{match['b']}"
    if match["n"]:
        return f"last {' '.join(match['n'].split()).lower()} {match['unit'].lower()}"
    if match["unit1"]:
        return f"last {match['unit1'].lower()}"
    if match["rel"]:
        return f"{match['rel'].lower()} {match['unit2'].lower()}"
    if match["decade"]:
        return match["decade"]
    month = f"{' '.join(match['month'].split())} " if match["month"] else ""
    return f"{month}{match['year']}"
