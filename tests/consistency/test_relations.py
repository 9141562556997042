"""The relation layer on general sentences: the relations it must find and those it must not."""

from __future__ import annotations

import pytest

from claims_api.relations import Direction, RelationKind, Role, relate, subjects

from .gold import make_article


def usd(text, value, **kw):
    return {"text": text, "kind": "money", "unit": "USD", "value": value, **kw}


def money(text, value, unit, **kw):
    return {"text": text, "kind": "money", "unit": unit, "value": value, **kw}


def pct(text, value, **kw):
    return {"text": text, "kind": "percent", "value": value, **kw}


def count(text, value, **kw):
    return {"text": text, "kind": "count", "value": value, **kw}


def qty(text, value, unit, **kw):
    return {"text": text, "kind": "quantity", "unit": unit, "value": value, **kw}


# (id, text, claims, expected relations as (kind, {member text: role}), kinds that must not appear)
CASES = [
    (
        "conversion:bracket",
        "The firm paid 450m euros ($590m) for the site.",
        [money("450m euros", 450e6, "EUR"), usd("$590m", 590e6)],
        [("conversion", {"450m euros": "level", "$590m": "conversion"})],
        [],
    ),
    (
        "conversion:two-in-one-bracket",
        "It raised 3bn yen ($27m; £21m) from investors.",
        [money("3bn yen", 3e9, "JPY"), usd("$27m", 27e6), money("£21m", 21e6, "GBP")],
        [
            ("conversion", {"3bn yen": "level", "$27m": "conversion"}),
            ("conversion", {"3bn yen": "level", "£21m": "conversion"}),
            ("conversion", {"$27m": "conversion", "£21m": "conversion"}),
        ],
        [],
    ),
    (
        "conversion:or",
        "The ticket costs $40, or about £31, at the door.",
        [usd("$40", 40), money("about £31", 31, "GBP", qualifier="approx")],
        [("conversion", {"$40": "level", "about £31": "conversion"})],
        [],
    ),
    (
        "no-conversion:and",
        "Sales were $5m and £3m in the two markets.",
        [usd("$5m", 5e6), money("£3m", 3e6, "GBP")],
        [],
        ["conversion"],
    ),
    (
        "conversion:unit",
        "Engineers laid a 30-mile (48 km) pipeline under the bay.",
        [qty("30-mile", 30, "mile"), qty("48 km", 48, "kilometer")],
        [("conversion", {"30-mile": "level", "48 km": "conversion"})],
        [],
    ),
    (
        "no-conversion:other-dimension",
        "The crew drove 30 miles (5 tonnes of load) a day.",
        [qty("30 miles", 30, "mile"), qty("5 tonnes", 5, "t")],
        [],
        ["conversion"],
    ),
    (
        "change:percent-to-from",
        "Output climbed 12% to 560 tonnes from 500 tonnes.",
        [pct("12%", 12), qty("560 tonnes", 560, "t"), qty("500 tonnes", 500, "t")],
        [("change", {"12%": "change_percent", "560 tonnes": "level", "500 tonnes": "former_level"})],
        [],
    ),
    (
        "change:comma-bracket-and-filler",
        "Sales rose 8% to $540m ($480m excluding fuel) in the half year to June, from $500m.",
        [pct("8%", 8), usd("$540m", 540e6), usd("$480m", 480e6), usd("$500m", 500e6)],
        [],
        ["change"],  # another figure of the same measure stands between: not judged
    ),
    (
        "change:conversion-in-bracket-does-not-break",
        "Earnings rose 8% to £540m ($700m) in the half year to June, from £500m.",
        [pct("8%", 8), money("£540m", 540e6, "GBP"), usd("$700m", 700e6), money("£500m", 500e6, "GBP")],
        [("change", {"8%": "change_percent", "£540m": "level", "£500m": "former_level"})],
        [],
    ),
    (
        "change:direction-from-to",
        "The waiting list was extended from 12 weeks to 16 weeks.",
        [
            {"text": "12 weeks", "kind": "duration", "unit": "week", "value": 12},
            {"text": "16 weeks", "kind": "duration", "unit": "week", "value": 16},
        ],
        [("change", {"16 weeks": "level", "12 weeks": "former_level"})],
        [],
    ),
    (
        "change:up-from",
        "Revenue was $2.2bn, up from $2bn.",
        [usd("$2.2bn", 2.2e9), usd("$2bn", 2e9)],
        [("change", {"$2.2bn": "level", "$2bn": "former_level"})],
        [],
    ),
    (
        "change:levels-in-next-sentence",
        "The bakery chain reported a 25% fall in profits. It made a profit of $60m, compared with $80m a "
        "year earlier.",
        [pct("25%", 25), usd("$60m", 60e6), usd("$80m", 80e6)],
        [("change", {"25%": "change_percent", "$60m": "level", "$80m": "former_level"})],
        [],
    ),
    (
        "no-change:next-sentence-other-thing",
        "The bakery chain reported a 25% fall in exports. Its debt stood at $60m, compared with $80m a year "
        "earlier.",
        [pct("25%", 25), usd("$60m", 60e6), usd("$80m", 80e6)],
        [],
        ["change"],
    ),
    (
        "change:base-here-level-before",
        "The budget deficit reached $90bn in 2023. The gap was 20% above the previous "
        "year's shortfall of $75bn.",
        [usd("$90bn", 90e9), pct("20%", 20), usd("$75bn", 75e9)],
        [("change", {"20%": "change_percent", "$90bn": "level", "$75bn": "former_level"})],
        [],
    ),
    (
        "change:multiple-previous-sentence",
        "The fund bought a 30% stake in the port. A share sale later cut the stake in half to 15%.",
        [pct("30%", 30), pct("15%", 15)],
        [("change", {"15%": "level", "30%": "former_level"})],
        [],
    ),
    (
        "comparison:below",
        "Inflation of 2.5% is slightly below the central bank's target of 3%.",
        [pct("2.5%", 2.5), pct("3%", 3)],
        [("change", {"2.5%": "level", "3%": "former_level"})],
        [],
    ),
    (
        "comparison:short-of",
        "Ticket sales of $9m fell well short of the organisers' hoped-for $12m.",
        [usd("$9m", 9e6), usd("$12m", 12e6)],
        [("change", {"$9m": "level", "$12m": "former_level"})],
        [],
    ),
    (
        "comparison:reference-next-sentence",
        "Turnout was about 61%. This is lower than the 68% recorded at the last election.",
        [pct("about 61%", 61, qualifier="approx"), pct("68%", 68)],
        [("change", {"about 61%": "level", "68%": "former_level"})],
        [],
    ),
    (
        "part:of-the-of-them",
        "Of the 60 staff surveyed, 45 said they were happy, 12 of them very happy.",
        [count("60", 60), count("45", 45), count("12", 12)],
        [("part_of", {"60": "total", "45": "part"}), ("part_of", {"45": "total", "12": "part"})],
        [],
    ),
    (
        "part:out-of",
        "The team won seven out of ten games this season.",
        [count("seven", 7), count("ten", 10)],
        [("part_of", {"ten": "total", "seven": "part"})],
        [],
    ),
    (
        "part:part-of",
        "The charity spent $2m, part of a $5m grant from the state.",
        [usd("$2m", 2e6), usd("$5m", 5e6)],
        [("part_of", {"$5m": "total", "$2m": "part"})],
        [],
    ),
    (
        "no-part:other-counted-noun",
        "Police seized 300 rifles and 250 pistols, a total of 400 arrests were made.",
        [count("300", 300), count("250", 250), count("400", 400)],
        [],
        ["part_of"],
    ),
    (
        "restatement:the",
        "The city borrowed $3bn last year. The $3bn loan paid for new roads.",
        [usd("$3bn", 3e9), usd("$3bn", 3e9, at=1)],
        [("restatement", {"$3bn": "level"})],
        [],
    ),
    (
        "no-restatement:other-value",
        "The city borrowed $3bn last year. The $5bn budget was approved in May.",
        [usd("$3bn", 3e9), usd("$5bn", 5e9)],
        [],
        ["restatement"],
    ),
]


