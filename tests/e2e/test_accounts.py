"""Accounts in Chromium: a professional signs up, an invited one signs up and accepts; an
employer imports staff from a CSV."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from academy.models import Invitation, Organisation
from tests.academy.factories import InvitationFactory, UserFactory
from tests.catalogue.factories import ThemeFactory
from tests.e2e.helpers import fits_a_phone, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_professional_signs_up_confirms_email_and_edits_profile(page, live_server, settings,
                                                                axe_violations):  # fmt: skip
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = live_server.url
    ThemeFactory(name="Data & AI")
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    assert axe_violations(page) == []
    fits_a_phone(page, "login")
    page.get_by_role("main").get_by_role("link", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign up")
    assert axe_violations(page) == []
    fits_a_phone(page, "signup")
    page.get_by_label("Given name").fill("Noor")
    page.get_by_label("Family name").fill("Bakker")
    page.locator("#id_email").fill("noor@example.com")
    page.locator("#id_password1").fill("a long enough password")
    page.locator("#id_password2").fill("a long enough password")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your email address")
    fits_a_phone(page, "verification-sent")

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    assert link.startswith(live_server.url)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("button", name="Log out")).to_be_visible()  # logged in at once
    page.goto("/me/profile/")
    assert axe_violations(page) == []
    expect(page.get_by_label("First name")).to_have_value("Noor")
    page.get_by_label("Job title").fill("Beleidsadviseur")
    page.get_by_label("Data & AI").check()
    page.get_by_role("button", name="Save profile").click()

    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    expect(page.get_by_label("Job title")).to_have_value("Beleidsadviseur")


def test_invited_person_signs_up_confirms_and_accepts(page, live_server, settings,
                                                      axe_violations):  # fmt: skip
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = live_server.url
    invitation = InvitationFactory(email="roos@tiel.example.nl", organisation__name="Gemeente Tiel")
    page.goto(f"/invitations/{invitation.token}/")
    fits_a_phone(page, "invitation-anonymous")
    page.get_by_role("main").get_by_role("link", name="Sign up").click()
    page.get_by_label("Given name").fill("Roos")
    page.get_by_label("Family name").fill("Dijkstra")
    page.locator("#id_email").fill("roos@tiel.example.nl")
    page.locator("#id_password1").fill("a long enough password")
    page.locator("#id_password2").fill("a long enough password")
    page.get_by_role("button", name="Sign up").click()

    [message] = mail.outbox
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    expect(page).to_have_url(f"{live_server.url}/invitations/{invitation.token}/")
    assert axe_violations(page) == []
    fits_a_phone(page, "invitation")
    page.get_by_role("button", name="Accept the invitation").click()
    expect(page.get_by_text("You are now a member of Gemeente Tiel.")).to_be_visible()


def test_employer_registers_imports_a_csv_fixes_a_bad_row_and_confirms(page, tmp_path,
                                                                       axe_violations):  # fmt: skip
    UserFactory(email="hr@tiel.example.nl")
    log_in(page, "hr@tiel.example.nl")
    page.goto("/employer/")
    page.get_by_role("link", name="Register your organisation").click()
    assert axe_violations(page) == []
    page.get_by_label("Name").fill("Gemeente Tiel")
    page.get_by_label("Chamber of Commerce number").fill("12345678")
    page.get_by_label("Billing email").fill("crediteuren@tiel.example.nl")
    page.get_by_label("Billing address").fill("Kanaalweg 1")
    page.get_by_label("Postal code").fill("4001 AA")
    page.get_by_label("City").fill("Tiel")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gemeente Tiel")
    assert axe_violations(page) == []

    bad = tmp_path / "staff.csv"
    bad.write_text("email;voornaam;achternaam;functie\njan@tiel.example.nl;Jan;de Vries;Jurist\n"
                   "anna-at-tiel;Anna;Smit;Adviseur\n", encoding="utf-8-sig")  # fmt: skip
    page.get_by_role("link", name="Import a staff list (CSV)").click()
    page.get_by_label("Staff list (CSV)").set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(
        page.get_by_role("cell", name="“anna-at-tiel” is not a valid email address.")
    ).to_be_visible()
    assert axe_violations(page) == []
    assert not Invitation.objects.exists()

    fixed = tmp_path / "staff-fixed.csv"
    corrected = bad.read_text(encoding="utf-8-sig").replace("anna-at-tiel", "anna@tiel.example.nl")
    fixed.write_text(corrected, encoding="utf-8-sig")
    page.get_by_role("link", name="Upload a corrected file").click()
    page.get_by_label("Staff list (CSV)").set_input_files(str(fixed))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("0 problems")).to_be_visible()
    page.get_by_role("button", name="Import and invite 2 people").click()

    expect(page.get_by_text("Imported 2 people")).to_be_visible()
    organisation = Organisation.objects.get(name="Gemeente Tiel")
    assert sorted(organisation.invitations.values_list("email", flat=True)) == [
        "anna@tiel.example.nl", "jan@tiel.example.nl"]  # fmt: skip
    expect(page.get_by_role("cell", name="anna@tiel.example.nl Anna Smit")).to_be_visible()
