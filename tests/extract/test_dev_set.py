"""The extractor over the blind development set (``tests/data/dev``), scored like the seeds.

The thresholds are the level reached when the set was added, so a change that loses ground on
text nobody tuned for fails here; the seeds alone are too few to show it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support.score import score

from claims_api import extract

DEV = Path(__file__).resolve().parents[1] / "data" / "dev"
F1_FLOOR = 0.98
NORM_FLOOR = 0.97


def _gold() -> list[dict[str, Any]]:
    lines = (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _predict() -> list[dict[str, Any]]:
    rows = []
    for path in sorted(DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for claim in extract(text):
            assert text[claim.start : claim.end] == claim.text
            rows.append({"doc": path.stem, **claim.to_dict()})
    return rows


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    result, _ = score(_gold(), _predict())
    return result


def test_gold_offsets_hold() -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in DEV.glob("*.txt")}
    for record in _gold():
        assert texts[record["doc"]][record["start"] : record["end"]] == record["text"], record


def test_f1_on_dev_set(summary: dict[str, Any]) -> None:
    assert summary["f1"] >= F1_FLOOR, summary


def test_normalization_on_dev_set(summary: dict[str, Any]) -> None:
    assert summary["normalization_accuracy"] >= NORM_FLOOR, summary
