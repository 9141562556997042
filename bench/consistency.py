"""Time to build the consistency report for 25,000 / 50,000 / 100,000 synthetic claims (10 per article).

Printed figures, no asserts: growth should stay close to linear (claims are grouped by key,
never compared pairwise). Run: .venv/bin/python bench/consistency.py [--sizes 1000 10000 100000]

It also prints what the relation pass (``claims_api.relations.relate``) adds to extraction on the
real articles of tests/data (BBC, dev) and seeds/, and its time on one 150 KB sentence of figures.
"""

from __future__ import annotations

import argparse
import random
import time

from claims_api.consistency import keys_for, run_checks
from claims_api.model import Article, Claim, Kind, Qualifier

RATE_TOTAL = "2,190"
COUNTRIES = ["Peru", "Chile", "Bolivia", "Brazil", "Mexico", "Colombia", "Ecuador", "Argentina"]


def _claim(
    text: str, span: str, kind: Kind, value: float, unit: str | None, s: int, e: int, at: int = 0, **kw
) -> Claim:
    start = text.index(span, s + at)
    return Claim(
        start=start,
        end=start + len(span),
        text=span,
        kind=kind,
        value=value,
        low=None,
        high=None,
        unit=unit,
        qualifier=kw.pop("qualifier", Qualifier.EXACT),
        what="",
        sentence_start=s,
        sentence_end=e,
        **kw,
    )


def _templates(rng: random.Random) -> list[tuple[str, str, tuple[int, ...]]]:
    """The five sentence templates for one country: (text, tag, drawn numbers); 8 claims."""
    c = rng.choice(COUNTRIES)
    region = f"R{rng.randrange(40)}"
    v = rng.choice([30, 33])
    s = rng.choice([375, 380, 500])
    d = rng.randrange(5, 90)
    a = rng.randrange(3, 20)
    b = a + rng.randrange(-2, 5)
    return [
        (f"Chinese investment in {c} stands at US${v} billion.", "inv", (v,)),
        (f"Spending in {c} rises by {s}M soles ($100 million).", "fx", (s,)),
        (f"In the {c} city of {region}, {d} people died in the protests.", "cnt", (d,)),
        (f"Support in {c} rose from {a} to {b}%.", "chg", (a, b)),
        (
            f"Homicides in {c} are nearing six crimes per day, equivalent to {RATE_TOTAL} in the last year.",
            "rate",
            (),
        ),
    ]


def article(i: int, rng: random.Random) -> Article:
    """One synthetic article of ten claims: the five templates for one country (eight claims) and
    one more two-claim sentence (conversion, change or rate) about another."""
    parts: list[str] = []
    claims: list[Claim] = []
    pos = 0
    sentences = _templates(rng)
    sentences.append(rng.choice([t for t in _templates(rng) if t[1] in ("fx", "chg", "rate")]))
    for text, tag, nums in sentences:
        s0, e0 = pos, pos + len(text)
        full = "".join(parts) + text
        if tag == "inv":
            (v,) = nums
            claims.append(_claim(full, f"US${v} billion", Kind.MONEY, v * 1e9, "USD", s0, e0))
        elif tag == "fx":
            (s,) = nums
            claims.append(_claim(full, f"{s}M soles", Kind.MONEY, s * 1e6, "PEN", s0, e0))
            claims.append(_claim(full, "$100 million", Kind.MONEY, 100e6, "USD", s0, e0))
        elif tag == "cnt":
            (d,) = nums
            claims.append(_claim(full, f"{d}", Kind.COUNT, d, None, s0, e0, at=text.index(", ")))
        elif tag == "chg":
            old, new = nums
            claims.append(_claim(full, f"{old}", Kind.PERCENT, old, "percent", s0, e0, at=text.index("from")))
            claims.append(_claim(full, f"{new}%", Kind.PERCENT, new, "percent", s0, e0))
        elif tag == "rate":
            claims.append(
                _claim(
                    full,
                    "nearing six crimes per day",
                    Kind.RATE,
                    6,
                    "1/day",
                    s0,
                    e0,
                    qualifier=Qualifier.NEARLY,
                )
            )
            claims.append(_claim(full, RATE_TOTAL, Kind.COUNT, 2190, None, s0, e0))
        parts.append(text + " ")
        pos = e0 + 1
    text = "".join(parts)
    fixed = tuple(c.replace(text=text[c.start : c.end]) for c in claims)
    day = f"2024-{rng.randrange(1, 13):02d}-15" if rng.random() < 0.7 else None
    return Article(id=f"a{i:06d}", doc=f"a{i:06d}", text=text, claims=fixed, published=day)


