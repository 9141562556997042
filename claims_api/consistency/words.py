"""The word tables the older consistency rules read, loaded from ``claims_api/lexicons`` (no words here).

One lexicon file per list: places.yaml (names, demonyms, multi-word place phrases), not_names,
measured_lemmas, generic_nouns. Extend a list there, with a table case in the rule's tests; a
second language is a second set of files. (The share and rate lists are read by the relation
layer, ``relations.shares`` and ``relations.rates``, straight from ``claims_api.lexicons``.)
"""

from __future__ import annotations

from claims_api import lexicons


def _places() -> tuple[dict[str, str], dict[str, str]]:
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for name, forms in lexicons.load("places").items():
        for form in forms:
            form = " ".join(str(form).lower().split())
            (phrases if " " in form else words).setdefault(form, str(name))
    return words, phrases


#: Country names, abbreviations and demonyms -> one name (lower-case keys); PLACE_PHRASES are the
#: multi-word names, matched before single words.
PLACES, PLACE_PHRASES = _places()

#: Capitalised words that are not names (sentence openers, months, days, titles).
NOT_NAMES = frozenset(lexicons.words("not_names"))

#: Words naming what a figure measures -> a lemma (invest/investment/invested -> invest).
MEASURES: dict[str, str] = lexicons.groups("measured_lemmas")

#: Counted nouns too general to name the thing on their own ("60 people have died").
GENERIC_NOUNS = frozenset(lexicons.words("generic_nouns"))
