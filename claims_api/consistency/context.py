"""Reading a claim's sentence: its clause, the names and the measured thing near it, its neighbours.

Everything works on ``Article.sentence(claim)`` with offsets relative to the sentence. The
subject key ("what the figure is about") is deliberately conservative: a different place, person
or measured word gives a different key, so unrelated figures are never compared.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from claims_api import lexicons
from claims_api.consistency.memo import per_article, per_claim
from claims_api.consistency.words import (
    GENERIC_NOUNS,
    MEASURES,
    NOT_NAMES,
    PLACE_PHRASES,
    PLACES,
)
from claims_api.model import Article, Claim, Kind

_CLAUSE_BREAK = re.compile(r"[;:\u2014\u2013\n]| - ")
_BREAK_CHARS = frozenset(";:\u2014\u2013\n-")
#: A word: a letter, then letters, digits, dots, apostrophes and dashes, not ending in the last four
#: (written as runs of word characters joined by runs of the four, which the engine matches
#: without backtracking over every word's last character).
_WORD = re.compile(r"[^\W\d_]\w*(?:[.\u2019'-]+\w+)*")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_PARENS = re.compile(r"\([^()]*\)")
_RELATIVE = tuple(f"{w} " for w in lexicons.words("relative_words"))
_POSSESSIVE = frozenset(("'s", "\u2019s", "'S", "\u2019S"))
_LOWER_WORD = re.compile(r"[^\W\d_][\w-]*")
_AUX = frozenset(lexicons.words("aux_verbs"))
_LATIN_RUN = re.compile(r"[a-z]+")
#: Whether every measured word is a run of a-z (then a clause without such a run names none).
_LATIN_MEASURES = all(_LATIN_RUN.fullmatch(word) for word in MEASURES)
#: Any measured word, anywhere in a lower-cased text (a trie of the words, compiled once).
_MEASURE_TEXT = re.compile(lexicons.trie_pattern(MEASURES))
_OFFSET = operator.itemgetter(0)  # a token's offset


@dataclass(frozen=True, slots=True)
class Window:
    """The part of a claim's sentence that speaks about it, claims and asides blanked out."""

    text: str  # same length as the sentence; blanked parts are spaces
    start: int
    end: int
    claim_start: int
    claim_end: int

    @property
    def after(self) -> str:
        return self.text[self.claim_end : self.end]


def _blank(s: str, a: int, b: int) -> str:
    return s[:a] + " " * (b - a) + s[b:]


#: A text's words with their offsets.
Tokens = list[tuple[int, str]]


class _Words:
    """One clause's words, read once for the claims it holds (each claim blanked, so the clause
    reads the same for all of them): its words, the measured ones among them, its names; each
    read on first use."""

    __slots__ = ("_measures", "_tokens", "maybe_measured", "names", "text")

    def __init__(self, text: str) -> None:
        self.text = text  # the clause, claims and asides blanked
        self._tokens: Tokens | None = None
        self._measures: list[tuple[int, str]] | None = None
        self.names: frozenset[str] | None = None  # ``entities`` of the clause
        #: False when no word of the clause can name a measured thing: when those words are all
        #: runs of a-z, a word of the clause lower-casing to one is a whole run of a-z in the
        #: lower-cased clause (one set test, no words split)
        self.maybe_measured = not _LATIN_MEASURES or not MEASURES.keys().isdisjoint(
            _LATIN_RUN.findall(text.lower())
        )

    def tokens(self) -> Tokens:
        if self._tokens is None:
            self._tokens = _tokens(self.text)
        return self._tokens

    def measures(self) -> list[tuple[int, str]]:
        if self._measures is None:
            self._measures = _measures(self.tokens()) if self.maybe_measured else []
        return self._measures


class _Sentence(NamedTuple):
    """One sentence read once for all its claims; spans and offsets relative to its start."""

    text: str
    parens: tuple[tuple[int, int], ...]  # spans of "(...)" asides
    claims: tuple[tuple[int, int], ...]  # spans of the claims starting in the sentence
    blank: str  # the text with every aside and every claim blanked
    cuts: tuple[int, ...]  # clause breaks, none in an aside, a claim or across a claim's edge
    reach: tuple[int, ...]  # running maximum of the ends of ``claims``
    parens_reach: tuple[int, ...]  # running maximum of the ends of ``parens``
    #: (start, end) of a clause of ``blank`` -> its words; filled as claims ask, so the claims of
    #: one clause share its reading and the clauses no claim asks for are never split into words
    clause_words: dict[tuple[int, int], _Words]


