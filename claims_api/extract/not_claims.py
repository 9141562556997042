"""Numbers that are not claims: dates and years, times, identifiers, list markers, furniture.

GUIDELINE "Not a claim". Each test looks only at the few characters around the number.
"""

from __future__ import annotations

import regex

from claims_api.extract import currency, units
from claims_api.extract.context import MONTHS, Doc
from claims_api.extract.fragments import alternation, lower
from claims_api.extract.numbers import ONE_WORD_NUMBER, Num
from claims_api.lexicons import load

_NOT = load("not_claims")
_HEAD_WORDS = [*_NOT["id_heads"], *_NOT["name_heads"]]
_HEADS = alternation(_HEAD_WORDS)
_SP = r"[ \u00a0]"


def _last_words(phrases: list[str], *more: str) -> frozenset[str]:
    return frozenset([*(lower(str(p)).split()[-1] for p in phrases), *more])


# The word just before a number decides which context tests below may apply: most numbers follow
# a lower-case word none of them needs, and skip them all.
_LOWER_HEADS = frozenset(h for h in _HEAD_WORDS if not str(h)[:1].isupper())
_CUE_WORDS = _last_words(_NOT["phone_cues"], *"number line service on at to call dial or and".split())
_POSITION_WORDS = _last_words(_NOT["position_units"])
_AGE_LINKS = frozenset(["over", "under", "above", "below", "than"])


def _word_before(text: str, start: int) -> str:
    """The word before ``start``, past spaces, a colon or "#" and a full stop ("Av.", "hotline:")."""
    words = text[max(0, start - 24) : start].rstrip(" \u00a0:#№").rstrip(".").rsplit(None, 1)
    return words[-1].lstrip("\"'“‘([") if words else ""


_AGE_WORDS = _last_words(
    _NOT["age_heads"],
    *"between from over under above below than about around roughly nearly almost and to or".split(),
)

