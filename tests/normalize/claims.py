"""Claims to feed normalization in tests."""

from __future__ import annotations

from claims_api.model import Claim, Kind, Qualifier


def make_claim(
    text: str,
    kind: Kind,
    value: float | None,
    unit: str | None,
    low: float | None = None,
    high: float | None = None,
) -> Claim:
    """A claim spanning all of ``text``, its sentence being ``text`` too."""
    return Claim(
        start=0,
        end=len(text),
        text=text,
        kind=kind,
        value=value,
        low=low,
        high=high,
        unit=unit,
        qualifier=Qualifier.EXACT,
        what="",
        sentence_start=0,
        sentence_end=len(text),
    )
