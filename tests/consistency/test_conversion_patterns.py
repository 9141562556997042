"""Conversions beyond brackets of money and lengths: after a dash (GUIDELINE v2), a rate restated per
another period, temperatures (pint's offset, or a difference of temperatures). Must and must not."""

from __future__ import annotations

import pytest

from claims_api.consistency import report
from claims_api.relations import relate

from .gold import make_article
from .test_rate_vs_total import rate
from .test_relations import money, qty, usd

# (id, text, claims, conversion expected, unit_conversion / implied_fx_rate status or None)
CASES = [
    (
        "dash:money",
        "The council will borrow 40 billion yen - about $270 million - for the bridge.",
        [money("40 billion yen", 40e9, "JPY"), usd("about $270 million", 270e6, qualifier="approx")],
        True,
        None,
    ),
    (
        "dash:en-dash-quantity",
        "The ridge rises 3,000 metres \u2013 9,800 feet \u2013 above the valley.",
        [qty("3,000 metres", 3000, "meter"), qty("9,800 feet", 9800, "foot")],
        True,
        "consistent",
    ),
    (
        "no-dash:clause-between",
        "The firm paid 40 billion yen - and a further $270 million was borrowed.",
        [money("40 billion yen", 40e9, "JPY"), usd("$270 million", 270e6)],
        False,
        None,
    ),
    (
        "rate:per-week-per-year",
        "The plant makes 2,000 engines a week, or about 104,000 a year.",
        [rate("2,000 engines a week", 2000, "1/week"), rate("about 104,000 a year", 104000, "1/year")],
        True,
        "consistent",
    ),
    (
        "rate:per-day-per-year-wrong",
        "The mine ships 50,000 tonnes a day, or roughly 40 million tonnes a year.",
        [
            rate("50,000 tonnes a day", 50000, "1/day"),
            rate("roughly 40 million tonnes a year", 40e6, "1/year", qualifier="approx"),
        ],
        True,
        "inconsistent",
    ),
    (
        "no-rate-conversion:two-measures",
        "The clinic sees 40 patients a day, or 90 complaints a week.",
        [rate("40 patients a day", 40, "1/day"), rate("90 complaints a week", 90, "1/week")],
        False,
        None,
    ),
    (
        "temperature:absolute",
        "The thermometer showed 40°C (104°F) at noon.",
        [qty("40°C", 40, "degree_Celsius"), qty("104°F", 104, "degree_Fahrenheit")],
        True,
        "consistent",
    ),
    (
        "temperature:absolute-wrong",
        "The thermometer showed 40°C (114°F) at noon.",
        [qty("40°C", 40, "degree_Celsius"), qty("114°F", 114, "degree_Fahrenheit")],
        True,
        "inconsistent",
    ),
    (
        "temperature:difference",
        "Nights were 5°C (9°F) colder than usual.",
        [qty("5°C", 5, "degree_Celsius"), qty("9°F", 9, "degree_Fahrenheit")],
        True,
        "consistent",
    ),
]


@pytest.mark.parametrize("text,claims,related,status", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_conversion_patterns(text, claims, related, status):
    article = make_article(text, claims, published="2019-06-01")
    kinds = [r.kind.value for r in relate(article).relations]
    assert ("conversion" in kinds) is related, kinds
    if status is not None:
        found = [f for f in report([article]) if f.rule == "unit_conversion"]
        assert [f.status.value for f in found] == [status], [f.explanation for f in found]
