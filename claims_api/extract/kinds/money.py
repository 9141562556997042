"""Money: "US$33 billion", "12.97 billion soles", "\\$57.6 million", "PEN 500", "74 cents",
and exchange rates: "the rupee closed at 83.12 to the dollar" (83.12 INR)."""

from __future__ import annotations

import regex

from claims_api.extract import currency, units
from claims_api.extract.context import Doc
from claims_api.extract.fragments import alternation, fold, lower
from claims_api.extract.numbers import Num
from claims_api.extract.rule import Fields, Rule
from claims_api.lexicons import load
from claims_api.model import Kind, Qualifier

_FX_BOUNDS = {fold(k): Qualifier(v) for k, v in load("qualifiers")["fx_quote"].items()}
# "to the", "per", "against": what joins a rate to the currency it is per.
_FX_JOIN = r"(?P<join>to|per|a|against|versus|vs\.?)[ \u00a0]+(?:(?:the|one|each|a|every)[ \u00a0]+)?"
RULES = (
    Rule("money.symbol_before", "<symbol|ISO code|currency name> <number>", "left", currency.PREFIX),
    Rule(
        "money.name_after", "<number> <currency name|ISO code|symbol|cents|pence>", "right", currency.SUFFIX
    ),
    Rule(
        "money.fx_quote",
        "<currency name> ... [past] <number> to|per|against [the] <currency name>",
        "right",
        regex.compile(
            rf"[ \u00a0]+{_FX_JOIN}(?P<base>\p{{L}}[\p{{L}}.]*(?:[ \u00a0]\p{{L}}[\p{{L}}.]*){{0,2}})",
            regex.IGNORECASE,
        ),
    ),
)
_SYMBOL, _NAME, _FX_QUOTE = RULES
# A rate can be bounded by words that bound nothing else ("weakened past 151 per dollar").
_FX_BOUND = regex.compile(
    rf"(?<![\p{{L}}])(?P<q>{alternation(_FX_BOUNDS)})[ \u00a0]+\Z", regex.IGNORECASE | regex.REVERSE
)
_FX_BASE_BEFORE = regex.compile(rf"\b{_FX_JOIN}\Z", regex.IGNORECASE)
_FX_REACH = 160  # how far back in the sentence the quoted currency may be named
_MONEY_CUES = regex.compile(
    r"£|\bsterling\b|\bpence\b|\b(?:cost|costs|price|prices|priced|paid|pay|pays|spend|spent|worth|fund|funds|"
    r"funding|budget|fine|fined|salary|wage|earn|earned|sell|sold|buy|bought|bill|tax|loan|debt|profit|revenue|"
    r"sales|invest|invested|investment|deal|bid|offer|million|billion|bank|cash|money)\b",
    regex.IGNORECASE,
)


# "hundreds of dollars 20 years ago": the currency word is the noun of a vague amount, not a symbol.
_VAGUE_OF = regex.compile(
    r"\b(?:tens|hundreds|thousands|millions|billions|trillions|lots|plenty|sums?|amounts?|number)"
    r"[ \u00a0]+of[ \u00a0]+\Z",
    regex.IGNORECASE,
)
_IN_OF = regex.compile(r"\b(?:in|of|into|the)[ \u00a0]+\Z", regex.IGNORECASE)
# "$47 a barrel", "£35m a year", "$4 billion per annum", "£2m annually"; not "£5m a year earlier".
_PER = regex.compile(
    rf"""[ \u00a0]+(?:(?:a|an|per|each|every)[ \u00a0]+
            (?P<noun>\p{{L}}[\p{{L}}-]*(?:[ \u00a0](?:foot|metre|meter))?)
        |(?P<adv>{units.ADVERBS}))(?![\p{{L}}\p{{N}}])
        (?![ \u00a0]+(?:earlier|ago|later|before|after|on|from|since)\b)""",
    regex.IGNORECASE | regex.VERBOSE,
)
_OF_AFTER = regex.compile(r"[ \u00a0]+of\b", regex.IGNORECASE)
_PERCENT_AFTER = regex.compile(r"[ \u00a0]?(?:%|per[ \u00a0]?cent\b|percent\b)", regex.IGNORECASE)


