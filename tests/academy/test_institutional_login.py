"""Institutional login end to end: the portal (pytest-django's live server) against a real
OpenID Connect provider (django-oauth-toolkit in a second process, tests/oidc_provider),
walked with a real HTTP client through the login page's buttons, the provider's login
form and consent page, and back through allauth's callback."""

import json
import re
import socket

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import Group
from django.core import mail

from academy import services
from academy.models import AuditEntry, User
from tests.academy.factories import DEFAULT_PASSWORD, UserFactory
from tests.academy.test_settings import run_python
from tests.oidc_provider.server import PASSWORD, log_in_with, oidc_provider, submit

pytestmark = pytest.mark.django_db(transaction=True)

SURFCONEXT_BUTTON = "Log in with your university account (SURFconext)"

PEOPLE = [
    # A lecturer of the university, new to the portal.
    {"username": "anouk", "email": "a.jansen@university.example.nl", "given_name": "Anouk",
     "family_name": "Jansen", "affiliations": ["employee", "member"]},
    # A learner with eduID, new to the portal.
    {"username": "sem", "email": "sem.visser@example.com", "given_name": "Sem",
     "family_name": "Visser", "affiliations": ["affiliate"]},
    # Has a portal account (email and password) with the same, verified, address.
    {"username": "lotte", "email": "Lotte.deVries@example.com", "given_name": "Lotte",
     "family_name": "de Vries", "affiliations": ["student"]},
    # Claims the address of someone else's portal account, unverified.
    {"username": "mallory", "email": "owner@example.com", "given_name": "Mal",
     "family_name": "Lory", "email_verified": False, "affiliations": ["employee"]},
    # A provider that gives no name: the portal asks for it.
    {"username": "noname", "email": "noname@example.com"},
    # New to the portal, with an address the provider did not verify.
    {"username": "joris", "email": "joris@example.com", "given_name": "Joris",
     "family_name": "Mulder", "email_verified": False},
    # Staff whose institution's login does not say the address was verified.
    {"username": "kees", "email": "k.dekker@university.example.nl", "given_name": "Kees",
     "family_name": "Dekker", "email_verified": False, "affiliations": ["employee"]},
    # Staff of the university who also has a portal account already.
    {"username": "pieter", "email": "pieter@university.example.nl", "given_name": "Pieter",
     "family_name": "Smit", "affiliations": ["staff"]},
]  # fmt: skip


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    with oidc_provider(
        workdir=tmp_path_factory.mktemp("oidc-provider"),
        portal_url=live_server.url,
        provider_ids=["surfconext", "eduid"],
        people=PEOPLE,
    ) as running:
        yield running


@pytest.fixture
def portal(settings, live_server, provider):
    """The portal with both institutional logins pointing at the test provider."""
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": provider.portal_apps()}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = live_server.url
    Group.objects.get_or_create(name="Lecturers")
    return live_server.url


def logged_in_as(session, portal_url) -> str | None:
    """Whom the portal greets on the profile page (None when it asks to log in)."""
    answer = session.get(f"{portal_url}/me/profile/", timeout=30)
    if "/accounts/login/" in answer.url:
        return None
    return answer.text


def test_new_learner_logs_in_with_eduid_and_gets_an_account(portal):
    session = requests.Session()
    answer = log_in_with(session, portal_url=portal, provider_id="eduid", username="sem")

    assert answer.url == f"{portal}/me/"
    user = User.objects.get(email="sem.visser@example.com")
    assert (user.first_name, user.last_name) == ("Sem", "Visser")
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified  # the provider verified it
    [account] = SocialAccount.objects.filter(user=user)
    assert account.provider == "eduid"
    assert account.extra_data["userinfo"]["email"] == "sem.visser@example.com"
    assert account.extra_data["id_token"]["iss"] == provider_issuer(portal)
    assert not user.groups.exists()  # eduID's affiliations do not count
    assert "sem.visser@example.com" in logged_in_as(session, portal)


def provider_issuer(portal):
    from django.conf import settings

    return settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]["settings"]["server_url"]


