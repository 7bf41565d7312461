"""Orders and invoices: each paid seat invoiced once, numbers without gaps, PDFs unchanged."""

import io
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone
from pypdf import PdfReader

from catalogue.models import VatRate
from enrolment import services
from enrolment.models import Enrolment, ImmutableInvoice, Invoice, Order
from tests.academy.factories import MembershipFactory, OrganisationFactory, UserFactory
from tests.catalogue.factories import ModuleFactory, ModuleRunFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run():
    module = ModuleFactory(title="Leading change in zorg & welzijn", price=Decimal("1450.00"))
    return ModuleRunFactory(module=module, capacity=10)


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_learner_paying_gets_an_order_and_one_invoice(run, django_capture_on_commit_callbacks):
    learner = UserFactory(first_name="Zoë", last_name="Dvořák")

    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrol(run=run, learner=learner)

    enrolment.refresh_from_db()
    invoice = enrolment.order.invoices.get()
    assert enrolment.order.learner == learner
    year = timezone.localdate().year
    assert invoice.number == f"{year}-000001" and invoice.kind == Invoice.Kind.INVOICE
    assert invoice.total == Decimal("1450.00") and invoice.vat_amount == 0
    assert invoice.bill_to["lines"][0] == "Zoë Dvořák"
    assert bytes(invoice.pdf).startswith(b"%PDF")
    # issuing again (a retried task) returns the same invoice
    assert services.issue_invoice(order=enrolment.order) == invoice
    assert Invoice.objects.count() == 1


def test_invoice_pdf_shows_what_the_university_invoices(run, tmp_path):
    organisation = OrganisationFactory(
        name="Zorggroep Ørsted & Łukasz", purchase_order_reference="PO-77"
    )
    admin = MembershipFactory(organisation=organisation, role="admin").user
    staff = [MembershipFactory(organisation=organisation).user for _ in range(3)]
    cohort = services.create_cohort(organisation=organisation, run=run, learners=staff, by=admin)

    invoice = services.issue_invoice(order=cohort.order)

    text = pdf_text(bytes(invoice.pdf))
    assert "Zorggroep Ørsted & Łukasz" in text
    assert invoice.number in text and "PO-77" in text
    assert "Leading change in zorg & welzijn" in text
    assert "4,350.00" in text  # 3 seats at 1,450.00
    assert "exempt" in text.lower() and "article 11" in text
    flat = " ".join(text.split())
    for person in staff:  # the employer checks the invoice against its staff
        assert (person.get_full_name() or person.email) in flat


def test_standard_vat_rate_adds_21_percent(tmp_path):
    module = ModuleFactory(price=Decimal("995.00"), vat_rate=VatRate.STANDARD)
    enrolment = services.enrol(run=ModuleRunFactory(module=module), learner=UserFactory())

    invoice = services.issue_invoice(order=Order.objects.get(enrolments=enrolment))

    assert (invoice.subtotal, invoice.vat_amount, invoice.total) == (
        Decimal("995.00"), Decimal("208.95"), Decimal("1203.95"),
    )  # fmt: skip
    assert "1,203.95" in pdf_text(bytes(invoice.pdf))


def test_dutch_invoice_for_a_dutch_speaking_buyer(run, tmp_path):
    learner = UserFactory(preferred_language="nl")
    enrolment = services.enrol(run=run, learner=learner)

    invoice = services.issue_invoice(order=Order.objects.get(enrolments=enrolment))

    text = pdf_text(bytes(invoice.pdf))
    assert "Factuur" in text and "1.450,00" in text


def test_an_issued_invoice_never_changes(run):
    enrolment = services.enrol(run=run, learner=UserFactory())
    invoice = services.issue_invoice(order=Order.objects.get(enrolments=enrolment))

    invoice.total = Decimal("1.00")
    with pytest.raises(ImmutableInvoice):
        invoice.save()
    services.mark_invoice_paid(invoice=invoice, reference="bank 2026-11-30")

    invoice.refresh_from_db()
    assert invoice.total == Decimal("1450.00") and invoice.paid_at is not None


def test_cancelling_an_invoiced_seat_issues_a_credit_note_once(
    run, django_capture_on_commit_callbacks, mailoutbox
):
    learner = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = services.enrol(run=run, learner=learner)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_enrolment(enrolment=enrolment, by=learner)

    invoice, note = Invoice.objects.order_by("sequence")
    assert note.kind == Invoice.Kind.CREDIT_NOTE and note.corrects == invoice
    assert note.total == -invoice.total
    assert int(note.number.split("-")[1]) == int(invoice.number.split("-")[1]) + 1
    # the task retried: nothing more is credited
    assert services.credit_enrolments(order=note.order, enrolment_ids=[enrolment.pk],
                                      reason="again") is None  # fmt: skip
    assert [m.subject.split()[0] for m in mailoutbox if m.attachments] == ["Invoice", "Credit"]


def test_a_rolled_back_invoice_leaves_no_gap(run):
    first = Order.objects.get(enrolments=services.enrol(run=run, learner=UserFactory()))
    second = Order.objects.get(enrolments=services.enrol(run=run, learner=UserFactory()))

    with pytest.raises(RuntimeError), transaction.atomic():
        services.issue_invoice(order=first)
        raise RuntimeError("the PDF store failed")
    services.issue_invoice(order=second)

    assert list(Invoice.objects.values_list("sequence", flat=True)) == [1]


