"""Reading numbers: digit groups (Western and Indian), scale words, and lists that are no one number."""

from __future__ import annotations

import pytest

from claims_api.extract.numbers import scan

CASES = [
    ("7,97,000 people", [("7,97,000", 797000)]),
    ("5,41,000 voters", [("5,41,000", 541000)]),
    ("1,00,000 rupees", [("1,00,000", 100000)]),
    ("12,34,56,789", [("12,34,56,789", 123456789)]),
    ("Rs 7,97,000 crore", [("7,97,000 crore", 7.97e12)]),
    ("Rs 1.2 lakh crore", [("1.2 lakh crore", 1.2e12)]),
    ("Tk 7.62 lakh crores", [("7.62 lakh crores", 7.62e12)]),
    ("Rs 50 thousand crore", [("50 thousand crore", 5e11)]),
    ("one lakh crore", [("one lakh crore", 1e12)]),
    ("a thousand million", [("a thousand million", 1e9)]),
    ("one million two hundred thousand", [("one million two hundred thousand", 1.2e6)]),
    ("10,000,000 and 12,345", [("10,000,000", 1e7), ("12,345", 12345)]),
    ("Rs.38.5 million", [("38.5 million", 3.85e7)]),
    ("Rs.5 crore", [("5 crore", 5e7)]),  # not ".5 crore"
    ("S/.20", [("20", 20)]),
    (".25 inch", [(".25", 0.25)]),
    # Scale words after digits multiply out; "and" adds the rest after "hundred".
    ("3 hundred thousand", [("3 hundred thousand", 3e5)]),
    ("2.12 hundred", [("2.12 hundred", 212)]),
    ("3 dozens", [("3 dozens", 36)]),
    ("3 hundred and 21 yuan", [("3 hundred and 21", 321)]),
    ("between 3 hundred and 5 hundred", [("3 hundred", 300), ("5 hundred", 500)]),
    ("1.3e6", [("1.3e6", 1.3e6)]),
    ("-12e-1", [("-12e-1", -1.2)]),
    # Number words: text2num reads the value; a sign word, a fraction after a scale.
    ("three thousand millions", [("three thousand millions", 3e9)]),
    ("minus five point five", [("minus five point five", -5.5)]),
    ("negative one.", [("negative one", -1)]),
    ("negative three times", [("three", 3)]),
    ("plus or minus two", [("two", 2)]),
    ("one billion and a half million", [("one billion and a half million", 1.0005e9)]),
    ("one hundred and three quarters", [("one hundred and three quarters", 100.75)]),
    ("forty two and a third", [("forty two and a third", 42 + 1 / 3)]),
    ("half million", [("half million", 5e5)]),
    ("one hundred one two", [("one hundred one", 101), ("two", 2)]),
    # Lists and stray commas stay apart: never one number.
    ("1,2,3", [("1", 1)]),
    ("5,41", [("5", 5)]),
    ("pages 10,20,30", [("10", 10)]),
    ("1,23,4567", [("1", 1)]),
    ("v.2", []),
    ("\U000116d0", []),  # a digit newer than Python's Unicode tables
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0] for c in CASES])
def test_scan(text: str, want: list[tuple[str, float]]) -> None:
    assert [(text[n.start : n.end], pytest.approx(n.value)) for n in scan(text)] == want
