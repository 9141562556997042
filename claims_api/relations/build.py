"""The relation pass: conversions, changes, comparisons, parts and restatements from one Reading.

Every step walks the sentences once, looking at a unit, the gap before it and at most a fixed
window of neighbouring units (``WINDOW``) and sentences (``LOOKBACK``), so the pass is linear in
the article however many figures one sentence holds.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from claims_api.consistency.memo import no_cyclic_gc, per_article, scope
from claims_api.model import Article, Claim, Kind
from claims_api.relations.model import (
    RATIO,
    ArticleRelations,
    Direction,
    Member,
    Relation,
    RelationKind,
    Role,
)
from claims_api.relations.reading import (
    Reading,
    Sentence,
    Unit,
    compatible,
    find,
    multiplier_at,
    nouns,
    opens_with_reference,
    phrases,
    read,
    wordset,
)
from claims_api.relations.reading import (
    tokens as tokens_of,
)
from claims_api.relations.units import affine

#: How many earlier units of a sentence a comparison or a part may reach back to.
WINDOW = 6
#: How many sentences back a reference ("the money", "the bulk of") may reach.
LOOKBACK = 6
#: Words that may stand between a connector and its figure ("to a new record of $1.76 trillion").
FILLER = frozenset(
    "a an the its their his her new record high low all-time time all of around about some just "
    "only nearly almost roughly this that".split()
)
#: A sentence with more figures than this is a table, not prose: its figures get no subject key
#: (the subject reading, ``consistency.context``, costs time in the sentence's length per figure).
SUBJECT_MAX_FIGURES = 64
#: How many bracketed conversions of one figure are paired (each pair is one relation).
MAX_CONVERSIONS = 3
#: How many sentences "This will include" may itemise.
INCLUDE_SPAN = 3
#: Words after a count that are no counted noun ("25 were charged").
FUNCTION_WORDS = frozenset(
    "were was are is be been of in on at by for from to with and or but the a an had have has will would "
    "could may might who which that this these those per each more than out".split()
)
#: Words between a change and its base level ("up 18% on the previous record of 238m").
BASE_FILLER = FILLER | frozenset("previous last year's year month's week's period's level".split())
#: Words between a change word and its figure ("rose even faster by 16.3%").
CHANGE_GAP = frozenset(
    "by even faster slower sharply an a average of some about nearly almost just only".split()
)


@dataclass(slots=True)
class Frame:
    """A change being read: its figure (percent, amount, multiple), direction and two levels."""

    sentence: int
    change: int | None = None  # claim index of the percent / amount
    change_role: Role | None = None
    direction: Direction | None = None
    multiple: float | None = None
    bound: str | None = None  # "at_least" ("more than doubled"), "at_most" ("nearly tripled")
    multiple_claim: int | None = None
    new: int | None = None
    old: int | None = None
    how: list[str] = field(default_factory=list)
    word: str = ""


@functools.cache
def _directions() -> dict[str, Direction]:
    """Change word -> the direction it states (``change_up`` wins over ``change_down``)."""
    table = dict.fromkeys(wordset("change_down"), Direction.DOWN)
    table.update(dict.fromkeys(wordset("change_up"), Direction.UP))
    return table


def _direction(words: tuple[str, ...]) -> tuple[Direction, str] | None:
    """The direction of the last change word of ``words``, and the word."""
    table = _directions()
    for w in reversed(words):
        d = table.get(w)
        if d is not None:
            return d, w
    return None


def _ends_with(words: tuple[str, ...], lexicon: str, filler: frozenset[str] = FILLER, slack: int = 4) -> bool:
    hit = find(words, lexicon, last=slack + 3)
    if hit is None:
        return False
    i, p = hit
    rest = words[i + len(p) :]
    return len(rest) <= slack and all(w in filler for w in rest)


def _change_figure(
    c: Claim, before: tuple[str, ...], after: tuple[str, ...]
) -> tuple[Role, Direction | None, str] | None:
    """A percent (or amount) stated as a change: "jumped 76%", "up 2%", "a 40% drop"."""
    if c.kind is Kind.PERCENT and c.attrs.get("points"):
        role = Role.CHANGE_AMOUNT
    elif c.kind is Kind.PERCENT:
        role = Role.CHANGE_PERCENT
    elif c.kind in (Kind.MONEY, Kind.COUNT, Kind.QUANTITY):
        role = Role.CHANGE_AMOUNT
    else:
        return None
    tail = before[-5:]
    k = len(tail)
    while k and tail[k - 1] in CHANGE_GAP:
        k -= 1
    if k:
        w = tail[k - 1]
        d = _directions().get(w)
        if d is not None and (
            c.kind is Kind.PERCENT
            or w in ("up", "down")
            or (k < len(tail) and tail[-1] == "by")
            or (k == len(tail) - 1 and tail[-1] == "of")  # "an increase of 66,000"
        ):
            return role, d, w
    if c.kind is Kind.PERCENT and not c.attrs.get("ratio"):
        # "a 40% drop", "the 5% rise": a change noun after the figure ("one in five falls below" is
        # a ratio and its verb)
        head = [w for w in after[:3] if w != "(" and w != ")"]
        for w in head[:2]:
            d = _directions().get(w)
            if d is not None and w not in ("up", "down", "to"):
                return role, d, w
    return None


def _comparative(words: tuple[str, ...]) -> tuple[Direction, tuple[str, ...], int] | None:
    """(direction, words after it, index) of the rightmost comparative in the last 10 words."""
    best = None
    for name, d in (("comparative_more", Direction.UP), ("comparative_less", Direction.DOWN)):
        hit = find(words, name, last=10)
        if hit is not None and (best is None or hit[0] > best[2]):
            best = (d, words[hit[0] + len(hit[1]) :], hit[0])
    return best


def _of_whole(words: tuple[str, ...]) -> bool:
    """A sentence opening "Of the", "Of its", "Of all the", "Of Harrowgate's" before its first figure."""
    return (
        2 <= len(words) <= 3
        and words[0] == "of"
        and (words[-1] in wordset("whole_determiners") or words[-1].endswith("'s"))
    )


def _appositive(core: tuple[str, ...], word: str) -> bool:
    """The words before a change figure after two levels make it their change: one short aside
    naming no other measured thing, no change word but the figure's own, no new clause ("fell from
    41 to 29 last year, a 29% drop", "..., a rise of 35%"; not "and the shilling has lost 14%")."""
    if not 0 < len(core) <= 6 or not (word in core or core[-1] in ("a", "an")) or "and" in core:
        return False
    directions, measured = _directions(), nouns()
    return (
        all(w == word or w not in directions for w in core)
        and not any(w in measured for w in core)
        and wordset("scope_breaks").isdisjoint(core)
        and wordset("aux_verbs").isdisjoint(core)
    )


