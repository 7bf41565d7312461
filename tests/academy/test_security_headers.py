"""Response headers that protect visitors: the Content-Security-Policy, no stored copies of
pages with personal data, and a language cookie that stays on HTTPS."""

import re

import pytest

from tests.academy.factories import UserFactory
from tests.academy.test_settings import production_environment, run_python
from tests.catalogue.factories import ModuleFactory, SessionFactory, TeachingFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-demo-password"


def policy_of(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


@pytest.mark.parametrize("path", ["/", "/modules/", "/modules/responsible-ai/", "/accounts/login/"])
def test_pages_send_a_content_security_policy_without_unsafe_inline(client, path):
    ModuleFactory(slug="responsible-ai")

    response = client.get(path)

    assert response.status_code == 200
    header = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header
    policy = policy_of(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_the_module_pages_json_ld_carries_the_policys_nonce(client):
    ModuleFactory(slug="responsible-ai")

    first = client.get("/modules/responsible-ai/")
    second = client.get("/modules/responsible-ai/")  # from the page cache

    for response in (first, second):
        nonce = re.search(
            r'<script type="application/ld\+json" nonce="([^"]+)">', response.content.decode()
        ).group(1)
        assert f"'nonce-{nonce}'" in policy_of(response)["script-src"]
    assert policy_of(first)["script-src"] != policy_of(second)["script-src"]  # fresh each time


# --- Cache-Control on pages with personal data ----------------------------------------------


def test_teaching_pages_are_never_stored(client):
    teaching = TeachingFactory()
    session = SessionFactory(run=teaching.run)
    client.force_login(teaching.lecturer)

    for path in [
        "/teaching/",
        f"/teaching/sessions/{session.pk}/attendance/",
        f"/teaching/runs/{teaching.run.pk}/results/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Cache-Control"] == "private, no-store", path


def test_the_public_catalogue_keeps_its_caching(client):
    ModuleFactory(slug="responsible-ai")
    client.force_login(UserFactory())

    for path in ["/", "/modules/", "/modules/responsible-ai/"]:
        assert "no-store" not in client.get(path).get("Cache-Control", ""), path


# --- The language cookie --------------------------------------------------------------------


LANGUAGE_COOKIE = """
import django; django.setup()
from django.conf import settings
print(settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_HTTPONLY)
"""


def test_the_language_cookie_is_secure_exactly_when_the_site_is_on_https():
    on_https = run_python(LANGUAGE_COOKIE, **production_environment())
    on_http = run_python(LANGUAGE_COOKIE, **production_environment(DJANGO_HTTPS="false"))

    assert on_https.stdout.split() == ["True", "True"], on_https.stderr
    assert on_http.stdout.split() == ["False", "True"], on_http.stderr


def test_saving_the_profile_sets_the_language_cookie_as_the_settings_say(client, settings):
    settings.LANGUAGE_COOKIE_SECURE = True  # as on HTTPS
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/me/profile/",
        {"first_name": "Noor", "last_name": "Bakker", "preferred_language": "nl"},
        secure=True,
    )

    assert response.status_code == 302
    cookie = response.cookies["django_language"]
    assert cookie.value == "nl"
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == settings.LANGUAGE_COOKIE_AGE or not settings.LANGUAGE_COOKIE_AGE
