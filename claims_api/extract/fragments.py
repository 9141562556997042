"""Regex fragments shared by the kind rules, each written once and built from the lexicons."""

from __future__ import annotations

import functools
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


#: Past this code point no character has a case fold (checked over all of Unicode by the tests).
LAST_CASED = 0x1E950


def _one_fold(ch: str) -> str:
    """``ch``'s case fold as one character: casefold, else lower, else lower's first character."""
    return next((f for f in (ch.casefold(), ch.lower()) if len(f) == 1), ch.lower()[0])


@functools.cache
def _fold_table() -> dict[int, str]:
    # Only the ~1,500 characters that change: a bounded table, built once, used by str.translate.
    return {cp: f for cp in range(LAST_CASED) if (f := _one_fold(chr(cp))) != chr(cp)}


def lower(text: str) -> str:
    """``text`` in lower case, one character for one, read the way a case-insensitive pattern
    reads it: "İ" is "i" (``str.lower`` gives two characters), "ſ" is "s", "K" (Kelvin) is "k".

    Use it, never ``str.lower``, for a key built from matched text or for a copy that is indexed
    with offsets of the original."""
    return text.translate(_fold_table())


def fold(text: str) -> str:
    """Lookup key of a phrase: NFKC (micro sign = mu), lower case (``lower``), single spaces."""
    return " ".join(lower(unicodedata.normalize("NFKC", text)).split())
