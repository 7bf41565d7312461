"""Demo enrolments: the demo learner enrolled and waiting, a full run with a waiting list,
a cohort of the demo employer's staff, and the orders and invoices they make."""

from django.utils.timezone import now

from catalogue.models import Module, ModuleRun
from enrolment import services
from enrolment.models import Cohort, Enrolment, Invoice, Order, WaitingListEntry


def seed_enrolments(*, learner, colleagues, employer, organisation) -> dict:
    """Safe to run twice: nothing is added for runs that already have these people."""
    runs = list(
        ModuleRun.objects.open_for_enrolment()
        .filter(module__status=Module.Status.PUBLISHED)
        .select_related("module")
        .order_by("start_date", "pk")[:4]
    )
    if len(runs) < 3:
        return {"enrolments": 0, "waiting": 0}
    for run in runs[:2]:
        if not Enrolment.objects.filter(run=run, learner=learner).exists():
            services.enrol(run=run, learner=learner)
    full_run = runs[2]
    others = [c for c in colleagues if c != learner]
    if not full_run.enrolments.exists():
        full_run.capacity = max(len(others) - 1, 1)
        full_run.save(update_fields=["capacity"])
        for colleague in others:
            services.enrol(run=full_run, learner=colleague)
        services.enrol(run=full_run, learner=learner)  # the run is full: a waiting-list place
    if len(runs) > 3 and not Cohort.objects.filter(organisation=organisation).exists():
        staff = [c for c in others if c.email.startswith("medewerker")][:3]
        services.create_cohort(
            organisation=organisation, run=runs[3], learners=staff, by=employer,
            name="Teamleiders zorg", purchase_order_reference="IO-2026-0412",
        )  # fmt: skip
    _invoice_demo_orders(paid_by=learner)
    # Demo enrolments count as confirmed long ago: their confirmation task finds nothing to send.
    Enrolment.objects.filter(confirmation_sent_at__isnull=True).update(confirmation_sent_at=now())
    return {
        "enrolments": Enrolment.objects.count(),
        "waiting": WaitingListEntry.objects.filter(status="waiting").count(),
        "cohorts": Cohort.objects.count(),
        "invoices": Invoice.objects.count(),
    }


def _invoice_demo_orders(*, paid_by) -> None:
    """Invoice every order now, as if emailed long ago; one of `paid_by`'s invoices is paid."""
    for order in Order.objects.filter(invoices__isnull=True).order_by("pk"):
        services.issue_invoice(order=order)
    Invoice.objects.filter(sent_at__isnull=True).update(sent_at=now())
    first = Invoice.objects.filter(order__learner=paid_by).order_by("sequence").first()
    if first and not Invoice.objects.filter(paid_at__isnull=False).exists():
        services.mark_invoice_paid(invoice=first, reference="demo bank transfer")
