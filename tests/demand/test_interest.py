"""'Tell me when': signed in it is one click; by email it waits for the confirmation link.
When a run opens, each interested address hears once per run, with a link that stops it
without logging in. Interest is personal data: exported, and gone with the account."""

import re

import pytest

from academy.personal_data import erase_personal_data, export_personal_data
from catalogue.models import ModuleRun
from demand import services
from demand.models import Interest, InterestNotice
from tests.academy.factories import UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def link_in(mail, name: str) -> str:
    return re.search(rf"http://\S+/interest/\S+/{name}/", mail.body).group(0)


def test_signed_in_interest_counts_at_once_and_a_new_run_is_told_once(committed, mailoutbox):
    module = ModuleFactory(title="Data ethics")
    user = UserFactory(email="ada@example.org")
    services.register_interest(module=module, user=user, language="en")
    services.register_interest(module=module, user=user, language="en")  # twice: one interest
    assert Interest.objects.get().confirmed_at is not None
    assert mailoutbox == []

    ModuleRunFactory(module=module, status=ModuleRun.Status.OPEN)
    with committed():
        assert services.notify_interest_in_open_runs() == 1
    with committed():
        services.notify_interest_in_open_runs()  # beat again: nothing new

    [mail] = mailoutbox
    assert mail.to == ["ada@example.org"] and mail.subject == "Open for enrolment: Data ethics"
    assert "/interest/" in mail.body and "/stop/" in mail.body


def test_by_email_nothing_is_sent_before_the_link_is_used(client, committed, mailoutbox):
    module = ModuleFactory(title="Data ethics")
    with committed():
        services.register_interest(module=module, email="Bob@Example.org", language="en")
    [confirmation] = mailoutbox
    assert confirmation.to == ["bob@example.org"]
    ModuleRunFactory(module=module)
    with committed():
        services.notify_interest_in_open_runs()
    assert len(mailoutbox) == 1  # unconfirmed: no run email

    interest = Interest.objects.get()
    services.confirm_interest(token=interest.token)
    interest.refresh_from_db()
    assert interest.confirmed_at is not None
    with committed():
        services.notify_interest_in_open_runs()
    assert len(mailoutbox) == 1  # the run was open already when confirmed: not news

    ModuleRunFactory(module=module, code="autumn")
    with committed():
        services.notify_interest_in_open_runs()
    assert len(mailoutbox) == 2


def test_one_email_per_run_for_someone_following_the_module_and_its_theme(committed, mailoutbox):
    theme = ThemeFactory(name="Sustainability")
    module = ModuleFactory(title="Circular procurement", themes=[theme])
    other_in_theme = ModuleFactory(title="Climate law", themes=[theme])
    user = UserFactory()
    services.register_interest(module=module, user=user, language="en")
    services.register_interest(theme=theme, user=user, language="en")
    ModuleRunFactory(module=module)
    ModuleRunFactory(module=other_in_theme)
    ModuleRunFactory(module=ModuleFactory(title="Unrelated"))

    with committed():
        services.notify_interest_in_open_runs()

    assert sorted(m.subject for m in mailoutbox) == [
        "Open for enrolment: Circular procurement", "Open for enrolment: Climate law",
    ]  # fmt: skip
    assert InterestNotice.objects.filter(already_open=False).count() == 2


def test_planned_runs_and_unpublished_modules_are_not_announced(committed, mailoutbox):
    module = ModuleFactory(status="draft")
    services.register_interest(module=module, user=UserFactory(), language="en")
    ModuleRunFactory(module=module)
    ModuleRunFactory(module=ModuleFactory(), status=ModuleRun.Status.PLANNED)
    with committed():
        assert services.notify_interest_in_open_runs() == 0
    assert mailoutbox == []


def test_the_stop_link_works_without_logging_in(client, committed, mailoutbox):
    module = ModuleFactory()
    interest = services.register_interest(module=module, user=UserFactory(), language="en")
    ModuleRunFactory(module=module)
    with committed():
        services.notify_interest_in_open_runs()
    stop = link_in(mailoutbox[0], "stop")

    page = client.get(stop)
    assert page.status_code == 200 and Interest.objects.filter(pk=interest.pk).exists()
    client.post(stop)
    assert not Interest.objects.filter(pk=interest.pk).exists()
    assert client.post(stop).status_code == 200  # twice: still a clear page, not an error


def test_interest_is_in_the_export_and_goes_with_the_account():
    user = UserFactory(email="cleo@example.org")
    services.register_interest(module=ModuleFactory(title="Data ethics"), user=user, language="en")
    services.register_interest(theme=ThemeFactory(name="Health"), email="cleo@example.org",
                               language="en")  # fmt: skip

    exported = export_personal_data(user)["demand"]["told_when_runs_open"]
    assert {row["module"] or row["theme"] for row in exported} == {"Data ethics", "Health"}

    erase_personal_data(user)
    assert not Interest.objects.exists()
