"""rate_vs_total: a rate and a total for the same thing over a stated period must agree.

Arithmetic over the ``rate_total`` relations of the relation layer (``relations.rates`` reads the
rate, the total and its period, pairs planned figures only with planned ones, and records what it
found): "nearing six crimes per day ... equivalent to 2,190 in the last year": 6 x 365 = 2,190;
"444 victims in 80 days" against that rate: 444 / 80 = 5.55 a day.
"""

from __future__ import annotations

from claims_api.consistency.base import Interval, finding, fmt, interval, per_day
from claims_api.consistency.relational import RelationRule, member
from claims_api.model import Article, Finding, Severity
from claims_api.relations import Relation, RelationKind, Role

NAME = "rate_vs_total"

#: Relative slack on top of the figures' own precision.
SLACK = 0.02


class RateVsTotal(RelationRule):
    name = NAME
    kind = RelationKind.RATE_TOTAL

    def judge(self, key: str, article: Article, rel: Relation) -> Finding | None:
        return judge(key, article, rel)


def judge(key: str, article: Article, rel: Relation) -> Finding | None:
    rate, total = member(article, rel, Role.RATE), member(article, rel, Role.TOTAL)
    if rate is None or total is None:
        return None
    daily, stated = per_day(rate), interval(total)
    if daily is None or stated is None:
        return None
    period_claim = member(article, rel, Role.PERIOD)
    span = Interval(float(rel.attrs["period_days_lo"]), float(rel.attrs["period_days_hi"]))
    period_text = str(rel.attrs.get("period_text") or (period_claim.text if period_claim else ""))
    expected = daily.times(span)
    ok = expected.overlaps(stated, SLACK)
    rate_days = span.mid or 1
    implied_daily = stated.mid / rate_days
    numbers: dict[str, object] = {
        "rate_per_day": [daily.lo, daily.hi],
        "period_days": rate_days,
        "expected_total": [expected.lo, expected.hi],
        "stated_total": [stated.lo, stated.hi],
        "implied_per_day": round(implied_daily, 4),
        "planned": bool(rel.attrs.get("planned")),
    }
    text = (
        f"'{rate.text}' is {daily.show()} a day; over '{period_text}' ({fmt(rate_days)} days) that gives "
        f"{expected.show()}, and the article states '{total.text}' ({fmt(stated.mid)} / {fmt(rate_days)} = "
        f"{implied_daily:.3g} a day): {'consistent' if ok else 'the two do not agree'}."
    )
    parts = [(article, rate), (article, total)] + ([(article, period_claim)] if period_claim else [])
    return finding(NAME, key, not ok, Severity.MEDIUM, parts, numbers, text)
