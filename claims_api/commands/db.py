"""claims-api db upgrade: create or migrate the database schema (Alembic, shipped in the package);
claims-api db relate: re-run the relation pass over the stored articles (roles and relations)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claims_api.storage import ClaimStore

HELP = (
    "manage the database: 'upgrade' creates or migrates the schema (and recomputes findings made by "
    "older rules), 'recheck' recomputes every finding, 'relate' re-runs the relation pass, 'current' "
    "prints the revision"
)


def database_url(given: str | None = None) -> str:
    from claims_api.storage import DEFAULT_URL

    return given or os.environ.get("CLAIMS_DATABASE_URL") or DEFAULT_URL


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        choices=["upgrade", "recheck", "relate", "current"],
        help="upgrade: migrate to the newest revision; recheck: recompute every finding in bulk; relate: "
        "recompute every stored article's claim roles and relations (after a migration, or a new relation "
        "layer), then the findings",
    )
    parser.add_argument("--database-url", help="default: $CLAIMS_DATABASE_URL or sqlite:///claims.db")


def relate_stored(store: ClaimStore) -> tuple[int, int]:
    """Run the relation pass again over every stored article and store what it gives; then
    recompute the findings. Returns (articles, relations)."""
    from claims_api.model import Article
    from claims_api.relations.annotate import annotate

    articles = relations = 0
    after = None
    while True:
        page = store.list_articles(after=after, limit=200)
        for a in page.items:
            claims = tuple(sc.claim for sc in store.article_claims(a.id))
            model = Article(str(a.id), a.text, claims, a.doc, a.published, a.source, a.title, a.url)
            annotated, found = annotate(model)
            if store.replace_relations(a.id, [(c.role, c.change) for c in annotated.claims], found):
                articles += 1
                relations += len(found)
        if page.after is None:
            break
        after = page.after[1]
    store.recheck_all()
    return articles, relations


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
        elif args.action == "relate":
            articles, relations = relate_stored(store)
            print(f"{articles} articles related, {relations} relations", file=sys.stderr)
        revision = store.current_revision()  # type: ignore[attr-defined]
        print(f"database at revision {revision or 'none'}", file=sys.stderr)
    finally:
        store.close()
    return 0
