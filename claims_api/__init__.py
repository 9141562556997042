"""claims_api: numeric claims in news articles, normalized, served and cross-checked.

The core (``extract``, ``run_checks``) imports no Flask and no database; ``create_app`` does.
"""

from claims_api.extract import extract as extract
from claims_api.model import Article as Article
from claims_api.model import Claim as Claim
from claims_api.model import Finding as Finding
from claims_api.model import Kind as Kind
from claims_api.model import Qualifier as Qualifier

__all__ = ["extract", "create_app", "run_checks", "Article", "Claim", "Finding", "Kind", "Qualifier"]


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # Lazy so that ``import claims_api`` stays free of Flask and SQLAlchemy.
    if name == "create_app":
        from claims_api.api import create_app

        return create_app
    if name == "run_checks":
        from claims_api.consistency import run_checks

        return run_checks
    raise AttributeError(name)
