"""Normalization of claims (interface stub; lands with issue 3)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from claims_api.model import Claim


def normalize_claims(
    text: str, claims: Sequence[Claim], published: str | date | datetime | None = None
) -> list[Claim]:
    return list(claims)
