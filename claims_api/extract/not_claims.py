"""Numbers that are not claims: dates and years, times, identifiers, list markers, furniture.

GUIDELINE "Not a claim". Each test looks only at the few characters around the number.
"""

from __future__ import annotations

import regex

from claims_api.extract import currency
from claims_api.extract.context import MONTHS, Doc
from claims_api.extract.fragments import alternation
from claims_api.extract.numbers import Num
from claims_api.lexicons import load

_NOT = load("not_claims")
_HEADS = alternation(_NOT["id_heads"])

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
# "President Boluarte, 62, has ...": an age between commas after a name (GUIDELINE: not a claim).
_AGE_BEFORE = regex.compile(r"\p{Lu}[\p{L}'’-]+,[ ]\Z", regex.REVERSE)
# "a 2-1 win": a score is two numbers of one result.
_SCORE = regex.compile(
    r"\d{1,2}[-\u2013]\d{1,2}[ ](?:win|victory|defeat|loss|draw|lead|score|scoreline|result|home|away)\b"
    r"|(?:won|beat|lost|defeated|drew|trailed|led)[ ]\d{1,2}[-\u2013]\d{1,2}\b",
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


def _is_phone(text: str, n: Num) -> bool:
    """ "555-0100", "(01) 234 5678", "+51 1 234 5678"; not a rising range such as "100-1000 g"."""
    if n.scaled or n.decimals:
        return False
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


def is_year(doc: Doc, n: Num) -> bool:
    """A four-digit whole number 1000-2100 written without separators, used as a date."""
    if n.form != "digits" or n.scaled or n.decimals or len(n.integer_text) != 4 or n.value < 0:
        return False
    if not 1000 <= n.value <= 2100:
        return False
    text = doc.text
    if _MONEY_BEFORE.search(text, max(0, n.start - 3), n.start):
        return False
    return not _YEAR_CONTEXT_AFTER.match(text, n.end, n.end + 20)


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
        if _is_phone(text, n):
            return "phone number"
        after_comma = text[n.end : n.end + 1] == ","
        if n.value < 120 and after_comma and _AGE_BEFORE.search(text, max(0, n.start - 30), n.start):
            return "age"
        if n.value < 100 and _SCORE.search(text, max(0, n.start - 12), min(len(text), n.end + 16)):
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
    if n.form in ("digits", "words") and _ID_BEFORE.search(text, lo, n.start):
        return "identifier"
    return None