def _fill(s: str, spans: Iterable[tuple[int, int]], ch: str) -> str:
    """``s`` with every span replaced by ``ch`` (spans within ``s``, in any order, may overlap)."""
    pieces: list[str] = []
    at = 0
    for a, b in sorted(spans):
        if b <= at:
            continue
        a = max(a, at)
        pieces.append(s[at:a])
        pieces.append(ch * (b - a))
        at = b
    pieces.append(s[at:])
    return "".join(pieces)


def _cuts(
    text: str,
    asides: Sequence[tuple[int, int]],
    claims: Sequence[tuple[int, int]],
    blanked: str | None = None,
) -> list[int]:
    """Clause breaks of ``text`` once ``asides`` are blanked, never inside or across a claim.

    ``blanked`` is ``text`` with the asides and the claims already blanked, when the caller has it.
    """
    if _BREAK_CHARS.isdisjoint(text):
        return []
    if blanked is not None:
        marked = blanked  # its blanked claims are marked again below: the asides stay blank
    else:
        marked = _fill(text, asides, " ") if asides else text
    if claims:  # a dash or colon touching a figure ("from -3 percent") is its sign, not a break
        marked = _fill(marked, claims, "#")
    return [m.start() for m in _CLAUSE_BREAK.finditer(marked)]


def _read(text: str, spans: tuple[tuple[int, int], ...]) -> _Sentence:
    n = len(text)
    parens = tuple(m.span() for m in _PARENS.finditer(text)) if "(" in text else ()
    inside = [(a, b) for a, b in spans if 0 <= a < b <= n]
    blank = _fill(text, [*parens, *inside], " ") if parens or inside else text
    claims = tuple(sorted(spans))
    return _Sentence(
        text,
        parens,
        claims,
        blank,
        tuple(_cuts(text, parens, inside, blank)),
        _running_max(claims),
        _running_max(parens) if parens else (),
        {},
    )


class _Sentences(NamedTuple):
    """An article's sentences, each read on first use (a sentence no claim asks about is not read)."""

    spans: dict[int, list[tuple[int, int]]]  # sentence_start -> its claims' spans, relative to it
    keys: frozenset[tuple[int, int]]  # (sentence_start, sentence_end) of the article's claims
    read: dict[tuple[int, int], _Sentence]
    #: (sentence_start, sentence_end) -> whether the sentence's text holds a measured word at all
    measures: dict[tuple[int, int], bool]


@per_article(transient=True)
def _sentences(article: Article) -> _Sentences:
    """The article's claim spans by sentence, and a place for each sentence read once."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for c in article.claims:
        spans.setdefault(c.sentence_start, []).append((c.start - c.sentence_start, c.end - c.sentence_start))
    return _Sentences(spans, frozenset((c.sentence_start, c.sentence_end) for c in article.claims), {}, {})


def _sentence_measures(article: Article, claim: Claim) -> bool:
    """False when the claim's sentence holds no measured word, not even inside a longer word.

    Every clause of the sentence is its text with parts blanked, which never makes new letters
    meet, so then no clause of it names a measured thing. Read once per sentence.
    """
    if not _LATIN_MEASURES:
        return True
    key = (claim.sentence_start, claim.sentence_end)
    table = _sentences(article).measures
    found = table.get(key)
    if found is None:
        found = table[key] = _MEASURE_TEXT.search(article.sentence(claim).lower()) is not None
    return found


def _sentence(article: Article, claim: Claim) -> _Sentence:
    """The claim's sentence read once for all its claims (spans relative to its start)."""
    found = _sentences(article)
    key = (claim.sentence_start, claim.sentence_end)
    sent = found.read.get(key)
    if sent is not None:
        return sent
    if key in found.keys:
        sent = found.read[key] = _read(article.sentence(claim), tuple(found.spans[claim.sentence_start]))
        return sent
    # a claim from elsewhere: read its sentence against this article's claims
    spans = tuple(
        (c.start - claim.sentence_start, c.end - claim.sentence_start)
        for c in article.claims
        if c.sentence_start == claim.sentence_start
    )
    return _read(article.sentence(claim), spans)