def test_surfconext_employee_joins_the_lecturers_but_never_gets_admin_rights(portal):
    session = requests.Session()
    log_in_with(session, portal_url=portal, provider_id="surfconext", username="anouk")

    user = User.objects.get(email="a.jansen@university.example.nl")
    assert list(user.groups.values_list("name", flat=True)) == ["Lecturers"]
    assert not user.is_staff
    assert not user.is_superuser
    [entry] = AuditEntry.objects.filter(action="account.university_staff_recognised")
    assert entry.subject == user
    assert entry.actor == user
    assert entry.details == {"provider": "surfconext", "affiliation": "employee",
                             "group": "Lecturers"}  # fmt: skip
    admin = session.get(f"{portal}/admin/", timeout=30)
    assert "/admin/login/" in admin.url  # the admin still asks for a staff login

    # A second login is the same account, recognised once.
    log_in_with(requests.Session(), portal_url=portal, provider_id="surfconext", username="anouk")
    assert User.objects.filter(email="a.jansen@university.example.nl").count() == 1
    assert SocialAccount.objects.filter(user=user).count() == 1
    assert AuditEntry.objects.filter(action="account.university_staff_recognised").count() == 1


def test_existing_staff_account_joins_the_lecturers_on_its_first_surfconext_login(portal):
    pieter = UserFactory(email="pieter@university.example.nl")

    log_in_with(requests.Session(), portal_url=portal, provider_id="surfconext", username="pieter")

    pieter.refresh_from_db()
    assert list(pieter.groups.values_list("name", flat=True)) == ["Lecturers"]
    assert not pieter.is_staff and not pieter.is_superuser


def test_existing_account_with_the_verified_address_is_linked_not_duplicated(portal):
    lotte = UserFactory(email="lotte.devries@example.com", first_name="Lotte", last_name="de Vries")

    session = requests.Session()
    answer = log_in_with(session, portal_url=portal, provider_id="surfconext", username="lotte")

    assert answer.url == f"{portal}/me/"
    assert User.objects.filter(email__iexact="lotte.devries@example.com").count() == 1
    assert SocialAccount.objects.get(provider="surfconext").user == lotte
    assert "lotte.devries@example.com" in logged_in_as(session, portal)
    assert not lotte.groups.exists()  # a student is not staff
    # Email and password keep working beside it.
    assert_password_login_works(lotte.email)


def test_unverified_address_does_not_take_over_the_account_that_has_it(portal):
    owner = UserFactory(email="owner@example.com")

    session = requests.Session()
    answer = log_in_with(session, portal_url=portal, provider_id="surfconext", username="mallory")

    assert logged_in_as(session, portal) is None
    assert "/accounts/" in answer.url
    assert not SocialAccount.objects.exists()
    assert User.objects.filter(email__iexact="owner@example.com").count() == 1
    owner.refresh_from_db()
    assert owner.has_usable_password()
    assert not owner.groups.exists()  # the affiliation of a stranger counts for nothing
    assert not AuditEntry.objects.filter(action="account.university_staff_recognised").exists()
    # The owner hears that someone tried to sign up with their address; nothing else.
    assert [message.to for message in mail.outbox] == [["owner@example.com"]]
    assert_password_login_works(owner.email)


def test_addresses_at_the_institutions_domains_count_as_verified_when_configured(portal, settings):
    kees = UserFactory(email="k.dekker@university.example.nl")
    session = requests.Session()
    log_in_with(session, portal_url=portal, provider_id="surfconext", username="kees")
    assert not SocialAccount.objects.exists()  # not verified: nothing linked

    [surfconext, eduid] = settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"]
    trusting = {
        **surfconext,
        "settings": {**surfconext["settings"], "verified_email": ["university.example.nl"]},
    }
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": [trusting, eduid]}}
    session = requests.Session()
    answer = log_in_with(session, portal_url=portal, provider_id="surfconext", username="kees")

    assert answer.url == f"{portal}/me/"
    assert SocialAccount.objects.get(provider="surfconext").user == kees
    assert kees.groups.filter(name="Lecturers").exists()


