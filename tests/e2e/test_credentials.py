"""A pass recorded in the admin becomes a credential the learner can share; anyone following
its QR code sees whether it is valid, and sees at once when it is revoked."""

import io
import shutil
import subprocess

import pypdfium2
import pytest
from playwright.sync_api import expect

from catalogue.services import ensure_curation_groups
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory
from tests.conftest import REQUIRE_SERVICES, skip_or_fail
from tests.e2e.helpers import log_in
from tests.enrolment.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def qr_url_of(pdf: bytes, tmp_path) -> str:
    """Read the certificate's QR code the way a phone would: from the printed page."""
    if not shutil.which("zbarimg"):
        skip_or_fail("zbarimg (zbar-tools) is needed to read QR codes", required=REQUIRE_SERVICES)
    image = pypdfium2.PdfDocument(io.BytesIO(pdf))[0].render(scale=3).to_pil()
    path = tmp_path / "certificate.png"
    image.save(path)
    output = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True,
                            text=True, check=True).stdout  # fmt: skip
    return output.strip()


def test_pass_in_admin_to_verified_credential_and_revocation(
    page, live_server, settings, axe_violations, tmp_path
):
    settings.SITE_URL = live_server.url  # the QR code must lead to this test server
    ensure_curation_groups()
    UserFactory(email="office@example.com", is_staff=True, is_superuser=True)
    learner = UserFactory(email="noor@example.com", first_name="Noor", last_name="Bakker")
    module = ModuleFactory(title="Data ethics", ects=3, level=6,
                           learning_outcomes=["Weigh values in data projects"])  # fmt: skip
    run = ModuleRunFactory(module=module, taken_place=True)  # results wait for a run to end
    enrolment = EnrolmentFactory(run=run, learner=learner)

    log_in(page, "office@example.com")
    page.goto("/admin/credentials/result/add/")
    page.locator("#id_enrolment + .select2").click()  # an autocomplete of curated enrolments
    page.locator(".select2-search__field").fill("noor@example.com")
    page.get_by_role("option", name=str(enrolment)).click()
    page.get_by_label("Passed").check()
    page.get_by_label("Grade").fill("8")
    page.locator("#id_assessed_on").fill("2026-11-20")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("The credential is being issued.")).to_be_visible()

    log_in(page, "noor@example.com")
    page.goto("/me/")
    expect(page.get_by_role("link", name="Data ethics").last).to_be_visible()
    assert axe_violations(page) == []
    pdf_link = page.get_by_role("link", name="Certificate (PDF) Data ethics")
    pdf = page.request.get(live_server.url + pdf_link.get_attribute("href")).body()
    url = qr_url_of(pdf, tmp_path)
    assert url.startswith(live_server.url + "/credentials/")

    page.context.clear_cookies()  # anyone, not logged in
    page.goto(url)
    expect(page.get_by_text("Valid", exact=True)).to_be_visible()
    expect(page.get_by_text("Noor Bakker")).to_be_visible()
    assert axe_violations(page) == []

    log_in(page, "office@example.com")
    page.goto("/admin/credentials/credential/")
    page.get_by_role("checkbox", name="Select this object for an action").first.check()
    page.locator("select[name=action]").select_option("revoke")
    page.get_by_role("button", name="Go").click()
    page.get_by_label("Reason for revocation").fill("Assessment fraud")
    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text("The selected credentials are revoked.")).to_be_visible()

    page.context.clear_cookies()
    page.goto(url)
    expect(page.get_by_text("Revoked", exact=True)).to_be_visible()
    expect(page.get_by_text("Assessment fraud")).to_be_visible()
    assert axe_violations(page) == []
