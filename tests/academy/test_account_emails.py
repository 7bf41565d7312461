"""allauth's emails in the Academy's own voice: each one has a subject that names the
Academy, a text and an HTML part, greets the person by name when it is known, links to
SITE_URL (never to the host a request came in on) and is written in the recipient's
language."""

import re

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.core.context import request_context
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.translation import gettext

from academy.models import User
from tests.academy.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SITE = "https://academy.example.org"
PASSWORD = "a long enough password"
ADDRESS = "203.0.113.7"  # the client's; notifications name it
SIGNUP = {
    "first_name": "Noor", "last_name": "Bakker",
    "email": "noor@example.com", "password1": PASSWORD, "password2": PASSWORD,
}  # fmt: skip


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE
    return SITE


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def assert_academy_email(message, *, subject: str, link: str, greeting: str) -> None:
    """The subject, both parts, the greeting and the link a person would follow."""
    html = html_of(message)
    assert message.subject == subject
    assert "[" not in message.subject
    for part in (message.body, html):
        assert greeting in part
        assert "The Academy office" in part
        assert link in part, f"{link} not in {part}"
        assert SITE + "/" in part
        assert "127.0.0.1" not in part and "testserver" not in part
        assert "Hello from" not in part
    assert html.lstrip().startswith("<!DOCTYPE html>") and "<a href" in html
    assert "&amp;" not in message.body  # the text part is not HTML-escaped


def link_in(text: str, path: str) -> str:
    return re.search(re.escape(SITE + path) + r"\S*", text).group(0)


def test_the_sign_up_confirmation(client, mailoutbox):
    client.post("/accounts/signup/", SIGNUP)

    [message] = mailoutbox
    link = link_in(message.body, "/accounts/confirm-email/")
    assert_academy_email(
        message,
        subject="Confirm your email address to finish signing up for the Academy",
        link=link,
        greeting="Dear Noor,",
    )
    assert "Confirm your email address" in html_of(message)  # the button
    assert message.to == ["noor@example.com"]


def test_a_sign_up_with_a_taken_address_tells_the_owner(client, mailoutbox):
    UserFactory(email="noor@example.com", first_name="Noor")

    client.post("/accounts/signup/", {**SIGNUP, "first_name": "Someone"})

    [message] = mailoutbox
    assert_academy_email(
        message,
        subject="You already have an Academy account",
        link=f"{SITE}/accounts/password/reset/",
        greeting="Dear Noor,",  # the owner's name, not the one typed into the form
    )
    assert f"{SITE}/accounts/login/" in message.body


def test_the_password_reset_link(client, mailoutbox):
    UserFactory(email="lotte@example.com", first_name="Lotte")

    client.post("/accounts/password/reset/", {"email": "lotte@example.com"})

    [message] = mailoutbox
    assert_academy_email(
        message,
        subject="Choose a new password for the Academy",
        link=link_in(message.body, "/accounts/password/reset/key/"),
        greeting="Dear Lotte,",
    )


def test_a_password_reset_for_an_unknown_address(client, mailoutbox):
    client.post("/accounts/password/reset/", {"email": "nobody@example.com"})

    [message] = mailoutbox
    assert_academy_email(
        message,
        subject="There is no Academy account for this address",
        link=f"{SITE}/accounts/signup/",
        greeting="Hello,",
    )


def test_choosing_a_new_password_from_the_link_is_reported(client, mailoutbox):
    UserFactory(email="lotte@example.com", first_name="Lotte")
    client.post("/accounts/password/reset/", {"email": "lotte@example.com"})
    link = link_in(mailoutbox[0].body, "/accounts/password/reset/key/")

    form = client.get(link.removeprefix(SITE), follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"password1": PASSWORD, "password2": PASSWORD},
        REMOTE_ADDR=ADDRESS,
    )

    assert User.objects.get(email="lotte@example.com").check_password(PASSWORD)
    message = mailoutbox[-1]
    assert_academy_email(
        message,
        subject="Your Academy password was reset",
        link=f"{SITE}/accounts/password/reset/",
        greeting="Dear Lotte,",
    )


def test_a_changed_password_is_reported(client, mailoutbox):
    user = UserFactory(email="lotte@example.com", first_name="Lotte")
    client.force_login(user)

    client.post(
        "/accounts/password/change/",
        {"oldpassword": DEFAULT_PASSWORD, "password1": PASSWORD, "password2": PASSWORD},
        REMOTE_ADDR=ADDRESS,
    )

    [message] = mailoutbox
    assert_academy_email(
        message,
        subject="Your Academy password was changed",
        link=f"{SITE}/accounts/password/reset/",
        greeting="Dear Lotte,",
    )
    assert "Your password was changed." in message.body
    assert ADDRESS in message.body and "academy@example.org" in message.body


