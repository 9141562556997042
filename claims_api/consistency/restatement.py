"""restatement: a figure restated within one article must agree with its first statement.

Reads the ``restatement`` relations: a figure introduced as already known ("the $6bn which the
bank lent ...") tied to the same measure of the sentence or two before. The two intervals
(rounding and qualifiers) must meet. Restatements across articles are ``conflicting_figures``.
"""

from __future__ import annotations

from claims_api.consistency.base import finding, interval
from claims_api.consistency.relational import RelationRule, claims_of
from claims_api.model import Article, Finding, Severity
from claims_api.relations import Relation, RelationKind

NAME = "restatement"


class Restatement(RelationRule):
    name = NAME
    kind = RelationKind.RESTATEMENT

    def judge(self, key: str, article: Article, rel: Relation) -> Finding | None:
        return judge(key, article, rel)


def judge(key: str, article: Article, rel: Relation) -> Finding | None:
    first, again = (article.claims[m.index] for m in rel.members)
    a, b = interval(first), interval(again)
    if a is None or b is None:
        return None
    ok = a.overlaps(b)
    explanation = (
        f"'{again.text}' restates '{first.text}' ({rel.how}): {a.show()} and {b.show()} "
        + ("meet" if ok else "do not meet")
        + "."
    )
    numbers = {"first": a.mid, "again": b.mid}
    return finding(NAME, key, not ok, Severity.MEDIUM, claims_of(article, rel), numbers, explanation)