@dataclass(frozen=True, slots=True)
class _Clause:
    """A claim's window together with its words, which ``clause_words`` hands out."""

    window: Window
    own: Tokens | None  # the words of a claim read on its own (``_odd_window``)
    shared: _Words | None = None  # the clause's reading, when the claim reads it with the others

    @property
    def words(self) -> Tokens:
        return self.shared.tokens() if self.shared is not None else self.own  # type: ignore[return-value]


def _alone(sent: _Sentence, cs: int, ce: int) -> bool:
    """True when the sentence's shared reading serves this claim: it lies in the sentence, in no
    aside, and no other claim holds it (so blanking everything but the claim blanks the same)."""
    if not 0 <= cs < ce <= len(sent.text):
        return False
    if _holders(sent.parens, sent.parens_reach, cs, ce):
        return False
    return _holders(sent.claims, sent.reach, cs, ce) == 1


def _holders(spans: tuple[tuple[int, int], ...], reach: tuple[int, ...], cs: int, ce: int) -> int:
    """How many of ``spans`` contain [cs, ce), counting to 2 at most.

    Bounded per claim (issue 12, defect 1: one 150 KB sentence made a full scan per claim
    quadratic): spans come sorted by start from ``_read``; only spans starting at or before ``cs``
    can hold it, and the scan back stops once no earlier span reaches ``ce``.
    """
    i = bisect.bisect_right(spans, (cs, 1 << 62)) - 1
    n = 0
    while i >= 0 and reach[i] >= ce:
        if spans[i][1] >= ce:
            n += 1
            if n == 2:
                break
        i -= 1
    return n


def _running_max(spans: Sequence[tuple[int, int]]) -> tuple[int, ...]:
    """Running maximum of the span ends."""
    out, top = [], -1
    for _, b in spans:
        top = max(top, b)
        out.append(top)
    return tuple(out)


@per_claim(transient=True)
def _clause(article: Article, claim: Claim) -> _Clause:
    sent = _sentence(article, claim)
    cs = claim.start - claim.sentence_start
    ce = claim.end - claim.sentence_start
    if _alone(sent, cs, ce):
        w = _bounds(sent.blank, sent.cuts, 0, len(sent.text), cs, ce)
        # a clause starts after a comma or a break and ends at one (or at the sentence's edges),
        # so no word runs across its edges: its words are the sentence's words within it
        key = (w.start, w.end)
        shared = sent.clause_words.get(key)
        if shared is None:
            shared = sent.clause_words[key] = _Words(sent.blank[w.start : w.end])
        return _Clause(w, None, shared)
    w = _odd_window(sent, cs, ce)
    return _Clause(w, _tokens(w.text[w.start : w.end]))


def _odd_window(sent: _Sentence, cs: int, ce: int) -> Window:
    """The window of a claim inside an aside, inside another claim or outside its sentence."""
    sentence = sent.text
    n = len(sentence)
    asides: list[tuple[int, int]] = []
    others: list[tuple[int, int]] = []
    inside = None
    for a, b in sent.parens:
        if a <= cs and ce <= b:
            inside = inside or (a, b)
        else:
            asides.append((a, b))
    # the claim itself (and any span holding it) stays: only spans not holding it are blanked
    for a, b in sent.claims:
        if 0 <= a < b <= n and not (a <= cs and ce <= b):
            others.append((a, b))
    masked = _fill(sentence, [*asides, *others], " ") if asides or others else sentence
    lo, hi = (inside[0] + 1, inside[1] - 1) if inside else (0, n)
    cuts = [at for at in _cuts(sentence, asides, [*others, (cs, ce)]) if lo <= at < hi]
    return _bounds(_blank(masked, cs, ce), cuts, lo, hi, cs, ce)


