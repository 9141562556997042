"""Rates: a count per period, "six crimes per day", "20 drivers killed per week", "7,000 jobs annually"."""

from __future__ import annotations

import regex

from claims_api.extract import units
from claims_api.extract.context import Doc
from claims_api.extract.fragments import fold, lower
from claims_api.extract.numbers import Num
from claims_api.extract.rule import Fields, Rule
from claims_api.model import Kind

_BREAK = (
    r"and|or|but|to|in|on|at|for|from|with|by|the|that|which|who|was|were|is|are|has|have|had|will|"
    r"than|of|per|a|an|each|every|over|since|during|until|last|past|this|next|time|times"
)
# One word of what is counted: any word but those above.
_WORD = rf"(?:[ \u00a0]+(?!(?:{_BREAK})\b)[\p{{L}}][\p{{L}}'’\-]*)"
RULES = (
    Rule(
        "rate.per_period",
        "<number> [<noun>{0,3}] per|a|each|every <period>",
        "right",
        regex.compile(
            rf"""(?P<noun>{_WORD}{{0,3}}?
                (?:[ \u00a0]+of{_WORD}{{1,2}}?)?)
                [ \u00a0]+(?:per|a|an|each|every)[ \u00a0]+(?P<period>{units.PERIOD_WORDS})(?![\p{{L}}])
                (?![ \u00a0]+(?:earlier|ago|later|before|after|on)\b)""",
            regex.VERBOSE | regex.IGNORECASE,
        ),
    ),
    Rule(
        "rate.adverb",
        "<number> [<noun>{0,3}] daily|weekly|annually",
        "right",
        regex.compile(
            rf"""(?P<noun>{_WORD}{{0,3}}?)
                [ \u00a0]+(?P<adv>{units.ADVERBS})(?![\p{{L}}])""",
            regex.VERBOSE | regex.IGNORECASE,
        ),
    ),
)


# "31.1 per 100,000 inhabitants", "12 deaths per 1,000 live births": a rate per head, not per period.
_PER_HEADS = Rule(
    "rate.per_capita",
    "<number> [<noun>{0,3}] per 1,000|100,000|million [people]",
    "right",
    regex.compile(
        rf"""(?P<noun>{_WORD}{{0,3}}?)
            [ \u00a0]+per[ \u00a0]+(?P<base>1,?000(?:,?000)?|10,?000|100,?000|1[ \u00a0]?million|million)
            (?!\d|[,.]\d)
            (?P<heads>[ \u00a0]+(?:inhabitants|people|residents|population|persons|citizens|adults|children
                                |women|men|(?:live[ \u00a0]+)?births|pupils|students|workers))?""",
        regex.VERBOSE | regex.IGNORECASE,
    ),
)

# The oil trade's "8.97 million b/d", "400,000 bpd": barrels (of oil equivalent) a day.
_BARRELS = Rule(
    "rate.barrels_a_day",
    "<number> b/d|bpd|boe/d",
    "right",
    regex.compile(r"[ \u00a0]?(?:b/d|bpd|bbl/d|boe/d|boepd|mb/d)(?![\p{L}\p{N}/])"),
)

_SPEED_UNITS = {"kilometer", "meter", "mile", "foot", "yard", "nautical_mile"}


def _is_unit(noun: str) -> bool:
    """A length or time unit before "per <period>" makes a speed or a schedule, not a count rate.

    Counted units stay rates, as the guideline says: "80,000 barrels a day"."""
    first = fold(noun).split(" ", 1)[0] if noun.strip() else ""
    if not first:
        return False
    unit = units.Q_FOLDED.get(first) or units.Q_EXACT.get(first)
    return unit in _SPEED_UNITS or first in units.D_FOLDED or first in units.D_EXACT


def match(doc: Doc, n: Num) -> Fields | None:
    if n.form not in ("digits", "words"):
        return None
    m = _BARRELS.right(doc.text, n.end, 12)
    if m is not None:
        return _rate(n, m, "1/day", _BARRELS, "barrels")
    m = _PER_HEADS.right(doc.text, n.end, 120)
    if m is not None and lower(m.group("noun").strip()) != "parts":  # "425 parts per million": ppm
        base = lower(m.group("base"))
        size = 1_000_000 if "million" in base else int(base.replace(",", ""))
        return _rate(n, m, f"1/{size}", _PER_HEADS, m.group("noun"))
    for rule in RULES:
        m = rule.right(doc.text, n.end, 80)
        if m is None or _is_unit(m.group("noun")):
            continue
        period = m.groupdict().get("period")
        unit = units.PERIODS[fold(period)] if period else units.ADVERB_PERIODS[fold(m.group("adv"))]
        return _rate(n, m, unit, rule, m.group("noun"))
    return None


def _rate(n: Num, m: regex.Match[str], unit: str, rule: Rule, noun: str) -> Fields:
    """A rate from the number to the end of ``m``; ``noun`` (what is counted) goes in ``what``."""
    what = " ".join(noun.split())
    return Fields(
        Kind.RATE,
        n.start,
        m.end(),
        n.value,
        unit,
        rule.id,
        what=what or None,
        num_start=n.start,
        num_end=n.end,
        decimals=n.decimals,
    )
