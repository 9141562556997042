import pytest

from claims_api.consistency.conflicting_figures import ConflictingFigures

from .gold import make_article
from .helpers import CONSISTENT, INCONSISTENT, run_rule, statuses

USD = {"kind": "money", "unit": "USD"}

# (id, (text, claims), (text, claims), expected statuses)
CASES = [
    (
        "fire:33bn-vs-30bn",
        ("China has US$33 billion invested in Peru.", [{"text": "US$33 billion", "value": 33e9, **USD}]),
        (
            "Chinese investment in Peru stands at US$30 billion.",
            [{"text": "US$30 billion", "value": 30e9, **USD}],
        ),
        [INCONSISTENT],
    ),
    (
        "fire:at-least-vs-below",
        (
            "At least 60 people died in Peru's protests.",
            [{"text": "At least 60", "value": 60, "qualifier": "at_least"}],
        ),
        ("In Peru's protests 45 people died.", [{"text": "45", "value": 45}]),
        [INCONSISTENT],
    ),
    (
        "fire:nearly-30-vs-31-percent",
        (
            "Poverty in Peru reached nearly 30 percent.",
            [{"text": "nearly 30 percent", "kind": "percent", "value": 30, "qualifier": "nearly"}],
        ),
        ("Poverty in Peru reached 31 percent.", [{"text": "31 percent", "kind": "percent", "value": 31}]),
        [INCONSISTENT],
    ),
    (
        "nofire:rounding",
        ("China has US$33 billion invested in Peru.", [{"text": "US$33 billion", "value": 33e9, **USD}]),
        (
            "Chinese investment in Peru is US$33.4 billion.",
            [{"text": "US$33.4 billion", "value": 33.4e9, **USD}],
        ),
        [CONSISTENT],
    ),
    (
        "nofire:about-30-vs-32",
        ("Around 30 parties run in Peru.", [{"text": "Around 30", "value": 30, "qualifier": "approx"}]),
        ("In Peru 32 parties run.", [{"text": "32", "value": 32}]),
        [CONSISTENT],
    ),
    (
        "nofire:sub-location",
        (
            "The massacre in the Peruvian city of Puno left 18 dead.",
            [{"text": "18", "value": 18}],
        ),
        (
            "At least 60 people have died in the protests against Congress.",
            [{"text": "At least 60", "value": 60, "qualifier": "at_least"}],
        ),
        [],
    ),
    (
        "nofire:different-measure",
        (
            "Boluarte's popularity has sunk to just 3 percent.",
            [{"text": "just 3 percent", "kind": "percent", "value": 3}],
        ),
        (
            "Congress has a disapproval rating of 95 percent.",
            [{"text": "95 percent", "kind": "percent", "value": 95}],
        ),
        [],
    ),
    (
        "nofire:different-currency",
        ("China has US$33 billion invested in Peru.", [{"text": "US$33 billion", "value": 33e9, **USD}]),
        (
            "Chinese investment in Peru is 90 billion soles.",
            [{"text": "90 billion soles", "value": 90e9, "kind": "money", "unit": "PEN"}],
        ),
        [],
    ),
    (
        "nofire:vague",
        ("Thousands of people died in Peru's protests.", [{"text": "Thousands", "low": 2000, "vague": True}]),
        ("In Peru's protests 45 people died.", [{"text": "45", "value": 45}]),
        [],
    ),
    (
        "nofire:points-vs-level",
        (
            "Poverty in Peru rose 3 percentage points.",
            [{"text": "3 percentage points", "kind": "percent", "value": 3, "attrs": {"points": True}}],
        ),
        ("Poverty in Peru reached 31 percent.", [{"text": "31 percent", "kind": "percent", "value": 31}]),
        [],
    ),
]


