"""Demo enrolments: the demo learner enrolled and waiting, a full run with a waiting list."""

from django.utils.timezone import now

from catalogue.models import Module, ModuleRun
from enrolment import services
from enrolment.models import Enrolment, WaitingListEntry


def seed_enrolments(*, learner, colleagues) -> dict:
    """Safe to run twice: nothing is added for runs that already have these people."""
    runs = list(
        ModuleRun.objects.filter(
            module__status=Module.Status.PUBLISHED, status__in=["open", "full"]
        )
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
    # Demo enrolments count as confirmed long ago: their confirmation task finds nothing to send.
    Enrolment.objects.filter(confirmation_sent_at__isnull=True).update(confirmation_sent_at=now())
    return {
        "enrolments": Enrolment.objects.count(),
        "waiting": WaitingListEntry.objects.filter(status="waiting").count(),
    }