_MONTH_BEFORE = regex.compile(rf"\b{MONTHS}\.?[ \u00a0]+(?:the[ \u00a0]+)?\Z")
_MONTH_AFTER = regex.compile(rf"(?:st|nd|rd|th)?(?:[ \u00a0]+of)?[ \u00a0]+{MONTHS}\b")
_ID_BEFORE = regex.compile(rf"(?:\b{_HEADS}\.?|#|№)[ \u00a0]?\Z")
# Letters glued to the number make a name ("G20", "Covid-19", "MH17"), unless the letters are
# themselves a unit after another number ("3km-5km") or a currency ("GBP3.01", handled first).
_ATTACHED_BEFORE = regex.compile(
    r"(?<![\p{N}\p{L}])[\p{L}]+-?\Z|[\p{N}][xX×]\Z|\d[:/]\Z|\d\.\Z", regex.REVERSE
)
_ATTACHED_AFTER = regex.compile(r"[xX×]\d|[:/]\d|'?s\b|’s\b|-(?:year|month|day|week)s?-old\b|\.\d")
_DECADE = regex.compile(r"'?s\b|’s\b")
# "555-0100", "(01) 234 5678", "+51 1 234 5678": digit groups joined by dashes or spaces.
_PHONE_AFTER = regex.compile(r"[-.](?P<next>\d{4})(?![\d,.])|\)[ ]?\d{3,4}[- ]\d{3,4}")
_PHONE_BEFORE = regex.compile(r"(?:\+\d{1,3}(?:[ ]\(?\d{1,4}\)?)*[ ]|\+|\d{3}[-.]\d{3}[-.])\Z", regex.REVERSE)
_PHONE_NEXT_GROUP = regex.compile(r"[ ]\(?\d")
# Whole numbers to dial, matched from where their first digit group starts: "1-877-555-0142",
# "(877) 555-0142", "(01) 311-5930", "09643 717 171", "0800 123 456", "0800123456".
_PHONE = regex.compile(
    r"""(?<![\w.,/+-])
    (?:(?:1[ .-])?(?:\(\d{3}\)[ ]?|\d{3}[ .-])\d{3}[ .-]\d{4}
     | \(0?\d{1,3}\)[ ]?\d{3,4}[ .-]\d{3,4}
     | 0\d{1,4}(?:[ .-]\d{2,5}){1,3}
     | 0\d{5,})
    (?![\w%]|[.,]\d)""",
    regex.VERBOSE,
)
_PHONE_RUN_START = regex.compile(r"[\d(][\d() .-]*\Z", regex.REVERSE)
# A short number to call after a cue ("dial 112", "the hotline 911, or to 143"), or before one
# ("the 106 hotline"); not "called 40 witnesses" (the cue must be the word just before).
_CUE_BEFORE = regex.compile(
    rf"\b(?i:{alternation(_NOT['phone_cues'])})(?:{_SP}+(?i:number|line|service|on|at))?{_SP}*:?{_SP}*"
    rf"(?:\d{{2,6}}{_SP}*,?{_SP}+(?i:or|and){_SP}+(?:(?i:to|on|at|call|dial){_SP}+)?)?\Z",
    regex.REVERSE,
)
_CUE_AFTER = regex.compile(rf"{_SP}+(?i:hot|help)line\b")
# What may follow a number to call: punctuation, the end, or a small word, never a counted noun.
_CALL_END = regex.compile(
    rf"{_SP}*(?:[,;:)]|\.(?!\d)|\Z|\n)|{_SP}+(?i:for|in|to|or|and|if|from|at|on|with|when|any|free)\b"
)
# "President Boluarte, 62, has ...": an age between commas after a name (optional, quantity.age).
_AGE_BEFORE_COMMA = regex.compile(r"\p{Lu}[\p{L}'’-]+,[ ]\Z", regex.REVERSE)
# "a 2-1 win": a score is two numbers of one result.
_SCORE = regex.compile(
    r"\d{1,2}[-\u2013]\d{1,2}[ ](?:win|victory|defeat|loss|draw|tie|lead|score|scoreline|result|home|away|"
    r"thrashing|drubbing|aggregate|friendly)\b"
    r"|(?:won|win|wins|beat|beats|beating|lost|losing|defeated|drew|draw|drawn|tied|edged|thrashed|routed|"
    r"trailed|led|leading|finished|score|scoreline)"
    r"(?:[ ]\p{Lu}[\p{L}.'’-]*){0,3}"  # "beat Inter 1-0"
    r"(?:[ ](?:was|is|of|at|stood[ ]at))?"
    r"[ ]\d{1,2}[-\u2013]\d{1,2}\b",
    regex.IGNORECASE,
)
_PHONE_PREV = regex.compile(r"(?<![\d,.])(\d{3})[-.]\Z", regex.REVERSE)
_TIME_AFTER = regex.compile(r"[ \u00a0]?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|[AP]M\b)", regex.IGNORECASE)
_LIST_MARKER = regex.compile(r"(?m)^[ \t]*\Z")
_LIST_AFTER = regex.compile(r"[.)][ \t]")
_YEAR_CONTEXT_AFTER = regex.compile(
    r"[ \u00a0]?(?:%|percent|per cent|people|persons|troops|soldiers|workers|votes|deaths|cases|"
    r"victims|dollars|euros|soles|pounds|tonnes|tons|km|miles|hectares|acres|barrels|units|jobs|"
    r"households|families|students|children|members|officers)\b",
    regex.IGNORECASE,
)
_MONEY_BEFORE = regex.compile(r"[$€£¥]\s?\Z")
# "more than 1200 staff", "1500 jobs": a count in the years' range (year_count_cues, year_cues).
_COUNT_CUE_BEFORE = regex.compile(rf"\b(?i:{alternation(_NOT['year_count_cues'])}){_SP}+\Z", regex.REVERSE)
_YEAR_CUE_BEFORE = regex.compile(
    rf"(?:\b(?i:{alternation(_NOT['year_cues'])})|{MONTHS}\.?){_SP}+\Z", regex.REVERSE
)
_YEAR_DETERMINER_BEFORE = regex.compile(
    rf"(?:\b(?i:{alternation(w for w in _NOT['year_determiners'] if w[0].isalpha())})|['’]s){_SP}+\Z",
    regex.REVERSE,
)
_COUNTED_IRREGULAR = frozenset("people staff men women children police personnel cattle".split())
_NOUN_AFTER = regex.compile(rf"{_SP}+(?P<noun>\p{{Ll}}[\p{{L}}-]*)")
_YEAR_NOUNS = frozenset(_NOT["year_nouns"])
_NOT_PLURALS = frozenset(_NOT["not_plurals"])

