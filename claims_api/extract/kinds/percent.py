"""Percentages: "14.6 percent", "3%", percentage and basis points, "one in five", "over half",
"up roughly a third", "the majority".

GUIDELINE: unit ``percent``, value in percentage points. A difference stated in points ("0.25
percentage points", "50 basis points" = 0.5, "led by 12 points" in a poll) is also ``percent``;
``attrs["points"]`` tells it from a share (and ``attrs["basis_points"]`` keeps the figure as written).
While claims are matched and joined, points carry the unit ``POINTS``, so that "cut by 50 basis
points to 10.75%" stays two figures instead of a range; ``resolve`` gives them their GUIDELINE unit.
"""

from __future__ import annotations

import regex

from claims_api.extract.context import Doc
from claims_api.extract.fragments import alternation, lower
from claims_api.extract.numbers import ONE_WORD_NUMBER, TENS, UNITS, Num, digits_value, words_value
from claims_api.extract.rule import Fields, Rule
from claims_api.lexicons import load
from claims_api.model import Claim, Kind, Qualifier

POINTS = "percentage_point"

_WORDS = load("shares")
_SP = r"[ \u00a0]"
_LEAD = alternation(_WORDS["fraction_lead"])
_NUMBER_WORD = rf"(?:{alternation(TENS)}(?:[-\u2010 ]{alternation(UNITS)})?|{alternation(UNITS)})"

