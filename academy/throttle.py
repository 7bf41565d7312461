"""Per-client limits on pages that cost real work, for anyone who can reach them.

Counted by django-allauth's rate limiter, the one that already limits logins: in CACHES
(Redis in production, so every worker sees the same counts), per client address as the
account adapter reads it (which honours TRUSTED_PROXY_COUNT / TRUSTED_CLIENT_IP_HEADER
behind a proxy), IPv6 per /64 network.
"""

from allauth.core.internal import ratelimit
from django.http import HttpRequest


def allow(request: HttpRequest, *, action: str, rate: str) -> bool:
    """Whether this client may do `action` once more now; an allowed attempt is counted.

    `rate` is allauth's notation: "20/m/ip" is 20 a minute per client address.
    """
    usage = ratelimit.consume(request, app="academy", action=action, config={action: rate})
    return usage is not None
