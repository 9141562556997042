"""Alembic environment: run by ``SqlStore.upgrade()`` with an open connection in attributes."""

from __future__ import annotations

from alembic import context

from claims_api.storage.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through claims_api.storage (claims-api db upgrade)")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
