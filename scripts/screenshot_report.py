"""Render the seed report (gold claims) to HTML and screenshot it with headless chromium.

Writes docs/consistency-report.png. Run: .venv/bin/python scripts/screenshot_report.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from consistency.gold import seed_articles  # noqa: E402

from claims_api.consistency import run_checks  # noqa: E402
from claims_api.consistency.render import render_html  # noqa: E402


def main() -> int:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        print("no chromium: apt-get install -y chromium", file=sys.stderr)
        return 1
    out = ROOT / "docs" / "consistency-report.png"
    out.parent.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(render_html(run_checks(seed_articles()), title="Consistency report: seed articles"))
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--screenshot={out}",
                "--window-size=1280,2000",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
