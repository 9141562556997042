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


def fold(text: str) -> str:
    """Lookup key of a phrase: NFKC (micro sign = mu), lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())
