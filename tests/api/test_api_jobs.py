"""Bulk jobs: POST /v1/articles/batch with async, GET /v1/jobs/{id}, claims-api worker and
claims-api ingest --queue, on SQLite and PostgreSQL.

The queue tests use the Redis at CLAIMS_TEST_REDIS_URL (default redis://127.0.0.1:6379/0) on a
queue of their own and a real ``claims-api worker --burst`` subprocess; they are skipped when
Redis does not answer. The job logic (``run_job``) is also tested in process, without Redis.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claims_api.storage import NewArticle

REDIS_DEFAULT = "redis://127.0.0.1:6379/0"
NEW = "The council hired 40 nurses and 12 doctors in March."
STORED = "A survey of 900 households found that 61 percent own a car."
# More figures than the worker's CLAIMS_MAX_CLAIMS (set to 5 below) allows: an error result.
CROWDED = "They counted 1 cat, 2 dogs, 3 owls, 4 bats, 5 rats, 6 hens and 7 goats."


def jobs_env(db_url: str, redis_url: str, queue: str) -> dict[str, str]:
    env = {**os.environ, "CLAIMS_DATABASE_URL": db_url, "CLAIMS_REDIS_URL": redis_url, "CLAIMS_QUEUE": queue}
    env["CLAIMS_MAX_CLAIMS"] = "5"
    return env


def run_worker(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "claims_api", "worker", "--burst"]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def redis_url() -> str:
    import redis

    url = os.environ.get("CLAIMS_TEST_REDIS_URL", REDIS_DEFAULT)
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis not reachable at {url}: {type(exc).__name__}")
    return url


@pytest.fixture
def queue_name(redis_url: str) -> Iterator[str]:
    """A queue of this test's own, deleted with its jobs afterwards."""
    import redis
    from rq import Queue

    name = f"claims-api-test-{uuid.uuid4().hex[:10]}"
    yield name
    Queue(name, connection=redis.Redis.from_url(redis_url)).delete(delete_jobs=True)


# -- without a broker ------------------------------------------------------------------------


def test_async_without_broker_is_503_and_queues_nothing(client: Any, store: Any) -> None:
    r = client.post("/v1/articles/batch", json={"articles": [{"text": NEW}], "async": True})
    assert r.status_code == 503
    body = r.get_json()
    assert body["type"].endswith("queue-unavailable") and "CLAIMS_REDIS_URL" in body["detail"]
    assert store.list_articles().items == []
    with store._read.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM jobs").scalar_one() == 0


def test_sync_batch_unchanged_without_broker(client: Any) -> None:
    r = client.post("/v1/articles/batch", json={"articles": [{"text": NEW}], "async": False})
    assert r.status_code == 200 and r.get_json()["added"] == 1


@pytest.mark.parametrize(
    "body",
    [
        {"articles": [{"text": "   "}], "async": True},
        {"articles": [], "async": True},
        {"articles": [{"text": NEW, "published": "2025-13-01"}], "async": True},
        {"articles": [{"text": NEW}], "async": "soon"},
    ],
)
def test_bad_async_batches_are_refused_before_queueing(client: Any, store: Any, body: dict[str, Any]) -> None:
    r = client.post("/v1/articles/batch", json=body)
    assert r.status_code == 422
    with store._read.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM jobs").scalar_one() == 0


@pytest.mark.parametrize("job_id", ["0" * 32, "not-a-job", "f" * 64])
def test_unknown_job_is_404(client: Any, job_id: str) -> None:
    assert client.get(f"/v1/jobs/{job_id}").status_code == 404


# -- the job itself, in process ----------------------------------------------------------------


