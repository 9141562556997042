"""The extractor over the blind development set (``tests/data/dev``), scored like the seeds.

The thresholds are the level reached when the set was added, so a change that loses ground on
text nobody tuned for fails here; the seeds alone are too few to show it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.articles import predict, read_gold
from support.score import score

DEV = Path(__file__).resolve().parents[1] / "data" / "dev"
F1_FLOOR = 0.98
NORM_FLOOR = 0.97


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    result, _ = score(read_gold([DEV / "gold.jsonl"]), predict(DEV.glob("*.txt")))
    return result


def test_gold_offsets_hold() -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in DEV.glob("*.txt")}
    for record in read_gold([DEV / "gold.jsonl"]):
        assert texts[record["doc"]][record["start"] : record["end"]] == record["text"], record


def test_f1_on_dev_set(summary: dict[str, Any]) -> None:
    assert summary["f1"] >= F1_FLOOR, summary


def test_normalization_on_dev_set(summary: dict[str, Any]) -> None:
    assert summary["normalization_accuracy"] >= NORM_FLOOR, summary
