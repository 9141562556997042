"""claims-api db upgrade: create or migrate the database schema (Alembic, shipped in the package)."""

from __future__ import annotations

import argparse
import os
import sys

HELP = "manage the database schema ('upgrade' creates or migrates it)"


def database_url(given: str | None = None) -> str:
    from claims_api.storage import DEFAULT_URL

    return given or os.environ.get("CLAIMS_DATABASE_URL") or DEFAULT_URL


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action", choices=["upgrade", "current"], help="upgrade: migrate to the newest revision"
    )
    parser.add_argument("--database-url", help="default: $CLAIMS_DATABASE_URL or sqlite:///claims.db")


def run(args: argparse.Namespace) -> int:
    from claims_api.storage import open_store

    store = open_store(database_url(args.database_url))
    try:
        if args.action == "upgrade":
            store.upgrade()
        revision = store.current_revision()  # type: ignore[attr-defined]
        print(f"database at revision {revision or 'none'}", file=sys.stderr)
    finally:
        store.close()
    return 0
