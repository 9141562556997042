"""claims-api serve: run the HTTP API on gunicorn with the shipped settings
(``claims_api.api.gunicorn_conf``: every error a client sees is problem+json)."""

from __future__ import annotations

import argparse
import os
import sys

HELP = "serve the JSON API (default 127.0.0.1:8000); --load PATH ingests .txt files first"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="default 127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="default 8000")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument(
        "--load", nargs="+", default=[], metavar="PATH", help=".txt files or folders to ingest"
    )
    parser.add_argument("--database-url", help="default: $CLAIMS_DATABASE_URL or sqlite:///claims.db")


def run(args: argparse.Namespace) -> int:
    from claims_api.commands.db import database_url
    from claims_api.commands.ingest import ingest
    from claims_api.storage import open_store

    url = database_url(args.database_url)
    os.environ["CLAIMS_DATABASE_URL"] = url  # gunicorn workers read it
    store = open_store(url)
    try:
        if store.is_empty():
            store.upgrade()
            print(f"created the database schema at {url}", file=sys.stderr)
        # work a previous run left pending (a write whose re-check did not run, a migration)
        if store.converge(progress=False):  # type: ignore[attr-defined]
            print("brought the consistency findings up to date", file=sys.stderr)
        if args.load:
            try:
                print(ingest(store, args.load).line(), file=sys.stderr)
            except FileNotFoundError as exc:
                print(f"claims-api serve: {exc}", file=sys.stderr)
                return 2
    finally:
        store.close()
    print(f"serving on http://{args.host}:{args.port} (docs at /docs)", file=sys.stderr)
    return _gunicorn(args)


def _gunicorn(args: argparse.Namespace) -> int:
    from gunicorn.app.wsgiapp import WSGIApplication

    sys.argv = [
        "gunicorn",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(max(1, args.workers)),
        "--config",
        "python:claims_api.api.gunicorn_conf",
        "claims_api.api.wsgi:app",
    ]
    WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").run()
    return 0
