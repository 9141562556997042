"""What the rules over relations share: the relations of one kind in the wanted articles."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence

from claims_api.consistency.base import article_key, wanted_articles
from claims_api.consistency.memo import per_article
from claims_api.model import Article, Claim, Finding
from claims_api.relations import Relation, RelationKind, Role, relate


@per_article
def by_kind(article: Article) -> dict[RelationKind, list[Relation]]:
    """The article's relations by kind, in their order: each rule reads its own kind's list, not
    every relation of the article (memoised for the length of one consistency run)."""
    found: dict[RelationKind, list[Relation]] = {}
    for rel in relate(article).relations:
        found.setdefault(rel.kind, []).append(rel)
    return found


def relations_of(
    articles: Sequence[Article], keys: Collection[str] | None, kind: RelationKind
) -> Iterator[tuple[str, Article, Relation]]:
    """(group key, article, relation) for every relation of ``kind`` in the wanted articles."""
    for key, article in wanted_articles(articles, keys):
        for rel in by_kind(article).get(kind, ()):
            yield key, article, rel


class RelationRule:
    """A rule that judges each relation of one ``kind`` (of the shape ``applies`` accepts) alone.

    Subclasses set ``name`` and ``kind`` and define ``judge``; the group of every finding is the
    article (``article_key``)."""

    name: str
    kind: RelationKind

    def applies(self, rel: Relation) -> bool:
        return True

    def judge(self, key: str, article: Article, rel: Relation) -> Finding | None:
        raise NotImplementedError

    def keys(self, article: Article) -> set[str]:
        found = any(self.applies(r) for r in by_kind(article).get(self.kind, ()))
        return {article_key(article)} if found else set()

    def run(self, articles: Sequence[Article], keys: Collection[str] | None) -> Iterable[Finding]:
        for key, article, rel in relations_of(articles, keys, self.kind):
            if self.applies(rel):
                found = self.judge(key, article, rel)
                if found is not None:
                    yield found


def member(article: Article, rel: Relation, *roles: Role) -> Claim | None:
    """The first member playing one of ``roles``."""
    for m in rel.members:
        if m.role in roles:
            return article.claims[m.index]
    return None


def claims_of(article: Article, rel: Relation) -> list[tuple[Article, Claim]]:
    return [(article, article.claims[m.index]) for m in rel.members]