@pytest.mark.parametrize("first,second,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_conflicting_figures(first, second, expected):
    a = make_article(first[0], first[1], id="a")
    b = make_article(second[0], second[1], id="b")
    found = run_rule(ConflictingFigures(), a, b)
    assert statuses(found) == expected, [f.explanation for f in found]


def test_within_one_article():
    text = "China has US$33 billion invested in Peru. Later: Chinese investment in Peru is US$30 billion."
    a = make_article(
        text,
        [{"text": "US$33 billion", "value": 33e9, **USD}, {"text": "US$30 billion", "value": 30e9, **USD}],
    )
    [found] = run_rule(ConflictingFigures(), a)
    assert found.status.value == INCONSISTENT and found.severity.value == "medium"


def test_cross_article_conflict_is_high_and_explains():
    a = make_article(
        "China has US$33 billion invested in Peru.", [{"text": "US$33 billion", "value": 33e9, **USD}], id="a"
    )
    b = make_article(
        "Chinese investment in Peru stands at US$30 billion.",
        [{"text": "US$30 billion", "value": 30e9, **USD}],
        id="b",
    )
    [found] = run_rule(ConflictingFigures(), a, b)
    assert found.severity.value == "high"
    assert "30e9" in found.explanation and "33e9" in found.explanation
    assert {r.article_id for r in found.claims} == {"a", "b"}


# One article, figures of one subject that are not two statements of one value (no finding at all).
NOT_COMPARED = [
    (
        "from-is-a-former-level",
        "Peru's trade deficit widened to $18.7 billion in February from $17.5 billion in January.",
        [
            {"text": "$18.7 billion", "value": 18.7e9, **USD},
            {"text": "$17.5 billion", "value": 17.5e9, **USD},
        ],
    ),
    (
        "by-is-a-difference",
        "Peru's trade deficit narrowed by $1.1 billion to $3.1 billion.",
        [{"text": "$1.1 billion", "value": 1.1e9, **USD}, {"text": "$3.1 billion", "value": 3.1e9, **USD}],
    ),
    (
        "a-further-is-an-increment",
        "The Lima hospital set aside 24 beds and later opened a ward with a further 16 beds.",
        [{"text": "24", "value": 24}, {"text": "a further 16", "value": 16}],
    ),
    (
        "one-sentence-lists-two-places",
        "Colombia spends 3.1 per cent of GDP on defence and Chile about 1.9 per cent.",
        [
            {"text": "3.1 per cent", "kind": "percent", "value": 3.1},
            {"text": "about 1.9 per cent", "kind": "percent", "value": 1.9, "qualifier": "approx"},
        ],
    ),
    (
        "twice-apart-is-another-thing",
        "Peru's fund received $5 billion this year. Peru's fund now holds $186 billion.",
        [{"text": "$5 billion", "value": 5e9, **USD}, {"text": "$186 billion", "value": 186e9, **USD}],
    ),
]


@pytest.mark.parametrize(("text", "claims"), [c[1:] for c in NOT_COMPARED], ids=[c[0] for c in NOT_COMPARED])
def test_not_compared(text, claims):
    found = run_rule(ConflictingFigures(), make_article(text, claims))
    assert [f for f in found if f.status.value == INCONSISTENT] == [], [f.explanation for f in found]


def test_far_apart_figures_split_but_close_ones_still_conflict():
    """30 and 33 billion disagree; 186 billion beside them is another measure, not a third opinion."""
    a = make_article(
        "China has US$33 billion invested in Peru.", [{"text": "US$33 billion", "value": 33e9, **USD}], id="a"
    )
    b = make_article(
        "Chinese investment in Peru stands at US$30 billion.",
        [{"text": "US$30 billion", "value": 30e9, **USD}],
        id="b",
    )
    c = make_article(
        "Chinese investment in Peru could reach US$186 billion.",
        [{"text": "US$186 billion", "value": 186e9, **USD}],
        id="c",
    )
    [found] = run_rule(ConflictingFigures(), a, b, c)
    assert found.status.value == INCONSISTENT
    assert {r.text for r in found.claims} == {"US$33 billion", "US$30 billion"}
