"""shares_sum: percentages that split one whole reach 100; shares of one whole never exceed it.

Shares are the percent claims of one sentence that are not changes ("rose from 8.1 to",
"up 76%") and name the same whole ("of Peruvian foreign trade") or none, or whose sentence says
they are parts of one whole ("financed by ... (60 percent) and ... (40 percent)", "the rest").
Their sum must not exceed 100. It must also reach 100 only when the sentence says the figures
divide the whole between them: a split verb ("split", "divided"), a share that is the remainder
("the remaining 30%", "while the other 40%"), or "respectively" after financiers or owners; and
never in a poll or where a part is left out ("with the rest undecided", "others", blank votes),
since named shares need not cover everyone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence

from claims_api.consistency.base import (
    Interval,
    article_key,
    finding,
    fmt,
    interval,
    numeric,
    points,
    wanted_articles,
)
from claims_api.consistency.context import before, words_of
from claims_api.consistency.words import (
    CHANGE_VERBS,
    LEFT_OUT_CUES,
    MULTIPLIERS,
    OWNERSHIP_CUES,
    REMAINDER_WORDS,
    SPLIT_CUES,
    SPLIT_VERBS,
)
from claims_api.model import Article, Claim, Finding, Kind, Severity

NAME = "shares_sum"

#: Percentage points of slack on the sum beyond the figures' precision.
SLACK = 0.5
_WHOLE = re.compile(r"^\s*of\s+(?:the\s+|all\s+|its\s+|their\s+)?((?:[\w\u2019'-]+\s*){1,4})", re.I)
_STOP = frozenset("in on at for to from by with and or but while as that which who was were is are".split())
_NOT_SHARE_AFTER = frozenset(
    "increase rise growth gain drop decline fall jump higher lower more less".split()
)


def _whole(article: Article, claim: Claim) -> str | None:
    m = _WHOLE.match(article.text[claim.end : claim.sentence_end])
    if not m:
        return None
    words = []
    for w in m.group(1).lower().split():
        if w in _STOP:
            break
        words.append(w.strip(",.;:"))
    return " ".join(words) or None


def _is_share(article: Article, claim: Claim) -> bool:
    if claim.kind is not Kind.PERCENT or not numeric(claim) or points(claim):
        return False
    iv = interval(claim)
    if iv is None or iv.lo > 100 or iv.lo < 0:
        return False
    lead = words_of(before(article, claim, 40))[-3:]
    if lead and lead[-1] in ("from", "by", "to"):
        return False  # "rose from 8.1 to", "up by 5 percent", "fell to 3 percent"
    if any(w in CHANGE_VERBS or w in MULTIPLIERS for w in lead):
        return False
    after = words_of(article.text[claim.end : claim.sentence_end])[:2]
    if after and (after[0] in _NOT_SHARE_AFTER or after[0] == "to" or after[:2] == ["a", "year"]):
        return False
    return True


class SharesSum:
    name = NAME

    def keys(self, article: Article) -> set[str]:
        return {article_key(article)} if any(c.kind is Kind.PERCENT for c in article.claims) else set()

    def run(self, articles: Sequence[Article], keys: Collection[str] | None) -> Iterable[Finding]:
        for key, article in wanted_articles(articles, keys):
            by_sentence: dict[int, list[Claim]] = defaultdict(list)
            for claim in article.claims:
                if _is_share(article, claim):
                    by_sentence[claim.sentence_start].append(claim)
            for start in sorted(by_sentence):
                shares = by_sentence[start]
                if len(shares) < 2:
                    continue
                found = _judge(key, article, shares)
                if found is not None:
                    yield found


def _splits_whole(article: Article, shares: list[Claim], words: set[str]) -> bool:
    """True when the sentence says its shares divide the whole between them, so they must reach 100."""
    if LEFT_OUT_CUES.intersection(words):
        return False  # a poll, or a part left out of the figures ("the rest undecided")
    if SPLIT_VERBS.intersection(words):
        return True
    if "respectively" in words and OWNERSHIP_CUES.intersection(words):
        return True
    for share in shares[1:]:  # "the remaining 30%", "while the other 40%": the last part of the whole
        lead = words_of(before(article, share, 25))[-2:]
        if REMAINDER_WORDS.intersection(lead):
            return True
    return False


def _judge(key: str, article: Article, shares: list[Claim]) -> Finding | None:
    wholes = {c.start: _whole(article, c) for c in shares}
    named = {w for w in wholes.values() if w}
    sentence = shares[0].sentence_start, shares[0].sentence_end
    words = set(words_of(article.text[sentence[0] : sentence[1]]))
    cue = bool(SPLIT_CUES.intersection(words))
    if len(named) > 1:
        return None  # shares of different wholes
    whole = next(iter(named), None)
    if whole is None and not cue:
        return None  # nothing says these percentages are parts of one whole
    ivs = [interval(c) for c in shares]
    total = Interval(sum(i.lo for i in ivs if i), sum(i.hi for i in ivs if i))
    figures = " + ".join(fmt(c.value) if c.value is not None else c.text for c in shares)
    of = f" of {whole}" if whole else ""
    split = _splits_whole(article, shares, words)
    numbers: dict[str, object] = {"sum_low": total.lo, "sum_high": total.hi, "whole": whole, "split": split}
    if total.lo > 100 + SLACK:
        text = f"Shares{of} {figures} add up to at least {fmt(total.lo)}%, more than the whole (100%)."
        bad = True
    elif split and total.hi < 100 - SLACK:
        text = f"The sentence splits one whole{of}, but {figures} = {fmt(total.hi)}% at most, short of 100%."
        bad = True
    elif total.lo <= 100 + SLACK and total.hi >= 100 - SLACK and cue:
        text = f"Shares{of} {figures} = {total.show()}%, which allows 100%: they split the whole."
        bad = False
    else:
        text = f"Shares{of} {figures} = {total.show()}%: at least {fmt(total.lo)}%, within 100%."
        bad = False
    return finding(NAME, key, bad, Severity.MEDIUM, [(article, c) for c in shares], numbers, text)
