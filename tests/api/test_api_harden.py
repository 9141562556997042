"""What a hostile client hit (issue 12): odd characters, only read keys, Unicode digits as ids,
schema-valid cursors, a database that goes away. In-process; the live-server half is
test_api_live.py."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

WRITE = {"Authorization": "Bearer w-key"}
READ = {"Authorization": "Bearer r-key"}


@pytest.mark.parametrize("text", ["12 m\u0130", "5 M\u0130LES away"])
def test_extract_survives_odd_case(client: Any, text: str) -> None:
    r = client.post("/v1/extract", json={"text": text})
    assert r.status_code == 200
    assert [c["text"] for c in r.get_json()["claims"]] == [text.removesuffix(" away")]


@pytest.mark.parametrize("app_config", [{"READ_KEYS": "r-key"}])
def test_only_read_keys_close_writes(client: Any, app_config: Any) -> None:
    for headers in ({}, READ):
        r = client.post("/v1/articles", json={"text": "a 1"}, headers=headers)
        assert r.status_code == 401 and r.mimetype == "application/problem+json"
        assert (
            client.post(
                "/v1/articles/batch", json={"articles": [{"text": "a 1"}]}, headers=headers
            ).status_code
            == 401
        )
        assert client.delete("/v1/articles/1", headers=headers).status_code == 401
    assert (
        "CLAIMS_API_KEYS"
        in client.post("/v1/articles", json={"text": "a"}, headers=READ).get_json()["detail"]
    )
    assert client.get("/v1/articles", headers=READ).status_code == 200
    assert client.post("/v1/extract", json={"text": "a 1"}, headers=READ).status_code == 200


@pytest.mark.parametrize("app_config", [{"API_KEYS": "w-key", "READ_KEYS": "r-key"}])
def test_write_key_still_writes_with_read_keys(client: Any, app_config: Any) -> None:
    assert client.post("/v1/articles", json={"text": "a 1"}, headers=WRITE).status_code == 201
    assert client.post("/v1/articles", json={"text": "b 2"}, headers=READ).status_code == 401


# Arabic-Indic, Devanagari, fullwidth and superscript digits; int() reads the first three.
UNICODE_ONES = ["%D9%A1", "%E0%A5%A7", "%EF%BC%91", "%C2%B9"]


@pytest.mark.parametrize("digit", UNICODE_ONES)
def test_unicode_digits_are_not_ids(client: Any, fake_extractor: Any, digit: str) -> None:
    assert client.post("/v1/articles", json={"text": "Police counted 12 victims."}).status_code == 201
    assert client.get("/v1/articles/1").status_code == 200
    for path in (f"/v1/articles/{digit}", f"/v1/articles/{digit}/claims", f"/v1/claims/{digit}"):
        r = client.get(path)
        assert r.status_code == 404 and r.mimetype == "application/problem+json", path
    assert client.delete(f"/v1/articles/{digit}").status_code in (404, 405)
    for query in (f"article={digit}", f"limit={digit}", f"min={digit}", f"cursor={digit}"):
        r = client.get(f"/v1/claims?{query}")
        assert r.status_code == 400, query
    assert client.get(f"/v1/consistency?article={digit}").status_code == 400


@pytest.mark.parametrize("sort", ["id", "-id", "value", "-value", "usd", "-usd", "published", "-published"])
@pytest.mark.parametrize(
    "cursor", ["0", "1", "9999999999", "0_0", "5_abc", "3_2024-01-01", "7_~", "2_-1e308", "2_1e%2B308"]
)
def test_every_documented_cursor_is_accepted(client: Any, sort: str, cursor: str) -> None:
    assert client.get(f"/v1/claims?cursor={cursor}&sort={sort}").status_code == 200
    assert client.get(f"/v1/articles?cursor={cursor}").status_code == 200


@pytest.mark.parametrize("sort", ["id", "-value", "usd", "-published"])
def test_cursors_walk_every_claim_once(client: Any, fake_extractor: Any, sort: str) -> None:
    for i in range(7):
        text = f"Article {i}: {i + 1} people and ${i}0 million, {i}5 percent."
        published = f"2024-01-0{i + 1}" if i % 2 else None
        assert client.post("/v1/articles", json={"text": text, "published": published}).status_code == 201
    seen: list[int] = []
    cursor = None
    while True:
        url = f"/v1/claims?limit=4&sort={sort}" + (f"&cursor={cursor}" if cursor else "")
        body = client.get(url).get_json()
        seen += [c["id"] for c in body["claims"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    everything = [c["id"] for c in client.get("/v1/claims?limit=200").get_json()["claims"]]
    assert len(everything) >= 21 and len(seen) == len(set(seen)) and sorted(seen) == sorted(everything)


@pytest.mark.parametrize("bad", ["abc", "eyJhIjoxfQ", "1_", "_1", "1__2", "12345678901"])
def test_other_cursors_are_refused(client: Any, bad: str) -> None:
    r = client.get(f"/v1/claims?cursor={bad}")
    assert r.status_code == 400 and "cursor" in r.get_json()["errors"]


def test_database_outage_is_a_503_logged_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, fake_extractor: Any
) -> None:
    from claims_api.api import create_app
    from claims_api.api.errors import OUTAGE
    from claims_api.storage import open_store

    db = tmp_path / "gone" / "claims.db"
    db.parent.mkdir()
    url = f"sqlite:///{db}"
    store = open_store(url)
    store.upgrade()
    app = create_app({"DATABASE_URL": url, "TESTING": True}, store=store)
    client = app.test_client()
    assert client.post("/v1/articles", json={"text": "There were 12 ships."}).status_code == 201
    store.close()
    hidden = tmp_path / "hidden"
    db.parent.rename(hidden)  # the database file is unreachable now
    try:
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="claims_api.api.errors"):
            for path in ("/v1/articles", "/v1/claims", "/v1/articles/1", "/v1/consistency", "/healthz"):
                for _ in range(3):
                    r = client.get(path)
                    assert r.status_code == 503, (path, r.get_data())
                    assert r.mimetype == "application/problem+json"
                    assert r.get_json()["type"].endswith("database-unavailable")
                    assert int(r.headers["Retry-After"]) >= 1
            r = client.post("/v1/articles", json={"text": "There were 13 ships."})
            assert r.status_code == 503
        lines = [rec for rec in caplog.records if rec.levelno >= logging.ERROR]
        assert len(lines) == 1 and lines[0].exc_info is None, [r.getMessage() for r in lines]
    finally:
        store.close()
        hidden.rename(db.parent)
    with caplog.at_level(logging.INFO, logger="claims_api.api.errors"):
        assert client.get("/v1/articles/1").status_code == 200  # recovers by itself
    assert not OUTAGE.down
    assert any("available again" in rec.getMessage() for rec in caplog.records)
