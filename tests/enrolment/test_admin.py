"""Enrolment in the admin: enrolments change only through the services, and every field,
widget and lookup shows only what the user curates (a Science portfolio holder here)."""

from decimal import Decimal

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from catalogue.services import ACADEMY_OFFICE, PORTFOLIO_HOLDERS
from enrolment import services
from enrolment.models import Attendance, Enrolment, Invoice, WaitingListEntry
from tests.academy.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.catalogue.factories import (
    FacultyFactory,
    ModuleFactory,
    ModuleRunFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def science():
    return FacultyFactory(name="Faculty of Science", slug="science")


@pytest.fixture
def medicine():
    return FacultyFactory(name="Faculty of Medicine", slug="medicine")


@pytest.fixture
def holder(science):
    user = UserFactory(is_staff=True, email="holder@example.org")
    user.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    science.portfolio_holders.add(user)
    return user


@pytest.fixture
def office():
    user = UserFactory(is_staff=True, email="office@example.org")
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


@pytest.fixture
def quantum(science):
    return ModuleFactory(faculty=science, title="Quantum computing", price=Decimal("1000.00"))


@pytest.fixture
def anatomy_enrolment(medicine):
    run = ModuleRunFactory(module__faculty=medicine, module__title="Anatomy for managers")
    return services.enrol(run=run, learner=UserFactory(last_name="Medic"))


def enrol_paid(run, learner, capture):
    with capture(execute=True):
        return services.enrol(run=run, learner=learner)


def autocomplete(client, app_label, model_name, field_name, term=""):
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": app_label, "model_name": model_name, "field_name": field_name,
         "term": term},
    )  # fmt: skip
    return response


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- Enrolments are read-only; changes go through services --------------------------------


def test_posting_another_learner_and_run_on_an_enrolment_changes_nothing(
    client, office, quantum, django_capture_on_commit_callbacks
):
    run = ModuleRunFactory(module=quantum, capacity=5)
    full = ModuleRunFactory(module=quantum, capacity=1)
    learner = UserFactory()
    enrolment = enrol_paid(run, learner, django_capture_on_commit_callbacks)
    enrol_paid(full, UserFactory(), django_capture_on_commit_callbacks)
    stranger = MembershipFactory(organisation=OrganisationFactory()).user
    client.force_login(office)

    page = client.get(f"/admin/enrolment/enrolment/{enrolment.pk}/change/")
    client.post(
        f"/admin/enrolment/enrolment/{enrolment.pk}/change/",
        {"learner": stranger.pk, "run": full.pk, "status": "confirmed", "payer": "employer",
         "motivation": "changed", "_save": "Save"},
    )  # fmt: skip

    enrolment.refresh_from_db()
    assert (enrolment.learner, enrolment.run, enrolment.motivation) == (learner, run, "")
    assert services.seats_taken(full) == 1
    assert 'name="learner"' not in page.content.decode()
    assert "Move to another run" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()


def test_enrolments_cannot_be_deleted_in_the_admin(client, office, quantum):
    enrolment = services.enrol(run=ModuleRunFactory(module=quantum), learner=UserFactory())
    client.force_login(office)

    client.post(f"/admin/enrolment/enrolment/{enrolment.pk}/delete/", {"post": "yes"})

    assert Enrolment.objects.filter(pk=enrolment.pk).exists()


def test_moving_into_a_full_run_is_refused(
    client, office, quantum, django_capture_on_commit_callbacks
):
    run = ModuleRunFactory(module=quantum, capacity=5)
    full = ModuleRunFactory(module=quantum, capacity=1, code="full")
    enrolment = enrol_paid(run, UserFactory(), django_capture_on_commit_callbacks)
    enrol_paid(full, UserFactory(), django_capture_on_commit_callbacks)
    client.force_login(office)

    response = client.post(f"/admin/enrolment/enrolment/{enrolment.pk}/move/", {"run": full.pk})

    assert "That run is full; nothing has been moved." in messages_of(response)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED and enrolment.run == run
    assert services.seats_taken(full) == 1
    assert Invoice.objects.filter(kind=Invoice.Kind.CREDIT_NOTE).count() == 0


