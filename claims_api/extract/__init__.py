"""extract(text, *, published=None) -> list[Claim]  (work in progress: the engine lands next)."""

from __future__ import annotations

from claims_api.model import Claim


def extract(text: str, *, published: object = None) -> list[Claim]:
    if not isinstance(text, str):
        raise TypeError(f"extract() needs a str, got {type(text).__name__}")
    return []