def _bounds(body: str, cuts: Sequence[int], lo: int, hi: int, cs: int, ce: int) -> Window:
    """The clause around [cs, ce) between the breaks ``cuts``, cut at the commas around the claim
    (a "which" clause keeps its head); ``body`` has the claim and all it does not speak of blanked."""
    c_lo, c_hi = lo, hi
    for at in cuts:
        if at < cs:
            c_lo = at + 1
        elif at >= ce:
            c_hi = at
            break
    last = body.rfind(",", c_lo, min(cs, c_hi)) if cs > c_lo else -1
    s_lo = last + 1 if last >= 0 else c_lo
    first = body.find(",", max(ce, c_lo), c_hi)
    s_hi = first if first >= 0 else c_hi
    if last >= 0 and body[s_lo:cs].lstrip().lower().startswith(_RELATIVE):
        second = body.rfind(",", c_lo, last)
        s_lo = second + 1 if second >= 0 else c_lo
    return Window(body, s_lo, s_hi, cs, ce)


def window(article: Article, claim: Claim) -> Window:
    """The clause holding the claim, cut at the commas around it (a "which" clause keeps its head)."""
    return _clause(article, claim).window


def _tokens(text: str) -> Tokens:
    """(offset, word) for each word of ``text``, possessives cut ("Peru's" -> Peru)."""
    found = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    if "'" in text or "\u2019" in text:
        found = [(pos, word[:-2] if word[-2:] in _POSSESSIVE else word) for pos, word in found]
    return found


@functools.lru_cache(maxsize=4096)
def _written_as(article_text: str, word: str) -> bool:
    """True when ``word`` occurs as a whole word, exactly so, in the article."""
    return re.search(rf"\b{re.escape(word)}\b", article_text) is not None


def entities(w: Window, article_text: str = "", tokens: Tokens | None = None) -> frozenset[str]:
    """Places (demonyms folded: Chinese -> China) and other names in the window.

    A capitalised word opening the sentence ("Military spending...") is a name only when the
    article never writes it in lower case. ``tokens`` are the window's words when the caller
    already has them.
    """
    text = w.text[w.start : w.end]
    opener = len(w.text) - len(w.text.lstrip(" \"'\u201c\u2018(#*"))
    found: set[str] = set()
    low = text.lower()
    for phrase, name in PLACE_PHRASES.items():
        if phrase in low:
            found.add(name)
            text = re.sub(re.escape(phrase), " " * len(phrase), text, flags=re.IGNORECASE)
            tokens = None  # the phrase's words are gone
    for pos, word in _tokens(text) if tokens is None else tokens:
        key = word.lower()
        if key in PLACES:
            if word[0].isupper() or key not in ("us", "poor"):
                if key == "us" and word != "US":
                    continue  # "us" the pronoun
                found.add(PLACES[key])
        elif (
            word[0].isupper()
            and key not in NOT_NAMES
            and key not in MEASURES
            and not (w.start + pos == opener and _written_as(article_text, key))
        ):
            found.add(word)
    return frozenset(found)


def years(w: Window) -> tuple[str, ...]:
    text = w.text[w.start : w.end]
    if "19" not in text and "20" not in text:
        return ()
    return tuple(sorted(set(_YEAR.findall(text))))


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def word_lemma(word: str | None) -> str | None:
    """A word's measured lemma, else its singular: "killings" -> death, "schools" -> school."""
    if not word:
        return None
    low = word.lower()
    return MEASURES.get(low) or _singular(low)


def _words_after(w: Window, tokens: Tokens | None) -> Tokens:
    """The words after the claim (offsets from the window's start when taken from ``tokens``, the
    window's words, when those are given; else from the claim's end)."""
    if tokens is not None and w.start <= w.claim_start < w.claim_end <= w.end:
        # the claim is blanked, so no word of the window runs across its end; the words come in
        # text order, so the first one after it is found by bisection
        return tokens[bisect.bisect_left(tokens, w.claim_end - w.start, key=_OFFSET) :]
    return _tokens(w.after)


def counted_noun(w: Window, tokens: Tokens | None = None) -> str | None:
    """The noun a count counts: "36 presidential candidates" -> candidates.

    ``tokens`` are the window's words when the caller already has them.
    """
    words: list[str] = []
    after = w.after
    for _, word in _words_after(w, tokens):
        low = word.lower()
        if low in MEASURES:
            return low
        if low in NOT_NAMES or low in _AUX or not word.islower() or low.endswith("ing"):
            break
        words.append(low)
        if len(words) == 3:
            break
    if not words:
        return None
    # stop at the first punctuation: only words right after the figure count
    head = after.split(",")[0].split(".")[0].lower()
    words = [x for x in words if x in head]
    return words[-1] if words else None


