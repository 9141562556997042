"""Currency symbols, codes and names -> ISO 4217, from Babel (CLDR) plus currencies.yaml's gaps."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

import regex
from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies, list_currencies

from claims_api.extract.fragments import alternation, fold, lower
from claims_api.lexicons import load

if TYPE_CHECKING:
    from claims_api.extract.context import Doc

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
    "gold",
}
_CODE_STOP = {"ALL", "TOP", "CUP", "MAD", "TRY", "SOS"}
# Of those, the names a wire spells out where the symbol would stand ("pounds 2.4bn", "US dollars 5m").
SPELLED = frozenset(fold(w) for w in _LEX["spelled"])
# A dollar sign with a country mark before or after it ("NZ$", "$US", "$A"), as some locale writes it.
_DOLLAR_MARK = regex.compile(r"[A-Z][A-Za-z]{0,3}\$|\$[A-Z]{1,3}")


# English as written where dollars are local, and French, whose CLDR marks come after the sign.
_DOLLAR_LOCALES = ("en", "en_001", "en_150", "en_AU", "en_CA", "en_NZ", "en_SG", "en_HK", "fr", "fr_CA")


def _country_dollars() -> dict[str, str]:
    """Symbol -> code for the dollar signs with a country mark that CLDR writes in English and French
    ("HK$", "US$", "$US", "$CA"), where one currency owns the symbol."""
    owners: dict[str, set[str]] = {}
    for lid in _DOLLAR_LOCALES:
        for code, sym in Locale.parse(lid).currency_symbols.items():
            if _DOLLAR_MARK.fullmatch(sym):
                owners.setdefault(sym, set()).add(code)
    return {sym: next(iter(codes)) for sym, codes in owners.items() if len(codes) == 1}


@functools.cache
def tables() -> tuple[dict[str, str], dict[str, str], set[str]]:
    """(symbols -> code, lower-case names -> code, ISO codes). Built once per process."""
    en = Locale("en")
    codes = set(list_currencies())
    symbols: dict[str, str] = {}
    for code, sym in en.currency_symbols.items():
        if code in codes and sym != code and not sym.isalpha():
            symbols.setdefault(sym, code)
    for sym, code in _country_dollars().items():
        if code in codes:
            symbols.setdefault(sym, code)
    symbols.update(_LEX["symbols"])
    for sym, word in _LEX["shared_symbols"].items():
        symbols[sym] = _LEX["shared"][word] or ""  # code_for_symbol asks the article's country
    names: dict[str, str] = {}
    for code in codes:
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en")
            if name and name != code:
                names[fold(name)] = code
    # The last word of a CLDR name when only one currency uses it ("Malaysian ringgit" -> "ringgit"),
    # or only one in use today ("Myanmar kyat", not the Burmese kyat of 1952-1989).
    last: dict[str, set[str]] = {}
    for name, code in names.items():
        last.setdefault(name.split()[-1], set()).add(code)
    current = _in_use()
    for word, owners in last.items():
        owners = (owners & current.keys()) or owners
        if len(owners) == 1 and len(word) > 3 and word not in _PREFIX_NAME_STOP and word.isalpha():
            names.setdefault(word, next(iter(owners)))
    # "Malaysia ringgit", "Canada dollars": the country's CLDR name before the last word of its
    # currency's name, as some copy writes it.
    territories = Locale("en").territories
    for code, owners in current.items():
        forms = {fold(get_currency_name(code, count=n, locale="en")).split()[-1] for n in (1, 2)}
        for territory in owners:
            country = territories.get(territory, "")
            if country.replace(" ", "").isalpha():
                for form in forms:
                    names.setdefault(fold(f"{country} {form}"), code)
    names.update({fold(k): v for k, v in _LEX["names"].items()})
    return symbols, names, codes


@functools.cache
def _in_use() -> dict[str, list[str]]:
    """ISO code -> the territories whose tender it is today (CLDR)."""
    owners: dict[str, list[str]] = {}
    for territory in Locale("en").territories:
        for code in get_territory_currencies(territory, tender=True):
            owners.setdefault(code, []).append(territory)
    return owners


class Shared(NamedTuple):
    """A name several current currencies share: their codes and the one meant by default."""

    word: str
    codes: frozenset[str]
    default: str | None


@functools.cache
def shared_names() -> dict[str, Shared]:
    """Folded word ("peso", "pesos") -> its Shared group, for the words of currencies.yaml ``shared``."""
    # (singular, plural) last words of each current currency's CLDR name: ("peso", "pesos").
    last = {
        code: tuple(fold(get_currency_name(code, count=n, locale="en")).split()[-1] for n in (1, 2))
        for code in _in_use()
    }
    out: dict[str, Shared] = {}
    for word, default in _LEX["shared"].items():
        codes = frozenset(code for code, (one, _) in last.items() if one == word)
        group = Shared(word, codes, default)
        for code in codes:
            out[last[code][1]] = group
        out[word] = group
    return out


@functools.cache
def _country_words() -> tuple[regex.Pattern[str], dict[str, str]]:
    """One pattern over every word naming the country of a shared currency, and word -> code."""
    territories = Locale("en").territories
    owner: dict[str, set[str]] = {}
    for group in set(shared_names().values()):
        for code in group.codes:
            words = [*_LEX["country_words"].get(code, [])]
            for territory in _in_use()[code]:
                # "Myanmar (Burma)", "Congo - Kinshasa": each part names the country.
                words += regex.split(r" \(|\)| - ", territories[territory])
            adjective = get_currency_name(code, count=1, locale="en").rsplit(" ", 1)[0]
            words.append(adjective)
            for w in words:
                if w.strip():
                    owner.setdefault(w.strip(), set()).add(code)
    table = {w: next(iter(c)) for w, c in owner.items() if len(c) == 1}
    pattern = regex.compile(rf"(?<![\p{{L}}])(?P<w>{alternation(table)})(?:e?s)?(?![\p{{L}}])")
    return pattern, table


def home_codes(text: str) -> dict[str, str | None]:
    """Shared word ("peso") -> the currency of the country ``text`` names most, or the default.

    Meant to run once per article (``Doc.home_currencies``): one scan of the whole text.
    """
    pattern, table = _country_words()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in pattern.finditer(text):
        code = table[" ".join(m.group("w").split())]
        counts[code] = counts.get(code, 0) + 1
        first.setdefault(code, m.start())
    out: dict[str, str | None] = {}
    for group in set(shared_names().values()):
        named = [c for c in group.codes if c in counts]
        out[group.word] = min(named, key=lambda c: (-counts[c], first[c])) if named else group.default
    return out


def _shared_code(group: Shared, doc: Doc | None) -> str | None:
    return doc.home_currencies[group.word] if doc is not None else group.default


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
    # The one-letter mark too ("C $ 300 million"; not "S $", a split possessive); see prefix_at.
    sym_alt = regex.sub(r"(?<=(?<![A-Za-z])C)\\\\\?\\\$", r"[ ]?\\\\?\\$", sym_alt)
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
        if key in names or key in shared_names() or key in _LEX["minor"]:
            last = key.split()[-1]
            if from_right and last in _PREFIX_NAME_STOP and last not in SPELLED:
                return None
            return key, run[0][0], run[-1][1]
    return None


def last_name(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The last currency name (not a minor unit) in ``text[start:end]``, as (folded name, start,
    end): "the Indian rupee" in "the Indian rupee closed at"."""
    words = [(m.start(), m.end()) for m in _WORD_RE.finditer(text, start, end)]
    _, names, _ = tables()
    for i in range(len(words) - 1, -1, -1):
        for k in (3, 2, 1):
            if i + 1 >= k:
                key = fold(text[words[i + 1 - k][0] : words[i][1]])
                if key in names or key in shared_names():
                    return key, words[i + 1 - k][0], words[i][1]
    return None


