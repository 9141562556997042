"""change_direction: a direction word, a comparative or a multiplier against two levels.

Reads the ``change`` relations without a change figure: "increased from £6 to £10" (10 > 6),
"trimmed from 155,000 to 110,000", "77m euros, up from 38m", "cut its stake in half to 10%" with
the 20% of the sentence before (10 = 20 x 0.5), and comparisons ("3.2%, slightly below the 4%",
"£160m will be way short of £250m", "rose even faster by 16.3%" than 12.3%). A rise needs the new
level above the old, a fall below it; a multiplier needs new / old to match it within the
precision of both figures.
"""

from __future__ import annotations

from claims_api.consistency.base import finding, fmt, interval
from claims_api.consistency.relational import RelationRule, claims_of, member
from claims_api.model import Article, Finding, Severity
from claims_api.relations import Direction, Relation, RelationKind, Role

NAME = "change_direction"

#: Relative slack for multipliers beyond the figures' precision (a written "doubled" is rounded).
SLACK = 0.05


def _plain(rel) -> bool:
    return not any(m.role in (Role.CHANGE_PERCENT, Role.CHANGE_AMOUNT) for m in rel.members)


class ChangeDirection(RelationRule):
    name = NAME
    kind = RelationKind.CHANGE

    def applies(self, rel: Relation) -> bool:
        return _plain(rel)

    def judge(self, key: str, article: Article, rel: Relation) -> Finding | None:
        return judge(key, article, rel)


def judge(key: str, article: Article, rel) -> Finding | None:
    new, old = member(article, rel, Role.LEVEL), member(article, rel, Role.FORMER_LEVEL)
    if new is None or old is None:
        return None
    niv, oiv = interval(new), interval(old)
    if niv is None or oiv is None:
        return None
    a, b = niv.mid, oiv.mid
    comparison = bool(rel.attrs.get("comparison"))
    word = rel.attrs.get("word") or rel.how
    multiple = rel.attrs.get("multiple")
    parts = []
    ok = True
    numbers: dict[str, object] = {"new": a, "old": b}
    if rel.direction is not None:
        up = rel.direction is Direction.UP
        holds = a > b if up else a < b
        rel_change = f", {(a - b) / b:+.0%}" if b else ""
        what = ("above" if up else "below") if comparison else ("a rise" if up else "a fall")
        sign = ">" if a > b else "<" if a < b else "="
        parts.append(
            f"{fmt(a)} {sign} {fmt(b)} ({fmt(a - b)}{rel_change}): {what} "
            + ("as stated" if holds else "is stated")
        )
        ok = holds
        numbers["direction"] = rel.direction.value
    if multiple is not None and oiv.lo > 0:
        ratio = niv.divided_by(oiv)
        m = float(multiple)
        bound = rel.attrs.get("multiple_bound")
        at_least = m * (1 - SLACK) <= ratio.hi
        at_most = ratio.lo <= m * (1 + SLACK)
        holds = at_least if bound == "at_least" else at_most if bound == "at_most" else at_least and at_most
        stated = {"at_least": "more than ", "at_most": "up to "}.get(str(bound), "")
        parts.append(
            f"{fmt(a)} / {fmt(b)} = x{a / b:.3g} (x{ratio.lo:.3g} to x{ratio.hi:.3g} within rounding) "
            f"against {stated}x{m:g} stated"
        )
        numbers.update(multiple=m, implied=round(a / b, 4))
        ok = ok and holds
    if not parts:
        return None
    explanation = (
        f"'{word}': " + "; ".join(parts) + f": {'consistent' if ok else 'inconsistent'} [{rel.how}]."
    )
    return finding(NAME, key, not ok, Severity.MEDIUM, claims_of(article, rel), numbers, explanation)
