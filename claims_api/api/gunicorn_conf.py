"""gunicorn settings for claims-api: ``gunicorn -c python:claims_api.api.gunicorn_conf
claims_api.api.wsgi:app`` (what ``claims-api serve`` and the Docker image run).

Every answer a client can see is ``application/problem+json``, also the ones gunicorn writes
itself before or instead of the app: a request line over ``limit_request_line`` (414), headers
over ``limit_request_field_size`` or ``limit_request_fields`` (431), a malformed request (400),
and a request that runs past the request deadline (504 ``worker-timeout``; the worker is then
replaced). Settings from the environment: ``CLAIMS_WORKER_TIMEOUT`` (seconds, default 30).

The deadline is kept by the worker itself: ``pre_request`` arms a ``SIGALRM`` timer, and when it
rings the request is unwound (``RequestDeadline``, a ``SystemExit``, so database transactions roll
back), the client gets the 504 and the worker retires after answering. gunicorn's own arbiter
timeout sits a grace period later, as a last resort for a worker that cannot answer at all: the
arbiter follows its ``SIGABRT`` with a ``SIGKILL`` about a second later, which on a loaded machine
can cut the connection before the 504 is written, so it must not be the normal path.
"""

from __future__ import annotations

import json
import math
import os
import signal
from typing import Any

from gunicorn import util

from claims_api.api.errors import PROBLEM, TYPE_BASE

request_timeout = float(os.environ.get("CLAIMS_WORKER_TIMEOUT") or 30)
# the arbiter's timeout (also how long a worker may take to boot): the last resort, after the deadline
timeout = math.ceil(request_timeout) + max(5, math.ceil(request_timeout) // 2)
graceful_timeout = min(timeout, 30)
worker_class = "sync"
# gunicorn's own limits stay (8190 bytes a line, 100 header fields): over them, gunicorn
# answers 414 or 431 through ``write_problem`` below, before any worker time is spent.
limit_request_line = 8190
limit_request_field_size = 8190
limit_request_fields = 100

_KINDS = {
    400: "bad-request",
    403: "forbidden",
    414: "uri-too-long",
    417: "expectation-failed",
    431: "header-fields-too-large",
    500: "internal",
    501: "not-implemented",
    504: "worker-timeout",
}
_timed_out = False  # set in the worker whose request ran past the deadline


class RequestDeadline(SystemExit):
    """Raised in the worker when a request runs past ``request_timeout``."""


def post_worker_init(worker: Any) -> None:
    def ring(signum: int, frame: Any) -> None:
        global _timed_out
        _timed_out = True
        worker.alive = False  # answer this request, then retire: a fresh worker takes over
        worker.log.error(
            "worker timeout: a request ran past %g s; answering 504 and replacing the worker",
            request_timeout,
        )
        raise RequestDeadline(1)

    signal.signal(signal.SIGALRM, ring)
    # The language detector, the unit registry, the lexicons and the compiled patterns load on
    # first use; load them before the first request's deadline runs, so a fresh worker (one that
    # replaced a timed-out one, too) answers a small request within any deadline.
    from claims_api.extract import language

    language.warm()
    try:
        from claims_api.analysis import analyse

        analyse("Officials said 1,200 people walked 12 km (7.5 miles), up 5% from 1,140 in 2023.")
    except Exception as exc:  # never keep a worker from starting: the first request pays instead
        worker.log.warning("warm-up failed: %s", exc.__class__.__name__)


def pre_request(worker: Any, req: Any) -> None:
    worker.log.debug("%s %s", req.method, req.path)
    signal.setitimer(signal.ITIMER_REAL, request_timeout)


def post_request(worker: Any, req: Any, environ: Any, resp: Any) -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)


def worker_abort(worker: Any) -> None:
    """The arbiter stopped this worker mid-request: it could not even answer by the deadline."""
    global _timed_out
    _timed_out = True
    worker.log.error(
        "worker timeout: a request ran past %s s; answering 504 and replacing the worker", timeout
    )


def problem_bytes(status: int, reason: str, detail: str) -> bytes:
    body = json.dumps(
        {
            "type": TYPE_BASE + _KINDS.get(status, "http-error"),
            "title": reason,
            "status": status,
            "detail": detail,
        }
    ).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: {PROBLEM}\r\n"
        f"Content-Length: {len(body)}\r\n"
    )
    if status == 504:
        head += "Retry-After: 2\r\n"
    return (head + "\r\n").encode("latin-1") + body


def write_problem(sock: Any, status_int: int, reason: str, mesg: str) -> None:
    """Replaces ``gunicorn.util.write_error`` (an HTML page) with a problem+json answer."""
    if _timed_out and status_int == 500:
        status_int, reason = 504, "Gateway Timeout"
        mesg = (
            f"The request ran past the worker timeout ({request_timeout:g} s) and was stopped; "
            "retry it or send less."
        )
    util.write_nonblock(sock, problem_bytes(status_int, reason, mesg))


util.write_error = write_problem  # workers are forked from the process that read this module