def test_moving_frees_the_seat_for_the_waiting_list_and_credits_and_reissues_the_invoice(
    client, office, quantum, mailoutbox, django_capture_on_commit_callbacks
):
    run = ModuleRunFactory(module=quantum, capacity=1, code="feb")
    later = ModuleRunFactory(module=quantum, capacity=3, code="may", price_override=1200)
    learner = UserFactory(first_name="Zoë", last_name="Dvořák")
    enrolment = enrol_paid(run, learner, django_capture_on_commit_callbacks)
    waiting = services.enrol(run=run, learner=UserFactory())
    assert isinstance(waiting, WaitingListEntry)
    client.force_login(office)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/enrolment/enrolment/{enrolment.pk}/move/", {"run": later.pk}, follow=True
        )

    moved = Enrolment.objects.get(run=later, learner=learner)
    assert response.redirect_chain[-1][0] == f"/admin/enrolment/enrolment/{moved.pk}/change/"
    assert moved.status == Enrolment.Status.CONFIRMED
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
    waiting.refresh_from_db()
    assert waiting.status == WaitingListEntry.Status.OFFERED
    credit = Invoice.objects.get(kind=Invoice.Kind.CREDIT_NOTE)
    assert credit.corrects.order == enrolment.order and credit.total == Decimal("-1000.00")
    assert credit.lines[0]["enrolment_ids"] == [enrolment.pk]
    assert credit.reason == "Moved to another run"
    invoice = moved.order.invoices.get(kind=Invoice.Kind.INVOICE)
    assert invoice.total == Decimal("1200.00") and "may" in invoice.lines[0]["description"]
    assert invoice.bill_to["lines"][0] == "Zoë Dvořák"
    assert moved.order.learner == learner and moved.order.placed_by == office
    assert LogEntry.objects.filter(user=office, object_id=str(enrolment.pk)).exists()
    assert {m.to[0] for m in mailoutbox if m.attachments} == {learner.email}


def test_moving_is_offered_only_into_runs_of_the_same_module_the_user_curates(
    client, holder, quantum, medicine
):
    enrolment = services.enrol(run=ModuleRunFactory(module=quantum), learner=UserFactory())
    sibling = ModuleRunFactory(module=quantum, code="sibling")
    other_module = ModuleRunFactory(module__faculty=quantum.faculty, code="elsewhere")
    medicine_run = ModuleRunFactory(module__faculty=medicine, code="medicine")
    client.force_login(holder)

    page = client.get(f"/admin/enrolment/enrolment/{enrolment.pk}/move/")
    refused = client.post(
        f"/admin/enrolment/enrolment/{enrolment.pk}/move/", {"run": medicine_run.pk}
    )

    assert list(page.context["form"].fields["run"].queryset) == [sibling]
    assert "run" in refused.context["form"].errors
    assert other_module.enrolments.count() == medicine_run.enrolments.count() == 0


def test_with_no_other_open_run_the_move_page_says_so_instead_of_an_empty_choice(
    client, holder, quantum
):
    enrolment = services.enrol(run=ModuleRunFactory(module=quantum), learner=UserFactory())
    client.force_login(holder)

    page = client.get(f"/admin/enrolment/enrolment/{enrolment.pk}/move/").content.decode()

    assert "nowhere to move this seat" in page
    assert 'name="run"' not in page


def test_move_service_refuses_what_the_form_would_not_offer(quantum, holder, medicine):
    enrolment = services.enrol(run=ModuleRunFactory(module=quantum), learner=UserFactory())
    other_module = ModuleRunFactory(module__faculty=quantum.faculty)
    medicine_run = ModuleRunFactory(module__faculty=medicine)

    with pytest.raises(services.EnrolmentError, match="same module"):
        services.move_enrolment(enrolment=enrolment, run=other_module, by=holder)
    with pytest.raises(PermissionDenied):
        services.move_enrolment(enrolment=enrolment, run=medicine_run, by=holder)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CONFIRMED


