"""Bulk ingest on a task queue: RQ on Redis carries job ids, the database holds the jobs.

``enqueue(store, articles, redis_url=..., queue=...)`` writes a job with its articles to the
database, then puts its id on the RQ queue; ``run_job(job_id)`` is what a worker
(``claims-api worker``) executes: it extracts and stores each pending article and records the
outcome (created / present / error) one by one, so ``GET /v1/jobs/{id}`` shows progress and a
job re-run after a crash carries on. Workers on any number of machines share the database and
the broker; nothing else is shared.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Sequence
from typing import Any

from claims_api.errors import ClaimsError, StoreError
from claims_api.storage import ClaimStore, NewArticle

log = logging.getLogger(__name__)

DEFAULT_QUEUE = "claims-api"
# RQ kills a job that runs longer than this; an article takes well under a second to a few.
SECONDS_PER_ARTICLE = 30
MIN_TIMEOUT = 600


class QueueUnavailable(ClaimsError):
    """No broker is configured, or it cannot be reached."""


def redis_connection(redis_url: str | None) -> Any:
    """A checked connection to the broker at ``redis_url``; QueueUnavailable otherwise."""
    if not redis_url:
        raise QueueUnavailable("no task queue is configured (set CLAIMS_REDIS_URL)")
    import redis

    try:
        conn = redis.Redis.from_url(redis_url, socket_connect_timeout=3, socket_timeout=10)
        conn.ping()
    except (redis.RedisError, ValueError) as exc:
        raise QueueUnavailable(
            f"the task queue at {_safe(redis_url)} is unreachable: {type(exc).__name__}"
        ) from exc
    return conn


def _safe(url: str) -> str:
    """The broker URL without its password."""
    head, at, tail = url.rpartition("@")
    return f"{head.split('//')[0]}//***@{tail}" if at else url


def enqueue(
    store: ClaimStore, articles: Sequence[NewArticle], *, redis_url: str | None, queue: str = DEFAULT_QUEUE
) -> str:
    """Record a job for ``articles`` and queue it; its id. QueueUnavailable when the broker is
    missing or down (then nothing is recorded, or the recorded job is marked failed)."""
    from rq import Queue

    conn = redis_connection(redis_url)
    job_id = store.create_job(articles)
    try:
        Queue(queue, connection=conn).enqueue_call(
            "claims_api.jobs.run_job",
            args=(job_id,),
            job_id=job_id,
            timeout=max(MIN_TIMEOUT, SECONDS_PER_ARTICLE * len(articles)),
            result_ttl=3600,
            failure_ttl=7 * 24 * 3600,
        )
    except Exception as exc:
        store.set_job_state(job_id, "failed", f"could not be queued: {type(exc).__name__}")
        raise QueueUnavailable(f"the task queue refused the job: {type(exc).__name__}") from exc
    return job_id


# -- the worker side -------------------------------------------------------------------------

_worker: dict[str, Any] = {}


def configure_worker(store: ClaimStore, *, max_claims: int | None = None) -> None:
    """The store (and extraction limit) ``run_job`` uses in this process (``claims-api worker``)."""
    _worker["store"] = store
    _worker["max_claims"] = max_claims


def _store() -> ClaimStore:
    if "store" not in _worker:  # run by a plain ``rq worker``: configure from the environment
        from claims_api.commands.db import database_url
        from claims_api.storage import open_store

        configure_worker(
            open_store(database_url()), max_claims=int(os.environ.get("CLAIMS_MAX_CLAIMS") or 20_000)
        )
    return _worker["store"]  # type: ignore[no-any-return]


def run_job(job_id: str) -> dict[str, int]:
    """Store every pending article of the job; returns the counts by outcome.

    An article that cannot be stored (too many figures, an extraction or data error) is recorded
    as an error and the job goes on; the job fails only when the store itself fails."""
    from claims_api.analysis import analyse

    store = _store()
    job = store.get_job(job_id)
    if job is None:
        log.warning("job %s is not in the database; nothing to do", job_id)
        return {}
    store.set_job_state(job_id, "running")
    try:
        for position, article in store.pending_job_items(job_id):
            state, article_id, error = "error", None, None
            try:
                existing = store.find_article(url=article.url, text=article.text)
                if existing is not None:
                    state, article_id = "present", existing.id
                else:
                    done = analyse(
                        article.text, published=article.published, max_claims=_worker["max_claims"]
                    )
                    dated = dataclasses.replace(
                        article, published=done.published, published_basis=done.published_basis
                    )
                    stored, created = store.add_article(dated, done.claims, done.relations)
                    state, article_id = ("created" if created else "present"), stored.id
            except (ClaimsError, ValueError, TypeError) as exc:
                if isinstance(exc, StoreError):
                    raise
                error = str(exc) or type(exc).__name__
            store.record_job_item(job_id, position, state, article_id=article_id, error=error)
    except Exception as exc:
        log.exception("job %s failed", job_id)
        try:
            store.set_job_state(job_id, "failed", f"{type(exc).__name__}: {exc}"[:500])
        except Exception:  # the database is what failed: RQ records the failure
            log.exception("could not mark job %s failed", job_id)
        raise
    store.set_job_state(job_id, "finished")
    final = store.get_job(job_id)
    return final.counts() if final else {}
