"""GET /v1/consistency: the stored consistency findings, as JSON or as an HTML page."""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import Any

from flask import Blueprint, Response, request

from claims_api.api.inputs import query
from claims_api.api.routes import store
from claims_api.api.schemas import FindingsOut, FindingsQuery
from claims_api.model import Finding, Status

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


@bp.get("/v1/consistency")
def findings() -> Any:
    """Consistency findings, filtered; HTML when the client prefers text/html."""
    found = store().list_findings(**query(FindingsQuery()))
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    if best == "text/html":
        return Response(_html(found), mimetype="text/html")
    return FindingsOut().dump({"findings": [f.to_dict() for f in found]})