def _adverb_last(core: tuple[str, ...]) -> bool:
    """ "reached 2.1m in the half, up 18%": a change adverb after a short phrase of no other measured
    thing or change word, so the figure before is the new level."""
    if core[-1:] != ("up",) and core[-1:] != ("down",) or len(core) > 10:
        return False
    directions, measured = _directions(), nouns()
    return not any(w in directions or w in measured for w in core[:-1])


def _unbracketed(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if w != "(" and w != ")")


def _points_of(change: Claim, level: Claim) -> bool:
    """A change in percentage points of a level in percent ("up 7 points to 38%")."""
    return (
        change.kind is Kind.PERCENT
        and level.kind is Kind.PERCENT
        and bool(change.attrs.get("points"))
        and not level.attrs.get("points")
    )


#: An aside between commas ("rose, the company said on Tuesday, by 34%"): a clause of its own
#: inside a change, without a figure (figures end a gap) and not the end of the clause.
_ASIDE = re.compile(r",[^,;:()\[\]]{1,80},")


def _without_asides(text: str) -> tuple[str, ...] | None:
    """The words of a gap with its comma-enclosed asides removed, or None when it has none."""
    if text.count(",") < 2:
        return None
    return tokens_of(_ASIDE.sub(" ", text))


class _Builder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.reading: Reading = _reading(article)
        self.claims = article.claims
        self.relations: list[Relation] = []
        self.frames: list[Frame] = []
        self.by_sentence: dict[int, list[Frame]] = {}
        self.by_change: dict[int, Frame] = {}
        self.alternatives: dict[int, tuple[int, ...]] = {}  # a figure and its conversions
        self.after_words: dict[int, tuple[str, ...]] = {}  # the words after each figure

    # -- helpers -------------------------------------------------------------------------------
    def add(self, frame: Frame) -> None:
        self.frames.append(frame)
        self.by_sentence.setdefault(frame.sentence, []).append(frame)
        if frame.change is not None:
            self.by_change[frame.change] = frame

    def c(self, i: int) -> Claim:
        return self.claims[i]

    def span(self, *indexes: int) -> tuple[int, int]:
        cs = [self.claims[i] for i in indexes if i is not None]
        return min([c.start for c in cs]), max([c.end for c in cs])

    def tied(self, a: Sentence, b: Sentence) -> str | None:
        """How two adjacent sentences are tied: a shared measured thing, or a reference word."""
        shared = a.nouns & b.nouns
        if shared:
            return min(shared)  # (the first in sorted order)
        later = b if b.start > a.start else a
        if opens_with_reference(later.first_words):
            return "reference"
        return None

    def last_compatible(self, s: Sentence, like: Claim, before: int | None = None) -> int | None:
        end = len(s.units) if before is None else before
        for j in range(end - 1, max(-1, end - 1 - WINDOW), -1):
            if compatible(self.c(s.units[j].head), like):
                return s.units[j].head
        return None

    def level_skipping_time(self, s: Sentence, k: int) -> int | None:
        """The figure before unit ``k`` of ``s``, past at most two time phrases between them
        ("£412m in the 26 weeks to August 3, down from £486m")."""
        for j in range(k - 1, max(-1, k - 4), -1):
            head = s.units[j].head
            if self.c(head).kind is not Kind.DURATION:
                return head
        return None

    def nearest_compatible(self, s: Sentence, k: int, like: Claim, reach: int) -> int | None:
        """The nearest of the ``reach`` units before unit ``k`` of ``s`` that is of ``like``'s measure."""
        for j in range(k - 1, max(-1, k - 1 - reach), -1):
            if compatible(self.c(s.units[j].head), like):
                return s.units[j].head
        return None

    def first_compatible(self, s: Sentence, like: Claim) -> int | None:
        for u in s.units[:WINDOW]:
            if compatible(self.c(u.head), like):
                return u.head
        return None

    # -- conversions -----------------------------------------------------------------------------
    def conversions(self) -> None:
        for s in self.reading.sentences:
            for u in s.units:
                members = [u.head, *u.conversions[:MAX_CONVERSIONS]]
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        self.conversion(members[x], members[y], u)

    def conversion(self, a: int, b: int, u: Unit) -> None:
        ca, cb = self.c(a), self.c(b)
        opener = self.article.text[ca.end : cb.start].strip()[:1]
        how = "bracket" if opener in "([;,/" else "dash" if opener in "-\u2013\u2014" else "or"
        if ca.kind is Kind.MONEY:
            # the pair is written with USD (else the alphabetically first) as the base
            if cb.unit == "USD" or (ca.unit != "USD" and (cb.unit or "") < (ca.unit or "")):
                amount, base = a, b
            else:
                amount, base = b, a
            am, bm = self.c(amount), self.c(base)
            attrs = _implied(am, bm)
            if attrs is None:
                return
            attrs["pair"] = f"{am.unit}/{bm.unit}"
            attrs["currency"] = True
        else:
            aff = affine(ca.unit or "", cb.unit or "")
            if aff is None:
                return
            if ca.kind is Kind.RATE:
                from claims_api.relations.rates import compatible_nouns, rate_nouns

                if not compatible_nouns(rate_nouns(ca), rate_nouns(cb)):
                    return  # "5 deaths a day, or 30 injuries a week": two measures
            f, offset = aff
            attrs = {"factor": f, "from_unit": ca.unit, "to_unit": cb.unit, "currency": False}
            if offset:
                attrs["offset"] = offset
            amount, base = a, b
        self.relations.append(
            Relation(
                RelationKind.CONVERSION,
                (
                    Member(amount, Role.CONVERSION if amount != u.head else Role.LEVEL),
                    Member(base, Role.CONVERSION if base != u.head else Role.LEVEL),
                ),
                (u.start, u.end),
                how,
                attrs=attrs,
            )
        )

    # -- changes and comparisons -----------------------------------------------------------------
    def changes(self) -> None:
        for si, s in enumerate(self.reading.sentences):
            cur: Frame | None = None
            parked: Frame | None = None
            prev: int | None = None
            for k, u in enumerate(s.units):
                c = self.c(u.head)
                before = s.before[k].words
                after = s.before[k + 1].words if k + 1 < len(s.units) else (s.tail.words if s.tail else ())
                fig = _change_figure(c, before, after)
                if fig is None and len(before) > 2 and not _directions().keys().isdisjoint(before):
                    gap = s.before[k]
                    bare_words = _without_asides(self.article.text[gap.start : gap.end])
                    if bare_words is not None:
                        # "rose, the company said on Tuesday, by 34%": the aside does not break it
                        fig = _change_figure(c, bare_words, after)
                        if fig is not None:
                            before = bare_words
                if fig is not None:
                    core = _unbracketed(before)
                    if (
                        cur is not None
                        and cur.sentence == si
                        and cur.change is None
                        and cur.new is not None
                        and cur.old is not None
                        and (core in (("up",), ("down",)) or _appositive(core, fig[2]))
                    ):
                        # "grew from $639m to $1.13bn, up 76%"
                        cur.change, cur.change_role = u.head, fig[0]
                        cur.how.append(f"change-after:{fig[2]}")
                        if cur.direction is None:
                            cur.direction, cur.word = fig[1], fig[2]
                        prev = u.head
                        continue
                    cur = Frame(si, change=u.head, change_role=fig[0], direction=fig[1], word=fig[2])
                    cur.how.append(f"change-word:{fig[2]}")
                    if (
                        prev is not None
                        and _adverb_last(core)
                        and (self.c(prev).kind is not Kind.PERCENT or _points_of(c, self.c(prev)))
                    ):
                        cur.new = prev  # "reached $1.13bn, up 76% from $639m"
                    self.add(cur)
                    comp = _comparative(before)
                    if comp is not None and not comp[1][:1] == ("than",) and len(comp[1]) <= 2:
                        # "imports rose even faster by 16.3%": against the earlier change of the sentence
                        other = next(
                            (
                                f.change
                                for f in reversed(self.by_sentence.get(si, [])[-WINDOW - 1 : -1])
                                if f.change is not None and compatible(self.c(f.change), c)
                            ),
                            None,
                        )
                        if other is not None:
                            self.comparison(u.head, other, comp[0], "comparative-adverb", s)
                    elif comp is not None and len(comp[1]) > 2 and wordset("previous_markers") & set(comp[1]):
                        self.compare_adjacent(si, u.head, comp[0])
                    prev = u.head
                    continue
                if cur is None and parked is not None:
                    cur = parked  # a figure of another measure stood between: the frame goes on
                parked = None
                if cur is not None and not wordset("scope_breaks").isdisjoint(before):
                    cur = None  # "Milk climbed 14%, while cheddar went from $4.10 to $4.35": another clause
                if cur is not None and cur.sentence == si and not self.fits(cur, c):
                    parked, cur = cur, None
                if (
                    cur is not None
                    and cur.sentence == si
                    and prev is not None
                    and before[-1:] == ("or",)
                    and prev in (cur.new, cur.old)
                    and _unbracketed(before) == ("or",)
                ):
                    continue  # "jumped 45% to $2.9bn, or $1.18 a share, from $2.3bn": the same level again
                if (
                    cur is not None
                    and cur.sentence == si
                    and cur.old is None
                    and prev is not None
                    and prev == cur.change
                    and not wordset("change_base").isdisjoint(before)
                    and _ends_with(before, "change_base", filler=BASE_FILLER, slack=4)
                ):
                    cur.old = u.head  # "up 18% on the 1.78m handled a year earlier"
                    cur.how.append("base:" + " ".join(find(before, "change_base", last=7)[1]))  # type: ignore[index]
                    prev = u.head
                    continue
                if _ends_with(before, "connector_from", slack=2) and not _ends_with(
                    before, "connector_to", slack=0
                ):
                    hit = find(before, "connector_from", last=5)
                    assert hit is not None
                    i, p = hit
                    d = _direction(before[max(0, i - 3) : i + len(p)])
                    word = " ".join(p)
                    if word in ("compared with", "compared to", "against", "versus", "vs"):
                        if (
                            cur is not None
                            and cur.sentence == si
                            and cur.old is None
                            and (cur.new is not None or cur.change is not None)
                        ):
                            if cur.new is None and prev is not None and prev != cur.change:
                                cur.new = prev
                            cur.old = u.head
                        elif prev is not None and compatible(self.c(prev), c):
                            cur = Frame(si, new=prev, old=u.head, how=[f"levels:{word}"])
                            self.add(cur)
                    elif (
                        cur is not None
                        and cur.sentence == si
                        and cur.old is None
                        and (d is None or d[0] == cur.direction)
                    ):
                        cur.old = u.head
                        cur.how.append("from")
                        if d is not None and cur.direction is None:
                            cur.direction = d[0]
                    elif d is not None:
                        adverb = p[0] in ("up", "down") or (i > 0 and before[i - 1] in ("up", "down"))
                        # the nearest figure of its measure before it, past a time phrase or a
                        # restatement ("$5.05 a gallon, or about $1.33 a liter, up from $3.10 a gallon")
                        new = self.nearest_compatible(s, k, c, reach=3) if adverb else None
                        cur = Frame(
                            si, direction=d[0], old=u.head, new=new, word=d[1], how=[f"direction:{d[1]} from"]
                        )
                        self.add(cur)
                    prev = u.head
                    continue
                if _ends_with(before, "connector_to"):
                    if cur is not None and cur.sentence == si and cur.new is None:
                        cur.new = u.head
                        cur.how.append("to")
                    else:
                        reach = before[-6:]
                        if k > 0 and self.c(s.units[k - 1].head).kind is Kind.DURATION:
                            # "tripled in the first three months of the year, to €6.3bn"
                            reach = (*s.before[k - 1].words[-6:], *reach)
                        d = _direction(reach)
                        mb = multiplier_at(reach)
                        earlier = self.former_by_reference(si, k, c) if d is None and mb is None else None
                        if earlier is not None:
                            # "252,000 were sheltering." then "The figure had stood at 186,000"
                            cur = Frame(si, new=earlier, old=u.head, how=["former-level:reference"])
                            self.add(cur)
                        elif d is not None or mb is not None:
                            cur = Frame(
                                si,
                                direction=d[0] if d else None,
                                multiple=mb[0] if mb else None,
                                bound=mb[1] if mb else None,
                                new=u.head,
                                word=d[1] if d else "",
                                how=[f"direction:{d[1] if d else 'multiple'} to"],
                            )
                            self.add(cur)
                    prev = u.head
                    continue
                last_frame = cur if cur is not None and cur.sentence == si else None
                if cur is not None and cur.sentence == si and (cur.new is not None or cur.old is not None):
                    level = self.c(cur.new if cur.new is not None else cur.old)  # type: ignore[arg-type]
                    if compatible(level, c):
                        cur = None  # "up 76% to $1.13bn, with $200m from licensing, from $639m": not judged
                comp = _comparative(before)
                if comp is not None:
                    d, rest, _ = comp
                    prior = self.last_compatible(s, c, before=k)
                    own = prev  # the figure right before the comparative, if it is what it compares
                    if last_frame is not None and prior is not None and prior == last_frame.old == prev:
                        # "accelerated to 17.9% from 15.9%, above the 16.8% forecast": the new level
                        prior = last_frame.new if last_frame.new is not None else prior
                        own = prior
                    if (
                        prev is not None
                        and self.c(prev).kind is Kind.PERCENT
                        and c.kind is not Kind.PERCENT
                        and not self.c(prev).attrs.get("points")
                        and not self.c(prev).attrs.get("ratio")  # "one in five falls below 37m²"
                    ):
                        # "24.4% above ... $496.5bn": a percent change over a base level
                        frame = self.by_change.get(prev)
                        if frame is None:
                            frame = Frame(si, change=prev, change_role=Role.CHANGE_PERCENT, direction=d)
                            self.add(frame)
                        frame.old = u.head
                        frame.how.append("comparative-base")
                        if frame.new is None and k > 1:
                            # "will spend R1.83tn this year, 9.6% more than the R1.67tn": the level before
                            level = self.level_skipping_time(s, k - 1)
                            if level is not None and level != prev and compatible(self.c(level), c):
                                frame.new = level
                                frame.how.append("level-before")
                        cur = frame
                    elif len(rest) > 2 and wordset("previous_markers") & set(rest) and prior is None:
                        self.compare_adjacent(si, u.head, d)
                    elif (
                        prior is not None
                        and not (prior == prev and self.new_subject(before[: comp[2]], prior))
                        # "74 sq m ..., and one in five falls below 37m²": the figure of another
                        # measure right before the comparative is what it compares
                        and not (
                            own is not None
                            and own != prior
                            and comp[2] <= 2
                            and self.c(own).kind is not Kind.DURATION  # "over four years, below 4%"
                        )
                    ):
                        self.comparison(prior, u.head, d, "comparative", s)
                    elif s.first_words and s.first_words[0] in wordset("references") and si > 0:
                        earlier = self.last_compatible(self.reading.sentences[si - 1], c)
                        if earlier is not None:
                            self.comparison(earlier, u.head, d, "comparative:reference", s)
                prev = u.head
            multiples = [v for v in s.vague if self.c(v).attrs.get("times")]
            if multiples:
                starts = [u.start for u in s.units]
                for v in multiples:
                    frame = self.times(si, v, starts)
                    if frame is not None:
                        self.add(frame)  # "215,280 cases. That is 2.4 times the 90,100 of last year"
            bare = [f for f in self.by_sentence.get(si, ()) if f.multiple is None and f.change is None]
            if bare:  # a multiplier word anywhere in the sentence ("doubled") for its plain frames
                vague_words = multiplier_at(
                    tuple(w for g in s.before for w in g.words) + (s.tail.words if s.tail else ())
                )
                if vague_words is not None:
                    for f in bare:
                        f.multiple, f.bound = vague_words
            for f in self.by_sentence.get(si, []):
                if f.multiple is not None and f.multiple_claim is None:
                    f.multiple_claim = next((v for v in s.vague if self.c(v).kind is Kind.PERCENT), None)
        self.complete_frames()

    def fits(self, f: Frame, c: Claim) -> bool:
        """Whether ``c`` may be a level of ``f``: a change amount and the levels share one measure."""
        if (
            f.change is not None
            and f.change_role is Role.CHANGE_AMOUNT
            and not compatible(self.c(f.change), c)
            and not _points_of(self.c(f.change), c)
        ):
            return False
        for i in (f.new, f.old):
            if i is not None and not compatible(self.c(i), c):
                return False
        return True

    def compare_adjacent(self, si: int, a: int, d: Direction) -> None:
        """A comparison with an earlier figure named in the next or previous sentence."""
        s = self.reading.sentences[si]
        for sj in (si + 1, si - 1):
            if 0 <= sj < len(self.reading.sentences):
                other = self.reading.sentences[sj]
                tie = self.tied(s, other)
                b = self.first_compatible(other, self.c(a))
                if tie and b is not None:
                    self.comparison(a, b, d, f"comparative:adjacent-sentence:{tie}", s, other)
                    return

    def new_subject(self, words: tuple[str, ...], figure: int) -> bool:
        """True when ``words`` (between a figure and a comparative) open a clause about another
        measured thing: a measured noun followed by an auxiliary verb ("... 464,000 subscribers
        in the fourth quarter profits were lower than ..."), other than the figure's own noun."""
        groups, aux = nouns(), wordset("aux_verbs")
        own = groups.get(self.noun_after(figure) or "")
        return any(
            w in groups and nxt in aux and groups[w] != own for w, nxt in zip(words, words[1:], strict=False)
        )

    def comparison(
        self, a: int, b: int, d: Direction, how: str, s: Sentence, other: Sentence | None = None
    ) -> None:
        lo, hi = self.span(a, b)
        self.relations.append(
            Relation(
                RelationKind.CHANGE,
                (Member(a, Role.LEVEL), Member(b, Role.FORMER_LEVEL)),
                (min(lo, s.start), max(hi, s.end if other is None else max(s.end, other.end))),
                how,
                direction=d,
                attrs={"comparison": True},
            )
        )

    def level_before(self, f: Frame, like: Claim) -> int | None:
        """The last figure like ``like`` in the sentence before ``f``'s, when the two sentences are
        tied (recorded in ``f.how``); else None."""
        if f.sentence == 0:
            return None
        sentences = self.reading.sentences
        prev_s = sentences[f.sentence - 1]
        tie = self.tied(sentences[f.sentence], prev_s)
        found = self.last_compatible(prev_s, like)
        if not tie or found is None:
            return None
        f.how.append(f"level-in-previous-sentence:{tie}")
        return found

    def times(self, si: int, v: int, starts: list[int]) -> Frame | None:
        """A multiple: the vague claim ``v`` of sentence ``si`` is N in "A, N times the B" (A the
        figure before, or the last of its measure in the sentence before when this one opens with
        a reference). ``starts``: the starts of the sentence's units."""
        s = self.reading.sentences[si]
        n = self.c(v)
        k = bisect.bisect_left(starts, n.end)
        if k == len(starts) or not 0 < (n.value or 0) < 1000:
            return None
        between = tokens_of(self.article.text[n.end : s.units[k].start])
        if (
            len(between) < 2
            or len(between) > 4
            or between[0] not in wordset("times_words")
            or between[1] not in wordset("times_base")  # not "3 times in 20 years"
        ):
            return None
        old = s.units[k].head
        like = self.c(old)
        new = self.level_skipping_time(s, k) if k > 0 else None
        how = "multiple:times"
        if new is None or not compatible(self.c(new), like):
            new = None
            if k == 0 and si > 0 and opens_with_reference(s.first_words):
                new, how = (
                    self.last_compatible(self.reading.sentences[si - 1], like),
                    "multiple:times:reference",
                )
        if new is None:
            return None
        return Frame(si, new=new, old=old, multiple=n.value, multiple_claim=v, how=[how])

    def former_by_reference(self, si: int, k: int, c: Claim) -> int | None:
        """The figure of the sentence before that unit ``k`` of sentence ``si`` gives the former
        level of: the sentence opens with a reference, says the figure is a former one
        (``former_level_cues`` before it) and it is its first figure of that measure."""
        s = self.reading.sentences[si]
        if si == 0 or not opens_with_reference(s.first_words):
            return None
        if k >= WINDOW or wordset("former_level_cues").isdisjoint(s.before[k].words):
            return None
        if any(compatible(self.c(s.units[j].head), c) for j in range(k)):
            return None
        # the last figure of that measure within a factor of ten ("252,000 people ... across six
        # regions." then "The figure had stood at 186,000": not the six)
        v = c.value
        for u in reversed(self.reading.sentences[si - 1].units[-WINDOW:]):
            other = self.c(u.head)
            if compatible(other, c) and v and other.value and 0.1 <= other.value / v <= 10:
                return u.head
        return None

    def level_after(self, f: Frame, like: Claim) -> int | None:
        """The first figure like ``like`` in the sentence after ``f``'s when that sentence is tied to
        it and says the figure is a former one (``former_level_cues`` before or right after it)."""
        sentences = self.reading.sentences
        nxt = sentences[f.sentence + 1]
        tie = self.tied(sentences[f.sentence], nxt)
        if not tie:
            return None
        cues = wordset("former_level_cues")
        for k, u in enumerate(nxt.units[:WINDOW]):
            if compatible(self.c(u.head), like):
                after = nxt.before[k + 1].words if k + 1 < len(nxt.units) else nxt.tail.words
                if cues.isdisjoint(nxt.before[k].words) and cues.isdisjoint(after[:4]):
                    return None
                f.how.append(f"level-in-next-sentence:{tie}")
                return u.head
        return None

    def complete_frames(self) -> None:
        sentences = self.reading.sentences
        absorbed: set[int] = set()
        for n, f in enumerate(self.frames):
            if id(f) in absorbed:
                continue
            like = (
                self.c(f.new if f.new is not None else f.old)
                if (f.new is not None or f.old is not None)
                else None
            )
            if f.change is not None and f.new is None and f.old is None:
                # "a 40% drop in profits." then "£75m ... compared with £125m a year earlier"
                for sj in (f.sentence + 1, f.sentence - 1):
                    if not 0 <= sj < len(sentences):
                        continue
                    tie = self.tied(sentences[f.sentence], sentences[sj])
                    if not tie:
                        continue
                    g = next(
                        (
                            g
                            for g in self.by_sentence.get(sj, [])[:WINDOW]
                            if g.change is None
                            and g.new is not None
                            and g.old is not None
                            and id(g) not in absorbed
                        ),
                        None,
                    )
                    if g is not None:
                        f.new, f.old = g.new, g.old
                        f.how.append(f"levels-in-{'next' if sj > f.sentence else 'previous'}-sentence:{tie}")
                        if f.direction is None:
                            f.direction = g.direction
                        absorbed.add(id(g))
                        break
            elif f.new is None and f.old is not None and f.change is not None and like is not None:
                # "24.4% above ... $496.5bn": the new level in the sentence before
                f.new = self.level_before(f, like)
            elif (
                f.old is None
                and f.new is not None
                and f.change is not None
                and like is not None
                and f.sentence + 1 < len(sentences)
            ):
                # "climbed by £4.5m to £38m." then "It had stood at £33.5m in 2014."
                f.old = self.level_after(f, like)
            elif f.old is None and f.new is not None and f.multiple is not None and like is not None:
                # "cut its stake in half to 10%": the old level in the sentence before
                f.old = self.level_before(f, like)
            del n
        self.frames = [f for f in self.frames if id(f) not in absorbed]
        for f in self.frames:
            if f.new is None or f.old is None or f.new == f.old:
                continue
            if not compatible(self.c(f.new), self.c(f.old)):
                continue
            if f.change is None and f.direction is None and f.multiple is None:
                continue
            members = [Member(f.new, Role.LEVEL), Member(f.old, Role.FORMER_LEVEL)]
            if f.change is not None:
                members.insert(0, Member(f.change, f.change_role or Role.CHANGE_PERCENT))
            if f.multiple_claim is not None:
                members.append(Member(f.multiple_claim, Role.CHANGE_MULTIPLE))
            attrs: dict[str, object] = {}
            if f.multiple is not None:
                attrs["multiple"] = f.multiple
                if f.bound is not None:
                    attrs["multiple_bound"] = f.bound
            if f.word:
                attrs["word"] = f.word
            idx = [m.index for m in members]
            self.relations.append(
                Relation(
                    RelationKind.CHANGE,
                    tuple(members),
                    self.span(*idx),
                    ";".join(f.how) or "change",
                    subject=self.subject_of(f.sentence),
                    direction=f.direction,
                    attrs=attrs,
                )
            )

    def subject_of(self, si: int) -> str | None:
        nouns = self.reading.sentences[si].nouns
        return sorted(nouns)[0] if len(nouns) == 1 else None

    # -- parts and totals ------------------------------------------------------------------------
    def same_measure(self, a: int, b: int) -> bool:
        """Figures one total may hold: one measure (money through its conversions), one counted noun."""
        ca, cb = self.c(a), self.c(b)
        if ca.kind is Kind.MONEY and cb.kind is Kind.MONEY:
            return bool(self.currencies(a) & self.currencies(b))
        if not compatible(ca, cb):
            return False
        if ca.kind is Kind.COUNT:
            na, nb = self.noun_after(a), self.noun_after(b)
            return na is None or nb is None or na == nb
        return True

    def currencies(self, i: int) -> set[str]:
        return {self.c(j).unit or "" for j in self.alternatives.get(i, (i,))}

    def noun_after(self, i: int) -> str | None:
        """The counted noun right after a count ("20 cases"), None when a function word follows."""
        words = self.after_words.get(i, ())
        w = words[0] if words else None
        if w is None or w in FUNCTION_WORDS or not w.isalpha():
            return None
        return w[:-1] if w.endswith("s") and len(w) > 3 else w

    def _not_part(self, words: tuple[str, ...]) -> bool:
        return find(words, "not_parts", last=3) is not None and _ends_with(words, "not_parts", slack=2)

    def parts(self) -> None:
        sentences = self.reading.sentences
        self.alternatives = {u.head: (u.head, *u.conversions) for s in sentences for u in s.units}
        self.after_words = {}
        for s in sentences:
            for k, u in enumerate(s.units):
                self.after_words[u.head] = (
                    s.before[k + 1].words if k + 1 < len(s.units) else (s.tail.words if s.tail else ())
                )
        open_group: tuple[int, list[int], int] | None = None  # (total, parts, sentence of last part)
        groups: list[tuple[int, list[int], str, int, bool]] = []  # total, parts, how, sentence, sums
        include_next = {p: True for p in phrases("include_next")}
        references, make_up = wordset("references"), phrases("make_up")
        for si, s in enumerate(sentences):
            heads = [u.head for u in s.units]
            led = [self._not_part(s.before[k].words) for k in range(len(heads))]

            def around(k: int, side: str, heads: list[int] = heads, led: list[bool] = led) -> list[int]:
                rng = (
                    range(max(0, k - WINDOW), k)
                    if side == "before"
                    else range(k + 1, min(len(heads), k + 1 + WINDOW))
                )
                return [heads[j] for j in rng if not led[j] and self.same_measure(heads[k], heads[j])]

            for k, u in enumerate(s.units):
                c = self.c(u.head)
                before = s.before[k].words
                after = self.after_words[u.head]
                if c.kind is Kind.COUNT and self.noun_after(u.head) is not None:
                    after = after[1:]  # "150 houses in all": the marker after the counted noun
                if after[:2] == ("of", "them") and k > 0:
                    # "25 were charged, nine of them with fraud": a part of the count just before;
                    # "31 goals, 19 of them at home and 12 away": with the list it opens
                    if c.kind is Kind.COUNT and self.same_measure(heads[k - 1], u.head):
                        parts = [u.head, *self.siblings(s, k, +1)]
                        groups.append((heads[k - 1], parts, "of-them", si, False))
                    continue
                if led[k]:
                    continue
                hit = find(before, "total_markers", last=12)
                word = " ".join(hit[1]) if hit else ""
                close = hit is not None and hit[0] + len(hit[1]) >= len(before) - 1
                if (
                    word in ("valued", "valuing")
                    and before[-1:] == ("at",)
                    and si > 0
                    and s.first_words[:1] != ()
                    and s.first_words[0] in references
                ):
                    part = self.last_compatible(sentences[si - 1], c)
                    if part is not None:
                        groups.append((u.head, [part], f"total:{word}:previous-sentence", si, False))
                    continue
                if close and word == "out of":
                    if k > 0 and self.same_measure(heads[k - 1], u.head):
                        # "took 21,652 votes against Labour's 18,433 ..., out of 44,295 cast"
                        parts = [*reversed(self.siblings(s, k - 1, -1)), heads[k - 1]]
                        groups.append((u.head, parts, "out-of", si, False))
                    continue
                if close and word:
                    sums = tuple(word.split()) in make_up
                    if word == "a total of" and k == 0:
                        parts = around(k, "after")
                    else:
                        parts = around(k, "before")
                    if len(parts) >= 2:
                        groups.append((u.head, parts, f"total:{word}", si, sums))
                    continue
                hit2 = find(after[:3], "total_after")
                if hit2 is not None and after[:1] != ("from",):
                    if hit2[0] == 0:
                        parts = around(k, "before")
                        if len(parts) >= 2:
                            groups.append((u.head, parts, f"total:{' '.join(hit2[1])}", si, True))
                        continue
                sub = find(after[:3], "subset_after")
                if sub is not None and sub[0] == 0:
                    parts = around(k, "after")
                    if parts:
                        groups.append((u.head, parts, f"subset:{' '.join(sub[1])}", si, False))
                    continue
                if k == 0 and si > 0 and before[:1] == ("of",) and self.of_previous(before):
                    # "... 1,100 deaths this year." then "Of those, 930 were ..., 186 ... and 12 ..."
                    total = self.last_compatible(sentences[si - 1], c)
                    parts = self.listed(heads, led, c, 0) if total is not None else []
                    if total is not None and parts:
                        groups.append((total, parts, "of-previous-sentence", si, False))
                        continue
                if k == 0 and _of_whole(before):
                    # "Of the 60 staff surveyed, 45 said ...": the opening names what is counted
                    parts = self.listed(heads, led, c, k + 1)
                    if parts:
                        groups.append((u.head, parts, "of-the:sentence-start", si, False))
                    continue
                if (
                    k == len(heads) - 1
                    and si + 1 < len(sentences)
                    and self.article.text[sentences[si + 1].start : sentences[si + 1].start + 2].lower()
                    == "th"
                ):
                    nxt = sentences[si + 1]
                    opening = tokens_of(self.article.text[nxt.start : nxt.start + 40])
                    if any(opening[: len(p)] == p for p in include_next):
                        parts = []
                        for sj in range(si + 1, min(len(sentences), si + 1 + INCLUDE_SPAN)):
                            if (
                                sj > si + 1
                                and "\n" in self.article.text[sentences[sj - 1].end : sentences[sj].start]
                            ):
                                break
                            parts += [
                                h.head for h in sentences[sj].units if self.same_measure(u.head, h.head)
                            ]
                        if parts:
                            groups.append((u.head, parts, "include-next-sentence", si, False))
                        continue
                lead = tokens_of(c.text[:16])[:2] if c.text[:1].isalpha() else ()
                lead_hit = find(lead, "part_markers") if lead else None
                if lead_hit is not None and lead_hit[0] == 0:
                    before = (*before, *lead)  # the extractor keeps "A further" in the span
                hit = find(before, "part_markers", last=6)
                if hit is None:
                    continue
                word = " ".join(hit[1])
                rest = before[hit[0] + len(hit[1]) :]
                if word == "part of" and len(rest) <= 2 and k > 0:
                    part = self.last_compatible(s, c, before=k)
                    if part is not None:
                        groups.append((u.head, [part], "part-of", si, False))
                    continue
                if word in ("bulk of",) and rest[:1] == ("the",):
                    total = self.reference_back(si, c)
                    if total is not None:
                        open_group = (total, [u.head], si)
                        groups.append((total, open_group[1], f"bulk-of:the {' '.join(rest[1:2])}", si, False))
                    continue
                if word in ("a further", "an extra", "another") and open_group is not None:
                    total, members, last_si = open_group
                    if si - last_si <= 1 and compatible(self.c(total), c):
                        members.append(u.head)
                        open_group = (total, members, si)
        for total, members, how, si, sums in groups:
            idx = [total, *members]
            lo, hi = self.span(*idx)
            self.relations.append(
                Relation(
                    RelationKind.PART_OF,
                    (Member(total, Role.TOTAL), *(Member(m, Role.PART) for m in members)),
                    (lo, hi),
                    how,
                    subject=self.subject_of(si),
                    attrs={"sums": sums},
                )
            )

    def listed(self, heads: list[int], led: list[bool], like: Claim, start: int) -> list[int]:
        """The figures of ``like``'s measure among ``WINDOW`` units from ``start``: the parts an
        opening ("Of the 60 staff surveyed,", "Of those,") names, not those led by a not-part
        word, nor the subsets of a part ("nine of them", "nine people of them")."""
        return [
            heads[j]
            for j in range(start, min(len(heads), start + WINDOW))
            if not led[j]
            and compatible(self.c(heads[j]), like)
            and self.after_words[heads[j]][:2] != ("of", "them")
            and self.after_words[heads[j]][1:3] != ("of", "them")
        ]

    def of_previous(self, words: tuple[str, ...]) -> bool:
        """Whether a sentence's first gap is a ``parts_of_previous`` opening ("Of those,")."""
        hit = find(words[:4], "parts_of_previous")
        return hit is not None and hit[0] == 0 and len(hit[1]) == len(words)

    def siblings(self, s: Sentence, k: int, step: int) -> list[int]:
        """The figures listed with unit ``k`` of ``s`` after it (``step`` +1) or before it (-1): of
        its measure, each joined to the last by a short gap ("19 of them at home and 12 away";
        "21,652 against Labour's 18,433, with the Liberal Democrats on 3,102")."""
        out: list[int] = []
        j = k + step
        aux = wordset("aux_verbs")
        while 0 <= j < len(s.units) and len(out) < WINDOW:
            gap = s.before[max(j, j - step)].words  # the words between units j and j - step
            if gap[:2] == ("of", "them"):
                gap = gap[2:]  # "25 of them in the first half and 15 after the break"
            listed = not gap or gap[-1] in FUNCTION_WORDS or gap[-1] == "against" or gap[-1].endswith("'s")
            if (
                len(gap) > 6
                or not listed  # "60 people and they charged 14": a verb, not a list, before the figure
                or not aux.isdisjoint(gap)
                or not self.same_measure(s.units[k].head, s.units[j].head)
            ):
                break
            out.append(s.units[j].head)
            j += step
        return out

    def reference_back(self, si: int, like: Claim) -> int | None:
        """The nearest earlier figure of the same measure, larger than ``like`` (LOOKBACK sentences)."""
        v = like.value if like.value is not None else like.high
        for sj in range(si - 1, max(-1, si - 1 - LOOKBACK), -1):
            for u in reversed(self.reading.sentences[sj].units[-WINDOW:]):
                c = self.c(u.head)
                cv = c.value if c.value is not None else c.high
                if compatible(c, like) and cv is not None and v is not None and cv > v:
                    return u.head
        return None

    # -- restatements ------------------------------------------------------------------------------
    def restatements(self) -> None:
        sentences = self.reading.sentences
        for si, s in enumerate(sentences):
            for k, u in enumerate(s.units):
                before = s.before[k].words
                if before[-1:] != ("the",):
                    continue
                c = self.c(u.head)
                for sj in range(si - 1, max(-1, si - 3), -1):
                    match = next(
                        (
                            x.head
                            for x in reversed(sentences[sj].units[-WINDOW:])
                            if compatible(self.c(x.head), c) and _same_value(self.c(x.head), c)
                        ),
                        None,
                    )
                    if match is not None:
                        lo, hi = self.span(match, u.head)
                        self.relations.append(
                            Relation(
                                RelationKind.RESTATEMENT,
                                (Member(match, Role.LEVEL), Member(u.head, Role.LEVEL)),
                                (lo, hi),
                                "definite-reference:the",
                            )
                        )
                        break

    # -- rates and totals ------------------------------------------------------------------------
    def rates(self) -> None:
        """A rate per period and a total over a stated period, in one sentence or the next (``rates``)."""
        from claims_api.relations.rates import rate_totals

        self.relations.extend(rate_totals(self.article))

    def ratios(self) -> None:
        """A ratio claim ("four out of five key issues", "one in three voters") states a part and
        its whole in one span: a ``part_of`` relation of that one claim, the two numbers in
        ``attrs`` (``part``, ``whole``) as the extractor read them (``Claim.attrs["ratio"]``)."""
        for i, c in enumerate(self.claims):
            ratio = c.attrs.get("ratio") if c.attrs else None
            if not ratio or len(ratio) != 2:
                continue
            part, whole = (float(x) for x in ratio)
            self.relations.append(
                Relation(
                    RelationKind.PART_OF,
                    (Member(i, Role.PART),),
                    (c.start, c.end),
                    RATIO,
                    attrs={"part": part, "whole": whole},
                )
            )

    def shares(self) -> None:
        """Percentages that split one whole or answer one question (``shares``): ``part_of`` relations
        whose members are all ``Role.SHARE``."""
        from claims_api.relations.shares import share_groups

        self.relations.extend(share_groups(self.article, self.relations))

    def build(self) -> ArticleRelations:
        self.conversions()
        self.changes()
        self.parts()
        self.ratios()
        self.restatements()
        self.rates()
        self.shares()
        n = len(self.claims)
        roles: list[Role | None] = [None] * n
        changes: list[Direction | None] = [None] * n
        for r in self.relations:
            for m in r.members:
                if roles[m.index] is None or roles[m.index] is Role.LEVEL:
                    roles[m.index] = m.role
                if r.kind is RelationKind.CHANGE and m.role in (
                    Role.CHANGE_PERCENT,
                    Role.CHANGE_AMOUNT,
                    Role.CHANGE_MULTIPLE,
                ):
                    changes[m.index] = r.direction
        return ArticleRelations(tuple(roles), tuple(changes), tuple(self.relations))


