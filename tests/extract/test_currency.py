"""Currency tables and the per-article choice among currencies that share a name or symbol."""

from __future__ import annotations

import pytest

from claims_api import extract
from claims_api.extract import currency
from claims_api.extract.context import Doc


@pytest.mark.parametrize("sep", ["", " "], ids=["glued", "spaced"])
@pytest.mark.parametrize("symbol", sorted(currency.tables()[0]))
def test_every_prefix_symbol_keeps_the_qualifier(symbol: str, sep: str) -> None:
    text = f"He paid more than {symbol}{sep}38.5 million for it."
    money = [c for c in extract(text, normalize=False) if c.kind.value == "money"]
    assert [(c.text, c.value, c.qualifier.value) for c in money] == [
        (f"more than {symbol}{sep}38.5 million", 38.5e6, "more_than")
    ]


def test_shared_names_come_from_cldr() -> None:
    peso = currency.shared_names()["pesos"]
    assert peso.codes == {"MXN", "COP", "ARS", "CLP", "PHP", "UYU", "DOP", "CUP"}
    assert peso.default == "MXN"
    assert currency.shared_names()["rupee"].codes >= {"INR", "PKR", "LKR", "NPR"}
    assert currency.shared_names()["dinars"].default is None
    assert "dollar" not in currency.shared_names()  # "$" and dollars stay USD


@pytest.mark.parametrize(
    ("text", "peso", "rupee"),
    [
        ("Nothing about any country.", "MXN", "INR"),
        ("Argentina and Chile; the Argentine president flew to Buenos Aires.", "ARS", "INR"),
        ("Chile met Argentina.", "CLP", "INR"),  # a tie: the first named
        ("Filipino workers in Manila, as in Mexico.", "PHP", "INR"),
        ("Sri Lanka's central bank in Colombo; India watched.", "MXN", "LKR"),
        ("New Delhi and Mumbai, not Pakistan.", "MXN", "INR"),
    ],
)
def test_home_codes_pick_the_country_named_most(text: str, peso: str, rupee: str) -> None:
    home = currency.home_codes(text)
    assert (home["peso"], home["rupee"]) == (peso, rupee)


def test_home_currencies_are_read_once_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = currency.home_codes

    def counting(text: str) -> dict[str, str | None]:
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(currency, "home_codes", counting)
    text = "In Bogota, rent is 900,000 pesos, bread 5,000 pesos and a ticket 2,950 pesos. Colombia."
    claims = extract(text, normalize=False)
    assert [c.unit for c in claims] == ["COP", "COP", "COP"]
    assert calls == [len(text)]
    calls.clear()
    extract("The ticket costs $5 and 300 euros.", normalize=False)
    assert calls == []  # no shared name, no scan
    doc = Doc(text)
    assert doc.home_currencies is doc.home_currencies
