"""The module page on a phone: the next run, its price and the Enrol button on the first
screen; the sessions readable without scrolling sideways."""

from datetime import date

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from catalogue.models import Session
from tests.catalogue.factories import (
    ModuleFactory,
    ModuleRunFactory,
    PartnerFactory,
    SessionFactory,
    TeachingFactory,
    ThemeFactory,
    local_datetime,
)
from tests.e2e.helpers import fits_a_phone
from tests.enrolment.factories import WaitingListEntryFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def module():
    module = ModuleFactory(
        title="Responsible AI for policy makers",
        slug="responsible-ai",
        summary="Assess algorithms in public policy: risks, fairness and the EU AI Act, with "
        "cases from ministries and municipalities.",
        themes=[ThemeFactory(name="Data & AI"), ThemeFactory(name="Public sector")],
        partners=[PartnerFactory(name="Hogeschool Rivierenland")],
        price=1450,
        vat_rate=21,
    )
    spring = ModuleRunFactory(module=module, code="2027-03", start_date=date(2027, 3, 4),
                              end_date=date(2027, 4, 15), location="Utrecht, Domplein")  # fmt: skip
    SessionFactory(
        run=spring, title="Kick-off: what makes an algorithm risky",
        starts_at=local_datetime(2027, 3, 4, 13, 30), ends_at=local_datetime(2027, 3, 4, 17, 0),
    )  # fmt: skip
    SessionFactory(
        run=spring, title="Online clinic", mode=Session.Mode.ONLINE, location="",
        starts_at=local_datetime(2027, 4, 1, 19, 0), ends_at=local_datetime(2027, 4, 1, 21, 0),
    )  # fmt: skip
    TeachingFactory(run=spring, lecturer__first_name="Maria", lecturer__last_name="de Jong")
    autumn = ModuleRunFactory(module=module, code="2027-09", start_date=date(2027, 9, 2),
                              end_date=date(2027, 10, 14), capacity=0)  # fmt: skip
    SessionFactory(run=autumn, title="Kick-off", starts_at=local_datetime(2027, 9, 2, 9, 30),
                   ends_at=local_datetime(2027, 9, 2, 12, 30))  # fmt: skip
    return module


def test_a_phone_shows_the_next_run_and_enrol_on_the_first_screen(page, axe_violations, module):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/modules/responsible-ai/")

    glance = page.get_by_role("complementary", name="At a glance")
    enrol = glance.get_by_role("link", name="Enrol")
    expect(glance).to_contain_text("4 Mar 2027 – 15 Apr 2027")
    expect(glance).to_contain_text("€1,450.00")
    assert glance.bounding_box()["y"] < 844
    assert enrol.bounding_box()["y"] + enrol.bounding_box()["height"] < 844
    where = page.get_by_role("cell", name="Utrecht").first  # the sessions' "Where", not hidden
    expect(where).to_be_visible()
    assert where.bounding_box()["x"] + where.bounding_box()["width"] <= 390
    assert axe_violations(page) == []
    fits_a_phone(page, "module-page")


def signed_in(page, live_server, user):
    """The browser carries a session of `user` (the login page is tested elsewhere)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_a_learner_on_the_waiting_list_sees_their_place_on_the_module_page(
    page, live_server, axe_violations, module
):
    entry = WaitingListEntryFactory(run=module.runs.get(code="2027-09"))
    signed_in(page, live_server, entry.learner)
    page.goto("/modules/responsible-ai/")

    card = page.locator(".run-card", has_text="2 September 2027")
    expect(card.get_by_text("On the waiting list (place 1)")).to_be_visible()
    assert axe_violations(page) == []
    fits_a_phone(page, "module-page-waiting-list")
    card.get_by_role("button", name="Leave the waiting list").click()
    page.get_by_role("button", name="Yes, leave the waiting list").click()
    expect(page.get_by_text("You left the waiting list")).to_be_visible()
    expect(page.locator(".run-card", has_text="2 September 2027")
           .get_by_role("link", name="Join the waiting list")).to_be_visible()  # fmt: skip
