"""Claims: search stored figures, read one with its sentence and article."""

from __future__ import annotations

import math
from typing import Any

from flask import Blueprint

from claims_api.api.errors import ApiError
from claims_api.api.inputs import decode_cursor, encode_cursor, query
from claims_api.api.routes import claim_dict, store
from claims_api.api.schemas import MAX_ID, ClaimDetailOut, ClaimListOut, ClaimsQuery
from claims_api.storage import ClaimQuery

bp = Blueprint("claims", __name__)


# Where a list starts when a cursor carries no usable key: before every sort key.
_BEFORE_ALL: dict[bool, tuple[Any, int]] = {False: (-1e308, 0), True: (1e308, MAX_ID)}
# The store sorts claims without a date as "" when descending; "" cannot stand in a cursor.
_NO_DATE = "."
_BEFORE_ALL_DATES: dict[bool, tuple[Any, int]] = {False: ("", 0), True: ("~~", MAX_ID)}


def _after(cursor: str | None, sort: str) -> tuple[Any, int] | None:
    """The keyset position of a cursor. Any cursor of the documented grammar is a position:
    one without a key (or with a key of another sort's type) starts the list at the beginning."""
    if not cursor:
        return None
    last_id, raw = decode_cursor(cursor)
    field, desc = sort.lstrip("-"), sort.startswith("-")
    if field == "id":
        return last_id, last_id
    if field == "published":
        if raw is None:
            return _BEFORE_ALL_DATES[desc]
        return ("" if raw == _NO_DATE else raw), last_id
    try:
        key = float(raw) if raw is not None else math.nan
    except ValueError:
        key = math.nan
    if math.isnan(key):
        return _BEFORE_ALL[desc]
    return max(-1e308, min(1e308, key)), last_id


@bp.get("/v1/claims")
def list_claims() -> dict:
    """Search claims by kind, unit or currency, value range, USD range, words, article and date."""
    q = query(ClaimsQuery())
    unit = q["unit"] or (q["currency"].upper() if q["currency"] else None)
    words = tuple((q["q"] or "").lower().split())  # the store stems them (full-text search)
    cq = ClaimQuery(
        kind="money" if q["currency"] and not q["kind"] else q["kind"],
        unit=unit,
        min=q["min"],
        max=q["max"],
        usd_min=q["usd_min"],
        usd_max=q["usd_max"],
        q=words,
        article=q["article"],
        published_from=q["published_from"],
        published_to=q["published_to"],
    )
    page = store().find_claims(cq, sort=q["sort"], after=_after(q["cursor"], q["sort"]), limit=q["limit"])
    nxt = None
    if page.after is not None:
        key = None if q["sort"].lstrip("-") == "id" else page.after[0]
        if isinstance(key, int):
            key = float(key)
        nxt = encode_cursor(page.after[1], _NO_DATE if key == "" else key)
    return ClaimListOut().dump({"claims": [claim_dict(c) for c in page.items], "next_cursor": nxt})


@bp.get("/v1/claims/<id:claim_id>")
def get_claim(claim_id: int) -> dict:
    """One claim with its sentence and its article."""
    found = store().get_claim(claim_id)
    if found is None:
        raise ApiError(404, "Not Found", f"There is no claim {claim_id}.", kind="not-found")
    article = store().get_article(found.article_id)
    return ClaimDetailOut().dump({**claim_dict(found), "article": article})
