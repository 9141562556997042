"""Hand-kept word lists, read through one cached loader.

Each YAML file opens with a comment giving its schema and source. Code never opens these files
directly: ``load(name)`` parses once per process and checks the top-level shape.
"""

from __future__ import annotations

import functools
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
