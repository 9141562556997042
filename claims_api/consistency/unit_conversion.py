"""unit_conversion: a quantity restated in another unit must match pint's exact factor.

Reads the unit ``conversion`` relations ("a 12-mile (19 km) tailback", "40 to 60 metres (130 to
200 feet)"). The first figure times the factor must meet the second within the printed precision
of both. A converted figure ending in zeros is read to two significant figures ("200 feet" is
195..205 feet), as conversions are written rounded; a wrong factor is far outside that.
"""

from __future__ import annotations

import math

from claims_api.consistency.base import Interval, finding, fmt, interval
from claims_api.consistency.relational import RelationRule, claims_of
from claims_api.model import Article, Claim, Finding, Severity
from claims_api.relations import Relation, RelationKind

NAME = "unit_conversion"


class UnitConversion(RelationRule):
    name = NAME
    kind = RelationKind.CONVERSION

    def applies(self, rel: Relation) -> bool:
        return not rel.attrs.get("currency")

    def judge(self, key: str, article: Article, rel: Relation) -> Finding | None:
        return judge(key, article, rel)


def _ends(claim: Claim, *, converted: bool) -> list[Interval] | None:
    """The interval of each end of the figure (one for a value, two for a range)."""
    values = [claim.value] if claim.value is not None else [claim.low, claim.high]
    if any(v is None for v in values):
        return None
    whole = interval(claim)
    if whole is None:
        return None
    out = []
    for v in values:
        assert v is not None
        half = (whole.hi - whole.lo) / 2 if claim.value is not None else _half(claim)
        if converted and float(v).is_integer() and v and v % 10 == 0:
            digits = int(math.log10(abs(v))) + 1
            half = max(half, 0.5 * 10 ** (digits - 2))  # two significant figures
        out.append(Interval(v - half, v + half))
    return out


def _half(claim: Claim) -> float:
    from claims_api.consistency.base import rounding

    return rounding(claim)


def judge(key: str, article: Article, rel: Relation) -> Finding | None:
    a, b = (article.claims[m.index] for m in rel.members)
    f = float(rel.attrs["factor"])
    offset = float(rel.attrs.get("offset", 0.0))
    ea, eb = _ends(a, converted=False), _ends(b, converted=True)
    if not ea or not eb or len(ea) != len(eb):
        return None
    checks = []
    ok = True
    plus = f" + {offset:g}" if offset else ""
    for x, y in zip(ea, eb, strict=True):
        scaled = x.scale(f)
        shifted = Interval(scaled.lo + offset, scaled.hi + offset)
        holds = shifted.overlaps(y)
        checks.append(
            f"{fmt(x.mid)} {rel.attrs['from_unit']} x {f:.6g}{plus} = {fmt(x.mid * f + offset)} "
            f"{rel.attrs['to_unit']} ({fmt(shifted.lo)} to {fmt(shifted.hi)} within rounding) against "
            f"{fmt(y.mid)} " + ("(meets)" if holds else "(does not meet)")
        )
        if not holds and offset and scaled.overlaps(y):
            # "warmer by 10°C (18°F)": a difference of temperatures converts without the offset
            holds = True
            checks.append(f"as a difference of temperatures, {fmt(x.mid * f)}: meets")
        ok = ok and holds
    implied = (b.value or b.high or 0.0) / (a.value or a.high or 1.0)
    numbers = {
        "factor": f,
        "implied": round(implied, 6),
        "unit": f"{rel.attrs['to_unit']} per {rel.attrs['from_unit']}",
    }
    explanation = "; ".join(checks) + f": {'consistent' if ok else 'inconsistent'}."
    return finding(NAME, key, not ok, Severity.MEDIUM, claims_of(article, rel), numbers, explanation)
