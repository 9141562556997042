"""Rates and conversions to US dollars (claims_api.normalize.fx)."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest
from currency_converter import CurrencyConverter

from claims_api.normalize import _annual, fx

WB = "World Bank WDI PA.NUS.FCRF"


def test_eur_uses_the_ecb_rate_of_the_day() -> None:
    day = date(2024, 12, 23)
    usd, info = fx.to_usd(100, "EUR", day)
    assert usd == pytest.approx(CurrencyConverter().convert(100, "EUR", "USD", date=day), rel=1e-12)
    assert (info.date, info.date_basis, info.note) == ("2024-12-23", "published", None)
    assert fx.rate_at("EUR", day).basis == "daily"  # type: ignore[union-attr]


def test_cross_rate_through_usd() -> None:
    day = date(2024, 12, 23)
    usd, _ = fx.to_usd(1000, "GBP", day)
    assert usd == pytest.approx(CurrencyConverter().convert(1000, "GBP", "USD", date=day), rel=1e-12)


def test_weekend_uses_the_last_ecb_day() -> None:
    rate = fx.rate_at("EUR", date(2024, 12, 22))
    assert rate is not None and rate.date == "2024-12-20" and rate.tolerance == fx.DAILY
    assert "2024-12-20" in (rate.note or "")


def test_pen_uses_the_annual_world_bank_average() -> None:
    usd, info = fx.to_usd(12.97e9, "PEN", date(2024, 12, 23))
    assert info.rate == 3.7525 and info.date == "2024" and WB in (info.source or "")
    assert usd == pytest.approx(12.97e9 / 3.7525)
    assert fx.rate_at("PEN", date(2024, 12, 23)).tolerance == fx.ANNUAL  # type: ignore[union-attr]


def test_year_after_the_table_uses_the_last_year_and_says_so() -> None:
    _, info = fx.to_usd(6000, "PEN", date(2026, 2, 25))
    assert info.date == "2024" and info.note == "2024 annual average used for 2026"
    assert fx.tolerance(info) == fx.ANNUAL_OTHER_YEAR


def test_no_date_uses_the_newest_rate() -> None:
    usd, info = fx.to_usd(100, "PEN", None, date_basis="latest")
    assert usd == pytest.approx(100 / 3.7525)
    assert info.date_basis == "latest" and "newest" in (info.note or "")


def test_euro_after_2022_comes_from_a_member_row() -> None:
    years = _annual.table()["EUR"]
    assert years[2022].country == "EMU" and years[2024].country == "DEU"


def test_usd_is_identity() -> None:
    usd, info = fx.to_usd(5.0, "USD", date(2020, 1, 1))
    assert usd == 5.0 and info.rate == 1.0 and info.source == "identity"


@pytest.mark.parametrize(
    ("amount", "currency", "day", "reason"),
    [
        pytest.param(100, "XYZ", date(2024, 1, 1), "XYZ", id="unknown-code"),
        pytest.param(100, "eu", date(2024, 1, 1), "not a currency code", id="malformed-code"),
        pytest.param(100, "EUR", date(1980, 1, 1), "before 1999", id="eur-1980"),
        pytest.param(100, "PEN", date(1950, 6, 1), "before 1991", id="pen-1950"),
        pytest.param(math.nan, "EUR", date(2024, 1, 5), "not a finite number", id="nan"),
        pytest.param(math.inf, "PEN", date(2024, 1, 5), "not a finite number", id="inf"),
        pytest.param(None, "PEN", date(2024, 1, 5), "not a finite number", id="none"),
    ],
)
def test_no_conversion_gives_a_reason(amount: float | None, currency: str, day: date, reason: str) -> None:
    usd, info = fx.to_usd(amount, currency, day)
    assert usd is None and reason in (info.note or "")


def test_override_file_adds_and_overrides(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "rates.csv"
    path.write_text(
        "currency,date,per_usd,source\n"
        "# comment\n"
        "VES,2025,70.5,BCV\n"
        "PEN,2026-02-25,3.6\n"
        "PEN,2026-02-26,not-a-number\n",
        encoding="utf-8",
    )
    assert fx.rate_at("VES", date(2025, 3, 1)) is None
    monkeypatch.setenv("CLAIMS_FX_FILE", str(path))
    fx.reset_cache()
    ves = fx.rate_at("VES", date(2025, 3, 1))
    assert ves is not None and (ves.per_usd, ves.source, ves.basis, ves.date) == (
        70.5,
        "BCV",
        "override",
        "2025",
    )
    pen = fx.rate_at("PEN", date(2026, 2, 25))
    assert pen is not None and pen.per_usd == 3.6 and pen.source == "override (rates.csv)"
    assert fx.rate_at("PEN", date(2026, 2, 26)).basis == "annual"  # type: ignore[union-attr]
    assert fx.rate_at("PEN", None).per_usd == 3.6  # type: ignore[union-attr]


def test_missing_override_file_is_not_fatal(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLAIMS_FX_FILE", str(tmp_path / "absent.csv"))
    fx.reset_cache()
    assert fx.rate_at("PEN", date(2024, 1, 1)).per_usd == 3.7525  # type: ignore[union-attr]


def test_every_shared_currency_has_an_issuer() -> None:
    assert _annual.shared_without_issuer() == set()


def test_ended_ecb_series_falls_back_to_annual() -> None:
    rate = fx.rate_at("RUB", date(2023, 6, 1))  # the ECB stopped quoting RUB in March 2022
    assert rate is not None and rate.basis == "annual" and rate.date == "2023"


def test_datetime_day_is_accepted() -> None:
    assert fx.rate_at("EUR", datetime(2024, 12, 23, 15, 0)) == fx.rate_at("EUR", date(2024, 12, 23))


def test_after_the_ecb_file_ends_the_last_day_is_used_and_flagged() -> None:
    rate = fx.rate_at("EUR", date(2099, 1, 1))
    assert rate is not None and rate.basis == "daily" and rate.tolerance == fx.DAILY_STALE
    assert "used for 2099-01-01" in (rate.note or "")
