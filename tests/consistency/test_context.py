"""The clause a claim speaks in (``context.window``), its words and its subject.

Each case: a sentence, its claims (by span text), the claim looked at, and the words its clause
must hold and must not hold. The sentence is read once for all its claims, except for a claim in
an aside, inside another claim or reaching past its sentence; both ways are covered, inside and
outside the memo scope.
"""

from __future__ import annotations

import pytest

from claims_api.consistency.context import clause_words, subject, window
from claims_api.consistency.memo import scope

from .gold import make_article

# (id, text, claim spans, index of the claim looked at, words in its clause, words not in it)
CASES = [
    (
        "whole-sentence",
        "Chinese investment in Peru stands at US$33 billion.",
        ["US$33 billion"],
        0,
        {"Chinese", "investment", "Peru", "stands", "at"},
        {"US", "billion"},
    ),
    (
        "semicolon-cuts",
        "Exports rose to $5 billion; imports fell to $4 billion.",
        ["$5 billion", "$4 billion"],
        1,
        {"imports", "fell", "to"},
        {"Exports", "rose"},
    ),
    (
        "spaced-dash-cuts",
        "Exports rose to $5 billion - imports fell to $4 billion.",
        ["$5 billion", "$4 billion"],
        1,
        {"imports", "fell"},
        {"Exports"},
    ),
    (
        "minus-sign-touching-a-figure-does-not-cut",
        "Inflation in Peru went from -3 percent to 2 percent in March.",
        ["3 percent", "2 percent"],
        1,
        {"Inflation", "Peru", "went", "from", "to", "in", "March"},
        {"percent"},
    ),
    (
        "commas-cut",
        "In Lima, 36 candidates ran, the board said.",
        ["36"],
        0,
        {"candidates", "ran"},
        {"Lima", "board", "said"},
    ),
    (
        "which-clause-keeps-its-head",
        "The mine, which cost $2 billion, opened in Peru.",
        ["$2 billion"],
        0,
        {"mine", "which", "cost"},
        {"opened", "Peru"},
    ),
    (
        "other-claims-blanked",
        "Peru received $3 billion and 40 tonnes of aid.",
        ["$3 billion", "40 tonnes"],
        1,
        {"Peru", "received", "and", "of", "aid"},
        {"billion", "tonnes"},
    ),
    (
        "aside-blanked",
        "Spending rose to 12 billion soles ($3.4 billion) in Peru.",
        ["12 billion soles", "$3.4 billion"],
        0,
        {"Spending", "rose", "to", "in", "Peru"},
        {"billion", "soles"},
    ),
    (
        "break-inside-an-aside-does-not-cut",
        "Spending rose (by a lot; officials said) to $5 billion in Peru.",
        ["$5 billion"],
        0,
        {"Spending", "rose", "to", "in", "Peru"},
        {"officials", "said"},
    ),
    (
        "claim-in-aside-reads-the-aside",
        "Spending rose (up 40 percent in Lima) in Peru.",
        ["40 percent"],
        0,
        {"up", "in", "Lima"},
        {"Spending", "Peru"},
    ),
    (
        "claim-inside-another-keeps-it",
        "The deal was worth between 5 and 7 million euros in Spain.",
        ["between 5 and 7 million euros", "7 million euros"],
        1,
        {"The", "deal", "was", "worth", "between", "and", "in", "Spain"},
        {"euros"},
    ),
    (
        "possessive-cut",
        "Peru's exports reached $5 billion.",
        ["$5 billion"],
        0,
        {"Peru", "exports", "reached"},
        {"Peru's"},
    ),
]


def _words(article, claim) -> set[str]:
    w = window(article, claim)
    words = clause_words(article, claim)
    clause = w.text[w.start : w.end]
    for pos, word in words:  # offsets are relative to the clause and name the word
        assert clause[pos : pos + len(word)] == word
    return {word for _, word in words}


@pytest.mark.parametrize("memo", [True, False], ids=["scoped", "unscoped"])
@pytest.mark.parametrize(
    ("case", "text", "spans", "pick", "inside", "outside"), CASES, ids=[c[0] for c in CASES]
)
def test_clause(case, text, spans, pick, inside, outside, memo):
    article = make_article(text, [{"text": s, "kind": "money", "value": 1.0} for s in spans])
    claim = next(c for c in article.claims if c.text == spans[pick])
    if memo:
        with scope():
            got = _words(article, claim)
            assert _words(article, claim) == got  # the stored reading is the same
    else:
        got = _words(article, claim)
    assert inside <= got, f"{case}: missing {inside - got}"
    assert not (outside & got), f"{case}: should not hold {outside & got}"


