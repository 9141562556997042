"""The relation layer: one pass per article after extraction (see ``model``).

``relate(article)`` is the single entry point every consumer (consistency rules, storage, API)
calls. It is pure: no Flask, no database.
"""

from __future__ import annotations

from claims_api.model import Article
from claims_api.relations.model import ArticleRelations, Direction, Member, Relation, RelationKind, Role

__all__ = ["ArticleRelations", "Direction", "Member", "Relation", "RelationKind", "Role", "relate"]


def relate(article: Article) -> ArticleRelations:
    """Roles and relations of ``article``'s claims.

    Interface placeholder while the layer is being written on its branch: no roles, no relations.
    """
    n = len(article.claims)
    return ArticleRelations(roles=(None,) * n, changes=(None,) * n, relations=(), subjects=(None,) * n)
