"""lexicons.trie_pattern: a word list as one trie-shaped expression finds what the plain
alternation of its words finds, in every text."""

from __future__ import annotations

import re

import pytest

from claims_api import lexicons

# (phrases, texts)
CASES = [
    (["tax", "taxes", "tariff"], ["new taxes", "a tariff", "taxi", "tab", "", "TAX"]),
    (["in", "inflation", "i"], ["inflation", "win", "x", "ii"]),
    (["a.b", "a+b", "(c)"], ["a.b", "axb", "a+b", "aab", "(c)", "c"]),
    (["export", "exports", "exported", "expo"], ["re-exported", "exp", "expos", "export"]),
]


@pytest.mark.parametrize(("phrases", "texts"), CASES, ids=[c[0][0] for c in CASES])
def test_trie_finds_what_the_alternation_finds(phrases, texts):
    trie = re.compile(lexicons.trie_pattern(phrases))
    plain = re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)))
    for text in texts:
        assert bool(trie.search(text)) == bool(plain.search(text)), text
    for phrase in phrases:
        assert trie.fullmatch(phrase), phrase


def test_trie_of_the_measured_words():
    from claims_api.consistency.words import MEASURES

    trie = re.compile(lexicons.trie_pattern(MEASURES))
    for word in MEASURES:
        assert trie.fullmatch(word)
        assert trie.search(f"the {word}.").group() in MEASURES
