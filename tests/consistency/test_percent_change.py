import pytest

from claims_api.consistency.percent_change import PercentChange

from .gold import make_article
from .helpers import CONSISTENT, INCONSISTENT, run_rule, statuses


def pct(text, value, **kw):
    return {"text": text, "kind": "percent", "value": value, **kw}


def usd(text, value):
    return {"text": text, "kind": "money", "unit": "USD", "value": value}


CASES = [
    (
        "nofire:up-76",
        "Profit was up 76% to $1.13bn from $639m.",
        [pct("76%", 76), usd("$1.13bn", 1.13e9), usd("$639m", 639e6)],
        [CONSISTENT],
    ),
    (
        "fire:up-50-wrong",
        "Profit was up 50% to $1.13bn from $639m.",
        [pct("50%", 50), usd("$1.13bn", 1.13e9), usd("$639m", 639e6)],
        [INCONSISTENT],
    ),
    (
        "nofire:down-40",
        "Sales fell 40% from $500 million to $300 million.",
        [pct("40%", 40), usd("$500 million", 500e6), usd("$300 million", 300e6)],
        [CONSISTENT],
    ),
    (
        "fire:down-40-wrong",
        "Sales fell 40% from $500 million to $350 million.",
        [pct("40%", 40), usd("$500 million", 500e6), usd("$350 million", 350e6)],
        [INCONSISTENT],
    ),
    (
        "nofire:b-up-p-from-a",
        "Revenue reached $1.13bn, up 76% from $639m.",
        [usd("$1.13bn", 1.13e9), pct("76%", 76), usd("$639m", 639e6)],
        [CONSISTENT],
    ),
    (
        # the "from" figure belongs to another clause; 12% leads only "to $60.1 billion"
        "nofire:from-in-another-clause",
        "The deficit widened to $18.7 billion from $17.5 billion, as imports climbed 12.2% to $60.1 billion.",
        [
            usd("$18.7 billion", 18.7e9),
            usd("$17.5 billion", 17.5e9),
            pct("12.2%", 12.2),
            usd("$60.1 billion", 60.1e9),
        ],
        [],
    ),
    (
        "nofire:from-before-percent",
        "Exports went from $500 million in May and rose 20% to $900 million in June.",
        [usd("$500 million", 500e6), pct("20%", 20), usd("$900 million", 900e6)],
        [],
    ),
    (
        "nofire:figure-of-same-unit-between",
        "Profit was up 76% to $1.13bn, with $200m from licensing, from $639m.",
        [pct("76%", 76), usd("$1.13bn", 1.13e9), usd("$200m", 200e6), usd("$639m", 639e6)],
        [],
    ),
    (
        "nofire:units-differ",
        "Output was up 20% to 1.2 million tonnes from $639m.",
        [
            pct("20%", 20),
            {"text": "1.2 million tonnes", "kind": "quantity", "unit": "t", "value": 1.2e6},
            usd("$639m", 639e6),
        ],
        [],
    ),
    (
        "fire:from-b-to-a-up-p",
        "Revenue grew from $639m to $1.13bn, up 50%.",
        [usd("$639m", 639e6), usd("$1.13bn", 1.13e9), pct("50%", 50)],
        [INCONSISTENT],
    ),
    (
        "nofire:from-b-to-a-up-p",
        "Revenue grew from $639m to $1.13bn, up 76%.",
        [usd("$639m", 639e6), usd("$1.13bn", 1.13e9), pct("76%", 76)],
        [CONSISTENT],
    ),
    (
        "fire:rose-p-to-a-in-quarter-from-b",
        "Sales rose 30% to $900 million in the quarter from $600 million a year earlier.",
        [pct("30%", 30), usd("$900 million", 900e6), usd("$600 million", 600e6)],
        [INCONSISTENT],
    ),
    (
        "nofire:no-from",
        "Profit was up 76% to $1.13bn this year.",
        [pct("76%", 76), usd("$1.13bn", 1.13e9)],
        [],
    ),
    (
        "nofire:share-not-change",
        "China holds 36% of trade, from $639m to $1.13bn in ten years.",
        [pct("36%", 36), usd("$639m", 639e6), usd("$1.13bn", 1.13e9)],
        [],
    ),
    (
        "nofire:points-are-not-relative",
        "Its margin was up 5 percentage points as profit rose to $1.13bn from $639m.",
        [pct("5 percentage points", 5, attrs={"points": True}), usd("$1.13bn", 1.13e9), usd("$639m", 639e6)],
        [],
    ),
]


@pytest.mark.parametrize("text,claims,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_percent_change(text, claims, expected):
    found = run_rule(PercentChange(), make_article(text, claims))
    assert statuses(found) == expected, [f.explanation for f in found]
