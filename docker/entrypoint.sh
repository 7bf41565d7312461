#!/bin/sh
# The image's entrypoint: refuse to start a production container that lacks what it cannot
# run without, naming each missing setting, then run the container's command.
# config/settings.py refuses the same, for whatever starts Django without this script.
set -eu

case "$(printf '%s' "${DJANGO_DEBUG:-false}" | tr '[:upper:]' '[:lower:]')" in
    true | 1 | yes | on) # Request metrics of every gunicorn worker, summed by /metrics: a directory emptied at
# every start (in the container's /tmp tmpfs), or the figures of dead workers would count.
if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
    rm -rf "$PROMETHEUS_MULTIPROC_DIR" && mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
fi

exec "$@" ;;  # a developer's container: settings' laptop defaults
esac

missing=""
if [ -z "${SECRET_KEY:-}" ]; then
    if [ -z "${SECRET_KEY_FILE:-}" ]; then
        missing="$missing
  SECRET_KEY (or SECRET_KEY_FILE, a mounted secret): it signs sessions, password resets and links"
    elif [ ! -s "$SECRET_KEY_FILE" ] || [ ! -r "$SECRET_KEY_FILE" ]; then
        missing="$missing
  SECRET_KEY: SECRET_KEY_FILE ($SECRET_KEY_FILE) is missing, empty or unreadable"
    fi
fi
if [ -z "${ALLOWED_HOSTS:-}" ]; then
    missing="$missing
  ALLOWED_HOSTS (e.g. academy.example.org): the host names the site answers to"
fi
if [ -z "${SITE_URL:-}" ]; then
    missing="$missing
  SITE_URL (e.g. https://academy.example.org): emails, certificates and credentials link to it"
fi

if [ -n "$missing" ]; then
    echo "Refusing to start: DJANGO_DEBUG is false and these are not set:$missing" >&2
    exit 64  # EX_USAGE: a configuration to fix, not a crash to restart into
fi

# Request metrics of every gunicorn worker, summed by /metrics: a directory emptied at
# every start (in the container's /tmp tmpfs), or the figures of dead workers would count.
if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
    rm -rf "$PROMETHEUS_MULTIPROC_DIR" && mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
fi

exec "$@"
