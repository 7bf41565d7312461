"""The demo's enrolments, waiting list, cohort and invoices."""

import pytest

from enrolment import services
from enrolment.models import Cohort, Enrolment, Invoice, WaitingListEntry

pytestmark = [pytest.mark.django_db, pytest.mark.read_only_demo,
              pytest.mark.usefixtures("demo_academy")]  # fmt: skip


def test_demo_learner_is_enrolled_and_waits_for_a_full_run():
    upcoming = Enrolment.objects.filter(learner__email="learner@example.org",
                                        status=Enrolment.Status.CONFIRMED)  # fmt: skip
    assert upcoming.count() == 2
    place = WaitingListEntry.objects.get(learner__email="learner@example.org")
    place.run.seats_taken = services.seats_taken(place.run)
    assert place.run.is_full
    assert WaitingListEntry.objects.filter(run=place.run).count() >= 2


def test_demo_employer_has_a_cohort_with_an_invoice_and_the_learner_invoices():

    cohort = Cohort.objects.get(organisation__memberships__user__email="employer@example.org")
    assert cohort.enrolments.count() == 3
    invoice = cohort.order.invoices.get()
    assert invoice.purchase_order_reference and bytes(invoice.pdf).startswith(b"%PDF")
    learner_invoices = Invoice.objects.filter(order__learner__email="learner@example.org").exclude(
        order__enrolments__run__code__startswith="hist-"  # the demo's history has its own
    )
    assert learner_invoices.count() == 2 and learner_invoices.filter(paid_at__isnull=False)
    for year in set(Invoice.objects.values_list("year", flat=True)):  # numbered per year
        numbers = sorted(Invoice.objects.filter(year=year).values_list("sequence", flat=True))
        assert numbers == list(range(1, len(numbers) + 1))
