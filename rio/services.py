"""Telling RIO: which jobs a module's change needs at SURF's RIO mapper, and what came of them.

A change asks (`module_changed`, `register_now`): it counts the registration's change number
up and queues one push for it after a short delay, so a burst of saves ends in one push.
The push starts the first job of the module's route: the education specification, which
must be in RIO with its opleidingseenheidcode before the mapper accepts its course or
programme (NOTES.md §1). Each job's status is checked with a growing countdown (or arrives
at the X-Callback view); when it is done, the next job is started; when the mapper reports
an error, its words are kept and shown in the admin, and nothing is retried until the next
change. Transport failures (timeouts, 5xx) are raised as `MapperUnavailable`, which the
task base retries with backoff. Unpublishing a module that is in RIO removes it: the
course or programme first, then the education specification.
"""

import json
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from academy.audit import log_action
from catalogue.models import Module
from catalogue.queries import require_curator_of_faculty
from ooapi.readiness import rio_problems
from rio import mapper, tasks
from rio.models import RioJob, RioRegistration

AUDIT_ACTIONS = {
    "rio.push_requested": gettext_lazy("Registration in RIO requested"),
    "rio.registered": gettext_lazy("Registered in RIO"),
    "rio.refused": gettext_lazy("The RIO mapper reported an error"),
    "rio.removed": gettext_lazy("Removed from RIO"),
}

EDUSPEC = RioJob.Type.EDUCATION_SPECIFICATION
# The jobs of each RIO route, in the order the mapper needs them (the route's names are
# ooapi.models.ModuleRegistration.rio_route's).
ROUTE_JOBS = {
    "course": (EDUSPEC, RioJob.Type.COURSE),
    "private_program": (EDUSPEC, RioJob.Type.PROGRAM),
}
UPSERT, DELETE = RioRegistration.Action.UPSERT, RioRegistration.Action.DELETE


class RioError(Exception):
    """Registering is off, or the module cannot be registered; the message says why."""


def is_enabled() -> bool:
    return mapper.is_configured()


def client() -> mapper.MapperClient:
    return mapper.MapperClient.from_settings()


def route_of(module: Module) -> str:
    try:
        return module.registration.rio_route or ""
    except ObjectDoesNotExist:
        return ""


def ooapi_id(module: Module, job_type: str):
    return {
        RioJob.Type.EDUCATION_SPECIFICATION: module.ooapi_specification_id,
        RioJob.Type.COURSE: module.ooapi_course_id,
        RioJob.Type.PROGRAM: module.ooapi_program_id,
    }[job_type]


# --- Asking --------------------------------------------------------------------------------


def module_changed(
    *, module: Module, trigger: str, by=None, offerings_only: bool = False
) -> RioRegistration | None:
    """Something RIO may need to hear of changed (the module, a run, a session, its RIO
    details): a published module with a RIO route is pushed; a module that is in RIO and no
    longer published (or no longer routed to RIO) is removed. Nothing when RIO is off.
    `offerings_only`: only runs or sessions changed, so a module already registered needs
    only its course or programme upserted again (the mapper's API.md), not its education
    specification."""
    if not is_enabled():
        return None
    registration = RioRegistration.objects.filter(module_id=module.pk).first()
    if module.is_public and route_of(module):
        action = UPSERT
    elif registration is not None and (
        registration.opleidingseenheidcode or registration.aangeboden_opleiding_code
    ):
        action = DELETE
    else:
        return registration
    return _ask(module=module, action=action, trigger=trigger, by=by,
                delay=settings.RIO_PUSH_DELAY_SECONDS,
                offerings_only=offerings_only and action == UPSERT)  # fmt: skip


def register_now(*, module: Module, by) -> RioRegistration:
    """The curator's "Register in RIO now": push at once, whatever was pushed before."""
    require_curator_of_faculty(
        by, module.faculty_id, _("Only the faculty's portfolio holders or the office may do this.")
    )
    if not is_enabled():
        raise RioError(_("Registration in RIO is off: the RIO mapper is not configured."))
    if not module.is_public:
        raise RioError(_("Only a published module can be registered in RIO."))
    if not route_of(module):
        raise RioError(_("Choose the module's RIO route first."))
    with transaction.atomic():
        registration = _ask(module=module, action=UPSERT, trigger=_("Register in RIO now"),
                            by=by, delay=0)  # fmt: skip
        log_action(
            actor=by, action="rio.push_requested", target=module,
            details={"title": module.title, "change": registration.wanted_version},
        )  # fmt: skip
    return registration


