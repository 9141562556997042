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
    # a ratio claim holds its part and its whole ("four out of five"): one relation of one claim
    (
        "nofire:ratio-out-of",
        "The court backed the firm on four out of five key issues, its lawyers said.",
        [
            {
                "text": "four out of five",
                "kind": "percent",
                "value": 80.0,
                "unit": "percent",
                "attrs": {"ratio": [4, 5]},
            }
        ],
        [CONSISTENT],
    ),
    (
        "fire:ratio-part-beyond-whole",
        "Six in five residents said the service had improved, the survey found.",
        [
            {
                "text": "Six in five",
                "kind": "percent",
                "value": 120.0,
                "unit": "percent",
                "attrs": {"ratio": [6, 5]},
            }
        ],
        [INCONSISTENT],
    ),
    (
        "nofire:plain-share-is-no-ratio",
        "Some 52% of residents said the service had improved.",
        [{"text": "52%", "kind": "percent", "value": 52.0, "unit": "percent"}],
        [],
    ),
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
        # "combined" belongs to the first figure; the second counts other things and is no total
        "nofire:combined-then-unrelated-count",
        "Flu reports hit 2,793 in January and February combined, and five infants have died.",
        [count("2,793", 2793), count("five", 5)],
        [],
    ),
    (
        "nofire:total-counts-another-noun",
        "Police seized 300 rifles and 250 pistols, a total of 400 arrests were made.",
        [count("300", 300), count("250", 250), count("400", 400)],
        [],
    ),
    (
        "fire:a-total-of-parts-after",
        "A total of 30 cases were reported: 20 cases in Lima and 15 cases in Cusco.",
        [count("30", 30), count("20", 20), count("15", 15)],
        [INCONSISTENT],
    ),
    (
        "fire:in-all",
        "The storm destroyed 120 houses in Beira and 90 houses in Dondo, 150 houses in all.",
        [count("120", 120), count("90", 90), count("150", 150)],
        [INCONSISTENT],
    ),
    (
        "nofire:in-all-within",
        "The storm destroyed 120 houses in Beira and 90 houses in Dondo, 210 houses in all.",
        [count("120", 120), count("90", 90), count("210", 210)],
        [CONSISTENT],
    ),
    (
        "fire:including",
        "The agency hired 40 nurses, including 25 nurses from Manila and 20 nurses from Kerala.",
        [count("40", 40), count("25", 25), count("20", 20)],
        [INCONSISTENT],
    ),
    (
        "fire:of-whom",
        "The clinic treated 50 patients, of whom 30 patients were children and 25 patients were elderly.",
        [count("50", 50), count("30", 30), count("25", 25)],
        [INCONSISTENT],
    ),
    (
        "nofire:a-total-of-but-a-comparison",
        "A total of 30 cases were reported this year, up from 20 cases last year.",
        [count("30", 30), count("20", 20)],
        [],
    ),
    (
        "nofire:quantities-of-other-units",
        "The ship carried 40 tonnes of rice and 30 tonnes of maize, totaling 50 km of cargo.",
        [
            {"text": "40 tonnes", "kind": "quantity", "unit": "t", "value": 40},
            {"text": "30 tonnes", "kind": "quantity", "unit": "t", "value": 30},
            {"text": "50 km", "kind": "quantity", "unit": "km", "value": 50},
        ],
        [],
    ),
    (
        "fire:out-of",
        "Inspectors failed 45 schools out of 40 schools visited.",
        [count("45", 45), count("40", 40)],
        [INCONSISTENT],
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
