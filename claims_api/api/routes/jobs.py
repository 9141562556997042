"""Jobs: the state, progress and per-article results of a queued batch."""

from __future__ import annotations

import re

from flask import Blueprint

from claims_api.api.errors import ApiError
from claims_api.api.routes import store
from claims_api.api.schemas import JobOut

bp = Blueprint("jobs", __name__)
JOB_ID = re.compile(r"^[0-9a-f]{32}$")


@bp.get("/v1/jobs/<job_id>")
def get_job(job_id: str) -> dict:
    """A job queued by POST /v1/articles/batch with async (or claims-api ingest --queue)."""
    job = store().get_job(job_id) if JOB_ID.match(job_id) else None
    if job is None:
        raise ApiError(404, "Not Found", f"There is no job {job_id}.", kind="not-found")
    return JobOut().dump(job)  # type: ignore[no-any-return]
