"""Caching of the rendered catalogue results, invalidated whenever the offer changes.

Faceted search over thousands of modules costs a few hundred milliseconds of queries, and
most visitors ask the same few questions. The cache key holds a catalogue version that every
write to the catalogue bumps, the date (next start dates move with it) and the language, so
a cached page is never older than the offer it shows. Several processes share the version
only through a shared cache: set CACHE_URL to Redis in production.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.translation import get_language

VERSION_KEY = "catalogue:version"
RESULTS_TIMEOUT = 10 * 60


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = int(timezone.now().timestamp() * 1000)
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_catalogue_version(**_signal_arguments) -> None:
    """After the change commits: bumped earlier, a reader could cache the old rows anew."""
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet: the next read starts a fresh version
        cache.delete(VERSION_KEY)


def _key(kind: str, name: str) -> str:
    return (
        f"catalogue:{kind}:{catalogue_version()}:{timezone.localdate():%Y%m%d}:"
        f"{get_language()}:{name}"
    )


def results_key(query_string: str) -> str:
    return _key("results", hashlib.sha256(query_string.encode()).hexdigest()[:32])


def get(key: str):
    return cache.get(key)


def put(key: str, value) -> None:
    """Store under the key taken *before* reading the database, so a page built from rows
    that changed meanwhile lands under the old version and is never served again."""
    cache.set(key, value, RESULTS_TIMEOUT)


def module_key(slug: str) -> str:
    return _key("module", slug)


def connect_invalidation() -> None:
    """Any saved or deleted catalogue row makes cached results stale."""
    from catalogue.models import Faculty, Module, ModuleRun, Partner, Session, Theme

    for model in (Faculty, Theme, Partner, Module, ModuleRun, Session):
        post_save.connect(bump_catalogue_version, sender=model, dispatch_uid=f"cache-{model}")
        post_delete.connect(bump_catalogue_version, sender=model, dispatch_uid=f"del-{model}")
    for through in (Module.themes.through, Module.partners.through):
        m2m_changed.connect(bump_catalogue_version, sender=through, dispatch_uid=f"m2m-{through}")
