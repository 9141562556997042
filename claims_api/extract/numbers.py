"""Find numbers in text and read their values: "2,190", "12.97 billion", "twenty-one", "a dozen".

``scan(text)`` yields ``Num`` tokens in order. A token covers the number and a scale word written
with it ("12.97 billion", "$1.2bn" gives "1.2bn"); context (currency, unit, qualifier) is left to
the kind rules. Word numbers are read with the usual accumulate-and-scale algorithm.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import regex

from claims_api.extract.fragments import alternation, lower
from claims_api.lexicons import load

_WORDS = load("number_words")
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
_SCALE_W = alternation([*SCALES, *_SCALE_PLURALS])
_ORD_W = alternation(ORDINALS)
# Fraction words: "a third", "an eighth", "one-fifth"; "two-thirds", "seven eighths", "three-quarter".
_PLURAL_DENOMINATORS = [f"{w}s" for w in DENOMINATORS if w != "half"]
_MANY = alternation(w for w, v in UNITS.items() if 2 <= v <= 9)
_FRACTION_WORDS = (
    rf"(?:(?:an?|one)[\s\u2010-]+{alternation(DENOMINATORS)}"
    rf"|{_MANY}(?:[\s\u2010-]+{alternation(_PLURAL_DENOMINATORS)}|[-\u2010]{alternation(DENOMINATORS)})"
    r"|half)"
)
_ATOM = rf"(?:{_TENS_W}(?:[-\u2010\u2013\u2014 ]?{_UNIT_W})?|{_UNIT_W})"
_ATOM_OR_SCALE = rf"(?:{_ATOM}|{_SCALE_W})"
_WORD_NUMBER = (
    rf"(?:(?:a|an)(?=\s+{_SCALE_W}\b)|{_ATOM}\b)"
    # "and" joins words only after a scale ("one hundred and six"), not "five and six"
    rf"(?:(?:(?<=\b{_SCALE_W})\s+and\s+|[\s\u2010-]+){_ATOM_OR_SCALE}\b)*"
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
_SCALE_SPACED = (
    r"(?:(?:lakh|thousand)\s+crores?|thousand|million|billion|trillion|bn|bln|mn|mln|tn|trn|lakhs?|crores?)"
)
_SCALE_ATTACHED = r"(?:bn|bln|mn|mln|tn|trn|mil|[bmkBMK])"

NUMBER = regex.compile(
    rf"""
    (?P<ord>(?<![\w.,])\d+(?:st|nd|rd|th)\b | \b(?:{_TENS_W}[-\u2010\u2014 ]?)?{_ORD_W}\b)
  | (?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions
                |billions|several)\b)
  | (?P<halfscale>\bhalf[\s-]+an?[\s-]+(?:million|billion|trillion|dozen)\b)
  | (?P<frac>\b{_FRACTION_WORDS}\b)
  | (?P<share>\b(?:(?:vast|great|overwhelming|slim|narrow)\s+)?(?:majority|minority)\b)
  | (?P<fraction>(?<![\w.,/])(?:(?P<whole>\d+)[ \u00a0])?
                 (?P<numer>\d{{1,3}})/(?P<denom>\d{{1,4}})(?![\w/]|\.\d))
  | (?P<num>
        (?P<sign>(?<![\w.%])[-\u2212](?=\.?\d)  # not the dash of "1.5%-4.5%"
                 # "minus 0.1%", not "plus or minus 3" nor "5 minus 2"
               | \bminus(?<!\bplus\s+or\s+minus|\bplus/minus|\d\s+minus)[ \u00a0]+(?=\.?\d)
                 # "negative 2 percent", "negative 3 degrees": not "tested negative 3 times"
               | \bnegative[ \u00a0]+(?=\.?\d[\d.,]*[ \u00a0]?(?:%|per[ \u00a0]?cent|degrees?\b|\u00b0))
        )?
        (?<![\d,]|(?<!\p{{L}}[\p{{L}}/])\.|\d[.,])(?P<digits>{_DIGITS})  # "Rs.38.5", "S/.5"; not "v.2"
        (?P<scale>\s?{_SCALE_SPACED}\b(?!-)|{_SCALE_ATTACHED}\b(?![.,]?\d))?
    )
  | (?P<words>\b{_WORD_NUMBER}(?:\s+{_SCALE_W}\b)?)
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
_WORD_START = regex.compile(r"\b(?:" + "|".join(_START_WORDS) + r")\b")
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


