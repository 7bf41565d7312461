"""Steps many browser tests share."""

from playwright.sync_api import expect

from tests.academy.factories import DEFAULT_PASSWORD


def log_in(page, email, password=DEFAULT_PASSWORD):
    """Log in through the login page, as someone else if another user was logged in."""
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
