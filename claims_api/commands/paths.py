"""The article files a command was given: .txt files named, or inside the folders named."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def txt_files(paths: Iterable[str | Path]) -> list[Path]:
    """The .txt files named or inside the folders named, sorted within each folder.

    A path that does not exist raises FileNotFoundError naming it."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*.txt") if f.is_file())
        elif p.is_file():
            out.append(p)
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
    return out
