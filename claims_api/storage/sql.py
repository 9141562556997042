"""``SqlStore``: the ClaimStore on SQLAlchemy 2 (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import math
import re
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from claims_api.consistency import corpus
from claims_api.consistency.corpus import FX_PREFIX, CorpusRows, FigureRow, FxRow
from claims_api.errors import StoreError
from claims_api.model import (
    Article,
    Claim,
    ClaimRef,
    Finding,
    FxInfo,
    Kind,
    Qualifier,
    Severity,
    Status,
)
from claims_api.relations.model import Direction, Member, Relation, RelationKind, Role
from claims_api.storage import tables as t
from claims_api.storage.jobs import JobsMixin
from claims_api.storage.types import (
    CLAIM_SORTS,
    ClaimQuery,
    FindingQuery,
    NewArticle,
    Page,
    StoredArticle,
    StoredClaim,
    StoredRelation,
    sentence_excerpt,
)

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}
# Sort keys replace NULL by a sentinel so that keyset pagination can compare plain values;
# NULLs come last in both directions.
_BIG = 1e308
_LAST_DATE = "~"  # sorts after any ISO date
#: The id an article is analysed under before it has one (fixed when its findings are written).
NEW_ID = "new"


# The sort keys of find_claims; migration 0006_fulltext indexes exactly these expressions (with id).
_SORT_KEYS = {
    "value": lambda: sa.func.coalesce(t.claims.c.lo, t.claims.c.hi),
    "usd": lambda: sa.func.coalesce(t.claims.c.usd_lo, t.claims.c.usd_hi),
    "published": lambda: t.claims.c.date,
}
_WORD = re.compile(r"\w")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _finite(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None


def _first(*values: float | None) -> float | None:
    return next((v for v in values if v is not None), None)


class SqlStore(JobsMixin):
    """Articles, claims and findings in one SQL database; see ``ClaimStore`` for the contract.

    ``consistency`` is any object with ``check_article(article)`` and ``corpus_rows(article)``
    (optionally ``article_findings(article)`` and ``RULES_VERSION``; default:
    ``claims_api.consistency``); pass one to test or to turn checks off.
    """

    def __init__(self, url: str, *, consistency: Any = None, echo: bool = False) -> None:
        self.url = url
        self._consistency = consistency
        self.dialect = sa.engine.make_url(url).get_backend_name()
        if self.dialect == "sqlite":
            self._read = self._sqlite_engine(url, immediate=False, echo=echo)
            self._write = self._sqlite_engine(url, immediate=True, echo=echo)
        else:
            self._read = self._write = sa.create_engine(url, pool_pre_ping=True, echo=echo)
        self._fts: bool | None = None  # whether claims have a full-text index (see _has_fts)

    # -- engines and schema ------------------------------------------------------------------

    @staticmethod
    def _sqlite_engine(url: str, *, immediate: bool, echo: bool) -> Engine:
        engine = sa.create_engine(url, echo=echo, connect_args={"timeout": 30, "check_same_thread": False})

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # let the "begin" hook below emit BEGIN
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            if sa.engine.make_url(url).database not in (None, "", ":memory:"):
                cur.execute("PRAGMA journal_mode=WAL")
                # SQLite's advice for WAL: commits are not synced one by one (a crash of the
                # process loses nothing; a power cut may lose the last commits, never the file)
                cur.execute("PRAGMA synchronous=NORMAL")
            # a page cache of 64 MiB (SQLite's default is 2 MiB): a store updates a dozen claim
            # indexes at random places, which past the default cache are a disk read each
            cur.execute("PRAGMA cache_size=-65536")
            cur.close()

        @sa.event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Writers take the lock up front: a deferred transaction that later wants to write
            # fails at once with "database is locked" instead of waiting.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    def close(self) -> None:
        self._read.dispose()
        if self._write is not self._read:
            self._write.dispose()

    def _alembic_config(self, conn: Connection) -> Any:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        return cfg

    def upgrade(self, revision: str = "head") -> None:
        from alembic import command

        with self._write.begin() as conn:
            if self.dialect == "postgresql":
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7243001)")
            command.upgrade(self._alembic_config(conn), revision)
        self._fts = None

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self._read.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def is_empty(self) -> bool:
        return not sa.inspect(self._read).has_table("articles")

    def ping(self) -> None:
        try:
            with self._read.connect() as conn:
                conn.execute(sa.select(sa.literal(1))).scalar_one()
                if not sa.inspect(conn).has_table("articles"):
                    raise StoreError("the database has no schema: run 'claims-api db upgrade'")
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"database unreachable: {exc.__class__.__name__}") from exc

    # -- articles ----------------------------------------------------------------------------

    def find_article(self, *, url: str | None, text: str) -> StoredArticle | None:
        with self._read.connect() as conn:
            return self._find(conn, url, text_sha256(text))

    def _find(self, conn: Connection, url: str | None, sha: str) -> StoredArticle | None:
        cond = t.articles.c.text_sha256 == sha
        if url is not None:
            cond = sa.or_(cond, t.articles.c.url == url)
        row = conn.execute(sa.select(t.articles).where(cond).order_by(t.articles.c.id).limit(1)).first()
        return _article(row) if row else None

    def add_article(
        self, article: NewArticle, claims: Sequence[Claim], relations: Sequence[Relation] = ()
    ) -> tuple[StoredArticle, bool]:
        sha = text_sha256(article.text)
        with self._read.connect() as conn:
            existing = self._find(conn, article.url, sha)
        if existing:
            return existing, False
        # All analysis before any transaction: the write lock is held for inserts only.
        model = Article(
            id=NEW_ID,
            text=article.text,
            claims=tuple(claims),
            doc=article.doc,
            published=article.published,
            source=article.source,
            title=article.title,
            url=article.url,
        )
        own, rows = self._analyse(model)
        keys = sorted(rows.keys())
        try:
            with self._write.begin() as conn:
                article_id = self._insert(conn, article, sha, claims)
                self._insert_relations(conn, article_id, relations)
                self._insert_rows(conn, article_id, rows)
                self._insert_own_findings(conn, article_id, own)
                pending_id = self._add_pending(conn, keys) if keys else None
                stored = self._get_article(conn, article_id)
                assert stored is not None
        except sa.exc.IntegrityError:
            # Somebody stored the same url or text between our check and our insert.
            with self._read.connect() as conn:
                existing = self._find(conn, article.url, sha)
            if existing is None:
                raise
            return existing, False
        if pending_id is not None:
            self._settle(pending_id, keys)
        return stored, True

    def _insert(self, conn: Connection, a: NewArticle, sha: str, claims: Sequence[Claim]) -> int:
        now = dt.datetime.now(dt.UTC)
        article_id = conn.execute(
            t.articles.insert()
            .values(
                text=a.text,
                text_sha256=sha,
                title=a.title,
                url=a.url,
                source=a.source,
                published=a.published,
                published_basis=a.published_basis if a.published else None,
                doc=a.doc,
                created_at=now,
                n_claims=len(claims),
            )
            .returning(t.articles.c.id)
        ).scalar_one()
        if claims:
            conn.execute(
                t.claims.insert(),
                [_claim_row(article_id, i, c, a.text, a.published) for i, c in enumerate(claims)],
            )
        return int(article_id)

    def get_article(self, article_id: int) -> StoredArticle | None:
        with self._read.connect() as conn:
            return self._get_article(conn, article_id)

    def _get_article(self, conn: Connection, article_id: int) -> StoredArticle | None:
        row = conn.execute(sa.select(t.articles).where(t.articles.c.id == article_id)).first()
        return _article(row) if row else None

    def list_articles(
        self,
        *,
        source: str | None = None,
        published_from: str | None = None,
        published_to: str | None = None,
        after: int | None = None,
        limit: int = 50,
    ) -> Page[StoredArticle]:
        a = t.articles.c
        stmt = sa.select(t.articles).order_by(a.id).limit(limit + 1)
        if source is not None:
            stmt = stmt.where(a.source == source)
        if published_from is not None:
            stmt = stmt.where(a.published >= published_from)
        if published_to is not None:
            stmt = stmt.where(a.published <= published_to)
        if after is not None:
            stmt = stmt.where(a.id > after)
        with self._read.connect() as conn:
            rows = conn.execute(stmt).all()
        items = [_article(r) for r in rows[:limit]]
        more = len(rows) > limit
        return Page(items, (items[-1].id, items[-1].id) if more and items else None)

    def article_claims(self, article_id: int) -> list[StoredClaim]:
        stmt = (
            sa.select(t.claims, t.articles.c.doc.label("article_doc"))
            .join(t.articles)
            .where(t.claims.c.article_id == article_id)
            .order_by(t.claims.c.position)
        )
        with self._read.connect() as conn:
            return [_stored_claim(r) for r in conn.execute(stmt)]

    # -- relations (the relation pass's output, stored with the claims) ---------------------

    def _insert_relations(self, conn: Connection, article_id: int, relations: Sequence[Relation]) -> None:
        if not relations:
            return
        c = t.claims.c
        ids = {
            x.position: x.id
            for x in conn.execute(sa.select(c.position, c.id).where(c.article_id == article_id))
        }
        for r in relations:
            if any(m.index not in ids for m in r.members):
                raise ValueError(f"a {r.kind} relation names a claim the article does not have")
        rows = [_relation_row(article_id, i, r, ids) for i, r in enumerate(relations)]
        conn.execute(t.relations.insert(), rows)

    def replace_relations(
        self,
        article_id: int,
        roles: Sequence[tuple[str | None, str | None]],
        relations: Sequence[Relation],
    ) -> bool:
        """Replace a stored article's roles (``(role, change)`` per claim, in position order) and
        relations, in one transaction; False when there is no such article."""
        c = t.claims.c
        with self._write.begin() as conn:
            n = conn.execute(
                sa.select(t.articles.c.n_claims).where(t.articles.c.id == article_id)
            ).scalar_one_or_none()
            if n is None:
                return False
            if len(roles) != n:
                raise ValueError(f"{len(roles)} roles for the {n} claims of article {article_id}")
            conn.execute(t.relations.delete().where(t.relations.c.article_id == article_id))
            if roles:
                conn.execute(
                    t.claims.update()
                    .where(c.article_id == article_id, c.position == sa.bindparam("b_position"))
                    .values(role=sa.bindparam("b_role"), change=sa.bindparam("b_change")),
                    [{"b_position": i, "b_role": r, "b_change": ch} for i, (r, ch) in enumerate(roles)],
                )
            self._insert_relations(conn, article_id, relations)
        return True

    def article_relations(self, article_id: int) -> list[StoredRelation]:
        c, r = t.claims.c, t.relations.c
        with self._read.connect() as conn:
            positions = {
                x.id: x.position
                for x in conn.execute(sa.select(c.id, c.position).where(c.article_id == article_id))
            }
            rows = conn.execute(sa.select(t.relations).where(r.article_id == article_id).order_by(r.position))
            return [_stored_relation(row, positions) for row in rows]

    def delete_article(self, article_id: int) -> bool:
        with self._write.begin() as conn:
            keys = self._keys_of(conn, [article_id])
            gone = conn.execute(t.articles.delete().where(t.articles.c.id == article_id)).rowcount
            pending_id = self._add_pending(conn, keys) if gone and keys else None
        if pending_id is not None:
            self._settle(pending_id, keys)
        return bool(gone)

    # -- claims ------------------------------------------------------------------------------

    def get_claim(self, claim_id: int) -> StoredClaim | None:
        stmt = (
            sa.select(t.claims, t.articles.c.doc.label("article_doc"))
            .join(t.articles)
            .where(t.claims.c.id == claim_id)
        )
        with self._read.connect() as conn:
            row = conn.execute(stmt).first()
        return _stored_claim(row) if row else None

    def find_claims(
        self, query: ClaimQuery, *, sort: str = "id", after: tuple[Any, int] | None = None, limit: int = 50
    ) -> Page[StoredClaim]:
        """Keyset pages in ``sort`` order. A claim without the sort key (no value, no USD, no date)
        comes after all that have one, in id order, in both directions: each page reads the keyed
        claims through the key's index (``(coalesce(...), id)``, see migration 0006_fulltext) and, once they
        run out, the unkeyed ones by id. The cursor of an unkeyed claim carries the sentinel
        (``±_BIG``, ``""``/``"~"``) that marks that second part."""
        if sort not in CLAIM_SORTS:
            raise ValueError(f"sort must be one of {', '.join(CLAIM_SORTS)}")
        c = t.claims.c
        desc = sort.startswith("-")
        field = sort.lstrip("-")
        base = sa.select(t.claims, t.articles.c.doc.label("article_doc")).join(t.articles)
        with self._read.connect() as conn:
            conds = self._claim_conditions(conn, query, sort)
            if field == "id":
                stmt = base.add_columns(c.id.label("sort_key")).where(*conds)
                if after is not None:
                    stmt = stmt.where(c.id < after[1] if desc else c.id > after[1])
                rows = conn.execute(stmt.order_by(c.id.desc() if desc else c.id).limit(limit + 1)).all()
            else:
                rows = self._sorted_rows(conn, base, conds, field, desc, after, limit)
        items = [_stored_claim(r) for r in rows[:limit]]
        nxt = None
        if len(rows) > limit and items:
            last = rows[limit - 1]
            nxt = (last.sort_key, int(last.id))
        return Page(items, nxt)

    @staticmethod
    def _sorted_rows(
        conn: Connection,
        base: sa.Select[Any],
        conds: list[sa.ColumnElement[bool]],
        field: str,
        desc: bool,
        after: tuple[Any, int] | None,
        limit: int,
    ) -> list[Any]:
        c = t.claims.c
        key = _SORT_KEYS[field]()
        sentinel: Any = ("" if desc else _LAST_DATE) if field == "published" else (-_BIG if desc else _BIG)
        in_unkeyed = after is not None and after[0] == sentinel
        rows: list[Any] = []
        if not in_unkeyed:
            # Written as ranges on the key (not "key IS NOT NULL", not a row-value comparison) so
            # that SQLite seeks into the expression index rather than scanning it from one end.
            keyed = key > "" if field == "published" else key >= -_BIG
            stmt = base.add_columns(key.label("sort_key")).where(*conds, keyed)
            if after is not None:
                k, i = after
                if desc:
                    stmt = stmt.where(key <= k, sa.or_(key < k, c.id < i))
                else:
                    stmt = stmt.where(key >= k, sa.or_(key > k, c.id > i))
            order = (key.desc(), c.id.desc()) if desc else (key.asc(), c.id.asc())
            rows = list(conn.execute(stmt.order_by(*order).limit(limit + 1)))
        if len(rows) <= limit:
            stmt = base.add_columns(sa.literal(sentinel).label("sort_key")).where(*conds, key.is_(None))
            if in_unkeyed:
                assert after is not None
                stmt = stmt.where(c.id < after[1] if desc else c.id > after[1])
            stmt = stmt.order_by(c.id.desc() if desc else c.id).limit(limit + 1 - len(rows))
            rows += conn.execute(stmt).all()
        return rows

    # -- full-text search --------------------------------------------------------------------

    def _has_fts(self, conn: Connection) -> bool:
        """Whether claims have a full-text index (always on PostgreSQL; on SQLite when FTS5 was
        there at migration time). Checked once per store."""
        if self._fts is None:
            if self.dialect == "sqlite":
                found = conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claims_fts'"
                ).first()
                self._fts = found is not None
                if not self._fts:
                    log.warning("no FTS5 index (claims_fts): q falls back to a substring scan")
            else:
                self._fts = True
        return self._fts

    def _claim_conditions(
        self, conn: Connection, q: ClaimQuery, sort: str = "id"
    ) -> list[sa.ColumnElement[bool]]:
        out = _claim_conditions(q)
        if q.q:
            out.append(self._text_condition(conn, q.q, sort))
        return out

    def _text_condition(
        self, conn: Connection, words: Sequence[str], sort: str = "id"
    ) -> sa.ColumnElement[bool]:
        """All ``words`` occur as words (stemmed: "homicides" finds "homicide", "bus" does not
        find "business") in what is measured, the sentence or its lead-in."""
        c = t.claims.c
        if not self._has_fts(conn):
            return sa.and_(*(c.search.like(f"%{_like_escape(w.lower())}%", escape="\\") for w in words))
        usable = [w for w in words if _WORD.search(w)]
        if not usable:
            return sa.false()  # nothing that can be a word: no claim matches
        if self.dialect == "postgresql":
            return self._pg_text_condition(conn, " ".join(usable), sort)
        # FTS5: every word is a quoted string (a phrase when it holds several tokens), ANDed.
        match = " ".join('"' + w.replace('"', '""') + '"' for w in usable)
        fts = sa.table("claims_fts", sa.column("rowid"))
        sub = sa.select(fts.c.rowid).where(sa.literal_column("claims_fts").op("MATCH")(match))
        return c.id.in_(sub.scalar_subquery())

    def _pg_text_condition(self, conn: Connection, words: str, sort: str) -> sa.ColumnElement[bool]:
        """PostgreSQL: the matches' ids read first through the GIN index, at most ``_PROBE`` + 1.

        No more than ``_PROBE``: the page is made of those ids (a pk lookup each). More: on the
        id order, a word that common is met within ``limit * claims / _PROBE`` rows walking the
        primary key and testing each row's tsvector; on a value sort (where the matches may
        hold no value at all) the matches are read whole through the index (OFFSET keeps the
        planner from folding that subquery into a walk along the sort order). The planner
        chooses neither way well without statistics, so the transaction says which: GIN
        answers only through a bitmap, a walk only through its index.
        """
        c = t.claims.c
        query = sa.func.plainto_tsquery(sa.literal_column("'english'::regconfig"), words)
        tsv = sa.literal_column("claims.search_tsv")
        _set_local(conn, enable_seqscan="off")
        found = conn.execute(sa.select(c.id).where(tsv.op("@@")(query)).limit(_PROBE + 1)).scalars().all()
        if len(found) <= _PROBE:
            return c.id.in_(found) if found else sa.false()
        if sort.lstrip("-") == "id":
            _set_local(conn, enable_bitmapscan="off")
            return tsv.op("@@")(query)
        m = t.claims.alias("m")
        sub = sa.select(m.c.id).where(sa.literal_column("m.search_tsv").op("@@")(query)).offset(0)
        return c.id.in_(sub.scalar_subquery())

    # -- consistency -------------------------------------------------------------------------
    #
    # A store computes, before any transaction, the article's within-article findings
    # (``check_article`` and ``article_findings``) and its compact corpus rows. One short
    # transaction inserts the article, claims, rows, those findings and a ``pending`` row naming
    # the cross-article keys still to re-judge; then one more transaction judges each key, in
    # sorted order (a per-key advisory lock on PostgreSQL), from indexed aggregates of its rows
    # (bounded slices: ``corpus``'s caps), rewrites the findings that changed and drops the
    # pending row. Work that did not run stays pending and ``converge`` (serve, app start,
    # ``claims-api db recheck``) finishes it, so the findings always converge to a full recompute.

    def _checks(self) -> ModuleType | Any:
        if self._consistency is None:
            import claims_api.consistency as consistency

            self._consistency = consistency
        return self._consistency

    def _rules_version(self) -> str:
        return str(getattr(self._checks(), "RULES_VERSION", "custom"))

    def _analyse(self, article: Article) -> tuple[list[Finding], CorpusRows]:
        """Within-article findings and corpus rows of ``article`` (pure; no database)."""
        checks = self._checks()
        if hasattr(checks, "store_analysis"):  # one relation pass for all three
            own, rows = checks.store_analysis(article)
            return list(own), rows
        own = list(checks.check_article(article))
        if hasattr(checks, "article_findings"):
            own += checks.article_findings(article)
        return own, checks.corpus_rows(article)

    def _insert_rows(self, conn: Connection, article_id: int, rows: CorpusRows) -> None:
        if rows.fx:
            conn.execute(
                t.fx_rows.insert(),
                [
                    {
                        "article_id": article_id,
                        "amount_pos": r.amount_pos,
                        "base_pos": r.base_pos,
                        "pair": r.pair,
                        "rate": r.rate,
                        "lo": r.lo,
                        "hi": r.hi,
                        "date": r.date,
                        "year": r.year,
                        "judged": r.judged,
                        "hedged": r.hedged,
                        "arithmetic": r.arithmetic,
                    }
                    for r in rows.fx
                ],
            )
        if rows.figures:
            conn.execute(
                t.figure_rows.insert(),
                [
                    {
                        "article_id": article_id,
                        "position": r.position,
                        "key": r.key,
                        "kind": r.kind,
                        "unit": r.unit,
                        "lo": r.lo,
                        "hi": r.hi,
                        "size": r.size,
                        "date": r.date,
                        "text": r.text,
                        "shown": r.shown,
                        "value": r.value,
                    }
                    for r in rows.figures
                ],
            )

    def _insert_own_findings(self, conn: Connection, article_id: int, found: Sequence[Finding]) -> None:
        """Within-article findings computed before the id was known: ids fixed, claim ids added."""
        if not found:
            return
        claim_ids = self._claim_ids(conn, [article_id])
        aid = str(article_id)
        placeholder_key = f"article:{NEW_ID}"
        fixed = []
        for f in found:
            refs = tuple(
                dataclasses.replace(r, article_id=aid) if str(r.article_id) == NEW_ID else r for r in f.claims
            )
            key = f"article:{aid}" if f.key == placeholder_key else f.key
            fixed.append(dataclasses.replace(f, key=key, claims=refs))
        self._insert_findings(conn, fixed, claim_ids, article_id=article_id)

    def _add_pending(self, conn: Connection, keys: Sequence[str]) -> int:
        return int(
            conn.execute(
                t.pending.insert()
                .values(keys=list(keys), created_at=dt.datetime.now(dt.UTC))
                .returning(t.pending.c.id)
            ).scalar_one()
        )

    def _keys_of(self, conn: Connection, article_ids: Sequence[int]) -> list[str]:
        fx, fig = t.fx_rows.c, t.figure_rows.c
        pairs = conn.execute(sa.select(fx.pair).where(fx.article_id.in_(article_ids)).distinct()).scalars()
        keys = {FX_PREFIX + p for p in pairs}
        keys |= set(
            conn.execute(sa.select(fig.key).where(fig.article_id.in_(article_ids)).distinct()).scalars()
        )
        return sorted(keys)

    def _settle(self, pending_id: int, keys: Sequence[str]) -> bool:
        """Re-judge ``keys`` and drop the pending row, in one transaction after the write's.

        Each key's judgement reads a bounded slice of its rows (``corpus``'s caps), so the
        transaction's length is bounded by the article's keys, not by the corpus; one commit per
        store instead of one per key. On PostgreSQL each key's advisory lock is taken in sorted
        order (no deadlock between two stores sharing keys). A failure (database gone, process
        killed) leaves the pending row for ``converge``; the write it belongs to is committed
        and acknowledged either way.
        """
        try:
            with self._write.begin() as conn:
                self._begin_judging(conn)
                for key in sorted(keys):
                    self._rejudge(conn, key)
                conn.execute(t.pending.delete().where(t.pending.c.id == pending_id))
        except sa.exc.SQLAlchemyError as exc:
            log.warning("findings of %d key(s) left pending (%s)", len(keys), exc.__class__.__name__)
            return False
        return True

    def _begin_judging(self, conn: Connection) -> None:
        """Set up a re-judgement transaction on PostgreSQL (nothing to do on SQLite).

        - Findings are derived data: a crash may lose a re-judgement's commit only together with
          the pending row's removal in the same transaction, so the pending row brings the
          re-judgement back; other writes stay synchronous (``synchronous_commit = off``).
        - Every query of a re-judgement is a bounded index range (a window ``ORDER BY ... LIMIT``,
          a key's rows, members by article id). Without fresh statistics (a new store, a server
          whose autovacuum is off) the planner takes a pair of 30,000 conversions for 50 rows
          and reads all of it through a bitmap and a sort, hashes the whole articles table to
          join a few claims, or walks every row by article id and sorts incrementally: a cost
          that grows with the corpus at every store. Sequential scans, bitmaps and (incremental)
          sorts are priced out for this transaction, so each query walks the index whose order
          it asks for and stops at its limit.
        """
        if self.dialect == "postgresql":
            # (and no JIT: a priced-out plan's cost would pass its threshold and compile the query)
            _set_local(
                conn,
                synchronous_commit="off",
                enable_seqscan="off",
                enable_bitmapscan="off",
                enable_sort="off",
                enable_incremental_sort="off",
                jit="off",
            )

    def _rejudge(self, conn: Connection, key: str) -> int:
        """Replace the cross-article findings of ``key`` by the judges' verdict over its rows."""
        if self.dialect == "postgresql":  # held to the end of the caller's transaction
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _lock_id(key)})
        drafts = corpus.judge(key, _SqlSource(conn), _SqlSource(conn))
        f = t.findings.c
        version = self._rules_version()
        # Only what changed is written: a finding whose fingerprint the verdict gives again stays
        # as stored (with its id), so a store into a large group rewrites the few findings its
        # figures changed, not every finding of the key.
        stored: dict[str | None, list[int]] = {}
        for r in conn.execute(sa.select(f.id, f.digest).where(f.key == key, f.article_id.is_(None))):
            stored.setdefault(r.digest, []).append(int(r.id))
        fresh: list[corpus.Draft] = []
        digests: list[str] = []
        for d in drafts:
            digest = d.digest(version)
            same = stored.get(digest)
            if same:
                same.pop()
                continue
            fresh.append(d)
            digests.append(digest)
        gone = sorted(i for ids in stored.values() for i in ids)
        for i in range(0, len(gone), 500):
            conn.execute(t.findings.delete().where(f.id.in_(gone[i : i + 500])))
        if fresh:
            refs = self._refs(conn, {m for d in fresh for m in d.members})
            found = [d.finding(lambda a, p: refs[(a, p)]) for d in fresh]
            self._insert_findings(conn, found, {}, digests=digests)
        return len(drafts)

    def _refs(
        self, conn: Connection, members: Collection[tuple[str, int]]
    ) -> dict[tuple[str, int], ClaimRef]:
        if not members:
            return {}
        c = t.claims.c
        wanted = {(int(a), p) for a, p in members}
        article_ids = sorted({a for a, _ in wanted})
        positions = sorted({p for _, p in wanted})
        out: dict[tuple[str, int], ClaimRef] = {}
        # by article id (an index search each), then the positions here: a row-value IN
        # ``(article_id, position) IN (...)`` makes SQLite scan the whole claims table
        for i in range(0, len(article_ids), 500):
            rows = conn.execute(
                sa.select(
                    c.id, c.article_id, c.position, c.start, c.end, c.text, c.sentence, t.articles.c.doc
                )
                .join(t.articles)
                .where(c.article_id.in_(article_ids[i : i + 500]), c.position.in_(positions))
            )
            for r in rows:
                if (r.article_id, r.position) in wanted:
                    aid = str(r.article_id)
                    out[(aid, r.position)] = ClaimRef(
                        aid, r.doc, r.start, r.end, r.text, r.sentence, int(r.id)
                    )
        return out

    def _claim_ids(self, conn: Connection, article_ids: Iterable[int]) -> dict[tuple[str, int, int], int]:
        c = t.claims.c
        rows = conn.execute(
            sa.select(c.id, c.article_id, c.start, c.end).where(c.article_id.in_(list(article_ids)))
        )
        return {(str(r.article_id), r.start, r.end): r.id for r in rows}

    def _insert_findings(
        self,
        conn: Connection,
        found: Sequence[Finding],
        claim_ids: dict[tuple[str, int, int], int],
        *,
        article_id: int | None = None,
        digests: Sequence[str] | None = None,
    ) -> None:
        if not found:
            return
        version = self._rules_version()
        values = []
        links: list[set[int]] = []
        for n, f in enumerate(found):
            refs = [
                r
                if r.claim_id is not None
                else dataclasses.replace(r, claim_id=claim_ids.get((str(r.article_id), r.start, r.end)))
                for r in f.claims
            ]
            data = dataclasses.replace(f, claims=tuple(refs)).to_dict()
            values.append(
                {
                    "key": f.key,
                    "rule": f.rule,
                    "status": str(f.status),
                    "severity": str(f.severity),
                    "data": data,
                    "article_id": article_id,
                    "rank": _SEVERITY_ORDER.get(str(f.severity), 9),
                    "rules_version": version,
                    "digest": digests[n] if digests is not None else None,
                }
            )
            links.append({int(r.article_id) for r in refs if str(r.article_id).isdigit()})
        ids = conn.execute(
            t.findings.insert().returning(t.findings.c.id, sort_by_parameter_order=True), values
        ).scalars()
        rows = [
            {"finding_id": fid, "article_id": a} for fid, arts in zip(ids, links, strict=True) for a in arts
        ]
        if rows:
            conn.execute(t.finding_articles.insert(), rows)

    # -- convergence and bulk recomputation ---------------------------------------------------

    def pending_count(self) -> int:
        with self._read.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(t.pending)).scalar_one())

    def stale(self) -> bool:
        """True when a stored finding was made by other rules than the current ones, or a full
        recompute is pending (a migration asked for it)."""
        with self._read.connect() as conn:
            old = conn.execute(
                sa.select(t.findings.c.id).where(t.findings.c.rules_version != self._rules_version()).limit(1)
            ).first()
            return old is not None or any(
                "*" in (keys or ()) for keys in conn.execute(sa.select(t.pending.c["keys"])).scalars()
            )

    def run_pending(self, *, full: bool = True) -> int:
        """Finish the re-judgements that writes left pending (a full recompute when one asks for
        it, unless ``full`` is False: then those wait for ``claims-api db recheck``); returns how
        many pending rows were settled."""
        with self._read.connect() as conn:
            work = conn.execute(sa.select(t.pending.c.id, t.pending.c["keys"]).order_by(t.pending.c.id)).all()
        if any("*" in (keys or ()) for _, keys in work):
            if not full:
                work = [(pid, keys) for pid, keys in work if "*" not in (keys or ())]
            else:
                self.recheck_all()
                return len(work)
        return sum(self._settle(pid, list(keys or ())) for pid, keys in work)

    def converge(self, *, progress: bool = False) -> str:
        """Bring the findings up to date: a full recompute when they are stale, else the pending
        work. Returns what was done ("recheck", "pending", "" for nothing)."""
        if self.stale():
            self.recheck_all(progress=progress)
            return "recheck"
        return "pending" if self.run_pending() else ""

    def recheck_all(self, *, progress: bool = False, batch: int = 200) -> int:
        """Recompute every corpus row and finding from the stored articles, in bulk: articles are
        read and analysed ``batch`` at a time (never all texts at once), rows and findings
        inserted set-wise, then every key judged. Returns how many findings there are."""
        from tqdm import tqdm

        with self._write.begin() as conn:
            top = conn.execute(sa.select(sa.func.max(t.pending.c.id))).scalar()
            for table in (t.findings, t.fx_rows, t.figure_rows):
                conn.execute(table.delete())
            ids = list(conn.execute(sa.select(t.articles.c.id).order_by(t.articles.c.id)).scalars())
        with tqdm(total=len(ids), desc="articles", unit="art", disable=not progress) as bar:
            for i in range(0, len(ids), batch):
                chunk = ids[i : i + batch]
                with self._read.connect() as conn:
                    articles = self._model_articles(conn, chunk)
                analysed = [(int(a.id), *self._analyse(a)) for a in articles]
                with self._write.begin() as conn:
                    for article_id, own, rows in analysed:
                        self._insert_rows(conn, article_id, rows)
                        self._insert_own_findings(conn, article_id, own)
                bar.update(len(chunk))
        with self._read.connect() as conn:
            keys = self._all_keys(conn)
        with tqdm(total=len(keys), desc="keys", unit="key", disable=not progress) as bar:
            for i in range(0, len(keys), 100):
                with self._write.begin() as conn:
                    self._begin_judging(conn)
                    for key in keys[i : i + 100]:
                        self._rejudge(conn, key)
                bar.update(len(keys[i : i + 100]))
        with self._write.begin() as conn:
            if top is not None:
                conn.execute(t.pending.delete().where(t.pending.c.id <= top))
            return int(conn.execute(sa.select(sa.func.count()).select_from(t.findings)).scalar_one())

    def _all_keys(self, conn: Connection) -> list[str]:
        pairs = conn.execute(sa.select(t.fx_rows.c.pair).distinct()).scalars()
        keys = {FX_PREFIX + p for p in pairs}
        keys |= set(conn.execute(sa.select(t.figure_rows.c.key).distinct()).scalars())
        return sorted(keys)

    def _model_articles(self, conn: Connection, ids: Collection[int]) -> list[Article]:
        if not ids:
            return []
        rows = conn.execute(
            sa.select(t.articles).where(t.articles.c.id.in_(sorted(ids))).order_by(t.articles.c.id)
        )
        by_id: dict[int, list[Claim]] = {i: [] for i in ids}
        articles = list(rows)
        for row in conn.execute(
            sa.select(t.claims)
            .where(t.claims.c.article_id.in_(sorted(ids)))
            .order_by(t.claims.c.article_id, t.claims.c.position)
        ):
            by_id[row.article_id].append(_claim(row))
        return [
            Article(
                id=str(r.id),
                text=r.text,
                claims=tuple(by_id[r.id]),
                doc=r.doc,
                published=r.published,
                source=r.source,
                title=r.title,
                url=r.url,
            )
            for r in articles
        ]

    # -- findings ----------------------------------------------------------------------------

    def list_findings(self, query: FindingQuery | None = None, /, **filters: Any) -> list[Finding]:
        """Every finding matching the filters (paged internally)."""
        q = query or FindingQuery(**filters)
        out: list[Finding] = []
        after = None
        while True:
            page = self.find_findings(q, after=after, limit=1000)
            out += page.items
            if page.after is None:
                return out
            after = page.after

    def find_findings(
        self,
        query: FindingQuery | None = None,
        *,
        after: tuple[Any, int] | int | None = None,
        limit: int = 50,
    ) -> Page[Finding]:
        """One page of findings: most severe first, then rule, key and id (an indexed keyset);
        ``after`` is a previous page's ``Page.after``, or the id of its last finding (looked up;
        a finding that is gone, rewritten by a re-judgement, ends the listing: an empty page)."""
        q = query or FindingQuery()
        f = t.findings.c
        stmt = sa.select(f.id, f.rank, f.rule, f.key, f.data, f.rules_version)
        if q.rule is not None:
            stmt = stmt.where(f.rule == q.rule)
        if q.status is not None:
            stmt = stmt.where(f.status == q.status)
        if q.severity is not None:
            stmt = stmt.where(f.severity == q.severity)
        if q.article is not None or q.source is not None or q.published_from or q.published_to:
            fa, a = t.finding_articles.c, t.articles.c
            sub = sa.select(fa.finding_id).join(t.articles, a.id == fa.article_id)
            if q.article is not None:
                sub = sub.where(fa.article_id == q.article)
            if q.source is not None:
                sub = sub.where(a.source == q.source)
            if q.published_from is not None:
                sub = sub.where(a.published >= q.published_from)
            if q.published_to is not None:
                sub = sub.where(a.published <= q.published_to)
            stmt = stmt.where(f.id.in_(sub))
        if isinstance(after, int):
            with self._read.connect() as conn:
                at = conn.execute(sa.select(f.rank, f.rule, f.key).where(f.id == after)).first()
            if at is None:
                return Page([], None, {"rules_versions": []})
            after = ((int(at.rank), at.rule, at.key), after)
        if after is not None:
            (rank, rule, key), fid = after
            stmt = stmt.where(sa.tuple_(f.rank, f.rule, f.key, f.id) > sa.tuple_(rank, rule, key, fid))
        stmt = stmt.order_by(f.rank, f.rule, f.key, f.id).limit(limit + 1)
        with self._read.connect() as conn:
            rows = conn.execute(stmt).all()
        items = [_finding(r.data) for r in rows[:limit]]
        nxt = None
        if len(rows) > limit and items:
            last = rows[limit - 1]
            nxt = ((int(last.rank), last.rule, last.key), int(last.id))
        return Page(items, nxt, {"rules_versions": [r.rules_version for r in rows[:limit]]})


