"""Service routes: health, the OpenAPI contract and Swagger UI (served offline)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from flask import Blueprint, Response, abort, send_from_directory

from claims_api.api.errors import OUTAGE, database_unavailable
from claims_api.api.routes import store
from claims_api.api.schemas import HealthOut
from claims_api.errors import StoreError

bp = Blueprint("meta", __name__)
SWAGGER_ASSETS = (
    "swagger-ui.css",
    "swagger-ui-bundle.js",
    "swagger-ui-standalone-preset.js",
    "favicon-32x32.png",
    "favicon-16x16.png",
)


@cache
def spec_text() -> str:
    return resources.files("claims_api").joinpath("openapi.yaml").read_text(encoding="utf-8")


@bp.get("/healthz")
def healthz() -> Any:
    """Liveness and database check."""
    try:
        store().ping()
    except StoreError as exc:
        OUTAGE.failed(exc)
        return database_unavailable(str(exc))
    return HealthOut().dump({"status": "ok", "database": "ok"})


@bp.get("/openapi.yaml")
def openapi() -> Response:
    """The OpenAPI contract of this API."""
    return Response(spec_text(), mimetype="application/yaml")


def _swagger_dir() -> str:
    # swagger-ui-py ships Swagger UI 5, which reads OpenAPI 3.1 (swagger_ui_bundle's 4.15 does not)
    return str(resources.files("swagger_ui").joinpath("static"))


@bp.get("/docs")
def docs() -> Response:
    """Swagger UI 5 for the contract, from the swagger-ui-py package (no CDN)."""
    page = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>claims-api docs</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/swagger-ui-standalone-preset.js"></script>
<script>
window.onload = function () {
  window.ui = SwaggerUIBundle({url: "/openapi.yaml", dom_id: "#swagger-ui", deepLinking: true,
    validatorUrl: null, presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: "StandaloneLayout"});
};
</script></body></html>"""
    return Response(page, mimetype="text/html")


@bp.get("/docs/<name>")
def docs_asset(name: str) -> Response:
    if name not in SWAGGER_ASSETS:
        abort(404)
    return send_from_directory(_swagger_dir(), name, max_age=3600)
