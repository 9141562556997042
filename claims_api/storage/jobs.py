"""The jobs part of ``SqlStore``: bulk ingest jobs and the result of each of their articles.

A job is written in one transaction with all its articles (``create_job``); workers read the
pending ones (``pending_job_items``) and record each outcome with the job's progress in one
transaction (``record_job_item``), so a job re-run after a worker died carries on where it
stopped and never counts an article twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from claims_api.storage import tables as t
from claims_api.storage.types import ITEM_STATES, JOB_STATES, Job, JobItem, NewArticle


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return str(value)


class JobsMixin:
    """Mixed into SqlStore, which provides the ``_read`` and ``_write`` engines."""

    _read: sa.Engine
    _write: sa.Engine

    def create_job(self, articles: Sequence[NewArticle]) -> str:
        """Store a queued job holding ``articles``; returns its id (32 hex digits)."""
        job_id = uuid.uuid4().hex
        now = dt.datetime.now(dt.UTC)
        with self._write.begin() as conn:
            conn.execute(
                t.jobs.insert().values(id=job_id, state="queued", total=len(articles), done=0, created_at=now)
            )
            if articles:
                conn.execute(
                    t.job_items.insert(),
                    [
                        {
                            "job_id": job_id,
                            "position": i,
                            "payload": dataclasses.asdict(a),
                            "state": "pending",
                        }
                        for i, a in enumerate(articles)
                    ],
                )
        return job_id

    def get_job(self, job_id: str) -> Job | None:
        with self._read.connect() as conn:
            row = conn.execute(sa.select(t.jobs).where(t.jobs.c.id == job_id)).first()
            if row is None:
                return None
            ji = t.job_items.c
            items = [
                JobItem(r.position, r.state, r.article_id, r.error)
                for r in conn.execute(
                    sa.select(ji.position, ji.state, ji.article_id, ji.error)
                    .where(ji.job_id == job_id)
                    .order_by(ji.position)
                )
            ]
        return Job(
            id=row.id,
            state=row.state,
            total=row.total,
            done=row.done,
            items=items,
            created_at=_iso(row.created_at) or "",
            started_at=_iso(row.started_at),
            finished_at=_iso(row.finished_at),
            error=row.error,
        )

    def set_job_state(self, job_id: str, state: str, error: str | None = None) -> None:
        """``running`` stamps the start (the first time), ``finished``/``failed`` the end."""
        if state not in JOB_STATES:
            raise ValueError(f"state must be one of {', '.join(JOB_STATES)}")
        now = dt.datetime.now(dt.UTC)
        values: dict[str, Any] = {"state": state}
        if state == "running":
            values["started_at"] = sa.func.coalesce(t.jobs.c.started_at, now)
        if state in ("finished", "failed"):
            values["finished_at"] = now
            values["error"] = error
        with self._write.begin() as conn:
            conn.execute(t.jobs.update().where(t.jobs.c.id == job_id).values(**values))

    def pending_job_items(self, job_id: str) -> list[tuple[int, NewArticle]]:
        ji = t.job_items.c
        with self._read.connect() as conn:
            rows = conn.execute(
                sa.select(ji.position, ji.payload)
                .where(ji.job_id == job_id, ji.state == "pending")
                .order_by(ji.position)
            ).all()
        return [(r.position, NewArticle(**r.payload)) for r in rows]

    def record_job_item(
        self,
        job_id: str,
        position: int,
        state: str,
        *,
        article_id: int | None = None,
        error: str | None = None,
    ) -> bool:
        """Record what became of one pending article and count it done; False when it was not
        pending any more (another run of the job recorded it)."""
        if state not in ITEM_STATES or state == "pending":
            raise ValueError("state must be created, present or error")
        ji = t.job_items.c
        with self._write.begin() as conn:
            changed = conn.execute(
                t.job_items.update()
                .where(ji.job_id == job_id, ji.position == position, ji.state == "pending")
                .values(state=state, article_id=article_id, error=error)
            ).rowcount
            if changed:
                conn.execute(t.jobs.update().where(t.jobs.c.id == job_id).values(done=t.jobs.c.done + 1))
        return bool(changed)
