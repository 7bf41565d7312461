"""Reads the employer portal's pages need beyond the domain apps' own: finding runs and staff
for a cohort by the words typed in a search box, and what a member of staff sees."""

from django.db.models import Prefetch, QuerySet
from django.utils.formats import date_format

from academy.models import Membership, User
from catalogue.models import ModuleRun


def _matches(text: str, words: list[str]) -> bool:
    text = text.casefold()
    return all(word in text for word in words)


def run_search_text(run: ModuleRun) -> str:
    """What a run is found by: the module's title, the run's code, format, place and dates."""
    return " ".join([
        run.module.title, run.code, str(run.module.get_format_display()), run.location,
        date_format(run.start_date, "j F Y"), date_format(run.end_date, "j F Y"),
    ])  # fmt: skip


def runs_matching(runs: list[ModuleRun], words: list[str], *, keep=()) -> list[ModuleRun]:
    """The runs whose text has every word (the chosen run always stays, to stay chosen)."""
    keep = {str(pk) for pk in keep}
    return [r for r in runs if str(r.pk) in keep or _matches(run_search_text(r), words)]


def staff_search_text(user: User) -> str:
    return " ".join([user.get_full_name(), user.email, user.job_title])


def staff_for_cohort(organisation) -> QuerySet[User]:
    return organisation.members.order_by("last_name", "first_name", "email")


def staff_matching(staff, words: list[str], *, keep=()) -> list[User]:
    keep = {str(pk) for pk in keep}
    return [u for u in staff if str(u.pk) in keep or _matches(staff_search_text(u), words)]


def staff_memberships_of(user) -> QuerySet[Membership]:
    """The organisations someone belongs to as staff, each with its admins to ask."""
    admins = Membership.objects.filter(role=Membership.Role.ADMIN).select_related("user")
    return (
        user.memberships.filter(role=Membership.Role.STAFF)
        .select_related("organisation")
        .prefetch_related(Prefetch("organisation__memberships", queryset=admins, to_attr="admins"))
        .order_by("organisation__name")
    )


def admins_of(organisation) -> QuerySet[Membership]:
    return (
        organisation.memberships.filter(role=Membership.Role.ADMIN)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
