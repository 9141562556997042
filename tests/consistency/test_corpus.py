"""The cross-article judges over compact rows: a robust band per currency pair, bounded subject
groups, and rows built from articles (table-driven, positive and negative cases)."""

from __future__ import annotations

import pytest

from claims_api.consistency import corpus, report
from claims_api.consistency.corpus import CorpusRows, FigureRow, FxRow, MemorySource
from claims_api.model import Article, Claim, Kind, Qualifier


def fx_row(
    i: int, rate: float, *, date: str | None = None, judged: bool = True, hedged: bool = False
) -> FxRow:
    return FxRow(str(i), 0, 1, "GBP/USD", rate, rate * 0.999, rate * 1.001, date, judged, hedged, f"{rate}")


def outliers(rows: list[FxRow]) -> list[float]:
    src = MemorySource([CorpusRows(fx=(r,)) for r in rows])
    found = corpus.judge_pair("GBP/USD", src)
    return sorted(d.numbers["implied"] for d in found if d.inconsistent)  # type: ignore[misc]


NEAR = [1.88, 1.89, 1.9, 1.91, 1.92]

FX_CASES = [
    # (name, rates with dates, expected outlier rates)
    ("one wrong rate among agreeing ones is flagged", [(r, None) for r in [*NEAR, 1.388]], [1.388]),
    ("agreeing rates alone raise nothing", [(r, None) for r in NEAR], []),
    # the wrong rate must not widen the band the others are judged against, even when few
    (
        "few peers: the wrong one still stands out",
        [(1.388, None), (1.88, None), (1.9, None), (1.92, None)],
        [1.388],
    ),
    ("a high outlier too", [(r, None) for r in [*NEAR, 2.6]], [2.6]),
    ("ten percent beyond the band is tolerated", [(r, None) for r in [*NEAR, 2.0]], []),
    # dated conversions are compared with conversions of the same year only
    ("different years are not comparable", [(1.9, "2020-05-01"), (1.4, "2024-05-01")], []),
    (
        "same year comparable",
        [(1.9, "2024-01-10"), (1.91, "2024-03-01"), (1.89, "2024-06-01"), (1.4, "2024-05-01")],
        [1.4],
    ),
    ("a single conversion has no band", [(1.4, None)], []),
]


@pytest.mark.parametrize(("name", "rates", "expected"), FX_CASES, ids=[c[0] for c in FX_CASES])
def test_fx_band(name: str, rates: list[tuple[float, str | None]], expected: list[float]) -> None:
    rows = [fx_row(i, r, date=d) for i, (r, d) in enumerate(rates, 1)]
    assert outliers(rows) == expected


def test_conversions_with_a_reference_rate_are_peers_but_not_judged() -> None:
    rows = [fx_row(i, r, judged=False) for i, r in enumerate([*NEAR, 1.388], 1)]
    assert outliers(rows) == []
    rows[-1] = fx_row(6, 1.388, judged=True)
    assert outliers(rows) == [1.388]


def test_hedged_conversion_gets_more_room() -> None:
    base = [fx_row(i, r) for i, r in enumerate(NEAR, 1)]
    # 2.16 is about 12% above the band's top (about 1.9375 with IQR 0.01... widened): hedged passes
    assert outliers([*base, fx_row(9, 2.16, hedged=True)]) == []
    assert outliers([*base, fx_row(9, 2.16)]) == [2.16]


def test_summary_per_pair() -> None:
    rows = [fx_row(i, r) for i, r in enumerate([*NEAR, 1.388], 1)]
    found = corpus.judge_pair("GBP/USD", MemorySource([CorpusRows(fx=tuple(rows))]))
    (summary,) = [d for d in found if not d.inconsistent and not d.members]
    # a small bucket lists each conversion inside its band too, the outlier not among them
    listed = sorted(d.numbers["implied"] for d in found if not d.inconsistent and d.members)
    assert listed == NEAR
    assert summary.numbers["n"] == 6 and summary.numbers["outliers"] == 1 and summary.members == ()
    assert summary.numbers["median"] == pytest.approx(1.895)


