"""claims-api ingest PATH...: store .txt articles (files or folders), skipping ones already stored."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claims_api.commands.paths import txt_files
from claims_api.storage import ClaimStore

HELP = "store the .txt articles in files and folders (doc = file name without .txt)"


@dataclass
class Summary:
    added: int = 0
    present: int = 0
    claims: int = 0
    failed: int = 0
    unsupported: int = 0

    def line(self) -> str:
        out = f"{self.added} articles added, {self.present} already present, {self.claims} claims"
        out += f", {self.failed} files unreadable" if self.failed else ""
        return out + (f", {self.unsupported} skipped (language not read)" if self.unsupported else "")


def ingest(store: ClaimStore, paths: Sequence[str | Path], *, progress: bool = True) -> Summary:
    """Extract and store every .txt file under ``paths``; duplicates (same text) are skipped."""
    from tqdm import tqdm

    from claims_api.errors import UnsupportedLanguage
    from claims_api.extract import extract, published_of
    from claims_api.relations.annotate import annotate_claims
    from claims_api.storage import NewArticle

    summary = Summary()
    files = txt_files(paths)
    for f in tqdm(files, desc="ingest", unit="file", file=sys.stderr, disable=not progress):
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"skipping {f}: {exc}", file=sys.stderr)
            summary.failed += 1
            continue
        if not text.strip() or "\x00" in text:
            print(f"skipping {f}: empty or binary", file=sys.stderr)
            summary.failed += 1
            continue
        if store.find_article(url=None, text=text) is not None:
            summary.present += 1
            continue
        try:
            claims = extract(text)
        except UnsupportedLanguage as exc:
            print(f"skipping {f}: {exc}", file=sys.stderr)
            summary.unsupported += 1
            continue
        published, basis = published_of(claims)
        claims, relations = annotate_claims(text, claims, published=published)
        new = NewArticle(text=text, doc=f.stem, published=published, published_basis=basis)
        article, created = store.add_article(new, claims, relations)
        if created:
            summary.added += 1
            summary.claims += article.n_claims
        else:
            summary.present += 1
    return summary


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".txt files or folders of them")
    parser.add_argument("--database-url", help="default: $CLAIMS_DATABASE_URL or sqlite:///claims.db")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from claims_api.commands.db import database_url
    from claims_api.storage import open_store

    store = open_store(database_url(args.database_url))
    try:
        if store.is_empty():
            store.upgrade()
        summary = ingest(store, args.paths, progress=not args.no_progress)
    except FileNotFoundError as exc:
        print(f"claims-api ingest: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(summary.line())
    return 0
