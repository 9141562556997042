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