def test_run_job_records_each_article_once(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import claims_api.jobs as jobs
    from claims_api.extract import extract

    existing, _ = store.add_article(NewArticle(STORED), extract(STORED))
    job_id = store.create_job([NewArticle(NEW, doc="new"), NewArticle(STORED), NewArticle(CROWDED)])
    assert store.get_job(job_id).state == "queued"
    monkeypatch.setattr(jobs, "_worker", {})
    jobs.configure_worker(store, max_claims=5)
    counts = jobs.run_job(job_id)
    assert counts == {"pending": 0, "created": 1, "present": 1, "error": 1}
    job = store.get_job(job_id)
    assert job.state == "finished" and job.done == job.total == 3 and job.finished_at
    new, present, crowded = job.items
    assert new.state == "created" and store.get_article(new.article_id).doc == "new"
    assert present.state == "present" and present.article_id == existing.id
    assert crowded.state == "error" and crowded.article_id is None and crowded.error
    # A second run (RQ retrying after a crash) finds nothing pending and counts nothing twice.
    assert jobs.run_job(job_id)["created"] == 1
    assert store.get_job(job_id).done == 3
    assert not store.record_job_item(job_id, 0, "created", article_id=new.article_id)


def test_run_job_marks_the_job_failed_when_the_store_fails(
    store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claims_api.jobs as jobs
    from claims_api.errors import StoreError

    job_id = store.create_job([NewArticle(NEW)])
    monkeypatch.setattr(jobs, "_worker", {})
    jobs.configure_worker(store, max_claims=None)

    def broken(*a: Any, **kw: Any) -> Any:
        raise StoreError("database unreachable: OperationalError")

    monkeypatch.setattr(store, "add_article", broken)
    with pytest.raises(StoreError):
        jobs.run_job(job_id)
    job = store.get_job(job_id)
    assert job.state == "failed" and "unreachable" in job.error and job.items[0].state == "pending"


# -- a real broker and a real worker -------------------------------------------------------


def test_async_batch_runs_on_a_worker(
    app: Any, client: Any, store: Any, db_url: str, redis_url: str, queue_name: str
) -> None:
    from claims_api.extract import extract

    app.config.update(REDIS_URL=redis_url, QUEUE_NAME=queue_name)  # what CLAIMS_REDIS_URL sets
    existing, _ = store.add_article(NewArticle(STORED), extract(STORED))
    articles = [{"text": NEW, "doc": "nurses"}, {"text": STORED}, {"text": CROWDED}]
    r = client.post("/v1/articles/batch", json={"articles": articles, "async": True})
    assert r.status_code == 202
    job = r.get_json()
    assert r.headers["Location"] == f"/v1/jobs/{job['id']}"
    assert job["state"] == "queued" and job["total"] == 3 and job["done"] == 0
    assert [x["state"] for x in job["results"]] == ["pending"] * 3

    done = run_worker(jobs_env(db_url, redis_url, queue_name))
    assert done.returncode == 0, done.stderr

    job = client.get(r.headers["Location"]).get_json()
    assert job["state"] == "finished" and job["done"] == 3
    assert job["counts"] == {"pending": 0, "created": 1, "present": 1, "error": 1}
    new, present, crowded = job["results"]
    assert (
        new["state"] == "created"
        and client.get(f"/v1/articles/{new['article_id']}").get_json()["doc"] == "nurses"
    )
    assert present == {"index": 1, "state": "present", "article_id": existing.id, "error": None}
    assert crowded["state"] == "error" and "5" in crowded["error"]
    claims = client.get(f"/v1/articles/{new['article_id']}/claims").get_json()["claims"]
    assert [c["text"] for c in claims] == ["40", "12"]


def test_ingest_queue_and_worker(
    tmp_path: Path, store: Any, db_url: str, redis_url: str, queue_name: str
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "nurses.txt").write_text(NEW, encoding="utf-8")
    (folder / "survey.txt").write_text(STORED, encoding="utf-8")
    (folder / "empty.txt").write_text("  ", encoding="utf-8")
    env = jobs_env(db_url, redis_url, queue_name)
    cmd = [sys.executable, "-m", "claims_api", "ingest", "--queue", str(folder)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "1 files unreadable" in out.stdout and "empty.txt" in out.stderr
    job_id = out.stdout.split()[1]
    assert store.get_job(job_id).state == "queued" and store.list_articles().items == []
    done = run_worker(env)
    assert done.returncode == 0, done.stderr
    job = store.get_job(job_id)
    assert job.state == "finished" and job.counts()["created"] == 2
    assert sorted(a.doc for a in store.list_articles().items) == ["nurses", "survey"]


def test_ingest_queue_without_broker_fails_clearly(tmp_path: Path, db_url: str) -> None:
    (tmp_path / "a.txt").write_text(NEW, encoding="utf-8")
    env = {**os.environ, "CLAIMS_DATABASE_URL": db_url}
    env.pop("CLAIMS_REDIS_URL", None)
    cmd = [sys.executable, "-m", "claims_api", "ingest", "--queue", str(tmp_path)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 3 and "CLAIMS_REDIS_URL" in out.stderr