def test_provider_without_the_name_makes_the_sign_up_form_ask_for_it(portal):
    session = requests.Session()
    form_page = log_in_with(session, portal_url=portal, provider_id="eduid", username="noname")

    assert form_page.url == f"{portal}/accounts/3rdparty/signup/"
    assert 'autocomplete="given-name"' in form_page.text
    assert not User.objects.filter(email="noname@example.com").exists()
    refused = submit(session, form_page, action_contains="/signup/")
    assert "This field is required." in refused.text

    done = submit(session, form_page, action_contains="/signup/",
                  fields={"first_name": "  Nina ", "last_name": "de  Boer"})  # fmt: skip

    assert done.url == f"{portal}/me/"
    user = User.objects.get(email="noname@example.com")
    assert (user.first_name, user.last_name) == ("Nina", "de Boer")
    assert SocialAccount.objects.get(user=user).provider == "eduid"


def test_new_person_with_an_unverified_address_confirms_it_before_logging_in(portal):
    session = requests.Session()
    answer = log_in_with(session, portal_url=portal, provider_id="eduid", username="joris")

    assert answer.url == f"{portal}/accounts/confirm-email/"
    assert logged_in_as(session, portal) is None
    user = User.objects.get(email="joris@example.com")
    assert not EmailAddress.objects.get(user=user).verified
    [message] = mail.outbox
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    confirm_page = session.get(link, timeout=30)
    confirmed = submit(session, confirm_page, action_contains="/accounts/confirm-email/")

    assert confirmed.url == f"{portal}/me/"
    assert EmailAddress.objects.get(user=user).verified
    assert "joris@example.com" in logged_in_as(session, portal)


def test_login_page_with_both_providers_reads_nothing_more_from_the_database(
    portal, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):  # the session, at most
        page = client.get("/accounts/login/")
    assert SURFCONEXT_BUTTON in page.content.decode()
    assert "Log in with eduID" in page.content.decode()


def assert_password_login_works(email):
    from django.conf import settings

    portal = settings.SITE_URL
    session = requests.Session()
    page = session.get(f"{portal}/accounts/login/", timeout=30)
    answer = submit(session, page, action_contains="/accounts/login/",
                    fields={"login": email, "password": DEFAULT_PASSWORD})  # fmt: skip
    assert answer.url == f"{portal}/me/", answer.url
    assert email in logged_in_as(session, portal)


def test_password_login_works_beside_the_institutional_logins(portal):
    assert_password_login_works(UserFactory().email)


READ_LOGINS = """
import django, json
django.setup()
from django.conf import settings
print(json.dumps({
    "apps": settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"],
    "form_action": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"],
    "affiliations": settings.OIDC_STAFF_AFFILIATIONS,
    "group": settings.OIDC_STAFF_GROUP,
}))
"""


def test_environment_configures_each_provider_that_has_all_three_settings():
    result = run_python(
        READ_LOGINS,
        OIDC_SURFCONEXT_CLIENT_ID="academy.example.org",
        OIDC_SURFCONEXT_SECRET="s3cret",
        OIDC_SURFCONEXT_SERVER_URL="https://connect.test.surfconext.nl",
        OIDC_EDUID_CLIENT_ID="academy",  # no secret: not offered
        OIDC_EDUID_SERVER_URL="https://connect.test.eduid.nl",
        OIDC_STAFF_AFFILIATIONS="employee,faculty",
        OIDC_STAFF_GROUP="University staff",
        OIDC_SURFCONEXT_VERIFIED_EMAIL_DOMAINS="university.example.nl,umc.example.nl",
    )
    assert result.returncode == 0, result.stderr
    read = json.loads(result.stdout)
    [app] = read["apps"]
    assert app["provider_id"] == "surfconext"
    assert app["client_id"] == "academy.example.org"
    assert app["settings"]["server_url"] == "https://connect.test.surfconext.nl"
    assert app["settings"]["scope"] == ["openid", "email", "profile"]
    assert app["settings"]["oauth_pkce_enabled"] is True
    assert app["settings"]["verified_email"] == ["university.example.nl", "umc.example.nl"]
    assert read["form_action"] == ["'self'", "https://connect.test.surfconext.nl"]
    assert read["affiliations"] == ["employee", "faculty"]
    assert read["group"] == "University staff"


