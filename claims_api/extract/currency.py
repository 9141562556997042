"""Currency symbols, codes and names -> ISO 4217, from Babel (CLDR) plus currencies.yaml's gaps."""

from __future__ import annotations

import functools

import regex
from babel import Locale
from babel.numbers import get_currency_name, list_currencies

from claims_api.extract.fragments import alternation, fold
from claims_api.lexicons import load

_LEX = load("currencies")
# Three-letter codes that are also English words in capitals ("ALL 5 solutions").
_PREFIX_NAME_STOP = {
    "won",
    "real",
    "reals",
    "rand",
    "sol",
    "soles",
    "dong",
    "pound",
    "pounds",
    "dollar",
    "dollars",
    "euro",
    "euros",
    "yen",
    "lira",
    "lire",
    "colon",
    "franc",
    "francs",
    "peso",
    "pesos",
    "mark",
    "marks",
    "sterling",
    "cent",
    "cents",
    "dram",
    "kip",
    "leu",
    "lei",
    "lek",
    "pula",
    "rial",
    "riyal",
    "ruble",
    "rupee",
    "rupees",
}
_CODE_STOP = {"ALL", "TOP", "CUP", "MAD", "TRY", "SOS"}


@functools.cache
def tables() -> tuple[dict[str, str], dict[str, str], set[str]]:
    """(symbols -> code, lower-case names -> code, ISO codes). Built once per process."""
    en = Locale("en")
    codes = set(list_currencies())
    symbols: dict[str, str] = {}
    for code, sym in en.currency_symbols.items():
        if code in codes and sym != code and not sym.isalpha():
            symbols.setdefault(sym, code)
    symbols.update(_LEX["symbols"])
    names: dict[str, str] = {}
    for code in codes:
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en")
            if name and name != code:
                names[fold(name)] = code
    # The last word of a CLDR name when only one currency uses it ("Malaysian ringgit" -> "ringgit").
    last: dict[str, set[str]] = {}
    for name, code in names.items():
        last.setdefault(name.split()[-1], set()).add(code)
    for word, owners in last.items():
        if len(owners) == 1 and len(word) > 3 and word not in _PREFIX_NAME_STOP and word.isalpha():
            names.setdefault(word, next(iter(owners)))
    names.update({fold(k): v for k, v in _LEX["names"].items()})
    return symbols, names, codes


def _ascii_word(symbol: str) -> bool:
    word = symbol.rstrip(".")
    return word.isascii() and word.isalpha()


def _build() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """PREFIX and SUFFIX: symbols are an alternation; codes and names match a word shape and are
    looked up in the CLDR tables afterwards (a 900-name alternation costs a second to compile)."""
    symbols, _, _ = tables()
    # Markdown escapes the dollar sign ("US\\$30 billion"): accept a backslash before any "$".
    sym_alt = alternation(symbols).replace(r"\$", r"\\?\$")
    # "HK $ 10" as some wire copy spaces it; never after one letter ("A $5 bill", "it's $5").
    sym_alt = regex.sub(r"(?<=\b[A-Za-z]{2,3})\\\\\?\\\$", r"[ ]?\\\\?\\$", sym_alt)
    # Letter symbols after a number, as cased ("42 RM", "20Rs"); one letter ("5 R") is too ambiguous.
    letter_alt = alternation(k for k in symbols if _ascii_word(k) and len(k) > 1)
    # Symbols that follow the number ("20€", "100 ₡", "3.14US$").
    post_alt = alternation(k for k in symbols if not _ascii_word(k)).replace(r"\$", r"\\?\$")
    prefix = regex.compile(
        rf"(?<![\p{{N}}][ \u00a0]?)"  # "3 CAD 3 cents": CAD belongs to the first number
        rf"(?:(?<![\p{{L}}$])(?P<sym>(?i:{sym_alt}))|(?<![\p{{L}}])(?P<code>[A-Z]{{3}})"
        rf"|(?<![\p{{L}}])(?P<name>[\p{{L}}]+(?:[ \u00a0][\p{{L}}]+){{0,2}}))[ \u00a0]?\Z",
        regex.REVERSE,  # anchored at the number: matching right to left skips the hopeless starts
    )
    suffix = regex.compile(
        rf"""(?:[ \u00a0]?(?P<code>[A-Z]{{3}}|{letter_alt})(?![\p{{L}}])
            | [ \u00a0]?(?P<post>{post_alt})(?![\p{{L}}\p{{N}}])
            | (?:[ \u00a0]?|-)(?P<words>{_WORD}(?:[ \u00a0-]{_WORD}){{0,2}})
            | [ \u00a0]?(?P<cent>¢))""",
        regex.VERBOSE,
    )
    return prefix, suffix


