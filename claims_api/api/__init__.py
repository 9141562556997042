"""The JSON REST API over HTTP: ``create_app(config=None)`` builds the Flask application.

Routes live in ``routes/`` (one blueprint per resource), request and response shapes in
``schemas.py``, errors in ``errors.py`` (RFC 9457 problem details), settings in ``config.py``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter

from claims_api.api import auth, errors
from claims_api.api import config as _config
from claims_api.api.routes import BLUEPRINTS
from claims_api.storage import ClaimStore, open_store

__all__ = ["create_app"]


class IdConverter(IntegerConverter):
    """A row id in a path, ASCII digits only (werkzeug's ``\\d`` also takes "١", Arabic-Indic
    one); ids past the database's integer range match nothing (404, not 405)."""

    regex = r"[0-9]+"

    def to_python(self, value: str) -> int:
        number = int(value)
        return number if 1 <= number <= 2**31 - 1 else 0


def create_app(config: Mapping[str, Any] | None = None, *, store: ClaimStore | None = None) -> Flask:
    """Build the app; ``config`` overrides the environment (see ``config.from_env``).

    ``store`` replaces the one opened from ``DATABASE_URL`` (tests pass their own).
    """
    app = Flask(__name__)
    app.config.update(_config.resolve(config))
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_BODY_BYTES"]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.url_map.strict_slashes = False
    app.url_map.converters["id"] = IdConverter
    if store is None:
        store = open_store(app.config["DATABASE_URL"])
        if app.config["AUTO_MIGRATE"] and store.is_empty():
            store.upgrade()
        _finish_pending(store)
    app.extensions["claims_store"] = store
    errors.register(app)
    auth.register(app)
    for name in BLUEPRINTS:
        app.register_blueprint(importlib.import_module(f"claims_api.api.routes.{name}").bp)
    return app


def _finish_pending(store: ClaimStore) -> None:
    """Re-judge what writes of an earlier run left pending (a killed worker, a database outage);
    a full recompute waits for ``claims-api db recheck`` / ``serve``. Never stops the app."""
    try:
        if not store.is_empty():
            store.run_pending(full=False)
    except Exception as exc:  # the database may be down at start: the next start retries
        log = logging.getLogger(__name__)
        log.warning("pending findings not settled at start: %s", exc.__class__.__name__)
