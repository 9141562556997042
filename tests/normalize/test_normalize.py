"""normalize_claims end to end: dates, periods, money and SI fields on Claims."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest
from currency_converter import CurrencyConverter
from hypothesis import given, settings
from hypothesis import strategies as st

from claims_api.model import Kind
from claims_api.normalize import normalize_claims

from .claims import make_claim

ARTICLE = "Cesar Uco\n23 December 2024\n\nThe government will spend 12.97 billion soles so far in 2026."


def eur(value: float) -> list:  # type: ignore[type-arg]
    return [make_claim("100 euros", Kind.MONEY, value, "EUR")]


@pytest.mark.parametrize(
    ("published", "basis", "fx_basis"),
    [
        ("2024-12-23", "given", "published"),
        (date(2024, 12, 23), "given", "published"),
        (datetime(2024, 12, 23, 8, 30), "given", "published"),
    ],
)
def test_given_date(published: object, basis: str, fx_basis: str) -> None:
    (claim,) = normalize_claims("no dateline", eur(100), published)  # type: ignore[arg-type]
    assert (claim.published, claim.published_basis) == ("2024-12-23", basis)
    assert claim.fx is not None and claim.fx.date_basis == fx_basis
    expected = CurrencyConverter().convert(100, "EUR", "USD", date=date(2024, 12, 23))
    assert claim.usd == pytest.approx(expected, rel=1e-12)


def test_inferred_date() -> None:
    (claim,) = normalize_claims(ARTICLE, eur(100))
    assert (claim.published, claim.published_basis, claim.fx.date_basis) == (  # type: ignore[union-attr]
        "2024-12-23",
        "inferred",
        "inferred",
    )


def test_no_date_uses_latest() -> None:
    (claim,) = normalize_claims("no dateline", [make_claim("6,000 soles", Kind.MONEY, 6000, "PEN")])
    assert (claim.published, claim.published_basis) == (None, None)
    assert claim.fx is not None and claim.fx.date_basis == "latest" and claim.usd is not None


def test_unreadable_given_date_falls_back_to_the_dateline() -> None:
    (claim,) = normalize_claims(ARTICLE, eur(100), "not a date")
    assert claim.published_basis == "inferred" and "not a date" in (claim.norm_note or "")


def test_pen_in_2024_article() -> None:
    claims = [make_claim(ARTICLE, Kind.MONEY, 12.97e9, "PEN")]
    (claim,) = normalize_claims(ARTICLE, claims, "2024-12-23")
    assert (
        claim.fx is not None and claim.fx.rate == 3.7525 and "World Bank WDI PA.NUS.FCRF" in claim.fx.source
    )
    assert claim.usd == pytest.approx(12.97e9 / 3.7525)
    assert claim.period == "2026 (to date)"
    assert claim.norm_note is None


def test_pen_range_in_2026_article() -> None:
    text = "between 6,000 and 11,000 soles"
    (claim,) = normalize_claims(
        text, [make_claim(text, Kind.MONEY, None, "PEN", low=6000, high=11000)], "2026-02-25"
    )
    assert claim.usd is None
    assert (claim.usd_low, claim.usd_high) == (pytest.approx(6000 / 3.7525), pytest.approx(11000 / 3.7525))
    assert claim.fx is not None and claim.fx.note == "2024 annual average used for 2026"


@pytest.mark.parametrize(
    ("value", "unit", "published", "reason"),
    [
        pytest.param(100, "XYZ", "2024-01-05", "XYZ", id="unknown-code"),
        pytest.param(100, "EUR", "1980-06-01", "before 1999", id="eur-1980"),
        pytest.param(100, "PEN", "1950-06-01", "before 1991", id="pen-1950"),
        pytest.param(math.nan, "EUR", "2024-01-05", "not a finite number", id="nan"),
        pytest.param(math.inf, "PEN", "2024-01-05", "not a finite number", id="inf"),
        pytest.param(None, "PEN", "2024-01-05", "no amount", id="none"),
        pytest.param(100, None, "2024-01-05", "no currency", id="no-unit"),
    ],
)
def test_money_without_usd_says_why(
    value: float | None, unit: str | None, published: str, reason: str
) -> None:
    (claim,) = normalize_claims("x", [make_claim("x", Kind.MONEY, value, unit)], published)
    assert claim.usd is None and claim.usd_low is None and claim.usd_high is None
    assert reason in (claim.norm_note or "")


def test_percent_and_count_get_no_si_or_usd() -> None:
    claims = [
        make_claim("14.6 percent", Kind.PERCENT, 14.6, "percent"),
        make_claim("444", Kind.COUNT, 444, None),
    ]
    for claim in normalize_claims("x", claims, "2024-01-05"):
        assert (
            claim.usd is None and claim.si_value is None and claim.si_unit is None and claim.norm_note is None
        )


def test_inputs_are_not_mutated_and_order_is_kept() -> None:
    claims = eur(1) + eur(2)
    out = normalize_claims("x", claims, "2024-12-23")
    assert [c.value for c in out] == [1, 2] and claims[0].usd is None


money_or_unit = st.sampled_from(["EUR", "PEN", "USD", "XYZ", "", "mile", "1/day", "decade", "nonsense unit"])
numbers = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**20), 10**20))


@settings(max_examples=200, deadline=None)
@given(
    kind=st.sampled_from(list(Kind)),
    unit=money_or_unit,
    value=numbers,
    low=numbers,
    high=numbers,
    published=st.one_of(st.none(), st.dates(), st.text(max_size=12)),
)
def test_never_raises(
    kind: Kind, unit: str, value: float, low: float, high: float, published: object
) -> None:
    claim = make_claim("x", kind, value, unit or None, low=low, high=high)
    (out,) = normalize_claims("Staff\n1 May 2020\n\nx", [claim], published)  # type: ignore[arg-type]
    assert out.usd is None or math.isfinite(out.usd)


def test_an_amount_that_overflows_in_dollars_has_no_usd() -> None:
    # found by test_never_raises: 1e308 of a currency worth less than a dollar is inf dollars
    (out,) = normalize_claims("x", [make_claim("x", Kind.MONEY, 1.7e308, "GBP")], "2020-05-01")
    assert out.usd is None and out.value == 1.7e308 and out.fx is not None
