"""The relation layer's values: each claim's role and the typed relations between claims.

GUIDELINE.md, section "Relations between claims (v2)": ``conversion`` (currency and unit),
``change``, ``part_of``, ``rate_total``, ``restatement``. A relation names its claims by their
index in ``Article.claims`` (the extractor's order, which storage keeps as ``position``), the role
each plays in it, the span of text that ties them (``evidence``) and how it was found (``how``:
"bracket", "from-to", "next-sentence:profit", ...). Pure data: nothing here reads text.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: ``how`` of the part_of relation a ratio claim makes by itself ("four out of five")
RATIO = "ratio"


class RelationKind(enum.StrEnum):
    CONVERSION = "conversion"
    CHANGE = "change"
    PART_OF = "part_of"
    RATE_TOTAL = "rate_total"
    RESTATEMENT = "restatement"


class Role(enum.StrEnum):
    """What a claim is in its article (one per claim; ``None`` on a claim means no relation)."""

    LEVEL = "level"  # a level stated as current / new ("to $1.13bn")
    FORMER_LEVEL = "former_level"  # the old level of a change ("from $639m")
    CHANGE_AMOUNT = "change_amount"  # the size of a change in the level's unit ("up £2bn")
    CHANGE_PERCENT = "change_percent"  # a relative change ("up 76%")
    CHANGE_MULTIPLE = "change_multiple"  # "doubled", "eight times", "in half"
    CONVERSION = "conversion"  # the same amount restated in another currency or unit
    PART = "part"
    TOTAL = "total"
    SHARE = "share"  # a share of one whole ("52% approve")
    RATE = "rate"  # a rate per period, against a total over a period
    PERIOD = "period"  # the period of a rate_total


class Direction(enum.StrEnum):
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True, slots=True)
class Member:
    index: int  # position of the claim in Article.claims
    role: Role


@dataclass(frozen=True, slots=True)
class Relation:
    kind: RelationKind
    members: tuple[Member, ...]
    evidence: tuple[int, int]  # [start, end) of the text that ties the members
    how: str  # how it was found, e.g. "bracket", "from-to", "next-sentence:profit"
    subject: str | None = None  # the measured thing ("profit", "trade deficit"), when read
    direction: Direction | None = None  # for a change: the direction the words state
    #: for a currency conversion: {"pair": "GBP/USD" (units of the first per unit of the second),
    #: "implied": float, "implied_lo": float, "implied_hi": float} (the rate the printed figures
    #: allow); for a unit conversion: {"factor": float, "from_unit": str, "to_unit": str}
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["kind"] = self.kind.value
        d["direction"] = self.direction.value if self.direction else None
        d["members"] = [{"index": m.index, "role": m.role.value} for m in self.members]
        d["evidence"] = list(self.evidence)
        d["attrs"] = dict(self.attrs)
        return d


@dataclass(frozen=True, slots=True)
class ArticleRelations:
    """The relation pass over one article: a role (or None) per claim, and the relations."""

    roles: tuple[Role | None, ...]
    changes: tuple[Direction | None, ...]  # the direction of each change figure, else None
    relations: tuple[Relation, ...]
