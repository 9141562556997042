"""A database stopped in the middle of a load (issue 12, "done when"): a real gunicorn on a
throwaway PostgreSQL the test starts, clients writing articles the whole time, the database
stopped and started again under them.

No answer is a 500 (every refused write is the documented 503 with Retry-After), every write the
service acknowledged is stored whole (the article and all its claims), and once the service has
restarted the findings equal a full recompute (``recheck_all``), though some re-judgements were cut
short by the outage. Skipped cleanly where ``initdb`` is absent.
"""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path
from typing import Any

import requests

from claims_api.storage import open_store

from .live import LiveServer, ThrowawayPostgres

CLIENTS = 4
PLACES = ["Lima", "Quito", "La Paz", "Santiago", "Bogota"]
THINGS = ["the port expansion", "the water plant", "the metro line", "the new airport"]


def article(i: int, rng: random.Random) -> str:
    """My own wording; articles share the sol/dollar pair (one rate far off) and subjects."""
    usd = rng.choice([1.2, 2.5, 3.1, 4.4])
    rate = 2.4 if i % 17 == 5 else rng.uniform(3.70, 3.85)
    thing, place = rng.choice(THINGS), rng.choice(PLACES)
    text = f"Officials in {place} said {thing} will cost {usd * rate:.2f} billion soles (${usd} billion)."
    if i % 3 == 0:
        text += f" Some {rng.choice([1200, 1200, 1500])} workers will build {thing}, the ministry said."
    return text + f" Dispatch {i}."


def snapshot(store: Any) -> list[str]:
    rows = []
    for f in store.list_findings():
        d = f.to_dict()
        for c in d["claims"]:
            c["claim_id"] = None  # a recompute does not change claims, but keep the comparison on content
        rows.append(json.dumps(d, sort_keys=True))
    return sorted(rows)


class Load:
    """CLIENTS threads posting new articles until stopped; every answer is recorded."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.answers: list[tuple[int, dict[str, Any] | None, dict[str, str]]] = []
        self.errors: list[str] = []
        self.counter = 0
        self.threads = [threading.Thread(target=self._client, args=(k,)) for k in range(CLIENTS)]

    def _next(self) -> int:
        with self.lock:
            self.counter += 1
            return self.counter

    def _client(self, k: int) -> None:
        rng = random.Random(k)
        while not self.stop.is_set():
            i = self._next()
            try:
                r = requests.post(f"{self.base}/v1/articles", json={"text": article(i, rng)}, timeout=60)
            except requests.RequestException as exc:  # a dropped connection is a defect too
                with self.lock:
                    self.errors.append(f"{i}: {exc.__class__.__name__}")
                continue
            body = r.json() if r.headers.get("Content-Type", "").endswith("json") else None
            with self.lock:
                self.answers.append((r.status_code, body, dict(r.headers)))
            if r.status_code == 503:
                time.sleep(0.2)

    def __enter__(self) -> Load:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=90)


def test_database_stopped_mid_load(throwaway_pg: ThrowawayPostgres, tmp_path: Path) -> None:
    url = throwaway_pg.url.rsplit("/", 1)[0] + "/outage"
    throwaway_pg._run("createdb", "-h", "127.0.0.1", "-p", str(throwaway_pg.port), "-U", "postgres", "outage")
    server = LiveServer(url, tmp_path / "server.log", workers=2)
    try:
        with Load(server.base) as load:
            time.sleep(4)
            throwaway_pg.stop()  # -m fast: open transactions are cut
            time.sleep(3)
            throwaway_pg.start()
            time.sleep(5)
        statuses = [s for s, _, _ in load.answers]
        assert not load.errors, load.errors[:5]
        assert set(statuses) <= {201, 503}, sorted(set(statuses))
        assert statuses.count(201) >= 10 and statuses.count(503) >= 1, (
            statuses.count(201),
            statuses.count(503),
        )
        for status, body, headers in load.answers:
            if status == 503:
                assert body is not None and body["type"].endswith("database-unavailable"), body
                assert int(headers["Retry-After"]) >= 1
        acknowledged = {b["article"]["id"]: b["article"]["n_claims"] for s, b, _ in load.answers if s == 201}
        assert "Traceback" not in server.log()
    finally:
        server.stop()

    # The service starts again (as after a deploy or a crash) and finishes the pending work.
    server = LiveServer(url, tmp_path / "server2.log", workers=1)
    try:
        for article_id, n_claims in acknowledged.items():
            r = requests.get(f"{server.base}/v1/articles/{article_id}", timeout=30)
            assert r.status_code == 200, (article_id, r.status_code)
            assert r.json()["n_claims"] == n_claims
            r = requests.get(f"{server.base}/v1/articles/{article_id}/claims", timeout=30)
            assert r.status_code == 200 and len(r.json()["claims"]) == n_claims > 0
    finally:
        server.stop()
    store = open_store(url)
    try:
        assert store.pending_count() == 0
        converged = snapshot(store)
        rules = {json.loads(x)["rule"] for x in converged}
        assert {"implied_fx_rate", "conflicting_figures"} <= rules, rules
        store.recheck_all()
        assert snapshot(store) == converged
    finally:
        store.close()