def test_an_added_address_is_confirmed_by_email(client, mailoutbox):
    client.force_login(UserFactory(email="lotte@example.com", first_name="Lotte"))

    client.post("/accounts/email/", {"email": "lotte@work.example.com", "action_add": ""})

    [message] = mailoutbox
    assert message.to == ["lotte@work.example.com"]
    assert_academy_email(
        message,
        subject="Confirm your email address for the Academy",
        link=link_in(message.body, "/accounts/confirm-email/"),
        greeting="Dear Lotte,",
    )


def test_a_new_primary_address_and_a_removed_one_are_reported(client, mailoutbox):
    user = UserFactory(email="lotte@example.com", first_name="Lotte")
    EmailAddress.objects.create(user=user, email="lotte@work.example.com", verified=True)
    client.force_login(user)

    for action, address in (("primary", "lotte@work.example.com"), ("remove", "lotte@example.com")):
        client.post(
            "/accounts/email/", {"email": address, f"action_{action}": ""}, REMOTE_ADDR=ADDRESS
        )

    changed, removed = mailoutbox
    assert_academy_email(
        changed,
        subject="Your Academy email address was changed",
        link=f"{SITE}/accounts/password/reset/",
        greeting="Dear Lotte,",
    )
    assert "from lotte@example.com to lotte@work.example.com" in changed.body
    assert_academy_email(
        removed,
        subject="An email address was removed from your Academy account",
        link=f"{SITE}/accounts/password/reset/",
        greeting="Dear Lotte,",
    )


def send_directly(template: str, user, **context):
    """An email whose flow this site leaves switched off (codes instead of links), sent
    as allauth would send it, so that switching it on sends no stranger's wording."""
    request = RequestFactory().get("/", REMOTE_ADDR=ADDRESS)
    request.user = user
    with request_context(request):
        adapter = get_adapter(request)
        adapter.send_mail(f"account/email/{template}", user.email, {"user": user, **context})


@pytest.mark.parametrize(
    ("template", "subject", "context"),
    [
        ("login_code", "Your code to log in to the Academy", {"code": "K7Q2XD"}),
        ("password_reset_code", "Your code for a new Academy password", {"code": "K7Q2XD"}),
        ("password_set", "A password was set for your Academy account", {}),
        ("email_confirm", "Your email address for the Academy is confirmed", {}),
    ],
)
def test_emails_of_flows_that_are_off_are_ours_too(mailoutbox, template, subject, context):
    user = UserFactory(first_name="Lotte")
    if "code" not in context:
        context = {"timestamp": timezone.now(), "ip": ADDRESS, "user_agent": "Firefox"}

    send_directly(template, user, **context)

    [message] = mailoutbox
    assert_academy_email(message, subject=subject, link=SITE + "/", greeting="Dear Lotte,")
    for part in (message.body, html_of(message)):
        assert context.get("code", ADDRESS) in part


# --- In the recipient's language -------------------------------------------------------------


def dutch(english: str) -> str:
    with translation.override("nl"):
        return gettext(english)


def test_a_dutch_account_gets_its_password_reset_in_dutch(client, mailoutbox):
    UserFactory(email="lotte@example.com", first_name="Lotte", preferred_language="nl")

    # Asked from an English page: the email follows the account, not the page.
    client.post("/accounts/password/reset/", {"email": "lotte@example.com"})

    [message] = mailoutbox
    for part in (message.body, html_of(message)):
        assert "Met vriendelijke groet," in part and "Beste Lotte," in part
        assert "Kind regards" not in part
    assert 'lang="nl"' in html_of(message)
    subject = "Choose a new password for the Academy"
    if dutch(subject) == subject:
        pytest.skip("The Dutch catalogue has no translation of the new subjects yet.")
    assert message.subject == dutch(subject)


def test_a_dutch_visitor_gets_the_sign_up_confirmation_in_dutch(client, mailoutbox):
    client.post("/accounts/signup/", SIGNUP, headers={"accept-language": "nl"})

    [message] = mailoutbox
    assert "Met vriendelijke groet," in message.body and "Beste Noor," in message.body
    subject = "Confirm your email address to finish signing up for the Academy"
    if dutch(subject) == subject:
        pytest.skip("The Dutch catalogue has no translation of the new subjects yet.")
    assert message.subject == dutch(subject)
