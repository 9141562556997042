"""Operator rates from the CSV file named by ``CLAIMS_FX_FILE`` (format in ``fx.py``'s docstring)."""

from __future__ import annotations

import csv
import functools
import logging
import math
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ENV_VAR = "CLAIMS_FX_FILE"
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OverrideRate:
    key: str  # ISO day or year, as written
    per_usd: float
    source: str


@dataclass(frozen=True, slots=True)
class Overrides:
    by_day: dict[tuple[str, date], OverrideRate]
    by_year: dict[tuple[str, int], OverrideRate]
    newest: dict[str, OverrideRate]  # per currency, the row with the latest date

    def find(self, currency: str, day: date | None) -> OverrideRate | None:
        if day is None:
            return self.newest.get(currency)
        return self.by_day.get((currency, day)) or self.by_year.get((currency, day.year))


def _parse_row(cells: list[str], default_source: str) -> tuple[str, date | int, OverrideRate]:
    currency, when, value = (c.strip() for c in cells[:3])
    source = cells[3].strip() if len(cells) > 3 and cells[3].strip() else default_source
    per_usd = float(value)
    if not math.isfinite(per_usd) or per_usd <= 0:
        raise ValueError(f"per_usd must be a positive number, not {value!r}")
    if len(currency) != 3 or not currency.isalpha():
        raise ValueError(f"currency must be a 3-letter code, not {currency!r}")
    key: date | int = int(when) if when.isdigit() and len(when) == 4 else date.fromisoformat(when)
    return currency.upper(), key, OverrideRate(when, per_usd, source)


def _newest_first_key(key: date | int) -> date:
    return date(key, 12, 31) if isinstance(key, int) else key


@functools.cache
def load() -> Overrides:
    """Rates from ``$CLAIMS_FX_FILE``, read once per process; bad rows are logged and skipped."""
    by_day: dict[tuple[str, date], OverrideRate] = {}
    by_year: dict[tuple[str, int], OverrideRate] = {}
    newest: dict[str, tuple[date, OverrideRate]] = {}
    name = os.environ.get(ENV_VAR)
    if not name:
        return Overrides(by_day, by_year, {})
    path = Path(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        _log.warning("fx: cannot read %s=%s: %s", ENV_VAR, name, error)
        return Overrides(by_day, by_year, {})
    default_source = f"override ({path.name})"
    for number, cells in enumerate(csv.reader(text.splitlines()), start=1):
        if not cells or cells[0].strip().startswith("#") or cells[0].strip().lower() == "currency":
            continue
        try:
            currency, key, rate = _parse_row(cells, default_source)
        except (ValueError, IndexError) as error:
            _log.warning("fx: %s line %d skipped: %s", name, number, error)
            continue
        if isinstance(key, int):
            by_year[(currency, key)] = rate
        else:
            by_day[(currency, key)] = rate
        when = _newest_first_key(key)
        if currency not in newest or when >= newest[currency][0]:
            newest[currency] = (when, rate)
    return Overrides(by_day, by_year, {code: rate for code, (_, rate) in newest.items()})
