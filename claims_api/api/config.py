"""Settings from the environment, each with a default (the table is in docs/api.md)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from claims_api.storage import DEFAULT_URL

DEFAULT_MAX_BODY = 2 * 1024 * 1024


def _keys(raw: str | None) -> tuple[str, ...]:
    return tuple(k.strip() for k in (raw or "").split(",") if k.strip())


def from_env(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The app's settings read from ``env`` (default ``os.environ``)."""
    env = os.environ if env is None else env
    return {
        "DATABASE_URL": env.get("CLAIMS_DATABASE_URL") or DEFAULT_URL,
        "MAX_BODY_BYTES": int(env.get("CLAIMS_MAX_BODY_BYTES") or DEFAULT_MAX_BODY),
        "API_KEYS": _keys(env.get("CLAIMS_API_KEYS")),
        "READ_KEYS": _keys(env.get("CLAIMS_API_READ_KEYS")),
        "AUTO_MIGRATE": (env.get("CLAIMS_AUTO_MIGRATE") or "0").lower() in ("1", "true", "yes"),
        "PAGE_LIMIT": 50,
        "BATCH_MAX": 100,
        "MAX_CLAIMS": int(env.get("CLAIMS_MAX_CLAIMS") or 20_000),
        "REDIS_URL": env.get("CLAIMS_REDIS_URL") or None,  # the task queue; none: no async batches
        "QUEUE_NAME": env.get("CLAIMS_QUEUE") or "claims-api",
    }


def resolve(config: Mapping[str, Any] | None) -> dict[str, Any]:
    """Environment settings overridden by ``config``; key lists may be given as a string."""
    out = from_env()
    for key, value in (config or {}).items():
        out[key] = _keys(value) if key in ("API_KEYS", "READ_KEYS") and isinstance(value, str) else value
    return out
