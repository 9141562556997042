"""``claims-api extract``: JSONL that score.py reads, JSON, a table, and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from claims_api.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_492ecf04c8029d0c.txt"


def test_jsonl_rows_carry_doc_and_claim_fields(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["extract", str(SEED)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(r["doc"] == SEED.stem for r in rows)
    text = SEED.read_text(encoding="utf-8")
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
        assert {"kind", "value", "low", "high", "unit", "qualifier", "what"} <= set(r)


def test_folder_json_and_table(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["extract", str(ROOT / "seeds"), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["doc"] for r in rows} == {p.stem for p in (ROOT / "seeds").glob("*.txt")}
    assert main(["extract", str(SEED), "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t")[:3] == ["doc", "start", "end"] and len(lines) > 5


def test_missing_path_is_an_error(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["extract", "no/such/file.txt"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_python_dash_m_works() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "claims_api", "extract", str(SEED), "--no-normalize"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.count("\n") > 5
