"""SI values through the process-wide pint registry (claims_api.normalize.units)."""

from __future__ import annotations

import pytest

from claims_api.model import Kind
from claims_api.normalize import normalize_claims, units

from .claims import make_claim

CASES = [
    # kind, value, unit, si value, si unit
    (Kind.QUANTITY, 50, "mile", 80467.2, "meter"),
    (Kind.QUANTITY, 300, "metric_ton", 300000, "kilogram"),
    (Kind.QUANTITY, 2.5, "kilometer", 2500, "meter"),
    (Kind.QUANTITY, 3, "meter ** 2", 3, "meter ** 2"),
    (Kind.QUANTITY, 36, "kilometer / hour", 10, "meter / second"),
    (Kind.QUANTITY, 20, "degree_Celsius", 293.15, "kelvin"),
    (Kind.DURATION, 80, "day", 80, "day"),
    (Kind.DURATION, 2, "decade", 7305, "day"),
    (Kind.DURATION, 4, "month", 121.75, "day"),
    (Kind.DURATION, 30, "year", 10957.5, "day"),
    (Kind.DURATION, 1, "century", 36525, "day"),
    (Kind.DURATION, 3, "week", 21, "day"),
    (Kind.RATE, 6, "1/day", 6, "1/day"),
    (Kind.RATE, 20, "1/week", 20 / 7, "1/day"),
    (Kind.RATE, 2190, "1/year", 2190 / 365.25, "1/day"),
]


@pytest.mark.parametrize(("kind", "value", "unit", "si", "si_unit"), CASES, ids=lambda v: str(v))
def test_si_value(kind: Kind, value: float, unit: str, si: float, si_unit: str) -> None:
    conv = units.conversion(kind, unit)
    assert not isinstance(conv, str)
    assert (value * conv.scale + conv.offset, conv.unit) == (pytest.approx(si), si_unit)


def test_rates_per_day_and_per_year_compare() -> None:
    per_day, per_year = normalize_claims(
        "x", [make_claim("six", Kind.RATE, 6, "1/day"), make_claim("2,190", Kind.RATE, 2190, "1/year")]
    )
    assert per_year.si_value == pytest.approx(per_day.si_value, rel=0.001)


def test_range_converts_both_ends() -> None:
    (claim,) = normalize_claims("x", [make_claim("2-3 miles", Kind.QUANTITY, None, "mile", low=2, high=3)])
    assert (claim.si_value, claim.si_low, claim.si_high) == (
        None,
        pytest.approx(3218.688),
        pytest.approx(4828.032),
    )


@pytest.mark.parametrize(
    ("kind", "unit"),
    [(Kind.QUANTITY, "flurbs"), (Kind.QUANTITY, "meter +"), (Kind.DURATION, "mile"), (Kind.RATE, "1/mile")],
)
def test_unknown_or_wrong_unit_gives_a_reason(kind: Kind, unit: str) -> None:
    (claim,) = normalize_claims("x", [make_claim("x", kind, 5, unit)])
    assert claim.si_value is None and claim.si_unit is None and unit in (claim.norm_note or "")


def test_one_registry_per_process() -> None:
    assert units.registry() is units.registry()
