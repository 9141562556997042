"""Service routes, the packaged contract, Swagger UI offline, Docker files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_healthz(client: Any) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200 and r.get_json()["database"] == "ok"


def test_healthz_reports_a_broken_database(tmp_path: Path) -> None:
    from claims_api.api import create_app

    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'none' / 'x.db'}"})
    r = app.test_client().get("/healthz")
    assert r.status_code == 503 and r.mimetype == "application/problem+json"


def test_openapi_is_served_and_packaged_copy_is_identical(client: Any) -> None:
    packaged = ROOT / "claims_api" / "openapi.yaml"
    assert packaged.read_bytes() == (ROOT / "openapi.yaml").read_bytes(), "cp openapi.yaml claims_api/"
    r = client.get("/openapi.yaml")
    assert r.status_code == 200 and r.get_data() == packaged.read_bytes()
    spec = yaml.safe_load(r.get_data())
    assert spec["openapi"].startswith("3.")


def test_contract_is_valid_openapi() -> None:
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    validate(read_from_filename(str(ROOT / "openapi.yaml"))[0])


def test_every_route_is_in_the_contract(app: Any) -> None:
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    documented = {(p, m.upper()) for p, ops in spec["paths"].items() for m in ops if m != "parameters"}
    served = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint in ("static", "meta.docs_asset"):
            continue
        path = rule.rule
        for name in rule.arguments:
            path = path.replace(f"<id:{name}>", "{" + name + "}").replace(f"<{name}>", "{" + name + "}")
        served |= {(path, m) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert served == documented


def test_docs_are_offline(client: Any) -> None:
    page = client.get("/docs").get_data(as_text=True)
    assert "/openapi.yaml" in page and "https://" not in page and "http://" not in page
    for asset in (
        "/docs/swagger-ui.css",
        "/docs/swagger-ui-bundle.js",
        "/docs/swagger-ui-standalone-preset.js",
    ):
        assert asset in page
        r = client.get(asset)
        assert r.status_code == 200 and len(r.get_data()) > 1000
    assert client.get("/docs/../../etc/passwd").status_code == 404
    assert client.get("/docs/index.j2").status_code == 404


def test_docker_compose_structure() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    db = next(s for s in services.values() if "postgres" in str(s.get("image", "")))
    api_name, api = next((n, s) for n, s in services.items() if s is not db and "ports" in s)
    db_name = next(n for n, s in services.items() if s is db)
    assert "healthcheck" in db and "pg_isready" in str(db["healthcheck"]["test"])
    volume = next(iter(compose["volumes"]))
    assert any(str(v).startswith(f"{volume}:") for v in db["volumes"])
    assert api["depends_on"][db_name]["condition"] == "service_healthy"
    assert any(str(p).endswith("8000") for p in api["ports"])
    env = api["environment"]
    env = env if isinstance(env, dict) else dict(e.split("=", 1) for e in env)
    assert (
        env["CLAIMS_DATABASE_URL"].startswith("postgresql+psycopg://")
        and f"@{db_name}:" in env["CLAIMS_DATABASE_URL"]
    )
    assert "build" in api or "image" in api
    assert api_name


def test_dockerfile() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert text.startswith("FROM python:3.11-slim") or "\nFROM python:3.11-slim" in text
    assert "pip install" in text and "claims_api.api.wsgi:app" in text and "8000" in text


def test_contract_has_no_duplicate_keys() -> None:
    """A key given twice in one mapping (two "503" answers after a merge) is dropped silently by
    PyYAML but makes Swagger UI's parser refuse the whole contract."""
    from pathlib import Path

    import yaml

    dups: list[str] = []

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[object] = set()
        for k, _ in node.value:
            key = loader.construct_object(k, deep=deep)
            if key in seen:
                dups.append(f"{key!r} at line {k.start_mark.line + 1}")
            seen.add(key)
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    root = Path(__file__).resolve().parents[2]
    for path in (root / "openapi.yaml", root / "claims_api" / "openapi.yaml"):
        yaml.load(path.read_text(encoding="utf-8"), Strict)  # noqa: S506 (a SafeLoader subclass)
    assert dups == []
