"""Scan an article once for numbers, let the kind rules claim each, then join ranges and resolve.

The steps, each a function below: numbers (``numbers.scan``) -> not claims dropped
(``not_claims.excluded``) -> first kind that matches (``kinds.KINDS``) -> ranges and "from A to B"
pairs joined -> qualifiers and ``what`` read from the context -> Claims, without overlaps.
"""

from __future__ import annotations

import regex

from claims_api.errors import TooManyClaims
from claims_api.extract import describe, not_claims, qualifiers
from claims_api.extract.context import Doc
from claims_api.extract.fragments import lower
from claims_api.extract.kinds import KINDS, quantity
from claims_api.extract.numbers import scale_of, scan
from claims_api.extract.rule import Fields
from claims_api.model import Claim, Kind, Qualifier

_RANGE_JOIN = regex.compile(
    r"[ \u00a0]*(?:[-\u2010\u2013\u2014]|to|and|or)[ \u00a0]*"
    r"(?:(?:about|around|approximately|roughly|~)[ \u00a0]*)?\Z",
    regex.IGNORECASE,
)
_BETWEEN = regex.compile(r"\b(?:between|from)[ \u00a0]+\Z", regex.IGNORECASE)
_CHANGE_VERBS = (
    r"\b(?:rose|rise|rises|rising|risen|increased?|increases|increasing|grew|grow|grows|growing|grown|"
    r"climbed?|climbs|jumped?|jumps|soared?|surged?|fell|fall|falls|falling|fallen|dropped?|drops|"
    r"declined?|declines|decreased?|decreases|slipped?|slid|plunged?|plummeted|shrank|shrunk|went|gone|"
    r"up|down|raised?|cut|lowered?|reduced?|expanded?|changed?|moved?|doubled|tripled|halved|"
    r"improved?|worsened|widened|narrowed|gained|lost|added|shed|trimmed)"
)
_CHANGE_FROM = regex.compile(
    _CHANGE_VERBS + r"(?:[ \u00a0]+[\p{L}]+){0,3}?[ \u00a0]+from[ \u00a0]+\Z",
    regex.IGNORECASE,
)
# "narrowed by £1.1bn to £3.1bn", "fell 22p to 415p": a change, then the level it reached.
_CHANGE_BY = regex.compile(
    _CHANGE_VERBS + r"(?:[ \u00a0]+[\p{L}]+){0,3}?(?:[ \u00a0]+by)?[ \u00a0]+\Z",
    regex.IGNORECASE,
)


_FROM_BEFORE = regex.compile(r"\bfrom[ \u00a0]+\Z", regex.IGNORECASE)
_TO_BETWEEN = regex.compile(r"[ \u00a0]+to[ \u00a0]+", regex.IGNORECASE)
_BY_BEFORE = regex.compile(r"\bby[ \u00a0]+\Z", regex.IGNORECASE)
# The kinds whose unit a bare level after a change takes ("fell 22p to 415"; not "fell 5% to 4,000").
_LEVEL_KINDS = (Kind.MONEY, Kind.QUANTITY, Kind.RATE, Kind.DURATION)
# What may follow a figure written without its unit: punctuation or a word that starts no noun.
_ALONE_AFTER = regex.compile(
    r"[ \u00a0]*(?:[.,;:)!?\]]|\Z|(?:in|on|at|by|a|an|the|last|this|next|for|during|over|previously|earlier|"
    r"before|after|since|and|or|but|while|when|as|from|compared|against|according|year|years)(?![\p{L}]))",
    regex.IGNORECASE,
)


def _take_unit(bare: Fields, named: Fields) -> None:
    """A figure written without its unit takes the kind and unit of the parallel figure beside it
    ("22p to 415": 415 pence)."""
    bare.kind, bare.unit, bare.bare, bare.rule = named.kind, named.unit, False, named.rule
    if named.extra.get("minor") and bare.value is not None:
        bare.value = bare.value / 100
        bare.extra["minor"] = True
    bare.extra["unit_from"] = "parallel"


def _stands_alone(text: str, end: int) -> bool:
    """Whether nothing after a bare figure says what it counts ("to eight." but not "to eight players")."""
    return _ALONE_AFTER.match(text, end, min(len(text), end + 16)) is not None


# A blank line ends a paragraph: no claim, qualifier or range reaches across one.
_PARAGRAPH = regex.compile(r"\n[ \t\r\f\v\u00a0]*\n")


def _crosses_paragraph(text: str, start: int, end: int) -> bool:
    return "\n" in text[start:end] and _PARAGRAPH.search(text, start, end) is not None


