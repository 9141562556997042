"""GET /v1/consistency: the stored consistency findings, as JSON or as an HTML page."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, request

from claims_api.api.inputs import decode_cursor, encode_cursor, query
from claims_api.api.routes import store
from claims_api.api.schemas import FindingsOut, FindingsQuery
from claims_api.model import Finding, Status
from claims_api.storage import FindingQuery

bp = Blueprint("consistency", __name__)
log = logging.getLogger(__name__)


class ArticleUrl(str):
    """The article link for the HTML report: usable as a template (``.format(id=...)``) or a call."""

    def __call__(self, article_id: Any) -> str:
        return self.format(id=article_id, article_id=article_id)


ARTICLE_URL = ArticleUrl("/v1/articles/{id}")


def _minimal_html(findings: Sequence[Finding]) -> str:
    items = []
    for f in sorted(findings, key=lambda f: f.status is not Status.INCONSISTENT):  # inconsistent first
        refs = ", ".join(f'<a href="{ARTICLE_URL(r.article_id)}">{html.escape(r.text)}</a>' for r in f.claims)
        items.append(
            f"<li><b>{html.escape(f.rule)}</b> [{html.escape(str(f.status))}, {html.escape(str(f.severity))}]"
            f" {html.escape(f.explanation)} ({refs})</li>"
        )
    body = "\n".join(items) or "<li>No findings.</li>"
    return (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Consistency report</title>'
        f"<h1>Consistency report</h1><ul>\n{body}\n</ul></html>"
    )


def _html(findings: Sequence[Finding]) -> str:
    try:
        from claims_api.consistency.render import render_html
    except ImportError:
        return _minimal_html(findings)
    try:
        return str(render_html(list(findings), article_url=ARTICLE_URL))
    except Exception:  # a broken renderer must not hide the findings
        log.exception("render_html failed; serving the minimal list")
        return _minimal_html(findings)


def _after(cursor: str | None) -> int | None:
    """The id of the last finding of the previous page (the store pages on its rank, rule, key, id)."""
    if not cursor:
        return None
    fid, _ = decode_cursor(cursor)
    return fid


def _next_link(cursor: str) -> str:
    args = request.args.to_dict()
    args["cursor"] = cursor
    return f'<p><a rel="next" href="{html.escape(request.path + "?" + urlencode(args))}">Next page</a></p>'


@bp.get("/v1/consistency")
def findings() -> Any:
    """One page of consistency findings, filtered; HTML when the client prefers text/html."""
    q = query(FindingsQuery())
    limit, cursor = q.pop("limit"), q.pop("cursor")
    page = store().find_findings(FindingQuery(**q), after=_after(cursor), limit=limit)
    nxt = None
    if page.after is not None:
        _, fid = page.after
        nxt = encode_cursor(fid)
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    if best == "text/html":
        body = _html(page.items)
        if nxt:
            link = _next_link(nxt)
            body = body.replace("</body>", link + "</body>", 1) if "</body>" in body else body + link
        return Response(body, mimetype="text/html")
    versions = page.extra.get("rules_versions") or [None] * len(page.items)
    out = []
    for f, version in zip(page.items, versions, strict=True):
        d = f.to_dict()
        if version is not None:
            d["rules_version"] = version
        out.append(d)
    return FindingsOut().dump({"findings": out, "next_cursor": nxt})
