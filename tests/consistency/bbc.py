"""The BBC development set (tests/data/bbc) as Articles: from its gold claims, or from the extractor."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from claims_api.model import Article

from .gold import claim_from, sentences

BBC = Path(__file__).resolve().parents[1] / "data" / "bbc"


def bbc_docs() -> list[str]:
    return sorted(p.stem for p in BBC.glob("*.txt"))


@cache
def bbc_gold_articles() -> tuple[Article, ...]:
    """Each article with its gold claims (required and optional) as Claim objects."""
    records: dict[str, list[dict]] = {}
    for line in (BBC / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            records.setdefault(rec["doc"], []).append(rec)
    articles = []
    for doc in bbc_docs():
        text = (BBC / f"{doc}.txt").read_text(encoding="utf-8")
        spans = sentences(text)
        recs = sorted(records.get(doc, []), key=lambda r: (r["start"], r["end"]))
        claims = tuple(claim_from(r, spans) for r in recs)
        articles.append(Article(id=doc, doc=doc, text=text, claims=claims))
    return tuple(articles)


@cache
def bbc_extracted_articles() -> tuple[Article, ...]:
    from claims_api.extract import extract

    articles = []
    for doc in bbc_docs():
        text = (BBC / f"{doc}.txt").read_text(encoding="utf-8")
        claims = tuple(extract(text))
        published = next((c.published for c in claims if c.published), None)
        articles.append(Article(id=doc, doc=doc, text=text, claims=claims, published=published))
    return tuple(articles)


def expected() -> dict:
    return json.loads((BBC / "consistency.json").read_text(encoding="utf-8"))
