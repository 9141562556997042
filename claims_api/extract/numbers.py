"""Find numbers in text and read their values: "2,190", "12.97 billion", "twenty-one", "a dozen".

``scan(text)`` yields ``Num`` tokens in order. A token covers the number, its sign ("-3.2",
"minus five") and the scale words written with it ("12.97 billion", "$1.2bn" gives "1.2bn", "3
hundred thousand", "3 dozen"); context (currency, unit, qualifier) is left to the kind rules. The
lexicon's word tables say where a run of number words starts and ends; its value is read by
text2num, one candidate phrase at a time (never over the whole text).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex
from text_to_num import text2num

from claims_api.extract.fragments import alternation, lower
from claims_api.lexicons import load

_WORDS = load("number_words")
_ARTICLE_UNITS = alternation(load("units")["article_units"])
UNITS: dict[str, int] = _WORDS["units"]
TENS: dict[str, int] = _WORDS["tens"]
SCALES: dict[str, int] = _WORDS["scales"]
SCALE_ABBREV: dict[str, float] = _WORDS["scale_abbrev"]
ATTACHED_ONLY = frozenset(_WORDS["attached_only"])
VAGUE: dict[str, int] = _WORDS["vague"]
ORDINALS: dict[str, int] = _WORDS["ordinals"]
DENOMINATORS: dict[str, int] = _WORDS["fraction_denominators"]

_UNIT_W = alternation(UNITS)
_TENS_W = alternation(TENS)
#: A number written as one word, "zero" to "ninety", for rules that look for one near a figure.
ONE_WORD_NUMBER = alternation([*UNITS, *TENS])
# Indian scales also take a plural after a number ("five lakhs"): read as the singular.
_SCALE_PLURALS = {"lakhs": "lakh", "crores": "crore", "lacs": "lac"}
# After a number word a plural scale is a multiple too ("three billions", "two hundred dozens").
_WORD_SCALE_PLURALS = {
    **{w + "s": w for w in ("million", "billion", "trillion", "dozen")},
    **{w: "dozen" for w in ("doz", "dozs", "dz", "dzs")},  # the abbreviations of "dozen"
}
_INDIAN = frozenset(["lakh", "lac", "crore"])
_SCALE_W = alternation([*SCALES, *_SCALE_PLURALS])
_ORD_W = alternation(ORDINALS)
# Fraction words: "a third", "an eighth", "one-fifth"; "two-thirds", "seven eighths", "three-quarter".
_PLURAL_DENOMINATORS = [f"{w}s" for w in DENOMINATORS if w != "half"]
_MANY = alternation(w for w, v in UNITS.items() if 2 <= v <= 9)
_FRACTION_JOIN = r"(?:\s*[\u2010-]\s*|\s+)"  # "two thirds", "two-thirds", "five - eighths"
_FRACTION_WORDS = (
    rf"(?:(?:an?|one){_FRACTION_JOIN}{alternation(DENOMINATORS)}"
    rf"|{_MANY}(?:{_FRACTION_JOIN}{alternation(_PLURAL_DENOMINATORS)}|[-\u2010]{alternation(DENOMINATORS)})"
    r"|half)"
)
_ATOM = rf"(?:{_TENS_W}(?:[-\u2010\u2013\u2014 ]?{_UNIT_W})?|{_UNIT_W})"
_ATOM_OR_SCALE = rf"(?:{_ATOM}|{_SCALE_W}|{alternation(_WORD_SCALE_PLURALS)})"
_WORD_NUMBER = (
    rf"(?:(?:a|an)(?=\s+{_SCALE_W}\b)|{_ATOM}\b)"
    # "and" joins words only after a scale ("one hundred and six"), not "five and six"
    rf"(?:(?:(?<=\b{_SCALE_W})\s+and\s+(?!{_FRACTION_WORDS}\b)|[\s\u2010-]+){_ATOM_OR_SCALE}\b)*"
    rf"(?:\s+point(?:\s+{_UNIT_W}\b)+)?"
)
# Groups of three ("2,190"), Indian groups of two before the last three ("7,97,000" is 797000,
# "12,34,56,789"), thin-space groups, plain digits, a leading point. A list ("1,2,3", "5,41") is
# none of these, so it stays separate numbers.
_DIGITS = r"""
    (?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*,\d)
     | \d{1,2}(?:,\d{2})+,\d{3}(?!\d)(?:\.\d+)?(?![\d,]*,\d)
     | \d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?
     | \d+(?:\.\d+)?
     | (?<![\p{L}/])\.\d+)
