"""The service on a real gunicorn (``claims-api serve``), driven from outside (issue 12):
body limits whatever the transfer encoding (5), errors gunicorn writes itself (8), a request
past the worker timeout (8), a database outage on a throwaway PostgreSQL (4)."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from .live import LiveServer, ThrowawayPostgres, raw_request

LIMIT = 64 * 1024  # CLAIMS_MAX_BODY_BYTES of the live server: small, so the tests stay quick


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("live")
    server = LiveServer(
        f"sqlite:///{tmp / 'claims.db'}",
        tmp / "server.log",
        # a timeout far above what the 64 KB bodies of these tests take even on a loaded machine
        # (6.7 s seen with a load of 6 on 2 cores); the timeout itself is tested on ``hurried``
        env={"CLAIMS_MAX_BODY_BYTES": str(LIMIT), "CLAIMS_WORKER_TIMEOUT": "30"},
    )
    yield server
    server.stop()


def is_problem(r: requests.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers["Content-Type"].startswith("application/problem+json"), r.headers
    body = r.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return dict(body)


def parse_raw(answer: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


def article(size: int) -> bytes:
    text = ("Officials counted 12 ships. " * (size // 28 + 1))[:size]
    return json.dumps({"text": text}).encode()


def chunks(data: bytes, size: int = 8192) -> Iterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


# -- 5: bodies over the limit --------------------------------------------------------------------


def test_chunked_body_over_the_limit_is_413(live: LiveServer) -> None:
    body = article(LIMIT + 10_000)
    r = requests.post(
        f"{live.base}/v1/extract", data=chunks(body), headers={"Content-Type": "application/json"}, timeout=30
    )
    assert "chunked" in r.request.headers.get("Transfer-Encoding", "")
    assert is_problem(r, 413)["detail"].startswith("The request body is larger")


def test_chunked_body_cut_at_the_limit_would_parse(live: LiveServer) -> None:
    # A body whose first LIMIT bytes are a whole JSON object: cut there, it would be accepted.
    head = json.dumps({"text": "There were 12 ships."}).encode()
    body = head + b" " * (LIMIT - len(head)) + b"garbage after the limit"
    r = requests.post(
        f"{live.base}/v1/articles",
        data=chunks(body),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    is_problem(r, 413)
    assert requests.get(f"{live.base}/v1/articles", timeout=10).json()["articles"] == []


def test_chunked_body_under_the_limit_is_read(live: LiveServer) -> None:
    body = article(LIMIT - 1000)
    r = requests.post(
        f"{live.base}/v1/extract", data=chunks(body), headers={"Content-Type": "application/json"}, timeout=30
    )
    assert r.status_code == 200 and len(r.json()["claims"]) > 100


def test_declared_length_over_the_limit_is_413(live: LiveServer) -> None:
    r = requests.post(
        f"{live.base}/v1/extract",
        data=article(LIMIT + 1),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    is_problem(r, 413)


def test_raw_chunked_request_over_the_limit(live: LiveServer) -> None:
    body = article(LIMIT * 2)
    wire = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks(body)) + b"0\r\n\r\n"
    head = (
        b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    status, headers, payload = parse_raw(raw_request(live.port, head + wire))
    assert status == 413 and headers["content-type"].startswith("application/problem+json")
    assert json.loads(payload)["status"] == 413


# -- 8: errors gunicorn answers itself ---------------------------------------------------------------


def test_long_request_line_is_a_414_problem(live: LiveServer) -> None:
    is_problem(requests.get(f"{live.base}/v1/claims?q={'a' * 9000}", timeout=10), 414)


def test_long_header_is_a_431_problem(live: LiveServer) -> None:
    is_problem(requests.get(f"{live.base}/v1/claims", headers={"X-Big": "b" * 9000}, timeout=10), 431)


def test_too_many_headers_is_a_431_problem(live: LiveServer) -> None:
    headers = {f"X-H{i}": "1" for i in range(150)}
    is_problem(requests.get(f"{live.base}/v1/claims", headers=headers, timeout=10), 431)


def test_malformed_request_is_a_400_problem(live: LiveServer) -> None:
    status, headers, body = parse_raw(raw_request(live.port, b"GET /v1/claims HTTP/9.9\r\nHost: x\r\n\r\n"))
    assert status == 400 and headers["content-type"].startswith("application/problem+json")
    assert json.loads(body)["status"] == 400


@pytest.fixture(scope="module")
def hurried(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server whose workers may spend 0.3 s on a request."""
    tmp = tmp_path_factory.mktemp("hurried")
    server = LiveServer(
        f"sqlite:///{tmp / 'claims.db'}", tmp / "server.log", workers=1, env={"CLAIMS_WORKER_TIMEOUT": "0.3"}
    )
    yield server
    server.stop()


