"""shares_sum: percentages that split one whole reach 100; shares of one whole never exceed it.

Arithmetic over the share relations of the relation layer (``part_of`` relations whose members
are ``Role.SHARE``; ``relations.shares`` reads which percentages are shares, of which whole or
poll question, and whether the sentence says they divide the whole). Their sum must not exceed
100; it must also reach 100 when the relation says the shares ``split`` the whole ("split
between", "the remaining 30%", owners "respectively").
"""

from __future__ import annotations

from claims_api.consistency.base import Interval, finding, fmt, interval
from claims_api.consistency.relational import RelationRule
from claims_api.model import Article, Finding, Severity
from claims_api.relations import Relation, RelationKind, Role

NAME = "shares_sum"

#: Percentage points of slack on the sum beyond the figures' precision.
SLACK = 0.5


def is_shares(rel: Relation) -> bool:
    return rel.kind is RelationKind.PART_OF and all(m.role is Role.SHARE for m in rel.members)


class SharesSum(RelationRule):
    name = NAME
    kind = RelationKind.PART_OF

    def applies(self, rel: Relation) -> bool:
        return is_shares(rel)

    def judge(self, key: str, article: Article, rel: Relation) -> Finding | None:
        return judge(key, article, rel)


def judge(key: str, article: Article, rel: Relation) -> Finding | None:
    shares = [article.claims[m.index] for m in rel.members]
    ivs = [interval(c) for c in shares]
    if any(iv is None for iv in ivs):
        return None
    total = Interval(sum(i.lo for i in ivs if i), sum(i.hi for i in ivs if i))
    figures = " + ".join(fmt(c.value) if c.value is not None else c.text for c in shares)
    whole, question = rel.attrs.get("whole"), rel.attrs.get("question")
    of = f" of {whole}" if whole else (f" answering '{question}'" if question else "")
    split, cue = bool(rel.attrs.get("split")), bool(rel.attrs.get("cue"))
    numbers: dict[str, object] = {
        "sum_low": total.lo,
        "sum_high": total.hi,
        "whole": whole,
        "question": question,
        "split": split,
    }
    if total.lo > 100 + SLACK:
        text = f"Shares{of} {figures} add up to at least {fmt(total.lo)}%, more than the whole (100%)."
        bad = True
    elif split and total.hi < 100 - SLACK:
        text = f"The sentence splits one whole{of}, but {figures} = {fmt(total.hi)}% at most, short of 100%."
        bad = True
    elif total.hi >= 100 - SLACK and cue:
        text = f"Shares{of} {figures} = {total.show()}%, which allows 100%: they split the whole."
        bad = False
    else:
        text = f"Shares{of} {figures} = {total.show()}%: at least {fmt(total.lo)}%, within 100%."
        bad = False
    return finding(NAME, key, bad, Severity.MEDIUM, [(article, c) for c in shares], numbers, text)
