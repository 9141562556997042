"""Marshmallow schemas for every request body, query string and response (mirrors openapi.yaml).

Input schemas reject unknown fields and wrong types; output schemas mirror ``model.py``.
Nothing here touches the database (the sort names are the store's ``CLAIM_SORTS``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate

from claims_api.model import Kind, Qualifier, Severity, Status
from claims_api.relations.model import Direction, RelationKind, Role
from claims_api.storage.types import CLAIM_SORTS

# The same patterns are in openapi.yaml, so generated examples and the server agree.
NO_NUL = re.compile(r"^[^\x00]*$")
# Blank means ASCII whitespace only: \s differs between Python and ECMA regexes (U+0085, U+FEFF).
HAS_TEXT = re.compile(r"[^\t\n\v\f\r ]")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
MAX_ID = 2**31 - 1
# Numbers in query strings are ASCII: int() and float() also read "١٢" (Arabic-Indic digits).
ASCII_INT = re.compile(r"^[+-]?[0-9]+$")
ASCII_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")
# A page cursor: the last id seen, then the last sort key when the sort is not by id.
CURSOR = re.compile(r"^(?P<id>[0-9]{1,10})(?:_(?P<key>[0-9A-Za-z.+~-]{1,40}))?$")


class AsciiInteger(fields.Integer):
    """An integer written in ASCII digits (a JSON number, or a query string's text)."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, str) and not ASCII_INT.match(value):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class AsciiFloat(fields.Float):
    """A decimal number written in ASCII (no "NaN", "inf", "1_000" or "١٢")."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, str) and not ASCII_NUMBER.match(value):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


def _date(value: str) -> None:
    if not ISO_DATE.match(value):
        raise ValidationError("Not a valid date; use YYYY-MM-DD.")
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError("Not a valid date; use YYYY-MM-DD.") from exc


def _no_nul(value: str) -> None:
    if "\x00" in value:
        raise ValidationError("Must not contain NUL characters.")


def _not_blank(value: str) -> None:
    if not HAS_TEXT.search(value):
        raise ValidationError("Must not be empty.")


def _opt_str(max_len: int) -> fields.String:
    return fields.String(allow_none=True, load_default=None, validate=[validate.Length(max=max_len), _no_nul])


def DateField(**kw: Any) -> fields.String:  # noqa: N802 - reads like a field class
    return fields.String(allow_none=True, load_default=None, validate=_date, **kw)


class StrictBoolean(fields.Boolean):
    """JSON true or false only (marshmallow's Boolean also takes 0, 1, "yes", ...)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


# -- request bodies ----------------------------------------------------------------------------


def LanguageField() -> fields.String:  # noqa: N802 - reads like a field class
    """The text's language when the caller knows it: skips detection; only "en" is read now."""
    return fields.String(allow_none=True, load_default=None, validate=validate.OneOf(["en"]))


class ExtractIn(Schema):
    text = fields.String(required=True, validate=_not_blank)
    published = DateField()
    relations = StrictBoolean(load_default=False)
    language = LanguageField()


class ArticleIn(Schema):
    text = fields.String(required=True, validate=[_not_blank, _no_nul])
    title = _opt_str(1000)
    url = _opt_str(2048)
    source = _opt_str(200)
    published = DateField()
    doc = _opt_str(255)
    language = LanguageField()


class BatchIn(Schema):
    articles = fields.List(fields.Nested(ArticleIn), required=True, validate=validate.Length(min=1, max=100))
    # true: queue the articles as a job (202 with its id) instead of storing them now
    run_async = StrictBoolean(data_key="async", load_default=False)


# -- query strings -----------------------------------------------------------------------------


def _query_str(max_len: int = 200) -> fields.String:
    return fields.String(load_default=None, validate=[validate.Length(min=1, max=max_len), _no_nul])


def _id(**kw: Any) -> fields.Integer:
    return AsciiInteger(validate=validate.Range(min=1, max=MAX_ID), **kw)


def _amount() -> fields.Float:
    return AsciiFloat(load_default=None, allow_nan=False)


class _Page(Schema):
    limit = AsciiInteger(load_default=50, validate=validate.Range(min=1, max=200))
    cursor = fields.String(
        load_default=None,
        validate=validate.Regexp(CURSOR, error="Not a cursor this server issues (see next_cursor)."),
    )


class _Dates(Schema):
    published_from = fields.String(load_default=None, validate=_date)
    published_to = fields.String(load_default=None, validate=_date)


class ArticlesQuery(_Page, _Dates):
    source = _query_str()


class ClaimsQuery(_Page, _Dates):
    kind = fields.String(load_default=None, validate=validate.OneOf([k.value for k in Kind]))
    unit = _query_str(64)
    currency = fields.String(load_default=None, validate=validate.Regexp(r"^[A-Za-z]{3}$"))
    min = _amount()
    max = _amount()
    usd_min = _amount()
    usd_max = _amount()
    q = _query_str(500)
    article = _id(load_default=None)
    sort = fields.String(load_default="id", validate=validate.OneOf(CLAIM_SORTS))


class FindingsQuery(_Page, _Dates):
    article = _id(load_default=None)
    source = _query_str()
    rule = _query_str(64)
    status = fields.String(load_default=None, validate=validate.OneOf([s.value for s in Status]))
    severity = fields.String(load_default=None, validate=validate.OneOf([s.value for s in Severity]))


# -- responses ---------------------------------------------------------------------------------


class FxOut(Schema):
    currency = fields.String()
    rate = fields.Float(allow_none=True)
    date = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    date_basis = fields.String()
    note = fields.String(allow_none=True)


class ClaimOut(Schema):
    """A claim as the extractor returns it, plus the sentence it stands in."""

    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()
    kind = fields.String(validate=validate.OneOf([k.value for k in Kind]))
    value = fields.Float(allow_none=True)
    low = fields.Float(allow_none=True)
    high = fields.Float(allow_none=True)
    unit = fields.String(allow_none=True)
    qualifier = fields.String(validate=validate.OneOf([q.value for q in Qualifier]))
    what = fields.String()
    sentence_start = fields.Integer()
    sentence_end = fields.Integer()
    sentence = fields.String()
    vague = fields.Boolean()
    optional = fields.Boolean()
    rule = fields.String()
    published = fields.String(allow_none=True)
    published_basis = fields.String(allow_none=True)
    period = fields.String(allow_none=True)
    usd = fields.Float(allow_none=True)
    usd_low = fields.Float(allow_none=True)
    usd_high = fields.Float(allow_none=True)
    fx = fields.Nested(FxOut, allow_none=True)
    si_value = fields.Float(allow_none=True)
    si_low = fields.Float(allow_none=True)
    si_high = fields.Float(allow_none=True)
    si_unit = fields.String(allow_none=True)
    norm_note = fields.String(allow_none=True)
    attrs = fields.Dict(keys=fields.String())
    role = fields.String(allow_none=True, validate=validate.OneOf([r.value for r in Role]))
    change = fields.String(allow_none=True, validate=validate.OneOf([d.value for d in Direction]))


class StoredClaimOut(ClaimOut):
    id = fields.Integer()
    article_id = fields.Integer()
    doc = fields.String(allow_none=True)


class ArticleOut(Schema):
    id = fields.Integer()
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    published = fields.String(allow_none=True)
    published_basis = fields.String(allow_none=True)
    doc = fields.String(allow_none=True)
    text_sha256 = fields.String()
    created_at = fields.String()
    n_claims = fields.Integer()


class ArticleDetailOut(ArticleOut):
    text = fields.String()


class ClaimDetailOut(StoredClaimOut):
    article = fields.Nested(ArticleOut)


class RelationClaimOut(Schema):
    index = fields.Integer()  # position of the claim in the article's claims
    id = fields.Integer(allow_none=True)  # stored claim id (None for POST /v1/extract)
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()
    role = fields.String(validate=validate.OneOf([r.value for r in Role]))


class SpanOut(Schema):
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()


class RelationOut(Schema):
    id = fields.Integer(allow_none=True)
    kind = fields.String(validate=validate.OneOf([k.value for k in RelationKind]))
    claims = fields.List(fields.Nested(RelationClaimOut))
    evidence = fields.Nested(SpanOut)
    how = fields.String()
    subject = fields.String(allow_none=True)
    direction = fields.String(allow_none=True, validate=validate.OneOf([d.value for d in Direction]))
    attrs = fields.Dict(keys=fields.String())


class ExtractOut(Schema):
    claims = fields.List(fields.Nested(ClaimOut))
    relations = fields.List(fields.Nested(RelationOut))  # only when the request asked for them


class RelationsOfArticleOut(Schema):
    article_id = fields.Integer()
    relations = fields.List(fields.Nested(RelationOut))


class ArticleWithClaimsOut(Schema):
    article = fields.Nested(ArticleDetailOut)
    claims = fields.List(fields.Nested(StoredClaimOut))
    created = fields.Boolean()


class BatchOut(Schema):
    results = fields.List(fields.Nested(ArticleWithClaimsOut))
    added = fields.Integer()
    existing = fields.Integer()


class JobItemOut(Schema):
    index = fields.Integer()
    state = fields.String()
    article_id = fields.Integer(allow_none=True)
    error = fields.String(allow_none=True)


class JobOut(Schema):
    id = fields.String()
    state = fields.String()
    total = fields.Integer()
    done = fields.Integer()
    counts = fields.Method("_counts")
    results = fields.List(fields.Nested(JobItemOut), attribute="items")
    created_at = fields.String()
    started_at = fields.String(allow_none=True)
    finished_at = fields.String(allow_none=True)
    error = fields.String(allow_none=True)

    def _counts(self, job: Any) -> dict[str, int]:
        return job.counts()  # type: ignore[no-any-return]


class ArticleListOut(Schema):
    articles = fields.List(fields.Nested(ArticleOut))
    next_cursor = fields.String(allow_none=True)


class ClaimListOut(Schema):
    claims = fields.List(fields.Nested(StoredClaimOut))
    next_cursor = fields.String(allow_none=True)


class ClaimsOfArticleOut(Schema):
    article_id = fields.Integer()
    claims = fields.List(fields.Nested(StoredClaimOut))


class ClaimRefOut(Schema):
    article_id = fields.Integer()
    claim_id = fields.Integer(allow_none=True)
    doc = fields.String(allow_none=True)
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()
    sentence = fields.String()


class FindingOut(Schema):
    rule = fields.String()
    status = fields.String()
    severity = fields.String()
    key = fields.String()
    numbers = fields.Dict(keys=fields.String())
    explanation = fields.String()
    claims = fields.List(fields.Nested(ClaimRefOut))
    rules_version = fields.String()


class FindingsOut(Schema):
    findings = fields.List(fields.Nested(FindingOut))
    next_cursor = fields.String(allow_none=True)


class HealthOut(Schema):
    status = fields.String()
    database = fields.String()
    revision = fields.String(allow_none=True)
