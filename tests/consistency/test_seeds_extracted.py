"""The report on the seeds as the extractor reads them (not the gold claims) matches consistency_seeds.json.

This is the end-to-end check of issue 5: extraction, normalization and the rules together.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from claims_api import extract
from claims_api.consistency import run_checks
from claims_api.model import Article, Finding, Status

from .gold import expected
from .test_seeds import _covers, _overlaps, _spans, _within

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@cache
def extracted_articles() -> tuple[Article, ...]:
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        claims = tuple(extract(text))
        published = next((c.published for c in claims if c.published), None)
        articles.append(Article(id=path.stem, doc=path.stem, text=text, claims=claims, published=published))
    return tuple(articles)


@pytest.fixture(scope="module")
def report() -> list[Finding]:
    return run_checks(extracted_articles())


REQUIRED = expected()["required"]


@pytest.mark.parametrize("listed", REQUIRED, ids=[f"{r['rule']}:{r['claims'][0]['text']}" for r in REQUIRED])
def test_required_finding_present(report: list[Finding], listed: dict) -> None:
    matches = [f for f in report if _covers(f, listed) and _within(f, listed)]
    assert matches, f"missing: {listed['why']}"
    if listed["status"] != "any":
        assert any(f.status.value == listed["status"] for f in matches), [f.explanation for f in matches]
    if "implied" in listed:
        implied = [f.numbers["implied"] for f in matches]
        assert any(abs(x - listed["implied"]) <= listed["tolerance"] for x in implied), implied


def test_no_unlisted_inconsistency(report: list[Finding]) -> None:
    gold = expected()
    allowed = gold["required"] + gold["optional"]
    stray = [
        f.explanation
        for f in report
        if f.status is Status.INCONSISTENT and not any(_within(f, listed) for listed in allowed)
    ]
    assert stray == []


@pytest.mark.parametrize("alarm", expected()["false_alarms"], ids=lambda a: a["claims"][0]["text"])
def test_no_false_alarm(report: list[Finding], alarm: dict) -> None:
    spans = _spans(alarm)
    for f in report:
        if f.status is Status.INCONSISTENT:
            assert len({(r.doc, r.start, r.end) for r in f.claims if _overlaps(r, spans)}) < 2, f.explanation
