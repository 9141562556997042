"""The extractor over the BBC development set (``tests/data/bbc``: sixteen real business articles
with their gold), scored like the seeds and the blind development set.

The floors are issue 10's goal (F1 0.98, normalization 0.95), reached when the currency-word,
country-mark, qualifier, per-unit and parallel-unit rules landed; a change that loses ground on
real wire text fails here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support.articles import predict, read_gold
from support.score import score

BBC = Path(__file__).resolve().parents[1] / "data" / "bbc"
F1_FLOOR = 0.98
NORM_FLOOR = 0.95


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    result, _ = score(read_gold([BBC / "gold.jsonl"]), predict(BBC.glob("*.txt")))
    return result


def test_gold_offsets_hold() -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in BBC.glob("*.txt")}
    for record in read_gold([BBC / "gold.jsonl"]):
        assert texts[record["doc"]][record["start"] : record["end"]] == record["text"], record


def test_f1_on_bbc_set(summary: dict[str, Any]) -> None:
    assert summary["f1"] >= F1_FLOOR, summary


def test_normalization_on_bbc_set(summary: dict[str, Any]) -> None:
    assert summary["normalization_accuracy"] >= NORM_FLOOR, summary