def test_request_past_the_worker_timeout_is_a_504_problem(hurried: LiveServer) -> None:
    # 1.9 MB of prose with one figure every 190 characters (10,000 in all, under CLAIMS_MAX_CLAIMS):
    # seconds of extraction on any machine, far past the 0.3 s deadline.
    sentence = (
        "The committee met again on Tuesday afternoon and heard, after a long and patient debate "
        "about the state of the old road, that some 1,200 people had walked the whole route. "
    )
    text = (sentence * (1_900_000 // len(sentence)))[:1_900_000]
    r = requests.post(f"{hurried.base}/v1/extract", json={"text": text}, timeout=120)
    body = is_problem(r, 504)
    assert body["type"].endswith("worker-timeout") and "Retry-After" in r.headers
    assert "worker timeout" in hurried.log()
    live = hurried
    # the worker is replaced and the service goes on
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{live.base}/healthz", timeout=5).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.5)
    # a small request fits the 0.3 s; on a loaded machine a try may not, and is a 504 problem too
    answers = []
    for _ in range(5):
        r = requests.post(f"{live.base}/v1/extract", json={"text": "12 m\u0130"}, timeout=10)
        answers.append(r.status_code)
        if r.status_code == 200:
            break
        is_problem(r, 504)
    assert answers[-1] == 200, answers


# -- 10: Swagger UI renders the OpenAPI 3.1 contract ----------------------------------------------

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="no headless chromium installed")
def test_swagger_ui_lists_every_operation(live: LiveServer, tmp_path: Path) -> None:
    import yaml

    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
    ]
    dom = subprocess.run(
        [
            CHROMIUM,
            *flags,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=15000",
            "--dump-dom",
            f"{live.base}/docs",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "does not specify a valid version field" not in dom
    spec = yaml.safe_load(requests.get(f"{live.base}/openapi.yaml", timeout=10).text)
    operations = [(m.upper(), p) for p, ops in spec["paths"].items() for m in ops if m != "parameters"]
    assert dom.count('class="opblock-summary-method"') >= len(operations), dom[-2000:]
    for method, path in operations:
        assert f'data-path="{path}"' in dom, (method, path)


# -- 4: a database outage, on a throwaway PostgreSQL the test starts and stops --------------------


def test_database_outage_answers_503_and_recovers(throwaway_pg: ThrowawayPostgres, tmp_path: Path) -> None:
    server = LiveServer(throwaway_pg.url, tmp_path / "server.log", workers=2)
    try:
        base = server.base
        stored = []
        for i in range(3):
            r = requests.post(
                f"{base}/v1/articles", json={"text": f"Officials counted {i + 10} ships."}, timeout=30
            )
            assert r.status_code == 201
            stored.append(r.json()["article"]["id"])
        throwaway_pg.stop()
        calls = [
            ("GET", "/v1/claims", None),
            ("GET", f"/v1/articles/{stored[0]}", None),
            ("POST", "/v1/articles", {"text": "Officials counted 99 ships."}),
            ("GET", "/v1/consistency", None),
            ("GET", "/healthz", None),
        ]
        for _ in range(6):
            for method, path, body in calls:
                r = requests.request(method, f"{base}{path}", json=body, timeout=30)
                problem = is_problem(r, 503)
                assert problem["type"].endswith("database-unavailable") and int(r.headers["Retry-After"]) >= 1
        log = server.log()
        assert "Traceback" not in log
        assert 1 <= log.count("database unavailable") <= 2, log  # one line per worker that noticed
        throwaway_pg.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            r = requests.get(f"{base}/v1/articles", timeout=30)
            if r.status_code == 200:
                break
            time.sleep(0.5)
        assert r.status_code == 200, r.text
        # every write acknowledged before the outage is there; the service writes again
        assert [a["id"] for a in r.json()["articles"]] == stored
        assert (
            requests.post(
                f"{base}/v1/articles", json={"text": "Officials counted 7 ships."}, timeout=30
            ).status_code
            == 201
        )
        assert "Traceback" not in server.log()
    finally:
        server.stop()
