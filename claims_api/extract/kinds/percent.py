"""Percentages: "14.6 percent", "3%", "per cent", percentage points, "over half", "the majority"."""

from __future__ import annotations

import regex

from claims_api.extract.context import Doc
from claims_api.extract.numbers import TENS, UNITS, Num
from claims_api.extract.rule import Fields, Rule
from claims_api.model import Kind, Qualifier

RULES = (
    Rule(
        "percent.sign_after",
        "<number> %|percent|per cent|percentage points",
        "right",
        regex.compile(
            r"""[ \u00a0]?(?:(?P<pp>percentage[ \u00a0-]points?|(?:%|pct\.?)[ \u00a0]points?|pp\b|p\.p\.)
                |(?P<pc>%|percent(?:age)?s?\b|per[ \u00a0-]?cents?\b|pct\b))""",
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
    Rule("percent.share_word", "the (vast) majority|minority", "right", regex.compile(r"")),
)
_SIGN, _OF_NUMBER, _FRACTION, _SHARE = RULES
_NUMBER_BEFORE = regex.compile(
    rf"(?:\d|\b(?:{'|'.join(UNITS)}|{'|'.join(TENS)}))[ \u00a0]*\Z", regex.IGNORECASE
)
_OF_NUMBER_AFTER = regex.compile(r"[ \u00a0]+of[ \u00a0]+(?:\d|[\p{L}]+[ \u00a0]+\d)")
_HALF_DURATION = regex.compile(
    r"[ \u00a0]+(?:an?|of an?)[ \u00a0]+(?:hour|minute|day|year|month|week|century)", regex.I
)


def match(doc: Doc, n: Num) -> Fields | None:
    text = doc.text
    if n.form == "share":
        if _OF_NUMBER_AFTER.match(text, n.end, n.end + 64):
            return None  # "a majority of 101 votes" is a count, not a share
        word = text[n.start : n.end].lower()
        q = Qualifier.LESS_THAN if "minority" in word else Qualifier.MORE_THAN
        return Fields(Kind.PERCENT, n.start, n.end, 50.0, "percent", _SHARE.id, qualifier=q, vague=True)
    if n.form == "frac":
        if _HALF_DURATION.match(text, n.end, n.end + 64) or text[
            max(0, n.start - 6) : n.start
        ].lower().endswith("and "):
            return None
        if _FRACTION.right(text, n.end, 20):
            return Fields(Kind.PERCENT, n.start, n.end, n.value, "percent", _FRACTION.id)
        return None
    if n.form not in ("digits", "words"):
        return None
    m = _SIGN.right(text, n.end, 24)
    if m is not None:
        unit = "percentage_point" if m.group("pp") else "percent"
        return Fields(
            Kind.PERCENT,
            n.start,
            m.end(),
            n.value,
            unit,
            _SIGN.id,
            num_start=n.start,
            num_end=n.end,
            decimals=n.decimals,
        )
    m = _OF_NUMBER.left(text, n.start, 20)
    if m is not None and not _NUMBER_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return Fields(
            Kind.PERCENT,
            m.start(),
            n.end,
            n.value,
            "percent",
            _OF_NUMBER.id,
            num_start=n.start,
            num_end=n.end,
            decimals=n.decimals,
        )
    return None