def test_outliers_are_capped_per_side() -> None:
    rows = [fx_row(i, 1.9 + i * 1e-4) for i in range(200)] + [
        fx_row(1000 + i, 0.5 + i * 1e-3) for i in range(40)
    ]
    assert len(outliers(rows)) == corpus.OUTLIER_CAP
    # a big bucket lists its outliers and the summary only, never every conversion
    found = corpus.judge_pair("GBP/USD", MemorySource([CorpusRows(fx=tuple(rows))]))
    assert len(found) <= 2 * corpus.OUTLIER_CAP + 1


BAND_CASES = [
    # (name, older rates, newer rates (BAND_PEERS of them), expected outlier rates)
    # the band is made of the newest conversions: an old cluster at another level stands out
    # against it, where the quartiles of all 450 would have spanned both levels and flagged none
    (
        "older conversions at another level are judged against the newest",
        1.5,
        1.9,
        [1.5] * corpus.OUTLIER_CAP,
    ),
    ("older conversions that agree with the newest raise nothing", 1.9, 1.9, []),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), BAND_CASES, ids=[c[0] for c in BAND_CASES])
def test_band_is_made_of_the_newest_conversions(
    name: str, old: float, new: float, expected: list[float]
) -> None:
    older = [fx_row(i, old) for i in range(1, 201)]
    newer = [fx_row(1000 + i, new + (i % 5) * 1e-3) for i in range(corpus.BAND_PEERS)]
    found = corpus.judge_pair("GBP/USD", MemorySource([CorpusRows(fx=tuple(older + newer))]))
    assert sorted(d.numbers["implied"] for d in found if d.inconsistent) == expected
    (summary,) = [d for d in found if not d.members]
    assert summary.numbers["n"] == corpus.BAND_PEERS and summary.numbers["more"] is True
    assert f"the {corpus.BAND_PEERS} newest conversions" in summary.explanation
    for d in found:
        if d.inconsistent:  # judged from outside the window: all of it are its peers
            assert d.numbers["corpus_n"] == corpus.BAND_PEERS and "newest" in d.explanation


def test_a_bucket_within_the_window_is_judged_on_all_of_it() -> None:
    rows = [fx_row(i, r) for i, r in enumerate([*NEAR, 1.388], 1)]
    found = corpus.judge_pair("GBP/USD", MemorySource([CorpusRows(fx=tuple(rows))]))
    (summary,) = [d for d in found if not d.members]
    assert "more" not in summary.numbers and "newest" not in summary.explanation
    (bad,) = [d for d in found if d.inconsistent]
    assert bad.numbers["corpus_n"] == 5


@pytest.mark.parametrize(
    ("name", "own", "other", "expected"),
    [
        # 10 ZAR per USD (this article) x 1.8 USD per GBP (the other articles) = 18 ZAR per GBP
        ("a pair's only conversion agrees through a third currency", 18.0, [1.8, 1.79, 1.81], False),
        ("a pair's only conversion disagrees through a third currency", 12.0, [1.8, 1.79, 1.81], True),
    ],
)
def test_only_conversion_of_a_pair_is_triangulated(
    name: str, own: float, other: list[float], expected: bool
) -> None:
    mine = CorpusRows(
        fx=(
            FxRow("1", 0, 1, "ZAR/USD", 10.0, 9.99, 10.01, None, True, False, "10"),
            FxRow("1", 0, 2, "ZAR/GBP", own, own * 0.999, own * 1.001, None, True, False, str(own)),
        )
    )
    peers = [
        CorpusRows(fx=(FxRow(str(i), 0, 1, "USD/GBP", r, r, r, None, True, False, str(r)),))
        for i, r in enumerate(other, 2)
    ]
    (draft,) = corpus.judge_pair("ZAR/GBP", MemorySource([mine, *peers]))
    assert draft.inconsistent is expected
    assert draft.numbers["derived"] == pytest.approx(18.0)


KEY = "conflicting_figures:money|USD|invest|China+Peru|"


