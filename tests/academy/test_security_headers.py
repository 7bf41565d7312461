"""Response headers that protect visitors: the Content-Security-Policy, no stored copies of
pages with personal data, and a language cookie that stays on HTTPS."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from academy.models import Membership
from credentials.models import Credential
from enrolment.models import Cohort, Invoice
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


@pytest.fixture
def demo(client):
    call_command("seed_demo", "--password", PASSWORD, stdout=StringIO())


def log_in(client, email):
    client.logout()
    assert client.login(email=email, password=PASSWORD)


def personal_pages() -> dict[str, list[str]]:
    """Who sees which pages and files with personal data in the demo academy."""
    learner_invoice = Invoice.objects.filter(order__learner__email="learner@example.org").first()
    organisation = Membership.objects.get(user__email="employer@example.org").organisation
    cohort = Cohort.objects.filter(organisation=organisation).first()
    employer_invoice = cohort.order.invoices.first()
    credential = Credential.objects.filter(learner__email="learner@example.org").first()
    employer = f"/employer/{organisation.pk}"
    return {
        "learner@example.org": [
            "/me/",
            "/me/profile/",
            "/me/data/",
            "/me/data/export.json",
            f"/me/invoices/{learner_invoice.pk}.pdf",
            f"/credentials/{credential.pk}.pdf",
            "/accounts/email/",
        ],
        "employer@example.org": [
            f"{employer}/",
            f"{employer}/staff.csv",
            f"{employer}/cohorts/",
            f"{employer}/cohorts/{cohort.pk}/",
            f"{employer}/invoices/{employer_invoice.pk}.pdf",
        ],
        "admin@example.org": [
            "/admin/",
            reverse("admin:academy_user_changelist"),
            reverse("admin:enrolment_enrolment_changelist"),
        ],
    }


def test_pages_and_files_with_personal_data_are_never_stored(client, demo):
    stored = []
    for email, paths in personal_pages().items():
        log_in(client, email)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            cache_control = {
                part.strip() for part in response.get("Cache-Control", "").lower().split(",")
            }
            if not {"private", "no-store"} <= cache_control:
                stored.append(f"{path}: {response.get('Cache-Control')}")

    assert stored == []


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
