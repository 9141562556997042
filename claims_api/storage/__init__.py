"""Storage of articles, claims and consistency findings: the only package that speaks SQL.

``ClaimStore`` is the interface the API and the commands use; ``open_store(url)`` returns the
SQLAlchemy implementation (``sql.SqlStore``) for a SQLite or PostgreSQL URL. Schema changes are
Alembic migrations in ``migrations/``, applied by ``store.upgrade()`` (``claims-api db upgrade``).
"""

from __future__ import annotations

from claims_api.storage.types import ClaimQuery as ClaimQuery
from claims_api.storage.types import ClaimStore as ClaimStore
from claims_api.storage.types import FindingQuery as FindingQuery
from claims_api.storage.types import Job as Job
from claims_api.storage.types import JobItem as JobItem
from claims_api.storage.types import NewArticle as NewArticle
from claims_api.storage.types import Page as Page
from claims_api.storage.types import StoredArticle as StoredArticle
from claims_api.storage.types import StoredClaim as StoredClaim
from claims_api.storage.types import StoredRelation as StoredRelation
from claims_api.storage.types import sentence_excerpt as sentence_excerpt

DEFAULT_URL = "sqlite:///claims.db"

__all__ = [
    "DEFAULT_URL",
    "ClaimQuery",
    "ClaimStore",
    "FindingQuery",
    "Job",
    "JobItem",
    "NewArticle",
    "Page",
    "StoredArticle",
    "StoredClaim",
    "StoredRelation",
    "is_unavailable",
    "open_store",
    "sentence_excerpt",
]


def open_store(url: str = DEFAULT_URL, **kwargs: object) -> ClaimStore:
    """Connect to the database at ``url`` (does not create or migrate it; see ``upgrade``)."""
    from claims_api.storage.sql import SqlStore

    return SqlStore(url, **kwargs)  # type: ignore[arg-type]


def is_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` says the database cannot be reached or used right now (down, restarting,
    out of connections, locked), as opposed to a bug: the API answers 503 and retries later."""
    import sqlalchemy.exc as sa_exc

    from claims_api.errors import StoreError

    if isinstance(exc, StoreError):
        return True
    if isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(
        exc, sa_exc.OperationalError | sa_exc.InterfaceError | sa_exc.DisconnectionError | sa_exc.TimeoutError
    )
