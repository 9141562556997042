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
_PLURAL_NOUN = regex.compile(r"[ \u00a0]+[\p{Ll}][\p{L}]*s\b")


def match(doc: Doc, n: Num) -> Fields | None:
    if n.form not in ("digits", "words", "fraction"):
        return None
    text = doc.text
    if n.scale_text == "m" and n.form == "digits":
        # "300m" with no currency: metres, unless a plural noun follows ("300m people").
        if _PLURAL_NOUN.match(text, n.end, n.end + 64):
            return None
        value = digits_value(n.integer_text) * (-1 if n.value < 0 else 1)
        return Fields(
            Kind.QUANTITY,
            n.start,
            n.end,
            value,
            "meter",
            _UNIT.id,
            num_start=n.start,
            num_end=n.end,
            decimals=n.decimals,
        )
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
