"""Text the extractor does not read: a 422 ``unsupported-language`` problem, nothing stored."""

from __future__ import annotations

from typing import Any

import pytest

PROBLEM = "application/problem+json"
SPANISH = "El ministerio destinará 12,5 millones de soles a la reconstrucción de puentes."
ENGLISH = "Police counted 444 victims in 80 days."


def _problem(r: Any) -> dict[str, Any]:
    assert r.status_code == 422, r.get_data(as_text=True)[:300]
    assert r.mimetype == PROBLEM
    body = r.get_json(force=True)
    assert body["type"] == "urn:claims-api:problem:unsupported-language"
    assert body["status"] == 422 and body["title"] and body["detail"]
    assert body["language"] == "es" and body["confidence"] >= 0.7 and body["supported"] == ["en"]
    return body


@pytest.mark.parametrize("path", ["/v1/extract", "/v1/articles"])
def test_spanish_is_refused(client: Any, path: str) -> None:
    body = _problem(client.post(path, json={"text": SPANISH}))
    assert body["errors"] == {"text": [body["errors"]["text"][0]]}
    assert client.get("/v1/articles").get_json()["articles"] == []


def test_batch_names_the_item_and_stores_nothing(client: Any) -> None:
    r = client.post("/v1/articles/batch", json={"articles": [{"text": ENGLISH}, {"text": SPANISH}]})
    body = _problem(r)
    assert set(body["errors"]["articles"]) == {"1"}
    assert body["detail"].startswith("Article 1:")
    assert client.get("/v1/articles").get_json()["articles"] == []


def test_language_field_overrides_detection(client: Any) -> None:
    r = client.post("/v1/extract", json={"text": SPANISH, "language": "en"})
    assert r.status_code == 200 and r.get_json()["claims"]
    r = client.post("/v1/articles", json={"text": SPANISH, "language": "en"})
    assert r.status_code == 201
    assert r.get_json()["article"]["text"] == SPANISH


def test_only_english_may_be_named(client: Any) -> None:
    r = client.post("/v1/extract", json={"text": ENGLISH, "language": "es"})
    assert r.status_code == 422 and r.get_json()["type"] == "urn:claims-api:problem:validation"
    assert "language" in r.get_json()["errors"]


def test_ingest_skips_with_a_warning(store: Any, tmp_path: Any, capsys: Any) -> None:
    from claims_api.commands.ingest import ingest

    (tmp_path / "es.txt").write_text(SPANISH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    summary = ingest(store, [tmp_path], progress=False)
    assert (summary.added, summary.unsupported) == (1, 1)
    assert summary.line().endswith(", 1 skipped (language not read)")
    err = capsys.readouterr().err
    assert "skipping" in err and "es.txt" in err
    assert [a.doc for a in store.list_articles().items] == ["en"]