_WORD = r"[\p{L}][\p{L}'\u2019]*(?:\.[\p{L}]+)*"
_WORD_RE = regex.compile(_WORD)
PREFIX, SUFFIX = _build()


def longest_name(text: str, start: int, end: int, *, from_right: bool = False) -> tuple[str, int, int] | None:
    """The longest run of words in ``text[start:end]`` that names a currency or a minor unit.

    Runs start at ``start`` (suffixes) or end at ``end`` (``from_right``, prefixes). Returns
    (folded name, start, end) or None.
    """
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(text, start, end)]
    _, names, _ = tables()
    for k in range(len(words), 0, -1):
        run = words[-k:] if from_right else words[:k]
        key = fold(text[run[0][0] : run[-1][1]].replace("-", " "))
        if key in names or key in _LEX["ambiguous"] or key in _LEX["minor"]:
            if from_right and key.split()[-1] in _PREFIX_NAME_STOP:
                return None
            return key, run[0][0], run[-1][1]
    return None


@functools.cache
def _prefix_words() -> frozenset[str]:
    symbols, names, _ = tables()
    return frozenset([w for name in names for w in name.split()] + [s.lower().rstrip(".") for s in symbols])


def may_prefix(text: str, pos: int) -> bool:
    """Cheap test before PREFIX: could the word just before ``pos`` end a currency prefix?"""
    end = pos
    if end and text[end - 1] in " \u00a0":
        end -= 1
    if not end:
        return False
    last = text[end - 1]
    if not last.isalpha():
        return not last.isdigit() and last not in ",;:()\"'\u201c\u201d-\n\t"
    start = end
    while start and text[start - 1].isalpha():
        start -= 1
    word = text[start:end]
    return word.isupper() or word.lower() in _prefix_words()


def code_for_symbol(sym: str) -> str | None:
    symbols, _, _ = tables()
    sym = sym.replace("\\", "").replace(" ", "")
    if sym in symbols:
        return symbols[sym]
    for key, code in symbols.items():
        if key.lower() == sym.lower():
            return code
    return None


def prefix_at(text: str, pos: int, floor: int = 0) -> tuple[int, str] | None:
    """(start, ISO code) of a currency written just before the number at ``pos``, or None."""
    m = PREFIX.search(text, max(floor, pos - 30), pos)
    if m is None:
        return None
    if m.group("sym"):
        code = code_for_symbol(m.group("sym"))
        return (m.start(), code) if code else None
    if m.group("code"):
        code = m.group("code")
        return (m.start(), code) if code in tables()[2] and code not in _CODE_STOP else None
    found = longest_name(text, m.start("name"), m.end("name"), from_right=True)
    if found is None or found[0] in _LEX["minor"]:
        return None
    code = tables()[1].get(found[0])
    return (found[1], code) if code else None


def code_for_name(name: str, context: str) -> str | None:
    """ISO code for a currency name; ambiguous names ("pesos") look for a country in ``context``."""
    key = fold(name)
    amb = _LEX["ambiguous"].get(key)
    if amb:
        low = context.lower()
        for stem, code in amb["by_country"].items():
            if stem in low:
                return code
        return amb["default"]
    return tables()[1].get(key)


def minor_code(word: str) -> str | None:
    return _LEX["minor"].get(word.lower())
