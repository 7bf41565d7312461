"""Demand seen whole, as aggregates computed in the database: one query per table whatever
the number of needs, interests or searches. Scoped to what the person curates (the office:
every faculty); searches that found nothing are anonymous and shown to all who see this."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
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


def _count(queryset):
    """A correlated subquery: how many rows of `queryset` (tied to the outer row by OuterRef,
    grouped on a constant so that the subquery yields one number)."""
    counted = queryset.order_by().values("_one").annotate(n=Count("pk", distinct=True))
    return Coalesce(Subquery(counted.values("n")[:1], output_field=IntegerField()), Value(0))


def _sum(queryset, column):
    summed = queryset.order_by().values("_one").annotate(n=Sum(column))
    return Coalesce(Subquery(summed.values("n")[:1], output_field=IntegerField()), Value(0))


def _each_need_once(matching):
    """The needs `matching` selects, each once however many joined rows matched it (a need
    answered by two modules of one theme, or in two of someone's faculties)."""
    return _grouped(LearningNeed.objects.filter(pk__in=matching.values("pk")))


def _grouped(queryset):
    return queryset.annotate(_one=Value(1, output_field=IntegerField()))


def by_faculty(scope: Scope):
    faculties = (
        Faculty.objects.all()
        if scope.everything
        else Faculty.objects.filter(pk__in=scope.faculty_ids)
    )
    needs = _each_need_once(scope.needs().filter(faculties=OuterRef(OuterRef("pk"))))
    interest = _grouped(Interest.objects.confirmed().filter(module__faculty=OuterRef("pk")))
    waiting = _grouped(
        WaitingListEntry.objects.filter(
            status__in=WaitingListEntry.ACTIVE, run__module__faculty=OuterRef("pk")
        )
    )
    return _weighted(faculties.annotate(
        open_needs=_count(needs.filter(merged_into__isnull=True)),
        expected_learners=_sum(needs, "expected_learners"),
        interest=_count(interest), waiting=_count(waiting),
    ))  # fmt: skip


def by_theme(scope: Scope):
    modules = scope.modules()
    theme = OuterRef(OuterRef("pk"))
    answered_in_theme = Q(modules__themes=theme) | Q(merged_into__modules__themes=theme)
    needs = _each_need_once(scope.needs().filter(answered_in_theme))
    follows = Q(theme=OuterRef("pk")) | Q(module__themes=OuterRef("pk"), module__in=modules)
    interest = _grouped(Interest.objects.confirmed().filter(follows))
    waiting = _grouped(WaitingListEntry.objects.filter(
        status__in=WaitingListEntry.ACTIVE, run__module__themes=OuterRef("pk"),
        run__module__in=modules,
    ))  # fmt: skip
    return _weighted(Theme.objects.annotate(
        open_needs=_count(needs.filter(merged_into__isnull=True)),
        expected_learners=_sum(needs, "expected_learners"),
        interest=_count(interest), waiting=_count(waiting),
    ))  # fmt: skip


def _weighted(rows):
    """Heaviest first: people who asked for it, people who wait for it, people who follow it."""
    rows = list(rows)
    for row in rows:
        row.weight = row.expected_learners + row.waiting + row.interest
    return sorted((r for r in rows if r.weight or r.open_needs), key=lambda r: (-r.weight, r.name))


def needs_without_a_theme(scope: Scope) -> dict:
    """Open needs no module answers yet: they have no theme until one does."""
    unanswered = (
        scope.needs().filter(modules__isnull=True).exclude(merged_into__modules__isnull=False)
    )
    needs = LearningNeed.objects.filter(pk__in=unanswered.values("pk"))
    return needs.aggregate(
        open_needs=Count("pk", filter=Q(merged_into__isnull=True), distinct=True),
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
        LearningNeed.objects.filter(created_at__gte=start, modules__themes__in=theme_ids,
                                    modules__in=scope.modules())
        .annotate(month=TruncMonth("created_at")).values("month", "modules__themes")
        .annotate(n=Count("pk", distinct=True))
    )  # fmt: skip
    interest = (
        Interest.objects.filter(created_at__gte=start, theme__in=theme_ids)
        .annotate(month=TruncMonth("created_at")).values("month", "theme")
        .annotate(n=Count("pk"))
    )  # fmt: skip
    series = {pk: {m: [0, 0] for m in span} for pk in theme_ids}
    for row in needs:
        month = _as_date(row["month"])
        if month in series.get(row["modules__themes"], {}):
            series[row["modules__themes"]][month][0] += row["n"]
    for row in interest:
        month = _as_date(row["month"])
        if month in series.get(row["theme"], {}):
            series[row["theme"]][month][1] += row["n"]
    return {pk: [(m, *counts) for m, counts in by_month.items()] for pk, by_month in series.items()}


def _as_date(value) -> date:
    """TruncMonth gives an aware datetime on PostgreSQL and SQLite alike (USE_TZ)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.date().replace(day=1)
