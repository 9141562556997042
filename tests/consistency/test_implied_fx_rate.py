from types import SimpleNamespace

import pytest

from claims_api.consistency import implied_fx_rate
from claims_api.consistency.implied_fx_rate import ImpliedFxRate, conversions

from .gold import make_article
from .helpers import CONSISTENT, INCONSISTENT, run_rule, statuses


def _rate(per_usd, tolerance=0.03):
    def rate_at(currency, day):
        if currency == "USD":
            return SimpleNamespace(per_usd=1.0, date=str(day), source="test", basis="identity", tolerance=0.0)
        return SimpleNamespace(
            per_usd=per_usd, date="2024", source="Test bank", basis="annual", tolerance=tolerance
        )

    return rate_at


@pytest.fixture
def reference(monkeypatch):
    def use(fn):
        monkeypatch.setattr(implied_fx_rate, "reference_rate", fn)

    return use


def soles(text, value=None, low=None, high=None, **kw):
    return {"text": text, "kind": "money", "unit": "PEN", "value": value, "low": low, "high": high, **kw}


def usd(text, value=None, low=None, high=None, **kw):
    return {"text": text, "kind": "money", "unit": "USD", "value": value, "low": low, "high": high, **kw}


# (id, text, claims, reference per USD or None, published, expected statuses, implied)
CASES = [
    (
        "nofire:near-reference",
        "Spending rises by 12.97 billion soles ($3.422 billion).",
        [soles("12.97 billion soles", 12.97e9), usd("$3.422 billion", 3.422e9)],
        3.7525,
        "2024-12-23",
        [CONSISTENT],
        3.790,
    ),
    (
        "fire:far-from-reference",
        "Spending rises by 12.97 billion soles ($1.5 billion).",
        [soles("12.97 billion soles", 12.97e9), usd("$1.5 billion", 1.5e9)],
        3.7525,
        "2024-12-23",
        [INCONSISTENT],
        8.647,
    ),
    (
        "nofire:range-approx",
        "Salaries between 6,000 and 11,000 soles (approximately US$1,800 to US$3,300) were paid.",
        [
            soles("between 6,000 and 11,000 soles", low=6000, high=11000),
            usd("approximately US$1,800 to US$3,300", low=1800, high=3300, qualifier="approx"),
        ],
        3.40,
        "2026-02-25",
        [CONSISTENT],
        3.333,
    ),
    (
        "fire:two-rates-one-article",
        "Spending rises by 12.97 billion soles ($3.422 billion). "
        "Jets cost 222.6 million soles ($55 million).",
        [
            soles("12.97 billion soles", 12.97e9),
            usd("$3.422 billion", 3.422e9),
            soles("222.6 million soles", 222.6e6),
            usd("$55 million", 55e6),
        ],
        None,
        "2024-12-23",
        [INCONSISTENT, INCONSISTENT],
        None,
    ),
    (
        "fire:only-the-wrong-one-of-two-with-a-reference",
        "The port cost 3.75 billion soles ($1 billion), and the road 1.5 billion soles ($800 million).",
        [
            soles("3.75 billion soles", 3.75e9),
            usd("$1 billion", 1e9),
            soles("1.5 billion soles", 1.5e9),
            usd("$800 million", 800e6),
        ],
        3.7525,
        "2024-12-23",
        [CONSISTENT, INCONSISTENT],
        3.75,
    ),
    (
        "nofire:usd-first",
        "It cost $60 million (223 million soles).",
        [usd("$60 million", 60e6), soles("223 million soles", 223e6)],
        3.7525,
        "2024-12-23",
        [CONSISTENT],
        3.717,
    ),
    (
        "nofire:not-bracketed",
        "It cost $60 million and 900 million soles were spent elsewhere.",
        [usd("$60 million", 60e6), soles("900 million soles", 900e6)],
        3.7525,
        "2024-12-23",
        [],
        None,
    ),
]


