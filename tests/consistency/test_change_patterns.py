"""Change relations in the word orders of real reporting: asides, base levels after "on", changes in
percentage points, appositive changes after two levels, time phrases inside the clause, former levels
in the next sentence, bounded multiples. Each pattern has cases that must and must not relate."""

from __future__ import annotations

import pytest

from claims_api.consistency import report
from claims_api.relations import relate

from .gold import make_article
from .test_relations import count, pct, usd


def pts(text, value, **kw):
    return pct(text, value, attrs={"points": True}, **kw)


def dur(text, value, unit="month"):
    return {"text": text, "kind": "duration", "unit": unit, "value": value}


# (id, text, claims, expected change as {member text: role} or None for no change relation)
CASES = [
    (
        "aside-between-verb-and-percent",
        "Ticket sales rose, the operator told reporters on Friday, by 20% to $60m from $50m.",
        [pct("20%", 20), usd("$60m", 60e6), usd("$50m", 50e6)],
        {"20%": "change_percent", "$60m": "level", "$50m": "former_level"},
    ),
    (
        "no-aside:other-clause",
        "Ticket sales rose, and the operator hired 20 people at $60m from a fund of $50m.",
        [count("20", 20), usd("$60m", 60e6), usd("$50m", 50e6)],
        None,
    ),
    (
        "base-after-on",
        "Freight reached 4.4 million tonnes in the year, up 10% on the 4 million tonnes of 2019.",
        [
            {"text": "4.4 million tonnes", "kind": "quantity", "unit": "t", "value": 4.4e6},
            pct("10%", 10),
            {"text": "4 million tonnes", "kind": "quantity", "unit": "t", "value": 4e6, "at": 1},
        ],
        {"10%": "change_percent", "4.4 million tonnes": "level", "4 million tonnes": "former_level"},
    ),
    (
        "base-after-on:previous-record",
        "Attendance hit 88,000, down 12% on the previous record of 100,000.",
        [count("88,000", 88000), pct("12%", 12), count("100,000", 100000)],
        {"12%": "change_percent", "88,000": "level", "100,000": "former_level"},
    ),
    (
        "no-base:on-without-change",
        "The club has 88,000 members on the 100,000 seats of its ground.",
        [count("88,000", 88000), count("100,000", 100000)],
        None,
    ),
    (
        "points-to-from",
        "Turnout climbed 6 percentage points to 64%, from 58% at the last vote.",
        [pts("6 percentage points", 6), pct("64%", 64), pct("58%", 58)],
        {"6 percentage points": "change_amount", "64%": "level", "58%": "former_level"},
    ),
    (
        "points-up-on",
        "The Greens' 14% is up three points on the 11% of May.",
        [pct("14%", 14), pts("three points", 3), pct("11%", 11)],
        {"three points": "change_amount", "14%": "level", "11%": "former_level"},
    ),
    (
        "appositive-change-after-levels",
        "Burglaries fell from 500 in 2021 to 400 last year, a 20% drop.",
        [count("500", 500), count("400", 400), pct("20%", 20)],
        {"20%": "change_percent", "400": "level", "500": "former_level"},
    ),
    (
        "appositive:a-rise-of",
        "Fares rose from $2.50 to $3 in March, a rise of 20%.",
        [usd("$2.50", 2.5), usd("$3", 3), pct("20%", 20)],
        {"20%": "change_percent", "$3": "level", "$2.50": "former_level"},
    ),
    (
        "no-appositive:another-clause",
        "Burglaries fell from 500 to 400, and the force's budget has dropped 20%.",
        [count("500", 500), count("400", 400), pct("20%", 20)],
        {"400": "level", "500": "former_level"},
    ),
    (
        "no-appositive:subject-of-a-verb",
        "Burglaries fell from 500 to 400 over a decade, and roughly 20% rise again within a year.",
        [count("500", 500), count("400", 400), pct("roughly 20%", 20)],
        {"400": "level", "500": "former_level"},
    ),
    (
        "time-phrase-between-multiple-and-to",
        "Orders doubled in the last six months, to 900 from 450.",
        [dur("the last six months", 6), count("900", 900), count("450", 450)],
        {"900": "level", "450": "former_level"},
    ),
    (
        "time-phrase-between-level-and-down-from",
        "Output came to 300 tonnes in the 12 months to June, down from 360 tonnes.",
        [
            {"text": "300 tonnes", "kind": "quantity", "unit": "t", "value": 300},
            dur("12 months", 12),
            {"text": "360 tonnes", "kind": "quantity", "unit": "t", "value": 360},
        ],
        {"300 tonnes": "level", "360 tonnes": "former_level"},
    ),
    (
        "or-per-share-does-not-break",
        "Profit rose 10% to $220m, or 40 cents a share, from $200m.",
        [pct("10%", 10), usd("$220m", 220e6), usd("40 cents a share", 0.4), usd("$200m", 200e6)],
        {"10%": "change_percent", "$220m": "level", "$200m": "former_level"},
    ),
    (
        "former-level-by-reference-with-an-increase-of",
        "Some 9,000 pupils sat it in 12 towns. The figure had stood at 7,500 in 2020, an increase of 1,500.",
        [count("Some 9,000", 9000), count("12", 12), count("7,500", 7500), count("1,500", 1500)],
        {"1,500": "change_amount", "Some 9,000": "level", "7,500": "former_level"},
    ),
    (
        "no-former-level-by-reference:no-former-cue",
        "Some 9,000 pupils sat the exam. The figure includes 7,500 boys, an increase of 1,500.",
        [count("Some 9,000", 9000), count("7,500", 7500), count("1,500", 1500)],
        None,
    ),
    (
        "times-the:same-sentence",
        "Imports hit $9bn, three times the $3bn of 2015.",
        [usd("$9bn", 9e9), count("three", 3, vague=True, attrs={"times": True}), usd("$3bn", 3e9)],
        {"$9bn": "level", "$3bn": "former_level", "three": "change_multiple"},
    ),
    (
        "times-the:sentence-pointing-back",
        "The clinic treated 4,200 patients. That is 1.5 times the 2,800 it saw a year ago.",
        [count("4,200", 4200), count("1.5", 1.5, vague=True, attrs={"times": True}), count("2,800", 2800)],
        {"4,200": "level", "2,800": "former_level", "1.5": "change_multiple"},
    ),
    (
        "no-times:frequency",
        "He met 40 officials, 3 times in 20 years.",
        [count("40", 40), count("3", 3, vague=True, attrs={"times": True}), count("20", 20)],
        None,
    ),
    (
        "no-change:contrast-opens-another-clause",
        "Rents climbed 8% over the year, while deposits went from $900 to $950.",
        [pct("8%", 8), usd("$900", 900), usd("$950", 950)],
        None,
    ),
    (
        "comparative-base:level-before-in-the-sentence",
        "The city will spend $2.2bn next year, 10% more than the $2bn set aside this year.",
        [usd("$2.2bn", 2.2e9), pct("10%", 10), usd("$2bn", 2e9)],
        {"10%": "change_percent", "$2.2bn": "level", "$2bn": "former_level"},
    ),
    (
        "money-per-another-thing-is-not-a-level",
        "Petrol cost $4.20 a gallon, or about $1.11 a litre, up from $3.60 a gallon a year ago.",
        [usd("$4.20 a gallon", 4.2), usd("about $1.11 a litre", 1.11), usd("$3.60 a gallon", 3.6)],
        {"$4.20 a gallon": "level", "$3.60 a gallon": "former_level"},
    ),
    (
        "former-level-in-next-sentence",
        "Donations grew by $2m to $12m. The total had been $10m the year before.",
        [usd("$2m", 2e6), usd("$12m", 12e6), usd("$10m", 10e6)],
        {"$2m": "change_amount", "$12m": "level", "$10m": "former_level"},
    ),
    (
        "no-former-level:next-sentence-not-past",
        "Donations grew by $2m to $12m. They will need $15m next year.",
        [usd("$2m", 2e6), usd("$12m", 12e6), usd("$15m", 15e6)],
        None,
    ),
]


