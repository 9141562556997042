"""``relations.annotate``: one relation pass per article puts ``role``/``change`` on its claims.

With a deterministic stand-in for the layer (``support.relations``) the roles are checked
exactly; with the real ``relate`` only the shape is (it holds for the interface placeholder and
for the full layer alike).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import fake_extract
from support.relations import RELATED, ROLES, fake_relate

import claims_api.relations as relations_pkg
from claims_api.cli import main
from claims_api.extract import extract
from claims_api.model import Article
from claims_api.relations.annotate import RelationLayerError, annotate, annotate_claims
from claims_api.relations.model import ArticleRelations, Member, Relation, RelationKind, Role

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT / "tests" / "data" / "bbc"


def test_annotate_sets_role_and_change_from_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counting(article: Article) -> ArticleRelations:
        calls.append(article.id)
        return fake_relate(article)

    monkeypatch.setattr(relations_pkg, "relate", counting)
    article = Article(id="a1", text=RELATED, claims=tuple(fake_extract(RELATED)))
    out, rels = annotate(article)
    assert calls == ["a1"]
    assert {c.text: (c.role, c.change) for c in out.claims} == ROLES
    assert [r.kind for r in rels] == [RelationKind.CHANGE, RelationKind.PART_OF]
    assert out.id == "a1" and out.text == RELATED
    # only role and change differ from the extractor's claims
    assert [c.replace(role=None, change=None) for c in out.claims] == list(article.claims)
    assert all(c.to_dict()["role"] == ROLES[c.text][0] for c in out.claims)


def test_annotate_claims_for_unstored_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(relations_pkg, "relate", fake_relate)
    claims, rels = annotate_claims(RELATED, fake_extract(RELATED))
    assert [c.role for c in claims] == [r for r, _ in ROLES.values()] and len(rels) == 2
    none, nothing = annotate_claims("no figures here", [])
    assert none == [] and nothing == ()


@pytest.mark.parametrize(
    "bad",
    [
        ArticleRelations(roles=(None,), changes=(None,), relations=()),  # too few roles
        ArticleRelations(roles=(None,) * 5, changes=(None,) * 4, relations=()),  # too few changes
        ArticleRelations(
            roles=(None,) * 5,
            changes=(None,) * 5,
            relations=(Relation(RelationKind.CHANGE, (Member(5, Role.LEVEL),), (0, 1), "x"),),
        ),
        ArticleRelations(
            roles=(None,) * 5,
            changes=(None,) * 5,
            relations=(Relation(RelationKind.CHANGE, (Member(-1, Role.LEVEL),), (0, 1), "x"),),
        ),
        ArticleRelations(
            roles=(None,) * 5,
            changes=(None,) * 5,
            relations=(Relation(RelationKind.CHANGE, (Member(0, Role.LEVEL),), (5, 4000), "x"),),
        ),
        ArticleRelations(
            roles=(None,) * 5,
            changes=(None,) * 5,
            relations=(Relation(RelationKind.CHANGE, (Member(0, Role.LEVEL),), (9, 3), "x"),),
        ),
    ],
)
def test_output_that_does_not_fit_the_article_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, bad: ArticleRelations
) -> None:
    monkeypatch.setattr(relations_pkg, "relate", lambda article: bad)
    with pytest.raises(RelationLayerError):
        annotate_claims(RELATED, fake_extract(RELATED))


def test_score_input_format_survives(monkeypatch: pytest.MonkeyPatch, capsys: Any, tmp_path: Path) -> None:
    monkeypatch.setattr(relations_pkg, "relate", fake_relate)
    import claims_api.commands.extract as cmd

    monkeypatch.setattr(cmd, "extract", lambda text, **kw: fake_extract(text))
    f = tmp_path / "rel.txt"
    f.write_text(RELATED, encoding="utf-8")
    assert main(["extract", str(f)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["text"]: (r["role"], r["change"]) for r in rows} == ROLES
    assert all({"doc", "start", "end", "kind", "value", "unit", "qualifier"} <= set(r) for r in rows)
    assert main(["extract", str(f), "--format", "table"]) == 0
    head, *lines = capsys.readouterr().out.splitlines()
    assert head.split("\t")[9:11] == ["role", "change"]
    assert lines[0].split("\t")[9:11] == ["change_percent", "up"]


# -- the real relation layer: structure only ---------------------------------------------------


@pytest.mark.parametrize("path", sorted(BBC.glob("*.txt"))[:6], ids=lambda p: p.stem)
def test_real_layer_gives_one_role_per_claim_and_members_in_range(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    claims = extract(text)
    out, rels = annotate(Article(id=path.stem, text=text, claims=tuple(claims)))
    assert len(out.claims) == len(claims)
    roles = {r.value for r in Role}
    for c in out.claims:
        assert c.role in roles | {None} and c.change in ("up", "down", None)
    for r in rels:
        assert r.members and all(0 <= m.index < len(claims) for m in r.members)
        assert 0 <= r.evidence[0] <= r.evidence[1] <= len(text)
