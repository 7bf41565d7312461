"""Demand seen whole, as aggregates computed in the database: one query per table whatever
the number of needs, interests or searches. Scoped to what the person curates (the office:
every faculty); searches that found nothing are anonymous and shown to all who see this."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.models import Faculty, Module, SearchMiss, Theme
from catalogue.queries import curates_everything, faculties_curated_by
from demand.models import Interest, LearningNeed
from demand.queries import reads_demand
from enrolment.models import WaitingListEntry

OPEN = (LearningNeed.Status.NEW, LearningNeed.Status.WITH_FACULTY, LearningNeed.Status.PLANNED)
MONTHS = 12
SEARCH_WEEKS = 12
TOP_SEARCHES = 25


def require_demand_reader(user) -> None:
    if not reads_demand(user):
        raise PermissionDenied(
            _("The demand overview is for the academy office and portfolio holders.")
        )


@dataclass
class Scope:
    """What one person's overview covers."""

    everything: bool
    faculty_ids: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, user) -> "Scope":
        if curates_everything(user):
            return cls(everything=True)
        return cls(
            everything=False,
            faculty_ids=list(faculties_curated_by(user).values_list("pk", flat=True)),
        )

    def needs(self):
        """Open needs; a merged need still counts its learners, but not as a need of its own,
        and belongs to the themes of the modules that answer the need it joined."""
        needs = LearningNeed.objects.filter(status__in=OPEN)
        if not self.everything:
            needs = needs.filter(faculties__in=self.faculty_ids)
        return needs

    def modules(self):
        modules = Module.objects.all()
        return modules if self.everything else modules.filter(faculty__in=self.faculty_ids)


def by_faculty(scope: Scope):
    """Per faculty: a need counts for each faculty it was given to (a merged need too, for its
    learners); interest and waiting lists through the faculty's modules."""
    faculties = (
        Faculty.objects.all()
        if scope.everything
        else Faculty.objects.filter(pk__in=scope.faculty_ids)
    )
    needs = (
        scope.needs().values("faculties")
        .annotate(open_needs=Count("pk", filter=Q(merged_into__isnull=True), distinct=True),
                  expected_learners=Sum("expected_learners"))
    )  # fmt: skip
    interest = (
        Interest.objects.confirmed().filter(module__in=scope.modules())
        .values("module__faculty").annotate(n=Count("pk"))
    )  # fmt: skip
    waiting = (
        WaitingListEntry.objects.filter(status__in=WaitingListEntry.ACTIVE,
                                        run__module__in=scope.modules())
        .values("run__module__faculty").annotate(n=Count("pk"))
    )  # fmt: skip
    return _weighted(
        faculties,
        needs={row["faculties"]: row for row in needs},
        interest=_tally(interest, "module__faculty"),
        waiting=_tally(waiting, "run__module__faculty"),
    )


def by_theme(scope: Scope):
    """Per theme: a need counts for each of its themes (those it was given and those of the
    modules that answer it); interest in the theme and in its modules; its waiting lists."""
    modules = scope.modules()
    interest = (  # a theme's followers, and those of each module in it
        Interest.objects.confirmed().filter(Q(theme__isnull=False) | Q(module__in=modules))
        .values("theme", "module__themes").annotate(n=Count("pk"))
    )  # fmt: skip
    waiting = (
        WaitingListEntry.objects.filter(status__in=WaitingListEntry.ACTIVE,
                                        run__module__in=modules)
        .values("run__module__themes").annotate(n=Count("pk"))
    )  # fmt: skip
    followers: dict[int, int] = {}
    for row in interest:
        theme_id = row["theme"] or row["module__themes"]
        if theme_id is not None:
            followers[theme_id] = followers.get(theme_id, 0) + row["n"]
    return _weighted(
        Theme.objects.all(),
        needs=_needs_per_theme(scope),
        interest=followers,
        waiting=_tally(waiting, "run__module__themes"),
    )


