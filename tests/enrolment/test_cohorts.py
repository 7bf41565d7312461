"""Employer cohorts: seats for all or none, members notified, swaps before the start."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from enrolment import services
from enrolment.models import Cohort, Enrolment, Invoice, WaitingListEntry
from tests.academy.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.catalogue.factories import ModuleRunFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Zorggroep Noord", purchase_order_reference="PO-1")


@pytest.fixture
def admin(organisation):
    return MembershipFactory(organisation=organisation, role="admin").user


@pytest.fixture
def staff(organisation):
    return [
        MembershipFactory(organisation=organisation, user__last_name=f"Staff {n}").user
        for n in range(4)
    ]


def test_cohort_reserves_a_seat_for_everyone_and_notifies_them(
    organisation, admin, staff, mailoutbox, django_capture_on_commit_callbacks
):
    run = ModuleRunFactory(capacity=5)

    with django_capture_on_commit_callbacks(execute=True):
        cohort = services.create_cohort(organisation=organisation, run=run, learners=staff,
                                        by=admin, purchase_order_reference="PO-42")  # fmt: skip

    enrolments = cohort.enrolments.all()
    assert {e.learner for e in enrolments} == set(staff)
    assert {e.status for e in enrolments} == {Enrolment.Status.CONFIRMED}
    assert services.seats_taken(run) == 4
    invoice = Invoice.objects.get()
    assert invoice.order.cohort == cohort and invoice.purchase_order_reference == "PO-42"
    assert invoice.lines[0]["quantity"] == 4
    notified = {m.to[0] for m in mailoutbox if not m.attachments}
    assert notified == {learner.email for learner in staff}
    assert all(
        "Zorggroep Noord has enrolled you" in m.body for m in mailoutbox if not m.attachments
    )
    [invoice_mail] = [m for m in mailoutbox if m.attachments]
    assert invoice_mail.to == [organisation.billing_email]


def test_not_enough_seats_reserves_nothing_and_says_how_many_are_left(organisation, admin, staff):
    run = ModuleRunFactory(capacity=5)
    services.enrol(run=run, learner=UserFactory())
    services.enrol(run=run, learner=UserFactory())

    with pytest.raises(services.CohortError, match="Only 3 seats are left") as error:
        services.create_cohort(organisation=organisation, run=run, learners=staff, by=admin)

    assert "asked for 4" in str(error.value)
    assert not Cohort.objects.exists() and services.seats_taken(run) == 2


def test_only_own_staff_not_yet_enrolled_and_only_by_an_admin(organisation, admin, staff):
    run = ModuleRunFactory(capacity=10)
    outsider = UserFactory(first_name="Olaf", last_name="Buiten")
    services.enrol(run=run, learner=staff[0])

    with pytest.raises(services.CohortError) as error:
        services.create_cohort(organisation=organisation, run=run,
                               learners=[*staff, outsider], by=admin)  # fmt: skip
    assert any("Olaf Buiten is not on your staff list" in p for p in error.value.problems)
    assert any("already enrolled" in p for p in error.value.problems)
    with pytest.raises(services.EnrolmentError, match="Only an admin"):
        services.create_cohort(organisation=organisation, run=run, learners=staff[1:],
                               by=staff[1])  # fmt: skip
    assert not Cohort.objects.exists()


def test_members_on_the_waiting_list_leave_it_when_the_cohort_seats_them(
    organisation, admin, staff
):
    run = ModuleRunFactory(capacity=1)
    services.enrol(run=run, learner=UserFactory())
    place = services.enrol(run=run, learner=staff[0])  # full: waiting
    assert isinstance(place, WaitingListEntry)
    run.capacity = 2
    run.status = "open"
    run.save()

    services.create_cohort(organisation=organisation, run=run, learners=[staff[0]], by=admin)

    place.refresh_from_db()
    assert place.status == WaitingListEntry.Status.LEFT


def test_swap_gives_the_seat_to_a_colleague_and_keeps_the_invoice(
    organisation, admin, staff, mailoutbox, django_capture_on_commit_callbacks
):
    run = ModuleRunFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        cohort = services.create_cohort(organisation=organisation, run=run,
                                        learners=staff[:2], by=admin)  # fmt: skip
    leaving = cohort.enrolments.get(learner=staff[0])
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        new = services.swap_cohort_member(enrolment=leaving, replacement=staff[2], by=admin)

    leaving.refresh_from_db()
    assert leaving.status == Enrolment.Status.CANCELLED
    assert new.learner == staff[2] and new.order == leaving.order and new.cohort == cohort
    assert services.seats_taken(run) == 2
    assert Invoice.objects.count() == 1  # same seats, same price: no credit note
    assert {m.to[0] for m in mailoutbox} == {staff[0].email, staff[2].email}
    assert "given your seat" in next(m.body for m in mailoutbox if m.to == [staff[0].email])


def test_cancelling_a_swapped_in_seat_credits_the_employer(
    organisation, admin, staff, django_capture_on_commit_callbacks
):
    run = ModuleRunFactory(capacity=2, price_override=Decimal("800.00"))
    with django_capture_on_commit_callbacks(execute=True):
        cohort = services.create_cohort(organisation=organisation, run=run,
                                        learners=staff[:2], by=admin)  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        new = services.swap_cohort_member(
            enrolment=cohort.enrolments.get(learner=staff[0]), replacement=staff[2], by=admin
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_enrolment(enrolment=new, by=admin)

    new.refresh_from_db()
    assert new.cancelled_by == admin
    note = Invoice.objects.get(kind=Invoice.Kind.CREDIT_NOTE)
    assert note.total == Decimal("-800.00")  # the seat the employer bought, credited once
    assert cohort.enrolments.get(learner=staff[0]).cancelled_by == admin


def test_no_swap_once_the_run_has_started(organisation, admin, staff):
    run = ModuleRunFactory(capacity=5)
    cohort = services.create_cohort(organisation=organisation, run=run, learners=staff[:1],
                                    by=admin)  # fmt: skip

    with pytest.raises(services.EnrolmentError, match="has started"):
        services.swap_cohort_member(
            enrolment=cohort.enrolments.get(), replacement=staff[1], by=admin,
            now=timezone.now() + timedelta(days=31),
        )  # fmt: skip


def test_a_cohort_member_cannot_cancel_the_employers_seat(organisation, admin, staff):
    cohort = services.create_cohort(organisation=organisation, run=ModuleRunFactory(),
                                    learners=staff[:1], by=admin)  # fmt: skip

    with pytest.raises(services.EnrolmentError, match="employer manages"):
        services.cancel_enrolment(enrolment=cohort.enrolments.get(), by=staff[0])


def test_csv_list_is_checked_whole_with_problems_by_row(organisation, staff):
    run = ModuleRunFactory()
    services.enrol(run=run, learner=staff[1])
    content = (
        "E-mailadres;Naam\n"
        f"{staff[0].email.upper()};x\n"
        "not-an-email;x\n"
        f"{staff[0].email};x\n"
        "stranger@example.com;x\n"
        f"{staff[1].email};x\n"
        f"{staff[2].email};x\n"
    ).encode("utf-8-sig")

    learners, problems = services.parse_cohort_list(organisation=organisation, run=run,
                                                    content=content)  # fmt: skip

    assert learners == [staff[0], staff[2]]
    assert [(p["row"], p["column"]) for p in problems] == [
        (3, "email"), (4, "email"), (5, "email"), (6, "email"),
    ]  # fmt: skip
    assert "not a valid email" in problems[0]["message"]
    assert "also on row 2" in problems[1]["message"]
    assert "not on your staff list" in problems[2]["message"]
    assert "already enrolled" in problems[3]["message"]


# --- pages ---------------------------------------------------------------------------------


def cohort_new_url(organisation):
    return reverse("employer:cohort_new", args=[organisation.pk])


def test_admin_enrols_ticked_staff_from_the_portal(client, organisation, admin, staff):
    run = ModuleRunFactory(capacity=10, module__title="Regie in de wijk")
    client.force_login(admin)

    page = client.get(cohort_new_url(organisation))
    assert "Regie in de wijk" in page.content.decode() and "10 seats left" in page.content.decode()
    response = client.post(cohort_new_url(organisation), {
        "run": run.pk, "members": [staff[0].pk, staff[1].pk], "name": "Wijkteam",
        "purchase_order_reference": "PO-9", "confirm": "yes",
    }, follow=True)  # fmt: skip

    cohort = Cohort.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "employer:cohort", args=[organisation.pk, cohort.pk]
    )
    html = response.content.decode()
    assert "Wijkteam" in html and staff[0].email in html and "Confirmed" in html


def test_csv_problems_are_listed_and_nothing_is_reserved(client, organisation, admin, staff):
    run = ModuleRunFactory()
    client.force_login(admin)
    upload = SimpleUploadedFile("team.csv", f"email\n{staff[0].email}\nwho@example.com\n".encode())

    response = client.post(cohort_new_url(organisation), {"run": run.pk, "staff_list": upload})

    html = response.content.decode()
    assert "who@example.com is not on your staff list" in html
    assert not Enrolment.objects.exists()


def test_full_run_page_says_how_many_seats_are_left(client, organisation, admin, staff):
    run = ModuleRunFactory(capacity=1)
    client.force_login(admin)

    response = client.post(cohort_new_url(organisation),
                           {"run": run.pk, "members": [s.pk for s in staff[:2]]})  # fmt: skip

    assert "Only 1 seat is left in this run, and you asked for 2" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_another_organisations_cohort_and_invoice_are_not_found(client, organisation, admin, staff):
    cohort = services.create_cohort(organisation=organisation, run=ModuleRunFactory(),
                                    learners=staff[:1], by=admin)  # fmt: skip
    invoice = services.issue_invoice(order=cohort.order)
    other_admin = MembershipFactory(role="admin").user
    other = other_admin.memberships.get().organisation
    client.force_login(other_admin)

    assert client.get(reverse("employer:cohort", args=[other.pk, cohort.pk])).status_code == 404
    assert client.get(reverse("employer:invoice_pdf",
                              args=[other.pk, invoice.pk])).status_code == 404  # fmt: skip
    assert client.get(reverse("employer:cohort",
                              args=[organisation.pk, cohort.pk])).status_code == 404  # fmt: skip
    client.force_login(admin)
    pdf = client.get(reverse("employer:invoice_pdf", args=[organisation.pk, invoice.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_swap_from_the_cohort_page(client, organisation, admin, staff):
    cohort = services.create_cohort(organisation=organisation, run=ModuleRunFactory(),
                                    learners=staff[:1], by=admin)  # fmt: skip
    url = reverse("employer:cohort", args=[organisation.pk, cohort.pk])
    client.force_login(admin)

    response = client.post(url, {"enrolment": cohort.enrolments.get().pk,
                                 "replacement": staff[3].pk}, follow=True)  # fmt: skip

    assert "takes the seat of" in response.content.decode()
    assert set(cohort.enrolments.holding_a_seat().values_list("learner", flat=True)) == {
        staff[3].pk
    }


def test_cohort_page_queries_do_not_grow_with_members(
    client, organisation, admin, django_assert_max_num_queries
):
    run = ModuleRunFactory(capacity=40)
    SessionFactory(run=run)
    members = [MembershipFactory(organisation=organisation).user for _ in range(30)]
    cohort = services.create_cohort(organisation=organisation, run=run, learners=members, by=admin)
    client.force_login(admin)

    with django_assert_max_num_queries(14):
        response = client.get(reverse("employer:cohort", args=[organisation.pk, cohort.pk]))
    assert response.content.decode().count("Confirmed") >= 30


def test_quote_sums_seats_and_vat_as_the_invoice_will_and_checks_as_reserving_does(
    organisation, admin, staff
):
    from enrolment.services.cohorts import quote_cohort

    run = ModuleRunFactory(capacity=3, module__price=Decimal("333.33"), module__vat_rate=21)

    quote = quote_cohort(organisation=organisation, run=run, learners=staff[:3], by=admin)
    cohort = services.create_cohort(organisation=organisation, run=run, learners=staff[:3],
                                    by=admin)  # fmt: skip
    invoice = services.issue_invoice(order=cohort.order)

    assert (quote.seats, quote.unit_price, quote.vat_rate) == (3, Decimal("333.33"), 21)
    assert (
        (quote.subtotal, quote.vat, quote.total)
        == (invoice.subtotal, invoice.vat_amount, invoice.total)
        == (Decimal("999.99"), Decimal("210.00"), Decimal("1209.99"))
    )
    with pytest.raises(services.CohortError, match="Only 0 seats are left"):
        quote_cohort(organisation=organisation, run=run, learners=staff[3:], by=admin)
    with pytest.raises(services.EnrolmentError, match="Only an admin"):
        quote_cohort(organisation=organisation, run=run, learners=staff[3:], by=staff[0])
