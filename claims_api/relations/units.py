"""Exact unit factors for unit conversions, from the project's one pint registry."""

from __future__ import annotations

import functools

from claims_api.model import Kind
from claims_api.normalize.units import SiConversion, conversion


@functools.lru_cache(maxsize=1024)
def factor(from_unit: str, to_unit: str) -> float | None:
    """How many ``to_unit`` make one ``from_unit`` (same dimension, no offset), or None."""
    a, b = conversion(Kind.QUANTITY, from_unit), conversion(Kind.QUANTITY, to_unit)
    if not isinstance(a, SiConversion) or not isinstance(b, SiConversion):
        return None
    if a.unit != b.unit or a.offset or b.offset or not b.scale:
        return None
    return a.scale / b.scale
