"""Running one rule on small texts for the table-driven tests."""

from __future__ import annotations

from claims_api.model import Article, Finding, Status


def run_rule(check, *articles: Article) -> list[Finding]:
    return list(check.run(articles, None))


def statuses(findings: list[Finding]) -> list[str]:
    return [f.status.value for f in findings]


INCONSISTENT = Status.INCONSISTENT.value
CONSISTENT = Status.CONSISTENT.value
