"""What a kind rule is and what it produces; matching and resolution stay apart (STYLE habit 5)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from claims_api.model import Kind, Qualifier


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern tried around a number: ``side`` "right" matches at the number's end,
    "left" matches ending at its start. ``id`` is ``<kind>.<shape>``; the description reads
    like the pattern, so debug output and test ids explain themselves."""

    id: str
    description: str
    side: str
    pattern: regex.Pattern[str]

    def right(self, text: str, pos: int, window: int = 80) -> regex.Match[str] | None:
        return self.pattern.match(text, pos, min(len(text), pos + window))

    def left(self, text: str, pos: int, window: int = 60) -> regex.Match[str] | None:
        return self.pattern.search(text, max(0, pos - window), pos)


@dataclass(slots=True)
class Fields:
    """What a rule captured, before it becomes a Claim: a span and a partial meaning."""

    kind: Kind
    start: int
    end: int
    value: float | None
    unit: str | None
    rule: str
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier | None = None  # set by the rule only when it knows better than the context
    what: str | None = None
    vague: bool = False
    bare: bool = False  # kind defaulted: nothing beside the number said what it counts
    num_start: int = 0
    num_end: int = 0
    decimals: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