def test_office_gives_an_employer_paid_seat_to_a_colleague_not_to_a_stranger(
    client, office, quantum, mailoutbox, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Zorggroep Noord")
    admin = MembershipFactory(organisation=organisation, role="admin").user
    member, colleague = (MembershipFactory(organisation=organisation).user for _ in range(2))
    stranger = MembershipFactory(organisation=OrganisationFactory()).user
    run = ModuleRunFactory(module=quantum)
    with django_capture_on_commit_callbacks(execute=True):
        cohort = services.create_cohort(
            organisation=organisation, run=run, learners=[member], by=admin
        )
    enrolment = cohort.enrolments.get()
    client.force_login(office)

    page = client.get(f"/admin/enrolment/enrolment/{enrolment.pk}/give/")
    offered = set(page.context["form"].fields["replacement"].queryset)
    refused = client.post(
        f"/admin/enrolment/enrolment/{enrolment.pk}/give/", {"replacement": stranger.pk}
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/enrolment/enrolment/{enrolment.pk}/give/", {"replacement": colleague.pk}
        )

    assert offered == {admin, colleague}
    assert "replacement" in refused.context["form"].errors
    new = Enrolment.objects.get(run=run, learner=colleague)
    assert new.cohort == cohort and new.order == enrolment.order
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.CANCELLED
    assert not Enrolment.objects.filter(learner=stranger).exists()
    assert Invoice.objects.count() == 1  # the employer's invoice stands
    assert colleague.email in {m.to[0] for m in mailoutbox}
    assert LogEntry.objects.filter(user=office, object_id=str(new.pk)).exists()


def test_a_seat_the_learner_pays_cannot_go_to_someone_else(quantum, office):
    enrolment = services.enrol(run=ModuleRunFactory(module=quantum), learner=UserFactory())

    with pytest.raises(services.EnrolmentError, match="Only a seat an employer pays"):
        services.give_seat_to_colleague(enrolment=enrolment, replacement=UserFactory(), by=office)


def test_holder_cannot_open_or_move_another_facultys_enrolment(
    client, holder, quantum, anatomy_enrolment
):
    client.force_login(holder)

    opened = client.get(f"/admin/enrolment/enrolment/{anatomy_enrolment.pk}/change/")
    move = client.get(f"/admin/enrolment/enrolment/{anatomy_enrolment.pk}/move/")

    assert opened.status_code == 302  # "does not exist"
    assert move.status_code == 404


def test_waiting_list_places_cannot_be_typed_into(client, office, quantum):
    run = ModuleRunFactory(module=quantum, capacity=0)
    entry = services.enrol(run=run, learner=UserFactory())
    client.force_login(office)

    response = client.post(
        f"/admin/enrolment/waitinglistentry/{entry.pk}/change/",
        {"learner": entry.learner_id, "run": run.pk, "status": "offered",
         "offer_expires_at_0": "2099-01-01", "offer_expires_at_1": "12:00"},
    )  # fmt: skip

    entry.refresh_from_db()
    assert response.status_code == 403
    assert entry.status == WaitingListEntry.Status.WAITING


# --- Lookups and related fields are scoped to what the user curates -----------------------


def test_enrolment_lookups_show_only_the_holders_own_faculty(
    client, holder, quantum, anatomy_enrolment
):
    own = services.enrol(run=ModuleRunFactory(module=quantum), learner=UserFactory())
    session = SessionFactory(run=own.run)
    client.force_login(holder)

    found = autocomplete(client, "enrolment", "attendance", "enrolment").json()["results"]
    searched = autocomplete(client, "enrolment", "attendance", "enrolment", "Medic").json()
    sessions = autocomplete(client, "enrolment", "attendance", "session").json()["results"]
    form = client.get("/admin/enrolment/attendance/add/").context["adminform"].form

    assert [row["id"] for row in found] == [str(own.pk)]
    assert searched["results"] == []
    assert [row["id"] for row in sessions] == [str(session.pk)]
    assert anatomy_enrolment not in form.fields["enrolment"].queryset


def test_an_out_of_scope_id_typed_into_a_form_shows_no_name(client, holder, anatomy_enrolment):
    client.force_login(holder)

    html = client.get(
        "/admin/enrolment/attendance/add/", {"enrolment": anatomy_enrolment.pk}
    ).content.decode()

    assert "Anatomy for managers" not in html
    assert anatomy_enrolment.learner.last_name not in html


def test_attendance_with_another_facultys_enrolment_is_refused_at_the_field(
    client, holder, quantum, anatomy_enrolment
):
    session = SessionFactory(run=ModuleRunFactory(module=quantum))
    client.force_login(holder)

    response = client.post(
        "/admin/enrolment/attendance/add/",
        {"session": session.pk, "enrolment": anatomy_enrolment.pk, "present": "on"},
    )

    assert response.status_code == 200
    assert "enrolment" in response.context["adminform"].form.errors
    assert not Attendance.objects.exists()


def test_attendance_for_a_session_of_another_run_is_refused_at_the_field(client, holder, quantum):
    enrolment = services.enrol(run=ModuleRunFactory(module=quantum), learner=UserFactory())
    session = SessionFactory(run=ModuleRunFactory(module=quantum))
    client.force_login(holder)

    response = client.post(
        "/admin/enrolment/attendance/add/",
        {"session": session.pk, "enrolment": enrolment.pk, "present": "on"},
    )

    errors = response.context["adminform"].form.errors
    assert errors["enrolment"] == ["This learner is not enrolled in the run of this session."]
    assert not Attendance.objects.exists()


def test_attendance_added_in_the_admin_records_who_did_it(client, holder, quantum):
    run = ModuleRunFactory(module=quantum, taken_place=True)
    enrolment = services.enrol(run=run, learner=UserFactory())
    session = SessionFactory(run=enrolment.run)
    client.force_login(holder)

    client.post(
        "/admin/enrolment/attendance/add/",
        {"session": session.pk, "enrolment": enrolment.pk, "present": "on"},
    )
    attendance = Attendance.objects.get()
    other = services.enrol(run=enrolment.run, learner=UserFactory())
    client.post(
        f"/admin/enrolment/attendance/{attendance.pk}/change/",
        {"session": session.pk, "enrolment": other.pk},  # only "present" may change
    )

    attendance.refresh_from_db()
    assert attendance.recorded_by == holder
    assert attendance.enrolment == enrolment and attendance.present is False


def test_attendance_service_refuses_a_learner_of_another_run(quantum, holder):
    enrolment = services.enrol(run=ModuleRunFactory(module=quantum), learner=UserFactory())
    session = SessionFactory(run=ModuleRunFactory(module=quantum))

    with pytest.raises(services.EnrolmentError):
        services.mark_attendance(session=session, enrolment=enrolment, present=True, by=holder)


# --- Invoices: payments through the service -----------------------------------------------


def test_payment_marked_on_the_invoice_form_then_stays(
    client, office, quantum, django_capture_on_commit_callbacks
):
    enrolment = enrol_paid(ModuleRunFactory(module=quantum), UserFactory(),
                           django_capture_on_commit_callbacks)  # fmt: skip
    invoice = enrolment.order.invoices.get()
    client.force_login(office)
    url = f"/admin/enrolment/invoice/{invoice.pk}/change/"

    refused = client.post(url, {"payment_reference": "NL12 BANK 0001"})
    client.post(url, {"paid_at_0": "2026-01-05", "paid_at_1": "10:00",
                      "payment_reference": "NL12 BANK 0001"})  # fmt: skip
    client.post(url, {"paid_at_0": "", "paid_at_1": "", "payment_reference": "overwritten"})

    assert "paid_at" in refused.context["adminform"].form.errors
    invoice.refresh_from_db()
    assert timezone.localtime(invoice.paid_at).date().isoformat() == "2026-01-05"
    assert invoice.payment_reference == "NL12 BANK 0001"


def _add_runs(rows: int, quantum, start: int = 0) -> None:
    for number in range(start, start + rows):
        run = ModuleRunFactory(module=quantum, code=f"list-{number}", capacity=2)
        for _ in range(number % 3):
            services.enrol(run=run, learner=UserFactory())


def test_the_run_list_shows_seats_taken_against_capacity_in_constant_queries(
    client, office, quantum, django_assert_max_num_queries
):
    client.force_login(office)
    _add_runs(3, quantum)
    with django_assert_max_num_queries(14) as few:
        page = client.get("/admin/catalogue/modulerun/").content.decode()
    _add_runs(9, quantum, start=3)
    with django_assert_max_num_queries(len(few)) as many:
        client.get("/admin/catalogue/modulerun/")

    assert "0 / 2" in page and "1 / 2" in page and "2 / 2 <strong>full</strong>" in page
    assert len(many) == len(few)
