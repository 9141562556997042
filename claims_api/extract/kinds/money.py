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
_MONEY_CUES = regex.compile(
    r"£|\bsterling\b|\bpence\b|\b(?:cost|costs|price|prices|priced|paid|pay|pays|spend|spent|worth|fund|funds|"
    r"funding|budget|fine|fined|salary|wage|earn|earned|sell|sold|buy|bought|bill|tax|loan|debt|profit|revenue|"
    r"sales|invest|invested|investment|deal|bid|offer|million|billion|bank|cash|money)\b",
    regex.IGNORECASE,
)


def _suffix(doc: Doc, n: Num) -> tuple[str, int, float] | None:
    """(code, end, factor) from the currency written after the number."""
    m = _NAME.right(doc.text, n.end, 40)
    if m is None:
        return None
    if m.group("code"):
        code = m.group("code")
        return code if len(code) == 3 and code.isupper() else currency.code_for_symbol(code), m.end(), 1.0
    if m.group("post"):
        code = currency.code_for_symbol(m.group("post"))
        return (code, m.end(), 1.0) if code else None
    if m.group("cent"):
        return "USD", m.end(), 0.01
    if m.group("name"):
        name = m.group("name")
        s, e = doc.sentence(n.start, n.end)
        if name.lower().startswith("pound") and not (n.scaled or _MONEY_CUES.search(doc.text, s, e)):
            return None  # "two pounds" with nothing about money around it is a mass
        code = currency.code_for_name(name, doc.text[s:e])
        return (code, m.end(), 1.0) if code else None
    if m.group("minor"):
        code = currency.minor_code(m.group("minor"))
        return (code, m.end(), 0.01) if code else None
    if m.group("pence") and n.form == "digits" and not n.scaled:
        return ("GBP" if m.group("pence") == "p" else "USD"), m.end(), 0.01
    return None


def match(doc: Doc, n: Num) -> Fields | None:
    if n.form not in ("digits", "words", "fraction"):
        return None
    start, code, rule = n.start, None, _NAME.id
    m = _SYMBOL.left(doc.text, n.start, 30, doc.floor) if currency.may_prefix(doc.text, n.start) else None
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
    fields = Fields(Kind.MONEY, start, end, value, code, rule, num_start=n.start, num_end=n.end, decimals=n.decimals)
    if suffix is not None and suffix[2] != 1.0:
        fields.extra["minor"] = True
    return fields
