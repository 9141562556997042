"""Publication dates: coercion and inference from the dateline (claims_api.normalize.dates)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from claims_api.normalize import infer_published
from claims_api.normalize.dates import as_date

INFERRED = [
    ("Cesar Uco\n23 December 2024\n\nThe government of Peru…", date(2024, 12, 23)),
    ("Cesar Uco, Bill Van Auken\n25 February 2026\n\nOn the night of February 18…", date(2026, 2, 25)),
    ("\n\n# Title\n\nCesar Uco  \n23 December 2024\n\nText", date(2024, 12, 23)),
    ("By Jane Doe\nFebruary 25, 2026\nBody", date(2026, 2, 25)),
    (
        "Lima, Peru, Friday, Dec. 9, 2022. Peru's Congress voted to remove President Pedro Castillo.",
        date(2022, 12, 9),
    ),
    ("Published 2026-02-25 by the desk\n\nBody", date(2026, 2, 25)),
    ("Sept. 3, 2021\nBody", date(2021, 9, 3)),
    # A short dateline line beats a date inside a long first sentence.
    (
        "On 5 March 2020 the long first sentence of the article went on and on about many things.\n"
        "Staff\n6 March 2020\n",
        date(2020, 3, 6),
    ),
    # a date in the lede that says when something happened is near the day of writing
    ("On 12 May 2025 the ministry said exports rose by a tenth.", date(2025, 5, 12)),
    ("The ministry said on 12 May 2025 that exports rose by a tenth.", date(2025, 5, 12)),
    # a period's edge in the lede does not hide a dateline that follows
    ("In the year to 31 March 2025 sales fell.\nLONDON, 2 June 2025\n", date(2025, 6, 2)),
]
NOT_INFERRED = [
    "No date here at all.\n\nJust text.",
    "31 February 2024\nimpossible day",
    "x" * 700 + "\n25 February 2026\n",  # beyond the dateline window
    "In 2024 prices rose 5 percent.",
    # a date inside a sentence that ends or opens a reported period is not the day of writing
    "Reporting its results for the three months to 31 December 2024, the firm made a profit.",
    "In the quarter ended June 30, 2024, sales rose by a fifth.",
    "Prices have risen by a third since 1 January 2023, the office said.",
    "Sales from 1 March 2024 until 30 June 2024 doubled.",
    "The plan runs through 31 October 2026 and costs more.",
]


@pytest.mark.parametrize(("text", "expected"), INFERRED)
def test_infer_published(text: str, expected: date) -> None:
    assert infer_published(text) == expected


@pytest.mark.parametrize("text", NOT_INFERRED)
def test_infer_published_none(text: str) -> None:
    assert infer_published(text) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-23", date(2024, 12, 23)),
        ("2024-12-23T10:00:00Z", date(2024, 12, 23)),
        (date(2024, 12, 23), date(2024, 12, 23)),
        (datetime(2024, 12, 23, 10, 0), date(2024, 12, 23)),
        ("yesterday", None),
        (None, None),
    ],
)
def test_as_date(value: object, expected: date | None) -> None:
    assert as_date(value) == expected  # type: ignore[arg-type]
