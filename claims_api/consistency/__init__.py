"""Consistency checks over stored claims (interface stub; the rules land with issue 5).

``keys_for(article)`` names the groups an article's claims fall in; ``run_checks(articles,
keys=None)`` returns the findings of those groups (all groups when keys is None). Each
Finding carries its group ``key``, so a store can replace exactly the findings it recomputed.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from claims_api.model import Article, Finding


def keys_for(article: Article) -> set[str]:
    return set()


def run_checks(articles: Sequence[Article], *, keys: Collection[str] | None = None) -> list[Finding]:
    return []
