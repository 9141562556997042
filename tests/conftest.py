"""Shared fixtures: a store, an app and a client on SQLite (a temporary file) and on PostgreSQL.

``backend`` is parametrized, so every test that uses ``store``, ``app`` or ``client`` runs on
both. PostgreSQL is at ``CLAIMS_TEST_POSTGRES_URL`` (default
``postgresql+psycopg://postgres@127.0.0.1:5432/test``); each test gets a fresh schema there, and
the PostgreSQL cases are skipped when the server cannot be reached. ``client`` checks every
response it receives against ``openapi.yaml``.
"""

from __future__ import annotations

import io
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from werkzeug.wrappers import Request

from claims_api.model import Article, Claim, Finding, Kind, Qualifier

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


# -- PostgreSQL --------------------------------------------------------------------------------


def _pg_reachable(url: str) -> str | None:
    try:
        engine = sa.create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure means "no PostgreSQL here"
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return None


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The PostgreSQL server URL, or skip."""
    url = os.environ.get("CLAIMS_TEST_POSTGRES_URL", PG_DEFAULT)
    problem = _pg_reachable(url)
    if problem:
        pytest.skip(f"PostgreSQL not reachable at {url}: {problem}")
    return url


def _with_schema(url: str, schema: str) -> str:
    u = sa.engine.make_url(url)
    return u.set(query={**u.query, "options": f"-csearch_path={schema}"}).render_as_string(
        hide_password=False
    )


@pytest.fixture
def pg_schema_url(pg_url: str) -> Iterator[str]:
    """A URL whose search_path is a fresh, empty schema, dropped after the test."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_url)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _with_schema(pg_url, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


# -- stores and apps ---------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'claims.db'}"
    return str(request.getfixturevalue("pg_schema_url"))


@pytest.fixture
def consistency() -> Any:
    """The consistency module the store uses; tests override this fixture to inject fakes."""
    return None


@pytest.fixture
def store(db_url: str, consistency: Any) -> Iterator[Any]:
    from claims_api.storage import open_store

    s = open_store(db_url, consistency=consistency)
    s.upgrade()
    yield s
    s.close()


@pytest.fixture
def app_config() -> dict[str, Any]:
    return {}


@pytest.fixture
def app(store: Any, db_url: str, app_config: dict[str, Any]) -> Any:
    from claims_api.api import create_app

    app = create_app({"DATABASE_URL": db_url, "TESTING": True, **app_config}, store=store)
    return app


# -- OpenAPI-checked client --------------------------------------------------------------------


@pytest.fixture(scope="session")
def openapi() -> Any:
    import json

    from openapi_core import Config, OpenAPI

    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    return OpenAPI.from_file_path(str(ROOT / "openapi.yaml"), config=config)


def check_response(openapi: Any, response: Any) -> None:
    """Validate a werkzeug test response against the contract (unknown routes excepted)."""
    from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
    from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
    from openapi_core.templating.responses.exceptions import ResponseNotFound

    if response.request.path.startswith("/docs/"):
        return  # Swagger UI's static files
    if response.mimetype == "application/yaml":
        return  # the contract itself
    # A request without its (already consumed) body: only the response is validated here.
    environ = {**response.request.environ, "wsgi.input": io.BytesIO(b""), "CONTENT_LENGTH": "0"}
    request = WerkzeugOpenAPIRequest(Request(environ))
    try:
        openapi.validate_response(request, WerkzeugOpenAPIResponse(response))
    except (PathNotFound, OperationNotFound, ResponseNotFound):
        # Routes and methods outside the contract (GET /v1/articles/batch matches a template).
        assert response.status_code in (404, 405), response.status_code
        assert response.mimetype == "application/problem+json"


@pytest.fixture
def client(app: Any, openapi: Any) -> Any:
    from flask.testing import FlaskClient

    class CheckedClient(FlaskClient):
        def open(self, *args: Any, **kwargs: Any) -> Any:
            response = super().open(*args, **kwargs)
            check_response(openapi, response)
            return response

    app.test_client_class = CheckedClient
    return app.test_client()