def _same_value(a: Claim, b: Claim) -> bool:
    from claims_api.consistency.base import interval

    ia, ib = interval(a), interval(b)
    return ia is not None and ib is not None and ia.overlaps(ib)


def _implied(amount: Claim, base: Claim) -> dict[str, object] | None:
    """The rate amount/base the printed figures imply, with its bounds from their precision."""
    from claims_api.consistency.base import rounding

    def ends(c: Claim) -> list[tuple[float, float, float]] | None:
        r = rounding(c)
        if c.value is not None:
            return [(c.value, c.value - r, c.value + r)]
        if c.low is not None and c.high is not None:
            return [(c.low, c.low - r, c.low + r), (c.high, c.high - r, c.high + r)]
        return None

    a, b = ends(amount), ends(base)
    if not a or not b or len(a) != len(b) or any(lo <= 0 for _, lo, _ in b) or any(v <= 0 for v, _, _ in a):
        return None
    values = [x[0] / y[0] for x, y in zip(a, b, strict=True)]
    los = [max(x[1], 0.0) / y[2] for x, y in zip(a, b, strict=True)]
    his = [x[2] / y[1] for x, y in zip(a, b, strict=True)]
    return {"implied": sum(values) / len(values), "implied_lo": min(los), "implied_hi": max(his)}


@per_article(transient=True)
def _reading(article: Article) -> Reading:
    """The article's sentences, units and gaps, read once for the relations and the subjects."""
    return read(article)


@per_article
def relate(article: Article) -> ArticleRelations:
    """The relation pass over one article (memoised for the length of one consistency run)."""
    with no_cyclic_gc(), scope():
        return _Builder(article).build()


@per_article
def subjects(article: Article) -> tuple[str | None, ...]:
    """Per claim, the key of the measured thing that cross-article restatement groups by (kind,
    dimension, thing, places, years), or None when the claim names no clear thing or sits in a
    sentence crowded with figures (a table read as text). Only what compares figures across
    sentences and articles asks for them (the store's corpus rows, ``conflicting_figures``): an
    extraction request does not pay for them."""
    from claims_api.consistency.conflicting_figures import claim_key

    with no_cyclic_gc(), scope():  # each sentence read once for all its claims (context's memo)
        crowded = {
            (s.start, s.end)
            for s in _reading(article).sentences
            if len(s.units) + len(s.vague) > SUBJECT_MAX_FIGURES
        }
        return tuple(
            None if (c.sentence_start, c.sentence_end) in crowded else claim_key(article, c)
            for c in article.claims
        )
