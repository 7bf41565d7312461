"""Professionals' accounts: sign-up, confirmation, rate limits, profile, personal data."""

import json
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from academy.models import Invitation, Membership, User
from tests.academy.factories import (
    DEFAULT_PASSWORD,
    InvitationFactory,
    MembershipFactory,
    UserFactory,
)
from tests.academy.test_settings import run_python
from tests.catalogue.factories import ThemeFactory
from tests.demand.factories import LearningNeedFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough password"
SIGNUP = {
    "first_name": "Noor", "last_name": "Bakker",
    "email": "noor@example.com", "password1": PASSWORD, "password2": PASSWORD,
}  # fmt: skip


def test_sign_up_sends_a_confirmation_and_the_link_confirms(client, mailoutbox, settings):
    response = client.post("/accounts/signup/", SIGNUP)

    assert response.status_code == 302
    user = User.objects.get(email="noor@example.com")
    assert not EmailAddress.objects.get(user=user).verified
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mailoutbox[0].body).group(0)
    client.post(link.removeprefix(settings.SITE_URL))
    assert EmailAddress.objects.get(user=user).verified


def test_sign_up_asks_for_given_and_family_name(client):
    html = client.get("/accounts/signup/").content.decode()

    assert re.search(r'<label[^>]*for="id_first_name"[^>]*>\s*Given name', html)
    assert re.search(r'<label[^>]*for="id_last_name"[^>]*>\s*Family name', html)
    assert 'autocomplete="given-name"' in html and 'autocomplete="family-name"' in html


def test_sign_up_without_a_name_is_refused_with_the_reason(client, mailoutbox):
    response = client.post("/accounts/signup/", {**SIGNUP, "first_name": " ", "last_name": ""})

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["first_name"] == errors["last_name"] == ["This field is required."]
    assert not User.objects.exists() and mailoutbox == []


def test_sign_up_saves_the_name(client):
    client.post("/accounts/signup/", {**SIGNUP, "first_name": " Noor ", "last_name": "van  Dijk"})

    user = User.objects.get(email="noor@example.com")
    assert (user.first_name, user.last_name) == ("Noor", "van Dijk")


def test_sign_up_keeps_the_language_the_visitor_signed_up_in(client):
    client.post("/accounts/signup/", SIGNUP, headers={"accept-language": "nl"})

    assert User.objects.get(email="noor@example.com").preferred_language == "nl"


def test_login_sign_up_and_logout_pages_say_log_in_log_out_and_sign_up(client):
    login = client.get("/accounts/login/").content.decode()
    signup = client.get("/accounts/signup/").content.decode()
    client.force_login(UserFactory())
    logout = client.get("/accounts/logout/").content.decode()

    main = {name: html.split("<main", 1)[1] for name, html in
            {"login": login, "signup": signup, "logout": logout}.items()}  # fmt: skip
    assert re.search(r"<h1[^>]*>\s*Log in\s*</h1>", main["login"])
    assert re.search(r"<button[^>]*>\s*Log in\s*</button>", main["login"])
    assert re.search(r"<h1[^>]*>\s*Sign up\s*</h1>", main["signup"])
    assert re.search(r"<button[^>]*>\s*Sign up\s*</button>", main["signup"])
    assert re.search(r"<h1[^>]*>\s*Log out\s*</h1>", main["logout"])
    for html in (login, signup, logout):
        text = re.sub(r"<[^>]*>", " ", html)  # what people read, not the links' addresses
        assert not re.search(r"sign[ -]?in\b|sign[ -]?out|signup", text, re.IGNORECASE)
        assert "Sign Up" not in text
    assert "<title>Log in · Academy</title>" in login
    assert "Remember me" in login and "Remember Me" not in login


def test_a_second_sign_up_with_the_same_email_creates_no_second_account(client, mailoutbox):
    UserFactory(email="noor@example.com")

    response = client.post("/accounts/signup/", {**SIGNUP, "email": "Noor@Example.com"})

    # The page does not reveal that the address exists; the owner is told by email instead.
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="noor@example.com").count() == 1
    assert mailoutbox[0].to == ["noor@example.com"]
    assert "already" in mailoutbox[0].body.lower()


def test_sign_up_page_is_dutch_for_dutch_visitors(client):
    html = client.get("/accounts/signup/", headers={"accept-language": "nl"}).content.decode()

    assert "Account aanmaken" in html and "Mijn leren" in html


