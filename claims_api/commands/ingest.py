"""claims-api ingest PATH...: store .txt articles (files or folders), skipping ones already stored.

With ``--queue`` the files are read and checked here, then queued as one job for
``claims-api worker`` processes (the broker at ``--redis-url`` / ``$CLAIMS_REDIS_URL``); the
command prints the job id (``--wait`` follows the job to its end)."""

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


def read_articles(paths: Sequence[str | Path], summary: Summary) -> list[tuple[Path, str]]:
    """The readable, non-empty text files under ``paths`` with their text (others are counted
    as failed and reported on stderr)."""
    out = []
    for f in txt_files(paths):
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
        out.append((f, text))
    return out


def ingest(store: ClaimStore, paths: Sequence[str | Path], *, progress: bool = True) -> Summary:
    """Extract and store every .txt file under ``paths``; duplicates (same text) are skipped."""
    from tqdm import tqdm

    from claims_api.analysis import analyse
    from claims_api.errors import UnsupportedLanguage
    from claims_api.storage import NewArticle

    summary = Summary()
    files = read_articles(paths, summary)
    for f, text in tqdm(files, desc="ingest", unit="file", file=sys.stderr, disable=not progress):
        if store.find_article(url=None, text=text) is not None:
            summary.present += 1
            continue
        try:
            done = analyse(text)
        except UnsupportedLanguage as exc:
            print(f"skipping {f}: {exc}", file=sys.stderr)
            summary.unsupported += 1
            continue
        new = NewArticle(
            text=text, doc=f.stem, published=done.published, published_basis=done.published_basis
        )
        article, created = store.add_article(new, done.claims, done.relations)
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
    parser.add_argument(
        "--queue", action="store_true", help="queue the files as one job for claims-api worker"
    )
    parser.add_argument("--redis-url", help="the broker for --queue; default: $CLAIMS_REDIS_URL")
    parser.add_argument("--wait", action="store_true", help="with --queue: follow the job until it ends")


def run(args: argparse.Namespace) -> int:
    from claims_api.commands.db import database_url
    from claims_api.storage import open_store

    store = open_store(database_url(args.database_url))
    try:
        if store.is_empty():
            store.upgrade()
        if args.queue:
            return queue(store, args)
        summary = ingest(store, args.paths, progress=not args.no_progress)
    except FileNotFoundError as exc:
        print(f"claims-api ingest: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(summary.line())
    return 0


def queue(store: ClaimStore, args: argparse.Namespace) -> int:
    """Queue the files as one job; print its id (and with --wait, its outcome)."""
    import os
    import time

    from claims_api.jobs import DEFAULT_QUEUE, QueueUnavailable, enqueue
    from claims_api.storage import NewArticle

    summary = Summary()
    files = read_articles(args.paths, summary)
    if not files:
        print("no readable .txt files: nothing queued", file=sys.stderr)
        return 1
    try:
        job_id = enqueue(
            store,
            [NewArticle(text=text, doc=f.stem) for f, text in files],
            redis_url=args.redis_url or os.environ.get("CLAIMS_REDIS_URL"),
            queue=os.environ.get("CLAIMS_QUEUE") or DEFAULT_QUEUE,
        )
    except QueueUnavailable as exc:
        print(f"claims-api ingest: {exc}", file=sys.stderr)
        return 3
    print(
        f"job {job_id} queued: {len(files)} articles"
        + (f", {summary.failed} files unreadable" if summary.failed else "")
    )
    if not args.wait:
        return 0
    while True:
        job = store.get_job(job_id)
        if job is None or job.state in ("finished", "failed"):
            break
        time.sleep(1)
    if job is None:
        return 1
    c = job.counts()
    print(
        f"job {job.state}: {c['created']} articles added, {c['present']} already present, {c['error']} errors"
    )
    return 0 if job.state == "finished" else 1
