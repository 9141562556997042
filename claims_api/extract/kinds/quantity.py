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
# "50mg per 100ml", "5mg per litre", "2 g/100 g": a unit per an amount of another, one compound unit.
_PER = regex.compile(r"[ \u00a0]*(?:per|/)[ \u00a0]*(?:(?P<count>\d+(?:\.\d+)?)(?![\d,]))?", regex.IGNORECASE)
_FIGURE_BEFORE = regex.compile(
    r"[\p{N}\p{Sc}%][\p{L}.]*(?:[ \u00a0]+[\p{L}.,-]+){0,3}[ \u00a0]+\Z", regex.REVERSE
)
# "5ft 10in": an inch figure glued to its number after a feet figure needs no full stop after it.
_FEET_BEFORE = regex.compile(r"\d[ \u00a0]?(?:ft|feet|foot|')[ \u00a0]*\Z", regex.IGNORECASE)
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


# "a 50-year-old man", "the 30 years old driver", "a six-month-old baby": an age (GUIDELINE v2).
_YEARS_OLD = regex.compile(
    r"(?:[ \u00a0]*[-\u2010][ \u00a0]*|[ \u00a0]+)(?P<unit>year|month|week|day)s?[ \u00a0\u2010-]+old\b",
    regex.IGNORECASE,
)


_AGE_REASONS = (None, "age", "identifier")  # "50-year-old" reads as an identifier ("-year-old" glued on)


def age(doc: Doc, n: Num, reason: str | None) -> Fields | None:
    """An age: ``quantity`` in ``year`` (or the unit of "-month-old") with ``attrs["age"]``, which
    the GUIDELINE makes optional. ``reason`` is why not_claims set the number aside: "age" for "aged
    42", "Balcázar, 83,", "voters over 60"; a number before "-year-old" is also an age."""
    if n.form not in ("digits", "words") or n.value < 0 or n.scaled or reason not in _AGE_REASONS:
        return None
    m = _YEARS_OLD.match(doc.text, n.end, n.end + 32)
    if m is None and reason != "age":
        return None
    end, unit = (m.end(), m.group("unit").lower()) if m is not None else (n.end, "year")
    return Fields(
        Kind.QUANTITY,
        n.start,
        end,
        n.value,
        unit,
        "quantity.age",
        num_start=n.start,
        num_end=n.end,
        decimals=n.decimals,
        extra={"age": True},
    )


def match(doc: Doc, n: Num) -> Fields | None:
    if n.form not in ("digits", "words", "fraction", "article"):
        return None
    text = doc.text
    if n.form == "article" and _FIGURE_BEFORE.search(text, max(0, n.start - 40), n.start):
        return None  # "$80 a tonne", "5 km a day": per unit, not one unit
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
        if not (attached and _FEET_BEFORE.search(text, max(0, n.start - 12), n.start)):
            return None
    unit = units.quantity_unit(m)
    per = _per_unit(text, m.end(), unit)
    if per is not None:
        end, per_unit, amount = per
        return Fields(
            Kind.QUANTITY,
            n.start,
            end,
            n.value / amount,
            f"{unit} / {per_unit}",
            "quantity.unit_per_unit",
            num_start=n.start,
            num_end=n.end,
            decimals=n.decimals,
            extra={"per_amount": amount} if amount != 1 else {},
        )
    return Fields(
        Kind.QUANTITY,
        n.start,
        m.end(),
        n.value,
        unit,
        _UNIT.id,
        num_start=n.start,
        num_end=n.end,
        decimals=n.decimals,
    )


def _per_unit(text: str, pos: int, unit: str) -> tuple[int, str, float] | None:
    """After a unit, "per 100ml" or "per litre": (end, the other unit, its amount), else None."""
    per = _PER.match(text, pos, pos + 24)
    if per is None or per.end() == pos:
        return None
    m = units.QUANTITY.match(text, per.end(), per.end() + 40)
    if m is None:
        return None
    other = units.quantity_unit(m)
    form = m.group("exact") or m.group("folded")
    if other == unit or form in _QUOTES or form == "in":
        return None
    amount = float(per.group("count")) if per.group("count") else 1.0
    return (m.end(), other, amount) if amount > 0 else None
