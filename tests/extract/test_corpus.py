"""One table-driven test over every kind's corpus: exact spans and values, negatives, known misses.

Each ``corpus/<kind>.yaml`` (and any ``corpus/<kind>-<topic>.yaml``, joined to it) has
``positive`` (text and the claims it must yield, span exact; ``attrs`` lists attributes the claim
must carry), ``negative`` (texts that must yield no claim of that kind) and ``known_misses``
(strict xfail, so a fix turns the test red until the example moves to ``positive``).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml

from claims_api import extract
from claims_api.extract.kinds import KINDS

CORPUS = Path(__file__).parent / "corpus"


def _load() -> dict[str, dict[str, Any]]:
    """Per kind, the sections of ``<kind>.yaml`` and of any ``<kind>-<topic>.yaml`` joined."""
    data: dict[str, dict[str, Any]] = {}
    for p in sorted(CORPUS.glob("*.yaml")):
        kind = p.stem.split("-", 1)[0]
        for section, cases in (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).items():
            data.setdefault(kind, {}).setdefault(section, []).extend(cases or [])
    return data


DATA = _load()


def _cases(section: str) -> list[Any]:
    params = []
    for kind, data in DATA.items():
        for i, case in enumerate(data.get(section) or []):
            marks = []
            if section == "known_misses":
                marks = [pytest.mark.xfail(strict=True, reason=case["why"])]
            params.append(pytest.param(kind, case, id=f"{kind}:{section}:{i}", marks=marks))
    return params


def _close(a: float | None, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, float(b), rel_tol=1e-6, abs_tol=1e-9)  # YAML 1.1 reads "12.97e9" as str


def _check(kind: str, case: dict[str, Any]) -> None:
    claims = extract(case["text"], normalize=False)
    by_span = {c.text: c for c in claims}
    for want in case["expect"]:
        claim = by_span.get(want["span"])
        assert claim is not None, f"no claim spans {want['span']!r}; got {[c.text for c in claims]}"
        assert case["text"][claim.start : claim.end] == claim.text
        assert claim.kind.value == kind, f"{claim.text!r} is {claim.kind.value}, not {kind}"
        if "low" in want or "high" in want:
            assert claim.value is None
            assert _close(claim.low, want.get("low")) and _close(claim.high, want.get("high")), claim
        else:
            assert _close(claim.value, want["value"]), f"{claim.text!r}: {claim.value} != {want['value']}"
        if kind in ("count", "ordinal"):
            assert claim.unit is None
        else:
            assert claim.unit == str(want["unit"]), f"{claim.text!r}: unit {claim.unit} != {want['unit']}"
        if "qualifier" in want:
            assert claim.qualifier.value == want["qualifier"], f"{claim.text!r}: {claim.qualifier}"
        for key, value in (want.get("attrs") or {}).items():
            assert claim.attrs.get(key) == value, f"{claim.text!r}: attrs {dict(claim.attrs)}"
        if "optional" in want:
            assert claim.optional == want["optional"], f"{claim.text!r}: optional {claim.optional}"


@pytest.mark.parametrize(("kind", "case"), _cases("positive"))
def test_positive(kind: str, case: dict[str, Any]) -> None:
    _check(kind, case)


@pytest.mark.parametrize(("kind", "case"), _cases("known_misses"))
def test_known_miss(kind: str, case: dict[str, Any]) -> None:
    _check(kind, case)


@pytest.mark.parametrize(("kind", "case"), _cases("negative"))
def test_negative(kind: str, case: str) -> None:
    found = [c.text for c in extract(case, normalize=False) if c.kind.value == kind]
    assert found == [], f"{kind} claims in a negative example: {found}"


def test_every_kind_has_a_corpus() -> None:
    kinds = {module.__name__.rsplit(".", 1)[-1] for module in KINDS}
    assert kinds == set(DATA), "a kind without a corpus file, or a corpus file without a kind"
