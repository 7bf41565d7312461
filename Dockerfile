# The Academy portal: one image for web (gunicorn), Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media

WORKDIR /app

COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

RUN useradd --create-home --uid 1000 academy \
    && mkdir -p /app/var /app/media /app/staticfiles \
    && chown academy:academy /app/var /app/media /app/staticfiles
COPY --chown=academy:academy . .

USER academy
# Collect, hash and compress static files at build time; the key only satisfies settings.
RUN DJANGO_DEBUG=false SECRET_KEY=collectstatic-at-build-time-only SITE_URL=http://build.invalid \
    python manage.py collectstatic --noinput --verbosity 0

EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
