"""Other extractors' public test cases (../shared/peer-suites), run through ../shared/eval/peer_suite.py.

The issue asks for at least 85% of the money, percent and quantity cases. Skipped when
``../shared`` is not beside the checkout.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT.parent / "shared" / "eval" / "peer_suite.py"


@pytest.mark.skipif(not RUNNER.is_file(), reason="../shared/eval/peer_suite.py is not beside the checkout")
def test_money_percent_quantity_pass_rate() -> None:
    out = subprocess.run(
        [sys.executable, str(RUNNER), "claims_api:extract", "--kind", "money,percent,quantity", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
        check=True,
    )
    result = json.loads(out.stdout)
    assert result["extractor_errors"] == 0 or not result["extractor_errors"], result["extractor_errors"]
    assert result["overall"]["rate"] >= 0.85, result["overall"]
