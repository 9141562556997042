"""Counts: any remaining number, with the counted thing in ``what`` ("444 victims", "two officials").

Also the vague counts of GUIDELINE "Vague figures" ("dozens", "thousands", "several"), optional,
with ``low`` the smallest value the word allows.
"""

from __future__ import annotations

import regex

from claims_api.extract.context import Doc
from claims_api.extract.fragments import alternation, lower
from claims_api.extract.numbers import Num
from claims_api.extract.rule import Fields, Rule
from claims_api.lexicons import load
from claims_api.model import Kind

_NOT_AFTER_ONE = alternation(load("not_claims")["one_not_count"])
RULES = (
    Rule("count.number", "<number> [<counted noun>]", "right", regex.compile(r"")),
    Rule(
        "count.vague",
        "dozens|hundreds|thousands|millions|several [of] <noun>",
        "right",
        regex.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?[\p{L}]"),
    ),
)
_NUMBER, _VAGUE = RULES
_MONEY_AFTER = regex.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:(?:US|U\.S\.|Canadian|Australian)[ \u00a0]+)?"
    r"(?:dollars|euros|soles|pounds|pesos|yuan|rupees)\b",
    regex.I,
)
_AGE = regex.compile(
    r"(?:[ \u00a0]*[-\u2010][ \u00a0]*|[ \u00a0]+)(?:years?|months?)[ \u00a0-]+old\b", regex.I
)
_ATTACHED_LETTER = regex.compile(r"[\p{L}]")
_ONE_BAD_AFTER = regex.compile(
    rf"[ \u00a0]*(?:{_NOT_AFTER_ONE}\b|[-\u2010][\p{{L}}]|[.,;:!?)\u2014\u2013]|\Z)", regex.I
)
_ONE_BAD_BEFORE = regex.compile(
    r"\b(?:no|any|every|each|some|the|this|that|which|what|only|someone|anyone|no-|another|such|one)"
    r"[ \u00a0]+\Z",
    regex.I,
)
# "one-sided", "three-time" are not counts; "nine-member", "five-nation" count members and nations.
_WORD_HYPHEN = regex.compile(
    r"[-\u2010](?!(?:and|or|member|strong|seat|nation|country|person|man|woman|judge|state|storey|story"
    r"|floor|bed|page|party|team|vehicle|car|bedroom)\b)[\p{L}]"
)
_ENUMERATIVE_ONE = regex.compile(r"[ \u00a0]+[\p{L}]+(?<!s)[ \u00a0]+(?:is|was|has|would|will|could|of)\b")
_MULTIPLIER = regex.compile(
    r"[ \u00a0]+times[ \u00a0]+(?:the|as|more|higher|larger|bigger|greater|over|that|what|its|their)\b",
    regex.I,
)
_CAPITAL_NAME = regex.compile(r"[ \u00a0]+\p{Lu}")
# A fraction that stands alone ("the answer is two thirds.") is a number, not a share of anything;
# "a third term", "the past three quarters", "cut in half" are not.
_FRACTION_END = regex.compile(r"[ \u00a0]*(?:[.,;:!?)\]\"\u201d]|\Z)")
_FRACTION_NOT_AFTER = regex.compile(
    r"\b(?i:the|past|last|next|previous|recent|first|final|coming|consecutive|successive|straight|those"
    r"|these|in|and)[ \u00a0]+\Z",
    regex.REVERSE,
)


def match(doc: Doc, n: Num) -> Fields | None:
    text = doc.text
    if n.form == "vague":
        if not _VAGUE.right(text, n.end, 12) or _MONEY_AFTER.match(text, n.end, n.end + 64):
            return None
        return Fields(Kind.COUNT, n.start, n.end, None, None, _VAGUE.id, low=n.value, vague=True)
    if n.form == "frac":
        if (
            text[n.start : n.end].lower() == "half"
            or not _FRACTION_END.match(text, n.end, n.end + 8)
            or _FRACTION_NOT_AFTER.search(text, max(0, n.start - 16), n.start)
        ):
            return None
        return Fields(Kind.COUNT, n.start, n.end, n.value / 100, None, _NUMBER.id, extra={"fraction": True})
    if n.form not in ("digits", "words"):
        return None
    if _AGE.match(text, n.end, n.end + 64):
        return None
    if n.form == "digits":
        if not n.scaled and _ATTACHED_LETTER.match(text, n.end, n.end + 64):
            return None
        if n.scale_text in ("B", "b") and _CAPITAL_NAME.match(text, n.end, n.end + 64):
            return None  # "221B Baker Street": a house number, not 221 billion
    else:
        word = lower(text[n.start : n.end])
        if _WORD_HYPHEN.match(text, n.end, n.end + 64):
            return None  # "one-sided", "three-time"
        if word == "one" and (
            _ONE_BAD_AFTER.match(text, n.end, n.end + 64)
            or _ONE_BAD_BEFORE.search(text, max(0, n.start - 12), n.start)
        ):
            return None
        if word == "one" and _ENUMERATIVE_ONE.match(text, n.end, n.end + 64) and text[n.start] == "O":
            return None  # "One proposal is ... Another is ..."
        first = text[n.start]
        if (
            first.isupper()
            and n.start > 0
            and text[n.start - 1] not in '\n"“‘('
            and _CAPITAL_NAME.match(text, n.end, n.end + 64)
        ):
            prev = text[max(0, n.start - 3) : n.start]
            if not prev.rstrip().endswith((".", "!", "?", ":")):
                return None  # "the Big Four", "Three Gorges": a name
    if _MULTIPLIER.match(text, n.end, n.end + 40):
        # "three times the annual budget": a multiplier, optional (GUIDELINE "Vague figures")
        return Fields(
            Kind.COUNT, n.start, n.end, n.value, None, _NUMBER.id, vague=True, extra={"times": True}
        )
    return Fields(
        Kind.COUNT,
        n.start,
        n.end,
        n.value,
        None,
        _NUMBER.id,
        num_start=n.start,
        num_end=n.end,
        decimals=n.decimals,
        bare=True,
    )