# A whole number with a fraction after it: "two and a half", "2\u00bd", "three and three-quarter";
# a scale word may follow the fraction ("two and a half million").
_AND_PART = regex.compile(
    r"""(?:[ \u00a0-]+and[ \u00a0-]+(?P<part>(?:a|one)[ \u00a0-]+(?:half|quarter)
                                      |three[ \u00a0-]+quarters?|(?:one|two)[ \u00a0-]+thirds?)\b
         | (?P<glyph>[\u00bd\u00bc\u00be\u2153\u2154]))
        (?P<scale>[ \u00a0]+(?:million|billion|trillion)\b)?""",
    regex.VERBOSE | regex.IGNORECASE,
)
_PARTS = {
    "half": 0.5,
    "quarter": 0.25,
    "quarters": 0.75,
    "third": 1 / 3,
    "thirds": 2 / 3,
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
    """Value of an English number phrase ("one hundred and sixteen" -> 116), None if not one."""
    total = 0.0
    current = 0.0
    last_chunk = 0.0  # what the last scale word added to total
    last_scale = 0
    seen = False
    text = lower(text)
    if " point " in text:
        whole, _, frac = text.partition(" point ")
        digits = [UNITS.get(w) for w in frac.split()]
        head = words_value(whole)
        if head is None or any(d is None or d > 9 for d in digits):
            return None
        return float(f"{int(head)}.{''.join(str(d) for d in digits)}")
    for word in _WORD_SPLIT.split(text):
        if not word or word == "and":
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
    numerator = 1 if words[0] in ("half", "a", "an", "one") else UNITS[words[0]]
    denominator = words[-1] if words[-1] in DENOMINATORS else words[-1][:-1]
    return 100 * numerator / DENOMINATORS[denominator]


def digits_value(text: str) -> float:
    return float(text.translate(_SEPARATORS))


def _matches(text: str) -> Iterator[regex.Match[str]]:
    end = 0
    match = NUMBER.match
    for start in _candidates(text):
        if start < end:
            continue
        m = match(text, start, start + 160)  # an end bound: without one, regex pre-scans the whole rest
        if m is not None and m.end() > start:
            yield m
            end = m.end()


def scan(text: str) -> Iterator[Num]:
    """Every number-like token in ``text``, left to right, without overlaps."""
    taken = 0
    for n in _read(text):
        if n.start < taken:
            continue  # inside a number that took a fraction after it
        if n.form in ("digits", "words") and not n.scaled and n.value.is_integer() and n.value >= 0:
            m = _AND_PART.match(text, n.end, n.end + 48)
            if m is not None:
                _add_part(n, m)
        taken = n.end
        yield n


def _add_part(n: Num, m: regex.Match[str]) -> None:
    """Widen ``n`` over "and a half" (and a scale word after it): 2 -> 2.5, or 2.5 million."""
    part = lower(m.group("part") or m.group("glyph")).split()[-1].split("-")[-1]
    if part == "quarter" and lower(m.group("part")).startswith("three"):
        part = "quarters"  # "three and three-quarter hours"
    if part == "third" and lower(m.group("part")).startswith("two"):
        part = "thirds"
    n.value += _PARTS[part]
    n.decimals = max(n.decimals, 2)
    n.end = m.end()
    scale = m.group("scale")
    if scale:
        n.value = float(Decimal(str(n.value)) * Decimal(SCALES[lower(scale.strip())]))
        n.scaled = True
        n.scale_text = scale


def _read(text: str) -> Iterator[Num]:
    for m in _matches(text):
        group = m.lastgroup
        if group == "num" or m.group("digits"):
            digits = m.group("digits")
            try:
                value = digits_value(digits)
            except ValueError:
                continue  # a digit newer than Python's Unicode tables (regex knows more of them)
            decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
            if m.group("sign"):
                value = -value
            scale = m.group("scale") or ""
            scaled = False
            end = m.end()
            if scale:
                factor = _scale_value(scale)
                if factor is None:
                    end = m.end("digits")
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
        elif group == "words":
            raw = m.group("words")
            value = words_value(raw)
            if value is not None:
                yield Num(m.start(), m.end(), value, "words")
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
            scale = lower(m.group()).split()[-1].split("-")[-1]
            yield Num(m.start(), m.end(), 0.5 * (12 if scale == "dozen" else SCALES[scale]), "words", 1, True)
        elif group == "frac":
            yield Num(m.start(), m.end(), fraction_value(m.group()), "frac")
        elif group == "share":
            yield Num(m.start(), m.end(), 50.0, "share")
