"""Every page each demo role can reach fits a phone and has no serious accessibility issue.

The browser walks the demo academy as each role would: from the role's landing page it
follows the links on every page it opens (never the admin, files or log-out), opening each
kind of page once (one module page stands for all module pages, and a page that several
roles reach is checked for the first), in English and in Dutch
(Dutch words are longer). A page fails when the document is wider than the 390 px
viewport or when axe-core reports a serious or critical violation. With
ACADEMY_SCREENSHOTS set, every page is photographed at 390 and 1280 px for people to look
at.
"""

from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve

from tests.e2e.demo.conftest import PASSWORD
from tests.e2e.helpers import SHOTS

pytestmark = pytest.mark.django_db  # the demo is the folder's (conftest.py)

ROLES = {
    "visitor": None,
    "learner": "learner@example.org",
    "employer": "employer@example.org",
    "lecturer": "lecturer@example.org",
    "portfolio": "portfolio@example.org",
    "office": "admin@example.org",
}
NOT_PAGES = (".pdf", ".json", ".jwt", ".ics", ".csv", ".png", ".svg", ".xml")
NOT_WALKED = ("/admin/", "/static/", "/media/", "/i18n/", "/accounts/logout/")
PAGES_PER_ROLE = 60


def page_kind(path: str) -> str | None:
    """The URL pattern's name, so that one module page stands for all of them."""
    if path.startswith(NOT_WALKED) or path.endswith(NOT_PAGES):
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name or path


def log_in(page, email: str, language: str) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()
    set_language(page, language)


def set_language(page, language: str) -> None:
    button = page.locator(f'form[action*="/i18n/setlang/"] button[value="{language}"]')
    if button.count():
        button.first.click()
        page.wait_for_load_state()


def links_on(page, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" == origin:
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def walk(page, origin, start, role, language, check, seen_kinds: set[str]) -> set[str]:
    """The kinds of page this role reached; those another role reached are not opened again."""
    reached: set[str] = set()
    opened = 0
    queue = [start]
    while queue and opened < PAGES_PER_ROLE:
        path = queue.pop(0)
        kind = page_kind(urlsplit(path).path)
        if kind is None or kind in reached:
            continue
        reached.add(kind)
        if kind in seen_kinds and path != start:
            continue
        seen_kinds.add(kind)
        opened += 1
        response = page.goto(path)
        if response is None or response.status >= 400:
            check.append(f"{role} {language} {path}: HTTP {response and response.status}")
            continue
        check.page(page, f"{role}-{language}-{kind.replace(':', '-')}", path)
        queue.extend(links_on(page, origin))
    return reached


class Findings(list):
    def __init__(self, axe_violations, *, with_axe: bool):
        super().__init__()
        self.axe_violations = axe_violations
        self.with_axe = with_axe

    def page(self, page, name: str, path: str) -> None:
        page.set_viewport_size({"width": 390, "height": 844})
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide = page.evaluate(
                """() => [...document.querySelectorAll('body *')]
                    .filter(el => el.getBoundingClientRect().right > 391)
                    .slice(0, 3)
                    .map(el => el.tagName.toLowerCase() + (el.className ? '.' +
                         String(el.className).trim().split(/\\s+/).join('.') : ''))"""
            )
            self.append(f"{name} ({path}) is {width}px wide at 390: {wide}")
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/{name}-390.png", full_page=True)
        if self.with_axe:
            violations = self.axe_violations(page)
            if violations:
                self.append(f"{name} ({path}): {self.axe_violations.describe(violations)}")
        page.set_viewport_size({"width": 1280, "height": 900})
        if SHOTS:
            page.screenshot(path=f"{SHOTS}/{name}-1280.png", full_page=True)


def test_every_page_of_every_role_fits_a_phone(demo_site, page, axe_violations):
    findings = []
    for language in ("en", "nl"):
        # axe's findings do not depend on the language's word lengths; widths do.
        check = Findings(axe_violations, with_axe=language == "en")
        walked = {}
        seen_kinds: set[str] = set()
        for role, email in ROLES.items():
            if email:
                log_in(page, email, language)
                start = urlsplit(page.url).path
            else:
                page.context.clear_cookies()
                page.goto("/")
                set_language(page, language)
                start = "/"
            walked[role] = walk(page, demo_site.url, start, role, language, check, seen_kinds)
        findings += check
        # The walk reached each role's own pages, not only the public ones.
        assert "learner:my_learning" in walked["learner"]
        assert "employer:staff" in walked["employer"]
        assert "teaching:index" in walked["lecturer"]
        assert "insights:dashboard" in walked["office"]
        assert "catalogue:catalogue" in walked["visitor"]

    assert findings == [], "\n".join(findings)