def _ask(
    *, module: Module, action: str, trigger: str, by, delay: int, offerings_only: bool = False
) -> RioRegistration:
    with transaction.atomic():
        RioRegistration.objects.get_or_create(module=module)
        registration = RioRegistration.objects.select_for_update().get(module=module)
        waiting = registration.pushed_version < registration.wanted_version
        # Only runs changed, after a push that got all the way: the course or programme alone.
        # Joined with a waiting change, it is as much as that change.
        registration.wanted_offerings_only = (
            offerings_only
            and registration.status == RioRegistration.Status.REGISTERED
            and (registration.wanted_offerings_only or not waiting)
        )
        registration.wanted_version += 1
        registration.wanted_action = action
        registration.trigger = str(trigger)[:200]
        registration.triggered_by = by if getattr(by, "is_authenticated", False) else None
        registration.requested_at = timezone.now()
        registration.save()
        tasks.push_module.apply_async_on_commit(
            (registration.pk, registration.wanted_version), countdown=delay
        )
    return registration


# --- Pushing ---------------------------------------------------------------------------------


def push(*, registration_id: int, version: int) -> RioJob | None:
    """Start the first job of change `version`, unless a later change has asked since (its
    own push will do it) or a twin of this task has already started it."""
    with transaction.atomic():
        registration = (
            RioRegistration.objects.select_for_update(of=("self",))
            .select_related("module", "module__registration")
            .get(pk=registration_id)
        )
        if version != registration.wanted_version:
            return None
        module = registration.module
        job_types, route = _jobs_for(registration)
        if not job_types:
            if registration.pushed_version < version:  # nothing to send for this change
                registration.pushed_version = version
                registration.save()
            return None
        job, created = RioJob.objects.get_or_create(
            registration=registration, version=version, action=registration.wanted_action,
            job_type=job_types[0],
            defaults={"ooapi_id": ooapi_id(module, job_types[0]),
                      "trigger": registration.trigger,
                      "triggered_by_id": registration.triggered_by_id},
        )  # fmt: skip
        if created:
            registration.status = RioRegistration.Status.PENDING
            registration.problems = {}
            registration.route = route
            registration.current_job = job
            registration.pushed_version = version
            registration.attempts += 1
            registration.save()
    return submit(job_id=job.pk)


def _jobs_for(registration: RioRegistration) -> tuple[tuple[str, ...], str]:
    """The jobs the wanted change needs, in order, and the route they follow. A module that
    is not ready for RIO needs none; it is marked so, with what it lacks."""
    module = registration.module
    if registration.wanted_action == DELETE:
        return _jobs_to_remove(registration), registration.route
    route = route_of(module)
    if not (module.is_public and route):
        return (), route
    if problems := rio_problems(module):
        registration.status = RioRegistration.Status.NOT_READY
        registration.problems = {key: str(value) for key, value in problems.items()}
        return (), route
    if registration.wanted_offerings_only and registration.opleidingseenheidcode:
        return ROUTE_JOBS[route][1:], route
    return ROUTE_JOBS[route], route


def _jobs_to_remove(registration: RioRegistration) -> tuple[str, ...]:
    """What is in RIO, the course or programme before the education specification."""
    jobs = []
    if registration.aangeboden_opleiding_code and registration.route in ROUTE_JOBS:
        jobs.append(ROUTE_JOBS[registration.route][1])
    if registration.opleidingseenheidcode:
        jobs.append(EDUSPEC)
    return tuple(jobs)


def submit(*, job_id: int) -> RioJob:
    """Ask the mapper to run a job that has no token yet. The job's row is locked while the
    mapper answers, so a twin task waits and then finds the token instead of starting a
    second job."""
    unavailable = None
    with transaction.atomic():
        job = RioJob.objects.select_for_update().get(pk=job_id)
        if job.token or job.is_finished:
            return job
        job.attempts += 1
        if settings.RIO_MAPPER_CALLBACK and not job.callback_secret:
            job.callback_secret = secrets.token_urlsafe(32)
        try:
            token = client().submit(
                action=job.action, job_type=job.job_type, ooapi_id=job.ooapi_id,
                callback_url=callback_url(job) if settings.RIO_MAPPER_CALLBACK else "",
            )  # fmt: skip
        except mapper.MapperUnavailable as error:
            job.message = str(error)
            job.save()
            unavailable = error
        except mapper.MapperRefused as error:
            job.save()
            _finish(job, mapper.JobStatus(status="error", phase="submitting", message=str(error)))
        else:
            job.token = token
            job.status = RioJob.Status.PENDING
            job.message = ""
            job.submitted_at = timezone.now()
            job.save()
            _schedule_check(job)
    if unavailable is not None:
        raise unavailable  # after saving what happened: the task retries with backoff
    return job