def _fx_row(r: Any) -> FxRow:
    return FxRow(
        article_id=str(r.article_id),
        amount_pos=r.amount_pos,
        base_pos=r.base_pos,
        pair=r.pair,
        rate=r.rate,
        lo=r.lo,
        hi=r.hi,
        date=r.date,
        judged=bool(r.judged),
        hedged=bool(r.hedged),
        arithmetic=r.arithmetic,
    )


#: fx_rows newest first (``corpus.newest_order`` reversed), the order of a band's window
_NEWEST_FIRST = (t.fx_rows.c.article_id.desc(), t.fx_rows.c.amount_pos.desc(), t.fx_rows.c.base_pos.desc())


#: PostgreSQL full-text matches read before choosing how to page them (``_pg_text_condition``)
_PROBE = 2000

#: figure_rows' columns in ``FigureRow``'s field order
_FIGURE_FIELDS = tuple(f.name for f in dataclasses.fields(FigureRow))


class _SqlSource:
    """The judges' aggregates (``corpus.FxSource`` and ``corpus.FigureSource``) as indexed
    queries on ``fx_rows`` (pair[, year], article_id: a band's window of newest rows; pair,
    judged, year, rate: the judged rows beyond it) and ``figure_rows`` (key, size); none reads a whole
    pair or group, so a re-judgement costs the same however large the corpus."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    @staticmethod
    def _bucket(year: int | None) -> sa.ColumnElement[bool]:
        c = t.fx_rows.c
        return c.year.is_(None) if year is None else c.year == year

    def years(self, pair: str) -> list[int | None]:
        """The years of the pair's judged conversions (None first, for the undated), one index
        seek per year (``SELECT DISTINCT`` read every row of the pair)."""
        c = t.fx_rows.c
        where = (c.pair == pair, c.judged)
        undated = self.conn.execute(sa.select(c.id).where(*where, c.year.is_(None)).limit(1)).first()
        found: list[int | None] = [None] if undated else []
        year = self.conn.execute(sa.select(sa.func.min(c.year)).where(*where)).scalar()
        while year is not None:
            found.append(int(year))
            year = self.conn.execute(sa.select(sa.func.min(c.year)).where(*where, c.year > year)).scalar()
        return found

    def window(self, pair: str, year: int | None, limit: int) -> list[corpus.Peer]:
        """The bucket's newest rows: one range of ``fx_rows (pair[, year], article_id, ...)``."""
        c = t.fx_rows.c
        stmt = sa.select(c.rate, c.article_id, c.amount_pos, c.base_pos).where(c.pair == pair)
        if year is not None:
            stmt = stmt.where(c.year == year)
        stmt = stmt.order_by(*_NEWEST_FIRST).limit(limit)
        peers = [corpus.Peer(r[0], str(r[1]), r[2], r[3]) for r in self.conn.execute(stmt)]
        return sorted(peers, key=corpus.peer_order)

    def _judged(
        self, pair: str, year: int | None, cond: sa.ColumnElement[bool], desc: bool, limit: int
    ) -> list[FxRow]:
        c = t.fx_rows.c
        # year leads (one value in a bucket): the order is then the index's own even for the
        # undated bucket, whose ``year IS NULL`` the planner does not count as an equality
        order = [c.year, c.rate, c.article_id, c.amount_pos]
        stmt = (
            sa.select(t.fx_rows)
            .where(c.pair == pair, self._bucket(year), c.judged, cond)
            .order_by(*(o.desc() for o in order) if desc else order)
            .limit(limit)
        )
        return [_fx_row(r) for r in self.conn.execute(stmt)]

    def siblings(self, row: FxRow) -> list[FxRow]:
        c = t.fx_rows.c
        stmt = sa.select(t.fx_rows).where(
            c.article_id == int(row.article_id),
            sa.or_(c.amount_pos == row.amount_pos, c.base_pos == row.amount_pos),
            sa.not_(sa.and_(c.amount_pos == row.amount_pos, c.base_pos == row.base_pos)),
        )
        return sorted((_fx_row(r) for r in self.conn.execute(stmt)), key=corpus.fx_order)

    def median_other(self, pair: str, article_id: str, limit: int) -> float | None:
        c = t.fx_rows.c
        stmt = (
            sa.select(c.rate)
            .where(c.pair == pair, c.article_id != int(article_id))
            .order_by(*_NEWEST_FIRST)
            .limit(limit)
        )
        return corpus.median(sorted(float(r) for r in self.conn.execute(stmt).scalars()))

    def below(self, pair: str, year: int | None, rate: float, limit: int) -> list[FxRow]:
        return self._judged(pair, year, t.fx_rows.c.rate < rate, False, limit)

    def above(self, pair: str, year: int | None, rate: float, limit: int) -> list[FxRow]:
        return self._judged(pair, year, t.fx_rows.c.rate > rate, True, limit)

    def _figures(self, key: str, n: int, desc: bool) -> list[FigureRow]:
        g = t.figure_rows.c
        order = [g.size, g.article_id, g.position]
        stmt = (
            sa.select(*(g[name] for name in _FIGURE_FIELDS))
            .where(g.key == key)
            .order_by(*(o.desc() for o in order) if desc else order)
            .limit(n)
        )
        # positional: a row's fields in FigureRow's order (by-name access costs more than the read)
        return [FigureRow(str(r[0]), *r[1:]) for r in self.conn.execute(stmt)]

    def lowest(self, key: str, n: int) -> list[FigureRow]:
        return self._figures(key, n, False)

    def highest(self, key: str, n: int) -> list[FigureRow]:
        return self._figures(key, n, True)


