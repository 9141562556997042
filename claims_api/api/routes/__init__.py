"""One blueprint per resource; ``BLUEPRINTS`` lists the modules ``create_app`` registers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask import current_app

from claims_api.model import Claim, _plain
from claims_api.relations import Relation
from claims_api.storage import ClaimStore, StoredClaim

BLUEPRINTS = ("meta", "extract", "articles", "claims", "consistency", "jobs")


def store() -> ClaimStore:
    return current_app.extensions["claims_store"]  # type: ignore[no-any-return]


def claim_dict(c: StoredClaim) -> dict[str, Any]:
    return {
        **c.claim.to_dict(),
        "optional": c.claim.optional,
        "sentence": c.sentence,
        "id": c.id,
        "article_id": c.article_id,
        "doc": c.doc,
    }


def relation_dict(
    relation: Relation,
    text: str,
    claims: Sequence[Claim],
    *,
    claim_ids: Sequence[int | None] | None = None,
    relation_id: int | None = None,
) -> dict[str, Any]:
    """A relation with its claims spelled out (index, stored id, span, text, role in it) and the
    text of its evidence. ``claim_ids`` are the stored ids of the members, member by member
    (None for an article that is not stored)."""
    ids = list(claim_ids) if claim_ids is not None else [None] * len(relation.members)
    d = relation.to_dict()
    members = []
    for m, cid in zip(relation.members, ids, strict=True):
        c = claims[m.index]
        members.append(
            {"index": m.index, "id": cid, "start": c.start, "end": c.end, "text": c.text, "role": str(m.role)}
        )
    start, end = relation.evidence
    return {
        "id": relation_id,
        "kind": d["kind"],
        "claims": members,
        "evidence": {"start": start, "end": end, "text": text[start:end]},
        "how": relation.how,
        "subject": relation.subject,
        "direction": d["direction"],
        "attrs": _plain(d["attrs"]),
    }
