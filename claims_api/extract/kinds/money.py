"""Money: "US$33 billion", "12.97 billion soles", "\\$57.6 million", "PEN 500", "74 cents"."""

from __future__ import annotations

import regex

from claims_api.extract import currency
from claims_api.extract.context import Doc
from claims_api.extract.numbers import Num
from claims_api.extract.rule import Fields, Rule
from claims_api.model import Kind

RULES = (
    Rule("money.symbol_before", "<symbol|ISO code> <number>", "left", currency.PREFIX),
    Rule("money.name_after", "<number> <currency name|ISO code|cents|pence>", "right", currency.SUFFIX),
)
_SYMBOL, _NAME = RULES
_MASS_AFTER = regex.compile(r"\s+(?:of|per)\b")


def _suffix(doc: Doc, n: Num) -> tuple[str, int, float] | None:
    """(code, end, factor) from the currency written after the number."""
    m = _NAME.right(doc.text, n.end, 40)
    if m is None:
        return None
    if m.group("code"):
        return m.group("code"), m.end(), 1.0
    if m.group("name"):
        name = m.group("name")
        if name.lower().startswith("pound") and _MASS_AFTER.match(doc.text, m.end()):
            return None  # "300 pounds of cocaine" is a mass
        s, e = doc.sentence(n.start, n.end)
        code = currency.code_for_name(name, doc.text[s:e])
        return (code, m.end(), 1.0) if code else None
    if m.group("minor"):
        code = currency.minor_code(m.group("minor"))
        return (code, m.end(), 0.01) if code else None
    if m.group("pence") and n.form == "digits" and not n.scaled:
        return "GBP", m.end(), 0.01
    return None


def match(doc: Doc, n: Num) -> Fields | None:
    if n.form not in ("digits", "words"):
        return None
    start, code, rule = n.start, None, _NAME.id
    m = _SYMBOL.left(doc.text, n.start, 12)
    if m is not None:
        code = currency.code_for_prefix(m)
        if code:
            start, rule = m.start(), _SYMBOL.id
    end, value = n.end, n.value
    suffix = _suffix(doc, n)
    if suffix is not None:
        code2, end2, factor = suffix
        if code is None or factor == 1.0:
            code = code or code2
            # "US$5 US dollars" keeps the prefix's code; a name after a bare "$" refines it.
            if rule == _SYMBOL.id and m is not None and m.group("sym") and m.group("sym").lstrip("\\") == "$":
                code = code2
            end, value = end2, value * factor
    if code is None:
        return None
    return Fields(Kind.MONEY, start, end, value, code, rule, num_start=n.start, num_end=n.end, decimals=n.decimals)
