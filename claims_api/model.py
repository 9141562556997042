"""The values the core produces: claims and consistency findings.

Field meanings follow ``GUIDELINE.md`` (kinds, units, qualifiers). Everything here is immutable
and serialisable with ``to_dict()``; nothing here knows about Flask or a database.
"""

from __future__ import annotations

import dataclasses
import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Kind(enum.StrEnum):
    """What sort of figure a claim is (GUIDELINE "A claim")."""

    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    QUANTITY = "quantity"
    DURATION = "duration"
    RATE = "rate"
    ORDINAL = "ordinal"


class Qualifier(enum.StrEnum):
    """The words that bound a figure (GUIDELINE "Qualifier"); no such word means exact."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    NEARLY = "nearly"


#: types copied as they are (exact types: a StrEnum member is a str but becomes its value)
_ATOMS = frozenset({str, int, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _plain(value: Any) -> Any:
    """JSON-friendly copy: enums to str, mappings and sequences recursively, NaN/inf to None.

    The common cases are tested first by exact type: this runs for every field of every claim
    and finding the service stores or answers."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if kind is list or kind is tuple:
        return [_plain(v) for v in value]
    if kind is dict:
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(kind)}
    return value


@dataclass(frozen=True, slots=True)
class FxInfo:
    """Provenance of a currency conversion to US dollars."""

    currency: str
    rate: float | None  # units of ``currency`` per US dollar
    date: str | None  # ISO date (daily rate) or year ("2024") the rate is for
    source: str | None
    date_basis: str  # "published" (caller's date), "inferred" (dateline), "latest" (no date known)
    note: str | None = None  # e.g. "2024 annual average used for 2025", or why there is no rate


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure in an article, with its exact place and its normalized meaning.

    ``text == article[start:end]`` always holds. A range has ``low``/``high`` and ``value`` None.
    ``vague`` marks figures the guideline makes optional ("dozens", "the majority", "doubled").
    Normalization fields (``usd*``, ``fx``, ``si_*``, ``published``, ``period``) are None when
    they do not apply or could not be computed; ``norm_note`` then says why.
    """

    start: int
    end: int
    text: str
    kind: Kind
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: Qualifier
    what: str
    sentence_start: int
    sentence_end: int
    vague: bool = False
    rule: str = ""
    published: str | None = None
    published_basis: str | None = None  # "given" or "inferred"
    period: str | None = None
    usd: float | None = None
    usd_low: float | None = None
    usd_high: float | None = None
    fx: FxInfo | None = None
    si_value: float | None = None
    si_low: float | None = None
    si_high: float | None = None
    si_unit: str | None = None
    norm_note: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)
    #: set by the relation pass (``claims_api.relations.annotate``), None before it or when the
    #: claim is in no relation: a ``relations.Role`` value ("level", "change_percent", ...)
    role: str | None = None
    change: str | None = None  # "up" / "down" for a change figure (``relations.Direction``)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field (enums as strings)."""
        return {name: _plain(getattr(self, name)) for name in _field_names(type(self))}

    def replace(self, **changes: Any) -> Claim:
        return dataclasses.replace(self, **changes)

    @property
    def optional(self) -> bool:
        """GUIDELINE's ``optional``: vague figures, counting ordinals and ages."""
        return self.vague or self.kind is Kind.ORDINAL or bool(self.attrs.get("age"))


class Status(enum.StrEnum):
    INCONSISTENT = "inconsistent"
    CONSISTENT = "consistent"


class Severity(enum.StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim as a finding cites it: where it is and what it says."""

    article_id: str
    doc: str | None
    start: int
    end: int
    text: str
    sentence: str
    claim_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
            "claim_id": self.claim_id,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of a consistency rule over a group of claims."""

    rule: str
    status: Status
    severity: Severity
    claims: tuple[ClaimRef, ...]
    numbers: Mapping[str, Any]
    explanation: str
    key: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Written out (a report turns every stored finding into one): the same dict as the
        generic ``_plain`` copy, field by field."""
        return {
            "rule": self.rule,
            "status": _plain(self.status),
            "severity": _plain(self.severity),
            "claims": [r.to_dict() for r in self.claims],
            "numbers": _plain(self.numbers),
            "explanation": self.explanation,
            "key": self.key,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """An article with its claims, as the consistency checks see it (no storage types here)."""

    id: str
    text: str
    claims: tuple[Claim, ...]
    doc: str | None = None
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None

    def sentence(self, claim: Claim) -> str:
        return self.text[claim.sentence_start : claim.sentence_end]

    def ref(self, claim: Claim, claim_id: int | None = None) -> ClaimRef:
        return ClaimRef(self.id, self.doc, claim.start, claim.end, claim.text, self.sentence(claim), claim_id)
