# The Academy portal: one image for web (gunicorn), the Celery workers, beat and migrate.
# Safe by default: DEBUG off, and docker/entrypoint.sh refuses to start without SECRET_KEY,
# ALLOWED_HOSTS and SITE_URL. The code belongs to root and is read-only for the user the
# portal runs as; only /app/var and /app/media are written (compose mounts volumes there
# and runs the container with a read-only root filesystem).
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_DEBUG=false \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/app/media \
    XDG_CACHE_HOME=/tmp/.cache

WORKDIR /app

COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

# Owned by root (no --chown): the runtime user reads the code and cannot change it.
COPY . .
# Collect, hash and compress static files and compile the code at build time, as root (the
# running container writes neither); these values only satisfy settings and never reach a
# running container.
RUN DJANGO_DEBUG=false SECRET_KEY=collectstatic-at-build-time-only SITE_URL=http://build.invalid \
    ALLOWED_HOSTS=build.invalid python manage.py collectstatic --noinput --verbosity 0 \
    && python -m compileall -q /app \
    && chmod -R go-w /app \
    && useradd --system --uid 1000 --no-create-home --home-dir /nonexistent academy \
    && mkdir -p /app/var /app/media \
    && chown academy:academy /app/var /app/media

USER academy
EXPOSE 8000
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "--config", "config/gunicorn.conf.py", "config.wsgi"]
