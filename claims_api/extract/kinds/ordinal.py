"""Ordinals that count: "eighth president in 10 years", "third impeachment attempt" (optional).

Ordinals that only sequence events ("first round", "second place") are not claims; first and
second almost always sequence, so only third and above are read, and never in a name
("Fourth International").
"""

from __future__ import annotations

import regex

from claims_api.extract.context import Doc
from claims_api.extract.fragments import alternation, lower
from claims_api.extract.numbers import ORDINALS, Num
from claims_api.extract.rule import Fields, Rule
from claims_api.lexicons import load
from claims_api.model import Kind

_SEQ = alternation(load("not_claims")["ordinal_sequence_nouns"])
RULES = (
    Rule(
        "ordinal.counting",
        "<ordinal> <noun> (not a sequence noun)",
        "right",
        regex.compile(
            rf"[ \u00a0]+(?!(?:{_SEQ}|of|and|or|to|in|on|at|time)\b)[\p{{L}}][\p{{L}}\-]*", regex.I
        ),
    ),
)


def match(doc: Doc, n: Num) -> Fields | None:
    text = doc.text
    if n.form == "frac":
        n = _article_ordinal(text, n)  # "a third impeachment attempt": not a share (kinds/percent.py)
    if n.form != "ord" or n.value < 3:
        return None
    m = RULES[0].right(text, n.end, 40)
    if m is None:
        return None
    word = m.group().strip()
    if text[n.start].isupper() and word[:1].isupper() and n.start > 0 and text[n.start - 1] not in "\n":
        return None
    return Fields(Kind.ORDINAL, n.start, n.end, n.value, None, RULES[0].id, vague=True)


def _article_ordinal(text: str, n: Num) -> Num:
    """ "a third" read as a fraction is the ordinal "third" when no share rule took it."""
    article, _, word = lower(text[n.start : n.end]).partition(" ")
    if article not in ("a", "an") or word not in ORDINALS:
        return n
    start = n.end - len(word)
    return Num(start, n.end, float(ORDINALS[word]), "ord")
