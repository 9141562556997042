"""The core stays pure: importing and running the extractor and the checks loads no Flask or SQL."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import claims_api
from claims_api import extract
from claims_api.consistency import run_checks
extract("Spending rose to 12.97 billion soles ($3.422 billion) in 2024.")
web_or_db = {"flask", "sqlalchemy", "alembic", "psycopg", "werkzeug"}
bad = sorted(m for m in sys.modules if m.split(".")[0] in web_or_db)
print(",".join(bad))
"""


def test_core_imports_no_web_or_database() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the core pulled in: {out.stdout.strip()}"