def test_claim_from_elsewhere_is_read_against_the_article():
    """A claim that is not one of the article's own (another sentence split) still gets a clause."""
    article = make_article("Chinese investment in Peru stands at US$33 billion.", [{"text": "US$33 billion"}])
    stranger = article.claims[0].replace(sentence_start=0, sentence_end=len(article.text) - 1)
    assert {"Chinese", "investment", "Peru"} <= {w for _, w in clause_words(article, stranger)}


def test_claim_reaching_past_its_sentence():
    article = make_article("Peru got $3 billion.", [{"text": "$3 billion"}])
    odd = article.claims[0].replace(sentence_end=5)  # the sentence ends before the claim does
    w = window(article, odd)
    assert w.claim_start == 9 and w.claim_end == 19


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Chinese investment in Peru stands at US$33 billion.",
            "US$33 billion",
            ("invest", {"China", "Peru"}),
        ),
        ("Homicides in Lima reached 444 in 2024.", "444", ("homicide", {"Lima"})),
        ("It stands at US$33 billion.", "US$33 billion", None),  # no name: never compared
    ],
)
def test_subject(text, span, expected):
    article = make_article(text, [{"text": span, "kind": "money", "unit": "USD", "value": 1.0}])
    got = subject(article, article.claims[0])
    if expected is None:
        assert got is None
    else:
        assert got is not None and (got[0], set(got[1])) == expected


# The shortcuts of the subject reading (a sentence or a clause without any measured word is not
# split into words) never change a subject: each case read with them and without them.
# (text, claim span, kind)
SHORTCUT_CASES = [
    ("Nonprofit groups in Chile raised $4 million last year.", "$4 million", "money"),
    ("Profits at the Lima plant fell 12%, its owners said.", "12%", "percent"),
    ("The team from Bolivia scored 3 goals in La Paz.", "3", "count"),
    ("The Bolivian team won by 2.5 points in May.", "2.5 points", "quantity"),
    ("Officials in Peru counted 120 candidates, up from 90.", "120", "count"),
    ("Exports from Peru (worth $2 billion) grew, the ministry said.", "$2 billion", "money"),
    ("In Quito, prices rose 4%; wages in Ecuador rose 2%.", "2%", "percent"),
    ("Chile's EXPORTS reached $9 billion in 2023.", "$9 billion", "money"),
    ("The Peruvian firm, which spent $3 million, opened in Lima.", "$3 million", "money"),
]


@pytest.mark.parametrize(
    ("text", "span", "kind"), SHORTCUT_CASES, ids=[c[1] + ":" + c[2] for c in SHORTCUT_CASES]
)
def test_shortcuts_never_change_a_subject(monkeypatch, text, span, kind):
    from claims_api.consistency import context

    spec = {"text": span, "kind": kind, "value": 1.0}
    if kind == "money":
        spec["unit"] = "USD"
    article = make_article(text, [spec])
    claim = article.claims[0]
    with scope():
        fast = subject(article, claim)
    monkeypatch.setattr(context, "_LATIN_MEASURES", False)  # both shortcuts off: every clause read
    with scope():
        slow = subject(article, claim)
    assert fast == slow


def test_sentence_readings_are_per_article():
    """Two articles whose sentences sit at the same offsets, read in one scope, keep their own
    clauses, words and subjects (the readings are stored per article)."""
    first = make_article(
        "Exports in Peru rose to $5 billion.", [{"text": "$5 billion", "kind": "money", "value": 5e9}]
    )
    second = make_article(
        "Loans in Brazil grew to $5 billion.", [{"text": "$5 billion", "kind": "money", "value": 5e9}]
    )
    assert first.claims[0].start == second.claims[0].start
    with scope():
        a = subject(first, first.claims[0])
        b = subject(second, second.claims[0])
        words_b = {w for _, w in clause_words(second, second.claims[0])}
    assert a is not None and (a[0], set(a[1])) == ("export", {"Peru"})
    assert b is not None and (b[0], set(b[1])) == ("loan", {"Brazil"})
    assert {"Loans", "Brazil", "grew"} <= words_b and "Exports" not in words_b


def test_claims_of_one_clause_read_it_alike():
    """Claims sharing a clause get the same words inside a scope as when each is read alone."""
    article = make_article(
        "Peru received $3 billion and 40 tonnes of aid from Chile.",
        [
            {"text": "$3 billion", "kind": "money", "value": 3e9},
            {"text": "40 tonnes", "kind": "quantity", "value": 40},
        ],
    )
    alone = [(window(article, c), clause_words(article, c)) for c in article.claims]
    with scope():
        shared = [(window(article, c), clause_words(article, c)) for c in article.claims]
    assert shared == alone
