"""Incremental findings over compact rows equal a full recompute (SQLite and PostgreSQL); the
write path analyses outside the write transaction and leaves unfinished work pending."""

from __future__ import annotations

import json
import random
import threading
from typing import Any

import pytest
import sqlalchemy as sa

from claims_api.consistency import report
from claims_api.extract import extract
from claims_api.model import Finding
from claims_api.storage import NewArticle

PROJECTS = ["metro line", "water plant", "coastal road", "hospital wing", "rail link", "school programme"]
PLACES = ["Lima", "Cusco", "Arequipa", "Trujillo", "Piura"]


def corpus_texts(n: int, seed: int = 7) -> list[tuple[str, str | None]]:
    """Articles of my own wording that share currency pairs and subjects: sol conversions near
    3.8 to the dollar (one far off), dated and undated; investment and payroll figures repeated
    with different values across articles."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        project, place = rng.choice(PROJECTS), rng.choice(PLACES)
        usd = rng.choice([1.2, 2.5, 3.1, 4.4, 0.8])
        rate = 2.6 if i == 5 else rng.uniform(3.72, 3.86)
        soles = round(usd * rate, 2)
        parts = [
            f"The {project} in {place} will cost {soles} billion soles (${usd} billion), officials said."
        ]
        if i % 3 == 0:
            parts.append(
                f"Chinese investment in Peru totals US${rng.choice([30, 30, 33])} billion, the embassy said."
            )
        if i % 4 == 1:
            workers = rng.choice(["12,400", "12,400", "12,900"])
            parts.append(f"Tata Steel employs {workers} workers in Wales, a spokesperson said.")
        if i % 5 == 2:
            parts.append(f"Copper exports from Peru rose to ${rng.choice([14, 14, 19])} billion in 2024.")
        published = None if i % 2 else f"202{4 + i % 2 * 0}-0{1 + i % 9}-1{i % 10}"
        out.append((" ".join(parts) + f" Report {i}.", published))
    return out


def snapshot(findings: list[Finding], *, claim_ids: bool = True) -> list[str]:
    rows = []
    for f in findings:
        d = f.to_dict()
        if not claim_ids:
            for c in d["claims"]:
                c["claim_id"] = None
        rows.append(json.dumps(d, sort_keys=True))
    return sorted(rows)


def load(store: Any, items: list[tuple[str, str | None]]) -> list[int]:
    ids = []
    for text, published in items:
        claims = extract(text, published=published)
        ids.append(store.add_article(NewArticle(text, published=published), claims)[0].id)
    return ids


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, str | None]]:
    return corpus_texts(24)


def test_incremental_equals_full_recheck(store: Any, texts: list[tuple[str, str | None]]) -> None:
    ids = load(store, texts)
    incremental = snapshot(store.list_findings())
    rules = {json.loads(x)["rule"] for x in incremental}
    assert {"implied_fx_rate", "conflicting_figures"} <= rules
    bad = [json.loads(x) for x in incremental if '"inconsistent"' in x]
    assert any(b["rule"] == "implied_fx_rate" and "2.6" in b["explanation"][:40] for b in bad)
    assert any(b["rule"] == "conflicting_figures" for b in bad)
    store.recheck_all()
    assert snapshot(store.list_findings()) == incremental
    assert store.pending_count() == 0

    # deletes re-judge the keys of the article that went, incrementally
    for gone in (ids[5], ids[0], ids[9]):
        assert store.delete_article(gone)
    after_deletes = snapshot(store.list_findings())
    store.recheck_all()
    assert snapshot(store.list_findings()) == after_deletes
    assert not any("2.6" in json.loads(x)["explanation"][:40] for x in after_deletes)

    # the in-memory report over the same articles gives the same findings (claim ids aside)
    with store._read.connect() as conn:
        articles = store._model_articles(conn, [i for i in ids if i not in (ids[5], ids[0], ids[9])])
    assert snapshot(report(articles), claim_ids=False) == snapshot(store.list_findings(), claim_ids=False)


def test_findings_are_stamped_and_paged(store: Any, texts: list[tuple[str, str | None]]) -> None:
    from claims_api.consistency import RULES_VERSION

    load(store, texts[:12])
    everything = store.list_findings()
    seen, after = [], None
    while True:
        page = store.find_findings(after=after, limit=3)
        assert len(page.items) <= 3 and set(page.extra["rules_versions"]) <= {RULES_VERSION}
        seen += page.items
        if page.after is None:
            break
        after = page.after
    assert seen == everything and len(seen) > 3
    assert not store.stale()
    with store._write.begin() as conn:
        conn.execute(sa.text("UPDATE findings SET rules_version = 'old'"))
    assert store.stale()
    assert store.converge() == "recheck"
    assert not store.stale() and snapshot(store.list_findings()) == snapshot(everything)


def test_unfinished_rejudgement_stays_pending_and_converges(
    store: Any, texts: list[tuple[str, str | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    load(store, texts[:6])
    real = store._rejudge

    def database_gone(conn: Any, key: str) -> int:
        raise sa.exc.OperationalError("SELECT 1", {}, Exception("server closed the connection"))

    monkeypatch.setattr(store, "_rejudge", database_gone)
    stored, created = store.add_article(NewArticle(texts[6][0], published=texts[6][1]), extract(texts[6][0]))
    assert created and store.get_article(stored.id) is not None  # acknowledged and committed
    assert store.pending_count() == 1
    monkeypatch.setattr(store, "_rejudge", real)
    assert store.run_pending() == 1 and store.pending_count() == 0
    converged = snapshot(store.list_findings())
    store.recheck_all()
    assert snapshot(store.list_findings()) == converged


def test_long_one_sentence_article_is_analysed_outside_the_write_transaction(store: Any) -> None:
    """Issue 12, defect 1: 150 KB of figures in one sentence; the analysis (check_article, rows)
    runs while no write transaction is open, and another writer's store completes meanwhile."""
    rng = random.Random(3)
    parts, size = [], 0
    while size < 150_000:
        pct, usd, staff = rng.randint(1, 99), rng.randint(1, 900), rng.randint(2, 5000)
        p = f"costs rose {pct} percent to ${usd} million for {staff} staff"
        parts.append(p)
        size += len(p) + 2
    text = "In 2024 " + ", ".join(parts) + "."
    claims = extract(text)
    open_tx = []
    events: list[str] = []
    sa.event.listen(store._write, "begin", lambda conn: open_tx.append(1))
    sa.event.listen(store._write, "commit", lambda conn: open_tx.pop())
    sa.event.listen(store._write, "rollback", lambda conn: open_tx.pop() if open_tx else None)
    checks = store._checks()
    other_done = threading.Event()

    class Watching:
        RULES_VERSION = checks.RULES_VERSION

        def check_article(self, article: Any) -> Any:
            events.append(f"analyse {len(article.text)} in_tx={bool(open_tx)}")
            if len(article.text) > 100_000:
                # another writer stores an article while the long one is analysed
                t = threading.Thread(
                    target=lambda: (
                        load(store, [("Tata Steel employs 12,400 workers.", None)]),
                        other_done.set(),
                    )
                )
                t.start()
                t.join(timeout=120)
            return checks.check_article(article)

        def article_findings(self, article: Any) -> Any:
            return checks.article_findings(article)

        def corpus_rows(self, article: Any) -> Any:
            events.append(f"rows in_tx={bool(open_tx)}")
            return checks.corpus_rows(article)

    store._consistency = Watching()
    stored, created = store.add_article(NewArticle(text), claims)
    assert created and store.get_article(stored.id).n_claims == len(claims) > 2000
    assert other_done.is_set()  # the other write finished before the long one took the lock
    assert events[0] == f"analyse {len(text)} in_tx=False"
    assert all(e.endswith("in_tx=False") for e in events)


