"""A run's capacity changes in one place: never below the seats held, freed seats offered on;
"full" is what the seats say, not a status anyone types."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from catalogue.models import ModuleRun
from catalogue.services import PORTFOLIO_HOLDERS, ensure_curation_groups
from enrolment import services
from enrolment.models import WaitingListEntry
from tests.academy.factories import UserFactory
from tests.catalogue.factories import FacultyFactory, ModuleRunFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def holder():
    ensure_curation_groups()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    FacultyFactory().portfolio_holders.add(user)
    return user


@pytest.fixture
def full_run(holder):
    run = ModuleRunFactory(capacity=2, module__faculty=holder.curated_faculties.get())
    for _ in range(2):
        services.enrol(run=run, learner=UserFactory())
    return run


def waiting(run, count):
    return [services.enrol(run=run, learner=UserFactory()) for _ in range(count)]


def test_raising_the_capacity_of_a_full_run_offers_the_new_seats_to_the_waiting_list(
    full_run, holder
):
    first, second, third = waiting(full_run, 3)

    offered = services.change_capacity(run=full_run, capacity=4, by=holder)

    assert [entry.pk for entry in offered] == [first.pk, second.pk]
    statuses = dict(WaitingListEntry.objects.values_list("pk", "status"))
    assert statuses[first.pk] == statuses[second.pk] == WaitingListEntry.Status.OFFERED
    assert statuses[third.pk] == WaitingListEntry.Status.WAITING
    full_run.refresh_from_db()
    assert full_run.capacity == 4 and services.seats_taken(full_run) == 4


def test_capacity_cannot_go_below_the_seats_held_or_offered(full_run, holder):
    waiting(full_run, 1)
    services.change_capacity(run=full_run, capacity=3, by=holder)  # the third seat is offered

    with pytest.raises(services.EnrolmentError, match="3 seats are held or offered") as error:
        services.change_capacity(run=full_run, capacity=2, by=holder)

    assert "capacity" in error.value.problems
    full_run.refresh_from_db()
    assert full_run.capacity == 3


def test_only_whoever_curates_the_run_changes_its_capacity(full_run):
    with pytest.raises(PermissionDenied):
        services.change_capacity(run=full_run, capacity=10, by=UserFactory(is_staff=True))


def test_full_is_derived_from_the_seats_and_never_stored(full_run):
    assert "full" not in ModuleRun.Status.values
    full_run.refresh_from_db()
    assert full_run.status == ModuleRun.Status.OPEN
    full_run.seats_taken = services.seats_taken(full_run)
    assert full_run.is_full and full_run.seats_left == 0


def run_form(run, **changes):
    data = {
        "module": run.module_id, "code": run.code, "start_date": run.start_date,
        "end_date": run.end_date, "capacity": run.capacity, "status": run.status,
        "location": "", "price_override": "", "enrolment_opens": "", "enrolment_closes": "",
        "cancellation_deadline": "",
        "sessions-TOTAL_FORMS": 0, "sessions-INITIAL_FORMS": 0,
        "teachings-TOTAL_FORMS": 0, "teachings-INITIAL_FORMS": 0,
    }  # fmt: skip
    return {**data, **changes}


def test_the_run_admin_changes_capacity_through_the_service(client, full_run, holder):
    (entry,) = waiting(full_run, 1)
    client.force_login(holder)
    url = f"/admin/catalogue/modulerun/{full_run.pk}/change/"

    too_few = client.post(url, run_form(full_run, capacity=1))
    more = client.post(url, run_form(full_run, capacity=3), follow=True)

    assert "2 seats are held or offered" in too_few.content.decode()  # at the field
    entry.refresh_from_db()
    assert entry.status == WaitingListEntry.Status.OFFERED
    assert "offered to 1 person on the waiting list" in more.content.decode()
    full_run.refresh_from_db()
    assert full_run.capacity == 3


def test_the_run_admin_offers_no_full_status_to_type(client, full_run, holder):
    client.force_login(holder)

    page = client.get(f"/admin/catalogue/modulerun/{full_run.pk}/change/").content.decode()
    refused = client.post(
        f"/admin/catalogue/modulerun/{full_run.pk}/change/", run_form(full_run, status="full")
    )

    assert 'value="full"' not in page
    assert "Select a valid choice" in refused.content.decode()


def test_the_module_page_inline_leaves_capacity_to_the_runs_own_page(client, full_run, holder):
    client.force_login(holder)
    module = full_run.module
    response = client.get(f"/admin/catalogue/module/{module.pk}/change/")
    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["learning_outcomes"] = "\n".join(module.learning_outcomes)
    data["themes"], data["partners"] = [], []
    data.update({
        "runs-TOTAL_FORMS": 1, "runs-INITIAL_FORMS": 1, "runs-0-id": full_run.pk,
        "runs-0-module": module.pk, "runs-0-code": full_run.code,
        "runs-0-start_date": full_run.start_date, "runs-0-end_date": full_run.end_date,
        "runs-0-cancellation_deadline": "", "runs-0-capacity": 1, "runs-0-status": "open",
        "runs-0-location": "",
    })  # fmt: skip

    response = client.post(f"/admin/catalogue/module/{module.pk}/change/", data)

    assert "Change the capacity on the run" in response.content.decode()
    full_run.refresh_from_db()
    assert full_run.capacity == 2
