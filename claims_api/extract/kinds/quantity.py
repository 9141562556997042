"""Physical quantities with a unit pint knows: "50 miles", "300 tonnes", "2.5 km", "six-mile"."""

from __future__ import annotations

import regex

from claims_api.extract import units
from claims_api.extract.context import Doc
from claims_api.extract.numbers import Num, digits_value
from claims_api.extract.rule import Fields, Rule
from claims_api.model import Kind

RULES = (Rule("quantity.unit_after", "<number>[-]<unit>", "right", units.QUANTITY),)
_UNIT = RULES[0]
_QUOTES = {"'", '"', "''"}
_OPEN_QUOTE = regex.compile(r"[\"\u201c][^\"\u201d]*\Z")
_INCH_END = regex.compile(r"[ \u00a0]*(?:[.,;:)!?]|\Z)")
# "300m" without a currency is metres only where the words around say length; news writes
# "41.3m voters" and "1.2m of its handsets" far more often than bare metres.
_METRE_AFTER = regex.compile(
    r"""[ \u00a0]*[-\u2010]?[ \u00a0]*
        (?:(?:high|tall|long|wide|deep|thick|away|above|below|underground|underwater|in[ \u00a0]+
              (?:diameter|length|height|width|depth)|sprint|race|hurdles|freestyle|backstroke|
              breaststroke|butterfly|relay|dash|swim|by)\b
          | [x\u00d7\u00b2\u00b3]
          | (?:and|,)?[ \u00a0]*\d+(?:\.\d+)?[ \u00a0]?(?:cm|mm|dm|km|ft|in)\b
          | [^.;\n]{0,40}?\b\d+(?:\.\d+)?[ \u00a0]?(?:dm|cm|mm|km|ft|feet|inches|metres|meters)\b)""",
    regex.VERBOSE | regex.IGNORECASE,
)
_METRE_BEFORE = regex.compile(
    r"\b(?:depth|height|length|width|altitude|elevation|distance|diameter|radius|metres?|meters?)\b"
    r"[^.;\n\d]{0,40}\Z",
    regex.IGNORECASE,
)
# "38C", "100F": a temperature only where the sentence speaks of heat or cold.
_DEGREE_LETTER = regex.compile(r"(?P<letter>[CF])(?![\p{L}\p{N}])")
_TEMPERATURE_CUE = regex.compile(
    r"temperature|heat|hot\b|warm|cold|cool|degree|\u00b0|celsius|fahrenheit|thermometer|freez"
    r"|scorch|forecast|pre-industrial|climate",
    regex.IGNORECASE,
)


_POWERS = {"\u00b2": 2, "\u00b3": 3}


def _metres(text: str, n: Num) -> bool:
    return bool(
        _METRE_AFTER.match(text, n.end, n.end + 64)
        or _METRE_BEFORE.search(text, max(0, n.start - 60), n.start)
    )


def _temperature(text: str, n: Num) -> Fields | None:
    m = _DEGREE_LETTER.match(text, n.end, n.end + 2)
    if m is None:
        return None
    lo, hi = max(0, n.start - 120), min(len(text), n.end + 120)
    if not _TEMPERATURE_CUE.search(text, lo, hi):
        return None
    unit = "degree_Celsius" if m.group("letter") == "C" else "degree_Fahrenheit"
    return Fields(
        Kind.QUANTITY,
        n.start,
        m.end(),
        n.value,
        unit,
        "quantity.degree_letter",
        num_start=n.start,
        num_end=n.end,
        decimals=n.decimals,
    )


def match(doc: Doc, n: Num) -> Fields | None:
    if n.form not in ("digits", "words", "fraction"):
        return None
    text = doc.text
    if n.scale_text == "m" and n.form == "digits" and _metres(text, n):
        value = digits_value(n.integer_text) * (-1 if n.value < 0 else 1)
        power = _POWERS.get(text[n.end : n.end + 1])  # "37m²"
        return Fields(
            Kind.QUANTITY,
            n.start,
            n.end + (power is not None),
            value,
            f"meter ** {power}" if power else "meter",
            _UNIT.id,
            num_start=n.start,
            num_end=n.end,
            decimals=n.decimals,
        )
    # otherwise "41.3m voters", "1.2m of its handsets", "3m tonnes": m is million
    if n.form == "digits" and not n.scaled:
        temperature = _temperature(text, n)
        if temperature is not None:
            return temperature
    m = _UNIT.right(text, n.end, 40)
    if m is None:
        return None
    form = m.group("exact") or m.group("folded")
    attached = text[n.end : n.end + 1] == form[:1]
    if form in _QUOTES and (not attached or _OPEN_QUOTE.search(text, max(0, n.start - 40), n.start)):
        return None  # a closing quote after a quoted number, not inches or feet
    if form == "in" and not _INCH_END.match(text, m.end(), m.end() + 64):
        return None
    return Fields(
        Kind.QUANTITY,
        n.start,
        m.end(),
        n.value,
        units.quantity_unit(m),
        _UNIT.id,
        num_start=n.start,
        num_end=n.end,
        decimals=n.decimals,
    )
