"""Consistency checks over stored claims: independent rules, one module each, and their report.

``keys_for(article)`` names the groups an article's claims fall in; ``run_checks(articles,
keys=None)`` returns the findings of those groups (all groups when keys is None). Each Finding
carries its group ``key``, so a store can recompute incrementally: for a new article it takes
K = keys_for(article), loads the articles sharing a key in K, calls run_checks(them, keys=K) and
replaces the stored findings whose key is in K. Within-article rules use the key
``article:<id>``; ``conflicting_figures`` groups by subject and ``implied_fx_rate`` by currency
pair, so those two compare articles with each other.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from claims_api.consistency import corpus
from claims_api.consistency.base import Check, sort_key
from claims_api.consistency.change_direction import ChangeDirection
from claims_api.consistency.conflicting_figures import ConflictingFigures
from claims_api.consistency.implied_fx_rate import ImpliedFxRate
from claims_api.consistency.memo import no_cyclic_gc, scope, transient
from claims_api.consistency.parts_exceed_total import PartsExceedTotal
from claims_api.consistency.percent_change import PercentChange
from claims_api.consistency.rate_vs_total import RateVsTotal
from claims_api.consistency.restatement import Restatement
from claims_api.consistency.shares_sum import SharesSum
from claims_api.consistency.unit_conversion import UnitConversion
from claims_api.model import Article, Finding
from claims_api.relations import relate, subjects

#: Every rule, one line each; a finding's ``rule`` is the check's ``name``.
CHECKS: tuple[Check, ...] = (
    ConflictingFigures(),
    ImpliedFxRate(),
    RateVsTotal(),
    SharesSum(),
    ChangeDirection(),
    PartsExceedTotal(),
    PercentChange(),
    Restatement(),
    UnitConversion(),
)

RULES = tuple(c.name for c in CHECKS)

#: The version of the rules that made a finding (stored with each one); bump it whenever a rule
#: changes what it finds, and ``claims-api db upgrade`` recomputes the stored findings.
RULES_VERSION = "2026.12.4"

__all__ = [
    "CHECKS",
    "RULES",
    "RULES_VERSION",
    "article_findings",
    "check_article",
    "corpus_rows",
    "keys_for",
    "report",
    "run_checks",
    "store_analysis",
]


def check_article(article: Article) -> list[Finding]:
    """Every within-article finding of ``article`` (group key ``article:<id>``), sorted.

    The entry point storage calls when an article is stored, outside any write transaction.
    """
    from claims_api.consistency.base import article_key

    return run_checks([article], keys={article_key(article)})


def corpus_rows(article: Article) -> corpus.CorpusRows:
    """The compact rows the cross-article judges read (``corpus.rows``); what storage keeps."""
    return corpus.rows(article)


def article_findings(article: Article) -> list[Finding]:
    """implied_fx_rate's per-conversion findings that need no other article (``corpus``)."""
    return corpus.article_findings(article)


def store_analysis(article: Article) -> tuple[list[Finding], corpus.CorpusRows]:
    """What storage keeps of one article, from one relation pass: its own findings
    (``check_article`` and ``article_findings``) and its corpus rows (``corpus_rows``)."""
    with scope():  # the three share one relate() and one reading of each sentence
        return check_article(article) + article_findings(article), corpus_rows(article)


def report(articles: Sequence[Article]) -> list[Finding]:
    """The whole report over ``articles``: within-article and cross-article findings, sorted.

    The same findings a store holds for the same articles: per article ``check_article`` and
    ``article_findings``, then the judges of ``corpus`` over every article's rows.
    """
    found: list[Finding] = []
    all_rows = []
    for article in articles:
        own, rows = store_analysis(article)
        found += own
        all_rows.append(rows)
    found += corpus.cross_findings(articles, all_rows)
    found.sort(key=sort_key)
    return found


def keys_for(article: Article) -> set[str]:
    """Every group key under which ``run_checks`` may report a finding involving ``article``."""
    keys: set[str] = set()
    with scope():
        for check in CHECKS:
            keys |= check.keys(article)
    return keys


def run_checks(articles: Sequence[Article], *, keys: Collection[str] | None = None) -> list[Finding]:
    """The findings of all rules over ``articles``, limited to groups in ``keys`` when given; sorted."""
    wanted = None if keys is None else frozenset(keys)
    findings: list[Finding] = []
    with no_cyclic_gc(), scope():  # rules share each claim's analysis (clause, subject, conversions)
        if len(articles) > 1:
            for article in articles:  # one article's readings held at a time, not every article's
                with transient():
                    relate(article)
                    subjects(article)
        for check in CHECKS:
            findings.extend(check.run(articles, wanted))
    findings.sort(key=sort_key)
    return findings