#: ``_measured``'s default: the counted noun is not read yet.
_UNREAD = object()


def measured(
    w: Window, claim: Claim, tokens: Tokens | None = None, *, counted: str | None | object = _UNREAD
) -> str | None:
    """The lemma of what the figure measures, or None when the clause does not say.

    ``tokens`` are the window's words and ``counted`` the count's ``counted_noun`` when the caller
    already has them.
    """
    return _measured(w, claim, tokens, None, counted)


def _measures(tokens: Tokens) -> list[tuple[int, str]]:
    """(offset, lemma) of the words naming a measured thing."""
    found = []
    for pos, word in tokens:
        lemma = MEASURES.get(word.lower())
        if lemma is not None:
            found.append((pos, lemma))
    return found


def _measured(
    w: Window,
    claim: Claim,
    tokens: Tokens | None,
    hits: list[tuple[int, str]] | None,
    counted: str | None | object = _UNREAD,
) -> str | None:
    """``measured``, with the window's measured words (``hits``) when the caller has them, and
    the count's ``counted_noun`` when the caller has read it."""
    if claim.kind is not Kind.COUNT:
        noun = None
    elif counted is _UNREAD:
        noun = counted_noun(w, tokens)
    else:
        noun = counted  # type: ignore[assignment]
    if noun is not None:
        if noun in MEASURES:
            return MEASURES[noun]
        if noun not in GENERIC_NOUNS and noun not in PLACES:
            return _singular(noun)
    if hits is None:
        hits = _measures(_tokens(w.text[w.start : w.end]) if tokens is None else tokens)
    best: tuple[int, str] | None = None
    for pos, lemma in hits:
        at = w.start + pos
        distance = w.claim_start - at if at < w.claim_start else at - w.claim_end
        if best is None or distance < best[0]:
            best = (distance, lemma)
    if best is not None:
        return best[1]
    return _singular(noun) if noun else None


def clause_words(article: Article, claim: Claim) -> Tokens:
    """The words of the claim's clause (``window``), offsets from the clause's start.

    The list is shared by the claims of one clause: read it, do not change it.
    """
    return _clause(article, claim).words


def subject(article: Article, claim: Claim) -> tuple[str, frozenset[str], tuple[str, ...]] | None:
    """(measured lemma, names, years) of a claim, or None when its clause names no thing or no name."""
    if claim.kind is not Kind.COUNT and not _sentence_measures(article, claim):
        return None  # no counted noun, no measured word: ``measured`` is None, the clause unread
    clause = _clause(article, claim)
    w, shared = clause.window, clause.shared
    if shared is None:
        tokens = clause.words
        lemma = measured(w, claim, tokens)
    elif claim.kind is not Kind.COUNT and not shared.maybe_measured:
        return None  # no counted noun, no measured word: ``measured`` is None without the words
    else:
        tokens = shared.tokens()
        lemma = _measured(w, claim, tokens, shared.measures())
    if lemma is None:
        return None
    if shared is None:
        names = entities(w, article.text, tokens)
    else:
        if shared.names is None:  # the same for every claim of the clause (all of them blanked)
            shared.names = entities(w, article.text, tokens)
        names = shared.names
    if not names:
        return None
    return lemma, names, years(w)


def between(article: Article, first: Claim, second: Claim) -> str:
    """The text between two claims of one article (empty when they overlap or are reversed)."""
    if second.start < first.end:
        return ""
    return article.text[first.end : second.start]


def before(article: Article, claim: Claim, chars: int = 60) -> str:
    """The sentence text just before a claim."""
    return article.text[max(claim.sentence_start, claim.start - chars) : claim.start]


def after(article: Article, claim: Claim, chars: int = 60) -> str:
    """The sentence text just after a claim."""
    return article.text[claim.end : min(claim.sentence_end, claim.end + chars)]


def words_of(text: str) -> list[str]:
    """Lower-case words of a text (hyphenated words kept whole)."""
    return _LOWER_WORD.findall(text.lower())
