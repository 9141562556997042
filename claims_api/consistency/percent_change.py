"""percent_change: a change stated as a percent or an amount, against its two levels.

Reads the ``change`` relations of the relation layer that hold a change figure (role
``change_percent`` or ``change_amount``) and both levels: "jumped 76% to $1.13bn ... from $639m",
"a 40% drop in profits" with "£75m compared with £125m" in the next sentence, "24.4% above ...
$496.5bn" with the level in the sentence before. The new level must equal old x (1 +/- P/100), or
old +/- the amount, within the precision of all three figures; the sign follows the direction word.
"""

from __future__ import annotations

from claims_api.consistency.base import Interval, finding, fmt, interval
from claims_api.consistency.relational import RelationRule, claims_of, member
from claims_api.model import Article, Finding, Severity
from claims_api.relations import Direction, Relation, RelationKind, Role

NAME = "percent_change"

#: Relative slack beyond the three figures' precision.
SLACK = 0.005


def _relative(new: Interval, old: Interval) -> Interval | None:
    if old.lo <= 0:
        return None
    ratio = new.divided_by(old)
    return Interval((ratio.lo - 1) * 100, (ratio.hi - 1) * 100)


class PercentChange(RelationRule):
    name = NAME
    kind = RelationKind.CHANGE

    def applies(self, rel: Relation) -> bool:
        return _figure(rel)

    def judge(self, key: str, article: Article, rel: Relation) -> Finding | None:
        return judge(key, article, rel)


def _figure(rel) -> bool:
    return any(m.role in (Role.CHANGE_PERCENT, Role.CHANGE_AMOUNT) for m in rel.members)


def judge(key: str, article: Article, rel) -> Finding | None:
    change = member(article, rel, Role.CHANGE_PERCENT, Role.CHANGE_AMOUNT)
    new, old = member(article, rel, Role.LEVEL), member(article, rel, Role.FORMER_LEVEL)
    if change is None or new is None or old is None:
        return None
    civ, niv, oiv = interval(change), interval(new), interval(old)
    if civ is None or niv is None or oiv is None:
        return None
    sign = -1.0 if rel.direction is Direction.DOWN else 1.0
    word = rel.attrs.get("word") or ("above" if sign > 0 else "below")
    stated = civ.scale(sign)
    percent = any(m.role is Role.CHANGE_PERCENT for m in rel.members)
    if percent:
        implied = _relative(niv, oiv)
        if implied is None:
            return None
        mid = (new.value or niv.mid) / (old.value or oiv.mid) * 100 - 100 if oiv.mid else 0.0
        shown = (
            f"{fmt(oiv.mid)} to {fmt(niv.mid)} is {mid:+.1f}% ({implied.lo:+.1f}% to {implied.hi:+.1f}% "
            f"within the rounding of the two levels)"
        )
        stated_txt = f"stated {sign * (change.value if change.value is not None else civ.mid):+g}% ('{word}')"
        unit = "%"
    else:
        implied = Interval(niv.lo - oiv.hi, niv.hi - oiv.lo)
        mid = niv.mid - oiv.mid
        shown = f"{fmt(niv.mid)} - {fmt(oiv.mid)} = {fmt(mid)}"
        stated_txt = f"stated {'+' if sign > 0 else '-'}{fmt(civ.mid)} ('{word}')"
        unit = "amount"
    ok = implied.overlaps(stated, SLACK)
    explanation = f"{shown}; {stated_txt}: {'consistent' if ok else 'inconsistent'}"
    if not ok and percent:
        explanation += f" (the levels imply {mid:+.1f}%)"
    explanation += f" [{rel.how}]."
    numbers = {
        "old": old.value if old.value is not None else oiv.mid,
        "new": new.value if new.value is not None else niv.mid,
        "stated": sign * civ.mid,
        "implied": round(mid, 4),
        "implied_low": round(implied.lo, 4),
        "implied_high": round(implied.hi, 4),
        "unit": unit,
    }
    return finding(NAME, key, not ok, Severity.MEDIUM, claims_of(article, rel), numbers, explanation)
