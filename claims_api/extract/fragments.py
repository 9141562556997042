"""Regex fragments shared by the kind rules, each written once and built from the lexicons."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import regex


def alternation(words: Iterable[str], *, escape: bool = True) -> str:
    """A non-capturing alternation, longest first so that "more than" wins over "more"."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    if not items:
        return "(?!)"
    parts = [regex.escape(w) if escape else w for w in items]
    # Spaces in phrases match any run of white space.
    parts = [p.replace(r"\ ", r"\s+") for p in parts]
    return "(?:" + "|".join(parts) + ")"


def phrase_table(mapping: dict[str, str]) -> dict[str, str]:
    """Lower-cased keys with runs of spaces folded, for looking up a matched phrase."""
    return {" ".join(k.lower().split()): v for k, v in mapping.items()}


def fold(text: str) -> str:
    """Lookup key of a phrase: NFKC (micro sign = mu), lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


# Word characters on either side that make a number part of a name ("G20", "Covid-19").
WORD_BEFORE = r"(?<![\p{L}\p{N}_])"
# A word after a number: letters, inner hyphens and apostrophes.
WORD = r"[\p{L}][\p{L}\p{M}'’\-]*"
