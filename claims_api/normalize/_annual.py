"""World Bank annual average rates (``lexicons/fx/lcu_per_usd_annual.csv``), one row per currency-year.

A shared currency is read from its issuer's rows only (``lexicons/fx/issuers.csv``; see the
README there), and only rows whose code is the one asked for, so pre-redenomination rows
labelled with an old code are never taken for the new one.
"""

from __future__ import annotations

import csv
import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class YearRate:
    year: int
    per_usd: float
    country: str
    source: str


def _rows(name: str) -> Iterator[list[str]]:
    """Data rows of a lexicons/fx CSV file (header and ``#`` lines skipped)."""
    text = files("claims_api").joinpath("lexicons", "fx", name).read_text(encoding="utf-8")
    rows = csv.reader(line for line in text.splitlines() if not line.startswith("#"))
    next(rows, None)
    yield from rows


@functools.cache
def issuers() -> dict[str, tuple[str, ...]]:
    """Currency -> economies whose rows give it, in order of preference."""
    return {currency: tuple(countries.split()) for currency, countries in _rows("issuers.csv")}


@functools.cache
def table() -> dict[str, dict[int, YearRate]]:
    """Currency -> year -> rate, built once per process."""
    chosen = issuers()
    best: dict[str, dict[int, tuple[int, YearRate]]] = {}
    countries: dict[str, set[str]] = {}
    for code, country, year, value, source in _rows("lcu_per_usd_annual.csv"):
        preferred = chosen.get(code)
        if preferred is not None and country not in preferred:
            continue
        rank = preferred.index(country) if preferred else 0
        rate = YearRate(int(year), float(value), country, source)
        years = best.setdefault(code, {})
        if rate.year not in years or rank < years[rate.year][0]:
            years[rate.year] = (rank, rate)
        countries.setdefault(code, set()).add(country)
    shared = {code for code, seen in countries.items() if len(seen) > 1 and code not in chosen}
    for code in sorted(shared):
        # Without an issuer we cannot tell whose units a row is in; better no rate than a wrong one.
        _log.warning(
            "fx: %s is used by %s and has no line in issuers.csv; no annual rate", code, countries[code]
        )
    return {
        code: {year: rate for year, (_, rate) in years.items()}
        for code, years in best.items()
        if code not in shared
    }


def shared_without_issuer() -> set[str]:
    """Codes used by several economies with no line in ``issuers.csv`` (should be empty)."""
    seen: dict[str, set[str]] = {}
    for code, country, *_ in _rows("lcu_per_usd_annual.csv"):
        seen.setdefault(code, set()).add(country)
    return {code for code, countries in seen.items() if len(countries) > 1 and code not in issuers()}
