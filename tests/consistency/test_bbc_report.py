"""The report on the BBC development set (tests/data/bbc) against its consistency.json.

Matching is by overlapping claim spans and status, any rule (as ../shared/eval/check_consistency.py
--any-rule): every required finding found, no listed false alarm reported as inconsistent, at most
two inconsistent findings outside the required and optional lists. On the gold claims this must
hold fully; on the extractor's claims the floor is what the extraction of today allows (currency
words before the number, "dollars 1.2bn", and counts that inherit a currency are the extraction
branches' work) and is raised as they merge.
"""

from __future__ import annotations

import pytest

from claims_api.consistency import report
from claims_api.model import Finding, Status

from .bbc import bbc_extracted_articles, bbc_gold_articles, expected
from .scoring import score

#: Required findings reached on the extractor's claims today (of 50).
EXTRACTED_FLOOR = 50
MAX_UNLISTED = 2


def _score(findings: list[Finding]) -> tuple[list[str], list[str], list[str]]:
    return score(findings, expected())


@pytest.fixture(scope="module")
def gold_report() -> list[Finding]:
    return report(bbc_gold_articles())


@pytest.fixture(scope="module")
def extracted_report() -> list[Finding]:
    return report(bbc_extracted_articles())


def test_gold_claims_every_required_finding(gold_report):
    missing, _, _ = _score(gold_report)
    assert missing == []


def test_gold_claims_no_false_alarm(gold_report):
    _, alarms, unlisted = _score(gold_report)
    assert alarms == []
    assert len(unlisted) <= MAX_UNLISTED, unlisted


def test_extracted_claims_floor(extracted_report):
    missing, alarms, unlisted = _score(extracted_report)
    found = len(expected()["required"]) - len(missing)
    assert found >= EXTRACTED_FLOOR, missing
    assert alarms == []
    assert len(unlisted) <= MAX_UNLISTED, unlisted


def test_every_relation_is_a_finding_with_its_arithmetic(gold_report):
    """Consistent findings are the audit trail: each says what was computed."""
    assert sum(f.status is Status.CONSISTENT for f in gold_report) >= 46
    for f in gold_report:
        assert f.explanation and any(ch.isdigit() for ch in f.explanation), f
        assert f.numbers, f
