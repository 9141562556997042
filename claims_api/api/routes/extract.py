"""POST /v1/extract: the claims in a text, nothing stored."""

from __future__ import annotations

from flask import Blueprint, current_app

from claims_api.api.inputs import json_body
from claims_api.api.schemas import ExtractIn, ExtractOut
from claims_api.extract import extract as run_extract
from claims_api.storage import sentence_excerpt

bp = Blueprint("extract", __name__)
_in, _out = ExtractIn(), ExtractOut()


@bp.post("/v1/extract")
def extract() -> tuple[dict, int]:
    """Extract the claims of a text without storing anything."""
    data = json_body(_in)
    text = data["text"]
    claims = run_extract(
        text,
        published=data["published"],
        max_claims=current_app.config["MAX_CLAIMS"],
        language=data["language"],
    )
    out = [{**c.to_dict(), "optional": c.optional, "sentence": sentence_excerpt(text, c)} for c in claims]
    return _out.dump({"claims": out}), 200
