"""Reading shares for ``part_of`` relations whose members are shares of one whole (GUIDELINE v2).

A share is a percentage of one sentence that is not a change: not led by a change verb or a
multiplier ("up 5%", "doubled"), not the level of a "from ... to" ("rose from 8 to 9%"), not
followed by a change noun ("a 5% rise"), not a rate ("2% a year"), and no member of a ``change``
relation as its change or former level. What it is a share of is read right after it:

- a whole: "30% of the vote", "36 percent of Peruvian foreign trade";
- a question, when a poll answer follows it: "41% disapprove of the president", "60% back the
  plan" (the answer's object; "against it" refers back).

Shares with nothing after them take the whole of their neighbour in the same clause ("44% and
47% of the vote": the next one; "36 percent of trade, and the US 14 percent": the previous one).
Shares of one clause (cut at ";", ":" and dashes) and one whole or question form one relation, so
the shares of two questions or two wholes are never summed together. A group with no named whole
needs a word saying the figures are parts of one whole (``split_cues``: "financed", "owned",
"the rest") or at least two poll answers.

``attrs``: ``whole`` (or ``question``), ``answers`` (how many shares are poll answers), ``cue``
(a split cue in the sentence) and ``split``: the sentence says the shares divide the whole, so
they must reach 100 (a split verb, "the remaining 30%", "respectively" after owners), never in a
poll, for answers, or where a part is left out ("the rest undecided").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from claims_api import lexicons
from claims_api.consistency.base import DAYS, interval, numeric, points
from claims_api.consistency.context import before, words_of
from claims_api.model import Article, Claim, Kind
from claims_api.relations.model import Member, Relation, RelationKind, Role

#: How much text after a share its whole or question is read from.
READ_AFTER = 120
#: How many words name a whole or a question.
NAME_WORDS = 4
_TOKEN = re.compile(r"[^\W_][\w'\u2019-]*|[^\w\s]")
#: Punctuation that starts another clause, so another group of shares.
_CLAUSE_MARKS = frozenset(";:\u2014\u2013-")
_NOT_SHARE_ROLES = (Role.CHANGE_PERCENT, Role.CHANGE_AMOUNT, Role.FORMER_LEVEL)


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _period_word(word: str) -> bool:
    return word in DAYS or (word.endswith("s") and word[:-1] in DAYS)


def is_share(article: Article, claim: Claim) -> bool:
    """A percentage between 0 and 100 that is not a change, a level of a change or a rate."""
    if claim.kind is not Kind.PERCENT or not numeric(claim) or points(claim):
        return False
    lead = words_of(before(article, claim, 40))[-3:]
    if lead and lead[-1] in lexicons.word_set("not_share_before"):
        return False  # "rose from 8.1 to", "up by 5 percent", "fell to 3 percent"
    changes, multipliers = lexicons.word_set("shares_change_verbs"), lexicons.word_set("shares_multipliers")
    if lead[-1:] == ["up"] and len(lead) > 1 and lead[-2] in lexicons.word_set("share_up_verbs"):
        lead = lead[:-1]  # "women made up 44%": a share, not a change
    if any(w in changes or w in multipliers for w in lead):
        return False
    follow = words_of(article.text[claim.end : min(claim.sentence_end, claim.end + 60)])[:2]
    if follow and follow[0] in lexicons.word_set("not_share_after"):
        return False  # "a 5% rise", "20% higher"
    if len(follow) == 2 and follow[0] in lexicons.word_set("per_words") and _period_word(follow[1]):
        return False  # "2% a year": a rate
    iv = interval(claim)
    return iv is not None and 0 <= iv.lo <= 100


@dataclass(slots=True)
class _Share:
    index: int
    clause: int
    name: str | None = None  # the whole or the question it names
    question: bool = False  # the name is what a poll answer answers
    answer: bool = False  # a poll answer follows the share
    refers: bool = False  # its answer's object refers back ("against it")


def _name(toks: list[str], p: int) -> str | None:
    """Up to NAME_WORDS words from ``toks[p]`` (a determiner skipped), cut at a stop word or a mark."""
    if p < len(toks) and toks[p] in lexicons.word_set("whole_determiners"):
        p += 1
    words: list[str] = []
    stops = lexicons.word_set("share_stops")
    for t in toks[p : p + NAME_WORDS]:
        if not t[0].isalnum() or t in stops:
            break
        words.append(t)
    return " ".join(words) or None


def _read(article: Article, claim: Claim, index: int, clause: int) -> _Share:
    share = _Share(index, clause)
    toks = _tokens(article.text[claim.end : min(claim.sentence_end, claim.end + READ_AFTER)])
    if not toks:
        return share
    if toks[0] == "of":
        share.name = _name(toks, 1)
    elif toks[0] in lexicons.word_set("poll_answers"):
        share.answer = True
        p = 1 + (len(toks) > 1 and toks[1] in lexicons.word_set("answer_prepositions"))
        if p < len(toks) and toks[p] in lexicons.word_set("references"):
            share.refers = True
        else:
            share.name = _name(toks, p)
            share.question = share.name is not None
    return share


def _clauses(article: Article, shares: list[int]) -> list[int]:
    """The clause of each share in its sentence: a ";", ":" or a dash between two starts another."""
    out, clause, prev = [], 0, None
    for i in shares:
        c = article.claims[i]
        if prev is not None and any(t in _CLAUSE_MARKS for t in _tokens(article.text[prev : c.start])):
            clause += 1
        out.append(clause)
        prev = c.end
    return out


def _resolve(shares: list[_Share]) -> list[str | None]:
    """Each share's whole or question; unnamed ones take their neighbour's in the same clause."""
    n = len(shares)
    before: list[str | None] = [None] * n
    after: list[str | None] = [None] * n
    last: tuple[int, str | None] = (-1, None)
    for k, s in enumerate(shares):
        if last[0] != s.clause:
            last = (s.clause, None)
        before[k] = last[1]
        if s.name:
            last = (s.clause, s.name)
    last = (-1, None)
    for k in range(n - 1, -1, -1):
        s = shares[k]
        if last[0] != s.clause:
            last = (s.clause, None)
        after[k] = last[1]
        if s.name:
            last = (s.clause, s.name)
    out: list[str | None] = []
    for k, s in enumerate(shares):
        if s.name:
            out.append(s.name)
        elif s.answer and not s.refers:  # "52% approve and 41% disapprove of X": the object comes later
            out.append(after[k] or before[k])
        else:
            out.append(before[k] or after[k])
    return out


def _splits_whole(article: Article, shares: list[int], words: set[str], answers: int) -> bool:
    """True when the sentence says its shares divide the whole between them, so they must reach 100."""
    if answers or lexicons.word_set("left_out_cues").intersection(words):
        return False  # a poll, answers (some are undecided), or a part left out ("the rest undecided")
    if lexicons.word_set("split_verbs").intersection(words):
        return True
    respectively = lexicons.word_set("respectively_words").intersection(words)
    if respectively and lexicons.word_set("ownership_cues").intersection(words):
        return True
    remainder = lexicons.word_set("remainder_words")
    for i in shares[1:]:  # "the remaining 30%", "while the other 40%": the last part of the whole
        lead = words_of(before(article, article.claims[i], 25))[-2:]
        if remainder.intersection(lead):
            return True
    return False


def _standings(article: Article, shares: list[int]) -> bool:
    """Each share is a party's or candidate's standing in a poll: "X on 43%", "Y at 33%"."""
    lead = lexicons.word_set("poll_standing_before")
    for i in shares:
        last = words_of(before(article, article.claims[i], 12))[-1:]
        if not last or last[0] not in lead:
            return False
    return True


def _sentence_groups(article: Article, shares: list[int]) -> Iterator[Relation]:
    first = article.claims[shares[0]]
    words = set(words_of(article.text[first.sentence_start : first.sentence_end]))
    cues = sorted(lexicons.word_set("split_cues").intersection(words))
    read = [
        _read(article, article.claims[i], i, k)
        for i, k in zip(shares, _clauses(article, shares), strict=True)
    ]
    names = _resolve(read)
    groups: dict[tuple[int, str | None], list[_Share]] = {}
    for s, name in zip(read, names, strict=True):
        groups.setdefault((s.clause, name), []).append(s)
    standing = None
    for (_, name), members in groups.items():
        answers = sum(s.answer for s in members)
        standings = False
        if name is None and not cues and answers < 2 and len(members) >= 2:
            if standing is None:
                standing = not lexicons.word_set("poll_cues").isdisjoint(words)
            # "the Conservatives on 43%, with Labour on 33%, ... according to a poll"
            standings = standing and _standings(article, [s.index for s in members])
            if standings:
                answers = len(members)
        if len(members) < 2 or (name is None and not cues and answers < 2):
            continue  # nothing says these percentages are parts of one whole
        question = any(s.question for s in members) and not any(s.name and not s.question for s in members)
        indexes = [s.index for s in members]
        claims = [article.claims[i] for i in indexes]
        if name is not None:
            how = f"shares:{'question' if question else 'of'}:{name}"
        elif standings:
            how = "shares:poll-standings"
        elif answers >= 2:
            how = "shares:poll-answers"
        else:
            how = f"shares:cue:{cues[0]}"
        yield Relation(
            RelationKind.PART_OF,
            tuple(Member(i, Role.SHARE) for i in indexes),
            (min(c.start for c in claims), max(c.end for c in claims)),
            how,
            subject=name,
            attrs={
                "shares": True,
                "whole": None if question else name,
                "question": name if question else None,
                "answers": answers,
                "cue": bool(cues),
                "split": _splits_whole(article, indexes, words, answers),
            },
        )


def share_groups(article: Article, relations: Iterable[Relation]) -> Iterator[Relation]:
    """The share relations of ``article`` (``relations``: those found so far, for the changes)."""
    if sum(c.kind is Kind.PERCENT for c in article.claims) < 2:
        return
    changed = {
        m.index
        for r in relations
        if r.kind is RelationKind.CHANGE
        for m in r.members
        if m.role in _NOT_SHARE_ROLES
    }
    by_sentence: dict[int, list[int]] = {}
    for i, c in enumerate(article.claims):
        if c.kind is Kind.PERCENT and i not in changed and is_share(article, c):
            by_sentence.setdefault(c.sentence_start, []).append(i)
    for start in sorted(by_sentence):
        if len(by_sentence[start]) >= 2:
            yield from _sentence_groups(article, by_sentence[start])