# -- deterministic stand-ins for the extractor and the checks ----------------------------------
# So API and storage tests do not depend on how far those are along; shapes follow GUIDELINE.md.

_FIGURE = re.compile(
    r"(?P<usd>\$)?(?P<a>\d[\d,]*(?:\.\d+)?)(?:-(?P<b>\d[\d,]*(?:\.\d+)?))?"
    r"(?P<scale> billion| million)?(?P<pct> percent)?(?:\s+(?P<noun>[A-Za-z]+))?"
)
_SCALE = {" billion": 1e9, " million": 1e6, None: 1.0}


def _sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"[.!?](?:\s+|$)", text):
        out.append((start, m.start() + 1))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def fake_extract(
    text: str, *, published: object = None, max_claims: int | None = None, language: str | None = None
) -> list[Claim]:
    """Numbers, $ amounts and percents; ``language`` is accepted like the real extractor's and, as
    there, names the language so no detection runs (the fake reads every text)."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    if max_claims is not None and len(_FIGURE.findall(text)) > max_claims:
        from claims_api.errors import TooManyClaims

        raise TooManyClaims(f"the text holds more than {max_claims} figures")
    claims = []
    spans = _sentences(text)
    for m in _FIGURE.finditer(text):
        end = (
            m.end("pct")
            if m.group("pct")
            else m.end("scale")
            if m.group("scale")
            else m.end("b")
            if m.group("b")
            else m.end("a")
        )
        scale = _SCALE[m.group("scale")]
        a = float(m.group("a").replace(",", "").rstrip(".") or 0) * scale
        b = float(m.group("b").replace(",", "")) * scale if m.group("b") else None
        kind = Kind.MONEY if m.group("usd") else Kind.PERCENT if m.group("pct") else Kind.COUNT
        unit = "USD" if kind is Kind.MONEY else "percent" if kind is Kind.PERCENT else None
        s0, s1 = next(((s, e) for s, e in spans if s <= m.start() < e), (0, len(text)))
        value, low, high = (None, a, b) if b is not None else (a, None, None)
        usd = value if kind is Kind.MONEY else None
        claims.append(
            Claim(
                start=m.start(),
                end=end,
                text=text[m.start() : end],
                kind=kind,
                value=value,
                low=low,
                high=high,
                unit=unit,
                qualifier=Qualifier.EXACT,
                what=(m.group("noun") or "").lower(),
                sentence_start=s0,
                sentence_end=s1,
                rule="fake.figure",
                published=str(published) if published else None,
                usd=usd,
                usd_low=low if kind is Kind.MONEY and b is not None else None,
                usd_high=high if kind is Kind.MONEY and b is not None else None,
            )
        )
    return claims


def fake_key(what: str) -> str:
    """The subject key FakeChecks gives count claims of ``what``."""
    return f"conflicting_figures:count|count|{what}||"


class FakeChecks:
    """Count claims of one noun form one subject group (judged by the real cross-article judge);
    no within-article findings."""

    RULES_VERSION = "fake-1"

    def check_article(self, article: Article) -> list[Finding]:
        return []

    def corpus_rows(self, article: Article) -> Any:
        from claims_api.consistency.corpus import CorpusRows, FigureRow

        return CorpusRows(
            figures=tuple(
                FigureRow(
                    article_id=article.id,
                    position=i,
                    key=fake_key(c.what),
                    kind=c.kind.value,
                    unit=c.unit,
                    lo=c.value,
                    hi=c.value,
                    date=article.published,
                    text=c.text,
                    shown=str(c.value),
                    value=c.value,
                )
                for i, c in enumerate(article.claims)
                if c.kind is Kind.COUNT and c.what and c.value is not None
            )
        )


@pytest.fixture
def fake_checks() -> FakeChecks:
    return FakeChecks()


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Route the API's extraction through ``fake_extract`` (numbers, $ amounts, percents)."""
    import claims_api.analysis as analysis
    import claims_api.api.routes.extract as extract

    monkeypatch.setattr(analysis, "extract", fake_extract)  # what storing an article extracts with
    monkeypatch.setattr(extract, "run_extract", fake_extract)
    return fake_extract
