"""``claims-api extract PATH...``: claims of .txt articles as JSONL (score.py's format), JSON or a table."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from claims_api.commands.paths import txt_files
from claims_api.errors import UnsupportedLanguage
from claims_api.extract import extract
from claims_api.relations.annotate import annotate_claims

HELP = "extract the claims of .txt articles (files or folders) and print them"
_TABLE_COLUMNS = (
    "doc",
    "start",
    "end",
    "kind",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "role",
    "change",
    "text",
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=".txt files or folders of them")
    parser.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl")
    parser.add_argument("--published", help="publication date (ISO) for every article, else inferred")
    parser.add_argument("--no-normalize", action="store_true", help="skip currency and unit conversion")
    parser.add_argument(
        "--language",
        choices=("en",),
        help="the articles' language: skips detection (else articles not in English are skipped)",
    )


def read_article(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value).replace("\n", " ")


def run(args: argparse.Namespace) -> int:
    try:
        paths = txt_files(args.paths)
    except FileNotFoundError as exc:
        print(f"claims-api extract: {exc}", file=sys.stderr)
        return 2
    rows = []
    out = sys.stdout
    for path in paths:
        doc = path.stem
        text = read_article(path)
        try:
            claims = extract(
                text,
                published=args.published,
                normalize=not args.no_normalize,
                language=args.language,
            )
        except UnsupportedLanguage as exc:
            print(f"claims-api extract: skipping {path}: {exc}", file=sys.stderr)
            continue
        claims, _ = annotate_claims(text, claims, published=args.published)  # each claim's role, change
        for claim in claims:
            row = {"doc": doc, **claim.to_dict()}
            if args.format == "jsonl":
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                rows.append(row)
    if args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif args.format == "table":
        out.write("\t".join(_TABLE_COLUMNS) + "\n")
        for row in rows:
            out.write("\t".join(_cell(row[c]) for c in _TABLE_COLUMNS) + "\n")
    return 0
