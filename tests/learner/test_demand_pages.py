"""The professional's side of demand, as a visitor uses it: 'tell me when' on a module
without an open run and on a theme's page, the links in the emails, and /me/learning-needs/."""

import re

import pytest

from catalogue.models import ModuleRun
from demand import services
from demand.models import Interest, LearningNeed
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, ThemeFactory
from tests.demand.factories import LearningNeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_module_without_an_open_run_offers_tell_me_when_and_one_click_signs_up(client):
    module = ModuleFactory(title="Data ethics", no_run_reason="On request")
    open_module = ModuleFactory(title="Open now")
    ModuleRunFactory(module=open_module, status=ModuleRun.Status.OPEN)
    user = UserFactory()
    client.force_login(user)

    assert (
        "Tell me when a new run opens"
        not in client.get(open_module.get_absolute_url()).content.decode()
    )
    page = client.get(module.get_absolute_url()).content.decode()
    assert "Tell me when a new run opens" in page

    response = client.post(f"/modules/{module.slug}/follow/", follow=True)
    assert "we will email you when a new run opens" in response.content.decode()
    interest = Interest.objects.get()
    assert (interest.user, interest.module, interest.confirmed_at is not None) == (
        user,
        module,
        True,
    )
    assert "Stop telling me" in client.get(module.get_absolute_url()).content.decode()


def test_anonymous_interest_waits_for_the_emailed_link(client, committed, mailoutbox):
    theme = ThemeFactory(name="Sustainability", slug="sustainability")
    ModuleFactory(title="Circular procurement", themes=[theme])
    page = client.get("/themes/sustainability/")
    assert page.status_code == 200
    assert "Circular procurement" in page.content.decode()

    with committed():
        client.post("/themes/sustainability/follow/", {"email": "visitor@example.org"})
    assert Interest.objects.get().confirmed_at is None
    link = re.search(r"http://\S+/interest/\S+/confirm/", mailoutbox[0].body).group(0)
    path = link.split("//", 1)[1].split("/", 1)[1]

    assert "Yes, tell me" in client.get(f"/{path}").content.decode()  # a scanner's GET: no change
    assert Interest.objects.get().confirmed_at is None
    assert "Confirmed" in client.post(f"/{path}").content.decode()
    assert Interest.objects.get().confirmed_at is not None


def test_a_bad_address_is_said_and_nothing_saved(client):
    ModuleFactory(slug="data-ethics", no_run_reason="On request")
    response = client.post("/modules/data-ethics/follow/", {"email": "not-an-address"}, follow=True)
    assert "Enter a valid email address" in response.content.decode()
    assert not Interest.objects.exists()


def test_an_unknown_link_says_so(client):
    assert client.get("/interest/" + "x" * 43 + "/confirm/").status_code == 404
    assert "no longer valid" in client.get("/interest/" + "x" * 43 + "/stop/").content.decode()


def test_my_learning_needs_shows_where_each_stands_and_only_mine(client, committed):
    user = UserFactory()
    mine = LearningNeedFactory(submitted_by=user, topic="Circular procurement",
                               status=LearningNeed.Status.DECLINED,
                               decline_reason="Offered by our partner.")  # fmt: skip
    LearningNeedFactory(topic="Someone else's")
    services.register_interest(module=ModuleFactory(title="Data ethics"), user=user, language="en")
    client.force_login(user)

    page = client.get("/me/learning-needs/").content.decode()
    assert mine.topic in page and "Offered by our partner." in page and "Declined" in page
    assert "Someone else" not in page
    assert "Data ethics" in page
    client.logout()
    assert client.get("/me/learning-needs/").status_code == 302


def test_my_learning_needs_has_constant_queries(client, django_assert_max_num_queries):
    user = UserFactory()
    client.force_login(user)
    for _ in range(2):
        LearningNeedFactory(submitted_by=user)
    with django_assert_max_num_queries(12) as few:
        client.get("/me/learning-needs/")
    for _ in range(20):
        LearningNeedFactory(submitted_by=user)
    with django_assert_max_num_queries(len(few)):
        client.get("/me/learning-needs/")


def test_one_cannot_stop_someone_elses_interest(client):
    other = services.register_interest(module=ModuleFactory(), user=UserFactory(), language="en")
    client.force_login(UserFactory())
    assert client.post(f"/me/interest/{other.pk}/stop/").status_code == 404
    assert Interest.objects.filter(pk=other.pk).exists()