_FROM_AFTER = regex.compile(r"[ \u00a0]+from[ \u00a0]+", regex.IGNORECASE)
_TO_BEFORE = regex.compile(r"\bto[ \u00a0]+\Z", regex.IGNORECASE)


def _classify(doc: Doc, max_claims: int | None = None) -> list[Fields]:
    found: list[Fields] = []
    for n in scan(doc.text):
        if found and n.start < found[-1].end:
            continue  # inside the previous claim ("31.1 per 100,000 inhabitants")
        reason = not_claims.excluded(doc, n)
        ages = quantity.age(doc, n, reason)
        if ages is not None:
            found.append(ages)
            doc.floor = ages.end
            continue
        if reason is not None and reason != "year":
            continue
        if _crosses_paragraph(doc.text, n.start, n.end):
            continue  # "two\n\nmillion": two paragraphs, no one figure
        for kind in KINDS:
            fields = kind.match(doc, n)
            if fields is not None and _crosses_paragraph(doc.text, fields.start, fields.end):
                continue  # "5\n\npercent": the next kind may read the number on its own
            if fields is not None:
                # "2000 milligrams" is a quantity; a bare "2000" is the year 2000.
                if reason is None or fields.kind not in (Kind.COUNT, Kind.ORDINAL, Kind.RATE):
                    found.append(fields)
                    doc.floor = fields.end
                    if max_claims is not None and len(found) > max_claims:
                        raise TooManyClaims(f"the text holds more than {max_claims} figures")
                break
    return found


# Units that add up when written together ("7 feet 10 inches", "2 years, 3 months"): size in a
# base unit per dimension. Calendar units count in months, the convention of the peer corpora.
_COMPOUND = {
    "mile": ("L", 1609.344),
    "yard": ("L", 0.9144),
    "foot": ("L", 0.3048),
    "inch": ("L", 0.0254),
    "kilometer": ("L", 1000.0),
    "meter": ("L", 1.0),
    "centimeter": ("L", 0.01),
    "millimeter": ("L", 0.001),
    "metric_ton": ("M", 1000.0),
    "kilogram": ("M", 1.0),
    "gram": ("M", 0.001),
    "pound": ("M", 0.45359237),
    "ounce": ("M", 0.028349523125),
    "stone": ("M", 6.35029318),
    "week": ("T", 604800.0),
    "day": ("T", 86400.0),
    "hour": ("T", 3600.0),
    "minute": ("T", 60.0),
    "second": ("T", 1.0),
    "decade": ("C", 120.0),
    "year": ("C", 12.0),
    "month": ("C", 1.0),
}
_COMPOUND_JOIN = regex.compile(r"[ \u00a0]*,?[ \u00a0]*(?:and[ \u00a0]+)?\Z", regex.IGNORECASE)
_NOTHING_AFTER = regex.compile(r"[ \u00a0]*(?:[.,;!?)]|\Z)")


def _add(a: Fields, b: Fields, value: float, unit: str | None) -> Fields:
    return Fields(
        a.kind,
        a.start,
        b.end,
        value,
        unit,
        a.rule + "+compound",
        num_start=a.num_start,
        num_end=b.num_end,
        decimals=max(a.decimals, b.decimals),
        extra={"compound": True},
    )


def _compound(doc: Doc, a: Fields, b: Fields) -> Fields | None:
    """ "7 feet 10 inches" -> 94 inch; "3 dollars 50 cents" -> 3.5 USD; else None."""
    text = doc.text
    if a.value is None or b.value is None or not _COMPOUND_JOIN.match(text, a.end, b.start):
        return None
    if a.kind is Kind.MONEY and not a.extra.get("minor"):
        if b.kind is Kind.MONEY and b.extra.get("minor"):  # "3 CAD 3 cents": cents of the CAD
            return _add(a, b, a.value + b.value, a.unit)
        if (
            b.bare
            and b.value < 100
            and b.value == int(b.value)
            and _NOTHING_AFTER.match(text, b.end, b.end + 64)
        ):
            return _add(a, b, a.value + b.value / 100, a.unit)
        return None
    if a.kind is b.kind and a.kind in (Kind.QUANTITY, Kind.DURATION) and a.unit in _COMPOUND:
        if b.unit not in _COMPOUND:
            return None
        (dim_a, size_a), (dim_b, size_b) = _COMPOUND[a.unit], _COMPOUND[b.unit]
        if dim_a == dim_b and size_a > size_b:
            return _add(a, b, a.value * size_a / size_b + b.value, b.unit)
    return None


