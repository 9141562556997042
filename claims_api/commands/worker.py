"""claims-api worker: run queued bulk jobs (RQ on the Redis at CLAIMS_REDIS_URL).

Start as many as you like, on any machines that reach the same database and broker. Jobs are
run one at a time per worker, in this process (RQ's SimpleWorker: the extractor's tables load
once); ``--burst`` stops when the queue is empty. Workers never migrate the database.
"""

from __future__ import annotations

import argparse
import os
import sys

HELP = "run queued bulk jobs from the task queue (RQ on $CLAIMS_REDIS_URL); --burst to stop when idle"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--database-url", help="default: $CLAIMS_DATABASE_URL or sqlite:///claims.db")
    parser.add_argument("--redis-url", help="the broker; default: $CLAIMS_REDIS_URL")
    parser.add_argument("--queue", help="queue name; default: $CLAIMS_QUEUE or claims-api")
    parser.add_argument("--burst", action="store_true", help="exit once the queue is empty")
    parser.add_argument("--max-jobs", type=int, help="exit after this many jobs")


def run(args: argparse.Namespace) -> int:
    from rq import Queue, SimpleWorker

    from claims_api.commands.db import database_url
    from claims_api.errors import StoreError
    from claims_api.jobs import DEFAULT_QUEUE, QueueUnavailable, configure_worker, redis_connection
    from claims_api.storage import open_store

    try:
        conn = redis_connection(args.redis_url or os.environ.get("CLAIMS_REDIS_URL"))
    except QueueUnavailable as exc:
        print(f"claims-api worker: {exc}", file=sys.stderr)
        return 2
    store = open_store(database_url(args.database_url))
    try:
        store.ping()
    except StoreError as exc:
        print(f"claims-api worker: {exc}", file=sys.stderr)
        store.close()
        return 2
    configure_worker(store, max_claims=int(os.environ.get("CLAIMS_MAX_CLAIMS") or 20_000))
    name = args.queue or os.environ.get("CLAIMS_QUEUE") or DEFAULT_QUEUE
    try:
        worker = SimpleWorker([Queue(name, connection=conn)], connection=conn)
        worker.work(burst=args.burst, max_jobs=args.max_jobs, logging_level="WARNING")
    finally:
        store.close()
    return 0
