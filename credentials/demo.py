"""Demo credentials: the demo learner passed three modules in the spring, one credential was
revoked, and two of the modules stack into a pathway credential. All really signed."""

from datetime import timedelta

from django.utils import timezone

from catalogue.models import Module, ModuleRun
from credentials import services
from credentials.models import Credential, Pathway
from enrolment.models import Enrolment

PAST_RUN_CODE = "demo-past"


def seed_credentials(*, learner, assessor) -> dict:
    """Safe to run twice: a module's past run and its results are made only once."""
    modules = list(
        Module.objects.published().filter(awards_microcredential=True, ects__isnull=False)
        .select_related("faculty").order_by("faculty__name", "title")[:3]
    )  # fmt: skip
    if len(modules) < 3:
        return {"credentials": Credential.objects.count()}
    start = timezone.localdate() - timedelta(days=240)
    credentials = []
    for module, grade in zip(modules, ["8.0", "7.5", "6.5"], strict=True):
        run, _created = ModuleRun.objects.get_or_create(
            module=module, code=PAST_RUN_CODE,
            defaults={"start_date": start, "end_date": start + timedelta(weeks=8),
                      "capacity": 20, "status": ModuleRun.Status.CLOSED},
        )  # fmt: skip
        enrolment, _created = Enrolment.objects.get_or_create(
            run=run, learner=learner, defaults={"status": Enrolment.Status.COMPLETED}
        )
        result = getattr(enrolment, "result", None) or services.record_result(
            enrolment=enrolment, passed=True, grade=grade, by=assessor,
            assessed_on=run.end_date,
        )  # fmt: skip
        credentials.append(services.issue_credential(result=result))
    pathway, _created = Pathway.objects.get_or_create(
        name="Pathway: " + " + ".join(module.title.split(":")[0] for module in modules[:2]),
        defaults={"faculty": modules[0].faculty, "description": (
            "Two modules that together earn a larger microcredential.")},
    )  # fmt: skip
    pathway.modules.set(modules[:2])
    services.award_pathways(learner=learner)
    if not credentials[2].revoked_at:
        services.revoke_credential(
            credential=credentials[2], by=assessor,
            reason="Issued for the wrong run; a corrected credential follows.",
        )  # fmt: skip
    Credential.objects.filter(notified_at__isnull=True).update(notified_at=timezone.now())
    return {"credentials": Credential.objects.count()}