RULES = (
    Rule(
        "percent.sign_after",
        "<number> %|percent|per cent|percentage points|basis points|bp",
        "right",
        regex.compile(
            r"""(?:[ \u00a0]?|[-\u2010](?=perc|basis))   # "0.5-percentage-point", "25-basis-point"
                (?:(?P<pp>percentage[ \u00a0\u2010-]points?|(?:%|pct\.?)[ \u00a0]points?|pp\b|p\.p\.)
                 |(?P<bp>basis[ \u00a0\u2010-]points?\b|(?-i:bps?)\b)
                 |(?P<pc>%|percent(?:age)?s?\b|per[ \u00a0-]?cents?\b|pct\b|(?<=\d)(?-i:pc)\b))""",
            regex.VERBOSE | regex.IGNORECASE,
        ),
    ),
    Rule(
        "percent.of_number",
        "percent of <number>",
        "left",
        regex.compile(r"(?i:\b(?:per[ \u00a0]?cents?|percent(?:age)?s?))[ \u00a0]+of[ \u00a0]+\Z"),
    ),
    Rule(
        "percent.fraction_of",
        "half|a third|two-thirds (of|the) <noun>",
        "right",
        regex.compile(
            r"[ \u00a0]+(?:of\b|the\b|all\b|its\b|their\b|his\b|her\b|our\b|these\b|those\b|this\b)", regex.I
        ),
    ),
    Rule(
        "percent.fraction_after_change",
        "up|accounts for|roughly <fraction> (no noun after)",
        "left",
        regex.compile(rf"(?<![\p{{L}}\p{{N}}]){_LEAD}{_SP}+\Z", regex.I),
    ),
    Rule(
        "percent.fraction_of_point",
        "a quarter of a percentage point|half a basis point|a quarter-point",
        "right",
        regex.compile(
            rf"""(?:{_SP}+(?:of{_SP}+)?an?{_SP}+(?:(?P<bp>basis)|percentage)[ \u00a0\u2010-]point\b
                 |(?P<adj>[-\u2010]point\b(?![-\u2010])))""",
            regex.VERBOSE | regex.IGNORECASE,
        ),
    ),
    Rule(
        "percent.ratio",
        "<number> [times] in|out of [every] <number>",
        "right",
        regex.compile(
            rf"""(?:{_SP}+times)?{_SP}+(?:in|out{_SP}+of){_SP}+(?:every{_SP}+)?
                 (?P<b>\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUMBER_WORD})
                 (?P<scale>{_SP}+(?:hundred|thousand|million|billion))?\b(?![.,]\d)""",
            regex.VERBOSE | regex.IGNORECASE,
        ),
    ),
    Rule(
        "percent.points",
        "<number> points|-point lead (in a paragraph about a poll or percentages)",
        "right",
        regex.compile(
            rf"{_SP}+points?\b(?![-\u2010])|[-\u2010]point(?={_SP}+{alternation(_WORDS['points_noun'])}\b)",
            regex.IGNORECASE,
        ),
    ),
    Rule("percent.share_word", "the (vast) majority|minority", "right", regex.compile(r"")),
)
_SIGN, _OF_NUMBER, _FRACTION, _FRACTION_LEAD, _OF_POINT, _RATIO, _POINTS, _SHARE = RULES
_NUMBER_BEFORE = regex.compile(rf"(?:\d|\b{ONE_WORD_NUMBER})[ \u00a0]*\Z", regex.IGNORECASE)
_OF_NUMBER_AFTER = regex.compile(r"[ \u00a0]+of[ \u00a0]+(?:\d|[\p{L}]+[ \u00a0]+\d)")
# "half an hour", "a third of a mile", "a quarter of a century": one unit measured, not a share.
_UNIT_OF_ONE = regex.compile(
    rf"{_SP}+(?:of{_SP}+)?an?{_SP}+{alternation(_WORDS['unit_of_one'])}s?\b", regex.IGNORECASE
)
# What may follow a fraction read as a share without "of": punctuation, a number, a preposition.
_FRACTION_AFTER = regex.compile(
    rf"""[ \u00a0]*(?:[.,;:!?)\u2014\u2013"\u201d']|\Z)
       |{_SP}+(?:{alternation(_WORDS["fraction_after"])}|\d|{_NUMBER_WORD})(?![\p{{L}}\-\u2010])""",
    regex.VERBOSE | regex.IGNORECASE,
)
_COMPARATIVE_AFTER = regex.compile(
    rf"{_SP}+(?:fewer|more|less|higher|lower|larger|smaller|bigger|greater|cheaper|dearer|faster|slower"
    rf"|longer|shorter|heavier|lighter)\b",
    regex.IGNORECASE,
)
# "won 3 in 5 games", "scored 12 points": a tally of results, a score.
_RESULT_BEFORE = regex.compile(
    rf"(?<![\p{{L}}]){alternation(_WORDS['result_verbs'])}{_SP}+(?:\p{{L}}+{_SP}+)?\Z", regex.IGNORECASE
)
_SCORE_BEFORE = regex.compile(
    rf"(?<![\p{{L}}]){alternation(_WORDS['score_verbs'])}{_SP}+(?:\p{{L}}+{_SP}+)?\Z", regex.IGNORECASE
)
_TIME_AFTER = regex.compile(
    r"[ \u00a0\u2010-]+(?:years?|months?|weeks?|days?|decades?|hours?|minutes?|seconds?|centur(?:y|ies))\b",
    regex.IGNORECASE,
)
_YEARLIKE = regex.compile(r"1\d{3}|20\d{2}")
_WORD_BOUND = r"(?<![\p{L}\p{N}])"
_POINTS_CUE = regex.compile(
    rf"%|{_WORD_BOUND}{alternation(_WORDS['points_cue'])}(?![\p{{L}}])",
    regex.IGNORECASE,
)
_POINTS_BLOCK = regex.compile(
    rf"{_WORD_BOUND}{alternation(_WORDS['points_block'])}(?![\p{{L}}])", regex.IGNORECASE
)
_PARAGRAPH_REACH = 2000
_HINT = regex.compile(
    r"[ \u00a0]+(?:(?P<ratio>(?:times[ \u00a0]+)?(?:in|out))|points?)\b|[-\u2010]point\b", regex.IGNORECASE
)


def resolve(claim: Claim) -> Claim:
    """A points figure in the GUIDELINE unit ``percent``, marked ``attrs["points"]``."""
    if claim.unit != POINTS:
        return claim
    return claim.replace(unit="percent", attrs={**claim.attrs, "points": True})


def match(doc: Doc, n: Num) -> Fields | None:
    text = doc.text
    if n.form == "share":
        if _OF_NUMBER_AFTER.match(text, n.end, n.end + 64):
            return None  # "a majority of 101 votes" is a count, not a share
        word = lower(text[n.start : n.end])
        q = Qualifier.LESS_THAN if "minority" in word else Qualifier.MORE_THAN
        return Fields(Kind.PERCENT, n.start, n.end, 50.0, "percent", _SHARE.id, qualifier=q, vague=True)
    if n.form == "frac":
        return _fraction(doc, n)
    if n.form not in ("digits", "words"):
        return None
    m = _SIGN.right(text, n.end, 24)
    if m is not None:
        if m.group("bp"):
            extra = {"basis_points": n.value}
            return _fields(n, n.start, m.end(), n.value / 100, _SIGN, POINTS, n.decimals + 2, extra)
        return _fields(n, n.start, m.end(), n.value, _SIGN, POINTS if m.group("pp") else "percent")
    m = _OF_NUMBER.left(text, n.start, 20)
    if m is not None and not _NUMBER_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return _fields(n, m.start(), n.end, n.value, _OF_NUMBER, "percent")
    hint = _HINT.match(text, n.end, n.end + 12)  # one cheap look before the two rules
    if hint is None:
        return None
    return _ratio(doc, n) if hint.group("ratio") else _points(doc, n)