def _change(article):
    rels = relate(article)
    found = [
        {article.claims[m.index].text: m.role.value for m in r.members}
        for r in rels.relations
        if r.kind.value == "change"
    ]
    return found


@pytest.mark.parametrize("text,claims,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_change_patterns(text, claims, want):
    found = _change(make_article(text, claims))
    if want is None:
        assert found == []
    else:
        assert found == [want]


@pytest.mark.parametrize(
    "text,claims,status",
    [
        (
            "Fees have more than tripled to $700 from $200.",
            [usd("$700", 700), usd("$200", 200)],
            "consistent",
        ),
        (
            "Fees have more than tripled to $500 from $200.",
            [usd("$500", 500), usd("$200", 200)],
            "inconsistent",
        ),
        (
            "Fees have nearly tripled to $580 from $200.",
            [usd("$580", 580), usd("$200", 200)],
            "consistent",
        ),
        (
            "Fees have nearly tripled to $700 from $200.",
            [usd("$700", 700), usd("$200", 200)],
            "inconsistent",
        ),
        (
            "Fees tripled to $700 from $200.",
            [usd("$700", 700), usd("$200", 200)],
            "inconsistent",
        ),
    ],
)
def test_bounded_multiples(text, claims, status):
    findings = [f for f in report([make_article(text, claims)]) if f.rule == "change_direction"]
    assert [f.status.value for f in findings] == [status], [f.explanation for f in findings]


def test_points_change_is_judged_against_the_levels():
    text = "Turnout climbed 9 percentage points to 64%, from 58% at the last vote."
    article = make_article(text, [pts("9 percentage points", 9), pct("64%", 64), pct("58%", 58)])
    found = [f for f in report([article]) if f.rule == "percent_change"]
    assert [f.status.value for f in found] == ["inconsistent"], [f.explanation for f in found]


def test_a_comparison_after_a_change_is_with_its_new_level():
    text = "Inflation rose to 6.2% from 5.1%, above the 5.8% economists expected."
    article = make_article(text, [pct("6.2%", 6.2), pct("5.1%", 5.1), pct("5.8%", 5.8)])
    compared = [
        {article.claims[m.index].text: m.role.value for m in r.members}
        for r in relate(article).relations
        if r.attrs.get("comparison")
    ]
    assert compared == [{"6.2%": "level", "5.8%": "former_level"}]


def test_a_ratio_before_a_comparative_is_what_it_compares():
    text = (
        "Flats average 60 sq m, down from 70 sq m, and roughly one in four falls below the 40 sq m standard."
    )
    claims = [
        {"text": "60 sq m", "kind": "quantity", "unit": "m2", "value": 60},
        {"text": "70 sq m", "kind": "quantity", "unit": "m2", "value": 70},
        pct("roughly one in four", 25, attrs={"ratio": [1.0, 4.0]}),
        {"text": "40 sq m", "kind": "quantity", "unit": "m2", "value": 40},
    ]
    found = _change(make_article(text, claims))
    assert found == [{"60 sq m": "level", "70 sq m": "former_level"}]