def _join_compounds(doc: Doc, found: list[Fields]) -> list[Fields]:
    out: list[Fields] = []
    for f in found:
        if out and f.start - out[-1].end <= 8:
            joined = _compound(doc, out[-1], f)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(f)
    return out


def _joinable(a: Fields, b: Fields) -> bool:
    if a.kind is b.kind and a.unit == b.unit:
        return True
    if b.bare and a.kind is Kind.MONEY:
        return True  # "$3.5-3.7 billion": the currency is written once, at the low end
    return a.bare and b.kind is not Kind.ORDINAL and not b.vague


def _low_end(text: str, a: Fields, b: Fields) -> float:
    """The low end of a range: "between $1.2 and $1.4 billion" is 1.2 billion when the high
    end's scale word fits the low end (not in "between 900 and 1.2 million")."""
    assert a.value is not None and b.value is not None
    if scale_of(text, a.num_start, a.num_end) is not None:
        return a.value
    factor = scale_of(text, b.num_start, b.num_end)
    if factor is None or a.value * factor > b.value:
        return a.value
    return a.value * factor


def _join_ranges(doc: Doc, found: list[Fields]) -> list[Fields]:
    """ "70-85 percent", "between 6,000 and 11,000 soles" -> one claim; "rose from 8.1 to 10.3" -> two."""
    text = doc.text
    out: list[Fields] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if (
            b is not None
            and b.bare
            and not a.bare
            and a.value is not None
            and _FROM_AFTER.fullmatch(text, a.end, b.start)
            and _TO_BEFORE.search(text, max(0, a.start - 8), a.start)
        ):
            # "to 23 days from 35", "rose to 12 percent from 9": the earlier level shares the unit.
            b.kind, b.unit, b.bare, b.rule = a.kind, a.unit, False, a.rule
            b.extra["change_from"] = True
        if (
            b is not None
            and b.bare
            and not a.bare
            and a.kind in _PARALLEL_KINDS
            and b.start - a.end <= 5
            and _TO_BETWEEN.fullmatch(text, a.end, b.start)
            and _FROM_BEFORE.search(text, max(0, a.start - 6), a.start)
            and _stands_alone(text, b.end)
        ):
            _take_unit(b, a)  # "from 30 km to 26": the unit is written once
        # "fell 1m barrels to 294.3m": a level without its unit may follow a change, joinable or not.
        joinable = b is not None and (_joinable(a, b) or (b.bare and not a.bare))
        if b is not None and b.start - a.end <= 12 and not a.vague and joinable:
            join = _RANGE_JOIN.match(text, a.end, b.start)
            word = lower(join.group().strip()) if join else ""
            # "between 6,000 and 11,000": only "and" needs the word before the range.
            between = _BETWEEN.search(text, max(0, a.start - 10), a.start) if word == "and" else None
            if join and (word not in ("and", "or") or between):
                level = b.bare and not a.bare and a.kind in _LEVEL_KINDS and _stands_alone(text, b.end)
                if word == "to" and (
                    _CHANGE_FROM.search(text, max(0, a.start - 60), a.start)
                    or (
                        not a.bare
                        and (not b.bare or level)
                        and _CHANGE_BY.search(text, max(0, a.start - 60), a.start)
                    )
                    # "raised its estimate by 80,000 barrels a day to 84 million barrels a day"
                    or (not a.bare and not b.bare and _BY_BEFORE.search(text, max(0, a.start - 8), a.start))
                ):
                    # Two figures of one change: the one without a unit takes the other's kind and unit
                    # ("from 38m to 77m euros", "cut from 12 weeks to eight", "fell 1m barrels to 294m").
                    if a.bare:
                        a.kind, a.unit, a.bare, a.rule = b.kind, b.unit, False, b.rule
                    elif b.bare and (level or _CHANGE_FROM.search(text, max(0, a.start - 60), a.start)):
                        if _stands_alone(text, b.end):
                            _take_unit(b, a)
                    a.extra["change_to"] = True
                    out.append(a)
                    i += 1
                    continue
                if not _joinable(a, b):
                    out.append(a)
                    i += 1
                    continue
                if a.value is not None and b.value is not None and a.value < b.value:
                    start = between.start() if between else a.start
                    named = a if b.bare and not a.bare else b  # the end that says what is measured
                    out.append(
                        Fields(
                            named.kind,
                            start,
                            b.end,
                            None,
                            named.unit,
                            named.rule + "+range",
                            low=_low_end(text, a, b),
                            high=b.value,
                            what=b.what,
                            num_start=a.num_start,
                            num_end=b.num_end,
                            decimals=max(a.decimals, b.decimals),
                            extra={
                                "range": True,
                                **{k: v for k, v in b.extra.items() if k == "per"},
                                **({"age": True} if named.extra.get("age") else {}),
                            },
                        )
                    )
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


