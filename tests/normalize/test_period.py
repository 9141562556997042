"""The period of a claim's sentence (claims_api.normalize.period)."""

from __future__ import annotations

import pytest

from claims_api.normalize import period_of

POSITIVE = [
    ("There were 2,190 homicides in the last year.", "last year"),
    ("Spending rose 14.6 percent in 2025.", "2025"),
    ("So far in 2026, 444 victims have been recorded.", "2026 (to date)"),
    ("Some 300 were killed so far this year.", "this year (to date)"),
    ("Prices have doubled since 2020.", "since 2020"),
    ("Prices have doubled since March 2021.", "since March 2021"),
    ("Peru had eight presidents in the past 30 years.", "last 30 years"),
    ("It fell over the last three months.", "last three months"),
    ("Officials from the past 30 years are in prison.", "last 30 years"),
    ("Output grew during the past decade.", "last decade"),
    ("Exports rose 3 percent last year.", "last year"),
    ("Inflation reached 8 percent in December 2022.", "December 2022"),
    ("The budget grew between 2020 and 2024.", "2020-2024"),
    ("Unemployment peaked in the 1990s at 10 percent.", "1990s"),
    ("The plan runs to 2030 and costs $3 billion in fiscal 2025.", "2025"),
]
NEGATIVE = [
    "Military spending is set to increase by roughly 12.97 billion soles.",
    "Peru has had its eighth president in 10 years.",
    "The police arrested 1,007 people.",
    "He was born on 2024-12-23.",
    "In 2,000 cases nothing happened.",
    "",
]


@pytest.mark.parametrize(("sentence", "expected"), POSITIVE)
def test_period_of(sentence: str, expected: str) -> None:
    assert period_of(sentence) == expected


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_no_period(sentence: str) -> None:
    assert period_of(sentence) is None
