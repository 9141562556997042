"""Hand-kept word lists, read through one cached loader.

Each YAML file opens with a comment giving its schema and source. Code never opens these files
directly: ``load(name)`` parses once per process and checks the top-level shape.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import yaml


@functools.cache
def load(name: str) -> dict[str, Any]:
    """The mapping in ``lexicons/<name>.yaml`` (cached; raises ValueError if not a mapping)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"lexicon {name!r} must be a mapping at the top level")
    return data


@functools.cache
def words(name: str) -> tuple[str, ...]:
    """The phrases of ``lexicons/<name>.txt``: one per line, lower case, ``#`` comments and blanks skipped."""
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.append(" ".join(line.split()))
    if not out:
        raise ValueError(f"lexicon {name!r} is empty")
    return tuple(out)


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """The phrases of ``lexicons/<name>.txt`` as a set, for membership tests (cached)."""
    return frozenset(words(name))


@functools.cache
def groups(name: str) -> dict[str, str]:
    """``lexicons/<name>.txt`` as synonym groups (comma-separated, first canonical): word -> canonical."""
    out: dict[str, str] = {}
    for line in words(name):
        names = [w.strip() for w in line.split(",") if w.strip()]
        for w in names:
            out.setdefault(w, names[0])
    return out


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regular expression matching any of ``phrases`` (escaped), written as a trie of their
    characters: ``(?:a(?:id|pproval)|b...)``. The engine then tries one branch per character
    instead of every phrase at every position of a text."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
