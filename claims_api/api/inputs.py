"""Reading requests: JSON bodies, query strings and opaque cursors, each failure a problem."""

from __future__ import annotations

import json
from typing import Any

from flask import current_app, request
from marshmallow import Schema, ValidationError

from claims_api.api.errors import ApiError


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _check_strings(value: Any) -> None:
    """Reject lone surrogates ("\\ud800"): valid JSON escapes that no database can store."""
    if isinstance(value, str):
        value.encode("utf-8")
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_strings(k)
            _check_strings(v)
    elif isinstance(value, list):
        for v in value:
            _check_strings(v)


def too_large() -> ApiError:
    return ApiError(
        413,
        "Request Entity Too Large",
        "The request body is larger than the limit (CLAIMS_MAX_BODY_BYTES).",
        kind="body-too-large",
        headers={"Connection": "close"},
    )


def read_body(limit: int) -> bytes:
    """The request body, at most ``limit`` bytes, else 413 whatever the transfer encoding.

    A declared Content-Length over the limit is refused unread. A body without one (chunked) is
    read from the server's own stream up to one byte past the limit, never further: werkzeug's
    limited stream would stop at the limit and hand the cut body on as if it were whole."""
    declared = request.content_length
    if declared is not None:
        if declared > limit:
            raise too_large()
        return request.get_data(cache=True)
    if not request.environ.get("wsgi.input_terminated"):
        return b""  # neither a length nor a terminated (dechunked) stream: there is no body
    stream = request.environ["wsgi.input"]
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        part = stream.read(min(64 * 1024, limit + 1 - size))
        if not part:
            break
        parts.append(part)
        size += len(part)
    if size > limit:
        raise too_large()
    return b"".join(parts)


def json_body(schema: Schema) -> Any:
    """The request body, parsed and validated by ``schema`` (415, 413, 400 or 422 otherwise)."""
    mimetype = request.mimetype
    if mimetype != "application/json" and not (
        mimetype.startswith("application/") and mimetype.endswith("+json")
    ):
        raise ApiError(
            415,
            "Unsupported Media Type",
            f"Send the body as application/json, not {mimetype or 'no content type'}.",
            kind="unsupported-media-type",
        )
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ApiError(
            415, "Unsupported Media Type", "The body must be UTF-8.", kind="unsupported-media-type"
        )
    raw = read_body(current_app.config["MAX_BODY_BYTES"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(
            400, "Invalid UTF-8", f"The body is not valid UTF-8 (byte {exc.start}).", kind="invalid-utf8"
        ) from None
    if not text.strip():
        raise ApiError(
            400, "Empty body", "The request body is empty; send a JSON object.", kind="invalid-json"
        )
    try:
        data = json.loads(text.removeprefix("\ufeff"), parse_constant=_reject_constant)
        _check_strings(data)
    except RecursionError:
        raise ApiError(400, "Invalid JSON", "The JSON is nested too deeply.", kind="invalid-json") from None
    except UnicodeEncodeError:
        raise ApiError(
            400,
            "Invalid JSON",
            "The JSON holds an unpaired surrogate escape (\\ud800-\\udfff).",
            kind="invalid-json",
        ) from None
    except ValueError as exc:
        raise ApiError(
            400, "Invalid JSON", f"The body is not valid JSON: {exc}", kind="invalid-json"
        ) from None
    if not isinstance(data, dict):
        raise ApiError(
            422,
            "Validation failed",
            "The body must be a JSON object.",
            kind="validation",
            errors={"_schema": ["Must be a JSON object."]},
        )
    try:
        return schema.load(data)
    except ValidationError as exc:
        raise ApiError(
            422,
            "Validation failed",
            "Some fields are missing or invalid.",
            kind="validation",
            errors=_messages(exc),
        ) from None


def query(schema: Schema) -> dict[str, Any]:
    """The query string validated by ``schema``; unknown or repeated parameters are a 400."""
    args = request.args
    repeated = [k for k in args if len(args.getlist(k)) > 1]
    if repeated:
        raise ApiError(
            400,
            "Bad query parameters",
            "Give each parameter once.",
            kind="bad-query",
            errors={k: ["Given more than once."] for k in repeated},
        )
    try:
        return schema.load(args.to_dict())
    except ValidationError as exc:
        raise ApiError(
            400,
            "Bad query parameters",
            "Some query parameters are invalid.",
            kind="bad-query",
            errors=_messages(exc),
        ) from None


def _messages(exc: ValidationError) -> dict[str, Any]:
    msgs = exc.messages
    if isinstance(msgs, dict):
        return {str(k): v for k, v in msgs.items()}
    return {"_schema": msgs}


def encode_cursor(last_id: int, key: Any = None) -> str:
    """A page cursor: ``<last id>``, or ``<last id>_<last sort key>`` (a number or an ISO date)."""
    if key is None:
        return str(last_id)
    # repr(1e308) is "1e+308": drop the "+", which a query string would read as a space
    return f"{last_id}_{key!r}".replace("e+", "e") if isinstance(key, float) else f"{last_id}_{key}"


def decode_cursor(cursor: str) -> tuple[int, str | None]:
    """(last id, last sort key as written or None) of a cursor ``schemas.CURSOR`` accepted.

    Every string of that grammar is a position the lists accept, so the contract and the server
    agree on what a valid cursor is; ids past the database's range are clamped."""
    from claims_api.api.schemas import CURSOR, MAX_ID

    m = CURSOR.match(cursor)
    if m is None:  # the schema validated it; kept for callers that did not
        raise ApiError(
            400,
            "Bad query parameters",
            "The cursor is not one this server issues (see next_cursor).",
            kind="bad-query",
            errors={"cursor": ["Invalid cursor."]},
        )
    return min(int(m["id"]), MAX_ID), m["key"]
