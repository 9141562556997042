"""The article being read: its text, sentence boundaries, body end, and hints shared by rules."""

from __future__ import annotations

import bisect
import functools

import regex

from claims_api.extract import currency
from claims_api.extract.fragments import alternation
from claims_api.lexicons import load

_NOT = load("not_claims")
MONTHS = alternation(_NOT["months"])

# A sentence ends at . ! ? (and closing quotes) followed by space and a capital, digit or quote,
# or at a line break. Abbreviations are checked in Python on the few candidates.
_BOUNDARY = regex.compile(
    r"[.!?\u2026][\"'\u201d\u2019)\]]*[ \t\u00a0]+(?=[\p{Lu}\p{N}\"\u201c\u2018(\[])|\n+"
)
_ABBREV = regex.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Inc|Ltd|Co|Corp|No|Nos|vs|"
    rf"etc|approx|Ft|Mt|Ave|Dept|Univ|{alternation(_NOT['month_abbreviations'])})|\b\p{{Lu}}|\b[A-Z]\.[A-Z]|"
    r"\be\.g|\bi\.e)\.$"
)
_SHARE_LINE = regex.compile(
    r"^[ \t]*(?:(?:Facebook|Instagram|Twitter|YouTube|Share|Tweet|Email|E-mail|Print|WhatsApp|"
    r"LinkedIn|Reddit|Telegram|Pinterest|Copy\ link)[ \t]*){2,}$",
    regex.MULTILINE,
)
_DATE_LINE = regex.compile(
    rf"^[ \t]*(?:{MONTHS}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS}\s+\d{{4}})[ \t]*$", regex.MULTILINE
)
_TOKEN_REACH = 2000
_URL = regex.compile(
    r"https?://|www\.|@[\w-]+\.\w|\]\(|\.(?:com|org|net|gov|edu|int|io)\b|\w\.\w+/\S|\?\w+=|%[0-9A-F]{2}"
)


class Doc:
    """Read-only view of one article with lazily computed helpers."""

    __slots__ = ("text", "_bounds", "__dict__")

    def __init__(self, text: str) -> None:
        self.text = text
        self._bounds: list[int] | None = None
        self.floor = 0  # end of the last claimed figure: context before it belongs to that figure

    # -- sentences -----------------------------------------------------------------------
    def _boundaries(self) -> list[int]:
        if self._bounds is None:
            text = self.text
            bounds = [0]
            for m in _BOUNDARY.finditer(text):
                if m.group().startswith("\n") or not _ABBREV.search(
                    text, max(0, m.start() - 12), m.start() + 1
                ):
                    bounds.append(m.end())
            bounds.append(len(text))
            self._bounds = bounds
        return self._bounds

    def fuse(self, spans: list[tuple[int, int]]) -> bool:
        """Drop the sentence boundaries that fall inside a claim ("5 ft. 10 in.", a figure across
        a line break), so that every claim of a sentence gets the same bounds. ``spans`` are in
        text order; one pass over both lists. True when a boundary was dropped."""
        bounds = self._boundaries()
        kept: list[int] = []
        i = 0
        for b in bounds:
            while i < len(spans) and spans[i][1] <= b:
                i += 1
            if i < len(spans) and spans[i][0] < b < spans[i][1]:
                continue
            kept.append(b)
        if len(kept) == len(bounds):
            return False
        self._bounds = kept
        return True

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding ``[start, end)``: trimmed of surrounding white space."""
        b = self._boundaries()
        i = bisect.bisect_right(b, start) - 1
        j = bisect.bisect_left(b, end)
        s, e = b[max(i, 0)], b[min(j, len(b) - 1)]
        text = self.text
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        return s, max(e, end)

    def near(self, start: int, end: int, reach: int = 300) -> tuple[int, int]:
        """The sentence around ``[start, end)``, cut to ``reach`` characters either side."""
        s, e = self.sentence(start, end)
        return max(s, start - reach), min(e, end + reach)

    # -- the article's country -----------------------------------------------------------
    @functools.cached_property
    def home_currencies(self) -> dict[str, str | None]:
        """Per name several currencies share ("peso", "rupee"): the currency of the country the
        article names most (``currency.home_codes``), read once and only when such a name occurs."""
        return currency.home_codes(self.text)

    # -- page furniture ------------------------------------------------------------------
    @functools.cached_property
    def body_end(self) -> int:
        """Where the article body ends: a share-button line or a list of dated teasers after it."""
        text = self.text
        floor = int(len(text) * 0.4)
        for m in _SHARE_LINE.finditer(text, floor):
            return m.start()
        dates = [m for m in _DATE_LINE.finditer(text, int(len(text) * 0.5))]
        if len(dates) >= 2:
            # A teaser block reads title, summary, author, date: cut above the first one.
            lines = [m.start() for m in regex.finditer(r"(?m)^[ \t]*\S", text, 0, dates[0].start())]
            return lines[-3] if len(lines) >= 3 else dates[0].start()
        return len(text)

    @functools.cached_property
    def furniture(self) -> list[tuple[int, int]]:
        """Ranges that are page furniture: share lines, standalone date lines near the top."""
        spans = [(m.start(), m.end()) for m in _SHARE_LINE.finditer(self.text)]
        spans += [(m.start(), m.end()) for m in _DATE_LINE.finditer(self.text, 0, 800)]
        return spans

    def in_furniture(self, pos: int) -> bool:
        if pos >= self.body_end:
            return True
        return any(s <= pos < e for s, e in self.furniture)

    def in_url(self, pos: int) -> bool:
        """Whether ``pos`` is inside a URL, e-mail address or domain: looks at its token only."""
        text = self.text
        # Bounded windows: a megabyte without spaces must not make every number scan it all.
        floor, ceiling = max(0, pos - _TOKEN_REACH), min(len(text), pos + _TOKEN_REACH)
        lo = (
            max(
                text.rfind(" ", floor, pos),
                text.rfind("\n", floor, pos),
                text.rfind("(", floor, pos),
                floor - 1,
            )
            + 1
        )
        hi = ceiling
        for stop in (" ", "\n", ")"):
            i = text.find(stop, pos, ceiling)
            if i != -1 and i < hi:
                hi = i
        token = text[lo:hi]
        if "/" not in token and "@" not in token and "." not in token:
            return False
        return _URL.search(token) is not None