def relation_share(repeat: int = 5) -> None:
    """Extraction time against relation time on the real articles kept with the tests.

    Each phase runs ``repeat`` times, interleaved, and the fastest pass of each is kept: the
    machines are shared, and the slowest passes measure the neighbours, not the code. The caches
    keyed by a claim's or an article's text are emptied before each pass, so a pass reads articles
    it has not seen, as a service does."""
    from pathlib import Path

    from claims_api.consistency import base, context
    from claims_api.extract import extract
    from claims_api.relations import rates
    from claims_api.relations.build import relate, subjects

    by_text = (rates._rate_nouns, base._written, context._written_as)

    root = Path(__file__).resolve().parents[1]
    paths = [*sorted((root / "tests" / "data").glob("*/*.txt")), *sorted((root / "seeds").glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    articles = [Article(id=str(i), text=t, claims=tuple(extract(t))) for i, t in enumerate(texts)]
    best = [float("inf")] * 3
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            extract(t)
        for cache in by_text:
            cache.cache_clear()
        t1 = time.perf_counter()
        for a in articles:
            relate(Article(id=a.id, text=a.text, claims=a.claims))  # a fresh article: no memo
        for cache in by_text:
            cache.cache_clear()
        t2 = time.perf_counter()
        for a in articles:
            subjects(Article(id=a.id, text=a.text, claims=a.claims))
        t3 = time.perf_counter()
        best = [min(b, t) for b, t in zip(best, (t1 - t0, t2 - t1, t3 - t2), strict=True)]
    ext, rel, subj = best
    n = sum(len(a.claims) for a in articles)
    print(
        f"relation pass on {len(articles)} real articles ({n} claims): extraction {ext:.3f} s, "
        f"relations {rel:.3f} s = {rel / ext:.1%} of extraction; the cross-article subject keys "
        f"(read only by what stores or compares across articles) {subj:.3f} s = {subj / ext:.1%} more"
    )


def one_sentence(segments: int) -> Article:
    """One sentence of ``segments`` clauses holding changes, conversions, parts and comparisons."""
    import re

    text = "".join(
        f"profit rose {i % 50 + 1}% to ${i + 10}m (£{i + 5}m) from ${i + 3}m, the ${i + 10}m, out of "
        f"{i + 100} and {i + 7} people, below {i % 9 + 1}% compared with ${i + 2}m and a further ${i + 1}m; "
        for i in range(segments)
    )
    claims = []
    for m in re.finditer(r"[$£]?\d+[m%]?", text):
        t = m.group(0)
        if t.endswith("%"):
            kind, unit = Kind.PERCENT, "percent"
        elif t[0] in "$£":
            kind, unit = Kind.MONEY, "USD" if t[0] == "$" else "GBP"
        else:
            kind, unit = Kind.COUNT, None
        value = float(re.sub(r"\D", "", t))
        claims.append(
            Claim(m.start(), m.end(), t, kind, value, None, None, unit, Qualifier.EXACT, "", 0, len(text))
        )
    return Article(id="big", text=text, claims=tuple(claims))


def relation_one_sentence() -> None:
    from claims_api.relations import relate

    for segments in (300, 600, 1200):
        article = one_sentence(segments)
        t0 = time.perf_counter()
        rels = relate(article)
        dt = time.perf_counter() - t0
        print(
            f"relations on one sentence of {len(article.text) / 1000:.0f} KB, "
            f"{len(article.claims):,} figures: "
            f"{dt:.2f} s, {len(rels.relations):,} relations"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[25_000, 50_000, 100_000], help="claims")
    parser.add_argument("--no-relations", action="store_true", help="skip the relation-pass figures")
    args = parser.parse_args()
    if not args.no_relations:
        relation_share()
        relation_one_sentence()
    rng = random.Random(5)
    print(f"{'claims':>8} {'articles':>9} {'findings':>9} {'seconds':>8} {'us/claim':>9}  keys_for s")
    for size in args.sizes:
        articles: list[Article] = []
        n = 0
        while n < size:
            articles.append(article(len(articles), rng))
            n += len(articles[-1].claims)
        t0 = time.perf_counter()
        findings = run_checks(articles)
        t1 = time.perf_counter()
        for a in articles:
            keys_for(a)
        t2 = time.perf_counter()
        per = (t1 - t0) / n * 1e6
        print(f"{n:>8,} {len(articles):>9,} {len(findings):>9,} {t1 - t0:>8.2f} {per:>9.1f}  {t2 - t1:.2f}")


if __name__ == "__main__":
    main()
