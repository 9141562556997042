import pytest

from claims_api.consistency.change_direction import ChangeDirection

from .gold import make_article
from .helpers import CONSISTENT, INCONSISTENT, run_rule, statuses


def pct(text, value, **kw):
    return {"text": text, "kind": "percent", "value": value, **kw}


def usd(text, value):
    return {"text": text, "kind": "money", "unit": "USD", "value": value}


CASES = [
    (
        "nofire:rose",
        "Fujimori rose from 8.1 to 10.3 percent.",
        [pct("8.1", 8.1), pct("10.3 percent", 10.3)],
        [CONSISTENT],
    ),
    (
        "fire:rose-but-smaller",
        "Support rose from 10.3 to 8.1 percent.",
        [pct("10.3", 10.3), pct("8.1 percent", 8.1)],
        [INCONSISTENT],
    ),
    (
        "fire:rose-but-equal",
        "Support rose from 10 to 10 percent.",
        [pct("10", 10), pct("10 percent", 10, at=0)],
        [INCONSISTENT],
    ),
    (
        "nofire:fell",
        "Exports fell from $5 billion to $4 billion.",
        [usd("$5 billion", 5e9), usd("$4 billion", 4e9)],
        [CONSISTENT],
    ),
    (
        "fire:fell-but-larger",
        "Exports dropped from $4 billion to $5 billion.",
        [usd("$4 billion", 4e9), usd("$5 billion", 5e9)],
        [INCONSISTENT],
    ),
    (
        "nofire:to-from-order",
        "Sales climbed to $5 billion from $4 billion.",
        [usd("$5 billion", 5e9), usd("$4 billion", 4e9)],
        [CONSISTENT],
    ),
    (
        "nofire:doubled",
        "Debt doubled from $3 billion to $6 billion.",
        [usd("$3 billion", 3e9), usd("$6 billion", 6e9)],
        [CONSISTENT],
    ),
    (
        "fire:doubled-wrong",
        "Debt doubled from $3 billion to $9 billion.",
        [usd("$3 billion", 3e9), usd("$9 billion", 9e9)],
        [INCONSISTENT],
    ),
    (
        "nofire:halved",
        "Aid was halved from $10 million to $5 million.",
        [usd("$10 million", 10e6), usd("$5 million", 5e6)],
        [CONSISTENT],
    ),
    (
        "nofire:plain-range",
        "Salaries went from $4 billion to $5 billion in the plan.",
        [usd("$4 billion", 4e9), usd("$5 billion", 5e9)],
        [],
    ),
    (
        "nofire:different-units",
        "It rose from 5 percent to $6 billion.",
        [pct("5 percent", 5), usd("$6 billion", 6e9)],
        [],
    ),
    (
        "nofire:points-vs-level",
        "Her lead fell from 9 points to 12 percent of the vote.",
        [pct("9 points", 9, attrs={"points": True}), pct("12 percent", 12)],
        [],
    ),
]


@pytest.mark.parametrize("text,claims,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_change_direction(text, claims, expected):
    found = run_rule(ChangeDirection(), make_article(text, claims))
    assert statuses(found) == expected, [f.explanation for f in found]
