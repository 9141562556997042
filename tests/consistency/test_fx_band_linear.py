"""The corpus band of a currency pair costs work in proportion to the pair's conversions.

Structural (no timing): the values the band's median and spread read, summed over every article
asking for its band, grow like the number of conversions, not like its square.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from claims_api.consistency import implied_fx_rate as fx


def _corpus(n: int) -> fx._Corpus:
    convs = [
        SimpleNamespace(pair="GBP/USD", implied=0.78 + (i % 7) / 1000, article=SimpleNamespace(id=f"a{i}"))
        for i in range(n)
    ]
    return fx._Corpus(convs)  # type: ignore[arg-type]


def _work(monkeypatch: pytest.MonkeyPatch, n: int) -> int:
    read = {"values": 0}
    spread = fx._Corpus._spread

    def counted(values: list[float]) -> tuple[float, float] | None:
        read["values"] += len(values)
        return spread(values)

    monkeypatch.setattr(fx._Corpus, "_spread", staticmethod(counted))
    corpus = _corpus(n)
    for i in range(n):
        assert corpus.band("GBP/USD", f"a{i}") is not None
    monkeypatch.undo()
    return read["values"]


@pytest.mark.parametrize("n", [8, 40])
def test_small_pair_band_leaves_out_the_judged_article(n: int) -> None:
    corpus = _corpus(n)
    med, _, count = corpus.band("GBP/USD", "a0")
    assert count == n - 1
    assert 0.78 <= med <= 0.787


def test_band_of_a_large_pair_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    small, large = _work(monkeypatch, 1_000), _work(monkeypatch, 4_000)
    assert large <= 4.5 * small  # quadratic would be 16x


def test_band_of_a_large_pair_counts_the_other_articles() -> None:
    corpus = _corpus(500)
    assert corpus.band("GBP/USD", "a3")[2] == 499
    assert corpus.band("EUR/USD", "a3") is None
