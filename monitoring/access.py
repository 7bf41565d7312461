"""Who may read /metrics: the monitoring network, or whoever shows the metrics token.

The client's address is read as everywhere else on the site (django-allauth's, behind
TRUSTED_PROXY_COUNT or TRUSTED_CLIENT_IP_HEADER), so a request through the public proxy
counts as the visitor's address, not the proxy's. Prometheus scraping a web container
directly, past the proxy, is seen at its own address.
"""

import ipaddress
from functools import cache

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils.crypto import constant_time_compare


@cache
def _networks(cidrs: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return tuple(ipaddress.ip_network(cidr, strict=False) for cidr in cidrs)


def shows_the_token(request) -> bool:
    token = settings.METRICS_TOKEN
    scheme, _, offered = request.headers.get("Authorization", "").partition(" ")
    return bool(token) and scheme.lower() == "bearer" and constant_time_compare(offered, token)


def comes_from_an_allowed_network(request) -> bool:
    try:
        address = ipaddress.ip_address(get_adapter(request).get_client_ip(request))
    except (PermissionDenied, ImproperlyConfigured, ValueError):
        return False  # no address, or an X-Forwarded-For shorter than the proxies we trust
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(
        address in network for network in _networks(tuple(settings.METRICS_ALLOWED_NETWORKS))
    )


def may_read_metrics(request) -> bool:
    return shows_the_token(request) or comes_from_an_allowed_network(request)
