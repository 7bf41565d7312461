"""Writes to the catalogue that follow business rules: search index, publishing, runs."""

import re
from collections.abc import Iterable
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from academy.audit import log_action
from academy.errors import DomainError
from catalogue import search
from catalogue.models import (
    Module,
    ModuleRun,
    SearchMiss,
    Session,
    Synonym,
    Teaching,
)
from catalogue.page_cache import bump_catalogue_version
from catalogue.queries import require_curator_of_faculty
from catalogue.signals import module_published


class PublicationError(DomainError):
    """A module lacks what a professional needs to decide; `problems` maps field to message."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(" ".join(problems.values()), problems)


def refresh_search_index(
    *, module_ids: Iterable[int] | None = None, today: date | None = None
) -> None:
    """Rebuild what the catalogue searches, for the given modules or all of them."""
    search.index_modules(module_ids, today=today)
    bump_catalogue_version()  # bulk writes send no signals


def save_synonym(*, synonym: Synonym, by) -> Synonym:
    """Save a group of words that mean the same (the office's, in the admin)."""
    synonym.full_clean()
    with transaction.atomic():
        synonym.save()
        log_action(actor=by, action="synonym.saved", target=synonym,
                   details={"words": synonym.words})  # fmt: skip
    bump_catalogue_version()  # searches find other modules now
    return synonym


def delete_synonym(*, synonym: Synonym, by) -> None:
    with transaction.atomic():
        log_action(actor=by, action="synonym.deleted", target=synonym,
                   details={"words": synonym.words})  # fmt: skip
        synonym.delete()
    bump_catalogue_version()


THEME_NAME_PARTS = re.compile(r"\s*(?:&|,|\band\b|\ben\b)\s*")


def add_synonyms_from_themes(themes, *, by=None) -> int:
    """Pair the words of each theme's English and Dutch names ("Leadership & management",
    "Leiderschap & management": leadership = leiderschap) as synonyms, joining a group that
    already holds either word. Returns how many groups were made or widened."""
    groups = {synonym.pk: synonym for synonym in Synonym.objects.all()}
    changed = 0
    for theme in themes:
        english = [part.lower() for part in THEME_NAME_PARTS.split(theme.name) if part]
        dutch = [part.lower() for part in THEME_NAME_PARTS.split(theme.name_nl or "") if part]
        if len(english) != len(dutch):
            continue
        for en, nl in zip(english, dutch, strict=True):
            if en == nl:
                continue
            holding = next(
                (group for group in groups.values() if en in group.terms or nl in group.terms),
                None,
            )
            if holding is None:
                holding = Synonym(words=f"{en}, {nl}")
            elif en in holding.terms and nl in holding.terms:
                continue
            else:
                holding.words = ", ".join([*holding.terms, en, nl])
            save_synonym(synonym=holding, by=by)
            groups[holding.pk] = holding
            changed += 1
    return changed


def move_on_passed_start_dates(*, today: date | None = None) -> int:
    """Search rows whose next start is behind us move on to the next run (or none)."""
    module_ids = list(search.modules_with_passed_next_start(today).values_list("pk", flat=True))
    if module_ids:
        refresh_search_index(module_ids=module_ids, today=today)
    return len(module_ids)


def publication_problems(module: Module) -> dict[str, str]:
    """What stops a module from being published, by field."""
    problems = {}
    if not [outcome for outcome in module.learning_outcomes if outcome.strip()]:
        problems["learning_outcomes"] = _("Add at least one learning outcome.")
    if not module.study_load_hours:
        problems["study_load_hours"] = _("Give the study load in hours.")
    if not module.level:
        problems["level"] = _("Give the level (EQF/NLQF 5–8).")
    if not module.format:
        problems["format"] = _("Choose a format.")
    has_run = module.pk is not None and module.runs.exists()
    if not has_run and not module.no_run_reason.strip():
        problems["no_run_reason"] = _(
            "Add at least one run, or explain here why there is none (for example: on request)."
        )
    return problems


@transaction.atomic
def publish_module(*, module: Module, by) -> Module:
    """Make a module public, stamped with who and when; only a portfolio holder of its
    faculty or the office may. Publishing a module that is already public changes nothing.
    The module's other fields are saved as given (the admin's form edits them alongside)."""
    require_curator_of_faculty(
        by, module.faculty_id, _("Only the faculty's portfolio holders or the office may publish.")
    )
    if problems := publication_problems(module):
        raise PublicationError(problems)
    was_public = (
        module.pk is not None
        and Module.objects.select_for_update()
        .filter(pk=module.pk, status=Module.Status.PUBLISHED).exists()
    )  # fmt: skip
    module.status = Module.Status.PUBLISHED
    if not was_public:
        module.published_at = timezone.now()
        module.published_by = by
    module.save()
    if not was_public:
        log_action(actor=by, action="module.published", target=module,
                   details={"title": module.title, "faculty": module.faculty_id})  # fmt: skip
        module_published.send(sender=Module, module=module)
    return module


def unique_run_code(*, module: Module, start_date: date) -> str:
    base = slugify(f"{start_date:%Y-%m}")
    existing = set(module.runs.filter(code__startswith=base).values_list("code", flat=True))
    code, number = base, 2
    while code in existing:
        code, number = f"{base}-{number}", number + 1
    return code


@transaction.atomic
def duplicate_run(*, run: ModuleRun, start_date: date) -> ModuleRun:
    """A new edition of a run on another date, its sessions and lecturers shifted along."""
    shift = start_date - run.start_date

    def moved(day: date | None) -> date | None:
        return None if day is None else day + shift

    copy = ModuleRun.objects.create(
        module=run.module,
        code=unique_run_code(module=run.module, start_date=start_date),
        start_date=start_date,
        end_date=run.end_date + shift,
        enrolment_opens=moved(run.enrolment_opens),
        enrolment_closes=moved(run.enrolment_closes),
        capacity=run.capacity,
        location=run.location,
        price_override=run.price_override,
        status=ModuleRun.Status.PLANNED,
    )
    Session.objects.bulk_create(
        Session(
            run=copy,
            title=session.title,
            starts_at=_shift_keeping_local_time(session.starts_at, shift),
            ends_at=_shift_keeping_local_time(session.ends_at, shift),
            mode=session.mode,
            location=session.location,
            online_url=session.online_url,
        )
        for session in run.sessions.all()
    )
    Teaching.objects.bulk_create(
        Teaching(run=copy, lecturer_id=t.lecturer_id, role=t.role, contact_hours=t.contact_hours)
        for t in run.teachings.all()
    )
    return copy


def _shift_keeping_local_time(moment, days: timedelta):
    """Move by whole days and keep the wall-clock time in Amsterdam across DST changes."""
    local = timezone.localtime(moment)
    shifted = local.replace(tzinfo=None) + days
    return timezone.make_aware(shifted)


MAX_MISSED_TERM = 100


def normalised_search_term(q: str) -> str:
    """How a missed search is counted: its words, lower case, once spaced."""
    return " ".join(re.findall(r"\w+", q.lower()))[:MAX_MISSED_TERM].strip()


def record_search_miss(*, q: str, today: date | None = None) -> None:
    """Count a search that found nothing, for this week. Nothing about who searched."""
    term = normalised_search_term(q)
    if not term:
        return
    today = today or timezone.localdate()
    week = today - timedelta(days=today.weekday())
    updated = SearchMiss.objects.filter(term=term, week=week).update(count=F("count") + 1)
    if not updated:
        try:
            with transaction.atomic():
                SearchMiss.objects.create(term=term, week=week, count=1)
        except IntegrityError:  # counted first by a concurrent request
            SearchMiss.objects.filter(term=term, week=week).update(count=F("count") + 1)


PORTFOLIO_HOLDERS = "Portfolio holders"
ACADEMY_OFFICE = "Academy office"
LECTURERS = "Lecturers"
AMBASSADORS = "Ambassador"  # reads every faculty's figures at /insights/; changes nothing

_PORTFOLIO_HOLDER_PERMISSIONS = [
    "view_faculty",
    "view_theme",
    "view_partner",
    "add_module",
    "change_module",
    "view_module",
    *(f"{verb}_{model}" for verb in ("add", "change", "delete", "view")
      for model in ("modulerun", "session", "teaching")),
    "view_enrolment",
    "change_enrolment",
    "view_waitinglistentry",
    "view_cohort",
    *(f"{verb}_attendance" for verb in ("add", "change", "view")),
    *(f"{verb}_{model}" for verb in ("add", "change", "view")
      for model in ("result", "pathway")),
    "view_credential",
    "change_credential",  # to revoke
]  # fmt: skip


def ensure_curation_groups() -> None:
    """The groups curation relies on, with their permissions; safe to run after every migrate."""
    from django.contrib.auth.models import Group, Permission

    catalogue_permissions = Permission.objects.filter(
        content_type__app_label__in=["catalogue", "enrolment", "credentials"]
    )
    holders, _ = Group.objects.get_or_create(name=PORTFOLIO_HOLDERS)
    holders.permissions.add(
        *catalogue_permissions.filter(codename__in=_PORTFOLIO_HOLDER_PERMISSIONS)
    )
    office, _ = Group.objects.get_or_create(name=ACADEMY_OFFICE)
    office.permissions.add(*catalogue_permissions)
    office.permissions.add(  # the office publishes the terms and statements (legal)
        *Permission.objects.filter(content_type__app_label="legal")
    )
    office.permissions.add(  # the office reads the whole audit trail
        *Permission.objects.filter(content_type__app_label="academy", codename="view_auditentry")
    )
    Group.objects.get_or_create(name=LECTURERS)  # who may be named on a run; no admin rights
    ambassadors, _ = Group.objects.get_or_create(name=AMBASSADORS)
    ambassadors.permissions.add(  # looks, never touches: view permissions only
        *Permission.objects.filter(
            content_type__app_label__in=["catalogue", "enrolment", "credentials", "demand"],
            codename__startswith="view_",
        )
    )


def export_catalogue_data(user) -> dict:
    return {
        "interests": list(user.interests.values_list("name", flat=True)),
    }


def erase_catalogue_data(user) -> None:
    """The themes a person said they are interested in (their profile) go."""
    user.interests.clear()
