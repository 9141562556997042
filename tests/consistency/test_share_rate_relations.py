"""The relation layer's share and rate_total relations: what it reads and records (attrs, how)."""

from __future__ import annotations

import pytest

from claims_api.consistency.parts_exceed_total import PartsExceedTotal
from claims_api.relations import RelationKind, Role, relate

from .gold import make_article
from .helpers import run_rule


def pct(text, value, **kw):
    return {"text": text, "kind": "percent", "value": value, **kw}


def rate(text, value, unit="1/day"):
    return {"text": text, "kind": "rate", "value": value, "unit": unit}


def count(text, value):
    return {"text": text, "kind": "count", "value": value}


def days(text, value, unit="day"):
    return {"text": text, "kind": "duration", "value": value, "unit": unit}


def shares_of(article):
    rels = relate(article).relations
    out = [r for r in rels if r.kind is RelationKind.PART_OF and all(m.role is Role.SHARE for m in r.members)]
    return [([article.claims[m.index].text for m in r.members], r) for r in out]


def rates_of(article):
    return [r for r in relate(article).relations if r.kind is RelationKind.RATE_TOTAL]


SHARE_CASES = [
    # (id, text, claims, [(share texts, attrs subset)])
    (
        "one-question",
        "In the survey, 48% approve of the new mayor and 39% disapprove.",
        [pct("48%", 48), pct("39%", 39)],
        [(["48%", "39%"], {"question": "new mayor", "answers": 2, "split": False})],
    ),
    (
        "two-questions",
        "Some 55% approve and 40% disapprove of the governor; 70% back the new road.",
        [pct("55%", 55), pct("40%", 40), pct("70%", 70)],
        [(["55%", "40%"], {"question": "governor", "split": False})],
    ),
    (
        "one-whole-named-once",
        "Farms use 60% of the river's water and factories 25%.",
        [pct("60%", 60), pct("25%", 25)],
        [(["60%", "25%"], {"whole": "river's water", "question": None})],
    ),
    (
        "split-verb",
        "The fund is split between two charities, 40% and 35%.",
        [pct("40%", 40), pct("35%", 35)],
        [(["40%", "35%"], {"whole": None, "cue": True, "split": True})],
    ),
    (
        "an-answer-is-never-split",
        "The vote split the town: 45% for and 40% against the plan.",
        [pct("45%", 45), pct("40%", 40)],
        [(["45%", "40%"], {"question": "plan", "cue": True, "split": False})],  # "split", but a poll
    ),
    (
        "two-wholes",
        "About 30% of pupils and 80% of teachers walk to school.",
        [pct("30%", 30), pct("80%", 80)],
        [],
    ),
    (
        "levels-of-a-change",
        "Approval rose from 40% to 52% of voters, while 41% disapprove.",
        [pct("40%", 40), pct("52%", 52), pct("41%", 41)],
        [],
    ),
]


@pytest.mark.parametrize(
    "text,claims,expected", [c[1:] for c in SHARE_CASES], ids=[c[0] for c in SHARE_CASES]
)
def test_share_relations(text, claims, expected):
    found = shares_of(make_article(text, claims))
    assert len(found) == len(expected), [(t, r.how, dict(r.attrs)) for t, r in found]
    pairs = zip(found, expected, strict=True)
    got = [(texts, {k: rel.attrs.get(k) for k in want}) for (texts, rel), (_, want) in pairs]
    assert got == expected


def test_shares_are_not_parts_of_a_total():
    a = make_article(
        "The fund is split between two charities, 40% and 35%.", [pct("40%", 40), pct("35%", 35)]
    )
    assert shares_of(a) and run_rule(PartsExceedTotal(), a) == []
    assert [relate(a).roles[i] for i in range(2)] == [Role.SHARE, Role.SHARE]


RATE_CASES = [
    # (id, text, claims, [(how, attrs subset)])
    (
        "next-sentence-duration",
        "Volunteers plant 50 trees a day. Over 30 days, they planted 1,500 trees.",
        [rate("50 trees a day", 50), days("30 days", 30), count("1,500", 1500)],
        [("next-sentence;period:duration", {"period_text": "30 days", "planned": False})],
    ),
    (
        "phrase-after-total",
        "The clinic sees 20 patients a day, or 7,300 patients in the past year.",
        [rate("20 patients a day", 20), count("7,300", 7300)],
        [
            (
                "same-sentence;period:phrase",
                {"period_text": "patients in the past year", "period_days_lo": 365.0},
            )
        ],
    ),
    (
        "planned-with-planned",
        "The plan calls for 40 permits a week. That target means 1,000 permits over a year.",
        [rate("40 permits a week", 40, unit="1/week"), count("1,000", 1000)],
        [("next-sentence;period:phrase", {"planned": True, "period_text": "permits over a year"})],
    ),
    (
        "target-never-with-actual",
        "The agency aims to approve 40 permits a week. It approved 900 permits in the past year.",
        [rate("40 permits a week", 40, unit="1/week"), count("900", 900)],
        [],
    ),
    (
        "no-period",
        "The clinic sees 20 patients a day and employs 300 nurses.",
        [rate("20 patients a day", 20), count("300", 300)],
        [],
    ),
]


@pytest.mark.parametrize("text,claims,expected", [c[1:] for c in RATE_CASES], ids=[c[0] for c in RATE_CASES])
def test_rate_total_relations(text, claims, expected):
    found = rates_of(make_article(text, claims))
    assert len(found) == len(expected), [(r.how, dict(r.attrs)) for r in found]
    for rel, (how, want) in zip(found, expected, strict=True):
        assert rel.how == how
        assert {k: rel.attrs.get(k) for k in want} == want
        assert [m.role for m in rel.members][:2] == [Role.RATE, Role.TOTAL]
