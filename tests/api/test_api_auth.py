"""Bearer keys for writes (CLAIMS_API_KEYS) and, optionally, reads (CLAIMS_API_READ_KEYS)."""

from __future__ import annotations

from typing import Any

import pytest

WRITE = {"Authorization": "Bearer w-key"}
READ = {"Authorization": "Bearer r-key"}


def unauthorized(r: Any) -> None:
    assert r.status_code == 401 and r.mimetype == "application/problem+json"
    assert r.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("app_config", [{"API_KEYS": "w-key, other"}])
def test_writes_need_a_key(client: Any, app_config: Any) -> None:
    unauthorized(client.post("/v1/articles", json={"text": "a 1"}))
    unauthorized(client.post("/v1/articles", json={"text": "a 1"}, headers={"Authorization": "Bearer nope"}))
    unauthorized(client.post("/v1/articles", json={"text": "a 1"}, headers={"Authorization": "Basic w-key"}))
    unauthorized(client.post("/v1/articles/batch", json={"articles": [{"text": "a 1"}]}))
    unauthorized(client.delete("/v1/articles/1"))
    r = client.post("/v1/articles", json={"text": "a 1"}, headers=WRITE)
    assert r.status_code == 201
    assert (
        client.post(
            "/v1/articles", json={"text": "b 2"}, headers={"Authorization": "bearer other"}
        ).status_code
        == 201
    )
    # reads and extraction stay open
    assert client.get("/v1/articles").status_code == 200
    assert client.post("/v1/extract", json={"text": "a 1"}).status_code == 200
    assert client.delete("/v1/articles/1", headers=WRITE).status_code == 204


@pytest.mark.parametrize("app_config", [{"API_KEYS": "w-key", "READ_KEYS": "r-key"}])
def test_reads_need_a_key_when_configured(client: Any, app_config: Any) -> None:
    for path in ("/v1/articles", "/v1/claims", "/v1/consistency", "/v1/claims/1"):
        unauthorized(client.get(path))
        assert client.get(path, headers=READ).status_code in (200, 404)
        assert client.get(path, headers=WRITE).status_code in (200, 404)
    unauthorized(client.post("/v1/extract", json={"text": "a 1"}))
    assert client.post("/v1/extract", json={"text": "a 1"}, headers=READ).status_code == 200
    unauthorized(client.post("/v1/articles", json={"text": "a 1"}, headers=READ))
    # service routes are always open
    for path in ("/healthz", "/openapi.yaml", "/docs"):
        assert client.get(path).status_code == 200


def test_keys_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from claims_api.api.config import from_env

    monkeypatch.setenv("CLAIMS_API_KEYS", " a ,b,, ")
    monkeypatch.setenv("CLAIMS_API_READ_KEYS", "")
    cfg = from_env()
    assert cfg["API_KEYS"] == ("a", "b") and cfg["READ_KEYS"] == ()


def test_comparison_is_constant_time() -> None:
    import inspect

    from claims_api.api import auth

    assert "compare_digest" in inspect.getsource(auth._matches)
