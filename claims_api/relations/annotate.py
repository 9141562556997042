"""Run the relation pass once over an article and attach its roles to the claims.

``annotate(article)`` calls ``relate(article)`` (looked up on ``claims_api.relations`` at call
time, so one relation layer serves every caller), checks that what it returned fits the article
(a role and a change per claim, members naming claims of the article), and returns the article
whose claims carry ``role`` and ``change``, with the relations. The API and the ingest command
call it when an article is extracted or stored; stored claims keep their roles, so nothing is
recomputed at read time. Pure: no Flask, no database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from claims_api.errors import ClaimsError
from claims_api.model import Article, Claim
from claims_api.relations.model import ArticleRelations, Relation

__all__ = ["RelationLayerError", "annotate", "annotate_claims"]


class RelationLayerError(ClaimsError, RuntimeError):
    """The relation layer returned something that does not fit the article (a bug there)."""


def _check(rel: ArticleRelations, n: int, size: int) -> None:
    if len(rel.roles) != n or len(rel.changes) != n:
        raise RelationLayerError(
            f"relate() gave {len(rel.roles)} roles and {len(rel.changes)} changes for {n} claims"
        )
    for r in rel.relations:
        start, end = r.evidence
        if not 0 <= start <= end <= size:
            raise RelationLayerError(f"a {r.kind} relation's evidence {start}-{end} is outside the text")
        for m in r.members:
            if not 0 <= m.index < n:
                raise RelationLayerError(f"a {r.kind} relation names claim {m.index} of {n}")


def _with_role(c: Claim, role: str | None, change: str | None) -> Claim:
    return c if c.role == role and c.change == change else c.replace(role=role, change=change)


def annotate(article: Article) -> tuple[Article, tuple[Relation, ...]]:
    """``article`` with each claim's ``role``/``change`` set by one relation pass, and its relations."""
    from claims_api import relations  # the module attribute, so a replaced ``relate`` is used

    rel = relations.relate(article)
    _check(rel, len(article.claims), len(article.text))
    claims = tuple(
        _with_role(c, None if role is None else str(role), None if change is None else str(change))
        for c, role, change in zip(article.claims, rel.roles, rel.changes, strict=True)
    )
    return dataclasses.replace(article, claims=claims), tuple(rel.relations)


def annotate_claims(
    text: str, claims: Sequence[Claim], *, published: str | None = None, id: str = ""
) -> tuple[list[Claim], tuple[Relation, ...]]:
    """``annotate`` for a text that is not (yet) an Article: the claims with roles, and the relations."""
    article, found = annotate(Article(id=id, text=text, claims=tuple(claims), published=published))
    return list(article.claims), found
