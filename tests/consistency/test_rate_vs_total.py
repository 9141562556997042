import pytest

from claims_api.consistency.rate_vs_total import RateVsTotal

from .gold import make_article
from .helpers import CONSISTENT, INCONSISTENT, run_rule, statuses
from .test_relations import qty


def rate(text, value, unit="1/day", **kw):
    return {"text": text, "kind": "rate", "value": value, "unit": unit, **kw}


def count(text, value, **kw):
    return {"text": text, "kind": "count", "value": value, **kw}


def days(text, value, unit="day"):
    return {"text": text, "kind": "duration", "value": value, "unit": unit}


CASES = [
    (
        "nofire:quantity-total-of-the-rate's-measure",
        "The dredgers moved 2,000 tonnes a day, some 60,000 tonnes over the month.",
        [rate("2,000 tonnes a day", 2000), qty("some 60,000 tonnes", 60000, "t", qualifier="approx")],
        [CONSISTENT],
    ),
    (
        "fire:quantity-total-of-the-rate's-measure",
        "The dredgers moved 2,000 tonnes a day, some 90,000 tonnes over the month.",
        [rate("2,000 tonnes a day", 2000), qty("some 90,000 tonnes", 90000, "t", qualifier="approx")],
        [INCONSISTENT],
    ),
    (
        "nopair:quantity-of-another-measure",
        "The well gives 3,000 barrels a day, and the mill ground 90,000 tonnes over the month.",
        [rate("3,000 barrels a day", 3000), qty("90,000 tonnes", 90000, "t")],
        [],
    ),
    (
        "nofire:calendar-year-total-then-a-rate-pointing-back",
        "The state recorded 1,460 murders in 2022.\n\nThat is an average of four killings a day.",
        [count("1,460", 1460), rate("four killings a day", 4)],
        [CONSISTENT],
    ),
    (
        "fire:calendar-year-total-then-a-rate-pointing-back",
        "The state recorded 1,460 murders in 2022.\n\nThat is an average of nine killings a day.",
        [count("1,460", 1460), rate("nine killings a day", 9)],
        [INCONSISTENT],
    ),
    (
        "nopair:pointing-back-to-a-total-of-unnamed-things",
        "Traffic rose to 9 million from 7 million the previous year. It ran 300 buses a week.",
        [count("9 million", 9e6), count("7 million", 7e6), rate("300 buses a week", 300, "1/week")],
        [],
    ),
    (
        "nopair:rate-after-a-total-without-pointing-back",
        "The state recorded 1,460 murders in 2022.\n\nPolice in the capital see nine killings a day.",
        [count("1,460", 1460), rate("nine killings a day", 9)],
        [],
    ),
    (
        "nofire:last-year-without-in-beats-another-figures-period",
        "Police counted 444 murders in the first 80 days, and the registry recorded 2,190 homicides"
        " nationwide last year, an average of six a day.",
        [
            count("444", 444),
            days("the first 80 days", 80),
            count("2,190", 2190),
            rate("six a day", 6),
        ],
        [CONSISTENT, CONSISTENT],  # 444 over 80 days and 2,190 over the last year both fit six a day
    ),
    (
        "nofire:six-a-day-2190-a-year",
        "Homicides are nearing six crimes per day, equivalent to 2,190 in the last year.",
        [rate("nearing six crimes per day", 6, qualifier="nearly"), count("2,190", 2190)],
        [CONSISTENT],
    ),
    (
        "nofire:444-in-80-days",
        "There are six crimes per day. In the 80 days of the regime, there have been 444 victims.",
        [rate("six crimes per day", 6), days("80 days", 80), count("444", 444)],
        [CONSISTENT],
    ),
    (
        "fire:six-a-day-but-5000-a-year",
        "Homicides reach six crimes per day, equivalent to 5,000 in the last year.",
        [rate("six crimes per day", 6), count("5,000", 5000)],
        [INCONSISTENT],
    ),
    (
        "fire:weekly-rate-vs-months",
        "Some 20 drivers killed per week. In four months, 120 drivers were killed.",
        [
            rate("20 drivers killed per week", 20, unit="1/week"),
            days("four months", 4, unit="month"),
            count("120", 120),
        ],
        [INCONSISTENT],
    ),
    (
        "nofire:target-rate-vs-actual-total",
        "The ministry's target of 300,000 a year looks distant. "
        "Fewer than 200,000 were completed in the year.",
        [
            rate("300,000 a year", 300000, unit="1/year"),
            count("Fewer than 200,000", 200000, qualifier="less_than"),
        ],
        [],
    ),
    (
        "nofire:pledged-rate-vs-actual-total",
        "The council pledged 500 new homes a month, but 1,200 were built in the last year.",
        [rate("500 new homes a month", 500, unit="1/month"), count("1,200", 1200)],
        [],
    ),
    (
        "nofire:actual-rate-vs-forecast-total",
        "Crews fix 40 leaks per day, and the utility expects to fix 30,000 leaks in a year.",
        [rate("40 leaks per day", 40), count("30,000", 30000)],
        [],
    ),
    (
        "nofire:target-rate-vs-target-total",
        "The minister promised 1.5 million homes over the five-year term, or 300,000 homes a year.",
        [
            count("1.5 million", 1.5e6),
            days("five-year", 5, unit="year"),
            rate("300,000 homes a year", 300000, unit="1/year"),
        ],
        [CONSISTENT],
    ),
    (
        "fire:target-rate-vs-target-total",
        "The minister promised 1.5 million homes over the five-year term, or 200,000 homes a year.",
        [
            count("1.5 million", 1.5e6),
            days("five-year", 5, unit="year"),
            rate("200,000 homes a year", 200000, unit="1/year"),
        ],
        [INCONSISTENT],
    ),
    (
        "fire:actual-rate-vs-actual-total",
        "Builders completed 5,000 homes a month, or 30,000 homes in the last year.",
        [rate("5,000 homes a month", 5000, unit="1/month"), count("30,000", 30000)],
        [INCONSISTENT],
    ),
    (
        "nofire:no-period",
        "Homicides reach six crimes per day; police arrested 5,000 suspects.",
        [rate("six crimes per day", 6), count("5,000", 5000)],
        [],
    ),
    (
        "nofire:different-noun",
        "Six crimes per day are reported, and 40 ministers resigned in the last year.",
        [rate("Six crimes per day", 6), count("40", 40)],
        [],
    ),
    (
        "nofire:far-sentence",
        "Six crimes per day are reported. Nothing else. Much later. 5,000 in the last year.",
        [rate("Six crimes per day", 6), count("5,000", 5000)],
        [],
    ),
    # the total and its period in the sentence after the rate
    (
        "fire:total-in-next-sentence",
        "Volunteers plant 50 trees a day. Over 30 days, they planted 900 trees.",
        [rate("50 trees a day", 50), days("30 days", 30), count("900", 900)],
        [INCONSISTENT],
    ),
    (
        "nofire:total-in-next-sentence",
        "Volunteers plant 50 trees a day. Over 30 days, they planted 1,500 trees.",
        [rate("50 trees a day", 50), days("30 days", 30), count("1,500", 1500)],
        [CONSISTENT],
    ),
    (
        "nofire:next-paragraph-is-not-next-sentence",
        "Volunteers plant 50 trees a day.\n\nOver 30 days, they planted 900 trees.",
        [rate("50 trees a day", 50), days("30 days", 30), count("900", 900)],
        [],
    ),
    (
        "nofire:a-sentence-between",
        "Volunteers plant 50 trees a day. The work is hard. Over 30 days, they planted 900 trees.",
        [rate("50 trees a day", 50), days("30 days", 30), count("900", 900)],
        [],
    ),
    (
        "nofire:different-noun-next-sentence",
        "Crews repair 30 potholes a day. Some 400 drivers complained in the last year.",
        [rate("30 potholes a day", 30), count("400", 400)],
        [],
    ),
    # a period stated as a phrase after the total
    (
        "nofire:in-the-past-year",
        "The clinic sees 20 patients a day, or 7,300 patients in the past year.",
        [rate("20 patients a day", 20), count("7,300", 7300)],
        [CONSISTENT],
    ),
    (
        "fire:in-the-past-year",
        "The clinic sees 20 patients a day, or 4,000 patients in the past year.",
        [rate("20 patients a day", 20), count("4,000", 4000)],
        [INCONSISTENT],
    ),
    (
        "fire:over-the-past-month",
        "The ferry carries 400 cars a day and carried 3,000 cars over the past month.",
        [rate("400 cars a day", 400), count("3,000", 3000)],
        [INCONSISTENT],
    ),
    # targets and actual figures are never paired, in one sentence or across two
    (
        "nofire:target-rate-actual-total-next-sentence",
        "The agency aims to approve 40 permits a week. It approved 900 permits in the past year.",
        [rate("40 permits a week", 40, unit="1/week"), count("900", 900)],
        [],
    ),
    (
        "nofire:actual-rate-hoped-for-total",
        "Inspectors close 15 cases a week, and the department hopes to close 2,000 cases in a year.",
        [rate("15 cases a week", 15, unit="1/week"), count("2,000", 2000)],
        [],
    ),
    (
        "fire:target-rate-target-total-next-sentence",
        "The plan calls for 40 permits a week. That target means 1,000 permits over a year.",
        [rate("40 permits a week", 40, unit="1/week"), count("1,000", 1000)],
        [INCONSISTENT],
    ),
]


@pytest.mark.parametrize("text,claims,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rate_vs_total(text, claims, expected):
    found = run_rule(RateVsTotal(), make_article(text, claims))
    assert statuses(found) == expected, [f.explanation for f in found]


def test_arithmetic_written_out():
    a = make_article(
        "Homicides reach six crimes per day, equivalent to 5,000 in the last year.",
        [rate("six crimes per day", 6), count("5,000", 5000)],
    )
    [f] = run_rule(RateVsTotal(), a)
    assert "365 days" in f.explanation and "5,000 / 365" in f.explanation
    assert f.severity.value == "medium"
