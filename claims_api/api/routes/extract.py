"""POST /v1/extract: the claims in a text (with their roles), and optionally its relations; nothing stored."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app

from claims_api.api.inputs import json_body
from claims_api.api.routes import relation_dict
from claims_api.api.schemas import ExtractIn, ExtractOut
from claims_api.extract import extract as run_extract
from claims_api.relations.annotate import annotate_claims
from claims_api.storage import sentence_excerpt

bp = Blueprint("extract", __name__)
_in, _out = ExtractIn(), ExtractOut()


@bp.post("/v1/extract")
def extract() -> tuple[dict, int]:
    """Extract the claims of a text without storing anything; ``relations: true`` adds its relations."""
    data = json_body(_in)
    text = data["text"]
    claims = run_extract(
        text,
        published=data["published"],
        max_claims=current_app.config["MAX_CLAIMS"],
        language=data["language"],
    )
    claims, relations = annotate_claims(text, claims, published=data["published"])
    out = [{**c.to_dict(), "optional": c.optional, "sentence": sentence_excerpt(text, c)} for c in claims]
    body: dict[str, Any] = {"claims": out}
    if data["relations"]:
        body["relations"] = [relation_dict(r, text, claims) for r in relations]
    return _out.dump(body), 200
