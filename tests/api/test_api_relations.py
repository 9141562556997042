"""Roles and relations over the API: computed once when an article is extracted or stored,
stored with its claims, served by every claim read and by GET /v1/articles/{id}/relations.

The role tests use a deterministic stand-in for the relation layer (``support.relations``);
the structure tests at the end run the real ``relate`` and only check shapes, so they hold for
the interface placeholder and for the full layer alike.
"""

from __future__ import annotations

from typing import Any

import pytest
from support.relations import RELATED, ROLES, fake_relate

import claims_api.relations as relations_pkg


@pytest.fixture
def fake_layer(monkeypatch: pytest.MonkeyPatch, fake_extractor: Any) -> None:
    monkeypatch.setattr(relations_pkg, "relate", fake_relate)


def _roles(claims: list[dict[str, Any]]) -> dict[str, tuple[Any, Any]]:
    return {c["text"]: (c["role"], c["change"]) for c in claims}


def _store(client: Any, text: str = RELATED) -> dict[str, Any]:
    r = client.post("/v1/articles", json={"text": text, "published": "2025-03-01"})
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def test_stored_claims_carry_their_roles_on_every_read(client: Any, fake_layer: None) -> None:
    body = _store(client)
    assert _roles(body["claims"]) == ROLES
    aid = body["article"]["id"]
    assert _roles(client.get(f"/v1/articles/{aid}/claims").get_json()["claims"]) == ROLES
    assert _roles(client.get(f"/v1/claims?article={aid}").get_json()["claims"]) == ROLES
    for c in body["claims"]:
        one = client.get(f"/v1/claims/{c['id']}").get_json()
        assert (one["role"], one["change"]) == ROLES[c["text"]]