def fig(article: str, pos: int, lo: float, hi: float) -> FigureRow:
    return FigureRow(article, pos, KEY, "money", "USD", lo, hi, None, f"${lo:g}", f"{lo:g}", (lo + hi) / 2)


FIGURE_CASES = [
    (
        "30 and 33 billion conflict across articles",
        [("1", 29.5, 30.5), ("2", 32.5, 33.5)],
        [("inconsistent", "high")],
    ),
    ("rounding lets 30 and 30.4 agree", [("1", 29.5, 30.5), ("2", 30.35, 30.45)], [("consistent", "info")]),
    ("figures more than twice apart are not compared", [("1", 29.5, 30.5), ("2", 89.5, 90.5)], []),
    (
        "one article's two sentences disagree",
        [("1", 29.5, 30.5), ("1", 32.5, 33.5)],
        [("inconsistent", "medium")],
    ),
    ("a single figure is no group", [("1", 29.5, 30.5)], []),
]


@pytest.mark.parametrize(("name", "members", "expected"), FIGURE_CASES, ids=[c[0] for c in FIGURE_CASES])
def test_subject_groups(
    name: str, members: list[tuple[str, float, float]], expected: list[tuple[str, str]]
) -> None:
    rows = [fig(a, i, lo, hi) for i, (a, lo, hi) in enumerate(members)]
    drafts = corpus.judge_subject(KEY, MemorySource([CorpusRows(figures=tuple(rows))]))
    got = [d.finding(lambda a, p: _ref(a, p)) for d in drafts]
    assert [(str(f.status), str(f.severity)) for f in got] == expected


def _ref(article: str, pos: int):  # type: ignore[no-untyped-def]
    from claims_api.model import ClaimRef

    return ClaimRef(article, None, pos, pos + 1, "x", "x")


def test_large_group_judged_on_its_extremes() -> None:
    rows = [fig(str(i), 0, 29.5, 30.5) for i in range(1, 200)] + [fig("500", 0, 32.5, 33.5)]
    (d,) = corpus.judge_subject(KEY, MemorySource([CorpusRows(figures=tuple(rows))]))
    assert d.inconsistent and ("500", 0) in d.members
    assert len(d.numbers["values"]) == corpus.GROUP_CAP  # type: ignore[arg-type]
    assert f"more than {corpus.GROUP_CAP} figures" in d.explanation


def _money(text: str, phrase: str, value: float, unit: str, **kw: object) -> Claim:
    start = text.index(phrase)
    end = start + len(phrase)
    return Claim(
        start, end, phrase, Kind.MONEY, value, None, None, unit, Qualifier.EXACT, "cost", 0, len(text), **kw
    )  # type: ignore[arg-type]


def test_rows_of_an_article_name_claims_by_position() -> None:
    text = "The bridge cost 9.5 billion soles ($2.5 billion)."
    claims = (_money(text, "9.5 billion soles", 9.5e9, "PEN"), _money(text, "$2.5 billion", 2.5e9, "USD"))
    (row,) = corpus.rows(Article("a", text, claims)).fx
    assert (row.pair, row.amount_pos, row.base_pos, row.date, row.judged) == ("PEN/USD", 0, 1, None, True)
    assert row.rate == pytest.approx(3.8) and row.lo < 3.8 < row.hi


def test_report_judges_across_articles() -> None:
    def article(i: int, soles: str, usd: str) -> Article:
        text = f"The works cost {soles} soles ({usd})."
        s_val = float(soles.split()[0]) * 1e9
        u_val = float(usd.strip("$").split()[0]) * 1e9
        return Article(
            str(i), text, (_money(text, f"{soles} soles", s_val, "PEN"), _money(text, usd, u_val, "USD"))
        )

    arts = [article(1, "3.8 billion", "$1 billion"), article(2, "7.5 billion", "$2 billion")]
    arts += [article(3, "11.3 billion", "$3 billion"), article(4, "5 billion", "$2 billion")]
    bad = [f for f in report(arts) if f.rule == "implied_fx_rate" and str(f.status) == "inconsistent"]
    assert [{c.article_id for c in f.claims} for f in bad] == [{"4"}]
