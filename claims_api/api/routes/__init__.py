"""One blueprint per resource; ``BLUEPRINTS`` lists the modules ``create_app`` registers."""

from __future__ import annotations

from typing import Any

from flask import current_app

from claims_api.storage import ClaimStore, StoredClaim

BLUEPRINTS = ("meta", "extract", "articles", "claims", "consistency", "jobs")


def store() -> ClaimStore:
    return current_app.extensions["claims_store"]  # type: ignore[no-any-return]


def claim_dict(c: StoredClaim) -> dict[str, Any]:
    return {
        **c.claim.to_dict(),
        "optional": c.claim.optional,
        "sentence": c.sentence,
        "id": c.id,
        "article_id": c.article_id,
        "doc": c.doc,
    }