# A counted noun (or a verb in -s) after a number makes it a count ("12 Wall Street banks",
# "On Main Street 40 people"), not a label; "is", "was", "has" are not plurals.
_PLURAL_AFTER = regex.compile(
    rf"{_SP}+(?:(?!(?:is|was|has|as|its|this|thus|plus)\b)\p{{Ll}}+s|people|men|women|children|police"
    rf"|staff|personnel|cattle|sheep|fish|feet)\b"
)
_PERCENT_AFTER = regex.compile(rf"{_SP}?(?:%|(?i:percent|per{_SP}?cent)\b)|[-\u2013]\d")

# "the S&P 500", "India's Nifty 50", "the Stoxx Europe 600 index": after a determiner or a
# possessive, a number right after a capitalised word is part of the name, unless a unit, a
# counted noun or another number follows it ("In March 40 people died" has no determiner).
_NAME_WORD = r"\p{Lu}[\p{L}\p{N}&'’.-]*"
_NAME_BEFORE = regex.compile(
    rf"\b(?:(?i:the|its|their|his|her|our|this|that)|\p{{L}}+['’]s)(?:{_SP}+\p{{Ll}}+)?"
    rf"(?:{_SP}+{_NAME_WORD}){{0,2}}{_SP}+(?P<last>{_NAME_WORD}){_SP}\Z",
    regex.REVERSE,
)
_NOT_NAME = frozenset([*_NOT["months"], *_NOT["weekdays"]])
_NAME_END = regex.compile(rf"{_SP}*(?:[.,;:!?)\]\"”’—]|\Z|\n)|{_SP}+(?:\p{{Lu}}|\p{{Ll}}+\b)")

# "10 Downing Street", "2200 Mission College Boulevard"; "Av. Arequipa 2450", "Jirón Lampa 545".
_STREET_TYPES = alternation(_NOT["street_types"])
_STREET_AFTER = regex.compile(rf"(?:{_SP}+\p{{Lu}}[\p{{L}}'’-]*){{1,4}}{_SP}+{_STREET_TYPES}\b\.?")
_STREET_BEFORE = regex.compile(
    rf"(?:\b(?P<head>{alternation(_NOT['street_heads'])})\.?"
    rf"(?P<name>(?:{_SP}+(?:(?:de|del|la|las|los|el|do|da|dos|das|di|du|des){_SP}+)?\p{{Lu}}[\p{{L}}'’.-]*){{0,4}})"
    rf"|\b{_STREET_TYPES}\.?)"
    rf"{_SP}+(?:(?:No|Nº|N°|nro|#)\.?{_SP}*)?\Z",
    regex.REVERSE,
)

# "fiscal 2024-25", "the 2019-20 season", "the 1990-95 period": the end of a span of years.
_YEAR_DASH_BEFORE = regex.compile(r"(?<![\d,.])(?P<year>1[89]\d\d|20\d\d)[-\u2013/]\Z", regex.REVERSE)

# "near kilometre 12", "at km 45", "mile 23 of the route": a place along a road, not a distance.
_POSITION_BEFORE = regex.compile(
    rf"(?<!(?:\d|\b(?i:a|an|one|per|each|every)){_SP}*)\b(?i:{alternation(_NOT['position_units'])})\.?{_SP}?\Z",
    regex.REVERSE,
)

# Ages (GUIDELINE v2: optional quantities, which quantity.age reads): "aged 42 and 57", "ages 18
# to 28", "between 18 and 30 years old", "voters over 60", "children under 5".
_AGE_LIST = rf"(?:(?:\d{{1,3}}|{ONE_WORD_NUMBER}){_SP}*(?:,|and|to|or|-|\u2013){_SP}*){{0,3}}"
_AGE_BEFORE = regex.compile(
    rf"\b(?i:{alternation(_NOT['age_heads'])})"
    rf"(?:{_SP}+(?i:between|from|over|under|about|around|roughly|nearly|almost))?{_SP}+{_AGE_LIST}\Z"
    rf"|\b(?P<noun>(?i:{alternation(_NOT['age_nouns'])}))(?:{_SP}+aged)?{_SP}+"
    rf"(?i:over|under|above|below|older{_SP}+than|younger{_SP}+than){_SP}+\Z",
    regex.REVERSE,
)
_AGE_RANGE_AFTER = regex.compile(
    rf"{_SP}*(?:and|to|or|-|\u2013){_SP}*\d{{1,3}}(?:{_SP}|-)(?:years?|yrs?)"
    rf"(?:[ -]old\b|{_SP}+of{_SP}+age\b)",
    regex.IGNORECASE,
)


