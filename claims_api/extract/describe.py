"""A short description of what a figure measures, from the words around it (the ``what`` field)."""

from __future__ import annotations

import regex

_STOP = (
    r"and|or|but|that|which|who|whom|whose|was|were|is|are|be|been|being|has|have|had|will|would|"
    r"could|should|may|might|must|can|did|do|does|than|as|while|when|where|after|before|since|"
    r"because|if|though|although|so|yet|he|she|it|they|we|you|i|this|these|those|its|their|his|her|"
    r"there|here|now|then|also|still|already|ago|according"
)
_PREP = r"of|in|for|from|at|on|to|against|across|per|by|with|over|under|during|into|onto|toward|towards"
_NP_AFTER = regex.compile(
    rf"""[ \u00a0]+(?P<np>(?!(?:{_STOP}|{_PREP})\b)[\p{{L}}][\p{{L}}\p{{M}}'’\-]*
        (?:[ \u00a0]+(?!(?:{_STOP})\b)[\p{{L}}][\p{{L}}\p{{M}}'’\-]*){{0,3}})""",
    regex.VERBOSE | regex.IGNORECASE,
)
_PP = regex.compile(
    rf"""(?P<pp>[ \u00a0]+(?:of|in|for|from|at|on|to|against|across|per)
        (?:[ \u00a0]+(?!(?:{_STOP})\b)[\p{{L}}\p{{N}}][\p{{L}}\p{{M}}\p{{N}}'’\-]*){{1,4}})""",
    regex.VERBOSE | regex.IGNORECASE,
)
_WORDS_BEFORE = regex.compile(
    r"(?:(?<![\p{L}\p{M}\p{N}'’\-])[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]{0,30}[ \u00a0,]+){1,6}\Z", regex.REVERSE
)


def after(text: str, end: int, limit: int) -> str:
    """The noun phrase after ``end`` (and one prepositional phrase), or "" when none."""
    m = _NP_AFTER.match(text, end, min(limit, end + 60))
    if not m:
        pp = _PP.match(text, end, min(limit, end + 60))
        return pp.group("pp").strip() if pp else ""
    phrase = m.group("np")
    pp = _PP.match(text, m.end(), min(limit, m.end() + 60))
    if pp:
        phrase += pp.group("pp")
    return " ".join(phrase.split())


def before(text: str, start: int, floor: int) -> str:
    m = _WORDS_BEFORE.search(text, max(floor, start - 80), start)
    return " ".join(m.group().replace(",", " ").split()) if m else ""


def what(text: str, start: int, end: int, sentence: tuple[int, int]) -> str:
    """What the figure at ``[start, end)`` measures: the phrase after it, else the words before."""
    phrase = after(text, end, sentence[1])
    return phrase or before(text, start, sentence[0])
