"""Normalization of extracted claims: publication date, period, US dollars, SI values.

``normalize_claims(text, claims, published=None)`` returns new claims with those fields set;
it never raises for bad values, it leaves the field None and says why in ``norm_note``.
Rate tables and the pint registry load once per process, on first need.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime

from claims_api.model import Claim, FxInfo, Kind
from claims_api.normalize import fx, units
from claims_api.normalize.dates import as_date, infer_published
from claims_api.normalize.period import period_of

__all__ = ["infer_published", "normalize_claims", "period_of"]

_SI_KINDS = (Kind.QUANTITY, Kind.DURATION, Kind.RATE)


def normalize_claims(
    text: str, claims: Sequence[Claim], published: str | date | datetime | None = None
) -> list[Claim]:
    """``claims`` of ``text`` with ``published``, ``period``, ``usd*``/``fx`` and ``si_*`` filled.

    ``published`` is the caller's publication date (date, datetime or ISO string); without it the
    date is read from the article's dateline, and without that money uses the newest rates.
    """
    day, basis, notes = as_date(published), "given", []
    if published is not None and day is None:
        notes.append(f"publication date {str(published)[:40]!r} not understood")
    if day is None:
        day = infer_published(text)
        basis = "inferred" if day else None
    fx_basis = {"given": "published", "inferred": "inferred", None: "latest"}[basis]
    periods: dict[tuple[int, int], str | None] = {}
    out = []
    for claim in claims:
        span = (claim.sentence_start, claim.sentence_end)
        if span not in periods:
            periods[span] = period_of(text[span[0] : span[1]])
        changes: dict[str, object] = {
            "published": day.isoformat() if day else None,
            "published_basis": basis,
            "period": periods[span],
        }
        why = list(notes)
        if claim.kind is Kind.MONEY:
            _money(claim, day, fx_basis, changes, why)
        elif claim.kind in _SI_KINDS:
            _si(claim, changes, why)
        changes["norm_note"] = "; ".join(why) or None
        out.append(claim.replace(**changes))
    return out


_FIELDS = {"usd": ("usd", "usd_low", "usd_high"), "si": ("si_value", "si_low", "si_high")}


def _finite(amount: object) -> float | None:
    """``amount`` as a finite float (int, float, Decimal), else None."""
    try:
        number = float(amount)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _amount_problem(claim: Claim) -> str | None:
    present = [a for a in (claim.value, claim.low, claim.high) if a is not None]
    if not present:
        return "no amount"
    if any(_finite(a) is None for a in present):
        return "amount is not a finite number"
    return None


def _money(claim: Claim, day: date | None, basis: str, changes: dict[str, object], why: list[str]) -> None:
    if not claim.unit:
        why.append("no currency code")
        return
    found = fx.lookup(claim.unit, day)
    if isinstance(found, str):
        changes["fx"] = FxInfo(claim.unit, None, None, None, basis, found)
        why.append(found)
        return
    changes["fx"] = fx.fx_info(found, basis)
    for field, amount in zip(_FIELDS["usd"], (claim.value, claim.low, claim.high), strict=True):
        number = _finite(amount)
        if number is not None:
            converted = number / found.per_usd
            if math.isfinite(converted):  # 1e308 of a currency worth less than a dollar overflows
                changes[field] = converted
            elif "amount too large to convert" not in why:
                why.append("amount too large to convert")
    if problem := _amount_problem(claim):
        why.append(problem)


def _si(claim: Claim, changes: dict[str, object], why: list[str]) -> None:
    if not claim.unit:
        why.append(f"no unit for {claim.kind.value}")
        return
    conv = units.conversion(claim.kind, claim.unit)
    if isinstance(conv, str):
        why.append(conv)
        return
    changes["si_unit"] = conv.unit
    for field, amount in zip(_FIELDS["si"], (claim.value, claim.low, claim.high), strict=True):
        si = conv.apply(_finite(amount))
        if si is not None:
            changes[field] = si
    if problem := _amount_problem(claim):
        why.append(problem)