def test_a_new_year_starts_at_one(run):
    order = Order.objects.get(enrolments=services.enrol(run=run, learner=UserFactory()))
    next_year = timezone.now() + timedelta(days=366)

    invoice = services.issue_invoice(order=order, now=next_year)

    assert invoice.number == f"{timezone.localdate(next_year).year}-000001"


def test_employer_paid_enrolment_is_invoiced_to_the_employer_after_approval(run):
    membership = MembershipFactory(organisation__purchase_order_reference="PO-2026-9")
    admin = MembershipFactory(organisation=membership.organisation, role="admin").user
    enrolment = services.enrol(run=run, learner=membership.user, payer=Enrolment.Payer.EMPLOYER,
                               organisation=membership.organisation)  # fmt: skip
    assert enrolment.order is None  # nothing is bought before the employer approves

    services.approve_enrolment(enrolment=enrolment, approve=True, by=admin)

    invoice = services.issue_invoice(order=Enrolment.objects.get().order)
    assert invoice.purchase_order_reference == "PO-2026-9"
    assert (
        invoice.bill_to["chamber_of_commerce_number"]
        == membership.organisation.chamber_of_commerce_number
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_invoices_issued_at_the_same_time_get_consecutive_numbers():
    run = ModuleRunFactory(capacity=30)
    orders = [Order.objects.get(enrolments=services.enrol(run=run, learner=UserFactory()))
              for _ in range(24)]  # fmt: skip

    def issue(order):
        try:
            return services.issue_invoice(order=order).sequence
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        sequences = sorted(pool.map(issue, orders))

    assert sequences == list(range(1, 25))


# --- the office in the admin ---------------------------------------------------------------


@pytest.fixture
def office():
    from django.contrib.auth.models import Group

    from catalogue.services import ACADEMY_OFFICE, ensure_curation_groups

    ensure_curation_groups()
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=ACADEMY_OFFICE))
    return user


def test_office_marks_payment_and_credits_in_the_admin(
    client, office, run, mailoutbox, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    enrolment = services.enrol(run=run, learner=UserFactory())
    invoice = services.issue_invoice(order=Order.objects.get(enrolments=enrolment))
    client.force_login(office)
    changelist = reverse("admin:enrolment_invoice_changelist")

    client.post(changelist, {"action": "mark_paid", "_selected_action": [invoice.pk]})
    with django_capture_on_commit_callbacks(execute=True):  # the note is emailed once committed
        client.post(changelist, {"action": "credit_in_full", "_selected_action": [invoice.pk]})

    invoice.refresh_from_db()
    assert invoice.paid_at is not None
    note = Invoice.objects.get(kind=Invoice.Kind.CREDIT_NOTE)
    assert note.total == -invoice.total and note.reason == "Corrected by the academy office"
    pdf = client.get(reverse("admin:enrolment_invoice_pdf", args=[note.pk]))
    assert pdf.content.startswith(b"%PDF")
    assert any(m.subject.startswith("Credit note") for m in mailoutbox)


def test_issued_invoice_fields_cannot_be_edited_in_the_admin(client, office, run):
    from django.urls import reverse

    enrolment = services.enrol(run=run, learner=UserFactory())
    invoice = services.issue_invoice(order=Order.objects.get(enrolments=enrolment))
    client.force_login(office)
    url = reverse("admin:enrolment_invoice_change", args=[invoice.pk])

    response = client.post(url, {"paid_at_0": "2026-11-30", "paid_at_1": "10:00:00",
                                 "payment_reference": "bank", "total": "1.00"})  # fmt: skip

    assert response.status_code == 302, response.context["adminform"].form.errors
    invoice.refresh_from_db()
    assert invoice.payment_reference == "bank" and invoice.total == Decimal("1450.00")


def test_portfolio_holders_do_not_see_invoices(client, run):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from catalogue.services import PORTFOLIO_HOLDERS, ensure_curation_groups

    ensure_curation_groups()
    holder = UserFactory(is_staff=True)
    holder.groups.add(Group.objects.get(name=PORTFOLIO_HOLDERS))
    client.force_login(holder)

    assert client.get(reverse("admin:enrolment_invoice_changelist")).status_code == 403


def test_a_credit_note_cannot_be_marked_paid_in_the_admin(client, office, run):
    from django.urls import reverse

    enrolment = services.enrol(run=run, learner=UserFactory())
    order = Order.objects.get(enrolments=enrolment)
    invoice = services.issue_invoice(order=order)
    note = services.credit_invoice_in_full(invoice=invoice, by=office)
    client.force_login(office)

    paid = {"paid_at_0": "2026-11-30", "paid_at_1": "10:00:00", "payment_reference": "x"}
    client.post(reverse("admin:enrolment_invoice_change", args=[note.pk]), paid)
    with pytest.raises(services.EnrolmentError, match="credit note settles"):
        services.mark_invoice_paid(invoice=note, by=office)

    note.refresh_from_db()
    assert note.paid_at is None and note.payment_reference == ""


def test_only_the_office_records_payments_and_a_payment_is_recorded_once(office, run):
    from django.core.exceptions import PermissionDenied

    enrolment = services.enrol(run=run, learner=UserFactory())
    invoice = services.issue_invoice(order=Order.objects.get(enrolments=enrolment))

    with pytest.raises(PermissionDenied):
        services.mark_invoice_paid(invoice=invoice, by=enrolment.learner)
    services.mark_invoice_paid(invoice=invoice, reference="bank 1", by=office)
    with pytest.raises(services.EnrolmentError, match="already marked paid"):
        services.mark_invoice_paid(invoice=invoice, reference="bank 2", by=office)

    invoice.refresh_from_db()
    assert invoice.payment_reference == "bank 1"
