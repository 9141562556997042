"""Articles: store (deduplicated by url and text), list, read, delete."""

from __future__ import annotations

import dataclasses
from typing import Any

from flask import Blueprint, Response, current_app

from claims_api.analysis import analyse
from claims_api.api.errors import ApiError, unsupported_language
from claims_api.api.inputs import decode_cursor, encode_cursor, json_body, query
from claims_api.api.routes import claim_dict, relation_dict, store
from claims_api.api.schemas import (
    ArticleDetailOut,
    ArticleIn,
    ArticleListOut,
    ArticlesQuery,
    ArticleWithClaimsOut,
    BatchIn,
    BatchOut,
    ClaimsOfArticleOut,
    RelationsOfArticleOut,
)
from claims_api.errors import UnsupportedLanguage
from claims_api.extract.language import check as check_language
from claims_api.model import Claim
from claims_api.relations import Relation
from claims_api.storage import NewArticle, StoredArticle

bp = Blueprint("articles", __name__)
ID = "<id:article_id>"


def _not_found(article_id: int) -> ApiError:
    return ApiError(404, "Not Found", f"There is no article {article_id}.", kind="not-found")


Prepared = tuple[NewArticle, StoredArticle | None, list[Claim], tuple[Relation, ...]]


def prepare(data: dict[str, Any]) -> Prepared:
    """A validated article, the stored one with its url or text if any, and else its claims
    (with their roles) and relations.

    Extraction may fail (too many figures, a language it does not read); it and the relation pass
    run before anything is stored."""
    data = dict(data)
    language = data.pop("language", None)
    new = NewArticle(**data)
    existing = store().find_article(url=new.url, text=new.text)
    if existing is not None:
        return new, existing, [], ()
    done = analyse(
        new.text, published=new.published, max_claims=current_app.config["MAX_CLAIMS"], language=language
    )
    dated = dataclasses.replace(new, published=done.published, published_basis=done.published_basis)
    return dated, None, done.claims, done.relations


def add(prepared: Prepared) -> tuple[StoredArticle, bool]:
    """Store a prepared article unless it is already there."""
    new, existing, claims, relations = prepared
    if existing is not None:
        return existing, False
    return store().add_article(new, claims, relations)


def with_claims(article: StoredArticle, created: bool) -> dict[str, Any]:
    return {
        "article": article,
        "claims": [claim_dict(c) for c in store().article_claims(article.id)],
        "created": created,
    }


@bp.post("/v1/articles")
def create_article() -> tuple[dict, int]:
    """Store an article and its claims; the same url or text again returns the stored one."""
    article, created = add(prepare(json_body(ArticleIn())))
    return ArticleWithClaimsOut().dump(with_claims(article, created)), 201 if created else 200


@bp.post("/v1/articles/batch")
def create_articles() -> tuple[dict, int] | tuple[dict, int, dict[str, str]]:
    """Store up to 100 articles; all are validated before any is stored. With ``"async": true``
    they are queued as one job instead (202, the job, and its Location)."""
    data = json_body(BatchIn())
    prepared, queued = [], []
    for i, item in enumerate(data["articles"]):  # every extraction (or language check) before any write
        try:
            if data["run_async"]:  # the worker extracts; a text it would refuse is refused now
                item = dict(item)
                check_language(item["text"], item.pop("language", None))
                queued.append(NewArticle(**item))
            else:
                prepared.append(prepare(item))
        except UnsupportedLanguage as exc:
            err = unsupported_language(exc)
            err.errors = {"articles": {str(i): {"text": [str(exc)]}}}
            err.detail = f"Article {i}: {err.detail}"
            raise err from None
    if data["run_async"]:
        return queue_articles(queued)
    results = [with_claims(*add(p)) for p in prepared]
    added = sum(r["created"] for r in results)
    body = {"results": results, "added": added, "existing": len(results) - added}
    return BatchOut().dump(body), 200


def queue_articles(articles: list[NewArticle]) -> tuple[dict, int, dict[str, str]]:
    from claims_api.api.schemas import JobOut
    from claims_api.jobs import QueueUnavailable, enqueue

    cfg = current_app.config
    try:
        job_id = enqueue(store(), articles, redis_url=cfg["REDIS_URL"], queue=cfg["QUEUE_NAME"])
    except QueueUnavailable as exc:
        raise ApiError(
            503,
            "Service Unavailable",
            f'{exc}; send the batch without "async" to store it now.',
            kind="queue-unavailable",
        ) from exc
    job = store().get_job(job_id)
    return JobOut().dump(job), 202, {"Location": f"/v1/jobs/{job_id}"}


@bp.get("/v1/articles")
def list_articles() -> dict:
    """List articles, oldest first, filtered by source and publication date."""
    q = query(ArticlesQuery())
    after = decode_cursor(q["cursor"])[0] if q["cursor"] else None
    page = store().list_articles(
        source=q["source"],
        published_from=q["published_from"],
        published_to=q["published_to"],
        after=after,
        limit=min(q["limit"], current_app.config["PAGE_LIMIT"] * 4),
    )
    nxt = encode_cursor(page.after[1]) if page.after else None
    return ArticleListOut().dump({"articles": page.items, "next_cursor": nxt})


@bp.get(f"/v1/articles/{ID}")
def get_article(article_id: int) -> dict:
    """One article with its text."""
    article = store().get_article(article_id)
    if article is None:
        raise _not_found(article_id)
    return ArticleDetailOut().dump(article)


@bp.get(f"/v1/articles/{ID}/claims")
def article_claims(article_id: int) -> dict:
    """The claims of one article, in text order."""
    if store().get_article(article_id) is None:
        raise _not_found(article_id)
    claims = [claim_dict(c) for c in store().article_claims(article_id)]
    return ClaimsOfArticleOut().dump({"article_id": article_id, "claims": claims})


@bp.get(f"/v1/articles/{ID}/relations")
def article_relations(article_id: int) -> dict:
    """The relations between one article's claims, as the relation pass found them when it was stored."""
    article = store().get_article(article_id)
    if article is None:
        raise _not_found(article_id)
    claims = [c.claim for c in store().article_claims(article_id)]
    out = [
        relation_dict(r.relation, article.text, claims, claim_ids=r.claim_ids, relation_id=r.id)
        for r in store().article_relations(article_id)
    ]
    return RelationsOfArticleOut().dump({"article_id": article_id, "relations": out})


@bp.delete(f"/v1/articles/{ID}")
def delete_article(article_id: int) -> Response:
    """Delete an article and its claims; findings that cited it are recomputed."""
    if not store().delete_article(article_id):
        raise _not_found(article_id)
    resp = Response(status=204)
    del resp.headers["Content-Type"]
    return resp
