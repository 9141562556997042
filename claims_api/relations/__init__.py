"""The relation layer: one pass per article after extraction (see ``model``).

``relate(article)`` is the single entry point every consumer (consistency rules, storage, API)
calls. It is pure: no Flask, no database. ``reading`` reads each sentence once (units of a figure
and its bracketed conversions, the words between them); ``build`` turns that into roles and the
typed relations of GUIDELINE.md ("Relations between claims (v2)"), with the word lists in
``claims_api/lexicons``.
"""

from __future__ import annotations

from claims_api.model import Article
from claims_api.relations.model import ArticleRelations, Direction, Member, Relation, RelationKind, Role

__all__ = [
    "ArticleRelations",
    "Direction",
    "Member",
    "Relation",
    "RelationKind",
    "Role",
    "relate",
    "subjects",
]


def relate(article: Article) -> ArticleRelations:
    """Roles and relations of ``article``'s claims (a role per claim, None where it has none)."""
    from claims_api.relations.build import relate as build

    return build(article)


def subjects(article: Article) -> tuple[str | None, ...]:
    """Per claim, the cross-article key of its measured thing, or None (``build.subjects``)."""
    from claims_api.relations.build import subjects as keys

    return keys(article)
