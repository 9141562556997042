"""claims-api report: the consistency report from the store, or computed from .txt files (--from)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from claims_api.commands.paths import txt_files
from claims_api.model import Finding

HELP = "print the consistency report (table, json or html) from the database or from .txt files"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from claims_api.consistency import RULES

    parser.add_argument("--format", choices=["table", "json", "html"], default="table")
    parser.add_argument("--rule", choices=RULES, help="only this rule")
    parser.add_argument("--status", choices=["inconsistent", "consistent"], help="only this status")
    parser.add_argument("--severity", choices=["high", "medium", "low", "info"], help="only this severity")
    parser.add_argument(
        "--from",
        dest="paths",
        nargs="+",
        metavar="PATH",
        help=".txt files or folders: extract and check them in memory instead of reading the database",
    )
    parser.add_argument("--database-url", help="default: $CLAIMS_DATABASE_URL or sqlite:///claims.db")
    parser.add_argument("-o", "--output", help="write to this file instead of standard output")


def from_files(paths: Sequence[str | Path]) -> list[Finding]:
    """Extract every .txt file under ``paths`` and run the checks in memory."""
    from claims_api.consistency import report
    from claims_api.errors import UnsupportedLanguage
    from claims_api.extract import extract, published_of
    from claims_api.model import Article

    articles = []
    for path in txt_files(paths):
        text = path.read_text(encoding="utf-8")
        try:
            claims = tuple(extract(text))
        except UnsupportedLanguage as exc:
            print(f"skipping {path}: {exc}", file=sys.stderr)
            continue
        # the date the store would keep for this article (the dateline's, when there is one)
        published, _ = published_of(claims)
        articles.append(Article(id=path.stem, doc=path.stem, text=text, claims=claims, published=published))
    return report(articles)


def from_store(url: str | None, filters: dict[str, str]) -> list[Finding] | None:
    """Stored findings, or None when there is no store module or no database to read."""
    try:
        from claims_api.commands.db import database_url
        from claims_api.storage import open_store
    except ImportError:
        return None
    url = database_url(url)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return None  # do not create an empty database file just to read it
    store = open_store(url)
    try:
        if store.is_empty():
            return None
        return list(store.list_findings(**filters))
    finally:
        store.close()


def keep(findings: Sequence[Finding], filters: dict[str, str]) -> list[Finding]:
    return [
        f
        for f in findings
        if all(str(getattr(f, k).value if k != "rule" else f.rule) == v for k, v in filters.items())
    ]


def render(findings: Sequence[Finding], fmt: str) -> str:
    from claims_api.consistency.render import render_html, render_json, render_table

    if fmt == "json":
        import json

        return json.dumps(render_json(findings), indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return render_html(findings)
    return render_table(findings)


def run(args: argparse.Namespace) -> int:
    filters = {k: v for k in ("rule", "status", "severity") if (v := getattr(args, k)) is not None}
    try:
        if args.paths:
            findings = keep(from_files(args.paths), filters)
        else:
            stored = from_store(args.database_url, filters)
            if stored is None:
                print(
                    "claims-api report: no database to read (or it is empty); "
                    "use --from PATH... to check .txt files directly",
                    file=sys.stderr,
                )
                return 1
            findings = stored  # list_findings applied the filters
    except FileNotFoundError as exc:
        print(f"claims-api report: {exc}", file=sys.stderr)
        return 2
    out = render(findings, args.format)
    if args.output:
        Path(args.output).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 0
