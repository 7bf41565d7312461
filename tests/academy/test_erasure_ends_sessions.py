"""Erasing an account ends its sessions wherever the session engine keeps them."""

import pytest
from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client

from academy.personal_data import erase_personal_data
from tests.academy.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_erasing_an_account_ends_its_sessions_in_the_shared_cache_too(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # as with CACHE_URL
    user = UserFactory()
    laptop, phone = Client(), Client()
    laptop.force_login(user)
    phone.force_login(user)
    keys = [laptop.session.session_key, phone.session.session_key]
    cache_keys = [cached_db.SessionStore(session_key=key).cache_key for key in keys]
    assert all(cache.get(cache_key) for cache_key in cache_keys)

    erase_personal_data(user)

    assert not Session.objects.filter(session_key__in=keys).exists()
    assert [cache.get(cache_key) for cache_key in cache_keys] == [None, None]
    assert laptop.get("/me/").status_code == 302  # to the login page
