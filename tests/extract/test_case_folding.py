"""Case folding that changes a string's length or meaning never breaks a lookup (issue 12, defect 2).

``"İ".lower()`` is two characters and ``"ſ".lower()`` is not ``"s"``, while a case-insensitive
pattern matches both as ``i`` and ``s``: every lookup keyed by matched text goes through
``fragments.lower``/``fold``, which read a character as the pattern did.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims_api import extract
from claims_api.extract.fragments import LAST_CASED, _one_fold, fold, lower

# Characters whose lower case or case fold differs in length or letter from what a
# case-insensitive regex reads them as.
ODD = "\u0130\u0131\u017f\u212a\u212b\u1e9e\u00df\u03c2\u03a3\u0345\u1fbe\ufb00\ufb06\u0149\u01f0"


@pytest.mark.parametrize(
    "text",
    [
        "12 m\u0130",
        "5 M\u0130LES away",
        "They walked 5 m\u0130les in 3 m\u0130nutes.",
        "It rose 4 percent in the last \u017fix months.",
        "About 40 \u212ailometres of road and 8 \u0130NCHES of rain.",
        "D\u0130ZENS were hurt and M\u0130LL\u0130ONS watched for 2 HOURS da\u0130ly.",
        "Prices rose 3% a year, or 8 cents per m\u0130le, up to tw\u0130ce.",
    ],
)
def test_odd_case_never_raises(text: str) -> None:
    # language="en": these word salads test case folding; the language check may call them Turkish
    for c in extract(text, language="en"):
        assert text[c.start : c.end] == c.text


def test_unit_is_read_through_the_odd_letter() -> None:
    claims = extract("The trail runs 5 M\u0130LES away from town.")
    assert [(c.kind.value, c.value, c.unit) for c in claims] == [("quantity", 5.0, "mile")]


def test_lower_keeps_every_length() -> None:
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        assert len(lower(ch)) == 1, hex(cp)
        assert cp < LAST_CASED or _one_fold(ch) == ch, hex(cp)
    assert lower("M\u0130LES") == "miles" and fold("  \u017fIX  MILES ") == "six miles"


_WORDS = st.sampled_from(
    [
        "mi",
        "miles",
        "km",
        "kg",
        "percent",
        "per",
        "day",
        "year",
        "dozen",
        "million",
        "billion",
        "cents",
        "dollars",
        "soles",
        "half",
        "third",
        "about",
        "over",
        "nearly",
        "twice",
        "hours",
        "months",
        "lakh",
    ]
)


@st.composite
def odd_text(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        word = draw(_WORDS)
        chars = list(word)
        for i in draw(st.lists(st.integers(0, len(chars) - 1), max_size=3)):
            chars[i] = draw(st.sampled_from([chars[i].upper(), *ODD]))
        number = draw(st.sampled_from(["", "12 ", "3.5 ", "two ", "1,200 ", "$4 "]))
        parts.append(number + "".join(chars))
    return " ".join(parts) + draw(st.sampled_from(["", ".", " ago."]))


@given(odd_text())
@settings(max_examples=400, deadline=None)
def test_odd_unicode_never_raises(text: str) -> None:
    for c in extract(text, language="en"):
        assert text[c.start : c.end] == c.text


@given(st.text(alphabet=st.sampled_from(list(ODD + "0123456789 .,$%milesMILEkgdayprcent")), max_size=60))
@settings(max_examples=400, deadline=None)
def test_odd_alphabet_never_raises(text: str) -> None:
    for c in extract(text, language="en"):
        assert text[c.start : c.end] == c.text
