"""Bad input gets a clear error, never a crash or a hang; offsets always valid (hypothesis)."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims_api import extract
from claims_api.errors import UnsupportedLanguage
from claims_api.model import Claim


def _read(text: str) -> list[Claim]:
    """The claims, or none when the text is confidently in a language not read (a clear error)."""
    try:
        return extract(text)
    except UnsupportedLanguage as exc:
        assert exc.language != "en" and exc.confidence is not None
        return []


def _valid(text: str, claims: list[Claim]) -> None:
    last_end = 0
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert c.start >= last_end, "claims overlap or are out of order"
        assert text[c.start : c.end] == c.text
        assert 0 <= c.sentence_start <= c.start and c.end <= c.sentence_end <= len(text)
        assert c.value is not None or c.low is not None or c.high is not None
        last_end = c.end


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail instead of hanging: a catastrophic backtrack would otherwise stall the suite."""

    def _raise(signum: int, frame: object) -> None:
        raise TimeoutError("extraction took over 120 s")

    old = signal.signal(signal.SIGALRM, _raise)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("bad", [None, b"12 dollars", 12, 3.5, ["a"], {"text": "x"}])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        extract(bad)  # type: ignore[arg-type]


def test_bad_published_raises_type_error() -> None:
    with pytest.raises(TypeError, match="published"):
        extract("5 dollars", published=20240101)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\x00\x01\x02", "\ud800", "$", "%", "-", "1" * 5000])
def test_degenerate_text(text: str) -> None:
    _valid(text, extract(text))


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_any_text_never_raises(text: str) -> None:
    _valid(text, _read(text))


_NUMBERY = st.text(alphabet="0123456789,.-$%€£ \nabmkMBKtosnew/()\\x", max_size=300)


@given(_NUMBERY)
@settings(max_examples=300, deadline=None)
def test_number_soup_never_raises(text: str) -> None:
    _valid(text, _read(text))


@pytest.mark.usefixtures("deadline")
@pytest.mark.parametrize(
    ("unit", "size"),
    [
        ("1,000,", 1_000_000),
        ("9.9.", 1_000_000),
        ("1 000 ", 300_000),
        ("0" * 50 + ",", 1_000_000),
        ("one-two-", 1_000_000),
        ("12-", 300_000),
        ("$1,2", 300_000),
        ("\\$1.", 300_000),
        ("5% ", 300_000),
    ],
)
def test_runs_of_digits_and_separators_are_linear(unit: str, size: int) -> None:
    """Megabyte runs of digits and separators: time grows with length, no catastrophic backtracking.

    Runs that are one claim every few characters are 300 KB (100,000 claims). Compares two sizes
    in one run (a ratio, not a wall-clock limit: machines are shared)."""
    small = unit * (size // 10 // len(unit))
    big = unit * (size // len(unit))

    def timed(text: str) -> tuple[float, list]:
        t = time.perf_counter()
        out = extract(text, normalize=False)
        return time.perf_counter() - t, out

    # the best of a few runs: on a shared machine a pause inflates one run, never all of them
    t_small = min(timed(small)[0] for _ in range(3))
    for _ in range(3):
        t_big, claims = timed(big)
        if t_big < 40 * max(t_small, 0.005):
            break
    _valid(big, claims)
    assert t_big < 40 * max(t_small, 0.005), (t_small, t_big)


@pytest.mark.usefixtures("deadline")
def test_ten_megabytes_of_news() -> None:
    from pathlib import Path

    seeds = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
    one = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds)
    text = one * (10_000_000 // len(one) + 1)
    claims = extract(text, normalize=False)
    _valid(text, claims)
    assert len(text) >= 10_000_000 and claims


def test_max_claims_stops_early() -> None:
    from claims_api.errors import TooManyClaims

    text = "1, 2, 3, 4, 5, 6 and 7 people"
    assert len(extract(text, max_claims=10)) == 7
    with pytest.raises(TooManyClaims, match="more than 3"):
        extract(text, max_claims=3)
    assert issubclass(TooManyClaims, ValueError)
