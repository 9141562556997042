"""Scan an article once for numbers, let the kind rules claim each, then join ranges and resolve.

The steps, each a function below: numbers (``numbers.scan``) -> not claims dropped
(``not_claims.excluded``) -> first kind that matches (``kinds.KINDS``) -> ranges and "from A to B"
pairs joined -> qualifiers and ``what`` read from the context -> Claims, without overlaps.
"""

from __future__ import annotations

import regex

from claims_api.extract import describe, not_claims, qualifiers
from claims_api.extract.context import Doc
from claims_api.extract.kinds import KINDS
from claims_api.extract.numbers import scan
from claims_api.extract.rule import Fields
from claims_api.model import Claim, Kind, Qualifier

_RANGE_JOIN = regex.compile(r"[ \u00a0]*(?:[-\u2010\u2013\u2014]|to|and|or)[ \u00a0]*\Z", regex.IGNORECASE)
_BETWEEN = regex.compile(r"\b(?:between|from)[ \u00a0]+\Z", regex.IGNORECASE)
_CHANGE_FROM = regex.compile(
    r"\b(?:rose|rise|rises|rising|risen|increased?|increases|increasing|grew|grow|grows|growing|grown|"
    r"climbed?|climbs|jumped?|jumps|soared?|surged?|fell|fall|falls|falling|fallen|dropped?|drops|"
    r"declined?|declines|decreased?|decreases|slipped?|slid|plunged?|plummeted|shrank|shrunk|went|gone|"
    r"up|down|raised?|cut|lowered?|reduced?|expanded?|changed?|moved?|doubled|tripled|halved|"
    r"improved?|worsened|widened|narrowed)"
    r"(?:[ \u00a0]+[\p{L}]+){0,3}?[ \u00a0]+from[ \u00a0]+\Z",
    regex.IGNORECASE,
)


def _classify(doc: Doc) -> list[Fields]:
    found: list[Fields] = []
    for n in scan(doc.text):
        if not_claims.excluded(doc, n):
            continue
        for kind in KINDS:
            fields = kind.match(doc, n)
            if fields is not None:
                found.append(fields)
                break
    return found


def _joinable(a: Fields, b: Fields) -> bool:
    if a.kind is b.kind and a.unit == b.unit:
        return True
    return a.bare and b.kind is not Kind.ORDINAL and not b.vague


def _join_ranges(doc: Doc, found: list[Fields]) -> list[Fields]:
    """"70-85 percent", "between 6,000 and 11,000 soles" -> one claim; "rose from 8.1 to 10.3" -> two."""
    text = doc.text
    out: list[Fields] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and b.start - a.end <= 12 and not a.vague and _joinable(a, b):
            join = _RANGE_JOIN.search(text, a.end, b.start)
            word = join.group().strip().lower() if join else ""
            between = _BETWEEN.search(text, max(0, a.start - 10), a.start)
            if join and join.start() == a.end and (word not in ("and", "or") or (between and word == "and")):
                if word == "to" and _CHANGE_FROM.search(text, max(0, a.start - 60), a.start):
                    # Two figures of one change: the first takes the second's kind and unit.
                    if a.bare:
                        a.kind, a.unit, a.bare, a.rule = b.kind, b.unit, False, b.rule
                    a.extra["change_to"] = True
                    out.append(a)
                    i += 1
                    continue
                if a.value is not None and b.value is not None and a.value < b.value:
                    start = between.start() if between and word == "and" else a.start
                    out.append(
                        Fields(b.kind, start, b.end, None, b.unit, b.rule + "+range", low=a.value,
                               high=b.value, what=b.what, num_start=a.num_start, num_end=b.num_end,
                               decimals=max(a.decimals, b.decimals), extra={"range": True})
                    )
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _claim(doc: Doc, f: Fields, prev_end: int) -> Claim:
    text = doc.text
    start, end = f.start, f.end
    qualifier = f.qualifier
    new_start, q = qualifiers.before(text, start)
    if new_start >= prev_end and (q is not None):
        if qualifier is None or q is not Qualifier.EXACT:
            qualifier = q if qualifier is None else qualifier
        start = new_start
    new_end, q_after = qualifiers.after(text, end)
    if q_after is not None and qualifier in (None, Qualifier.EXACT):
        qualifier, end = q_after, new_end
    sentence = doc.sentence(start, end)
    what = f.what or describe.what(text, start, f.end, sentence)
    low, high, value = f.low, f.high, f.value
    return Claim(
        start=start,
        end=end,
        text=text[start:end],
        kind=f.kind,
        value=value,
        low=low,
        high=high,
        unit=f.unit,
        qualifier=qualifier or Qualifier.EXACT,
        what=what,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        vague=f.vague,
        rule=f.rule,
        attrs={"decimals": f.decimals, **f.extra},
    )


def run(text: str) -> list[Claim]:
    """Claims in ``text`` in document order, without overlaps (no normalization)."""
    doc = Doc(text)
    claims: list[Claim] = []
    prev_end = 0
    for f in _join_ranges(doc, _classify(doc)):
        claim = _claim(doc, f, prev_end)
        if claims and claim.start < claims[-1].end:
            # Overlap (a qualifier or range reaching into the previous figure): keep the longer.
            if claim.end - claim.start <= claims[-1].end - claims[-1].start:
                continue
            claims.pop()
        claims.append(claim)
        prev_end = claim.end
    return claims
