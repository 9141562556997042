"""End to end with the real extractor: ingest seeds/ and look a figure up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def test_ingest_seeds_then_search_homicides(app: Any, client: Any, store: Any) -> None:
    from claims_api.commands.ingest import ingest

    summary = ingest(store, [ROOT / "seeds"], progress=False)
    assert (summary.added, summary.present) == (5, 0)
    again = ingest(store, [ROOT / "seeds"], progress=False)
    assert (again.added, again.present, again.claims) == (0, 5, 0)
    docs = {a["doc"] for a in client.get("/v1/articles").get_json()["articles"]}
    assert "000_492ecf04c8029d0c" in docs

    claims = client.get("/v1/claims?q=homicides").get_json()["claims"]
    texts = {c["text"] for c in claims}
    # The homicide figures of seed 000: the rate, the yearly total, and the 444 victims whose
    # sentence says "victims" but follows the one that names the homicides.
    assert {"nearing six crimes per day", "2,190", "444"} <= texts, texts
    for c in claims:
        assert c["doc"] == "000_492ecf04c8029d0c"
        article = client.get(f"/v1/articles/{c['article_id']}").get_json()
        lead_in = article["text"][max(0, c["sentence_start"] - 400) : c["sentence_start"]]
        assert "homicide" in (c["sentence"] + " " + c["what"] + " " + lead_in).lower()
    two = next(c for c in claims if c["text"] == "2,190")
    assert "equivalent to 2,190 in the last year" in two["sentence"]


def test_ingest_command(tmp_path: Path, capsys: Any) -> None:
    from claims_api.cli import main

    url = f"sqlite:///{tmp_path / 'c.db'}"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("There were 12 dogs.", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"\xff\xfe broken")
    assert main(["ingest", str(tmp_path / "in"), "--database-url", url, "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 articles added, 0 already present, ")
    assert main(["ingest", str(tmp_path / "in" / "a.txt"), "--database-url", url, "--no-progress"]) == 0
    assert capsys.readouterr().out.startswith("0 articles added, 1 already present, 0 claims")
    assert main(["ingest", str(tmp_path / "missing"), "--database-url", url]) == 2


def test_db_upgrade_command(tmp_path: Path) -> None:
    from claims_api.cli import main
    from claims_api.storage import open_store

    url = f"sqlite:///{tmp_path / 'd.db'}"
    assert main(["db", "upgrade", "--database-url", url]) == 0
    assert not open_store(url).is_empty()
