"""What the rules over relations share: the relations of one kind in the wanted articles."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

from claims_api.consistency.base import Interval, interval, wanted_articles
from claims_api.model import Article, Claim
from claims_api.relations import Relation, RelationKind, Role, relate


def relations_of(
    articles: Sequence[Article], keys: Collection[str] | None, kind: RelationKind
) -> Iterator[tuple[str, Article, Relation]]:
    """(group key, article, relation) for every relation of ``kind`` in the wanted articles."""
    for key, article in wanted_articles(articles, keys):
        for rel in relate(article).relations:
            if rel.kind is kind:
                yield key, article, rel


def member(article: Article, rel: Relation, *roles: Role) -> Claim | None:
    """The first member playing one of ``roles``."""
    for m in rel.members:
        if m.role in roles:
            return article.claims[m.index]
    return None


def claims_of(article: Article, rel: Relation) -> list[tuple[Article, Claim]]:
    return [(article, article.claims[m.index]) for m in rel.members]


def span(claim: Claim) -> Interval | None:
    """The claim's interval, with a range read as the interval of its middle (a range of levels)."""
    iv = interval(claim)
    if iv is None:
        return None
    if claim.value is None and claim.low is not None and claim.high is not None:
        return iv
    return iv