def _needs_per_theme(scope: Scope) -> dict[int, dict]:
    """Each need once per theme (through the themes table), whatever joins scoped it."""
    needs = (
        LearningNeed.objects.filter(pk__in=scope.needs().values("pk"), themes__isnull=False)
        .values("themes")
        .annotate(open_needs=Count("pk", filter=Q(merged_into__isnull=True)),
                  expected_learners=Sum("expected_learners"))
    )  # fmt: skip
    return {row["themes"]: row for row in needs}


def _tally(rows, key: str) -> dict[int, int]:
    return {row[key]: row["n"] for row in rows if row[key] is not None}


def _weighted(rows, *, needs: dict, interest: dict, waiting: dict) -> list:
    """Heaviest first: people who asked for it, people who wait for it, people who follow it."""
    result = []
    for row in rows:
        asked = needs.get(row.pk, {})
        row.open_needs = asked.get("open_needs", 0)
        row.expected_learners = asked.get("expected_learners") or 0
        row.interest, row.waiting = interest.get(row.pk, 0), waiting.get(row.pk, 0)
        row.weight = row.expected_learners + row.waiting + row.interest
        if row.weight or row.open_needs:
            result.append(row)
    return sorted(result, key=lambda r: (-r.weight, r.local_name))


def needs_without_a_theme(scope: Scope) -> dict:
    """Open needs nobody placed in a theme yet (no theme given, no module linked)."""
    needs = LearningNeed.objects.filter(
        pk__in=scope.needs().filter(themes__isnull=True).values("pk")
    )
    return needs.aggregate(
        open_needs=Count("pk", filter=Q(merged_into__isnull=True)),
        expected_learners=Coalesce(Sum("expected_learners"), 0),
    )


def searches_that_found_nothing(today: date | None = None):
    today = today or timezone.localdate()
    since = today - timedelta(weeks=SEARCH_WEEKS)
    return list(
        SearchMiss.objects.filter(week__gte=since).values("term")
        .annotate(searches=Sum("count")).order_by("-searches", "term")[:TOP_SEARCHES]
    )  # fmt: skip


def months(today: date | None = None) -> list[date]:
    today = today or timezone.localdate()
    first = today.replace(day=1)
    result = []
    for back in range(MONTHS - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        result.append(date(year, month + 1, 1))
    return result


def monthly_by_theme(scope: Scope, theme_ids: list[int], today: date | None = None) -> dict:
    """Per theme, per month of the last twelve: needs submitted and interest registered."""
    span = months(today)
    start = timezone.make_aware(timezone.datetime.combine(span[0], timezone.datetime.min.time()))
    needs = (
        LearningNeed.objects.filter(pk__in=_submitted_in_scope(scope), created_at__gte=start,
                                    themes__in=theme_ids)
        .annotate(month=TruncMonth("created_at")).values("month", "themes")
        .annotate(n=Count("pk"))
    )  # fmt: skip
    interest = (
        Interest.objects.filter(created_at__gte=start, theme__in=theme_ids)
        .annotate(month=TruncMonth("created_at")).values("month", "theme")
        .annotate(n=Count("pk"))
    )  # fmt: skip
    series = {pk: {m: [0, 0] for m in span} for pk in theme_ids}
    for row in needs:
        month = _as_date(row["month"])
        if month in series.get(row["themes"], {}):
            series[row["themes"]][month][0] += row["n"]
    for row in interest:
        month = _as_date(row["month"])
        if month in series.get(row["theme"], {}):
            series[row["theme"]][month][1] += row["n"]
    return {pk: [(m, *counts) for m, counts in by_month.items()] for pk, by_month in series.items()}


def _submitted_in_scope(scope: Scope):
    """Every need submitted to the person's faculties, whatever became of it since."""
    needs = LearningNeed.objects.all()
    if not scope.everything:
        needs = needs.filter(faculties__in=scope.faculty_ids)
    return needs.values("pk")


def _as_date(value) -> date:
    """TruncMonth gives an aware datetime on PostgreSQL and SQLite alike (USE_TZ)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.date().replace(day=1)