def _set_local(conn: Connection, **settings: str) -> None:
    """PostgreSQL ``SET LOCAL name = value`` for each setting, in one statement (one round trip:
    ``set_config(name, value, true)`` lasts to the end of the transaction, as SET LOCAL does)."""
    calls = ", ".join(f"set_config(:n{i}, :v{i}, true)" for i in range(len(settings)))
    params = {}
    for i, (name, value) in enumerate(settings.items()):
        params[f"n{i}"], params[f"v{i}"] = name, value
    conn.execute(sa.text(f"SELECT {calls}"), params)


def _lock_id(key: str) -> int:
    """A signed 64-bit id of ``key`` for pg_advisory_xact_lock."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


# -- rows <-> values ---------------------------------------------------------------------------


def _iso(value: Any) -> str:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return str(value)


def _article(row: Any) -> StoredArticle:
    return StoredArticle(
        id=int(row.id),
        text=row.text,
        text_sha256=row.text_sha256,
        title=row.title,
        url=row.url,
        source=row.source,
        published=row.published,
        doc=row.doc,
        created_at=_iso(row.created_at),
        n_claims=int(row.n_claims),
        published_basis=row.published_basis,
    )


# A sentence that opens by pointing back ("It adds: ...", "They ...", a quotation going on) takes
# its subject from the sentence before it.
_ANAPHORIC = re.compile(
    r"[\"\u201c\u2018']|(?:It|This|That|These|Those|They|He|She|Its|Their|Such|Of (?:these|them|those)"
    r"|Among them|Most of them|Some of them|The (?:figure|number|total|toll|same))\b"
)


def _lead_in(text: str, sentence_start: int, reach: int = 400) -> str:
    """The sentence before a claim's own when that one points back to it ("... homicides ...
    It adds: 'there have been 444 victims'"): ``q`` searches it too. Empty otherwise."""
    if not _ANAPHORIC.match(text, sentence_start):
        return ""
    head = text[max(0, sentence_start - reach) : sentence_start].rstrip()
    cut = max(head.rfind(". ", 0, len(head) - 1), head.rfind("\n", 0, len(head) - 1))
    return head[cut + 1 :].strip() if cut >= 0 else head.strip()


