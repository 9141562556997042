"""Storing, listing, reading and deleting articles."""

from __future__ import annotations

from typing import Any

import pytest

TEXT = "Police counted 444 victims in 80 days. The budget was $33 billion, up 14.6 percent."


@pytest.fixture(autouse=True)
def _fake(fake_extractor: Any) -> None:
    pass


def post(client: Any, **body: Any) -> Any:
    return client.post("/v1/articles", json=body)


def test_create_returns_article_and_claims(client: Any) -> None:
    r = post(
        client, text=TEXT, title="Peru", url="https://example.org/a", source="wsws", published="2025-01-10"
    )
    assert r.status_code == 201
    body = r.get_json()
    assert body["created"] is True
    art = body["article"]
    assert art["id"] >= 1 and art["text"] == TEXT and art["n_claims"] == len(body["claims"]) == 4
    victims = next(c for c in body["claims"] if c["text"] == "444")
    assert victims["sentence"] == "Police counted 444 victims in 80 days."
    assert TEXT[victims["start"] : victims["end"]] == "444"
    assert victims["article_id"] == art["id"]


def test_same_url_or_text_returns_existing(client: Any) -> None:
    first = post(client, text=TEXT, url="https://example.org/a").get_json()["article"]
    again = post(client, text="Other text with 5 cats.", url="https://example.org/a")
    assert again.status_code == 200 and again.get_json()["created"] is False
    assert again.get_json()["article"]["id"] == first["id"]
    same_text = post(client, text=TEXT, url="https://example.org/b")
    assert same_text.status_code == 200 and same_text.get_json()["article"]["id"] == first["id"]
    assert len(client.get("/v1/articles").get_json()["articles"]) == 1


def test_get_list_filter_and_paginate(client: Any) -> None:
    ids = []
    for i in range(5):
        src = "a" if i % 2 else "b"
        r = post(client, text=f"Article {i} has {i + 1} dogs.", source=src, published=f"2025-01-0{i + 1}")
        ids.append(r.get_json()["article"]["id"])
    seen, cursor = [], None
    while True:
        r = client.get("/v1/articles", query_string={"limit": 2, **({"cursor": cursor} if cursor else {})})
        page = r.get_json()
        seen += [a["id"] for a in page["articles"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ids
    only_b = client.get("/v1/articles?source=b").get_json()["articles"]
    assert [a["id"] for a in only_b] == [ids[0], ids[2], ids[4]]
    window = client.get("/v1/articles?published_from=2025-01-02&published_to=2025-01-03").get_json()[
        "articles"
    ]
    assert [a["id"] for a in window] == ids[1:3]
    one = client.get(f"/v1/articles/{ids[0]}").get_json()
    assert one["text"] == "Article 0 has 1 dogs." and one["source"] == "b"
    assert "text" not in only_b[0]


def test_article_claims_and_delete(client: Any) -> None:
    art = post(client, text=TEXT).get_json()["article"]
    claims = client.get(f"/v1/articles/{art['id']}/claims").get_json()["claims"]
    assert [c["text"] for c in claims] == ["444", "80", "$33 billion", "14.6 percent"]
    assert client.delete(f"/v1/articles/{art['id']}").status_code == 204
    assert client.get(f"/v1/articles/{art['id']}").status_code == 404
    assert client.get(f"/v1/articles/{art['id']}/claims").status_code == 404
    assert client.get("/v1/claims").get_json()["claims"] == []
    assert client.delete(f"/v1/articles/{art['id']}").status_code == 404


def test_missing_ids_are_404(client: Any) -> None:
    for path in ("/v1/articles/999", "/v1/articles/999/claims", "/v1/claims/999", "/v1/articles/99999999999"):
        r = client.get(path)
        assert r.status_code == 404 and r.mimetype == "application/problem+json"


def test_batch(client: Any) -> None:
    items = [{"text": f"Batch {i}: {i} cats."} for i in range(3)] + [{"text": "Batch 0: 0 cats."}]
    r = client.post("/v1/articles/batch", json={"articles": items})
    assert r.status_code == 200
    body = r.get_json()
    assert (body["added"], body["existing"]) == (3, 1)
    assert body["results"][3]["article"]["id"] == body["results"][0]["article"]["id"]


def test_batch_is_validated_before_anything_is_stored(client: Any) -> None:
    items = [{"text": "Good one with 3 birds."}, {"text": ""}, {"text": 7}]
    r = client.post("/v1/articles/batch", json={"articles": items})
    assert r.status_code == 422
    errors = r.get_json()["errors"]["articles"]
    assert set(errors) == {"1", "2"}
    assert client.get("/v1/articles").get_json()["articles"] == []


def test_batch_limit(client: Any) -> None:
    r = client.post("/v1/articles/batch", json={"articles": [{"text": f"t {i}"} for i in range(101)]})
    assert r.status_code == 422
    assert client.post("/v1/articles/batch", json={"articles": []}).status_code == 422


def test_doc_is_kept(client: Any) -> None:
    r = post(client, text=TEXT, doc="000_abc")
    assert r.get_json()["article"]["doc"] == "000_abc"
    assert r.get_json()["claims"][0]["doc"] == "000_abc"
