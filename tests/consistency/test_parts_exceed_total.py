import pytest

from claims_api.consistency.parts_exceed_total import PartsExceedTotal

from .gold import make_article
from .helpers import CONSISTENT, INCONSISTENT, run_rule, statuses


def usd(text, value, **kw):
    return {"text": text, "kind": "money", "unit": "USD", "value": value, **kw}


def pen(text, value, **kw):
    return {"text": text, "kind": "money", "unit": "PEN", "value": value, **kw}


def count(text, value):
    return {"text": text, "kind": "count", "value": value}


CASES = [
    (
        "nofire:include-within",
        "Spending will rise by $3.4 billion. This will include jets for $60 million. "
        "The Navy gets some $1.3 billion.",
        [
            usd("$3.4 billion", 3.4e9),
            usd("$60 million", 60e6),
            usd("some $1.3 billion", 1.3e9, qualifier="approx"),
        ],
        [CONSISTENT],
    ),
    (
        "fire:include-exceeds",
        "Spending will rise by $1.2 billion. This will include jets for $800 million. "
        "The Navy gets $700 million.",
        [usd("$1.2 billion", 1.2e9), usd("$800 million", 800e6), usd("$700 million", 700e6)],
        [INCONSISTENT],
    ),
    (
        "fire:totaling",
        "The plan buys 56 vehicles for $40 million, handguns for $30 million, totaling $57.6 million.",
        [usd("$40 million", 40e6), usd("$30 million", 30e6), usd("$57.6 million", 57.6e6)],
        [INCONSISTENT],
    ),
    (
        "nofire:totaling-over",
        "The plan buys vehicles for $40 million and handguns for $30 million, totaling over $57.6 million.",
        [
            usd("$40 million", 40e6),
            usd("$30 million", 30e6),
            usd("over $57.6 million", 57.6e6, qualifier="more_than"),
        ],
        [CONSISTENT],
    ),
    (
        "nofire:converted-total",
        "Spending rises by roughly 12.97 billion soles ($3.422 billion). This will include aircraft for "
        "222.6 million soles ($60 million). The Navy is to receive some $1.3 billion.",
        [
            pen("roughly 12.97 billion soles", 12.97e9, qualifier="approx"),
            usd("$3.422 billion", 3.422e9),
            pen("222.6 million soles", 222.6e6),
            usd("$60 million", 60e6),
            usd("some $1.3 billion", 1.3e9, qualifier="approx"),
        ],
        [CONSISTENT],
    ),
    (
        "nofire:no-cue",
        "Spending will rise by $1 billion. Jets cost $600 million. The Navy gets $700 million.",
        [usd("$1 billion", 1e9), usd("$600 million", 600e6), usd("$700 million", 700e6)],
        [],
    ),
    (
        "nofire:other-kind",
        "The plan includes 56 vehicles and 43 units, totaling over $57.6 million.",
        [count("56", 56), count("43", 43), usd("over $57.6 million", 57.6e6, qualifier="more_than")],
        [],
    ),
]


@pytest.mark.parametrize("text,claims,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parts_exceed_total(text, claims, expected):
    found = run_rule(PartsExceedTotal(), make_article(text, claims))
    assert statuses(found) == expected, [f.explanation for f in found]