def _in_digit_groups(text: str, n: Num) -> bool:
    """A cheap test before the phone patterns: a leading zero, a "+" or "(", or a digit group beside."""
    if n.integer_text[:1] == "0":
        return True
    before, after = text[max(0, n.start - 2) : n.start], text[n.end : n.end + 2]
    return (
        (len(after) == 2 and after[0] in " .-)" and after[1] in "0123456789(")
        or (len(before) == 2 and before[1] in " .-" and before[0] in "0123456789()")
        or before[-1:] in ("(", "+")
    )


def _is_phone(text: str, n: Num, low: str) -> bool:
    """ "555-0100", "(01) 234 5678", "+51 1 234 5678", "dial 112"; not a rising range "100-1000 g"."""
    if n.scaled or n.decimals:
        return False
    if "," not in n.integer_text and (
        (
            low in _CUE_WORDS
            and _CALL_END.match(text, n.end, n.end + 8)
            and _CUE_BEFORE.search(text, max(0, n.start - 40), n.start)
        )
        or (
            len(n.integer_text) >= 3
            and text[n.end + 1 : n.end + 2] in ("h", "H")
            and _CUE_AFTER.match(text, n.end, n.end + 12)
        )
    ):
        return True
    if not _in_digit_groups(text, n):
        return False
    run = _PHONE_RUN_START.search(text, max(0, n.start - 20), n.start + 1)
    if run is not None:
        for start in (run.start(), n.start):
            m = _PHONE.match(text, start, min(len(text), start + 24))
            if m is not None and m.end() >= n.end:
                return True
    m = _PHONE_AFTER.match(text, n.end, n.end + 12)
    if m is not None and len(n.integer_text) in (3, 4):
        nxt = m.group("next")
        if nxt is None or nxt.startswith("0") or float(nxt) < n.value:
            return True
    prev = _PHONE_PREV.search(text, max(0, n.start - 5), n.start)
    if (
        prev is not None
        and len(n.integer_text) == 4
        and (n.integer_text[0] == "0" or float(prev.group(1)) > n.value)
    ):
        return True
    before = _PHONE_BEFORE.search(text, max(0, n.start - 24), n.start)
    if before is None:
        return False
    # "+51 1 311 5930": a country code, or a group after one, followed by another group.
    return before.group() != "+" or _PHONE_NEXT_GROUP.match(text, n.end, n.end + 3) is not None


def _is_name(text: str, n: Num) -> bool:
    """ "the Nikkei 225 rose", "Britain's FTSE 100."; not "the Senate 51-49", "its Lima 40 stores"."""
    if n.scaled or n.decimals or not n.integer_text.isdigit():
        return False
    m = _NAME_BEFORE.search(text, max(0, n.start - 60), n.start)
    last = m.group("last") if m is not None else ""
    if (
        not last
        or last.rstrip(".") in _NOT_NAME
        or last[-2:] in ("'s", "’s")
        or currency.prefix_at(text, n.start)
    ):
        return False  # "Mexico's 32 state governors": a possessive owns the count
    end = min(len(text), n.end + 40)
    return (
        _NAME_END.match(text, n.end, end) is not None
        and not _PLURAL_AFTER.match(text, n.end, end)
        and not _PERCENT_AFTER.match(text, n.end, end)
        and not units.QUANTITY.match(text, n.end, end)
        and not units.DURATION.match(text, n.end, end)
    )


