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
SAMPLE_CHARS = 1000  # a news article keeps its language: the first 1000 characters tell it

# Figures, symbols and punctuation carry no language and are shared by all: "$3.4bn (€3.1bn)".
_NOT_WORDS = regex.compile(r"[\p{N}\p{S}\p{P}\s]+")
_WORD = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class Detection:
    language: str  # the most likely candidate language (ISO 639-1)
    confidence: float  # its probability among the candidates
    supported: float  # the probability left for the supported languages together
    words: int  # words in the sample


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    # Keep only the candidates' columns: the full 97-language table is 28 MB a process.
    identifier._full_model = identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes
    return identifier


def detect(text: str) -> Detection:
    """The language of ``text`` from its first ``SAMPLE_CHARS`` characters of words."""
    sample = _NOT_WORDS.sub(" ", text[: SAMPLE_CHARS * 2])[:SAMPLE_CHARS].strip()
    words = len(_WORD.findall(sample))
    if not words:
        return Detection(SUPPORTED[0], 0.0, 0.0, 0)
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
