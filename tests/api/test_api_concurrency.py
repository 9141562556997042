"""Concurrent writers never duplicate an article (PostgreSQL: unique constraints + re-read)."""

from __future__ import annotations

import threading
from typing import Any

import pytest


@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_eight_threads_post_the_same_fifty_articles(app: Any, store: Any, fake_extractor: Any) -> None:
    articles = [
        {
            "text": f"Article {i}: officials counted {i + 1} victims and $ {i}0 million.",
            "url": f"https://x/{i}",
        }
        for i in range(50)
    ]
    barrier = threading.Barrier(8)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def worker(offset: int) -> None:
        client = app.test_client()
        try:
            barrier.wait()
            for k in range(50):
                item = articles[(k + offset * 7) % 50]
                r = client.post("/v1/articles", json=item)
                statuses.append(r.status_code)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors
    assert sorted(set(statuses)) == [200, 201] and statuses.count(201) == 50 and len(statuses) == 400

    page = store.list_articles(limit=200)
    assert len(page.items) == 50
    assert {a.url for a in page.items} == {a["url"] for a in articles}
    for a in page.items:
        expected = [c.text for c in fake_extractor(a.text)]
        assert len(expected) >= 2 and [c.claim.text for c in store.article_claims(a.id)] == expected
        assert a.n_claims == len(expected)
