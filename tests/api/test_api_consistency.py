"""Findings are recomputed incrementally when articles come and go, and served as JSON or HTML."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import fake_key

BODIES, SHIPS = fake_key("bodies"), fake_key("ships")


@pytest.fixture
def consistency(fake_checks: Any) -> Any:
    return fake_checks


@pytest.fixture(autouse=True)
def _fake(fake_extractor: Any) -> None:
    pass


def add(client: Any, text: str, **kw: Any) -> int:
    r = client.post("/v1/articles", json={"text": text, **kw})
    assert r.status_code == 201
    return int(r.get_json()["article"]["id"])


def findings(client: Any, query: str = "") -> list[dict[str, Any]]:
    r = client.get(f"/v1/consistency{query}")
    assert r.status_code == 200
    return list(r.get_json()["findings"])


def test_incremental_findings(client: Any) -> None:
    a = add(client, "Police found 12 bodies.", source="x", published="2025-01-01")
    assert findings(client) == []
    b = add(client, "Reporters saw 15 bodies at the site.", source="y", published="2025-02-01")
    (f,) = findings(client)
    assert f["rule"] == "conflicting_figures" and f["status"] == "inconsistent" and f["key"] == BODIES
    assert f["severity"] == "high" and [v["text"] for v in f["numbers"]["values"]] == ["12", "15"]
    assert {c["article_id"] for c in f["claims"]} == {a, b}
    ref = next(c for c in f["claims"] if c["article_id"] == b)
    assert ref["text"] == "15" and ref["sentence"] == "Reporters saw 15 bodies at the site."
    assert ref["start"] == 14 and ref["end"] == 16
    claim = client.get(f"/v1/claims/{ref['claim_id']}").get_json()
    assert claim["text"] == "15"

    c = add(client, "Only 7 cats and 15 bodies.", source="x")
    (f,) = findings(client)
    assert len(f["numbers"]["values"]) == 3  # the lowest and the highest figure are cited
    assert {r["article_id"] for r in f["claims"]} == {a, c}
    assert client.delete(f"/v1/articles/{b}").status_code == 204
    (f,) = findings(client)
    assert {r["article_id"] for r in f["claims"]} == {a, c}
    client.delete(f"/v1/articles/{a}")
    assert findings(client) == []


def test_filters(client: Any) -> None:
    a = add(client, "Police found 12 bodies.", source="x", published="2025-01-01")
    add(client, "Reporters saw 15 bodies.", source="y", published="2025-02-01")
    add(client, "There were 3 ships.", source="y", published="2025-02-01")
    add(client, "There were 3 ships in port.", source="z", published="2025-03-01")
    assert [f["key"] for f in findings(client)] == [BODIES, SHIPS]
    assert [f["key"] for f in findings(client, f"?article={a}")] == [BODIES]
    assert [f["key"] for f in findings(client, "?source=z")] == [SHIPS]
    assert [f["key"] for f in findings(client, "?status=consistent")] == [SHIPS]
    assert [f["key"] for f in findings(client, "?severity=high&rule=conflicting_figures")] == [BODIES]
    assert [f["key"] for f in findings(client, "?published_from=2025-03-01")] == [SHIPS]
    assert [f["key"] for f in findings(client, "?published_to=2025-01-15")] == [BODIES]
    assert findings(client, "?rule=other") == []


def test_html(client: Any) -> None:
    add(client, "Police found 12 bodies.")
    add(client, "Reporters saw 15 bodies <b>here</b>.")
    r = client.get("/v1/consistency", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    assert "conflicting_figures" in page and "<b>here</b>" not in page
    assert client.get("/v1/consistency", headers={"Accept": "*/*"}).mimetype == "application/json"


def test_html_puts_inconsistent_first_and_collapses_the_consistent(client: Any) -> None:
    add(client, "There were 3 ships.")
    add(client, "There were 3 ships in port.")
    add(client, "Police found 12 bodies.")
    add(client, "Reporters saw 15 bodies.")
    page = client.get("/v1/consistency", headers={"Accept": "text/html"}).get_data(as_text=True)
    import re

    # the two bodies counts disagree (inconsistent), the two ships counts agree (consistent)
    bad, good = page.index("give bodies"), page.index("for ships")
    assert bad < page.index("<details>") < good < page.index("</details>")
    assert re.search(r"<summary>1 [a-z_ ]+ checked", page), page


def test_minimal_html_without_renderer(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_render(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "claims_api.consistency.render":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    add(client, "Police found 12 bodies.")
    add(client, "Reporters saw 15 bodies.")
    monkeypatch.setattr(builtins, "__import__", no_render)
    page = client.get("/v1/consistency", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "<li><b>conflicting_figures</b>" in page and 'href="/v1/articles/' in page


def test_minimal_html_lists_inconsistent_first() -> None:
    from claims_api.api.routes.consistency import _minimal_html
    from claims_api.model import Finding, Severity, Status

    def finding(key: str, status: Status) -> Finding:
        return Finding("some_rule", status, Severity.INFO, (), {}, f"about {key}", key)

    page = _minimal_html([finding("ships", Status.CONSISTENT), finding("bodies", Status.INCONSISTENT)])
    assert page.index("about bodies") < page.index("about ships")


def test_store_list_findings_for_the_report_command(store: Any, client: Any) -> None:
    add(client, "Police found 12 bodies.", source="x")
    add(client, "Reporters saw 15 bodies.", source="y")
    (f,) = store.list_findings(source="y")
    assert f.rule == "conflicting_figures" and all(r.claim_id for r in f.claims)
    assert store.list_findings(status="consistent") == []
    assert store.recheck_all() == 1
    assert len(store.list_findings()) == 1
