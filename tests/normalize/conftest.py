"""fx caches reset around a test, with CLAIMS_FX_FILE unset."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from claims_api.normalize import fx


@pytest.fixture(autouse=True)
def fresh_fx(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """No CLAIMS_FX_FILE and empty fx caches; caches are reset again afterwards."""
    monkeypatch.delenv("CLAIMS_FX_FILE", raising=False)
    fx.reset_cache()
    yield monkeypatch
    monkeypatch.delenv("CLAIMS_FX_FILE", raising=False)
    fx.reset_cache()
