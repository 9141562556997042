"""A deterministic stand-in for the relation layer, so API and storage tests of roles and
relations do not depend on how far ``claims_api.relations.relate`` is along.

``fake_relate`` knows one shape of text (``RELATED``, read by ``conftest.fake_extract``):
"<noun> rose <P> percent to $<B> billion from $<A> billion. Of the <T> <noun>, <N> stayed."
It relates one percent and two money figures as a change, and two counts as part and total;
an article with any other mix of figures gets no roles and no relations.
"""

from __future__ import annotations

from claims_api.model import Article, Kind
from claims_api.relations.model import ArticleRelations, Direction, Member, Relation, RelationKind, Role

RELATED = "Sales rose 20 percent to $1.2 billion from $1 billion. Of the 40 staff, 25 stayed."
#: claim text -> (role, change) the fake gives it
ROLES = {
    "20 percent": ("change_percent", "up"),
    "$1.2 billion": ("level", None),
    "$1 billion": ("former_level", None),
    "40": ("total", None),
    "25": ("part", None),
}


def fake_relate(article: Article) -> ArticleRelations:
    claims = article.claims
    n = len(claims)
    roles: list[Role | None] = [None] * n
    changes: list[Direction | None] = [None] * n
    relations: list[Relation] = []
    money = [i for i, c in enumerate(claims) if c.kind is Kind.MONEY]
    pct = [i for i, c in enumerate(claims) if c.kind is Kind.PERCENT]
    counts = [i for i, c in enumerate(claims) if c.kind is Kind.COUNT]
    if len(pct) == 1 and len(money) == 2:
        p, new, old = pct[0], money[0], money[1]
        roles[p], changes[p] = Role.CHANGE_PERCENT, Direction.UP
        roles[new], roles[old] = Role.LEVEL, Role.FORMER_LEVEL
        relations.append(
            Relation(
                RelationKind.CHANGE,
                (Member(p, Role.CHANGE_PERCENT), Member(new, Role.LEVEL), Member(old, Role.FORMER_LEVEL)),
                (claims[p].start - 5, claims[old].end),
                "from-to",
                subject="sales",
                direction=Direction.UP,
                attrs={"computed": 20.0, "stated": 20.0},
            )
        )
    if len(counts) == 2:
        total, part = counts
        roles[total], roles[part] = Role.TOTAL, Role.PART
        relations.append(
            Relation(
                RelationKind.PART_OF,
                (Member(part, Role.PART), Member(total, Role.TOTAL)),
                (claims[total].start - 7, claims[part].end),
                "of-the",
                subject="staff",
            )
        )
    return ArticleRelations(roles=tuple(roles), changes=tuple(changes), relations=tuple(relations))