def test_roles_are_not_recomputed_at_read_time(
    client: Any, fake_layer: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = _store(client)["article"]["id"]

    def broken(article: Any) -> Any:
        raise AssertionError("relate() called at read time")

    monkeypatch.setattr(relations_pkg, "relate", broken)
    assert _roles(client.get(f"/v1/articles/{aid}/claims").get_json()["claims"]) == ROLES
    assert len(client.get(f"/v1/articles/{aid}/relations").get_json()["relations"]) == 2


def test_relations_of_a_stored_article(client: Any, fake_layer: None) -> None:
    body = _store(client)
    aid = body["article"]["id"]
    ids = {c["text"]: c["id"] for c in body["claims"]}
    r = client.get(f"/v1/articles/{aid}/relations")
    assert r.status_code == 200
    doc = r.get_json()
    assert doc["article_id"] == aid
    change, part_of = doc["relations"]
    assert change["kind"] == "change" and change["how"] == "from-to"
    assert change["subject"] == "sales" and change["direction"] == "up"
    assert change["attrs"] == {"computed": 20.0, "stated": 20.0}
    assert [(m["text"], m["role"]) for m in change["claims"]] == [
        ("20 percent", "change_percent"),
        ("$1.2 billion", "level"),
        ("$1 billion", "former_level"),
    ]
    assert change["evidence"]["text"] == "rose 20 percent to $1.2 billion from $1 billion"
    assert part_of["kind"] == "part_of" and part_of["direction"] is None
    assert part_of["evidence"]["text"] == "Of the 40 staff, 25"
    for rel in doc["relations"]:
        assert isinstance(rel["id"], int)
        ev = rel["evidence"]
        assert RELATED[ev["start"] : ev["end"]] == ev["text"]
        for m in rel["claims"]:
            assert m["id"] == ids[m["text"]]
            assert RELATED[m["start"] : m["end"]] == m["text"]
            assert body["claims"][m["index"]]["id"] == m["id"]


def test_an_article_without_relations_has_an_empty_list(client: Any, fake_layer: None) -> None:
    aid = _store(client, "Nothing relates 7 to anything.")["article"]["id"]
    assert client.get(f"/v1/articles/{aid}/relations").get_json() == {"article_id": aid, "relations": []}
    claims = client.get(f"/v1/articles/{aid}/claims").get_json()["claims"]
    assert [(c["role"], c["change"]) for c in claims] == [(None, None)]


def test_missing_article_is_a_404_problem(client: Any) -> None:
    r = client.get("/v1/articles/999/relations")
    assert r.status_code == 404 and r.mimetype == "application/problem+json"
    assert client.get("/v1/articles/99999999999/relations").status_code == 404


def test_relations_go_with_the_article(client: Any, fake_layer: None, store: Any) -> None:
    aid = _store(client)["article"]["id"]
    assert len(store.article_relations(aid)) == 2
    assert client.delete(f"/v1/articles/{aid}").status_code == 204
    assert store.article_relations(aid) == []
    assert client.get(f"/v1/articles/{aid}/relations").status_code == 404


@pytest.mark.parametrize("app_config", [{"API_KEYS": "w-key", "READ_KEYS": "r-key"}])
def test_relations_need_a_read_key_when_configured(client: Any, fake_layer: None, app_config: Any) -> None:
    r = client.post("/v1/articles", json={"text": RELATED}, headers={"Authorization": "Bearer w-key"})
    aid = r.get_json()["article"]["id"]
    assert client.get(f"/v1/articles/{aid}/relations").status_code == 401
    ok = client.get(f"/v1/articles/{aid}/relations", headers={"Authorization": "Bearer r-key"})
    assert ok.status_code == 200 and len(ok.get_json()["relations"]) == 2


def test_extract_gives_roles_and_on_request_relations(client: Any, fake_layer: None) -> None:
    plain = client.post("/v1/extract", json={"text": RELATED}).get_json()
    assert _roles(plain["claims"]) == ROLES and "relations" not in plain
    full = client.post("/v1/extract", json={"text": RELATED, "relations": True}).get_json()
    assert _roles(full["claims"]) == ROLES
    assert [r["kind"] for r in full["relations"]] == ["change", "part_of"]
    for rel in full["relations"]:
        assert rel["id"] is None
        for m in rel["claims"]:
            assert m["id"] is None and full["claims"][m["index"]]["text"] == m["text"]
    assert client.post("/v1/extract", json={"text": RELATED, "relations": False}).get_json() == plain


def test_batch_stores_roles_and_relations(client: Any, fake_layer: None) -> None:
    r = client.post("/v1/articles/batch", json={"articles": [{"text": RELATED}, {"text": "Just 3 here."}]})
    first, second = r.get_json()["results"]
    assert _roles(first["claims"]) == ROLES
    aid = first["article"]["id"]
    assert len(client.get(f"/v1/articles/{aid}/relations").get_json()["relations"]) == 2
    assert client.get(f"/v1/articles/{second['article']['id']}/relations").get_json()["relations"] == []


# -- the real relation layer: structure only ---------------------------------------------------

REAL = (
    "Profits jumped 76% to $1.13bn (£600m) in the three months to December, from $639m a year "
    "earlier. Of the 40 people arrested, 25 were charged. A 12-mile (19 km) tailback formed."
)


def _structure_ok(claims: list[dict[str, Any]], rels: list[dict[str, Any]], text: str) -> None:
    roles = {"level", "former_level", "change_amount", "change_percent", "change_multiple", "conversion"}
    roles |= {"part", "total", "share", "rate", "period"}
    for c in claims:
        assert c["role"] in roles | {None} and c["change"] in ("up", "down", None)
    for rel in rels:
        assert rel["kind"] in ("conversion", "change", "part_of", "rate_total", "restatement")
        ev = rel["evidence"]
        assert 0 <= ev["start"] <= ev["end"] <= len(text) and text[ev["start"] : ev["end"]] == ev["text"]
        assert rel["claims"]
        for m in rel["claims"]:
            assert 0 <= m["index"] < len(claims) and claims[m["index"]]["text"] == m["text"]
            assert m["role"] in roles


def test_real_layer_over_extract_has_the_right_shape(client: Any) -> None:
    body = client.post("/v1/extract", json={"text": REAL, "relations": True}).get_json()
    assert body["claims"]
    _structure_ok(body["claims"], body["relations"], REAL)


def test_real_layer_when_stored_has_the_right_shape(client: Any) -> None:
    body = _store(client, REAL)
    aid = body["article"]["id"]
    rels = client.get(f"/v1/articles/{aid}/relations").get_json()["relations"]
    _structure_ok(body["claims"], rels, REAL)
    ids = {c["id"] for c in body["claims"]}
    assert all(m["id"] in ids for r in rels for m in r["claims"])


def test_contract_enums_match_the_relation_model() -> None:
    from pathlib import Path

    import yaml

    from claims_api.relations.model import Direction, RelationKind, Role

    spec = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi.yaml").read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    assert schemas["Role"]["enum"] == [r.value for r in Role]
    assert schemas["Relation"]["properties"]["kind"]["enum"] == [k.value for k in RelationKind]
    assert schemas["Relation"]["properties"]["direction"]["enum"] == [d.value for d in Direction] + [None]
    assert schemas["Claim"]["properties"]["change"]["enum"] == [d.value for d in Direction] + [None]
    assert {"role", "change"} <= set(schemas["Claim"]["required"])


@pytest.mark.parametrize("flag", [0, 1, "true", "yes please", None, [], {}])
def test_extract_relations_flag_is_a_json_boolean(client: Any, flag: Any) -> None:
    r = client.post("/v1/extract", json={"text": "a 1", "relations": flag})
    assert r.status_code == 422 and "relations" in r.get_json()["errors"]
