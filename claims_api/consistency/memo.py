"""Memoising per-article and per-claim analysis for the length of one ``run_checks`` call.

Several rules read the same claim's clause (``context.window``), subject or conversions. Inside
``scope()`` a function decorated with ``per_article`` or ``per_claim`` computes its result once per
article (or claim) and returns the stored value afterwards; outside a scope it just computes.
Articles and claims are frozen, so a stored result stays valid while the scope lasts. The store
holds each article it has seen, so the ``id`` it is keyed by cannot be reused during the scope.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from claims_api.model import Article, Claim

T = TypeVar("T")

#: id(article) -> (article, {(function, id(claim) or None): (claim or None, result)})
_Store = dict[int, tuple[Article, dict[tuple[object, int | None], tuple[Claim | None, Any]]]]
_STORE: ContextVar[_Store | None] = ContextVar("consistency_memo", default=None)


@contextmanager
def scope() -> Iterator[None]:
    """Memoise analysis until the block ends (a nested scope shares the outer one)."""
    if _STORE.get() is not None:
        yield
        return
    token = _STORE.set({})
    try:
        yield
    finally:
        _STORE.reset(token)


def _slot(store: _Store, article: Article) -> dict[tuple[object, int | None], tuple[Claim | None, Any]]:
    entry = store.get(id(article))
    if entry is None or entry[0] is not article:
        entry = store[id(article)] = (article, {})
    return entry[1]


def per_article(fn: Callable[[Article], T]) -> Callable[[Article], T]:
    """Memoise ``fn(article)`` inside a scope."""

    @functools.wraps(fn)
    def wrapper(article: Article) -> T:
        store = _STORE.get()
        if store is None:
            return fn(article)
        slot = _slot(store, article)
        key = (wrapper, None)
        found = slot.get(key)
        if found is None:
            found = slot[key] = (None, fn(article))
        return found[1]

    return wrapper


def per_claim(fn: Callable[[Article, Claim], T]) -> Callable[[Article, Claim], T]:
    """Memoise ``fn(article, claim)`` inside a scope (the claim is matched by identity)."""

    @functools.wraps(fn)
    def wrapper(article: Article, claim: Claim) -> T:
        store = _STORE.get()
        if store is None:
            return fn(article, claim)
        slot = _slot(store, article)
        key = (wrapper, id(claim))
        found = slot.get(key)
        if found is None or found[0] is not claim:
            found = slot[key] = (claim, fn(article, claim))
        return found[1]

    return wrapper