def callback_url(job: RioJob) -> str:
    path = reverse("rio:callback", kwargs={"job_id": job.pk, "secret": job.callback_secret})
    return settings.SITE_URL + path


def _schedule_check(job: RioJob) -> None:
    if job.polls >= settings.RIO_MAX_POLLS:
        return  # the sweep (check_unfinished) keeps asking, less often
    delay = min(settings.RIO_POLL_SECONDS * 2 ** min(job.polls, 8), 5 * 60)
    if settings.RIO_MAPPER_CALLBACK:
        delay = max(delay, 5 * 60)  # the callback should come first; polling is the fallback
    tasks.check_job.apply_async_on_commit((job.pk,), countdown=delay)


# --- Hearing back ----------------------------------------------------------------------------


def check(*, job_id: int) -> RioJob:
    """Ask the mapper how a job is doing (`GET /status/{token}`)."""
    job = RioJob.objects.get(pk=job_id)
    if job.is_finished or not job.token:
        return job
    try:
        status = client().status(job.token)
    except mapper.MapperRefused as error:
        status = mapper.JobStatus(status="error", phase="checking", message=str(error))
    return record_status(job_id=job.pk, status=status)


def take_callback(*, job_id: int, secret: str, body: bytes) -> RioJob | None:
    """The mapper POSTs a finished job's status to the X-Callback URL we gave it; the URL
    carries a secret of that job only. None when the job or secret does not match."""
    if not 0 < job_id < 2**63:
        return None
    job = RioJob.objects.filter(pk=job_id).exclude(callback_secret="").first()
    if job is None or not secrets.compare_digest(job.callback_secret.encode(), secret.encode()):
        return None
    try:
        status = mapper.JobStatus.from_json(json.loads(body))
    except (ValueError, UnicodeDecodeError, mapper.MapperRefused) as error:
        raise RioError(_("The callback carries no job status.")) from error
    if status.token != job.token:
        raise RioError(_("The callback is about another job."))
    return record_status(job_id=job.pk, status=status)


def record_status(*, job_id: int, status: mapper.JobStatus) -> RioJob:
    """Keep what the mapper said; a finished job moves the module on to its next job, to
    registered, or to the mapper's error."""
    with transaction.atomic():
        job = RioJob.objects.select_for_update().get(pk=job_id)
        if job.is_finished:
            return job  # the callback and a status check both told us
        job.polls += 1
        job.checked_at = timezone.now()
        if status.status in (RioJob.Status.PENDING, RioJob.Status.IN_PROGRESS):
            job.status = status.status
            job.save()
            _schedule_check(job)
            return job
        if status.status not in RioJob.FINISHED:
            job.save()  # a status this code does not know: keep asking
            _schedule_check(job)
            return job
        job.save()
        _finish(job, status)
    return job


def _finish(job: RioJob, status: mapper.JobStatus) -> None:
    job.status = status.status
    job.phase = status.phase[:40]
    job.message = status.message or _failure_in_words(status.status)
    if status.status == RioJob.Status.DONE:
        job.message = ""
    job.attributes = status.attributes
    job.finished_at = timezone.now()
    job.save()
    registration = (
        RioRegistration.objects.select_for_update()
        .select_related("module")
        .get(pk=job.registration_id)
    )
    if job.version != registration.wanted_version:
        return  # a later change is being pushed; its own jobs decide the outcome
    if job.status != RioJob.Status.DONE:
        _fail(registration, job, job.message, job.phase)
        return
    if job.action == UPSERT:
        if job.job_type == EDUSPEC:
            if not (code := status.opleidingseenheidcode):
                message = _("The mapper finished the education specification without "
                            "giving its opleidingseenheidcode.")  # fmt: skip
                _fail(registration, job, message, "")
                return
            registration.opleidingseenheidcode = code
        else:
            registration.aangeboden_opleiding_code = status.aangeboden_opleiding_code or str(
                job.ooapi_id
            )
    elif job.job_type == EDUSPEC:
        registration.opleidingseenheidcode = ""
    else:
        registration.aangeboden_opleiding_code = ""
    following = _next_job_type(registration, job)
    if following:
        next_job, _created = RioJob.objects.get_or_create(
            registration=registration, version=job.version, action=job.action,
            job_type=following,
            defaults={"ooapi_id": ooapi_id(registration.module, following),
                      "trigger": job.trigger, "triggered_by_id": job.triggered_by_id},
        )  # fmt: skip
        registration.current_job = next_job
        registration.save()
        tasks.submit_job.delay_on_commit(next_job.pk)
        return
    module = registration.module
    registration.current_job = job
    registration.error_message = registration.error_phase = ""
    registration.attempts = 0
    if job.action == UPSERT:
        registration.status = RioRegistration.Status.REGISTERED
        registration.registered_at = timezone.now()
        registration.save()
        codes = {
            "opleidingseenheidcode": registration.opleidingseenheidcode,
            "aangebodenOpleidingCode": registration.aangeboden_opleiding_code,
        }
        log_action(actor=None, action="rio.registered", target=module, details=codes)
    else:
        registration.status = RioRegistration.Status.NOT_REGISTERED
        registration.route = ""
        registration.registered_at = None
        registration.save()
        log_action(actor=None, action="rio.removed", target=module)


