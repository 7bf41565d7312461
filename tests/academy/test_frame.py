"""The site's frame: navigation, landmarks, languages and error pages."""

import pytest
from django.test import Client

from tests.academy.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_home_page_has_the_frame_and_a_search_box(client):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert "<header" in html and "<footer" in html and 'aria-label="Main"' in html
    for link in ('href="/modules/"', 'href="/employer/"', 'href="/me/"', 'href="/accounts/login/"'):
        assert link in html
    assert 'action="/modules/"' in html and 'name="q"' in html
    assert "/static/vendor/bootstrap/bootstrap.min.css" in html
    assert "/static/vendor/htmx/htmx.min.js" in html


def test_logged_in_user_sees_a_logout_button(client):
    user = UserFactory()
    client.force_login(user)

    html = client.get("/").content.decode()

    assert user.email in html
    assert 'action="/accounts/logout/"' in html
    assert 'href="/accounts/login/"' not in html


def test_language_switch_turns_the_site_dutch(client):
    response = client.post("/i18n/setlang/", {"language": "nl", "next": "/"}, follow=True)

    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Blijf groeien in je vak" in html
    assert "Mijn leren" in html


def test_browser_language_is_honoured(client):
    html = client.get("/", headers={"accept-language": "nl-NL,nl;q=0.9"}).content.decode()

    assert '<html lang="nl">' in html


def test_unknown_page_is_a_404_in_the_site_frame(client):
    response = client.get("/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "We could not find that page" in html
    assert 'href="#main"' in html and "<footer" in html


def test_server_error_is_a_500_in_the_site_frame(settings):
    settings.ROOT_URLCONF = "tests.academy.urls_with_error"
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert 'href="#main"' in html and "<footer" in html


def test_footer_names_the_configured_contact_address(client, settings):
    settings.ACADEMY_CONTACT_EMAIL = "leven-lang-leren@uni.example.nl"

    html = client.get("/").content.decode()

    assert 'href="mailto:leven-lang-leren@uni.example.nl"' in html


def test_each_role_lands_where_it_works_and_staff_find_teaching_and_curation(client):
    from academy.models import Membership
    from tests.academy.factories import DEFAULT_PASSWORD, MembershipFactory, UserFactory

    learner = UserFactory()
    employer = MembershipFactory(role=Membership.Role.ADMIN).user
    staff = UserFactory(is_staff=True)
    for person, landing in [(learner, "/me/"), (employer, "/employer/"), (staff, "/teaching/")]:
        client.logout()
        response = client.post("/accounts/login/",
                               {"login": person.email, "password": DEFAULT_PASSWORD})  # fmt: skip
        assert response["Location"] == landing, person
    client.logout()
    on_the_way = client.post("/accounts/login/?next=/modules/",
                             {"login": learner.email, "password": DEFAULT_PASSWORD})  # fmt: skip
    assert on_the_way["Location"] == "/modules/"

    header = client.get("/modules/").content.decode().split("</header>")[0]
    assert 'href="/teaching/"' not in header  # the learner, logged in last
    client.force_login(staff)
    header = client.get("/modules/").content.decode().split("</header>")[0]
    assert 'href="/teaching/"' in header and 'href="/admin/"' in header
    client.logout()
    assert 'href="/accounts/signup/"' in client.get("/").content.decode().split("</header>")[0]


def test_the_learning_need_form_is_linked_from_every_page_and_the_catalogue(client):
    footer = client.get("/").content.decode().split("<footer", 1)[1]
    assert 'href="/learning-needs/new/"' in footer
    catalogue = client.get("/modules/").content.decode().split("<footer", 1)[0]
    assert 'href="/learning-needs/new/"' in catalogue
