"""Throughput and latency of the API, served by `claims-api serve` in a second process.

Starts the server on 127.0.0.1 (a free port, a temporary SQLite database), ingests seeds/,
then times POST /v1/extract with a 10 KB article and GET /v1/claims. Bounded in requests and
seconds; prints figures, asserts nothing; always stops the server.

    python bench/api.py [--requests 200] [--seconds 20] [--workers 1]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=200, help="at most this many per endpoint")
    ap.add_argument("--seconds", type=float, default=20, help="at most this long per endpoint")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "CLAIMS_DATABASE_URL": f"sqlite:///{tmp}/bench.db"}
        env.pop("CLAIMS_API_KEYS", None)
        env.pop("CLAIMS_API_READ_KEYS", None)
        cmd = [
            sys.executable,
            "-m",
            "claims_api",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ]
        cmd += ["--load", str(ROOT / "seeds")]
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_ready(base, proc)
            s = requests.Session()
            text = article_10kb()
            print(f"server: claims-api serve --workers {args.workers} (SQLite), seeds loaded; 1 client")
            run(
                "POST /v1/extract (10 KB article)",
                lambda: s.post(f"{base}/v1/extract", json={"text": text}),
                args.requests,
                args.seconds,
            )
            run(
                "GET /v1/claims?limit=50",
                lambda: s.get(f"{base}/v1/claims?limit=50"),
                args.requests,
                args.seconds,
            )
            run(
                "GET /v1/claims?q=homicides",
                lambda: s.get(f"{base}/v1/claims?q=homicides"),
                args.requests,
                args.seconds,
            )
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