# Product and model names, versions, flights and postal codes (GUIDELINE "Not a claim": figures
# inside names and identifiers). "iPhone 15", "PlayStation 5": a camel-case brand word before the
# number; "Python 3.11", "Bluetooth 5.3": a capitalised name before a decimal; "Nintendo Switch 2":
# two capitalised words before it, not after a preposition ("in New York 30 were hurt"). Each only
# when nothing countable follows: "Apple sold 15 million iPhones" and "Boeing delivered 737 jets"
# keep their counts (the number is before a noun, or not after a name).
_CAMEL = regex.compile(r"(?:\p{Ll}+\p{Lu}|\p{Lu}\p{Ll}+\p{Lu})[\p{L}]*\Z")
_CAPITAL_PAIR_BEFORE = regex.compile(
    rf"(?:^|(?<=[\n(\"“‘]|[.!?:;,]{_SP}|(?P<prev>\p{{L}}+){_SP}))"
    rf"(?P<first>{_NAME_WORD}){_SP}+(?P<last>{_NAME_WORD}){_SP}\Z",
    regex.REVERSE,
)
_NOUN_NEAR = regex.compile(rf"{_SP}+\p{{Ll}}+(?={_PLURAL_AFTER.pattern})")
_PLACE_PREPOSITIONS = frozenset(str(w).lower() for w in _NOT["place_prepositions"])
_FUNCTION_CAPITALS = frozenset("The A An In At On By For From Of To And But As With".split())
_FLIGHT_BEFORE = regex.compile(
    rf"\b(?:{alternation(_NOT['flight_heads'])}){_SP}+(?:#{_SP}?)?(?:[A-Z0-9]{{2}}{_SP}?)?\Z", regex.REVERSE
)
_VERSION_BEFORE = regex.compile(rf"\b(?:{alternation(_NOT['version_heads'])})\.?{_SP}?\Z", regex.REVERSE)
_POSTAL_BEFORE = regex.compile(
    rf"\b(?:{alternation(_NOT['postal_cues'])}){_SP}*:?{_SP}*\Z"
    rf"|\p{{Lu}}[\p{{L}}.'’-]*,?{_SP}+(?:{alternation(_NOT['region_codes'])}){_SP}+\Z",
    regex.REVERSE,
)
_ZIP_PLUS_FOUR = regex.compile(r"-\d{4}\b")
# "Mail it to Paris 75008.", "Berlin 10115, Germany": five digits without separators right after a
# town's name and closing the clause (a count of that size is written "75,008").
_TOWN_BEFORE = regex.compile(rf"(?<![\p{{L}}.])\p{{Lu}}\p{{Ll}}+{_SP}\Z", regex.REVERSE)
_CLAUSE_END = regex.compile(rf"{_SP}*(?:[,;:)\]]|\.(?!\d)|\n|\Z)")
# "Liverpool 2-1 Everton", "drew 2-2", "a 3-1 win": a result, read by ``_SCORE`` below.
_TEAMS_SCORE = regex.compile(rf"\p{{Lu}}[\p{{L}}.'’-]+{_SP}\d{{1,3}}[-\u2013]\d{{1,3}}{_SP}\p{{Lu}}")


def _countable_after(text: str, n: Num, *, plural: bool = True) -> bool:
    """A unit, a percent sign, a currency or (with ``plural``) a counted noun goes with the number."""
    end = min(len(text), n.end + 40)
    return bool(
        (plural and _PLURAL_AFTER.match(text, n.end, end))
        or _PERCENT_AFTER.match(text, n.end, end)
        or units.QUANTITY.match(text, n.end, end)
        or units.DURATION.match(text, n.end, end)
        or currency.prefix_at(text, n.start)
    )


def _is_product(text: str, n: Num, word: str) -> bool:
    """ "the iPhone 15", "Python 3.11 is out", "Nintendo Switch 2 sold"; not "Tokyo 300 runners"."""
    if n.scaled or not word[:1].isalpha():
        return False
    camel = _CAMEL.search(word) is not None
    if not camel and (not word[:1].isupper() or word.rstrip(".") in _NOT_NAME):
        return False
    end = min(len(text), n.end + 40)
    # "Python 3.11 adds": nothing is counted in fractions, so a verb in -s does not make a count.
    if _NAME_END.match(text, n.end, end) is None or _countable_after(text, n, plural=not n.decimals):
        return False
    if not n.decimals and _NOUN_NEAR.match(text, n.end, end):
        return False  # "Griffey Jr. 40 home runs": the counted noun comes a word later
    if camel:
        return True
    if n.decimals:
        return True  # a decimal after a name, with no unit: a version ("Python 3.11", "iOS 17.4")
    m = _CAPITAL_PAIR_BEFORE.search(text, max(0, n.start - 60), n.start)
    if m is None or m.group("first") in _FUNCTION_CAPITALS or m.group("first").rstrip(".") in _NOT_NAME:
        return False
    prev = m.group("prev")
    return prev is None or prev.lower() not in _PLACE_PREPOSITIONS