def test_login_attempts_are_rate_limited(client):
    UserFactory(email="lotte@example.com")
    for _ in range(5):
        client.post("/accounts/login/", {"login": "lotte@example.com", "password": "wrong"})

    response = client.post(
        "/accounts/login/", {"login": "lotte@example.com", "password": DEFAULT_PASSWORD}
    )

    assert response.status_code in (200, 429)
    assert not response.wsgi_request.user.is_authenticated
    assert "Too many failed login attempts" in response.content.decode()


def test_password_reset_mail_is_sent(client, mailoutbox):
    UserFactory(email="lotte@example.com")

    client.post("/accounts/password/reset/", {"email": "lotte@example.com"})

    assert len(mailoutbox) == 1 and "/accounts/password/reset/key/" in mailoutbox[0].body


def test_profile_saves_details_interests_and_consent_per_employer(client):
    membership = MembershipFactory()
    other = MembershipFactory(user=membership.user, shares_progress=True)
    data_theme = ThemeFactory(name="Data & AI")
    client.force_login(membership.user)

    response = client.post(
        "/me/profile/",
        {
            "first_name": "Noor", "last_name": "Bakker", "preferred_language": "nl",
            "job_title": "Beleidsadviseur", "sector": "government", "education_level": "master",
            "interests": [data_theme.pk],
            f"share_with_{membership.organisation_id}": "on",
        },
    )  # fmt: skip

    assert response.status_code == 302
    user = User.objects.get(pk=membership.user.pk)
    assert (user.first_name, user.job_title, user.sector) == (
        "Noor",
        "Beleidsadviseur",
        "government",
    )
    assert list(user.interests.all()) == [data_theme]
    membership.refresh_from_db(), other.refresh_from_db()
    assert membership.shares_progress is True
    assert other.shares_progress is False  # unticked: consent withdrawn
    assert response.cookies["django_language"].value == "nl"


def test_profile_shows_consent_off_by_default(client):
    membership = MembershipFactory(organisation__name="Gemeente Tiel")
    client.force_login(membership.user)

    html = client.get("/me/profile/").content.decode()

    assert "Share my enrolments, progress and credentials with Gemeente Tiel" in html
    field = f"share_with_{membership.organisation_id}"
    assert f'name="{field}" id="id_{field}">' in html  # present and not checked


def test_profile_requires_a_name(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/me/profile/", {"first_name": "", "last_name": "", "preferred_language": "en"}
    )

    assert response.status_code == 200
    assert "This field is required." in response.context["form"].errors["first_name"]


def test_personal_data_download_has_everything_and_only_mine(client):
    membership = MembershipFactory(
        user__email="noor@example.com", organisation__name="Gemeente Tiel"
    )
    user = membership.user
    user.interests.add(ThemeFactory(name="Data & AI"))
    LearningNeedFactory(submitted_by=user, topic="Data for councils")
    LearningNeedFactory(topic="Someone else's need")
    client.force_login(user)

    response = client.get("/me/data/export.json")

    assert response["Content-Disposition"] == 'attachment; filename="my-academy-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "noor@example.com"
    assert data["memberships"][0]["organisation"] == "Gemeente Tiel"
    assert data["catalogue"]["interests"] == ["Data & AI"]
    assert [n["topic"] for n in data["demand"]["learning_needs"]] == ["Data for councils"]


def test_personal_data_pages_need_a_login(client):
    assert client.get("/me/data/export.json").status_code == 302
    assert client.get("/me/profile/").status_code == 302


def test_deleting_the_account_removes_personal_data_and_keeps_what_must_be_kept(client):
    membership = MembershipFactory(user__email="noor@example.com", user__first_name="Noor")
    user = membership.user
    user.interests.add(ThemeFactory())
    need = LearningNeedFactory(submitted_by=user, contact_email="noor@example.com")
    InvitationFactory(email="noor@example.com")
    client.force_login(user)

    response = client.post("/me/delete/", {"password": DEFAULT_PASSWORD})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email.endswith("@deleted.invalid") and user.first_name == ""
    assert not user.is_active and not user.has_usable_password()
    assert not user.memberships.exists() and not user.interests.exists()
    assert not Invitation.objects.filter(email="noor@example.com").exists()
    need.refresh_from_db()
    assert (
        need.topic and need.contact_email == "removed@deleted.invalid" and need.submitted_by is None
    )
    assert not client.get("/").context["user"].is_authenticated
    assert not client.login(email="noor@example.com", password=DEFAULT_PASSWORD)