def _spelled_amount(doc: Doc, n: Num, start: int) -> bool:
    """Whether a currency word before the number ("pounds 2.4bn", "dollars 480,000") stands for its
    symbol: not "the dollars 2004" (a year), "pounds 5 kilos", "thousands of dollars 20 years ago"."""
    text = doc.text
    if n.form != "digits":
        return False
    if not n.scaled and n.decimals == 0 and len(n.integer_text) == 4 and 1000 <= n.value <= 2100:
        return False
    end = min(len(text), n.end + 40)
    unit = units.QUANTITY.match(text, n.end, end)
    if unit is not None and unit.group().strip() == "in":
        unit = None  # "sold for dollars 9.3bn in an auction"
    if unit is not None or _PERCENT_AFTER.match(text, n.end, end) or units.DURATION.match(text, n.end, end):
        return False
    if _VAGUE_OF.search(text, max(0, start - 16), start):
        return False
    # "paid in dollars 5 times": after "in"/"of" only an amount that looks like one.
    looks_like_amount = n.scaled or "," in n.integer_text or n.decimals > 0
    return looks_like_amount or not _IN_OF.search(text, max(0, start - 8), start)


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
        code = currency.code_for_symbol(code, doc)
        return (code, m.end(), 1.0) if code else None
    if m.group("post"):
        code = currency.code_for_symbol(m.group("post"), doc)
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
        if name.startswith("pound") and not n.scaled and _OF_AFTER.match(text, end, end + 8):
            return None  # "bought 5 pounds of flour": a mass of something, even where money is spoken of
        code = currency.code_for_name(name, doc)
        return (code, end, 1.0) if code else None
    return None


def _fx_quote(doc: Doc, n: Num) -> Fields | None:
    """ "the real firmed to 4.97 per dollar": the rate is money in the currency named before it in
    the sentence (GUIDELINE: a price per unit is money in its currency); "against" follows the
    market convention instead ("the euro at 1.09 against the dollar" is USD)."""
    text = doc.text
    m = _FX_QUOTE.right(text, n.end, 48)
    if m is None:
        return None
    base = currency.longest_name(text, m.start("base"), m.end("base"))
    if base is None or currency.minor_code(base[0]):
        return None
    s, _ = doc.sentence(n.start, n.end)
    lo, hi = max(s, n.start - _FX_REACH), n.start
    quoted = currency.last_name(text, lo, hi)
    # "83 to the dollar, and 90 to the euro": the base of an earlier rate is not what is quoted.
    while quoted is not None and _FX_BASE_BEFORE.search(text, max(lo, quoted[1] - 24), quoted[1]):
        hi = quoted[1]
        quoted = currency.last_name(text, lo, hi)
    if quoted is None:
        return None
    first, second = currency.code_for_name(quoted[0], doc), currency.code_for_name(base[0], doc)
    if first is None or second is None or first == second:
        return None
    join = lower(m.group("join"))
    code = currency.quoted_in(first, second) if join in ("against", "versus", "vs", "vs.") else first
    fields = Fields(
        Kind.MONEY,
        n.start,
        n.end,
        n.value,
        code,
        _FX_QUOTE.id,
        num_start=n.start,
        num_end=n.end,
        decimals=n.decimals,
    )
    bound = _FX_BOUND.search(text, max(0, n.start - 12), n.start)
    if bound is not None:
        fields.start, fields.qualifier = bound.start(), _FX_BOUNDS[fold(bound.group("q"))]
    return fields


def match(doc: Doc, n: Num) -> Fields | None:
    if n.form not in ("digits", "words", "fraction"):
        return None
    start, code, rule, symbol = n.start, None, _NAME.id, ""
    prefix = (
        currency.prefix_at(doc.text, n.start, doc.floor, doc)
        if currency.may_prefix(doc.text, n.start)
        else None
    )
    if prefix is not None:
        start, code = prefix
        rule, symbol = _SYMBOL.id, doc.text[start : n.start].replace("\\", "").strip()
        if fold(symbol).rsplit(" ", 1)[-1] in currency.SPELLED and not _spelled_amount(doc, n, start):
            start, code, rule, symbol = n.start, None, _NAME.id, ""
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
        return _fx_quote(doc, n) if n.form == "digits" else None
    fields = Fields(
        Kind.MONEY, start, end, value, code, rule, num_start=n.start, num_end=n.end, decimals=n.decimals
    )
    if suffix is not None and suffix[2] != 1.0:
        fields.extra["minor"] = True
    _per(doc.text, fields)
    return fields


def _per(text: str, fields: Fields) -> None:
    """Widen a price over what it is per (GUIDELINE "money"): "$47 a barrel" (``what`` "per
    barrel"), "£35m a year" (``attrs.per`` "year"; money per period stays money, not a rate)."""
    m = _PER.match(text, fields.end, min(len(text), fields.end + 40))
    if m is None:
        return
    if m.group("adv"):
        fields.extra["per"] = units.ADVERB_PERIODS[fold(m.group("adv"))].removeprefix("1/")
    else:
        noun = fold(m.group("noun"))
        if noun in units.PERIODS and noun != "night":
            fields.extra["per"] = units.PERIODS[noun].removeprefix("1/")
        elif noun in units.PRICE_UNITS:
            fields.what = f"per {noun}"
        else:
            return
    fields.end = m.end()
