# The claims API on gunicorn; PostgreSQL comes from docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY claims_api ./claims_api
COPY seeds ./seeds
RUN pip install . && useradd --create-home claims && chown claims /app
USER claims

ENV CLAIMS_DATABASE_URL=sqlite:////app/claims.db
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')" || exit 1
# Migrate once, then start the workers (they never migrate themselves).
CMD ["sh", "-c", "claims-api db upgrade && exec gunicorn --config python:claims_api.api.gunicorn_conf --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-4} --access-logfile - claims_api.api.wsgi:app"]