def test_deleting_needs_the_password(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/me/delete/", {"password": "not mine"})

    assert response.status_code == 400
    assert "That is not your password." in response.content.decode()
    user.refresh_from_db()
    assert user.is_active


# --- Sign-up takes as long whether or not the address has an account -----------------------


class CountingPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's default hasher, at its full cost, counting the hashes it computes."""

    hashes = 0

    def encode(self, password, salt, iterations=None):
        CountingPBKDF2PasswordHasher.hashes += 1
        return super().encode(password, salt, iterations)


@pytest.fixture
def counted_hashes(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingPBKDF2PasswordHasher"]
    CountingPBKDF2PasswordHasher.hashes = 0
    return lambda: CountingPBKDF2PasswordHasher.hashes


def test_sign_up_hashes_the_password_whether_or_not_the_address_has_an_account(
    client, mailoutbox, counted_hashes
):
    UserFactory(email="taken@example.com")

    before = counted_hashes()
    new = client.post("/accounts/signup/", SIGNUP)
    hashes_for_a_new_address = counted_hashes() - before
    client.logout()
    before = counted_hashes()
    taken = client.post("/accounts/signup/", {**SIGNUP, "email": "taken@example.com"})
    hashes_for_a_taken_address = counted_hashes() - before

    assert new.status_code == taken.status_code == 302
    assert new["Location"] == taken["Location"]
    assert hashes_for_a_new_address == hashes_for_a_taken_address == 1
    assert User.objects.filter(email="taken@example.com").count() == 1


# --- Failed logins lock an account per client address ---------------------------------------

ADDRESS_A, ADDRESS_B = "203.0.113.7", "198.51.100.23"


def log_in_from(client, address, password, email="lotte@example.com"):
    return client.post(
        "/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=address
    )


def test_wrong_passwords_from_one_address_do_not_lock_the_owner_out_elsewhere(client):
    UserFactory(email="lotte@example.com")
    for _ in range(5):
        log_in_from(client, ADDRESS_A, "wrong")

    response = log_in_from(client, ADDRESS_B, DEFAULT_PASSWORD)

    assert response.status_code == 302
    assert response.wsgi_request.user.email == "lotte@example.com"


def test_the_address_that_guessed_stays_locked_out_of_the_account(client):
    UserFactory(email="lotte@example.com")
    for _ in range(5):
        log_in_from(client, ADDRESS_A, "wrong")
    assert log_in_from(client, ADDRESS_B, DEFAULT_PASSWORD).status_code == 302
    client.logout()

    refused = [log_in_from(client, ADDRESS_A, "wrong") for _ in range(5)]
    with_the_right_password = log_in_from(client, ADDRESS_A, DEFAULT_PASSWORD)

    for response in [*refused, with_the_right_password]:
        assert "Too many failed login attempts" in response.content.decode()
    assert not with_the_right_password.wsgi_request.user.is_authenticated


def test_one_address_is_limited_across_accounts(client):
    for number in range(11):
        UserFactory(email=f"user{number}@example.com")
    for number in range(10):
        log_in_from(client, ADDRESS_A, "wrong", email=f"user{number}@example.com")

    response = log_in_from(client, ADDRESS_A, DEFAULT_PASSWORD, email="user10@example.com")

    assert not response.wsgi_request.user.is_authenticated
    assert "Too many failed login attempts" in response.content.decode()


def test_behind_our_proxy_the_address_it_forwarded_counts(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    UserFactory(email="lotte@example.com")

    def through_the_proxy(client_address, password):
        return client.post(
            "/accounts/login/",
            {"login": "lotte@example.com", "password": password},
            REMOTE_ADDR="10.0.0.2",  # the proxy, for everyone
            headers={"x-forwarded-for": client_address},
        )

    for _ in range(5):
        through_the_proxy(ADDRESS_A, "wrong")

    assert through_the_proxy(ADDRESS_B, DEFAULT_PASSWORD).status_code == 302
    client.logout()
    assert "Too many failed" in through_the_proxy(ADDRESS_A, DEFAULT_PASSWORD).content.decode()


def test_the_trusted_proxies_are_read_from_the_environment():
    code = (
        "import django; django.setup()\nfrom django.conf import settings\n"
        "print(settings.ALLAUTH_TRUSTED_PROXY_COUNT, settings.ALLAUTH_TRUSTED_CLIENT_IP_HEADER)"
    )

    default = run_python(code)
    configured = run_python(code, TRUSTED_PROXY_COUNT="2", TRUSTED_CLIENT_IP_HEADER="X-Real-IP")

    assert default.stdout.split() == ["0", "None"], default.stderr
    assert configured.stdout.split() == ["2", "X-Real-IP"], configured.stderr


# --- An invitation survives sign-up and the confirmation email ------------------------------


def hidden_next(html: str) -> str:
    """The page's own form's `next` (the header's language switcher has one too)."""
    main = html.split("<main", 1)[1]
    return re.search(r'<input type="hidden" name="next" value="([^"]+)"', main).group(1)


def test_invited_person_signs_up_confirms_and_comes_back_to_accept(client, mailoutbox, settings):
    settings.SITE_URL = "https://academy.example.org"
    invitation = InvitationFactory(email="noor@example.com", organisation__name="Gemeente Tiel")
    page = f"/invitations/{invitation.token}/"

    signup_link = re.search(
        r'href="(/accounts/signup/\?next=[^"]+)"', client.get(page).content.decode()
    )
    form = client.get(signup_link.group(1).replace("%2F", "/")).content.decode()
    assert hidden_next(form) == page
    response = client.post("/accounts/signup/", {**SIGNUP, "next": hidden_next(form)})
    assert response["Location"] == "/accounts/confirm-email/"  # "check your inbox"
    link = re.search(
        r"https://academy\.example\.org(/accounts/confirm-email/\S+)", mailoutbox[0].body
    )
    confirm = client.get(link.group(1)).content.decode()
    confirmed = client.post(link.group(1).split("?")[0], {"next": hidden_next(confirm)})

    assert confirmed["Location"] == page
    html = client.get(page).content.decode()
    assert "Accept the invitation" in html and "Given name" not in html  # named at sign-up
    accepted = client.post(page)
    assert accepted.status_code == 302
    membership = Membership.objects.get(user__email="noor@example.com")
    assert membership.organisation.name == "Gemeente Tiel"
    assert (membership.user.first_name, membership.user.last_name) == ("Noor", "Bakker")


def test_confirming_in_another_browser_still_leads_to_the_invitation(client, mailoutbox):
    invitation = InvitationFactory(email="noor@example.com")
    page = f"/invitations/{invitation.token}/"
    client.post(f"/accounts/signup/?next={page}", {**SIGNUP, "next": page})
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mailoutbox[0].body).group(1)
    client.logout()  # a fresh session: the link opened on another device

    confirm = client.get(link).content.decode()
    confirmed = client.post(link.split("?")[0], {"next": hidden_next(confirm)})

    assert confirmed["Location"] == page
    assert EmailAddress.objects.get(email="noor@example.com").verified
    html = client.get(page).content.decode()
    assert f'href="/accounts/login/?next={page}"' in html


def test_a_confirmation_link_carries_no_next_page_off_the_site(client, mailoutbox):
    client.post("/accounts/signup/", {**SIGNUP, "next": "https://evil.example.net/"})

    assert "evil" not in mailoutbox[0].body


def test_accepting_an_invitation_asks_a_nameless_account_for_its_name(client):
    invitation = InvitationFactory(email="noor@example.com", given_name="Noor")
    user = UserFactory(email="noor@example.com", first_name="", last_name="")
    client.force_login(user)
    page = f"/invitations/{invitation.token}/"

    html = client.get(page).content.decode()
    refused = client.post(page, {"first_name": "Noor", "last_name": ""})
    accepted = client.post(page, {"first_name": "Noor", "last_name": "Bakker"})

    assert 'name="first_name" value="Noor"' in html and "Family name" in html
    assert refused.status_code == 200
    assert refused.context["name_form"].errors["last_name"] == ["This field is required."]
    assert accepted.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.last_name) == ("Noor", "Bakker")
    assert Membership.objects.filter(user=user, organisation=invitation.organisation).exists()
