"""Durations: "80 days", "four months in office", "two decades", "the last 30 years", "10-year"."""

from __future__ import annotations

import regex

from claims_api.extract import units
from claims_api.extract.context import Doc
from claims_api.extract.fragments import lower
from claims_api.extract.numbers import Num
from claims_api.extract.rule import Fields, Rule
from claims_api.model import Kind

RULES = (
    Rule("duration.unit_after", "<number>[-]<time unit>", "right", units.DURATION),
    Rule(
        "duration.the_last",
        "the last|past|next|first <number> <time unit>",
        "left",
        regex.compile(
            r"(?i:\bthe[ \u00a0]+(?:last|past|next|first|previous|coming|final|following))[ \u00a0]+\Z"
        ),
    ),
    Rule(
        "duration.half_a",
        "half a|an <time unit>",
        "right",
        regex.compile(r"[ \u00a0]+an?(?=[ \u00a0])", regex.I),
    ),
    Rule(
        "duration.a_unit_and_a_half",
        "a|an <time unit> and a half",
        "left",
        regex.compile(
            rf"(?i:\ban?[ \u00a0]+(?P<unit>{'|'.join(units.DURATION_NAMES)})[ \u00a0]+and[ \u00a0]+)\Z"
        ),
    ),
    Rule(
        "duration.relative",
        "<number> <time unit> ago|later|earlier|hence|prior (optional)",
        "right",
        # not "20 minutes earlier in the day", where "earlier" dates the day, not the event
        regex.compile(
            r"[ \u00a0]+(?:ago|later|earlier|hence|prior)\b(?![ \u00a0]+(?:in|on)[ \u00a0]+the\b)", regex.I
        ),
    ),
)
_UNIT, _THE_LAST, _HALF_A, _AND_A_HALF, _RELATIVE = RULES
_ADJECTIVE = regex.compile(
    r"[ \u00a0]+(?:consecutive|straight|successive|working|business|calendar|full|whole|solid|trading"
    r"|school|long|more|additional|extra|further)(?=[ \u00a0])",
    regex.I,
)
# Ages are not durations of the thing measured (GUIDELINE: not claims).
_AGE = regex.compile(r"[ \u00a0-]+(?:old|of[ \u00a0]+age)\b", regex.I)


def match(doc: Doc, n: Num) -> Fields | None:
    if n.form == "frac":
        return _half(doc.text, n)
    if n.form not in ("digits", "words", "fraction"):
        return None
    text = doc.text
    m = _UNIT.right(text, n.end, 30)
    if m is None:  # "15 consecutive months", "22 working days"
        between = _ADJECTIVE.match(text, n.end, n.end + 24)
        m = _UNIT.right(text, between.end(), 30) if between is not None else None
    if m is None or _AGE.match(text, m.end(), m.end() + 64):
        return None
    if m.group().strip() in ("s", "h") and m.start() == m.end() - 1:
        return None  # "5s", "3h" glued to the number are too often names or plurals
    end, rule, vague = m.end(), _UNIT.id, False
    relative = _RELATIVE.right(text, end, 16)
    if relative is not None:
        # "two years ago", "three weeks later": a distance in time that dates an event; the
        # seeds mark it an optional duration, its span taking the word that makes it relative.
        end, rule, vague = relative.end(), _RELATIVE.id, True
    start, extra = n.start, {}
    left = _THE_LAST.left(text, n.start, 30)
    if left is not None:
        # "over the next five years" names a period: "over" bounds nothing here.
        start, extra = left.start(), {"lead": True}
    return Fields(
        Kind.DURATION,
        start,
        end,
        n.value,
        units.duration_unit(m),
        rule,
        vague=vague,
        extra=extra,
        num_start=n.start,
        num_end=n.end,
        decimals=n.decimals,
    )


def _half(text: str, n: Num) -> Fields | None:
    """ "half an hour" (0.5 hour) and "a year and a half" (1.5 years)."""
    word = lower(text[n.start : n.end])
    if word == "half":
        a = _HALF_A.right(text, n.end, 8)
        m = units.DURATION.match(text, a.end(), a.end() + 30) if a is not None else None
        if m is None or not m.group().startswith(" "):
            return None
        return Fields(Kind.DURATION, n.start, m.end(), 0.5, units.duration_unit(m), _HALF_A.id, decimals=1)
    if word.split()[-1] == "half" and word.split()[0] in ("a", "one"):
        m = _AND_A_HALF.left(text, n.start, 40)
        if m is None:
            return None
        return Fields(
            Kind.DURATION, m.start(), n.end, 1.5, lower(m.group("unit")), _AND_A_HALF.id, decimals=1
        )
    return None
