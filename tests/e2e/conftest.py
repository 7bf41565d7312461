"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server."""

import json
import os
from pathlib import Path

import pytest

from tests.conftest import skip_or_fail

# Playwright's sync API runs an event loop in this thread; Django's ORM must not refuse it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
REQUIRE_BROWSER = os.environ.get("ACADEMY_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        skip_or_fail(
            f"Chromium not found at {CHROMIUM} (apt-get install chromium)", required=REQUIRE_BROWSER
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe_violations():
    """Run axe-core on the page and return its serious and critical violations."""
    if not AXE.exists():
        skip_or_fail(f"axe-core not installed at {AXE} (npm ci)", required=REQUIRE_BROWSER)

    def run(page):
        # Evaluated through DevTools rather than added as an inline <script>, which the
        # site's Content-Security-Policy refuses (as it should).
        page.evaluate(AXE.read_text())
        results = page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})"
        )
        serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in serious
        ]

    run.describe = lambda violations: json.dumps(violations, indent=2)
    return run
