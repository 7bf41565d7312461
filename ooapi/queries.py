"""The reads behind the OOAPI endpoint, each a constant number of queries per page."""

from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet, Subquery

from catalogue.models import Faculty, Module, ModuleRun, Session
from credentials.models import Pathway
from ooapi.models import RioRoute

RIO = "rio"
EDUXCHANGE = "eduxchange"


def _published_modules() -> QuerySet[Module]:
    in_a_pathway = Pathway.modules.through.objects.filter(module_id=OuterRef("pk"))
    first_run = (
        ModuleRun.objects.filter(module=OuterRef("pk"))
        .exclude(status=ModuleRun.Status.CANCELLED)
        .order_by("start_date", "pk")
    )
    return (
        Module.objects.published()
        .select_related("faculty", "registration")
        .annotate(
            in_pathway=Exists(in_a_pathway),
            first_start=Min("runs__start_date", filter=~Q(runs__status=ModuleRun.Status.CANCELLED)),
            first_run_days=Subquery(
                first_run.annotate(days=F("end_date") - F("start_date")).values("days")[:1]
            ),
        )
        .order_by("title", "pk")
    )


def _for_consumer(modules: QuerySet[Module], consumer: str | None, rio: Q) -> QuerySet[Module]:
    if consumer == RIO:
        return modules.filter(rio)
    if consumer == EDUXCHANGE:
        return modules.filter(registration__eduxchange_listed=True)
    return modules


def _as_program() -> Q:
    return Q(registration__rio_route=RioRoute.PRIVATE_PROGRAM)


def courses(consumer: str | None = None) -> QuerySet[Module]:
    """Published modules that are offered as courses: every one except those that go to
    RIO as a private programme (they are programs); `consumer=rio` keeps the RIO courses."""
    modules = _published_modules().exclude(_as_program())
    return _for_consumer(modules, consumer, Q(registration__rio_route=RioRoute.COURSE))


def programs(consumer: str | None = None) -> QuerySet[Module]:
    """Published modules that go to RIO as a private programme (particuliere opleiding)."""
    return _for_consumer(_published_modules().filter(_as_program()), consumer, Q())


def education_specifications(consumer: str | None = None) -> QuerySet[Module]:
    """One education specification per published module."""
    rio = Q(registration__rio_route__in=[RioRoute.COURSE, RioRoute.PRIVATE_PROGRAM])
    return _for_consumer(_published_modules(), consumer, rio)


def course(course_id) -> Module | None:
    return courses().filter(ooapi_course_id=course_id).first()


def program(program_id) -> Module | None:
    return programs().filter(ooapi_program_id=program_id).first()


def education_specification(specification_id) -> Module | None:
    return education_specifications().filter(ooapi_specification_id=specification_id).first()


def offerings(module: Module | None = None, *, since=None, until=None) -> QuerySet[ModuleRun]:
    """Runs that take place (cancelled ones do not), with how their sessions meet: all of
    them, past ones too, as RIO keeps every cohort of an offer (NOTES.md §1)."""
    runs = (
        ModuleRun.objects.exclude(status=ModuleRun.Status.CANCELLED)
        .filter(module__status=Module.Status.PUBLISHED)
        .select_related("module__faculty", "module__registration")
        .annotate(
            online_sessions=Count("sessions", filter=Q(sessions__mode=Session.Mode.ONLINE)),
            campus_sessions=Count("sessions", filter=Q(sessions__mode=Session.Mode.CAMPUS)),
        )
        .order_by("start_date", "pk")
    )
    if module is not None:
        runs = runs.filter(module=module)
    if since is not None:
        runs = runs.filter(start_date__gte=since)
    if until is not None:
        runs = runs.filter(end_date__lte=until)
    return runs


def offering(offering_id) -> ModuleRun | None:
    return offerings().filter(ooapi_offering_id=offering_id).first()


def faculties() -> QuerySet[Faculty]:
    return Faculty.objects.order_by("name", "pk")
