"""Throughput and latency of the API on a real gunicorn (`claims-api serve`), SQLite and PostgreSQL.

For each database: starts the server on a free port (a temporary SQLite file; for PostgreSQL a
throwaway instance made with initdb in a temporary folder, or --postgres-url), ingests seeds/,
then drives POST /v1/extract (a 10 KB article), GET /v1/claims?kind=money&sort=-usd (a claim
query) and POST /v1/articles (a new article each time) with 1, 8 and 32 concurrent clients.
Prints req/s, p50 and p99 per cell; bounded in requests and seconds; asserts nothing; always
stops what it started.

    python bench/api.py [--requests 300] [--seconds 8] [--workers 2] [--only sqlite|postgres]
    python bench/api.py --search [--sizes 1000,50000] [--backends sqlite,postgres]   (bench/search.py)
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
CONCURRENCY = (1, 8, 32)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 90) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError("the server exited early")
        try:
            if requests.get(f"{base}/healthz", timeout=1).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not become ready")


def article_10kb() -> str:
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return (seeds * (1 + 10_240 // max(len(seeds), 1)))[:10_240]


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    bindir = found[-1].parent if found else (Path(p).parent if (p := shutil.which("initdb")) else None)
    if bindir is None:
        raise RuntimeError("no initdb: pass --postgres-url")
    root = Path(tempfile.mkdtemp(prefix="claims-bench-pg-"))
    as_user = []
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)

    data = str(root / "data")
    run(str(bindir / "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync")
    opts = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c fsync=off"
    run(str(bindir / "pg_ctl"), "-D", data, "-o", opts, "-l", str(root / "pg.log"), "-w", "start")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, str(bindir / "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"],
            capture_output=True,
            timeout=120,
        )
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def server(db_url: str, workers: int) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMS_API_")}
    env["CLAIMS_DATABASE_URL"] = db_url
    cmd = [
        sys.executable,
        "-m",
        "claims_api",
        "serve",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--load",
        str(ROOT / "seeds"),
    ]
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        wait_ready(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def drive(
    name: str, call: Callable[[requests.Session], requests.Response], clients: int, n: int, seconds: float
) -> None:
    """``clients`` threads, each with its own connection, share ``n`` requests within ``seconds``."""
    times: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    budget = itertools.count()
    start = time.perf_counter()

    def worker() -> None:
        s = requests.Session()
        while next(budget) < n and time.perf_counter() - start < seconds:
            t0 = time.perf_counter()
            try:
                status = call(s).status_code
            except requests.RequestException:
                status = 599
            elapsed = time.perf_counter() - t0
            with lock:
                times.append(elapsed)
                if status >= 400:
                    errors.append(status)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    if not times:
        return
    times.sort()
    p50 = times[len(times) // 2]
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    bad = f"  {len(errors)} errors {sorted(set(errors))}" if errors else ""
    print(
        f"  {name:<30} c={clients:<3} {len(times):>5} req {len(times) / wall:>8.1f} req/s  "
        f"p50 {p50 * 1000:>7.1f} ms  p99 {p99 * 1000:>7.1f} ms{bad}",
        flush=True,
    )


def bench(label: str, db_url: str, args: argparse.Namespace) -> None:
    text = article_10kb()
    counter = itertools.count()
    with server(db_url, args.workers) as base:
        print(f"{label}: claims-api serve --workers {args.workers}, seeds loaded", flush=True)
        cells: list[tuple[str, Callable[[requests.Session], requests.Response]]] = [
            ("POST /v1/extract (10 KB)", lambda s: s.post(f"{base}/v1/extract", json={"text": text})),
            (
                "GET /v1/claims?kind=money&sort=-usd",
                lambda s: s.get(f"{base}/v1/claims?kind=money&sort=-usd&limit=50"),
            ),
            (
                "POST /v1/articles (new, 300 B)",
                lambda s: s.post(
                    f"{base}/v1/articles",
                    json={
                        "text": f"Bench article {next(counter)}: officials counted 1,200 people and "
                        f"$3.5 million in aid, up 4 percent on last year, over 80 days."
                    },
                ),
            ),
        ]
        for name, call in cells:
            for clients in CONCURRENCY:
                drive(name, call, clients, args.requests, args.seconds)


def main() -> int:
    if "--search" in sys.argv[1:]:  # q and sorted-page latency at 1k and 50k articles: bench/search.py
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import search

        return search.main([a for a in sys.argv[1:] if a != "--search"])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=300, help="at most this many per cell")
    ap.add_argument("--seconds", type=float, default=8, help="at most this long per cell")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", choices=["sqlite", "postgres"])
    ap.add_argument("--postgres-url", help="an empty PostgreSQL database (default: a throwaway instance)")
    args = ap.parse_args()
    if args.only != "postgres":
        with tempfile.TemporaryDirectory() as tmp:
            bench("SQLite", f"sqlite:///{tmp}/bench.db", args)
    if args.only != "sqlite":
        if args.postgres_url:
            bench("PostgreSQL", args.postgres_url, args)
        else:
            with throwaway_postgres() as url:
                bench("PostgreSQL (throwaway, fsync off)", url, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
