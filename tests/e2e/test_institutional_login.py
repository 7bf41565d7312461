"""Institutional login in Chromium: the SURFconext and eduID buttons on the login and
sign-up pages (axe-clean, Dutch, 390 px), and a whole SURFconext login through the test
OpenID Connect provider (tests/oidc_provider), the site's Content-Security-Policy on."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from academy.models import User
from tests.academy.factories import DEFAULT_PASSWORD, UserFactory
from tests.e2e.helpers import fits_a_phone
from tests.oidc_provider.server import PASSWORD, oidc_provider

pytestmark = pytest.mark.django_db(transaction=True)

SURFCONEXT = "Log in with your university account (SURFconext)"
EDUID = "Log in with eduID"


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    people = [{"username": "fenna", "email": "f.bos@university.example.nl", "given_name": "Fenna",
               "family_name": "Bos", "affiliations": ["employee"]},
              {"username": "nameless", "email": "nameless@example.com"}]  # fmt: skip
    with oidc_provider(workdir=tmp_path_factory.mktemp("oidc-provider"),
                       portal_url=live_server.url, provider_ids=["surfconext", "eduid"],
                       people=people) as running:  # fmt: skip
        yield running


@pytest.fixture
def institutional_login(settings, provider):
    """Both logins configured, and the page's form-action allowing the provider, as
    config/settings.py derives it from the providers' server URLs."""
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": provider.portal_apps()}}
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    origin = provider.issuer.removesuffix("/o")
    settings.CONTENT_SECURITY_POLICY = {
        **settings.CONTENT_SECURITY_POLICY,
        "DIRECTIVES": {**directives, "form-action": ["'self'", origin]},
    }
    Group.objects.get_or_create(name="Lecturers")
    return provider


@pytest.mark.parametrize("path", ["/accounts/login/", "/accounts/signup/"])
def test_login_and_sign_up_pages_offer_both_institutional_logins(page, path, axe_violations,
                                                                 institutional_login):  # fmt: skip
    page.goto(path)
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name="Or use an account you already have")).to_be_visible()
    expect(main.get_by_role("button", name=SURFCONEXT)).to_be_visible()
    expect(main.get_by_role("button", name=EDUID)).to_be_visible()
    assert axe_violations(page) == [], axe_violations.describe(axe_violations(page))
    fits_a_phone(page, "institutional-login" + path.replace("/", "-").rstrip("-"))
    # The email and password form is still there beside them.
    expect(page.locator("#id_password" if "login" in path else "#id_password1")).to_be_visible()


def test_the_buttons_speak_dutch(page, live_server, institutional_login):
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    page.goto("/accounts/login/")
    main = page.get_by_role("main")
    expect(main.get_by_role("button", name="Inloggen met je universiteitsaccount (SURFconext)")
           ).to_be_visible()  # fmt: skip
    expect(main.get_by_role("button", name="Inloggen met eduID")).to_be_visible()
    expect(main.get_by_text("Iedereen kan gratis een eduID aanmaken.")).to_be_visible()


def test_staff_member_logs_in_with_surfconext_in_the_browser(page, live_server,
                                                             institutional_login):  # fmt: skip
    refused = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)  # fmt: skip
    page.goto("/accounts/login/")
    page.get_by_role("button", name=SURFCONEXT).click()

    at_the_provider(page, "fenna")
    page.get_by_role("button", name="Authorize").click()

    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert page.url == f"{live_server.url}/me/"
    assert refused == []
    fenna = User.objects.get(email="f.bos@university.example.nl")
    assert fenna.get_full_name() == "Fenna Bos"
    assert fenna.groups.filter(name="Lecturers").exists()
    assert not fenna.is_staff and not fenna.is_superuser


def test_password_login_still_works_with_institutional_logins_on(page, institutional_login):
    user = UserFactory()
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def at_the_provider(page, username):
    expect(page.get_by_role("heading", name="Test identity provider")).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in at the provider").click()


def test_first_eduid_login_without_a_name_asks_for_it(page, live_server, axe_violations,
                                                      institutional_login):  # fmt: skip
    page.goto("/accounts/signup/")
    page.get_by_role("button", name=EDUID).click()
    at_the_provider(page, "nameless")
    page.get_by_role("button", name="Authorize").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign up")
    expect(page.get_by_text("You are logging in with eduID for the first time.")).to_be_visible()
    assert axe_violations(page) == [], axe_violations.describe(axe_violations(page))
    fits_a_phone(page, "institutional-login-name")
    page.get_by_label("Given name").fill("Nadia")
    page.get_by_label("Family name").fill("El Amrani")
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert User.objects.get(email="nameless@example.com").get_full_name() == "Nadia El Amrani"


def test_cancelling_at_the_provider_says_so(page, live_server, axe_violations,
                                            institutional_login):  # fmt: skip
    page.goto("/accounts/login/")
    page.get_by_role("button", name=SURFCONEXT).click()
    at_the_provider(page, "fenna")
    page.get_by_role("button", name="Cancel").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Login cancelled")
    assert axe_violations(page) == [], axe_violations.describe(axe_violations(page))
    fits_a_phone(page, "institutional-login-cancelled")
    page.get_by_role("main").get_by_role("link", name="Log in").click()
    expect(page.get_by_role("button", name=SURFCONEXT)).to_be_visible()
