"""The store's interface and the plain values it takes and returns (no SQL here)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from claims_api.model import Claim, Finding
from claims_api.relations.model import Relation

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article as a client or the ingest command gives it, before it has an id."""

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date
    doc: str | None = None
    published_basis: str | None = None  # "given" or "inferred" (``extract.published_of``)


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: int
    text: str
    text_sha256: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    doc: str | None
    created_at: str  # ISO 8601, UTC
    n_claims: int
    published_basis: str | None = None  # "given", "inferred" (from the dateline) or None


@dataclass(frozen=True, slots=True)
class StoredClaim:
    id: int
    article_id: int
    claim: Claim
    sentence: str
    doc: str | None = None


@dataclass(frozen=True, slots=True)
class StoredRelation:
    """A stored relation: ``relation``'s member indices are claim positions in the article,
    ``claim_ids`` the stored ids of those claims, member by member."""

    id: int
    article_id: int
    relation: Relation
    claim_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Filters of ``find_claims``; None means "any". Bounds are inclusive.

    ``min``/``max`` are in the claim's own unit and match a range claim when the ranges overlap;
    a figure with only a lower bound ("dozens") is open above. ``q`` holds lower-case words that
    must all occur in what is measured or in the sentence. ``published_*`` compare the claim's
    date (its own ``published``, else its article's) as ISO strings.
    """

    kind: str | None = None
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    usd_min: float | None = None
    usd_max: float | None = None
    q: tuple[str, ...] = ()
    article: int | None = None
    published_from: str | None = None
    published_to: str | None = None


@dataclass(frozen=True, slots=True)
class FindingQuery:
    article: int | None = None
    source: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    rule: str | None = None
    status: str | None = None
    severity: str | None = None


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of results; ``after`` is the position to continue from (None on the last page)."""

    items: list[T]
    after: tuple[Any, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


SENTENCE_MAX = 1000
EXCERPT_MARGIN = 300


def sentence_excerpt(text: str, claim: Claim) -> str:
    """The claim's sentence, or around a very long one (over SENTENCE_MAX characters, as in
    text without sentence breaks) a window of EXCERPT_MARGIN characters either side of the
    claim marked with "…", so that a response or a row never repeats a whole article per claim.
    ``sentence_start``/``sentence_end`` still give the exact sentence."""
    s0, s1 = claim.sentence_start, claim.sentence_end
    if s1 - s0 <= SENTENCE_MAX:
        return text[s0:s1]
    a, b = max(s0, claim.start - EXCERPT_MARGIN), min(s1, claim.end + EXCERPT_MARGIN)
    return ("…" if a > s0 else "") + text[a:b] + ("…" if b < s1 else "")


CLAIM_SORTS = ("id", "-id", "value", "-value", "usd", "-usd", "published", "-published")


class ClaimStore(Protocol):
    """What the API and the commands need from a database."""

    def upgrade(self) -> None:
        """Create or migrate the schema to the newest revision (Alembic)."""

    def is_empty(self) -> bool:
        """True when the database has no schema yet (``serve`` then upgrades it)."""

    def ping(self) -> None:
        """Run a trivial query; raises StoreError when the database is unreachable."""

    def close(self) -> None: ...

    def find_article(self, *, url: str | None, text: str) -> StoredArticle | None:
        """The stored article with this url or this exact text, if any."""

    def add_article(
        self, article: NewArticle, claims: Sequence[Claim], relations: Sequence[Relation] = ()
    ) -> tuple[StoredArticle, bool]:
        """Store an article, its claims (with their ``role``/``change``) and the relations between
        them (members by index into ``claims``) in one transaction; ``(article, created)``.

        The same url or the same text again returns the existing article with ``created`` False,
        also when another process inserts it at the same moment. The article, its claims, its
        corpus rows, its within-article findings and the cross-article work still to do commit
        together; then the findings of the groups it falls in are re-judged (work a failure
        leaves behind stays pending until ``run_pending``).
        """

    def get_article(self, article_id: int) -> StoredArticle | None: ...

    def list_articles(
        self,
        *,
        source: str | None = None,
        published_from: str | None = None,
        published_to: str | None = None,
        after: int | None = None,
        limit: int = 50,
    ) -> Page[StoredArticle]: ...

    def article_claims(self, article_id: int) -> list[StoredClaim]: ...

    def article_relations(self, article_id: int) -> list[StoredRelation]:
        """The relations stored with an article's claims, in the relation pass's order."""

    def replace_relations(
        self,
        article_id: int,
        roles: Sequence[tuple[str | None, str | None]],
        relations: Sequence[Relation],
    ) -> bool:
        """Replace an article's stored ``(role, change)`` per claim and its relations (one
        transaction; ``claims-api db relate`` re-runs the relation pass over stored articles)."""

    def delete_article(self, article_id: int) -> bool:
        """Delete an article, its claims, and recompute the findings of its groups."""

    def find_claims(
        self, query: ClaimQuery, *, sort: str = "id", after: tuple[Any, int] | None = None, limit: int = 50
    ) -> Page[StoredClaim]:
        """Claims matching ``query`` in ``sort`` order (one of ``CLAIM_SORTS``), keyset-paginated."""

    def get_claim(self, claim_id: int) -> StoredClaim | None: ...

    def list_findings(self, query: FindingQuery | None = None, /, **filters: Any) -> list[Finding]:
        """Stored consistency findings, filtered.

        Filters (all optional, combined with AND): ``article`` (id of an article a finding cites),
        ``source``, ``published_from``/``published_to`` (of a cited article), ``rule``, ``status``,
        ``severity``. Each Finding's ClaimRefs carry ``article_id`` (as str) and ``claim_id``.
        Ordered by severity (high first), then rule and key.
        """

    def find_findings(
        self, query: FindingQuery | None = None, *, after: tuple[Any, int] | None = None, limit: int = 50
    ) -> Page[Finding]:
        """One page of ``list_findings`` (same filters and order), keyset-paginated;
        ``extra["rules_versions"]`` holds the rules version of each item."""

    def recheck_all(self, *, progress: bool = False) -> int:
        """Recompute every corpus row and stored finding from the stored articles, in bulk;
        returns how many findings there are."""

    def run_pending(self, *, full: bool = True) -> int:
        """Re-judge the keys that writes left pending; returns how many pending rows were done."""

    def converge(self, *, progress: bool = False) -> str:
        """A full recompute when stored findings are stale, else the pending work."""

    # Bulk jobs (claims_api.storage.jobs; claims_api.jobs queues and runs them).

    def create_job(self, articles: Sequence[NewArticle]) -> str:
        """Store a queued job with its articles (one transaction); its id."""

    def get_job(self, job_id: str) -> Job | None: ...

    def set_job_state(self, job_id: str, state: str, error: str | None = None) -> None: ...

    def pending_job_items(self, job_id: str) -> list[tuple[int, NewArticle]]: ...

    def record_job_item(
        self,
        job_id: str,
        position: int,
        state: str,
        *,
        article_id: int | None = None,
        error: str | None = None,
    ) -> bool:
        """Record one article's outcome and count it done, once (False if already recorded)."""


JOB_STATES = ("queued", "running", "finished", "failed")
ITEM_STATES = ("pending", "created", "present", "error")


@dataclass(frozen=True, slots=True)
class JobItem:
    """One article of a bulk job: ``pending`` until a worker stores it (``created``), finds it
    stored already (``present``) or cannot (``error``, with a message)."""

    index: int
    state: str
    article_id: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Job:
    """A bulk ingest job (``POST /v1/articles/batch`` with async, ``claims-api ingest --queue``)."""

    id: str
    state: str  # one of JOB_STATES
    total: int
    done: int
    items: list[JobItem]
    created_at: str
    started_at: str | None = None
    finished_at: str | None = None
    error: str | None = None

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(ITEM_STATES, 0)
        for item in self.items:
            out[item.state] += 1
        return out
