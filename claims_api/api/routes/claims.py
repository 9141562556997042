"""Claims: search stored figures, read one with its sentence and article."""

from __future__ import annotations

from typing import Any

from flask import Blueprint

from claims_api.api.errors import ApiError
from claims_api.api.inputs import bad_cursor, decode_cursor, encode_cursor, query
from claims_api.api.routes import claim_dict, store
from claims_api.api.schemas import ClaimDetailOut, ClaimListOut, ClaimsQuery
from claims_api.storage import ClaimQuery

bp = Blueprint("claims", __name__)


def _after(cursor: str | None, sort: str) -> tuple[Any, int] | None:
    if not cursor:
        return None
    cur = decode_cursor(cursor)
    key, last_id = cur.get("k"), cur.get("i")
    field = sort.lstrip("-")
    key_ok = isinstance(key, str) if field == "published" else isinstance(key, int | float)
    if (
        cur.get("s") != sort
        or not key_ok
        or isinstance(key, bool)
        or not isinstance(last_id, int)
        or isinstance(last_id, bool)
        or not 0 <= last_id < 2**31
        or (isinstance(key, int | float) and not -1e308 <= key <= 1e308)
    ):
        raise bad_cursor()
    return key, last_id


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
        nxt = encode_cursor({"s": q["sort"], "k": page.after[0], "i": page.after[1]})
    return ClaimListOut().dump({"claims": [claim_dict(c) for c in page.items], "next_cursor": nxt})


@bp.get("/v1/claims/<id:claim_id>")
def get_claim(claim_id: int) -> dict:
    """One claim with its sentence and its article."""
    found = store().get_claim(claim_id)
    if found is None:
        raise ApiError(404, "Not Found", f"There is no claim {claim_id}.", kind="not-found")
    article = store().get_article(found.article_id)
    return ClaimDetailOut().dump({**claim_dict(found), "article": article})
