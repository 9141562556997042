"""Bearer keys: once any key is configured, writes need one of CLAIMS_API_KEYS (with only
CLAIMS_API_READ_KEYS set, no key can write); reads need one of CLAIMS_API_READ_KEYS (or a write
key) when that is set. POST /v1/extract is a read."""

from __future__ import annotations

import hmac

from flask import Flask, current_app, request

from claims_api.api.errors import ApiError

OPEN_ENDPOINTS = {"meta.healthz", "meta.openapi", "meta.docs", "meta.docs_asset", "static"}
READ_POSTS = {"extract.extract"}


def _matches(given: str, keys: tuple[str, ...]) -> bool:
    # Compare against every key, in constant time for each, so timing reveals nothing.
    ok = False
    for key in keys:
        ok |= hmac.compare_digest(given.encode(), key.encode())
    return ok


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def check() -> None:
    endpoint = request.endpoint
    if endpoint is None or endpoint in OPEN_ENDPOINTS or request.method == "OPTIONS":
        return
    write_keys: tuple[str, ...] = current_app.config["API_KEYS"]
    read_keys: tuple[str, ...] = current_app.config["READ_KEYS"]
    is_write = request.method in ("POST", "PUT", "PATCH", "DELETE") and endpoint not in READ_POSTS
    if not write_keys and not read_keys:
        return  # no key configured: the service is open
    if is_write:
        allowed = write_keys  # empty with only read keys set: nobody may write
    elif read_keys:
        allowed = read_keys + write_keys
    else:
        return  # write keys only: reads stay open
    token = _bearer()
    if token is not None and _matches(token, allowed):
        return
    if token is None:
        detail = "Send 'Authorization: Bearer <key>'."
    elif is_write and not write_keys:
        detail = "Writes need a key from CLAIMS_API_KEYS, and none is configured."
    else:
        detail = "The key is not valid for this request."
    raise ApiError(
        401,
        "Unauthorized",
        detail,
        kind="unauthorized",
        headers={"WWW-Authenticate": 'Bearer realm="claims-api"'},
    )


def register(app: Flask) -> None:
    app.before_request(check)
