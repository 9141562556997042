"""Search and sorted-page latency of the API (``python bench/api.py --search`` runs it too).

It builds a store per backend and size: the seeds and the BBC texts stored the normal way, then
copied at SQL level to N articles (bench/synthetic.py; about 29 claims each, so 50,000 articles
hold about 1.4 M claims), serves it, and times ``q`` (a word of about 1 in 20 articles, a word of
one claim in 20 and a word of about 10 articles), ``sort=-usd`` and ``sort=-published`` on the
first page, a page from the middle of the keyed claims and a page among the claims without the
key (cursors made from the data), and pages of findings over HTTP. PostgreSQL runs in a
throwaway schema of ``--pg-url`` (dropped afterwards) and is skipped when unreachable.

Bounded in requests and seconds; prints figures, asserts nothing; always stops the servers.

    python bench/api.py [--requests 200] [--seconds 20] [--workers 1]
        [--sizes 1000,50000] [--backends sqlite,postgres] [--pg-url URL]
    python bench/search.py --existing URL [URL ...]   (stores kept by bench/ingest.py --keep)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from api import free_port, wait_ready  # noqa: E402  (one copy, in bench/api.py)
from synthetic import fill, tag_word  # noqa: E402

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def run(name: str, call, n: int, seconds: float) -> None:  # type: ignore[no-untyped-def]
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < n and time.perf_counter() - start < seconds:
        t0 = time.perf_counter()
        r = call()
        times.append(time.perf_counter() - t0)
        if r.status_code >= 400:
            print(f"{name}: HTTP {r.status_code}", file=sys.stderr)
            break
    wall = time.perf_counter() - start
    if not times:
        return
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        f"{name:<34} {len(times):>5} req  {len(times) / wall:>8.1f} req/s  "
        f"p50 {statistics.median(times) * 1000:>7.1f} ms  p99 {p99 * 1000:>7.1f} ms"
    )


@contextlib.contextmanager
def serving(url: str, workers: int, load: list[str] | None = None):  # type: ignore[no-untyped-def]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "CLAIMS_DATABASE_URL": url}
    env.pop("CLAIMS_API_KEYS", None)
    env.pop("CLAIMS_API_READ_KEYS", None)
    cmd = [sys.executable, "-m", "claims_api", "serve", "--port", str(port), "--workers", str(workers)]
    if load:
        cmd += ["--load", *load]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_ready(base, proc, timeout=300)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _templates() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "bbc").rglob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def build_store(url: str, n_articles: int) -> tuple[int, float]:
    """Templates through add_article, copies at SQL level; (claims, seconds)."""
    from claims_api.analysis import analyse
    from claims_api.storage import NewArticle, open_store

    t0 = time.perf_counter()
    store = open_store(url)
    try:
        store.upgrade()
        for i, text in enumerate(_templates()):
            done = analyse(text)  # stored as the service stores them: dated, with roles and relations
            new = NewArticle(
                text, doc=f"template-{i}", published=done.published, published_basis=done.published_basis
            )
            store.add_article(new, done.claims, done.relations)
        fill(store, n_articles, copies=2)
        with store._read.connect() as conn:  # type: ignore[attr-defined]
            claims = int(conn.exec_driver_sql("SELECT count(*) FROM claims").scalar_one())
    finally:
        store.close()
    return claims, time.perf_counter() - t0


def cursors(url: str) -> dict[str, str]:
    """Cursors into the middle of each sort: (key, id) of the claim half-way through the keyed
    ones, and one half-way through the claims without the key."""
    from claims_api.api.inputs import encode_cursor

    engine = sa.create_engine(url)
    out = {}
    # the API's cursor grammar is <id>_<key>; a claim without a date sorts as "" and is written "."
    keys = {"-usd": ("coalesce(usd_lo, usd_hi)", -1e308), "-published": ("date", ".")}
    with engine.connect() as conn:
        for sort, (expr, sentinel) in keys.items():
            n = conn.exec_driver_sql(f"SELECT count(*) FROM claims WHERE {expr} IS NOT NULL").scalar_one()
            k, i = conn.exec_driver_sql(
                f"SELECT {expr}, id FROM claims WHERE {expr} IS NOT NULL ORDER BY 1 DESC, 2 DESC "
                f"LIMIT 1 OFFSET {n // 2}"
            ).one()
            out[f"{sort} (middle page)"] = encode_cursor(int(i), k)
            mid = conn.exec_driver_sql(f"SELECT max(id) / 2 FROM claims WHERE {expr} IS NULL").scalar_one()
            if mid:
                out[f"{sort} (page without key)"] = encode_cursor(int(mid), sentinel)
    engine.dispose()
    return out


def bench_search(args: argparse.Namespace, backend: str, url: str, size: int) -> None:
    claims, took = build_store(url, size)
    print(f"\n{backend}: {size:,} articles, {claims:,} claims (built in {took:.0f} s); 1 client")
    measure(args, url, tag_word(size // 2))


def bench_existing(args: argparse.Namespace, url: str) -> None:
    """The same calls on a store made elsewhere (``bench/ingest.py --keep``: every article
    extracted and stored the normal way); the rare word is one the store holds few times."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        n_art = conn.exec_driver_sql("SELECT count(*) FROM articles").scalar_one()
        n_claims = conn.exec_driver_sql("SELECT count(*) FROM claims").scalar_one()
    engine.dispose()
    backend = sa.engine.make_url(url).get_backend_name()
    print(f"\n{backend}: {n_art:,} articles, {n_claims:,} claims; 1 client")
    measure(args, url, args.rare)


