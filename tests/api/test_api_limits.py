"""A text with more figures than CLAIMS_MAX_CLAIMS is refused with a 422 problem, nothing stored."""

from __future__ import annotations

from typing import Any

import pytest

DENSE = " ".join(f"{i} people" for i in range(1, 40))


@pytest.fixture
def app_config() -> dict[str, Any]:
    return {"MAX_CLAIMS": 10}


def test_extract_refuses_too_many_figures(client: Any) -> None:
    r = client.post("/v1/extract", json={"text": DENSE})
    assert r.status_code == 422
    body = r.get_json()
    assert body["type"].endswith("too-many-claims") and "10" in body["detail"]
    assert client.post("/v1/extract", json={"text": "Only 3 people came."}).status_code == 200


def test_batch_stores_nothing_when_one_article_is_refused(client: Any) -> None:
    batch = {"articles": [{"text": "Only 3 people came."}, {"text": DENSE}]}
    r = client.post("/v1/articles/batch", json=batch)
    assert r.status_code == 422
    assert client.get("/v1/articles").get_json()["articles"] == []
    assert client.post("/v1/articles", json={"text": DENSE}).status_code == 422
    assert client.get("/v1/articles").get_json()["articles"] == []