def _next_job_type(registration: RioRegistration, job: RioJob) -> str:
    if job.action == DELETE:
        remaining = _jobs_to_remove(registration)  # this job's code is cleared already
        return remaining[0] if remaining else ""
    order = ROUTE_JOBS.get(registration.route, ())
    position = order.index(job.job_type) if job.job_type in order else len(order)
    return order[position + 1] if position + 1 < len(order) else ""


def _fail(registration: RioRegistration, job: RioJob, message: str, phase: str) -> None:
    registration.status = RioRegistration.Status.ERROR
    registration.error_message = message
    registration.error_phase = phase
    registration.current_job = job
    registration.save()
    log_action(actor=None, action="rio.refused", target=registration.module,
               details={"object": job.job_type, "message": message, "phase": phase})  # fmt: skip


def _failure_in_words(status: str) -> str:
    return {
        RioJob.Status.TIME_OUT: _(
            "The mapper gave up after trying our OOAPI endpoint or DUO several times."
        ),
        RioJob.Status.UNKNOWN: _(
            "The mapper no longer knows this job (its status may have expired); register again."
        ),
    }.get(status, _("The mapper reported an error without a message."))


# --- Sweeping --------------------------------------------------------------------------------


def check_unfinished(*, now=None) -> int:
    """Beat: pushes whose task was lost, jobs never sent, jobs whose checks ran out or were
    lost. Jobs older than two days are left alone (the mapper forgets statuses)."""
    if not is_enabled():
        return 0
    now = now or timezone.now()
    quiet, too_old = now - timedelta(minutes=10), now - timedelta(days=2)
    queued = 0
    for registration_id, version in RioRegistration.objects.filter(
        wanted_version__gt=F("pushed_version"), requested_at__lt=quiet, requested_at__gt=too_old
    ).values_list("pk", "wanted_version"):
        tasks.push_module.delay_on_commit(registration_id, version)
        queued += 1
    unfinished = RioJob.objects.exclude(status__in=RioJob.FINISHED).filter(created_at__gt=too_old)
    for job_id in unfinished.filter(token="", created_at__lt=quiet).values_list("pk", flat=True):
        tasks.submit_job.delay_on_commit(job_id)
        queued += 1
    unchecked = Q(checked_at__lt=quiet) | Q(checked_at__isnull=True, submitted_at__lt=quiet)
    for job_id in unfinished.exclude(token="").filter(unchecked).values_list("pk", flat=True):
        tasks.check_job.delay_on_commit(job_id)
        queued += 1
    return queued


# --- Personal data ---------------------------------------------------------------------------


def export_rio_data(user) -> list[dict]:
    return [
        {"module": job.registration.module.title, "asked": job.trigger,
         "at": job.created_at.isoformat()}
        for job in RioJob.objects.filter(triggered_by=user).select_related("registration__module")
    ]  # fmt: skip


def erase_rio_data(user) -> None:
    """Who asked for a push is forgotten; the pushes stay (they are about modules)."""
    RioRegistration.objects.filter(triggered_by=user).update(triggered_by=None)
    RioJob.objects.filter(triggered_by=user).update(triggered_by=None)


def grant_rio_permissions() -> None:
    """Portfolio holders and the office read the RIO states (as catalogue's groups do)."""
    from django.contrib.auth.models import Group, Permission

    from catalogue.services import ACADEMY_OFFICE, PORTFOLIO_HOLDERS

    views = Permission.objects.filter(content_type__app_label="rio", codename__startswith="view_")
    for name in (PORTFOLIO_HOLDERS, ACADEMY_OFFICE):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*views)
