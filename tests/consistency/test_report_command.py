"""``claims-api report``: the seed report from files (--from) in every format, and from a store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from claims_api.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_report_from_files_in_every_format(capsys: Any) -> None:
    assert main(["report", "--from", str(SEEDS), "--format", "json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    rules = {(f["rule"], f["status"]) for f in findings}
    assert ("conflicting_figures", "inconsistent") in rules and ("rate_vs_total", "consistent") in rules
    assert main(["report", "--from", str(SEEDS), "--status", "inconsistent"]) == 0
    table = capsys.readouterr().out
    assert "conflicting_figures" in table and "rate_vs_total" not in table
    assert main(["report", "--from", str(SEEDS), "--format", "html"]) == 0
    html = capsys.readouterr().out
    assert html.lstrip().lower().startswith("<!doctype html") and "<mark" in html


def test_report_from_a_store(tmp_path: Path, capsys: Any, monkeypatch: Any) -> None:
    url = f"sqlite:///{tmp_path / 'claims.db'}"
    monkeypatch.setenv("CLAIMS_DATABASE_URL", url)
    assert main(["ingest", str(SEEDS)]) == 0
    capsys.readouterr()
    assert main(["report", "--format", "json", "--rule", "implied_fx_rate"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    implied = sorted(round(f["numbers"]["implied"], 2) for f in findings if f["claims"])  # not the summary
    assert {3.33, 3.71, 3.79} <= set(implied), implied


def test_report_missing_path(capsys: Any) -> None:
    assert main(["report", "--from", "no/such/dir"]) != 0
    assert "no such file" in capsys.readouterr().err
