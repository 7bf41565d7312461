"""The public pages: /terms/, /privacy/, /cookies/, /accessibility/ and earlier versions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.legal.factories import publish

pytestmark = pytest.mark.django_db

PAGES = {
    "/terms/": "Terms of enrolment",
    "/privacy/": "Privacy statement",
    "/cookies/": "Cookie statement",
    "/accessibility/": "Accessibility statement",
}


@pytest.mark.parametrize(("url", "title"), PAGES.items())
def test_every_page_shows_its_shipped_first_version_in_english(client, url, title):
    html = client.get(url).content.decode()

    assert f"<h1>{title}</h1>" in html
    today = timezone.localdate()
    assert f"Version 1, in effect from {today.day} {today:%B %Y}" in html
    assert "academy@example.org" in html  # the contact address filled in from the settings
    assert "[contact email]" not in html


def test_pages_are_in_dutch_when_the_visitor_reads_dutch(client):
    client.cookies["django_language"] = "nl"

    terms = client.get("/terms/").content.decode()
    cookies = client.get("/cookies/").content.decode()
    accessibility = client.get("/accessibility/").content.decode()

    assert '<html lang="nl"' in terms
    assert "Deze voorwaarden gelden voor elke inschrijving" in terms
    assert "Een aanbod blijft 48 uur staan." in terms
    assert "alleen functionele cookies" in cookies
    assert "voldoet gedeeltelijk" in accessibility


def test_a_version_without_dutch_falls_back_to_english_marked_as_english(client):
    publish("privacy", body_en="We keep little.", body_nl="")
    client.cookies["django_language"] = "nl"

    html = client.get("/privacy/").content.decode()

    assert '<div class="legal-text" lang="en"><p>We keep little.</p></div>' in html


def test_the_current_version_is_shown_and_earlier_ones_stay_readable(client):
    publish("terms", body_en="The second terms.", changes_en="Shorter cancellation period.")

    current = client.get("/terms/").content.decode()
    first = client.get("/terms/1/")

    assert "The second terms." in current and "Version 2, in effect from" in current
    assert 'href="/terms/1/"' in current and "Shorter cancellation period." in current
    assert first.status_code == 200
    html = first.content.decode()
    assert "Deze voorwaarden" not in html and "These terms apply to every enrolment" in html
    assert "This is an earlier version; it was replaced on" in html
    assert 'href="/terms/"' in html
    assert client.get("/terms/3/").status_code == 404


def test_a_version_to_come_is_announced_but_not_yet_in_effect(client):
    later = timezone.localdate() + timedelta(days=30)
    publish("cookies", body_en="Cookies to come.", effective_from=later)

    html = client.get("/cookies/").content.decode()

    assert "Cookies to come." not in html and "Version 1," in html
    assert "A new version takes effect on" in html and 'href="/cookies/2/"' in html
    assert "This version takes effect on" in client.get("/cookies/2/").content.decode()


def test_text_typed_as_html_is_shown_as_text(client):
    publish("accessibility", body_en='## Hello <b>there</b>\n<script>alert("x")</script>')

    html = client.get("/accessibility/").content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "Hello &lt;b&gt;there&lt;/b&gt;</h2>" in html


def test_headings_bullets_and_site_paths_become_html(client):
    publish("privacy", body_en="## Your rights\n- Export at /me/data/\n- Mail privacy@example.org")

    html = client.get("/privacy/").content.decode()

    assert '<h2 class="h4 mt-4" id="your-rights">Your rights</h2>' in html
    assert '<li>Export at <a href="/me/data/">/me/data/</a></li>' in html
    assert '<a href="mailto:privacy@example.org">privacy@example.org</a>' in html


def test_every_page_links_the_four_documents_in_its_footer(client):
    html = client.get("/modules/").content.decode()
    footer = html[html.index("<footer") :]

    for url in PAGES:
        assert f'href="{url}"' in footer


def test_a_page_reads_in_constant_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2) as few:
        client.get("/terms/")
    for n in range(5):
        publish("terms", body_en=f"Version {n + 2}.")
    with django_assert_max_num_queries(len(few)):
        assert client.get("/terms/").status_code == 200
