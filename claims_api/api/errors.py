"""Every error leaves as ``application/problem+json`` (RFC 9457): type, title, status, detail,
and ``errors`` (field -> messages) when input was rejected field by field."""

from __future__ import annotations

import logging
import threading
from typing import Any

from flask import Flask, Response, json, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from claims_api.errors import TooManyClaims, UnsupportedLanguage
from claims_api.storage import is_unavailable

log = logging.getLogger(__name__)

PROBLEM = "application/problem+json"
TYPE_BASE = "urn:claims-api:problem:"


class ApiError(Exception):
    """An error the API answers on purpose; ``kind`` becomes the problem type."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str | None = None,
        *,
        kind: str | None = None,
        errors: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or title)
        self.status, self.title, self.detail = status, title, detail
        self.kind, self.errors, self.headers = kind, errors, headers or {}
        self.extra: dict[str, Any] = {}  # extension members of the problem (RFC 9457 section 3.2)


def problem(
    status: int,
    title: str,
    detail: str | None = None,
    *,
    kind: str | None = None,
    errors: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": TYPE_BASE + kind if kind else "about:blank",
        "title": title,
        "status": status,
        "detail": detail or title,
    }
    if errors:
        body["errors"] = errors
    for k, v in (extra or {}).items():
        body.setdefault(k, v)
    resp = Response(json.dumps(body), status=status, mimetype=PROBLEM)
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def _api_error(e: ApiError) -> Response:
    return problem(
        e.status, e.title, e.detail, kind=e.kind, errors=e.errors, headers=e.headers, extra=e.extra
    )


def _http_error(e: HTTPException) -> Response:
    headers = {}
    if isinstance(e, MethodNotAllowed) and e.valid_methods:
        headers["Allow"] = ", ".join(sorted(e.valid_methods))
    code = e.code or 500
    detail = e.description or e.name
    if code == 413:
        detail = "The request body is larger than the limit (CLAIMS_MAX_BODY_BYTES)."
    return problem(code, e.name, detail, headers=headers)


#: Seconds a client is asked to wait after a 503 (``Retry-After``).
RETRY_AFTER = 2


class Outage:
    """One log line when the database goes away and one when it answers again, not one per
    request (per process: every gunicorn worker notices for itself)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.down = False

    def failed(self, exc: BaseException) -> None:
        with self._lock:
            if self.down:
                return
            self.down = True
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        log.error("database unavailable (%s: %s); answering 503 until it is back", type(exc).__name__, first)

    def succeeded(self) -> None:
        if not self.down:
            return
        with self._lock:
            was, self.down = self.down, False
        if was:
            log.warning("database available again")


OUTAGE = Outage()
# Endpoints that answer without the database: their success says nothing about it.
_NO_DATABASE = {None, "meta.openapi", "meta.docs", "meta.docs_asset", "extract.extract", "static"}


def database_unavailable(detail: str = "The database is not answering; retry shortly.") -> Response:
    return problem(
        503,
        "Service Unavailable",
        detail,
        kind="database-unavailable",
        headers={"Retry-After": str(RETRY_AFTER)},
    )


def _unexpected(e: Exception) -> Response:
    if is_unavailable(e):
        OUTAGE.failed(e)
        return database_unavailable()
    log.exception("unhandled error")
    return problem(500, "Internal Server Error", "An unexpected error occurred; it has been logged.")


def _recovered(resp: Response) -> Response:
    # A request that read the database (a success or a 404) ends an outage.
    read_it = resp.status_code < 300 or resp.status_code == 404
    if OUTAGE.down and read_it and request.endpoint not in _NO_DATABASE:
        OUTAGE.succeeded()
    return resp


def _too_many_claims(e: TooManyClaims) -> Response:
    return problem(
        422,
        "Too Many Figures",
        f"{e} (CLAIMS_MAX_CLAIMS); no news article holds that many: split it or raise the limit.",
        kind="too-many-claims",
        errors={"text": [str(e)]},
    )


def unsupported_language(e: UnsupportedLanguage, field: str = "text") -> ApiError:
    """The 422 ``unsupported-language`` problem; ``field`` names the rejected input."""
    if e.given:
        detail = f"The language {e.language!r} is not read; the extractor reads {', '.join(e.supported)}."
    else:
        detail = (
            f"The text reads as {e.language!r} (confidence {e.confidence:.2f}); the extractor reads only "
            f'{", ".join(e.supported)}, and would give wrong figures. Send "language": "en" to '
            "extract it anyway."
        )
    err = ApiError(422, "Unsupported Language", detail, kind="unsupported-language", errors={field: [str(e)]})
    err.extra = {
        "language": e.language,
        "confidence": None if e.confidence is None else round(e.confidence, 4),
        "supported": e.supported,
    }
    return err


def _unsupported_language(e: UnsupportedLanguage) -> Response:
    return _api_error(unsupported_language(e))


def register(app: Flask) -> None:
    app.register_error_handler(TooManyClaims, _too_many_claims)
    app.register_error_handler(UnsupportedLanguage, _unsupported_language)
    app.register_error_handler(ApiError, _api_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    app.after_request(_recovered)
