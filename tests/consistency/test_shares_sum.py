import pytest

from claims_api.consistency.shares_sum import SharesSum

from .gold import make_article
from .helpers import CONSISTENT, INCONSISTENT, run_rule, statuses


def pct(text, value, **kw):
    return {"text": text, "kind": "percent", "value": value, **kw}


CASES = [
    (
        "nofire:poll-standings",
        "The Social Democrats stand on 31%, with the Liberals on 27% and the Greens at 14%, a poll shows.",
        [pct("31%", 31), pct("27%", 27), pct("14%", 14)],
        [CONSISTENT],
    ),
    (
        "fire:poll-standings-over-100",
        "The Social Democrats stand on 51%, with the Liberals on 47% and the Greens on 14%, a poll shows.",
        [pct("51%", 51), pct("47%", 47), pct("14%", 14)],
        [INCONSISTENT],
    ),
    (
        "fire:made-up-shares-over-100",
        "Women made up 58% of the staff, men 47% and others 2%.",
        [pct("58%", 58), pct("47%", 47), pct("2%", 2)],
        [INCONSISTENT],
    ),
    (
        "nofire:a-fill-level-is-not-a-share-of-the-whole-before",
        "The reservoir, which holds 80 percent of the city's water, was 35 percent full in May.",
        [pct("80 percent", 80), pct("35 percent", 35)],
        [],
    ),
    (
        "nofire:standings-without-a-poll",
        "Inflation stood at 51% last year, and the jobless rate at 60%.",
        [pct("51%", 51), pct("60%", 60)],
        [],
    ),
    (
        "nofire:60-40-financing",
        "The port, financed by Chinese capital (Cosco, 60 percent) and "
        "Peruvian capital (Volcan, 40 percent), opened.",
        [pct("60 percent", 60), pct("40 percent", 40)],
        [CONSISTENT],
    ),
    (
        "fire:60-50-financing",
        "The port, financed by Chinese capital (Cosco, 60 percent) and "
        "Peruvian capital (Volcan, 50 percent), opened.",
        [pct("60 percent", 60), pct("50 percent", 50)],
        [INCONSISTENT],
    ),
    (
        # owners named need not be all the owners: within 100 is all this sentence allows to check
        "nofire:owned-short-of-100-is-not-a-split",
        "The company is owned 50 percent by A and 30 percent by B.",
        [pct("50 percent", 50), pct("30 percent", 30)],
        [CONSISTENT],
    ),
    (
        "fire:the-remaining-short-of-100",
        "A owns 50 percent of the company, while the remaining 30 percent belongs to B.",
        [pct("50 percent", 50), pct("30 percent", 30)],
        [INCONSISTENT],
    ),
    (
        "fire:split-between-short-of-100",
        "The prize money is split between the two clubs, 50 percent and 30 percent.",
        [pct("50 percent", 50), pct("30 percent", 30)],
        [INCONSISTENT],
    ),
    (
        "fire:the-other-short-of-100",
        "Founder Ana Ruiz holds 55 percent of the shares, while the other 30 percent are held by a fund.",
        [pct("55 percent", 55), pct("30 percent", 30)],
        [INCONSISTENT],
    ),
    (
        "nofire:poll-shares-with-the-rest-undecided",
        "In a simulated run-off, the survey gives Lopez 44% and Duarte 47%, with the rest undecided.",
        [pct("44%", 44), pct("47%", 47)],
        [CONSISTENT],
    ),
    (
        "nofire:poll-shares-respectively",
        "Lopez and Duarte would get 44% and 47% of the vote respectively.",
        [pct("44%", 44), pct("47%", 47)],
        [CONSISTENT],
    ),
    (
        "nofire:split-poll-with-others",
        "Voters are split, with 41% backing the plan and 38% against it.",
        [pct("41%", 41), pct("38%", 38)],
        [CONSISTENT],
    ),
    (
        "fire:poll-shares-over-100",
        "The survey gives Lopez 54% of the vote and Duarte 57% of the vote, with the rest undecided.",
        [pct("54%", 54), pct("57%", 57)],
        [INCONSISTENT],
    ),
    (
        "fire:same-whole-over-100",
        "China has 70 percent of Peru's trade and the US has 45 percent of Peru's trade.",
        [pct("70 percent", 70), pct("45 percent", 45, at=0)],
        [INCONSISTENT],
    ),
    (
        "nofire:same-whole-under-100",
        "China accounts for 36 percent of Peruvian foreign trade, and the US just over 14 percent.",
        [pct("36 percent", 36), pct("just over 14 percent", 14, qualifier="more_than")],
        [CONSISTENT],
    ),
    (
        "nofire:different-wholes",
        "Some 95 percent of voters and 80 percent of deputies disapprove.",
        [pct("95 percent", 95), pct("80 percent", 80)],
        [],
    ),
    (
        "nofire:no-whole-no-cue",
        "Inflation hit 60 percent while the peso lost 50 percent.",
        [pct("60 percent", 60), pct("50 percent", 50)],
        [],
    ),
    (
        "nofire:change-not-share",
        "Support for the owned party rose from 80 percent to 90 percent of voters.",
        [pct("80 percent", 80), pct("90 percent", 90)],
        [],
    ),
    (
        "nofire:points-are-not-a-share",
        "The company is owned 60 percent by A and 40 percent by B, 20 percentage points apart.",
        [
            pct("60 percent", 60),
            pct("40 percent", 40),
            pct("20 percentage points", 20, attrs={"points": True}),
        ],
        [CONSISTENT],
    ),
    # the shares of one poll question: at most 100 (answers need not cover the undecided)
    (
        "nofire:one-question-within-100",
        "In the survey, 48% approve of the new mayor and 39% disapprove.",
        [pct("48%", 48), pct("39%", 39)],
        [CONSISTENT],
    ),
    (
        "fire:one-question-over-100",
        "In the survey, 58% approve of the new mayor and 49% disapprove.",
        [pct("58%", 58), pct("49%", 49)],
        [INCONSISTENT],
    ),
    (
        "nofire:answers-before-their-question",
        "Some 52% approve and 37% disapprove of the council's budget.",
        [pct("52%", 52), pct("37%", 37)],
        [CONSISTENT],
    ),
    (
        "fire:bare-answers-over-100",
        "Asked about the merger, 65% agree and 45% disagree.",
        [pct("65%", 65), pct("45%", 45)],
        [INCONSISTENT],
    ),
    # two questions or two wholes in one sentence are two groups, never summed together
    (
        "nofire:two-questions-after-a-semicolon",
        "Some 55% approve and 40% disapprove of the governor; 70% back the new road.",
        [pct("55%", 55), pct("40%", 40), pct("70%", 70)],
        [CONSISTENT],  # 55 + 40 only
    ),
    (
        "nofire:two-questions-one-clause",
        "Some 65% back the bridge and 60% oppose the tunnel.",
        [pct("65%", 65), pct("60%", 60)],
        [],
    ),
    (
        "nofire:two-wholes-one-answer",
        "Around 70% of drivers and 55% of cyclists back the new lanes.",
        [pct("70%", 70), pct("55%", 55)],
        [],
    ),
    # a split verb: the shares must reach 100
    (
        "fire:divided-between-short-of-100",
        "The inheritance was divided between the three children, 40%, 30% and 20%.",
        [pct("40%", 40), pct("30%", 30), pct("20%", 20)],
        [INCONSISTENT],
    ),
    (
        "nofire:divided-between-reaches-100",
        "The inheritance was divided between the three children, 50%, 30% and 20%.",
        [pct("50%", 50), pct("30%", 30), pct("20%", 20)],
        [CONSISTENT],
    ),
    # changes are never shares
    (
        "nofire:levels-of-a-change-are-not-shares",
        "The party's support rose from 31% to 38%, and 20% of voters are undecided.",
        [pct("31%", 31), pct("38%", 38), pct("20%", 20)],
        [],
    ),
    (
        "nofire:a-change-and-a-share",
        "Sales were up 45% in May, while 60% of revenue came from exports.",
        [pct("45%", 45), pct("60%", 60)],
        [],
    ),
    (
        "nofire:growth-rate-is-not-a-share",
        "The economy grows 3% a year and 70% of the economy is services.",
        [pct("3%", 3), pct("70%", 70)],
        [],
    ),
]


@pytest.mark.parametrize("text,claims,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_shares_sum(text, claims, expected):
    found = run_rule(SharesSum(), make_article(text, claims))
    assert statuses(found) == expected, [f.explanation for f in found]
