"""Exact unit factors for unit conversions, from the project's one pint registry."""

from __future__ import annotations

import functools

from claims_api.model import Kind
from claims_api.normalize.units import SiConversion, conversion


@functools.lru_cache(maxsize=1024)
def affine(from_unit: str, to_unit: str) -> tuple[float, float] | None:
    """(factor, offset) with ``to = from * factor + offset`` (offset non-zero only between
    temperature scales: degC to degF is 1.8 and 32), same dimension, or None."""
    a, b = conversion(Kind.QUANTITY, from_unit), conversion(Kind.QUANTITY, to_unit)
    if not isinstance(a, SiConversion) or not isinstance(b, SiConversion):
        return None
    if a.unit != b.unit or not b.scale:
        return None
    return a.scale / b.scale, (a.offset - b.offset) / b.scale