def _claim_row(article_id: int, position: int, c: Claim, text: str, published: str | None) -> dict[str, Any]:
    d = c.to_dict()
    sentence = sentence_excerpt(text, c)
    value, low, high = _finite(c.value), _finite(c.low), _finite(c.high)
    usd, usd_low, usd_high = _finite(c.usd), _finite(c.usd_low), _finite(c.usd_high)
    return {
        "article_id": article_id,
        "position": position,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "kind": str(c.kind),
        "value": value,
        "low": low,
        "high": high,
        "unit": c.unit,
        "qualifier": str(c.qualifier),
        "what": c.what,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "vague": bool(c.vague),
        "rule": c.rule,
        "published": c.published,
        "published_basis": c.published_basis,
        "period": c.period,
        "usd": usd,
        "usd_low": usd_low,
        "usd_high": usd_high,
        "fx": d["fx"],
        "si_value": _finite(c.si_value),
        "si_low": _finite(c.si_low),
        "si_high": _finite(c.si_high),
        "si_unit": c.si_unit,
        "norm_note": c.norm_note,
        "attrs": d["attrs"] or None,
        "role": c.role,
        "change": c.change,
        "sentence": sentence,
        "lo": _first(value, low),
        "hi": value if value is not None else high,
        "usd_lo": _first(usd, usd_low),
        "usd_hi": usd if usd is not None else usd_high,
        "date": c.published or published,
        "search": f"{c.what}\n{sentence}\n{_lead_in(text, c.sentence_start)}".lower(),
    }


