"""Text structure (issue 10, class 13): no claim reaches across a paragraph break, and every claim
of a sentence carries the same sentence bounds, over generated texts and the real articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims_api import extract
from claims_api.model import Claim

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "tests" / "data" / "bbc").glob("*.txt")) + sorted((ROOT / "seeds").glob("*.txt"))

# Pieces news text is made of: figures, hedges, scale words, units, abbreviations with full stops,
# range words, and the separators between sentences, lines and paragraphs.
PIECES = [
    "5",
    "12.5",
    "3,400",
    "two",
    "a dozen",
    "$4.2",
    "US$",
    "£",
    "€30m",
    "billion",
    "million",
    "bn",
    "percent",
    "%",
    "per cent",
    "km",
    "ft.",
    "in.",
    "tonnes",
    "a day",
    "years",
    "just",
    "only",
    "more than",
    "about",
    "nearly",
    "up to",
    "or more",
    "between",
    "and",
    "to",
    "from",
    "rose",
    "fell",
    "the",
    "people",
    "jobs",
    "Mr.",
    "No.",
    "U.S.",
    "Dr.",
    "St.",
    "p.m.",
    "Jan.",
    "inc.",
    "The company",
    "Sales",
    "(",
    ")",
    ",",
    ";",
    "-",
    "It said",
    "in 2024",
    "1990s",
    "Chapter 11",
]
SEPARATORS = [" ", " ", " ", ". ", "! ", "? ", "\n", "\n\n", " \n \n", ".\n\n", "\r\n\r\n", "\u00a0"]

texts = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=40
).map(lambda parts: "".join(p + s for p, s in parts))


def _check(text: str, claims: list[Claim]) -> None:
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert "\n\n" not in c.text and "\n\r\n" not in c.text, f"claim across a paragraph: {c.text!r}"
        assert c.sentence_start <= c.start and c.end <= c.sentence_end, c
    by_start = sorted(claims, key=lambda c: c.sentence_start)
    for a, b in zip(by_start, by_start[1:], strict=False):
        if b.sentence_start < a.sentence_end:  # overlapping sentences are one sentence
            assert (a.sentence_start, a.sentence_end) == (b.sentence_start, b.sentence_end), (a, b)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_generated_texts(text: str) -> None:
    _check(text, extract(text, normalize=False, language="en"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_real_articles(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    _check(text, extract(text, normalize=False))


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A hedge ends the paragraph before; the figure starts the next one.
        ("Investment fell to just\n\nUS$6.7 billion last year.", ["US$6.7 billion"]),
        ("Turnout was more than\n\n60 percent, officials said.", ["60 percent"]),
        ("It would cost about\r\n\r\n£40m to repair.", ["£40m"]),
        # A figure on its own, the unit in the next paragraph: the number alone is read.
        ("Exports rose 7\n\npercent of them were cars.", ["7"]),
        # A line break inside a paragraph is not a paragraph break.
        ("Inflation rose to about 3%\nin March, from 2.5% in February.", ["about 3%", "2.5%"]),
        ("Nearly 40 people\n\nwere hurt.", ["Nearly 40"]),
    ],
)
def test_paragraph_break_ends_a_claim(text: str, spans: list[str]) -> None:
    claims = extract(text, normalize=False)
    assert [c.text for c in claims] == spans
    _check(text, claims)


def test_one_sentence_one_pair_of_bounds() -> None:
    # A line break inside a paragraph ends a sentence, unless a claim reaches across it: then the
    # two halves are one sentence, and both claims carry its bounds.
    first = "Sales were up by more than\n5 percent in May, and 3% in June, it said."
    text = first + " Costs fell."
    claims = extract(text, normalize=False)
    _check(text, claims)
    assert [c.text for c in claims] == ["more than\n5 percent", "3%"]
    assert {(c.sentence_start, c.sentence_end) for c in claims} == {(0, len(first))}
