"""Who calls the OOAPI endpoint, and how often they may.

Public catalogue data may be read by anyone (OOAPI_PUBLIC); SURF's gateway calls with an
API key (a fixed header, OOAPI_API_KEY_HEADER) or an OAuth2 client-credentials bearer
token, checked by RFC 7662 introspection at OOAPI_OAUTH2_INTROSPECTION_URL (SURFconext's
introspection endpoint) and cached until it expires. Each client (key, token's client id,
else the caller's address) is limited to OOAPI_RATE_LIMIT requests, counted in CACHES by
django-allauth's rate limiter, as academy.throttle counts other pages.
"""

import base64
import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from allauth.core.internal import ratelimit
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

logger = logging.getLogger(__name__)

INTROSPECTION_CACHE_SECONDS = 300


class Unauthorized(Exception):
    pass


@dataclass(frozen=True)
class Client:
    name: str  # "api-key:<name>", "oauth2:<client_id>" or "anonymous"
    authenticated: bool


def identify(request: HttpRequest) -> Client:
    """The caller, from its credentials; wrong credentials are refused even where the
    endpoint is public (a gateway with a stale key should hear so)."""
    key = request.headers.get(settings.OOAPI_API_KEY_HEADER)
    if key:
        for name, expected in settings.OOAPI_API_KEYS.items():
            if expected and hmac.compare_digest(key.encode(), str(expected).encode()):
                return Client(f"api-key:{name}", True)
        raise Unauthorized("Unknown API key.")
    authorization = request.headers.get("Authorization", "")
    if authorization.lower().startswith("bearer "):
        client_id = _introspect(authorization[7:].strip())
        if client_id is None:
            raise Unauthorized("The bearer token is not active.")
        return Client(f"oauth2:{client_id}", True)
    if not settings.OOAPI_PUBLIC:
        raise Unauthorized("Send an API key or a bearer token.")
    return Client("anonymous", False)


def _introspect(token: str) -> str | None:
    url = settings.OOAPI_OAUTH2_INTROSPECTION_URL
    if not (token and url.startswith(("https://", "http://"))):
        return None
    cache_key = "ooapi:token:" + hashlib.sha256(token.encode()).hexdigest()
    cached = cache.get(cache_key)
    if cached is not None:
        return cached or None
    credentials = f"{settings.OOAPI_OAUTH2_CLIENT_ID}:{settings.OOAPI_OAUTH2_CLIENT_SECRET}"
    introspection = urllib.request.Request(  # noqa: S310 (http(s) only, checked above)
        url,
        data=urllib.parse.urlencode({"token": token}).encode(),
        headers={
            "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
            "Accept": "application/json",
        },
    )
    try:
        with urllib.request.urlopen(introspection, timeout=5) as response:  # noqa: S310
            answer = json.loads(response.read())
    except urllib.error.HTTPError:
        answer = {}
    except (OSError, ValueError):
        logger.warning("OOAPI token introspection failed", exc_info=True)
        return None  # not cached: the next call asks again
    client_id = (
        str(answer.get("client_id") or answer.get("sub") or "") if answer.get("active") else ""
    )
    lifetime = INTROSPECTION_CACHE_SECONDS
    if client_id and answer.get("exp"):
        lifetime = max(1, min(lifetime, int(answer["exp"] - time.time())))
    cache.set(cache_key, client_id, lifetime)
    return client_id or None


def allow(request: HttpRequest, client: Client) -> bool:
    """Whether this client may make one more request now (it is counted)."""
    if client.authenticated:
        rate, key = settings.OOAPI_RATE_LIMIT, client.name
        config = {"ooapi": f"{rate}/key" if rate.count("/") == 1 else rate}
        usage = ratelimit.consume(
            request, app="ooapi", action="ooapi", config=config, key=key, limit_get=True
        )
    else:
        rate = settings.OOAPI_RATE_LIMIT_ANONYMOUS
        config = {"ooapi": f"{rate}/ip" if rate.count("/") == 1 else rate}
        usage = ratelimit.consume(
            request, app="ooapi", action="ooapi", config=config, limit_get=True
        )
    return usage is not None
