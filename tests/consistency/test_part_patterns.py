"""Parts and totals in the word orders of real reporting: "Of Acme's 90 shops, ...", "Of those, ...",
a list after "19 of them", a list before "out of". Each pattern has cases that must and must not relate."""

from __future__ import annotations

import pytest

from claims_api.consistency import report
from claims_api.relations import relate

from .gold import make_article
from .test_relations import count

# (id, text, claims, expected part_of relations as {member text: role})
CASES = [
    (
        "of-possessive-opening",
        "Of Acme's 90 shops, 50 are in Ohio, 20 in Iowa and 12 in Utah.",
        [count("90", 90), count("50", 50), count("20", 20), count("12", 12)],
        [{"90": "total", "50": "part", "20": "part", "12": "part"}],
    ),
    (
        "of-all-the-opening",
        "Of all the 300 flights, 12 left late.",
        [count("300", 300), count("12", 12)],
        [{"300": "total", "12": "part"}],
    ),
    (
        "no-of-opening:of-course",
        "Of course, 30 guests came and 12 stayed late.",
        [count("30", 30), count("12", 12)],
        [],
    ),
    (
        "of-those-previous-sentence",
        "The storm damaged 400 homes. Of those, 250 lost roofs and 90 were flooded.",
        [count("400", 400), count("250", 250), count("90", 90)],
        [{"400": "total", "250": "part", "90": "part"}],
    ),
    (
        "of-that-total-previous-sentence",
        "Police received 1,200 complaints. Of that total, 700 concerned noise.",
        [count("1,200", 1200), count("700", 700)],
        [{"1,200": "total", "700": "part"}],
    ),
    (
        "no-of-previous:figure-in-opening",
        "The storm damaged 400 homes. Of the 90 schools, 30 closed.",
        [count("400", 400), count("90", 90), count("30", 30)],
        [{"90": "total", "30": "part"}],
    ),
    (
        "of-them-list",
        "She scored 40 points, 25 of them in the first half and 15 after the break.",
        [count("40", 40), count("25", 25), count("15", 15)],
        [{"40": "total", "25": "part", "15": "part"}],
    ),
    (
        "of-them-single:next-clause-not-listed",
        "Police held 25 people, nine of them women, and officers were sent to 15 homes.",
        [count("25", 25), count("nine", 9), count("15", 15)],
        [{"25": "total", "nine": "part"}],
    ),
    (
        "out-of-list-before",
        "The mayor won 5,100 votes against 3,900 for her rival, with 800 for the Greens, out of 9,800 cast.",
        [count("5,100", 5100), count("3,900", 3900), count("800", 800), count("9,800", 9800)],
        [{"9,800": "total", "5,100": "part", "3,900": "part", "800": "part"}],
    ),
    (
        "out-of-single:verb-between",
        "Officers questioned 60 people and they charged 14 out of 20 suspects.",
        [count("60", 60), count("14", 14), count("20", 20)],
        [{"20": "total", "14": "part"}],
    ),
]


def _parts(article):
    return [
        {article.claims[m.index].text: m.role.value for m in r.members}
        for r in relate(article).relations
        if r.kind.value == "part_of"
    ]


@pytest.mark.parametrize("text,claims,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_part_patterns(text, claims, want):
    assert _parts(make_article(text, claims)) == want


def test_parts_said_to_split_a_previous_total_are_judged():
    text = "Floods left 50 people dead or missing. Of those, 41 were found dead and 12 are still missing."
    article = make_article(text, [count("50", 50), count("41", 41), count("12", 12)])
    found = [f for f in report([article]) if f.rule == "parts_exceed_total"]
    assert [f.status.value for f in found] == ["inconsistent"], [f.explanation for f in found]
