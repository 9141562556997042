"""Fixtures of the live-server tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from .live import ThrowawayPostgres, pg_bindir


@pytest.fixture(scope="module")
def throwaway_pg() -> Iterator[ThrowawayPostgres]:
    bindir = pg_bindir()
    if bindir is None:
        pytest.skip("no initdb (PostgreSQL server binaries) on this machine")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: initdb cannot be started")
    pg = ThrowawayPostgres(bindir)
    try:
        pg.start()
        yield pg
    finally:
        pg.remove()
