"""What a new user meets first (issue 12, defect 13): the README's examples, --help, .gitignore,
and a test command that says which tests were skipped and why."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(title)
    end = min(i for i in (README.find("\n####", start + 1), README.find("\n## ", start + 1)) if i > 0)
    return README[start:end]


def test_first_store_example_says_created() -> None:
    store = _section("#### Store an article")
    assert '"created": true' in store and '"created": false' not in store


def test_keys_example_shows_how_the_server_was_started() -> None:
    keys = _section("#### Keys")
    assert re.search(r"CLAIMS_API_KEYS=\S+ \S*claims-api serve", keys), keys[:400]


def test_readme_says_answers_are_one_line() -> None:
    examples = README[README.index("### Examples") : README.index("#### Health")]
    assert "one line" in examples and "json.tool" in examples


def test_readme_says_read_keys_close_writes() -> None:
    row = next(line for line in README.splitlines() if line.startswith("| `CLAIMS_API_READ_KEYS`"))
    assert "writes" in row and "CLAIMS_API_KEYS" in row


def test_help_shows_no_markup() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "claims_api", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "``" not in out and "claims-api" in out
    for command in ("extract", "serve", "ingest", "db", "report"):
        assert command in out


def test_gitignore_covers_sqlite_side_files() -> None:
    ignored = (ROOT / ".gitignore").read_text().split()
    assert {"*.db", "*.db-wal", "*.db-shm"} <= set(ignored)


def test_test_command_reports_skips() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "-rs" in config["tool"]["pytest"]["ini_options"]["addopts"].split()
    assert ".venv/bin/pytest" in (ROOT / ".ci" / "run").read_text()