"""
# "lakh crore" is 1e12 and "thousand crore" 1e10: a scale of a scale, written as one.
# "3 hundred thousand", "2.12 hundred", "3 dozen": scale words multiply out, each after the last.
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion|lakhs?|crores?|dozens?|dozs?\b|dzs?\b)"
_SCALE_SPACED = rf"(?:{_SCALE_WORD}(?:\s+{_SCALE_WORD})*|bn|bln|mn|mln|tn|trn|tln)"
_SCALE_ATTACHED = r"(?:bn|bln|mn|mln|tn|trn|mil|[bmkBMK])"

NUMBER = regex.compile(
    rf"""
    (?P<ord>(?<![\w.,])\d+(?:st|nd|rd|th)\b | \b(?:{_TENS_W}[-\u2010\u2014 ]?)?{_ORD_W}\b)
  | (?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions
                |billions|several)\b)
  # "half a million", "a quarter million", "two thirds of a million": a share of one scale word
  | (?P<halfscale>\b(?P<hs_frac>{_FRACTION_WORDS}|(?:an?[\s-]+)?quarter)(?:[\s-]+of)?(?:[\s-]+an?)?[\s-]+
                  (?P<hs_scale>million|billion|trillion|dozen)\b)
  | (?P<frac>\b{_FRACTION_WORDS}\b)
  | (?P<article>\ban?(?=[ \u00a0]+{_ARTICLE_UNITS}\b))  # "a kilogram": one, for the unit rule only
  | (?P<share>\b(?:(?:vast|great|overwhelming|slim|narrow)\s+)?(?:majority|minority)\b)
  | (?P<fraction>(?<![\w.,/])(?:(?P<whole>\d+)[ \u00a0]{{1,2}})?
                 (?P<numer>\d{{1,3}})/(?P<denom>\d{{1,4}})(?![\w/]|\.\d))
  | (?P<num>
        (?P<sign>(?<![\w.%]|\d[ \u00a0])[-\u2212](?=\.?\d)  # not the dash of "1.5%-4.5%", "2 -7 g"
                 # "minus 0.1%", not "plus or minus 3" nor "5 minus 2"
               | \bminus(?<!\bplus\s+or\s+minus|\bplus/minus|\d\s+minus)[ \u00a0]+(?=\.?\d)
                 # "negative 2 percent", "negative 3 degrees": not "tested negative 3 times"
               | \bnegative[ \u00a0]+
                 (?=\.?\d[\d.,]*(?:[ \u00a0]?(?:%|per[ \u00a0]?cent|degrees?\b|\u00b0)|[.!?]?\Z))
        )?
        (?<![\d,]|(?<!\p{{L}}[\p{{L}}/])\.|\d[.,])(?P<digits>{_DIGITS})  # "Rs.38.5", "S/.5"; not "v.2"
        (?P<exp>(?:[eE]|\^[+\-\u2212]?)[+\-\u2212]?\d{{1,3}}(?![\p{{L}}\p{{N}}.,]))?  # "1.3e6", "2.5^-1"
        (?P<scale>\s?{_SCALE_SPACED}\b(?!-)|{_SCALE_ATTACHED}\b(?![.,]?\d))?
    )
  | (?P<words>(?P<wsign>\bminus(?<!\bplus\s+or\s+minus|\bplus/minus|\d\s+minus)[ \u00a0]+
                         |\bnegative[ \u00a0]+)?
               \b{_WORD_NUMBER}(?:\s+{_SCALE_W}\b)?)
    """,
    regex.VERBOSE | regex.IGNORECASE,
)


# Where a number may start: a digit, or a number word. Digits are found by a one-class scan and
# words by a case-sensitive alternation over the lower-cased text (both several times faster
# than one case-insensitive pattern); NUMBER then runs anchored at each candidate.
_DIGIT = regex.compile(r"\d+")  # runs: a long number is one candidate, not one per digit
_START_WORDS = sorted(
    {
        *UNITS,
        *TENS,
        *ORDINALS,
        *SCALES,
        *DENOMINATORS,
        *_PLURAL_DENOMINATORS,
        "minus",
        "negative",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "several",
        "majority",
        "minority",
        "vast",
        "great",
        "overwhelming",
        "slim",
        "narrow",
        "tens",
    },
    key=lambda w: (-len(w), w),
)
_WORD_START = regex.compile(r"\b(?:" + "|".join(_START_WORDS) + rf"|an?(?=[ \u00a0]+{_ARTICLE_UNITS}\b))\b")
# A scale or fraction word may be led by an article or numerator: "a dozen", "an eighth", "two-thirds".
_ARTICLE_BEFORE = regex.compile(rf"\b(?:an?|one|{_MANY})[\s\u2010-]+\Z", regex.IGNORECASE | regex.REVERSE)
_LED_WORDS = frozenset([*SCALES, *DENOMINATORS, *_PLURAL_DENOMINATORS])


def _candidates(text: str) -> Iterator[int]:
    """Start positions where a number may begin, in order (possibly with repeats)."""
    words = _WORD_START.finditer(lower(text))  # one character for one: offsets hold
    digits = _DIGIT.finditer(text)
    d = next(digits, None)
    w = next(words, None)
    while d is not None or w is not None:
        if w is None or (d is not None and d.start() < w.start()):
            start = d.start()
            if start and text[start - 1] in "-\u2212.":  # a sign or a leading point: "-5", ".25"
                yield (
                    start - 2
                    if start > 1 and text[start - 2] in "-\u2212" and text[start - 1] == "."
                    else start - 1
                )
            yield start
            d = next(digits, None)
        else:
            start = w.start()
            if w.group() in _LED_WORDS:
                art = _ARTICLE_BEFORE.search(text, max(0, start - 10), start)
                if art is not None:
                    yield art.start()
            yield start
            w = next(words, None)


# A whole number with a fraction after it: "two and a half", "2\u00bd", "three and three-quarter",
# "forty two and a third"; a scale word may follow the fraction ("two and a half million").
_PART_WORDS = (
    rf"(?:an?|one)[ \u00a0-]+{alternation(DENOMINATORS)}"
    rf"|{_MANY}[ \u00a0-]+(?:{alternation(_PLURAL_DENOMINATORS)}|{alternation(DENOMINATORS)})"
)
_AND_PART = regex.compile(
    rf"""(?:[ \u00a0-]+and[ \u00a0-]+(?P<part>{_PART_WORDS})\b
         | (?P<glyph>[\u00bd\u00bc\u00be\u2153\u2154]))
        (?P<scale>[ \u00a0]+(?:million|billion|trillion)\b)?""",
    regex.VERBOSE | regex.IGNORECASE,
)
# "3 hundred and 21", "5 hundred and six": digits and a scale word, then the rest in digits or words.
_HUNDRED_AND = regex.compile(
    rf"[ \u00a0]+and[ \u00a0]+(?:(?P<d>\d{{1,2}})(?![\d.,/])|(?P<w>{_ATOM}))\b"
    rf"(?![ \u00a0]*(?:{_SCALE_W}|%|[\p{{L}}\u2010-]*(?:{alternation(_PLURAL_DENOMINATORS)})\b))",
    regex.IGNORECASE,
)
# "negative 2", "negative five hundred": a sign only before a figure that ends the phrase or
# measures a share or a temperature ("tested negative three times" is no sign).
_NEGATIVE_END = regex.compile(
    r"[ \u00a0]*(?:[%.,;:!?)\]]|\Z)|[ \u00a0]+(?:percent|per[ \u00a0]?cent|degrees?)\b", regex.IGNORECASE
)
_PARTS = {
    "\u00bd": 0.5,
    "\u00bc": 0.25,
    "\u00be": 0.75,
    "\u2153": 1 / 3,
    "\u2154": 2 / 3,
}

_SEPARATORS = str.maketrans("", "", ",\u00a0\u202f\u2009")
_WORD_SPLIT = regex.compile(r"[\s\u2010\u2013\u2014-]+")
_ORD_SPLIT = regex.compile(r"[-\u2010\u2014 ]")
_FOLD_SPACE = regex.compile(r"[\s\u2010-]+")


@dataclass(slots=True)
class Num:
    """A number found in text: its span, value and how it was written."""

    start: int
    end: int
    value: float
    form: str  # "digits", "words", "vague", "frac", "ord", "share"
    decimals: int = 0  # digits after the decimal point, for stated precision
    scaled: bool = False  # a scale word or abbreviation was applied
    scale_text: str = ""  # the scale as written ("bn", " billion", "m")
    integer_text: str = ""  # the digits as written, without scale


def _scale_value(raw: str) -> float | None:
    """Factor of a scale written after digits; "lakh crore" multiplies out (1e5 x 1e7)."""
    factor = 1.0
    for key in lower(raw).split():
        if key not in SCALE_ABBREV or (key in ATTACHED_ONLY and raw != raw.lstrip()):
            return None
        factor *= SCALE_ABBREV[key]
    return factor


def words_value(text: str) -> float | None:
    """Value of an English number phrase ("one hundred and sixteen" -> 116), None if not one.

    text2num reads the phrase; "a"/"an" before a scale is one ("a thousand"), a trailing "dozen"
    multiplies by 12 ("two hundred dozen" 2400), "point" reads the digits after it one by one, and
    the Indian scales text2num lacks ("one lakh crore") go through ``_indian_value``.
    """
    words = [_WORD_SCALE_PLURALS.get(w, w) for w in _WORD_SPLIT.split(lower(text)) if w]
    if not words:
        return None
    if "point" in words:
        at = words.index("point")
        head = words_value(" ".join(words[:at])) if at else 0.0
        tail = words[at + 1 :]
        scale = 1
        while tail and tail[-1] in SCALES and tail[-1] not in _INDIAN:  # "two point two million"
            scale *= SCALES[tail.pop()]
        digits = [UNITS.get(w) for w in tail]
        if head is None or not digits or any(d is None or d > 9 for d in digits):
            return None
        return float(Decimal(f"{int(head)}.{''.join(str(d) for d in digits)}") * scale)
    if _INDIAN.intersection(_SCALE_PLURALS.get(w, w) for w in words):
        return _indian_value(words)
    if words[0] in ("a", "an"):
        words[0] = "one"
    if "trillion" in words:  # a scale text2num lacks: "twenty-one trillion three hundred"
        at = words.index("trillion")
        head = words_value(" ".join(words[:at])) if at else 1.0
        rest = [w for w in words[at + 1 :] if w != "and"] if at + 1 < len(words) else []
        tail = words_value(" ".join(rest)) if rest else 0.0
        if head is None or tail is None or tail >= 1e12:
            return None
        return head * 1e12 + tail
    factor = 1.0
    if words[-1] == "dozen":
        factor, words = 12.0, words[:-1] or ["one"]
    if words[-1] == "and" or "dozen" in words or "a" in words or "an" in words:
        return None
    try:
        return factor * text2num(" ".join(words), "en")
    except ValueError:
        return None


def _indian_value(words: list[str]) -> float | None:
    """ "five lakh", "one lakh crore" (1e12): accumulate-and-scale, a scale of a scale multiplying."""
    total = 0.0
    current = 0.0
    last_chunk = 0.0  # what the last scale word added to total
    last_scale = 0
    seen = False
    for word in words:
        if word == "and":
            continue
        word = _SCALE_PLURALS.get(word, word)
        if word in ("a", "an"):
            current = current or 1
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in SCALES:
            if not current and total and last_scale and SCALES[word] > last_scale:
                # A scale of a scale: "one lakh crore" is 1e5 crore, not a lakh plus a crore.
                total = total - last_chunk + last_chunk * SCALES[word]
                last_chunk *= SCALES[word]
            else:
                last_chunk = (current or 1) * SCALES[word]
                total += last_chunk
            last_scale = SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


_TRAILING_SCALE = regex.compile(
    rf"(?:(?<=\d)(?P<abbrev>[ \u00a0]?{_SCALE_SPACED}|{_SCALE_ATTACHED})|[ \u00a0]+(?P<word>{_SCALE_W}))\Z",
    regex.IGNORECASE,
)


def scale_of(text: str, start: int, end: int) -> float | None:
    """The factor of a scale word ending the number at text[start:end] ("1.4 billion" -> 1e9)."""
    m = _TRAILING_SCALE.search(text, start, end)
    if m is None:
        return None
    if m.group("abbrev"):
        return _scale_value(m.group("abbrev"))
    word = lower(m.group("word")).rstrip("s")
    return float(SCALES.get(word, 0)) or None


def fraction_value(text: str) -> float:
    """Share in percent of a fraction phrase: "a third" -> 33.3, "seven-eighths" -> 87.5."""
    words = _FOLD_SPACE.split(lower(text))
    numerator = UNITS.get(words[0], 1)  # "a third", "half", "quarter million": one
    denominator = words[-1] if words[-1] in DENOMINATORS else words[-1][:-1]
    return 100 * numerator / DENOMINATORS[denominator]


def _power(digits: str, exp: str) -> float | None:
    """ "1.3" "e6" -> 1.3e6; "1.1" "^23" -> 1.1 ** 23 ("^--23" is "^23"); None when out of range."""
    sign = -1 if (exp.count("-") + exp.count("\u2212")) % 2 else 1
    power = sign * int(exp.lstrip("eE^+-\u2212"))
    try:
        if exp[0] == "^":
            value = digits_value(digits) ** power
        else:
            value = float(Decimal(digits.translate(_SEPARATORS)).scaleb(power))
    except (OverflowError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


def digits_value(text: str) -> float:
    return float(text.translate(_SEPARATORS))


def scan(text: str) -> Iterator[Num]:
    """Every number-like token in ``text``, left to right, without overlaps."""
    taken = 0
    for n in _read(text):
        if n.start < taken:
            continue  # inside a number that took a fraction after it
        if n.form == "words" and n.value < 0 and n.value.is_integer():
            over = _DENOMINATOR_AFTER.match(text, n.end, n.end + 24)
            if over is not None:  # "minus twenty-three fifths"
                denominator = DENOMINATORS[lower(over.group("d"))[:-1]]
                n = Num(n.start, over.end(), 100 * n.value / denominator, "frac")
        if n.form in ("digits", "words") and n.value.is_integer() and n.value >= 0:
            if n.form == "digits" and lower(n.scale_text).endswith("hundred"):
                rest = _HUNDRED_AND.match(text, n.end, n.end + 40)
                if rest is not None:
                    n.value += float(rest.group("d") or words_value(rest.group("w")) or 0)
                    n.end = rest.end()
            m = _AND_PART.match(text, n.end, n.end + 48)
            if m is not None:
                _add_part(text, n, m)
            elif n.form == "words":
                over = _DENOMINATOR_AFTER.match(text, n.end, n.end + 24)
                if over is not None:  # "twenty-three fifths" is 23/5, a fraction like "three fifths"
                    denominator = DENOMINATORS[lower(over.group("d"))[:-1]]
                    n = Num(n.start, over.end(), 100 * n.value / denominator, "frac")
        taken = n.end
        yield n


_DENOMINATOR_AFTER = regex.compile(
    rf"{_FRACTION_JOIN}(?P<d>{alternation(_PLURAL_DENOMINATORS)})\b", regex.IGNORECASE
)
_PART_OF_SCALE = frozenset(["million", "billion", "trillion"])


def _add_part(text: str, n: Num, m: regex.Match[str]) -> None:
    """Widen ``n`` over "and a half" (and a scale word after it): 2 -> 2.5, or 2.5 million.

    After a large scale word the part is of that scale: "3 million and a half" is 3.5 million,
    "one billion and a half million" 1,000,500,000; after "hundred" it is of one (100.75)."""
    glyph = m.group("glyph")
    share = _PARTS[glyph] if glyph else fraction_value(m.group("part")) / 100
    scale = m.group("scale")
    if n.scaled:
        word = lower((n.scale_text.split() or [""])[-1]) if n.form == "digits" else ""
        if n.form == "words":
            tail = _TRAILING_SCALE.search(text, n.start, n.end)
            word = lower(tail.group("word")) if tail is not None and tail.group("word") else ""
        if scale:
            n.value += share * SCALES[lower(scale.strip())]
        elif word in _PART_OF_SCALE and not glyph:
            n.value += share * SCALES[word]
        elif word in ("hundred", "thousand"):  # "one hundred and three quarters" is 100.75
            n.value += share
        else:
            return
        n.end = m.end()
        return
    n.value += share
    n.decimals = max(n.decimals, 2)
    n.end = m.end()
    if scale:
        n.value = float(Decimal(str(n.value)) * Decimal(SCALES[lower(scale.strip())]))
        n.scaled = True
        n.scale_text = scale


def _words_num(text: str, m: regex.Match[str]) -> tuple[Num | None, bool]:
    """A run of number words, with its sign, and whether the scan may go on right after it.

    text2num decides where a valid number ends: "one hundred one two" is read as "one hundred
    one" and the scan goes on at "two"; a run that is no number even one word shorter ("one two
    three four") gives its first word, and the scan skips the rest, so that a long run of number
    words costs one text2num call per match, not one per word."""
    start = m.end("wsign") if m.group("wsign") else m.start()
    end = m.end()
    value = words_value(text[start:end])
    whole = True
    if value is None:  # one word off the end ("twenty twenty fifths"), else the first word alone
        cut = _LAST_WORD.search(text, max(start, end - 40), end)
        if cut is not None:
            end = cut.start()
            value = words_value(text[start:end])
    if value is None:
        first = _FIRST_ATOM.match(text, start, end)
        if first is None:
            return None, True
        end, whole = first.end(), False
        value = words_value(text[start:end])
        if value is None:
            return None, True
    sign = m.group("wsign")
    if sign and (lower(sign[:3]) == "min" or _NEGATIVE_END.match(text, end, end + 24)):
        return Num(m.start(), end, -value, "words", scaled=scale_of(text, start, end) is not None), whole
    return Num(start, end, value, "words", scaled=scale_of(text, start, end) is not None), whole


_FIRST_ATOM = regex.compile(_ATOM + r"\b", regex.IGNORECASE)
_LAST_WORD = regex.compile(r"(?:\s+and)?[\s\u2010\u2013\u2014-]+[\p{L}]+\Z")


def _read(text: str) -> Iterator[Num]:
    taken = 0
    match = NUMBER.match
    for start in _candidates(text):
        if start < taken:
            continue
        m = match(text, start, start + 160)  # an end bound: without one, regex pre-scans the whole rest
        if m is None or m.end() <= start:
            continue
        taken = m.end()
        group = m.lastgroup
        if group == "words":
            n, whole = _words_num(text, m)
            if n is not None:
                if whole:  # the rest of a run cut short by one word is scanned again
                    taken = n.end
                yield n
            continue
        if group == "num" or m.group("digits"):
            digits = m.group("digits")
            try:
                value = digits_value(digits)
            except ValueError:
                continue  # a digit newer than Python's Unicode tables (regex knows more of them)
            decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
            if m.group("exp"):
                value = _power(digits, m.group("exp"))
                if value is None:
                    continue
            if m.group("sign"):
                value = -value
            scale = m.group("scale") or ""
            scaled = False
            end = m.end()
            if scale:
                factor = _scale_value(scale)
                if factor is None:
                    end = m.end("exp") if m.group("exp") else m.end("digits")
                    scale = ""
                else:
                    value = float(Decimal(str(value)) * Decimal(str(factor)))
                    scaled = True
            yield Num(m.start(), end, value, "digits", decimals, scaled, scale, digits)
        elif group == "fraction":
            denom = int(m.group("denom"))
            if denom == 0:
                continue
            whole = int(m.group("whole") or 0)
            yield Num(m.start(), m.end(), whole + int(m.group("numer")) / denom, "fraction")
        elif group == "vague":
            key = " ".join(lower(m.group()).split())
            yield Num(m.start(), m.end(), float(VAGUE[key]), "vague")
        elif group == "ord":
            raw = lower(m.group())
            if raw[0].isdigit():
                value = float(raw.rstrip("stndrh"))
            else:
                parts = _ORD_SPLIT.split(raw)
                value = float(sum(TENS.get(p, 0) for p in parts[:-1]) + ORDINALS[parts[-1]])
            yield Num(m.start(), m.end(), value, "ord")
        elif group == "halfscale":
            share = fraction_value(m.group("hs_frac")) / 100
            scale = SCALES[lower(m.group("hs_scale"))]
            yield Num(m.start(), m.end(), share * scale, "words", 1, True, " " + m.group("hs_scale"))
        elif group == "frac":
            yield Num(m.start(), m.end(), fraction_value(m.group()), "frac")
        elif group == "article":
            yield Num(m.start(), m.end(), 1.0, "article")
        elif group == "share":
            yield Num(m.start(), m.end(), 50.0, "share")
