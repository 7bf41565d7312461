"""Steps many browser tests share."""

import os

from playwright.sync_api import expect

from tests.academy.factories import DEFAULT_PASSWORD


def log_in(page, email, password=DEFAULT_PASSWORD):
    """Log in through the login page, as someone else if another user was logged in."""
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()  # not "Log in with …"
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


SHOTS = os.environ.get("ACADEMY_SCREENSHOTS")  # a folder: save what the test saw


def fits_a_phone(page, name: str) -> None:
    """The page does not scroll sideways at 390 px; with ACADEMY_SCREENSHOTS set, it is
    photographed at 390 and at 1280 px for people to look at."""
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}-390.png", full_page=True)
    assert width <= 390, f"{name} is {width}px wide at 390"
    page.set_viewport_size({"width": 1280, "height": 900})
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}-1280.png", full_page=True)
