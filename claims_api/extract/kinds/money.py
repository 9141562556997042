"""Money: "US$33 billion", "12.97 billion soles", "\\$57.6 million", "PEN 500", "74 cents"."""

from __future__ import annotations

import regex

from claims_api.extract import currency
from claims_api.extract.context import Doc
from claims_api.extract.numbers import Num
from claims_api.extract.rule import Fields, Rule
from claims_api.model import Kind

RULES = (
    Rule("money.symbol_before", "<symbol|ISO code|currency name> <number>", "left", currency.PREFIX),
    Rule(
        "money.name_after", "<number> <currency name|ISO code|symbol|cents|pence>", "right", currency.SUFFIX
    ),
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
    text = doc.text
    m = _NAME.right(text, n.end, 48)
    if m is None:
        return None
    if m.group("code"):
        code = m.group("code")
        if len(code) == 3 and code.isupper():
            return (
                (code, m.end(), 1.0) if code in currency.tables()[2] and code not in ("ALL", "TOP") else None
            )
        code = currency.code_for_symbol(code)
        return (code, m.end(), 1.0) if code else None
    if m.group("post"):
        code = currency.code_for_symbol(m.group("post"))
        return (code, m.end(), 1.0) if code else None
    if m.group("cent"):
        return "USD", m.end(), 0.01
    if m.group("words"):
        found = currency.longest_name(text, m.start("words"), m.end("words"))
        if found is None:
            word = text[m.start("words") : m.start("words") + 2]
            if m.start("words") == n.end and word[:1] in "pc" and not word[1:].isalpha() and not n.scaled:
                return ("GBP" if word[0] == "p" else "USD"), n.end + 1, 0.01  # "50p", "43c"
            return None
        name, _, end = found
        minor = currency.minor_code(name)
        if minor:
            return minor, end, 0.01
        s, e = doc.near(n.start, n.end)
        if name.startswith("pound") and not (n.scaled or _MONEY_CUES.search(text, s, e)):
            return None  # "two pounds" with nothing about money around it is a mass
        code = currency.code_for_name(name, text[s:e])
        return (code, end, 1.0) if code else None
    return None


def match(doc: Doc, n: Num) -> Fields | None:
    if n.form not in ("digits", "words", "fraction"):
        return None
    start, code, rule, symbol = n.start, None, _NAME.id, ""
    prefix = (
        currency.prefix_at(doc.text, n.start, doc.floor) if currency.may_prefix(doc.text, n.start) else None
    )
    if prefix is not None:
        start, code = prefix
        rule, symbol = _SYMBOL.id, doc.text[start : n.start].replace("\\", "").strip()
    end, value = n.end, n.value
    suffix = _suffix(doc, n)
    if suffix is not None:
        code2, end2, factor = suffix
        if code is None or factor == 1.0:
            code = code or code2
            # "US$5 US dollars" keeps the prefix's code; a name after a bare "$" refines it.
            if symbol == "$":
                code = code2
            end, value = end2, value * factor
    if code is None:
        return None
    fields = Fields(
        Kind.MONEY, start, end, value, code, rule, num_start=n.start, num_end=n.end, decimals=n.decimals
    )
    if suffix is not None and suffix[2] != 1.0:
        fields.extra["minor"] = True
    return fields
