"""Seconds per 1,000 articles ingested as the corpus grows: 1k, 10k and 50k stored, SQLite and PostgreSQL.

Every article goes through the path ``claims-api ingest`` takes (``claims_api.analysis.analyse``:
extraction, date, relation pass; then ``ClaimStore.add_article``: the article, its claims,
relations, corpus rows, own findings and the cross-article re-judgement of the keys it touches).
The articles are the seed and BBC texts with their numbers scaled, their places swapped, their
paragraphs shuffled and a dateline of a random date, so they share currency pairs and subjects the
way a newsroom's articles do (the keys that once made every store reload the corpus).

Prints one line per block of ``--block`` articles (wall seconds, the part spent in storage, and
the CPU seconds of this process, which other load on a shared machine disturbs less, and on
PostgreSQL those of its server backends, read from /proc when the server runs here) and a summary
per backend: the blocks that end at each checkpoint and last / first, which issue 11 wants
within 1.5x. Asserts nothing; always drops what it made.

    python bench/ingest.py [--checkpoints 1000,10000,50000] [--backends sqlite,postgres]
                           [--pg-url postgresql+psycopg://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import _templates as templates  # noqa: E402  (bench/search.py: the seed and BBC texts)
from search import pg_schema  # noqa: E402  (bench/search.py: a throwaway schema on a server)

from claims_api.analysis import analyse  # noqa: E402
from claims_api.errors import UnsupportedLanguage  # noqa: E402
from claims_api.storage import ClaimStore, FindingQuery, NewArticle, open_store  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
PLACES = ["Peru", "Chile", "Bolivia", "Brazil", "Mexico", "Colombia", "Ecuador", "Argentina", "Spain"]
PLACES += ["France", "Germany", "Italy", "Japan", "China", "India", "Russia", "Canada", "Kenya"]
_PLACE = re.compile(r"\b(?:" + "|".join(PLACES) + r")\b")
#: a number of two or more digits that is not a year (years keep their meaning for dates)
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d,]*\d)")
_MONTHS = "January February March April May June July August September October November December".split()


def _scale(m: re.Match[str], factor: float) -> str:
    whole, frac = m.group(1), m.group(2) or ""
    n = int(whole.replace(",", ""))
    if 1900 <= n <= 2100 and not frac and "," not in whole:
        return m.group(0)  # a year
    if n < 10 and not frac:
        return m.group(0)  # small counts and ordinals stay
    value = float(whole.replace(",", "") + frac) * factor
    if frac:
        return f"{value:.{len(frac) - 1}f}"
    out = str(max(round(value), 10))
    return f"{int(out):,}" if "," in whole else out


def articles(seed: int = 1) -> Iterator[tuple[str, str]]:
    """(doc, text) for ever: a template with scaled figures, swapped places, shuffled paragraphs."""
    rng = random.Random(seed)
    base = templates()
    for i in range(10**9):
        text = base[i % len(base)]
        factor = rng.uniform(0.6, 1.6)
        swap = dict(zip(PLACES, rng.sample(PLACES, len(PLACES)), strict=True))
        text = _PLACE.sub(lambda m, swap=swap: swap[m.group(0)], text)
        text = _NUMBER.sub(lambda m, f=factor: _scale(m, f), text)
        paras = [p for p in text.split("\n\n") if p.strip()]
        head, rest = paras[:1], paras[1:]
        rng.shuffle(rest)
        date = dt.date(2004, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
        dateline = f"LONDON, {_MONTHS[date.month - 1]} {date.day}, {date.year} -"
        yield f"bench-{i}", f"{dateline} " + "\n\n".join(head + rest) + f"\n\n(Report {i}.)\n"


def _server_cpu(store: ClaimStore) -> float | None:
    """CPU seconds (user + system) of the PostgreSQL backends serving this process's store, read
    from /proc (the server runs on this machine), or None where that cannot be read (SQLite
    works inside this process, so its work is already in the process's CPU)."""
    if store.dialect != "postgresql":
        return None
    try:
        with store._read.connect() as conn:  # noqa: SLF001  (a benchmark's look inside)
            pids = (
                conn.exec_driver_sql(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = %(name)s",
                    {"name": _APP_NAME},
                )
                .scalars()
                .all()
            )
        tick = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        return total
    except (OSError, ValueError, IndexError, sa.exc.SQLAlchemyError):
        return None


#: the application_name the bench's PostgreSQL sessions carry (to find their backends)
_APP_NAME = f"claims-bench-ingest-{os.getpid()}"


def ingest(store: ClaimStore, n: int, block: int, label: str, checkpoints: list[int]) -> dict[int, float]:
    stream = articles()
    spent: dict[int, float] = {}
    cpu_spent: dict[int, float] = {}
    server_spent: dict[int, float] = {}
    #: storage seconds per second of extraction in the block: the extraction of a block is the
    #: same work all along, so this ratio reads through the shared machine's changes of speed
    relative: dict[int, float] = {}
    t_block = t_store = 0.0
    cpu0 = time.process_time()
    server0 = _server_cpu(store)
    added = claims = 0
    while added < n:
        doc, text = next(stream)
        t0 = time.perf_counter()
        try:
            done = analyse(text)
        except UnsupportedLanguage:
            continue
        t1 = time.perf_counter()
        new = NewArticle(text=text, doc=doc, published=done.published, published_basis=done.published_basis)
        stored, created = store.add_article(new, done.claims, done.relations)
        t2 = time.perf_counter()
        t_block += t2 - t0
        t_store += t2 - t1
        if not created:
            continue
        added += 1
        claims += stored.n_claims
        if added % block == 0:
            per_1000 = t_block * 1000 / block
            cpu = (time.process_time() - cpu0) * 1000 / block
            spent[added] = per_1000
            relative[added] = t_store / max(t_block - t_store, 1e-9)
            cpu_spent[added] = cpu
            server = _server_cpu(store)
            served = ""
            if server is not None and server0 is not None:
                server_spent[added] = (server - server0) * 1000 / block
                served = f"; CPU of its PostgreSQL backends {server_spent[added]:6.1f} s"
            mark = " <" if added in checkpoints else ""
            print(
                f"{label:8} {added:>7,} stored  {per_1000:7.1f} s / 1,000 articles"
                f"  (storage {t_store * 1000 / block:6.1f} s; CPU of this process {cpu:6.1f} s{served})"
                f"  {claims:>9,} claims{mark}",
                flush=True,
            )
            t_block = t_store = 0.0
            cpu0 = time.process_time()
            server0 = server  # the next block starts where this one was read
    pending = store.pending_count()
    print(f"{label:8} left pending: {pending}", flush=True)
    summary(f"{label} (CPU of this process)", cpu_spent, checkpoints)
    summary(f"{label} (storage seconds per second of extraction)", relative, checkpoints, unit="")
    if server_spent:
        both = {k: cpu_spent[k] + server_spent[k] for k in server_spent}
        summary(f"{label} (CPU of this process and its PostgreSQL backends)", both, checkpoints)
    return spent


def after_ingest(store: ClaimStore, label: str) -> None:
    """The consistency report over what was stored (every finding read and rendered, as
    ``claims-api report`` does) and findings pages (``GET /v1/consistency``'s store call)."""
    from claims_api.consistency.render import render_json, render_table

    t0 = time.perf_counter()
    findings = store.list_findings()
    render_table(findings)
    json.dumps(render_json(findings))
    took = time.perf_counter() - t0
    print(f"{label}: the report over the store, {len(findings):,} findings, built in {took:.1f} s")
    for name, filters in (("first page", {}), ("inconsistent only", {"status": "inconsistent"})):
        times, after = [], None
        for _ in range(40):
            t0 = time.perf_counter()
            page = store.find_findings(FindingQuery(**filters), after=after, limit=50)
            times.append(time.perf_counter() - t0)
            after = page.after if name != "first page" else None  # walk on; the end starts over
        times.sort()
        p50, p99 = times[len(times) // 2], times[-1]
        print(f"{label}: findings page ({name}, 50 a page): p50 {p50 * 1000:.1f} ms, max {p99 * 1000:.1f} ms")


def summary(label: str, spent: dict[int, float], checkpoints: list[int], unit: str = " s") -> None:
    """The figures of the blocks that end at the checkpoints, and last / first; seconds per
    1,000 articles, or (``unit=""``) a ratio per block."""
    if not spent:
        return
    digits = 1 if unit else 2
    cells = [f"{c:,}: {spent[c]:.{digits}f}{unit}" for c in checkpoints if c in spent]
    first, last = spent[min(spent)], spent[max(spent)]
    per = "s per 1,000 articles" if unit else "per block"
    print(f"{label}: {per} at {', '.join(cells)}; last / first = {last / first:.2f}x")


def run(url: str, label: str, args: argparse.Namespace, checkpoints: list[int]) -> dict[int, float]:
    store = open_store(url)
    store.upgrade()
    try:
        spent = ingest(store, checkpoints[-1], args.block, label, checkpoints)
        after_ingest(store, label)
    finally:
        store.close()
    if args.keep:
        print(f"{label}: kept at {url}")
    return spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--checkpoints", default="1000,10000,50000")
    ap.add_argument("--block", type=int, default=1000, help="articles per timed block")
    ap.add_argument("--backends", default="sqlite,postgres")
    ap.add_argument("--pg-url", default=os.environ.get("CLAIMS_TEST_POSTGRES_URL", PG_DEFAULT))
    ap.add_argument(
        "--keep",
        metavar="DIR",
        help="keep the stores (DIR/ingest.db; the PostgreSQL schema is kept and its URL printed), "
        "e.g. for bench/search.py --existing",
    )
    args = ap.parse_args(argv)
    checkpoints = sorted(int(x) for x in args.checkpoints.split(","))
    results: dict[str, dict[int, float]] = {}
    for backend in args.backends.split(","):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory(prefix="claims-ingest-") as tmp:
                folder = Path(args.keep or tmp)
                folder.mkdir(parents=True, exist_ok=True)
                results[backend] = run(f"sqlite:///{folder / 'ingest.db'}", backend, args, checkpoints)
        elif backend == "postgres":
            made = pg_schema(args.pg_url)
            if made is None:
                continue
            url, drop = made
            u = sa.engine.make_url(url)
            named = u.set(query={**u.query, "application_name": _APP_NAME})
            url = named.render_as_string(hide_password=False)
            try:
                results[backend] = run(url, backend, args, checkpoints)
            finally:
                if not args.keep:
                    drop()
        else:
            ap.error(f"unknown backend {backend!r}")
    for label, spent in results.items():
        summary(label, spent, checkpoints)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