def test_incremental_equals_full_recheck_past_the_windows(
    store: Any, texts: list[tuple[str, str | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a band window of 5 conversions and subject groups of 4, the windows and the
    extremes are what decides (as in a large corpus): the store, a full recompute and the
    in-memory report still agree."""
    from claims_api.consistency import corpus

    monkeypatch.setattr(corpus, "BAND_PEERS", 5)
    monkeypatch.setattr(corpus, "GROUP_CAP", 4)
    ids = load(store, texts)
    incremental = snapshot(store.list_findings())
    assert any("newest" in json.loads(x)["explanation"] for x in incremental)
    assert any("more than 4 figures" in json.loads(x)["explanation"] for x in incremental)
    store.recheck_all()
    assert snapshot(store.list_findings()) == incremental
    with store._read.connect() as conn:
        articles = store._model_articles(conn, ids)
    assert snapshot(report(articles), claim_ids=False) == snapshot(store.list_findings(), claim_ids=False)


def test_a_store_rewrites_only_the_findings_it_changes(store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A figure that joins a large subject group without being one of its extremes leaves the
    group's finding as stored (same row); one that becomes an extreme replaces it; and what is
    stored still equals a full recompute."""
    from claims_api.consistency import corpus

    monkeypatch.setattr(corpus, "GROUP_CAP", 4)  # judged on the 2 smallest and the 2 largest

    def investment(value: str) -> tuple[str, None]:
        return (f"Chinese investment in Peru totals US${value} billion, the embassy said in a note.", None)

    load(store, [investment(v) for v in ("30", "30.2", "29.8", "30.4", "29.6")])

    def cross() -> set[tuple[int, str]]:
        with store._read.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT id, digest FROM findings WHERE article_id IS NULL AND key LIKE 'conflicting%'"
                )
            ).all()
        return {(int(r.id), str(r.digest)) for r in rows}

    before = cross()
    assert len(before) == 1
    deletes: list[str] = []

    def watch(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("DELETE FROM FINDINGS"):
            deletes.append(statement)

    sa.event.listen(store._write, "before_cursor_execute", watch)
    load(store, [investment("30.1")])  # inside the extremes: the verdict is the same finding
    assert cross() == before and deletes == []
    sa.event.remove(store._write, "before_cursor_execute", watch)
    load(store, [investment("31.9")])  # a new largest figure: the finding is rewritten
    after = cross()
    assert len(after) == 1 and after != before
    incremental = snapshot(store.list_findings())
    store.recheck_all()
    assert snapshot(store.list_findings()) == incremental