def _found(article):
    rels = relate(article)
    out = []
    for r in rels.relations:
        out.append((r.kind.value, {article.claims[m.index].text: m.role.value for m in r.members}))
    return rels, out


@pytest.mark.parametrize("text,claims,want,never", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_relations(text, claims, want, never):
    rels, found = _found(make_article(text, claims))
    for rel in want:
        assert rel in found, found
    kinds = {k for k, _ in found}
    for kind in never:
        assert kind not in kinds, found
    for r in rels.relations:
        assert r.how and r.evidence[0] <= r.evidence[1]


def test_roles_and_change_directions():
    a = make_article(
        "Output climbed 12% to 560 tonnes from 500 tonnes.",
        [pct("12%", 12), qty("560 tonnes", 560, "t"), qty("500 tonnes", 500, "t")],
    )
    rels = relate(a)
    assert rels.roles == (Role.CHANGE_PERCENT, Role.LEVEL, Role.FORMER_LEVEL)
    assert rels.changes == (Direction.UP, None, None)
    assert len(subjects(a)) == 3


def test_conversion_attrs_for_the_corpus_checks():
    a = make_article(
        "The firm paid 450m euros ($590m) for the site.",
        [money("450m euros", 450e6, "EUR"), usd("$590m", 590e6)],
    )
    (conv,) = [r for r in relate(a).relations if r.kind is RelationKind.CONVERSION]
    assert conv.attrs["pair"] == "EUR/USD"
    assert conv.attrs["implied_lo"] <= conv.attrs["implied"] <= conv.attrs["implied_hi"]
    assert abs(conv.attrs["implied"] - 450 / 590) < 1e-9


def test_no_claims_no_relations():
    rels = relate(make_article("Nothing to see here.", []))
    assert rels.relations == () and rels.roles == ()
