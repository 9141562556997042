"""extract(text, *, published=None, language=None) -> list[Claim]: every numeric claim in an article.

Pure: no Flask, no database, no IO beyond reading the lexicons once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from claims_api.extract import language as _language
from claims_api.extract.engine import run
from claims_api.extract.kinds import percent
from claims_api.model import Claim

__all__ = ["extract", "published_of"]


def extract(
    text: str,
    *,
    published: str | date | datetime | None = None,
    normalize: bool = True,
    max_claims: int | None = None,
    language: str | None = None,
) -> list[Claim]:
    """Every fact-and-figure claim in ``text``, in document order.

    ``published`` (ISO date, date or datetime) dates currency conversions; without it the date is
    inferred from a dateline near the top, or the latest rates are used and the claim says so.
    ``normalize=False`` skips conversions (faster; usd/si fields stay None). ``max_claims``
    raises ``claims_api.errors.TooManyClaims`` (a ValueError) once more figures than that are found.
    A text the language detector is confident is not English raises
    ``claims_api.errors.UnsupportedLanguage`` (a ValueError) rather than giving wrong figures;
    ``language="en"`` skips the detection, any other code is refused.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs the article text as str, not {type(text).__name__}")
    if published is not None and not isinstance(published, (str, date)):
        raise TypeError(
            f"published must be an ISO date string, a date or None, not {type(published).__name__}"
        )
    if language is not None and not isinstance(language, str):
        raise TypeError(f"language must be an ISO 639-1 code or None, not {type(language).__name__}")
    _language.check(text, language)
    claims = [percent.resolve(c) for c in run(text, max_claims)]
    if normalize and claims:
        from claims_api.normalize import normalize_claims

        claims = normalize_claims(text, claims, published)
    return claims


def published_of(claims: Sequence[Claim], given: str | None = None) -> tuple[str | None, str | None]:
    """The article's date and its basis: ``given`` by the caller, else the date ``extract``
    inferred from the dateline (every claim carries it), else none.

    The one place that decides it, for the store, the API and ``claims-api report --from``, so
    that a conversion is explained against the same date whichever way the article came in."""
    if given:
        return given, "given"
    inferred = next((c.published for c in claims if c.published and c.published_basis == "inferred"), None)
    return (inferred, "inferred") if inferred else (None, None)
