"""Articles built from the hand-checked seed claims, so the checks can be tested without the extractor."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from claims_api.model import Article, Claim, Kind, Qualifier

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"  # the sample articles
DATA = ROOT / "tests" / "data" / "gold"  # copies of ../shared/gold, as tests/extract uses them

#: Publication dates from the seeds' datelines (None where the text has no dateline).
PUBLISHED = {
    "000_492ecf04c8029d0c": None,
    "001_1bf54895c99769bb": "2026-02-25",
    "002_b04bc35997cda707": "2024-12-23",
    "003_ce9d12e2f92b5d29": None,
    "004_64d6a0a2b44dff9e": None,
}

_END = re.compile(r"[.!?][\"\u201d\u2019)]*(?=\s+[\"\u201c\u2018(]?[A-Z0-9\\$])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: a stop followed by a capital, or a line break after a finished line."""
    cuts = {0, len(text)}
    for m in _END.finditer(text):
        cuts.add(m.end())
    for m in re.finditer(r"\n+", text):
        before = text[: m.start()].rstrip(" \t")
        if before and (before[-1].islower() or before[-1] == ","):
            continue  # a line wrapped mid-sentence ("just\n\nUS$6.7 billion")
        cuts.add(m.start())
        cuts.add(m.end())
    spans = []
    ordered = sorted(cuts)
    for a, b in zip(ordered, ordered[1:], strict=False):
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            spans.append((a + lead, a + trail))
    return spans


def sentence_of(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    for a, b in spans:
        if a <= start < b:
            return a, max(b, end)
    return start, end


def claim_from(record: dict, spans: list[tuple[int, int]]) -> Claim:
    s, e = sentence_of(spans, record["start"], record["end"])
    return Claim(
        start=record["start"],
        end=record["end"],
        text=record["text"],
        kind=Kind(record["kind"]),
        value=record["value"],
        low=record["low"],
        high=record["high"],
        unit=record["unit"],
        qualifier=Qualifier(record["qualifier"]),
        what=record.get("what", ""),
        sentence_start=s,
        sentence_end=e,
        vague=bool(record.get("optional")) and record["kind"] != "ordinal",
        rule="gold",
    )


def seed_text(doc: str) -> str:
    return (SEEDS / f"{doc}.txt").read_text(encoding="utf-8")


@cache
def seed_articles() -> tuple[Article, ...]:
    records: dict[str, list[dict]] = {}
    for name in ("seeds_a.jsonl", "seeds_b.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                records.setdefault(rec["doc"], []).append(rec)
    articles = []
    for doc in sorted(PUBLISHED):
        text = seed_text(doc)
        spans = sentences(text)
        recs = sorted(records.get(doc, []), key=lambda r: (r["start"], r["end"]))
        for r in recs:
            assert text[r["start"] : r["end"]] == r["text"], r
        claims = tuple(claim_from(r, spans) for r in recs)
        articles.append(Article(id=doc, doc=doc, text=text, claims=claims, published=PUBLISHED[doc]))
    return tuple(articles)


def expected() -> dict:
    return json.loads((DATA / "consistency_seeds.json").read_text(encoding="utf-8"))


def make_article(text: str, claims: list[dict], *, id: str = "a1", published: str | None = None) -> Article:
    """An article from a small text and claims given by their span text (first occurrence after the last).

    Each claim dict has ``text`` and any Claim fields (kind, value, low, high, unit, qualifier, vague);
    ``at`` picks the n-th occurrence when the span text repeats.
    """
    spans = sentences(text)
    built = []
    for spec in claims:
        spec = dict(spec)
        span = spec.pop("text")
        nth = spec.pop("at", 0)
        start = -1
        for _ in range(nth + 1):
            start = text.index(span, start + 1)
        end = start + len(span)
        s, e = sentence_of(spans, start, end)
        kind = Kind(spec.pop("kind", "count"))
        built.append(
            Claim(
                start=start,
                end=end,
                text=span,
                kind=kind,
                value=spec.pop("value", None),
                low=spec.pop("low", None),
                high=spec.pop("high", None),
                unit=spec.pop("unit", "percent" if kind is Kind.PERCENT else None),
                qualifier=Qualifier(spec.pop("qualifier", "exact")),
                what=spec.pop("what", ""),
                sentence_start=s,
                sentence_end=e,
                **spec,
            )
        )
    built.sort(key=lambda c: (c.start, c.end))
    return Article(id=id, doc=id, text=text, claims=tuple(built), published=published)
