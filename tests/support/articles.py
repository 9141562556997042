"""Gold records and the extractor's predictions for a folder of articles, in score.py's format."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claims_api import extract


def read_gold(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Every record of the given JSON Lines gold files."""
    return [
        json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line
    ]


def predict(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """The extractor's claims for each article file, with ``doc`` set to the file's stem."""
    rows = []
    for path in sorted(paths):
        text = path.read_text(encoding="utf-8")
        for claim in extract(text):
            assert text[claim.start : claim.end] == claim.text
            rows.append({"doc": path.stem, **claim.to_dict()})
    return rows
