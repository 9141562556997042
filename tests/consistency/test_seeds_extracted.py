"""The seed report as the extractor reads the seeds (not the gold claims) matches consistency_seeds.json.

The end-to-end check of issue 5: extraction, normalization and the rules together. The tests are
those of ``test_seeds``, run here against this module's ``report`` fixture.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from claims_api import extract
from claims_api.consistency import run_checks
from claims_api.model import Article, Finding

from .test_seeds import (  # noqa: F401  (collected again with this module's fixture)
    test_no_false_alarm,
    test_no_unlisted_inconsistency,
    test_required_finding_present,
)

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