def _is_code(text: str, n: Num) -> str | None:
    """A flight, a version or a postal code: "flight BA 117", "version 2", "Austin, TX 78701"."""
    lo = max(0, n.start - 40)
    if not text[lo : n.start].strip(" \u00a0:#.,"):
        return None  # nothing but spaces and signs before: no cue word
    if not n.scaled and _FLIGHT_BEFORE.search(text, lo, n.start) and not _countable_after(text, n):
        return "flight number"
    if _VERSION_BEFORE.search(text, lo, n.start) and not _countable_after(text, n):
        return "version"
    if (
        not n.scaled
        and not n.decimals
        and n.integer_text.isdigit()
        and 3 <= len(n.integer_text) <= 6
        and (
            _POSTAL_BEFORE.search(text, lo, n.start)
            or _ZIP_PLUS_FOUR.match(text, n.end, n.end + 5)
            or (
                len(n.integer_text) == 5
                and _CLAUSE_END.match(text, n.end, n.end + 4)
                and _TOWN_BEFORE.search(text, max(0, n.start - 30), n.start)
            )
        )
        and not _PLURAL_AFTER.match(text, n.end, min(len(text), n.end + 40))
    ):
        return "postal code"
    return None


def _is_address(text: str, n: Num, capital_before: bool) -> bool:
    if n.scaled or n.decimals or not n.integer_text.isdigit():
        return False
    end = min(len(text), n.end + 80)
    if text[n.end + 1 : n.end + 2].isupper():
        m = _STREET_AFTER.match(text, n.end, end)
        if m is not None and not _PLURAL_AFTER.match(text, m.end(), min(len(text), m.end() + 40)):
            return True
    if not capital_before:
        return False
    m = _STREET_BEFORE.search(text, max(0, n.start - 60), n.start)
    if m is None:
        return False
    if m.group("head") is None:  # "Baker Street 221", "Road 16": not "On Main Street 40 people"
        return not _PLURAL_AFTER.match(text, n.end, end)
    return m.group("head") != "Jr" or bool(m.group("name"))  # "Jr. Lampa 545", not "Griffey Jr. 40"


def _is_age(text: str, n: Num, low: str) -> bool:
    if n.scaled or n.decimals or n.value > 130:
        return False
    end = min(len(text), n.end + 40)
    after = text[n.end : n.end + 5]
    if (
        after[:1] in ("-", "\u2013") or after.startswith((" and ", " to ", " or "))
    ) and _AGE_RANGE_AFTER.match(text, n.end, end):
        return True  # "between 18 and 30 years old"
    if low not in _AGE_LINKS:  # "voters over 60" needs no "age"; "aged 42 and 57" does
        if low not in _AGE_WORDS and text[max(0, n.start - 2) : n.start].strip()[-1:] not in ("-", ","):
            return False
        if "age" not in lower(text[max(0, n.start - 60) : n.start]):
            return False
    m = _AGE_BEFORE.search(text, max(0, n.start - 60), n.start)
    if m is None:
        return False
    # "people over 65 (years)" is an age; "players over 90 minutes", "over 40 percent" are not.
    duration = units.DURATION.match(text, n.end, end)
    if duration is not None:
        return m.group("noun") is None or units.duration_unit(duration) == "year"
    return not (_PERCENT_AFTER.match(text, n.end, end) or units.QUANTITY.match(text, n.end, end))