def _fields(
    n: Num,
    start: int,
    end: int,
    value: float,
    rule: Rule,
    unit: str,
    decimals: int | None = None,
    extra: dict[str, object] | None = None,
) -> Fields:
    return Fields(
        Kind.PERCENT,
        start,
        end,
        value,
        unit,
        rule.id,
        num_start=n.start,
        num_end=n.end,
        decimals=n.decimals if decimals is None else decimals,
        extra=extra or {},
    )


def _fraction(doc: Doc, n: Num) -> Fields | None:
    """ "a quarter of a percentage point", "two-thirds of voters", "up roughly a third"."""
    text = doc.text
    if lower(text[max(0, n.start - 6) : n.start]).endswith("and "):
        return None  # "a year and a half"
    m = _OF_POINT.right(text, n.end, 40)
    if m is not None and (m.group("adj") is None or lower(text[n.start : n.end]) != "half"):
        bp = m.group("bp") is not None
        value = n.value / (10000 if bp else 100)
        extra = {"basis_points": n.value / 100} if bp else {}
        return Fields(Kind.PERCENT, n.start, m.end(), value, POINTS, _OF_POINT.id, decimals=4, extra=extra)
    if _UNIT_OF_ONE.match(text, n.end, n.end + 64):
        return None
    if _FRACTION.right(text, n.end, 20):
        return Fields(Kind.PERCENT, n.start, n.end, n.value, "percent", _FRACTION.id)
    if _COMPARATIVE_AFTER.match(text, n.end, n.end + 24):  # "a third fewer homes", "a fifth higher"
        return Fields(Kind.PERCENT, n.start, n.end, n.value, "percent", _FRACTION_LEAD.id)
    if _FRACTION_AFTER.match(text, n.end, n.end + 40) and _FRACTION_LEAD.left(text, n.start, 40):
        return Fields(Kind.PERCENT, n.start, n.end, n.value, "percent", _FRACTION_LEAD.id)
    return None


def _ratio(doc: Doc, n: Num) -> Fields | None:
    """ "one in five voters" (20), "1 in 4", "one out of every ten" (10)."""
    if n.scaled or not n.value.is_integer() or n.value < 1:
        return None
    text = doc.text
    m = _RATIO.right(text, n.end, 48)
    if m is None or _TIME_AFTER.match(text, m.end(), m.end() + 16):
        return None  # "one in 10 years" is a frequency
    raw = m.group("b")
    if raw[0].isdigit():
        if _YEARLIKE.fullmatch(raw):
            return None  # "1 in 2024"
        b = digits_value(raw)
    else:
        b = words_value(raw) or 0.0
    if m.group("scale"):
        b *= words_value(m.group("scale").strip()) or 1
    if b <= n.value or _RESULT_BEFORE.search(text, max(0, n.start - 30), n.start):
        return None
    return _fields(n, n.start, m.end(), 100 * n.value / b, _RATIO, "percent", extra={"ratio": [n.value, b]})


def _points(doc: Doc, n: Num) -> Fields | None:
    """ "led by almost 12 points" where the paragraph talks about a poll or in percentages."""
    text = doc.text
    if n.value > 100:
        return None
    m = _POINTS.right(text, n.end, 40)
    if m is None or _SCORE_BEFORE.search(text, max(0, n.start - 30), n.start):
        return None
    s, e = doc.sentence(n.start, m.end())
    lo = min(doc.sentence(s - 1, s - 1)[0] if s else s, _line_start(text, n.start))
    hi = max(e, _line_end(text, m.end()))
    if _POINTS_BLOCK.search(text, lo, hi) or not _POINTS_CUE.search(text, lo, hi):
        return None
    return _fields(n, n.start, m.end(), n.value, _POINTS, POINTS)


def _line_start(text: str, pos: int) -> int:
    floor = max(0, pos - _PARAGRAPH_REACH)
    return max(text.rfind("\n", floor, pos) + 1, floor)


def _line_end(text: str, pos: int) -> int:
    i = text.find("\n", pos, pos + _PARAGRAPH_REACH)
    return min(len(text), pos + _PARAGRAPH_REACH) if i == -1 else i