@pytest.mark.parametrize(
    "text,claims,per_usd,published,expected,implied", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_implied_fx_rate(reference, text, claims, per_usd, published, expected, implied):
    reference(_rate(per_usd) if per_usd else None)
    found = run_rule(ImpliedFxRate(), make_article(text, claims, published=published))
    assert statuses(found) == expected, [f.explanation for f in found]
    if implied is not None:
        assert abs(found[0].numbers["implied"] - implied) < 0.005
        assert found[0].numbers["unit"] == "PEN per USD"


def test_explanation_writes_the_arithmetic(reference):
    reference(_rate(3.7525))
    a = make_article(
        "Spending rises by 12.97 billion soles ($3.422 billion).",
        [soles("12.97 billion soles", 12.97e9), usd("$3.422 billion", 3.422e9)],
        published="2024-12-23",
    )
    [f] = run_rule(ImpliedFxRate(), a)
    assert "12.97e9 / 3.422e9 = 3.790 PEN per USD" in f.explanation
    assert "3.7525" in f.explanation and "1.0% away" in f.explanation


def test_undated_outlier_against_corpus(reference):
    reference(None)
    dated = [
        make_article(
            f"It cost {s} soles (${d} million).",
            [
                soles(f"{s} soles", s * 1e6 if False else float(s.split()[0]) * 1e6),
                usd(f"${d} million", d * 1e6),
            ],
            id=f"p{i}",
            published="2024-06-01",
        )
        for i, (s, d) in enumerate([("375 million", 100), ("380 million", 100)])
    ]
    outlier = make_article(
        "It cost 500 million soles ($100 million).",
        [soles("500 million soles", 500e6), usd("$100 million", 100e6)],
        id="x",
    )
    found = {f.claims[0].article_id: f for f in run_rule(ImpliedFxRate(), *dated, outlier)}
    assert found["x"].status.value == INCONSISTENT and "outlier" in found["x"].explanation
    assert found["p0"].status.value == CONSISTENT


def test_conversions_pair_only_adjacent_brackets_or_or():
    # GUIDELINE v2: a conversion is in brackets or after "or"; "and" joins two different amounts
    a = make_article(
        "A (B) costs 10 soles ($3) and 20 soles, or $7, and 30 soles and $9.",
        [
            soles("10 soles", 10),
            usd("$3", 3),
            soles("20 soles", 20),
            usd("$7", 7),
            soles("30 soles", 30),
            usd("$9", 9),
        ],
    )
    assert [(c.amount.text, c.base.text) for c in conversions(a)] == [("10 soles", "$3"), ("20 soles", "$7")]


def test_many_conversions_of_one_pair_compare_with_their_nearest_peers():
    """An article converting one pair many times: each conversion is compared with
    SAME_ARTICLE_PEERS of its article's others, the nearest in the text (linear work, not
    quadratic); a wrong one is still found, and only conversions near it mention it."""
    from claims_api.consistency import report
    from claims_api.extract import extract
    from claims_api.model import Article

    items = [(10 * (k + 1), round(18.5 * (k + 1), 1)) for k in range(20)]
    items[3] = (40, 40)  # £40m ($40m): a rate of 1.0 among 0.54s
    text = " ".join(f"Item {k} cost £{gbp}m (${u}m)." for k, (gbp, u) in enumerate(items))
    article = Article(id="1", text=text, claims=tuple(extract(text)))
    found = [f for f in report([article]) if f.rule == "implied_fx_rate" and "same_article" in f.numbers]
    by_amount = {f.claims[0].text: f for f in found}
    assert len(by_amount) == 20
    assert {len(f.numbers["same_article"]) for f in found} == {implied_fx_rate.SAME_ARTICLE_PEERS}
    assert by_amount["£40m"].status == INCONSISTENT
    for k, (gbp, _) in enumerate(items):
        f = by_amount[f"£{gbp}m"]
        mentions = "'£40m'" in f.explanation
        assert mentions == (k < 8 and k != 3), (k, f.explanation)  # the 8 nearest of k include item 3
        assert f.status == (INCONSISTENT if k < 8 else CONSISTENT), k
