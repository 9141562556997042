"""SI values for quantities, durations and rates, through one process-wide pint registry.

Quantities go to pint's base units (``si_unit`` as pint prints them: "meter", "kilogram",
"meter ** 2"). Durations go to days and rates to "per day", so "six per day" and "2,190 per year"
compare; pint's calendar is Julian: a year is 365.25 days, a month 365.25/12 days.
Each unit string is converted once; after that a value costs one multiply and one add.
"""

from __future__ import annotations

import functools
import math
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claims_api.model import Kind

if TYPE_CHECKING:
    import pint

__all__ = ["SiConversion", "conversion", "registry"]

# pint's "decade" is the logarithmic ratio unit (factor 10), not ten years; "millennia" etc. are fine.
_DURATION_SPELLINGS = {"decade": (10.0, "year"), "decades": (10.0, "year")}
_PER_HEADS = re.compile(r"1/\d+")  # "1/100000": per 100,000 inhabitants
_TARGETS = {Kind.DURATION: ("day", "day"), Kind.RATE: ("1/day", "1/day")}


@dataclass(frozen=True, slots=True)
class SiConversion:
    """``si = value * scale + offset`` (offset is non-zero only for temperatures)."""

    scale: float
    offset: float
    unit: str

    def apply(self, value: float | None) -> float | None:
        if value is None or not math.isfinite(value):
            return None
        return value * self.scale + self.offset


CACHE_ENV_VAR = "CLAIMS_PINT_CACHE"


@functools.cache
def registry() -> pint.UnitRegistry:
    """The one pint registry of the process, built on first use.

    Building it costs about 0.7 s. pint keeps its parsed definitions in a cache folder so that later
    processes start in about 0.3 s: ``CLAIMS_PINT_CACHE`` names it (default: pint's own per-user
    cache, ``:auto:``; ``off`` disables it). An unusable folder falls back to no cache.
    """
    import pint

    folder = os.environ.get(CACHE_ENV_VAR, ":auto:")
    if folder.lower() in ("", "off", "none"):
        return pint.UnitRegistry()
    try:
        return pint.UnitRegistry(cache_folder=folder)
    except OSError:
        return pint.UnitRegistry()


@functools.lru_cache(maxsize=1024)
def conversion(kind: Kind, unit: str) -> SiConversion | str:
    """How to turn a value of ``kind`` in ``unit`` into SI; a reason string when it cannot."""
    if kind not in (Kind.QUANTITY, *_TARGETS):
        return f"no SI value for {kind.value} claims"
    if kind is Kind.RATE and _PER_HEADS.fullmatch(unit):
        return f"a rate per {unit[2:]} people, not per time: no SI value"
    factor, spelled = (1.0, unit)
    if kind is Kind.DURATION:
        factor, spelled = _DURATION_SPELLINGS.get(unit, (1.0, unit))
    ureg = registry()
    try:
        one = ureg.Quantity(factor, spelled)
        zero = ureg.Quantity(0.0, spelled)
        if kind in _TARGETS:
            target, shown = _TARGETS[kind]
            hi, lo = one.to(target), zero.to(target)
        else:
            hi, lo = one.to_base_units(), zero.to_base_units()
            shown = str(hi.units)
    # pint raises many types (UndefinedUnitError, DimensionalityError, AssertionError, ...) on
    # odd strings; any of them means "no SI value", never a failed request.
    except Exception as error:  # noqa: BLE001
        return f"unit {unit!r} not understood for {kind.value}: {type(error).__name__}"
    offset = float(lo.magnitude)
    return SiConversion(float(hi.magnitude) - offset, offset, shown)
