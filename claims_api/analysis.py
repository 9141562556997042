"""What storing an article needs from its text, computed once and the same way for every caller
(``POST /v1/articles``, the batch route, ``claims-api ingest`` and the queue worker): the claims,
the article's date (given, else inferred from its dateline), and the relation pass (claims with
their roles, and the relations). Pure: no Flask, no database; it runs before any write.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims_api.extract import extract, published_of
from claims_api.model import Claim
from claims_api.relations.annotate import annotate_claims
from claims_api.relations.model import Relation

__all__ = ["Analysis", "analyse"]


@dataclass(frozen=True, slots=True)
class Analysis:
    claims: list[Claim]
    relations: tuple[Relation, ...]
    published: str | None  # ISO date
    published_basis: str | None  # "given", "inferred" or None


def analyse(
    text: str,
    *,
    published: str | None = None,
    max_claims: int | None = None,
    language: str | None = None,
) -> Analysis:
    """Extract, date and relate one article's text (raises what ``extract`` raises)."""
    claims = extract(text, published=published, max_claims=max_claims, language=language)
    day, basis = published_of(claims, published)
    claims, relations = annotate_claims(text, claims, published=day)
    return Analysis(list(claims), tuple(relations), day, basis)
