"""Which language an article is in, and a refusal when it is one the extractor does not read.

The rules read English: "12,5 millones" or "3,5%" read with them give wrong figures (12, 3), so
such a text is refused, never answered. py3langid (a naive Bayes model over byte n-grams, no
network, loaded once on first use) scores the candidate languages of ``lexicons/languages.yaml``
on a sample of the text with figures and symbols removed. A text is refused only when the detector
is confident: its best language is not a supported one, with probability at least
``REFUSE_CONFIDENCE``, and every supported language is left at most ``SUPPORTED_CEILING``. Texts
of fewer than ``MIN_WORDS`` words (a currency name, a line of figures: "42 malaysian ringgits")
are never refused.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from claims_api.errors import UnsupportedLanguage
from claims_api.lexicons import load

_LANG = load("languages")
SUPPORTED: tuple[str, ...] = tuple(_LANG["supported"])
CANDIDATES: tuple[str, ...] = tuple(dict.fromkeys([*SUPPORTED, *_LANG["candidates"]]))
REFUSE_CONFIDENCE = 0.7
SUPPORTED_CEILING = 0.05
MIN_WORDS = 4
# A news article keeps its language: its first words tell it. The detector walks the sample byte
# by byte in Python, so the sample is short: 400 characters cost about a tenth of extracting a
# 12,000-character article, and give English articles a probability of 1.0.
SAMPLE_CHARS = 400

# Obvious cases skip the detector: a sample of 20 words or more in which the supported language's
# function words are 15% or more, its first word ("the") at least twice.
_FUNCTION_WORDS = {code: frozenset(_LANG["function_words"][code]) for code in SUPPORTED}
_FAST_MARK = {code: str(_LANG["function_words"][code][0]) for code in SUPPORTED}
_FAST_MIN_WORDS = 20
_FAST_SHARE = 0.15

_WORD = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class Detection:
    language: str  # the most likely candidate language (ISO 639-1)
    confidence: float  # its probability among the candidates
    supported: float  # the probability left for the supported languages together
    words: int  # words in the sample


@functools.cache
def _identifier() -> Any:
    import numpy
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    # Keep only the candidates' columns (the full 97-language table is 28 MB), as one
    # contiguous float32 block: numpy has no fast float16 product, and a column slice gathers slowly.
    identifier.nb_ptc = numpy.ascontiguousarray(identifier.nb_ptc, dtype=numpy.float32)
    identifier._full_model = identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes
    return identifier


def warm() -> None:
    """Load the detector now (a few hundred milliseconds) rather than on the first short text:
    a server calls it as a worker starts, so no request pays for it against its deadline."""
    _identifier()


def detect(text: str) -> Detection:
    """The language of ``text`` from its first ``SAMPLE_CHARS`` characters of words."""
    # Figures, symbols and punctuation carry no language and are shared by all: "$3.4bn (€3.1bn)".
    found = _WORD.findall(text, 0, SAMPLE_CHARS * 2)
    sample = " ".join(found)[:SAMPLE_CHARS]
    words = len(found)
    if not words:
        return Detection(SUPPORTED[0], 0.0, 0.0, 0)
    if words >= _FAST_MIN_WORDS:
        lowered = [w.lower() for w in found]
        for code, function_words in _FUNCTION_WORDS.items():
            share = sum(w in function_words for w in lowered) / words
            if share >= _FAST_SHARE and lowered.count(_FAST_MARK[code]) >= 2:
                return Detection(code, 1.0, 1.0, words)
    ranked = _identifier().rank(sample)  # read-only after loading: safe across threads
    probs = dict(ranked)
    best, confidence = ranked[0]
    return Detection(best, confidence, sum(probs.get(code, 0.0) for code in SUPPORTED), words)


def refuses(d: Detection) -> bool:
    """Whether a detection is confident enough that the text is in an unsupported language."""
    return (
        d.words >= MIN_WORDS
        and d.language not in SUPPORTED
        and d.confidence >= REFUSE_CONFIDENCE
        and d.supported <= SUPPORTED_CEILING
    )


def check(text: str, language: str | None = None) -> None:
    """Raise UnsupportedLanguage unless the extractor reads ``text``.

    ``language`` (ISO 639-1) given by the caller overrides detection: a supported one skips it,
    any other is refused."""
    if language is not None:
        code = language.strip().lower()
        if code not in SUPPORTED:
            raise UnsupportedLanguage(code, None, list(SUPPORTED), given=True)
        return
    d = detect(text)
    if refuses(d):
        raise UnsupportedLanguage(d.language, d.confidence, list(SUPPORTED))