def is_year(doc: Doc, n: Num) -> bool:
    """A four-digit whole number 1000-2100 written without separators, used as a date."""
    if n.form != "digits" or n.scaled or n.decimals or len(n.integer_text) != 4 or n.value < 0:
        return False
    if not 1000 <= n.value <= 2100:
        return False
    text = doc.text
    if _MONEY_BEFORE.search(text, max(0, n.start - 3), n.start):
        return False
    if _YEAR_CONTEXT_AFTER.match(text, n.end, n.end + 20):
        return False
    noun = _NOUN_AFTER.match(text, n.end, n.end + 40)
    if noun is None or noun.group("noun") in _YEAR_NOUNS:
        return True
    if _COUNT_CUE_BEFORE.search(text, max(0, n.start - 24), n.start):
        return False  # "more than 1200 staff", "nearly 2000 of them"
    word = noun.group("noun")
    plural = word in _COUNTED_IRREGULAR or (
        word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _NOT_PLURALS
    )
    lo = max(0, n.start - 24)
    return (
        not plural
        or _YEAR_CUE_BEFORE.search(text, lo, n.start) is not None
        or (n.value >= 1900 and _YEAR_DETERMINER_BEFORE.search(text, lo, n.start) is not None)
    )


def excluded(doc: Doc, n: Num) -> str | None:
    """Why ``n`` is not a claim, or None when it may be one."""
    text = doc.text
    if doc.in_furniture(n.start):
        return "furniture"
    if doc.in_url(n.start):
        return "url"
    if n.form in ("vague", "frac", "share"):
        return None
    lo = max(0, n.start - 24)
    word = _word_before(text, n.start)
    low, capital = lower(word), word[:1].isupper()
    if n.form == "digits":
        if _DECADE.match(text, n.end, n.end + 64) and not n.scaled:
            return "decade"  # "the 1990s", "in her 20s"
        if is_year(doc, n):
            return "year"  # the engine still lets money, percent and unit rules claim it
        if _ATTACHED_BEFORE.search(text, max(0, n.start - 12), n.start) and not currency.prefix_at(
            text, n.start
        ):
            return "identifier"
        if not n.scaled and _ATTACHED_AFTER.match(text, n.end, n.end + 12):
            return "identifier"
        if _is_phone(text, n, low):
            return "phone number"
        if len(n.integer_text) == 2 and text[n.start - 1 : n.start] in ("-", "\u2013", "/"):
            year = _YEAR_DASH_BEFORE.search(text, max(0, n.start - 6), n.start)
            if year is not None and n.value > int(year.group("year")) % 100:
                return "year"
        if (capital or text[n.end + 1 : n.end + 2].isupper()) and _is_address(text, n, capital):
            return "address"
        if (
            low in _POSITION_WORDS
            and _POSITION_BEFORE.search(text, max(0, n.start - 16), n.start)
            and not _PLURAL_AFTER.match(text, n.end, n.end + 40)
        ):
            return "position"
        if capital and _is_name(text, n):
            return "name"
        code = _is_code(text, n)
        if code is not None:
            return code
        if _is_product(text, n, word):
            return "name"
        after_comma = text[n.end : n.end + 1] == ","
        if n.value < 120 and after_comma and _AGE_BEFORE_COMMA.search(text, max(0, n.start - 30), n.start):
            return "age"
        if n.value < 1000 and any(
            m.start() < n.start and n.end <= m.end()
            for m in _TEAMS_SCORE.finditer(text, max(0, n.start - 40), min(len(text), n.end + 8))
        ):
            return "score"  # "Liverpool 2-1 Everton", "Celtics 112-104 Lakers"
        if n.value < 100 and any(
            m.start() <= n.start and n.end <= m.end()
            for m in _SCORE.finditer(text, max(0, n.start - 48), min(len(text), n.end + 16))
        ):
            return "score"
        if _TIME_AFTER.match(text, n.end, n.end + 6) and n.value <= 24 and not n.scaled:
            return "time"
        if _LIST_MARKER.search(text, max(0, n.start - 8), n.start) and _LIST_AFTER.match(
            text, n.end, n.end + 64
        ):
            return "list marker"
    if n.form in ("digits", "ord") and 1 <= n.value <= 31 and not n.scaled:
        if _MONTH_BEFORE.search(text, lo, n.start) or _MONTH_AFTER.match(text, n.end, n.end + 16):
            return "date"
    if n.form not in ("digits", "words"):
        return None
    if (capital or word in _LOWER_HEADS or "#" in text[lo : n.start] or "№" in text[lo : n.start]) and (
        _ID_BEFORE.search(text, lo, n.start)
    ):
        return "identifier"
    if _is_age(text, n, low):
        return "age"
    return None
