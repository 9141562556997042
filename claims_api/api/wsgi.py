"""WSGI entry point for gunicorn: ``gunicorn claims_api.api.wsgi:app``."""

from claims_api.api import create_app

app = create_app()