def _claim(row: Any) -> Claim:
    fx = row.fx
    return Claim(
        start=row.start,
        end=row.end,
        text=row.text,
        kind=Kind(row.kind),
        value=row.value,
        low=row.low,
        high=row.high,
        unit=row.unit,
        qualifier=Qualifier(row.qualifier),
        what=row.what,
        sentence_start=row.sentence_start,
        sentence_end=row.sentence_end,
        vague=bool(row.vague),
        rule=row.rule,
        published=row.published,
        published_basis=row.published_basis,
        period=row.period,
        usd=row.usd,
        usd_low=row.usd_low,
        usd_high=row.usd_high,
        fx=FxInfo(**fx) if fx else None,
        si_value=row.si_value,
        si_low=row.si_low,
        si_high=row.si_high,
        si_unit=row.si_unit,
        norm_note=row.norm_note,
        attrs=row.attrs or {},
        role=row.role,
        change=row.change,
    )


def _relation_row(article_id: int, position: int, r: Relation, claim_ids: dict[int, int]) -> dict[str, Any]:
    from claims_api.model import _plain  # JSON-safe attrs (NaN and inf to null)

    d = r.to_dict()
    return {
        "article_id": article_id,
        "position": position,
        "kind": d["kind"],
        "members": [{"claim_id": claim_ids[m.index], "role": str(m.role)} for m in r.members],
        "evidence_start": r.evidence[0],
        "evidence_end": r.evidence[1],
        "how": r.how,
        "subject": r.subject,
        "direction": d["direction"],
        "attrs": _plain(d["attrs"]) or None,
    }


