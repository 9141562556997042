"""parts_exceed_total: the parts of a total must not add up to more than it (``part_of`` relations).

The relation layer finds the totals and their parts ("totaling $57.6 million", "150 houses in all",
"40 nurses, including 25", "four out of five", "part of a $27bn bill", "Of the 40 people
arrested, 25 ...", "This will include ...", "The bulk of the money ... a further ..."). Money is
compared in one currency, through the bracketed conversions when the figures are written in
different ones. Where the text says the parts make the total up ("in all", "totaling", "a total
of") their sum must also reach it, within the precision of every figure.
"""

from __future__ import annotations

from collections import defaultdict

from claims_api.consistency.base import Interval, finding, fmt, interval
from claims_api.consistency.memo import per_article
from claims_api.consistency.relational import RelationRule
from claims_api.model import Article, Claim, Finding, Kind, Severity
from claims_api.relations import Relation, RelationKind, Role, relate
from claims_api.relations.model import RATIO

NAME = "parts_exceed_total"

#: Relative slack beyond the figures' precision when parts must sum to their total.
SLACK = 0.01


class PartsExceedTotal(RelationRule):
    name = NAME
    kind = RelationKind.PART_OF

    def applies(self, rel: Relation) -> bool:
        # a total and its parts, or one ratio claim holding both; shares of one whole: shares_sum
        return any(m.role is Role.TOTAL for m in rel.members) or rel.how == RATIO

    def judge(self, key: str, article: Article, rel: Relation) -> Finding | None:
        return judge(key, article, rel)


@per_article
def _conversions_of(article: Article) -> dict[int, list[int]]:
    """claim index -> the indexes of its conversions (both ways), from the relations."""
    out: dict[int, list[int]] = defaultdict(list)
    for rel in relate(article).relations:
        if rel.kind is RelationKind.CONVERSION:
            a, b = (m.index for m in rel.members)
            out[a].append(b)
            out[b].append(a)
    return out


def _in_currency(article: Article, index: int, currency: str | None) -> Claim | None:
    """The claim itself, or its bracketed conversion into ``currency``."""
    claim = article.claims[index]
    if currency is None or claim.unit == currency:
        return claim
    for j in _conversions_of(article).get(index, ()):
        if article.claims[j].unit == currency:
            return article.claims[j]
    return None


def _ratio(key: str, article: Article, rel: Relation) -> Finding:
    """ "four out of five": the part is at most its whole."""
    (member,) = rel.members
    claim = article.claims[member.index]
    part, whole = float(rel.attrs["part"]), float(rel.attrs["whole"])
    bad = part > whole
    verdict = "exceeds" if bad else "does not exceed"
    explanation = f"'{claim.text}': the part {fmt(part)} {verdict} its whole {fmt(whole)} [{rel.how}]."
    numbers = {"total": whole, "parts": [part], "sum": part, "unit": None}
    return finding(NAME, key, bad, Severity.MEDIUM, [(article, claim)], numbers, explanation)


def judge(key: str, article: Article, rel: Relation) -> Finding | None:
    if rel.how == RATIO:
        return _ratio(key, article, rel)
    total_i = next(m.index for m in rel.members if m.role is Role.TOTAL)
    part_is = [m.index for m in rel.members if m.role is Role.PART]
    head = article.claims[total_i]
    currency = None
    if head.kind is Kind.MONEY:
        options = [head.unit] + [article.claims[j].unit for j in _conversions_of(article).get(total_i, ())]
        currency = next(
            (cur for cur in options if all(_in_currency(article, i, cur) is not None for i in part_is)), None
        )
        if currency is None:
            return None
    total = _in_currency(article, total_i, currency)
    parts = [_in_currency(article, i, currency) for i in part_is]
    if total is None or any(p is None for p in parts):
        return None
    tiv = interval(total)
    pivs = [interval(p) for p in parts if p is not None]
    if tiv is None or any(iv is None for iv in pivs):
        return None
    lo = sum(iv.lo for iv in pivs if iv is not None)
    hi = sum(iv.hi for iv in pivs if iv is not None)
    summed = Interval(lo, hi)
    exceeds = summed.lo > tiv.hi
    sums = bool(rel.attrs.get("sums"))
    short = sums and not summed.overlaps(tiv, SLACK)
    bad = exceeds or short
    terms = " + ".join(fmt(interval(p).mid) for p in parts if p is not None and interval(p) is not None)
    total_mid = tiv.mid
    if exceeds:
        verdict = f"exceeds the total {fmt(total_mid)} ('{total.text}') even at the lowest rounding"
    elif short:
        verdict = f"falls short of the total {fmt(total_mid)} ('{total.text}') the text says they make up"
    else:
        rel_word = "makes up" if sums else "does not exceed"
        verdict = f"{rel_word} the total {fmt(total_mid)} ('{total.text}')"
    sum_mid = summed.mid
    explanation = f"{terms} = {fmt(sum_mid)}, which {verdict} [{rel.how}]."
    numbers = {
        "total": total_mid,
        "parts": [interval(p).mid for p in parts if p is not None and interval(p) is not None],
        "sum": sum_mid,
        "unit": currency or total.unit,
    }
    cited = [(article, article.claims[total_i]), *((article, article.claims[i]) for i in part_is)]
    if total is not article.claims[total_i]:
        cited.append((article, total))
    return finding(NAME, key, bad, Severity.MEDIUM, cited, numbers, explanation)
