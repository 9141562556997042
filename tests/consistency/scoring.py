"""A report against a development set's consistency.json, matched by overlapping claim spans and
status, any rule (as ../shared/eval/check_consistency.py --any-rule)."""

from __future__ import annotations

from claims_api.model import Finding, Status


def _spans(listed: dict) -> list[tuple[str, int, int]]:
    return [(c["doc"], c["start"], c["end"]) for c in listed["claims"]]


def _covers(have: list[tuple[str, int, int]], want: list[tuple[str, int, int]]) -> bool:
    return all(any(hd == wd and hs < we and ws < he for hd, hs, he in have) for wd, ws, we in want)


def _have(f: Finding) -> list[tuple[str, int, int]]:
    return [(r.doc or r.article_id, r.start, r.end) for r in f.claims]


def score(findings: list[Finding], gold: dict) -> tuple[list[str], list[str], list[str]]:
    """(required findings missed, listed false alarms raised, inconsistent findings outside the lists)."""
    missing = []
    for g in gold["required"]:
        want = _spans(g)
        hits = [f for f in findings if _covers(_have(f), want)]
        if g.get("status", "any") != "any":
            hits = [f for f in hits if f.status.value == g["status"]]
        if not hits:
            missing.append(g["why"])
    bad = [_spans(x) for x in gold["false_alarms"]]
    allowed = [_spans(x) for x in gold["required"] + gold["optional"]]
    alarms, unlisted = [], []
    for f in findings:
        if f.status is not Status.INCONSISTENT:
            continue
        have = _have(f)
        if any(_covers(have, b) for b in bad):
            alarms.append(f.explanation)
        elif not any(_covers(have, w) or _covers(w, have) for w in allowed):
            unlisted.append(f.explanation)
    return missing, alarms, unlisted