def _stored_relation(row: Any, positions: dict[int, int]) -> StoredRelation:
    members = tuple(Member(positions[m["claim_id"]], Role(m["role"])) for m in row.members)
    relation = Relation(
        kind=RelationKind(row.kind),
        members=members,
        evidence=(row.evidence_start, row.evidence_end),
        how=row.how,
        subject=row.subject,
        direction=Direction(row.direction) if row.direction else None,
        attrs=row.attrs or {},
    )
    claim_ids = tuple(int(m["claim_id"]) for m in row.members)
    return StoredRelation(int(row.id), int(row.article_id), relation, claim_ids)


def _stored_claim(row: Any) -> StoredClaim:
    return StoredClaim(int(row.id), int(row.article_id), _claim(row), row.sentence, row.article_doc)


def _finding(d: dict[str, Any]) -> Finding:
    return Finding(
        rule=d["rule"],
        status=Status(d["status"]),
        severity=Severity(d["severity"]),
        claims=tuple(ClaimRef(**r) for r in d.get("claims", ())),
        numbers=d.get("numbers") or {},
        explanation=d.get("explanation", ""),
        key=d.get("key", ""),
    )


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _claim_conditions(q: ClaimQuery) -> list[sa.ColumnElement[bool]]:
    c = t.claims.c
    out: list[sa.ColumnElement[bool]] = []
    eq: list[tuple[Any, Any]] = [(c.kind, q.kind), (c.unit, q.unit), (c.article_id, q.article)]
    out += [col == v for col, v in eq if v is not None]
    out += _overlap(c.lo, c.hi, q.min, q.max)
    out += _overlap(c.usd_lo, c.usd_hi, q.usd_min, q.usd_max)
    if q.published_from is not None:
        out.append(c.date >= q.published_from)
    if q.published_to is not None:
        out.append(c.date <= q.published_to)
    return out


def _overlap(lo: Any, hi: Any, qmin: float | None, qmax: float | None) -> list[sa.ColumnElement[bool]]:
    """[lo, hi] meets [qmin, qmax]; a NULL hi is open above, a NULL lo open below (not both)."""
    out: list[sa.ColumnElement[bool]] = []
    if qmin is not None:
        out.append(sa.or_(hi >= qmin, sa.and_(hi.is_(None), lo.is_not(None))))
    if qmax is not None:
        out.append(sa.or_(lo <= qmax, sa.and_(lo.is_(None), hi.is_not(None))))
    return out