def measure(args: argparse.Namespace, url: str, rare: str) -> None:
    marks = cursors(url)
    calls = {
        "GET /v1/claims (sort=id, no filter)": "sort=id",
        "GET /v1/claims?q=homicides": "q=homicides",
        "GET /v1/claims?q=million": "q=million",
        f"GET /v1/claims?q={rare}": f"q={rare}",
        "GET /v1/claims?q=homicides&sort=-usd": "q=homicides&sort=-usd",
        "GET /v1/claims?sort=-usd": "sort=-usd",
        "GET /v1/claims?sort=-published": "sort=-published",
    }
    for name, cursor in marks.items():
        sort = name.split(" ")[0]
        calls[f"GET /v1/claims?sort={name}"] = f"sort={sort}&cursor={cursor}"
    print("  in process (the store's find_claims, what the database costs):")
    direct(url, calls, args)
    print("  over HTTP (claims-api serve, JSON of 50 claims):")
    with serving(url, args.workers) as base:
        s = requests.Session()
        for name, qs in calls.items():
            run(name, lambda qs=qs: s.get(f"{base}/v1/claims?{qs}&limit=50"), args.requests, args.seconds)
        deep = None
        for _ in range(3):  # a cursor 600 findings in (200 a page at most)
            got = s.get(f"{base}/v1/consistency?limit=200" + (f"&cursor={deep}" if deep else "")).json()
            deep = got.get("next_cursor")
            if not deep:
                break
        pages = {
            "GET /v1/consistency (first page)": "limit=50",
            "GET /v1/consistency?status=inconsistent": "status=inconsistent&limit=50",
            **({"GET /v1/consistency (after 600 findings)": f"cursor={deep}&limit=50"} if deep else {}),
        }
        for name, qs in pages.items():
            run(name, lambda qs=qs: s.get(f"{base}/v1/consistency?{qs}"), args.requests, args.seconds)


def direct(url: str, calls: dict[str, str], args: argparse.Namespace) -> None:
    """Time ``find_claims`` as the route calls it, without HTTP, for each query string."""
    from urllib.parse import parse_qs

    from claims_api.api.routes.claims import _after
    from claims_api.storage import ClaimQuery, open_store

    store = open_store(url)
    try:
        for name, qs in calls.items():
            params = {k: v[0] for k, v in parse_qs(qs).items()}
            sort = params.get("sort", "id")
            after = _after(params.get("cursor"), sort)  # the route's reading of the cursor
            query = ClaimQuery(q=tuple(params.get("q", "").split()))

            class Done:
                status_code = 200

            def call(query=query, sort=sort, after=after):  # type: ignore[no-untyped-def]
                store.find_claims(query, sort=sort, after=after, limit=50)
                return Done

            run(name.replace("GET /v1/claims", "find_claims"), call, args.requests, args.seconds)
    finally:
        store.close()


def pg_schema(pg_url: str):  # type: ignore[no-untyped-def]
    """A throwaway schema on the server (a URL whose search_path is it), or None."""
    try:
        admin = sa.create_engine(pg_url, connect_args={"connect_timeout": 3})
        with admin.begin() as conn:
            schema = f"bench_{os.getpid()}"
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except sa.exc.SQLAlchemyError as exc:
        print(f"postgres: skipped ({exc.__class__.__name__})")
        return None
    u = sa.engine.make_url(pg_url)
    url = u.set(query={**u.query, "options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)

    def drop() -> None:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()

    return url, drop


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200, help="at most this many per endpoint")
    ap.add_argument("--seconds", type=float, default=20, help="at most this long per endpoint")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--sizes", default="1000,50000", help="articles in the search stores (comma-separated)")
    ap.add_argument("--backends", default="sqlite,postgres")
    ap.add_argument("--pg-url", default=os.environ.get("CLAIMS_TEST_POSTGRES_URL", PG_DEFAULT))
    ap.add_argument("--existing", nargs="+", metavar="URL", help="measure these stores instead of building")
    ap.add_argument(
        "--rare", default="extortion", help="with --existing: a word few articles hold (one template's)"
    )
    args = ap.parse_args(argv)
    if args.existing:
        for url in args.existing:
            bench_existing(args, url)
        return 0
    for backend in args.backends.split(","):
        for size in (int(x) for x in args.sizes.split(",") if x):
            if backend == "sqlite":
                with tempfile.TemporaryDirectory() as tmp:
                    bench_search(args, backend, f"sqlite:///{tmp}/search.db", size)
            else:
                made = pg_schema(args.pg_url)
                if made is None:
                    break
                url, drop = made
                try:
                    bench_search(args, backend, url, size)
                finally:
                    drop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