def test_without_environment_no_institutional_login_is_offered(client):
    page = client.get("/accounts/login/")
    assert b"SURFconext" not in page.content
    assert b"eduID" not in page.content


@pytest.mark.parametrize(
    ("claims", "affiliations"),
    [
        ({"eduperson_affiliation": ["Employee", "member"]}, {"employee", "member"}),
        ({"eduperson_affiliation": "staff"}, {"staff"}),
        ({"eduperson_scoped_affiliation": ["employee@uni.example.nl"]}, {"employee"}),
        ({"email": "someone@example.com"}, set()),
        ({"eduperson_affiliation": ["", " "]}, set()),
    ],
)
def test_affiliations_are_read_as_surfconext_releases_them(claims, affiliations):
    assert services.affiliations_in(claims) == affiliations


def test_staff_group_and_affiliations_come_from_settings(settings):
    settings.OIDC_STAFF_AFFILIATIONS = ["faculty"]
    settings.OIDC_STAFF_GROUP = "University staff"
    user = UserFactory()

    assert not services.recognise_university_staff(
        user=user, provider="surfconext", affiliations={"employee"}
    )
    assert not services.recognise_university_staff(
        user=user, provider="eduid", affiliations={"faculty"}
    )
    assert services.recognise_university_staff(
        user=user, provider="surfconext", affiliations={"faculty"}
    )
    assert list(user.groups.values_list("name", flat=True)) == ["University staff"]
    user.refresh_from_db()
    assert not user.is_staff and not user.is_superuser


def test_a_closed_account_is_not_recognised():
    user = UserFactory(is_active=False)
    assert not services.recognise_university_staff(
        user=user, provider="surfconext", affiliations={"employee"}
    )
    assert not user.groups.exists()


def test_personal_data_export_and_erasure_cover_institutional_logins(portal):
    from academy.personal_data import erase_personal_data, export_personal_data

    log_in_with(requests.Session(), portal_url=portal, provider_id="surfconext", username="anouk")
    user = User.objects.get(email="a.jansen@university.example.nl")

    [login] = export_personal_data(user)["institutional_logins"]
    assert login["provider"] == "surfconext"
    assert login["claims"]["userinfo"]["eduperson_affiliation"] == ["employee", "member"]

    erase_personal_data(user)
    assert not SocialAccount.objects.exists()
    # The same SURFconext person logging in again gets a new account, not the closed one.
    log_in_with(requests.Session(), portal_url=portal, provider_id="surfconext", username="anouk")
    assert User.objects.get(email="a.jansen@university.example.nl").pk != user.pk


def test_cancelling_at_the_provider_logs_nobody_in(portal):
    session = requests.Session()
    login_page = session.get(f"{portal}/accounts/login/", timeout=30)
    at_provider = submit(session, login_page, action_contains="/accounts/oidc/eduid/")
    consent = submit(session, at_provider, fields={"username": "sem", "password": PASSWORD})
    cancelled = submit(session, consent)  # "Cancel" is the form's other submit button

    assert cancelled.url == f"{portal}/accounts/3rdparty/login/cancelled/"
    assert "Login cancelled" in cancelled.text
    assert logged_in_as(session, portal) is None
    assert not User.objects.filter(email="sem.visser@example.com").exists()


def test_unreachable_provider_shows_a_message_not_an_error(portal, settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    [surfconext, eduid] = settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"]
    unreachable = {
        **surfconext,
        "settings": {**surfconext["settings"], "server_url": f"http://127.0.0.1:{closed_port}/o"},
    }
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": [unreachable, eduid]}}

    session = requests.Session()
    login_page = session.get(f"{portal}/accounts/login/", timeout=30)
    answer = submit(session, login_page, action_contains="/accounts/oidc/surfconext/")

    assert answer.status_code == 401  # as allauth answers a failed callback
    assert "Logging in did not work" in answer.text
