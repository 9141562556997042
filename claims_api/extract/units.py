"""Unit words after a number -> pint unit names, durations and periods (lexicons/units.yaml)."""

from __future__ import annotations

import regex

from claims_api.extract.fragments import alternation, fold
from claims_api.lexicons import load

_U = load("units")
_CASE = set(_U["case_sensitive"])


def _forms(table: dict[str, list[str]]) -> tuple[dict[str, str], dict[str, str]]:
    """(case-sensitive form -> unit, folded form -> unit)."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for unit, forms in table.items():
        for form in forms:
            form = str(form)
            if form in _CASE:
                exact[form] = unit
            else:
                folded[fold(form)] = unit
    return exact, folded


Q_EXACT, Q_FOLDED = _forms(_U["quantity"])
D_EXACT, D_FOLDED = _forms(_U["durations"])
#: The duration units by their singular names ("hour", "year").
DURATION_NAMES = tuple(_U["durations"])
PERIODS: dict[str, str] = _U["periods"]
ADVERB_PERIODS: dict[str, str] = _U["adverb_periods"]
PRICE_UNITS = frozenset(fold(w) for w in _U["price_units"])

_END = r"(?![\p{L}\p{N}])"
# A unit may stand in brackets: "20 (kg)", "20 [kg]".
QUANTITY = regex.compile(
    rf"(?:[ \u00a0]?|-)(?P<open>[(\[{{<])?"
    rf"(?:(?P<exact>{alternation(Q_EXACT)})|(?P<folded>(?i:{alternation(Q_FOLDED)})))"
    rf"(?(open)[)\]}}>]){_END}"
)
DURATION = regex.compile(
    rf"(?:[ \u00a0]?|-)(?:(?P<exact>{alternation(D_EXACT)})|(?P<folded>(?i:{alternation(D_FOLDED)}))){_END}"
)
PERIOD_WORDS = alternation(PERIODS)
ADVERBS = alternation(ADVERB_PERIODS)


def quantity_unit(m: regex.Match[str]) -> str:
    return Q_EXACT[m.group("exact")] if m.group("exact") else Q_FOLDED[fold(m.group("folded"))]


def duration_unit(m: regex.Match[str]) -> str:
    return D_EXACT[m.group("exact")] if m.group("exact") else D_FOLDED[fold(m.group("folded"))]
