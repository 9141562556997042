"""Storage keeps each claim's role and change and the article's relations, in one transaction."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from claims_api.model import Claim, Kind, Qualifier
from claims_api.relations.model import Direction, Member, Relation, RelationKind, Role
from claims_api.storage import NewArticle

TEXT = "Exports fell 10% to $90m from $100m. Of the 30 ships, 12 were idle."


def _claim(
    text: str, kind: Kind, value: float, unit: str | None, role: str | None, change: str | None
) -> Claim:
    start = TEXT.index(text)
    s0, s1 = (0, 36) if start < 36 else (37, len(TEXT))
    return Claim(
        start, start + len(text), text, kind, value, None, None, unit, Qualifier.EXACT, "", s0, s1,
        role=role, change=change,
    )  # fmt: skip


CLAIMS = [
    _claim("10%", Kind.PERCENT, 10, "percent", "change_percent", "down"),
    _claim("$90m", Kind.MONEY, 90e6, "USD", "level", None),
    _claim("$100m", Kind.MONEY, 100e6, "USD", "former_level", None),
    _claim("30", Kind.COUNT, 30, None, "total", None),
    _claim("12", Kind.COUNT, 12, None, "part", None),
    _claim("idle", Kind.COUNT, 0, None, None, None),
]
RELATIONS = (
    Relation(
        RelationKind.CHANGE,
        (Member(0, Role.CHANGE_PERCENT), Member(1, Role.LEVEL), Member(2, Role.FORMER_LEVEL)),
        (8, 35),
        "from-to",
        subject="exports",
        direction=Direction.DOWN,
        attrs={"computed": -10.0, "nested": {"a": [1, 2]}},
    ),
    Relation(RelationKind.PART_OF, (Member(4, Role.PART), Member(3, Role.TOTAL)), (37, 55), "of-the"),
)


def test_roles_and_relations_round_trip(store: Any) -> None:
    article, created = store.add_article(NewArticle(TEXT), CLAIMS, RELATIONS)
    assert created
    stored = store.article_claims(article.id)
    assert [(s.claim.role, s.claim.change) for s in stored] == [(c.role, c.change) for c in CLAIMS]
    assert [s.claim for s in stored] == CLAIMS
    rels = store.article_relations(article.id)
    assert [r.relation for r in rels] == list(RELATIONS)
    ids = [s.id for s in stored]
    assert rels[0].claim_ids == (ids[0], ids[1], ids[2]) and rels[1].claim_ids == (ids[4], ids[3])
    assert all(r.article_id == article.id for r in rels) and rels[0].id != rels[1].id


def test_without_relations_nothing_is_stored_for_them(store: Any) -> None:
    article, _ = store.add_article(NewArticle(TEXT), CLAIMS)
    assert store.article_relations(article.id) == []
    assert store.article_relations(article.id + 1000) == []


def test_a_relation_naming_a_missing_claim_stores_nothing(store: Any) -> None:
    bad = Relation(
        RelationKind.CONVERSION, (Member(0, Role.LEVEL), Member(6, Role.CONVERSION)), (0, 5), "bracket"
    )
    with pytest.raises(ValueError, match="does not have"):
        store.add_article(NewArticle(TEXT), CLAIMS, (RELATIONS[0], bad))
    assert store.find_article(url=None, text=TEXT) is None  # the claims' transaction rolled back
    assert store.list_articles().items == []


def test_deleting_the_article_deletes_its_relations(store: Any, db_url: str) -> None:
    a, _ = store.add_article(NewArticle(TEXT), CLAIMS, RELATIONS)
    b, _ = store.add_article(NewArticle(TEXT + " More."), CLAIMS, RELATIONS[:1])
    assert store.delete_article(a.id)
    assert store.article_relations(a.id) == []
    assert len(store.article_relations(b.id)) == 1
    engine = sa.create_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM relations")).scalar_one() == 1
    engine.dispose()


def test_migration_adds_nullable_role_columns_to_existing_claims(db_url: str) -> None:
    from claims_api.storage import open_store

    s = open_store(db_url)
    s.upgrade("0001")
    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO articles (text, text_sha256, created_at, n_claims) VALUES ('x 1', 'h', :now, 1)"
            ),
            {"now": "2026-01-01 00:00:00"},
        )
        conn.execute(
            sa.text(
                'INSERT INTO claims (article_id, position, start, "end", text, kind, qualifier, what, '
                "sentence_start, sentence_end, vague, rule, sentence, search) "
                "VALUES (1, 0, 2, 3, '1', 'count', 'exact', '', 0, 3, false, 'r', 'x 1', 'x 1')"
            )
        )
    s.upgrade()
    assert s.current_revision() == "0012_rejudge_plans"
    (old,) = s.article_claims(1)
    assert old.claim.role is None and old.claim.change is None
    assert s.article_relations(1) == []
    cols = {c["name"] for c in sa.inspect(engine).get_columns("relations")}
    assert {"article_id", "kind", "members", "evidence_start", "evidence_end", "how", "subject"} <= cols
    engine.dispose()
    s.close()


def test_replace_relations_rewrites_roles_and_relations(store: Any) -> None:
    article, _ = store.add_article(NewArticle(TEXT), [c.replace(role=None, change=None) for c in CLAIMS])
    assert store.article_relations(article.id) == []
    assert store.replace_relations(article.id, [(c.role, c.change) for c in CLAIMS], RELATIONS)
    assert [s.claim for s in store.article_claims(article.id)] == CLAIMS
    assert [r.relation for r in store.article_relations(article.id)] == list(RELATIONS)
    assert store.replace_relations(article.id, [(None, None)] * len(CLAIMS), RELATIONS[1:])
    assert [s.claim.role for s in store.article_claims(article.id)] == [None] * len(CLAIMS)
    assert [r.relation for r in store.article_relations(article.id)] == [RELATIONS[1]]
    with pytest.raises(ValueError):
        store.replace_relations(article.id, [(None, None)], ())
    assert len(store.article_relations(article.id)) == 1  # unchanged after the refused call
    assert store.replace_relations(article.id + 1000, [], ()) is False


def test_db_relate_reruns_the_relation_pass_over_stored_articles(
    store: Any, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    from conftest import fake_extract
    from support.relations import RELATED, ROLES, fake_relate

    import claims_api.relations as relations_pkg
    from claims_api.cli import main

    article, _ = store.add_article(NewArticle(RELATED), fake_extract(RELATED))  # stored before any roles
    other, _ = store.add_article(NewArticle("Nothing but 7."), fake_extract("Nothing but 7."))
    assert {s.claim.role for s in store.article_claims(article.id)} == {None}
    monkeypatch.setattr(relations_pkg, "relate", fake_relate)
    assert main(["db", "relate", "--database-url", db_url]) == 0
    assert "2 articles related, 2 relations" in capsys.readouterr().err
    stored = store.article_claims(article.id)
    assert {s.claim.text: (s.claim.role, s.claim.change) for s in stored} == ROLES
    assert [r.relation.kind.value for r in store.article_relations(article.id)] == ["change", "part_of"]
    assert store.article_relations(other.id) == []