# "77m euros (£53m; $100m), up from 38m": the earlier level of a figure, written without its unit.
_PARALLEL_BEFORE = regex.compile(
    r"(?:\b(?:up|down|rising|falling|compared)[ \u00a0]+(?:from|with|to)|\b(?:against|versus|vs\.?))"
    r"[ \u00a0]+\Z",
    regex.IGNORECASE,
)
_PARALLEL_KINDS = (*_LEVEL_KINDS, Kind.PERCENT)


def _carry_units(doc: Doc, found: list[Fields]) -> list[Fields]:
    """A bare figure after "up from", "compared with", "against" takes the kind and unit of the
    figure it is compared with: the nearest one before it in the sentence that names a unit, not
    counting conversions in brackets ("77m euros (£53m; $100m), up from 38m" is 38m euros)."""
    text = doc.text
    for i, f in enumerate(found):
        if not f.bare or f.value is None or not _PARALLEL_BEFORE.search(text, max(0, f.start - 16), f.start):
            continue
        if not _stands_alone(text, f.end):
            continue
        s, _ = doc.sentence(f.start, f.end)
        for g in reversed(found[max(0, i - 8) : i]):
            if g.start < s or g.bare:
                break
            if text.count("(", s, g.start) > text.count(")", s, g.start):
                continue  # a conversion in brackets
            if g.kind in _PARALLEL_KINDS and g.unit is not None:
                _take_unit(f, g)
            break
    return found


def _claim(doc: Doc, f: Fields, prev_end: int) -> Claim:
    text = doc.text
    start, end = f.start, f.end
    qualifier = f.qualifier
    new_start, q = qualifiers.before(text, start, f.kind) if not f.extra.get("lead") else (start, None)
    if q is not None and new_start >= prev_end and not _crosses_paragraph(text, new_start, start):
        # A rule's own qualifier ("the majority" is more_than) wins over the words before it.
        qualifier = qualifier or q
        start = new_start
    if q is None and qualifier is None and not f.extra.get("lead"):
        qualifier = qualifiers.governing(text, start, end, prev_end)
    new_end, q_after = qualifiers.after(text, end)
    if (
        q_after is not None
        and qualifier in (None, Qualifier.EXACT)
        and not _crosses_paragraph(text, end, new_end)
    ):
        qualifier, end = q_after, new_end
    sentence = doc.sentence(start, end)
    what = f.what or describe.what(text, start, f.end, sentence)
    return Claim(
        start=start,
        end=end,
        text=text[start:end],
        kind=f.kind,
        value=f.value,
        low=f.low,
        high=f.high,
        unit=f.unit,
        qualifier=qualifier or Qualifier.EXACT,
        what=what,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        vague=f.vague,
        rule=f.rule,
        attrs={"decimals": f.decimals, **f.extra},
    )


_CONVERSION_GAP = regex.compile(
    r"[ \u00a0]*[(\[][ \u00a0]*(?:or|about|approximately|roughly|some)?[ \u00a0]*"
)


def run(text: str, max_claims: int | None = None) -> list[Claim]:
    """Claims in ``text`` in document order, without overlaps (no normalization).

    Raises TooManyClaims as soon as more than ``max_claims`` figures are found (a guard for
    services: a megabyte of digits holds hundreds of thousands)."""
    doc = Doc(text)
    claims: list[Claim] = []
    prev_end = 0
    for f in _carry_units(doc, _join_ranges(doc, _join_compounds(doc, _classify(doc, max_claims)))):
        claim = _claim(doc, f, prev_end)
        if claims and claim.start < claims[-1].end:
            # Overlap (a qualifier or range reaching into the previous figure): keep the longer.
            if claim.end - claim.start <= claims[-1].end - claims[-1].start:
                continue
            claims.pop()
        if not claim.what and claims and _CONVERSION_GAP.fullmatch(text, claims[-1].end, claim.start):
            # "12.97 billion soles ($3.422 billion)": the conversion measures what the amount does.
            claim = claim.replace(what=claims[-1].what)
        claims.append(claim)
        prev_end = claim.end
    if claims and doc.fuse([(c.start, c.end) for c in claims]):
        # A boundary inside a claim is no boundary: every claim of the sentence gets its bounds.
        for i, c in enumerate(claims):
            s, e = doc.sentence(c.start, c.end)
            if (s, e) != (c.sentence_start, c.sentence_end):
                claims[i] = c.replace(sentence_start=s, sentence_end=e)
    return claims
