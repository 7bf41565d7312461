"""Every page of the site works under its Content-Security-Policy: Chromium reports no
violation (no refused inline script or style, nothing from elsewhere) on any of them."""

import pytest
from playwright.sync_api import expect

from academy.models import Invitation, Membership
from catalogue.models import Module, ModuleRun, Session, Teaching
from credentials.models import Credential
from demand.models import LearningNeed, ModuleProposal
from enrolment.models import Cohort
from tests.e2e.demo.conftest import PASSWORD
from tests.e2e.helpers import log_in

pytestmark = pytest.mark.django_db  # the demo is the folder's (conftest.py)

# Runs before any script of the page, in each document: the policy's violation events.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} refused ${event.blockedURI || "inline"}`
    + ` (${event.sourceFile || ""}:${event.lineNumber}) ${event.sample || ""}`
  );
});
"""


class Visitor:
    """Browser tabs that remember every CSP violation on every page they visited.

    `visit_all` opens a list of pages a few at a time, one a tab: each still waits until
    the network has been idle for half a second, but they wait side by side."""

    TABS = 4

    def __init__(self, page):
        self.page = page
        self.tabs = [page]
        self.violations: list[str] = []
        self.visited: list[str] = []
        page.context.add_init_script(LISTEN_FOR_VIOLATIONS)  # in every tab of the context
        self._watch(page)

    def _watch(self, tab):
        tab.on("console", lambda message: self._console(tab, message))

    def _console(self, tab, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.violations.append(f"{tab.url}: console: {message.text}")

    def collect(self, tab=None):
        tab = tab or self.page
        for violation in tab.evaluate("window.__cspViolations || []"):
            self.violations.append(f"{tab.url}: {violation}")
        tab.evaluate("window.__cspViolations = []")

    def visit(self, path):
        self.visit_all([path])

    def visit_all(self, paths):
        while len(self.tabs) < min(self.TABS, len(paths)):
            tab = self.page.context.new_page()
            self._watch(tab)
            self.tabs.append(tab)
        for start in range(0, len(paths), len(self.tabs)):
            batch = zip(self.tabs, paths[start : start + len(self.tabs)], strict=False)
            opened = [(tab, path, tab.goto(path, wait_until="commit")) for tab, path in batch]
            for tab, path, response in opened:
                tab.wait_for_load_state("networkidle")
                assert response.status < 500, f"{path}: {response.status}"
                assert "content-security-policy" in response.all_headers(), path
                self.visited.append(path)
                self.collect(tab)


@pytest.fixture
def visitor(page):
    return Visitor(page)


def test_no_page_of_the_site_violates_the_content_security_policy(visitor, page):
    module = Module.objects.filter(status=Module.Status.PUBLISHED).order_by("pk").first()
    run = ModuleRun.objects.filter(module=module).order_by("pk").first()
    credential = Credential.objects.filter(learner__email="learner@example.org").first()
    organisation = Membership.objects.get(user__email="employer@example.org").organisation
    cohort = Cohort.objects.filter(organisation=organisation).first()
    taught = Teaching.objects.filter(lecturer__email="lecturer@example.org").first()
    session = Session.objects.filter(run=taught.run).order_by("starts_at").first()
    proposal = ModuleProposal.objects.filter(proposer=taught.lecturer).first()
    employer = f"/employer/{organisation.pk}"
    invitation = Invitation.objects.filter(organisation=organisation).first()

    public = [
        "/",
        "/modules/",
        module.get_absolute_url(),
        f"/credentials/{credential.pk}/",
        "/credentials/check/",
        "/learning-needs/new/",
        "/learning-needs/thanks/",
        f"/invitations/{invitation.token}/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/no-such-page/",
    ]
    visitor.visit_all(public)

    # htmx: filtering the catalogue swaps the results in place.
    visitor.visit("/modules/")
    page.locator("#catalogue-form input[type=checkbox]").first.check()
    expect(page.locator("#catalogue-results")).not_to_have_class("htmx-request")
    page.wait_for_load_state("networkidle")
    visitor.collect()

    log_in(page, "learner@example.org", PASSWORD)
    visitor.visit_all(
        [
            "/me/",
            "/me/profile/",
            "/me/data/",
            "/me/learning-needs/",
            module.themes.first().get_absolute_url(),
            f"/modules/{module.slug}/{run.code}/enrol/",
            "/accounts/email/",
            "/accounts/password/change/",
        ]
    )

    log_in(page, "employer@example.org", PASSWORD)
    visitor.visit_all(
        [
            f"{employer}/",
            f"{employer}/invite/",
            f"{employer}/imports/new/",
            f"{employer}/cohorts/",
            f"{employer}/cohorts/new/",
            f"{employer}/cohorts/{cohort.pk}/",
            f"{employer}/learning-needs/",
            f"{employer}/learning-needs/new/",
            "/employer/register/",
        ]
    )

    log_in(page, "lecturer@example.org", PASSWORD)
    visitor.visit_all(
        [
            "/teaching/",
            "/teaching/proposals/",
            "/teaching/proposals/new/",
            f"/teaching/proposals/{proposal.pk}/",
            f"/teaching/sessions/{session.pk}/attendance/",
            f"/teaching/runs/{session.run_id}/results/",
        ]
    )

    log_in(page, "admin@example.org", PASSWORD)
    visitor.visit_all(
        [
            "/admin/",
            "/admin/catalogue/module/",
            f"/admin/catalogue/module/{module.pk}/change/",
            "/admin/catalogue/modulerun/",
            f"/admin/catalogue/modulerun/{run.pk}/change/",
            "/admin/catalogue/modulerun/teaching-report/",
            "/admin/catalogue/session/add/",
            "/admin/enrolment/enrolment/",
            "/admin/credentials/result/add/",
            "/admin/credentials/credential/",
            "/admin/academy/user/",
            "/admin/demand/learningneed/",
            f"/admin/demand/learningneed/{LearningNeed.objects.first().pk}/change/",
            "/admin/demand/moduleproposal/",
            "/insights/demand/",
        ]
    )
    # The admin's own scripts: an autocomplete (select2), the calendar and clock pickers.
    visitor.visit("/admin/catalogue/session/add/")
    page.locator(".select2-selection").first.click()
    expect(page.locator(".select2-results__option").first).to_be_visible()
    page.keyboard.press("Escape")
    page.locator(".datetimeshortcuts a").first.click()
    visitor.collect()

    assert len(visitor.visited) > 35
    assert visitor.violations == [], "\n".join(visitor.violations)
