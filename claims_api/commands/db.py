"""claims-api db upgrade: create or migrate the database schema (Alembic, shipped in the package)."""

from __future__ import annotations

import argparse
import os
import sys

HELP = (
    "manage the database: 'upgrade' creates or migrates the schema (and recomputes findings made by "
    "older rules), 'recheck' recomputes every finding, 'current' prints the revision"
)


def database_url(given: str | None = None) -> str:
    from claims_api.storage import DEFAULT_URL

    return given or os.environ.get("CLAIMS_DATABASE_URL") or DEFAULT_URL


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        choices=["upgrade", "recheck", "current"],
        help="upgrade: migrate to the newest revision; recheck: recompute every finding in bulk",
    )
    parser.add_argument("--database-url", help="default: $CLAIMS_DATABASE_URL or sqlite:///claims.db")


def run(args: argparse.Namespace) -> int:
    from claims_api.storage import open_store

    store = open_store(database_url(args.database_url))
    try:
        if args.action == "upgrade":
            store.upgrade()
            done = store.converge(progress=True)  # type: ignore[attr-defined]
            if done == "recheck":
                print("recomputed the findings (made by older rules, or new rows)", file=sys.stderr)
        elif args.action == "recheck":
            n = store.recheck_all(progress=True)
            print(f"recomputed {n} finding(s)", file=sys.stderr)
        revision = store.current_revision()  # type: ignore[attr-defined]
        print(f"database at revision {revision or 'none'}", file=sys.stderr)
    finally:
        store.close()
    return 0
