"""The hand-written ``to_dict`` of the report's values equals the generic field-by-field copy."""

from __future__ import annotations

import dataclasses
import math

import pytest

from claims_api.model import ClaimRef, Finding, Kind, Severity, Status, _field_names, _plain


def _generic(value: object) -> dict[str, object]:
    return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "numbers",
    [{}, {"implied": 1.5, "unit": "GBP per USD"}, {"values": [{"low": 1.0, "high": float("inf")}], "n": 3}],
)
def test_finding_to_dict_is_the_generic_copy(numbers: dict[str, object]) -> None:
    ref = ClaimRef("12", "doc-12", 4, 9, "$5m", "It cost $5m.", 77)
    f = Finding("implied_fx_rate", Status.INCONSISTENT, Severity.HIGH, (ref, ref), numbers, "why", "k")
    out = f.to_dict()
    assert out == _generic(f) | {"claims": [_generic(ref), _generic(ref)]}
    assert list(out) == list(_field_names(Finding))
    assert list(out["claims"][0]) == list(_field_names(ClaimRef))
    assert out["status"] == "inconsistent" and type(out["status"]) is str


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Kind.MONEY, "money"),
        (float("nan"), None),
        (-math.inf, None),
        (2.5, 2.5),
        (True, True),
        ((1, (2, Kind.COUNT)), [1, [2, "count"]]),
        ({1: {"a": float("nan")}}, {"1": {"a": None}}),
        ("text", "text"),
    ],
)
def test_plain_copies(value: object, expected: object) -> None:
    got = _plain(value)
    assert got == expected
    assert type(got) is type(expected)
