#!/bin/sh
# Create a random SECRET_KEY on first start, kept in the shared var volume, unless one is
# given; then run the container's command.
set -eu
if [ -z "${SECRET_KEY:-}" ] && [ -n "${SECRET_KEY_FILE:-}" ] && [ ! -s "$SECRET_KEY_FILE" ]; then
    umask 077
    python -c 'import secrets; print(secrets.token_urlsafe(50))' > "$SECRET_KEY_FILE.tmp.$$"
    mv -n "$SECRET_KEY_FILE.tmp.$$" "$SECRET_KEY_FILE" 2>/dev/null || true
    rm -f "$SECRET_KEY_FILE.tmp.$$"
fi
exec "$@"