@functools.cache
def _prefix_words() -> frozenset[str]:
    symbols, names, _ = tables()
    return frozenset([w for name in names for w in name.split()] + [lower(s).rstrip(".") for s in symbols])


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
    return word.isupper() or lower(word) in _prefix_words()


def code_for_symbol(sym: str, doc: Doc | None = None) -> str | None:
    """ISO code for a symbol as written; one several currencies use ("Rs") asks ``doc``'s country."""
    symbols, _, _ = tables()
    sym = sym.replace("\\", "").replace(" ", "")
    key = sym if sym in symbols else next((k for k in symbols if lower(k) == lower(sym)), None)
    if key is None:
        return None
    word = _LEX["shared_symbols"].get(key)
    if word is not None:
        return _shared_code(shared_names()[word], doc)
    return symbols[key]


_SPACED_MARK = regex.compile(r"\p{L} \\?\$")


def prefix_at(text: str, pos: int, floor: int = 0, doc: Doc | None = None) -> tuple[int, str] | None:
    """(start, ISO code) of a currency written just before the number at ``pos``, or None.

    Without ``doc``, a name or symbol several currencies share reads as its default currency."""
    m = PREFIX.search(text, max(floor, pos - 30), pos)
    if m is None:
        return None
    if m.group("sym"):
        sym, start = m.group("sym"), m.start()
        if _SPACED_MARK.fullmatch(sym) and start and (text[start - 1].isalnum() or text[start - 1] in "'’"):
            # "it's $5": a letter before a spaced "$" is a mark only as a word of its own.
            sym = sym[2:]
            start += 2
        code = code_for_symbol(sym, doc)
        return (start, code) if code else None
    if m.group("code"):
        code = m.group("code")
        return (m.start(), code) if code in tables()[2] and code not in _CODE_STOP else None
    found = longest_name(text, m.start("name"), m.end("name"), from_right=True)
    if found is None or found[0] in _LEX["minor"]:
        return None
    code = code_for_name(found[0], doc)
    return (found[1], code) if code else None


def code_for_name(name: str, doc: Doc | None = None) -> str | None:
    """ISO code for a currency name; one several currencies share ("pesos") asks ``doc``'s country."""
    key = fold(name)
    group = shared_names().get(key)
    if group is not None:
        return _shared_code(group, doc)
    return tables()[1].get(key)


def minor_code(word: str) -> str | None:
    return _LEX["minor"].get(lower(word))


def quoted_in(first: str, second: str) -> str:
    """The currency a rate of ``first`` against ``second`` is written in, by market convention."""
    order = _LEX["quote_order"]
    rank = {code: i for i, code in enumerate(order)}
    return second if rank.get(first, len(order)) < rank.get(second, len(order)) else first
