"""Reads the catalogue's pages and the admin need, shaped to a constant number of queries."""

import re
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from catalogue.models import (
    SEARCH_CONFIG,
    Faculty,
    Format,
    Level,
    Module,
    ModuleRun,
    Session,
    Teaching,
    Theme,
    local_name,
)

# --- Who curates what ---------------------------------------------------------------------
# The one home of each access rule: the admin's scoped querysets, the services' checks of
# `by` and the pages all ask these. Only the require_* helpers raise PermissionDenied.


def curates_everything(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("catalogue.curate_all_faculties"))


def reads_everything(user) -> bool:
    """Every faculty's figures on the dashboard: the office, an ambassador, a superuser."""
    from catalogue.services import AMBASSADORS

    if not user.is_authenticated or not user.is_active:
        return False
    return curates_everything(user) or user.groups.filter(name=AMBASSADORS).exists()


def reads_insights(user) -> bool:
    """The dashboard at /insights/: those who read everything, and portfolio holders."""
    return reads_everything(user) or faculties_curated_by(user).exists()


def faculties_curated_by(user) -> QuerySet[Faculty]:
    if curates_everything(user):
        return Faculty.objects.all()
    if not user.is_active or not user.is_staff:
        return Faculty.objects.none()
    return Faculty.objects.filter(portfolio_holders=user)


def modules_curated_by(user) -> QuerySet[Module]:
    return Module.objects.filter(faculty__in=faculties_curated_by(user))


def published_modules_curated_by(user) -> QuerySet[Module]:
    """What a pathway may stack: published modules of a curated faculty that award a credential."""
    return modules_curated_by(user).published().filter(awards_microcredential=True)


def runs_curated_by(user) -> QuerySet[ModuleRun]:
    return ModuleRun.objects.filter(module__faculty__in=faculties_curated_by(user))


def curates_faculty(user, faculty) -> bool:
    faculty_id = getattr(faculty, "pk", faculty)
    return faculty_id is not None and faculties_curated_by(user).filter(pk=faculty_id).exists()


def teaches_or_curates(user, run: ModuleRun) -> bool:
    """The run's lecturers and whoever curates its faculty."""
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        run.teachings.filter(lecturer=user).exists()
        or runs_curated_by(user).filter(pk=run.pk).exists()
    )


def require_curator_of_faculty(user, faculty, message: str) -> None:
    if not curates_faculty(user, faculty):
        raise PermissionDenied(message)


def require_curator_of_runs(user, *runs: ModuleRun, message: str = "") -> None:
    wanted = {run.pk for run in runs}
    if runs_curated_by(user).filter(pk__in=wanted).count() != len(wanted):
        raise PermissionDenied(
            message or _("Only whoever curates the run may change its enrolments.")
        )


def require_teaches_or_curates(user, run: ModuleRun, message: str) -> None:
    if not teaches_or_curates(user, run):
        raise PermissionDenied(message)


def sessions_curated_by(user) -> QuerySet[Session]:
    return Session.objects.filter(run__module__faculty__in=faculties_curated_by(user))


def lecturers():
    """The people who may be named as lecturers: staff and the Lecturers group."""
    from django.contrib.auth import get_user_model

    from catalogue.services import LECTURERS

    return (
        get_user_model()
        .objects.filter(Q(is_staff=True) | Q(groups__name=LECTURERS), is_active=True)
        .distinct()
        .order_by("last_name", "first_name")
    )


# --- The public catalogue -----------------------------------------------------------------


def runs_starting_from(today: date) -> QuerySet[ModuleRun]:
    return ModuleRun.objects.filter(start_date__gte=today).exclude(
        status=ModuleRun.Status.CANCELLED
    )


def with_next_start(modules: QuerySet[Module], today: date) -> QuerySet[Module]:
    next_run = runs_starting_from(today).filter(module=OuterRef("pk")).order_by("start_date")
    return modules.annotate(next_start=Subquery(next_run.values("start_date")[:1]))


@dataclass
class CatalogueFilters:
    """The whole state of a catalogue page; it round-trips through the URL."""

    q: str = ""
    faculty: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    format: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    level: list[int] = field(default_factory=list)
    partner: list[str] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)  # "YYYY-MM"

    FACETS = ("faculty", "theme", "format", "language", "level", "partner", "starts")

    @property
    def search_terms(self) -> list[str]:
        return re.findall(r"\w+", self.q.lower())[:10]

    @property
    def is_filtered(self) -> bool:
        return bool(self.q.strip()) or any(getattr(self, name) for name in self.FACETS)


def _tsquery(terms: list[str]) -> SearchQuery:
    return SearchQuery(
        " & ".join(f"{term}:*" for term in terms), search_type="raw", config=SEARCH_CONFIG
    )


def matching_search(modules: QuerySet[Module], terms: list[str]) -> QuerySet[Module]:
    """Modules matching every term, as a word prefix (PostgreSQL) or a substring (SQLite)."""
    if connection.vendor == "postgresql":
        return modules.filter(search_vector=_tsquery(terms))
    for term in terms:
        modules = modules.filter(
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(description__icontains=term)
            | Q(search_document__icontains=term)
        )
    return modules


def ranked(modules: QuerySet[Module], terms: list[str]) -> QuerySet[Module]:
    """Annotate relevance: title matches weigh most, then summary, themes and outcomes."""
    if connection.vendor == "postgresql":
        return modules.annotate(rank=SearchRank(F("search_vector"), _tsquery(terms)))
    rank = Value(0, output_field=IntegerField())
    for term in terms:
        rank = rank + Case(
            When(title__icontains=term, then=Value(4)),
            When(Q(summary__icontains=term) | Q(search_document__icontains=term), then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    return modules.annotate(rank=rank)


def _month_range(month: str) -> tuple[date, date] | None:
    try:
        year, number = (int(part) for part in month.split("-"))
        first = date(year, number, 1)
        following = date(year + (number == 12), number % 12 + 1, 1)  # 9999-12 has none
    except ValueError:
        return None
    return first, following


def apply_filters(
    modules: QuerySet[Module], filters: CatalogueFilters, today: date, *, skip: str = ""
) -> QuerySet[Module]:
    """Filters combine: OR within one facet, AND across facets. `skip` leaves one out."""
    if filters.faculty and skip != "faculty":
        modules = modules.filter(faculty__slug__in=filters.faculty)
    if filters.theme and skip != "theme":
        modules = modules.filter(
            Exists(Module.themes.through.objects.filter(
                module=OuterRef("pk"), theme__slug__in=filters.theme
            ))
        )  # fmt: skip
    if filters.format and skip != "format":
        modules = modules.filter(format__in=filters.format)
    if filters.language and skip != "language":
        modules = modules.filter(language__in=filters.language)
    if filters.level and skip != "level":
        modules = modules.filter(level__in=filters.level)
    if filters.partner and skip != "partner":
        modules = modules.filter(
            Exists(Module.partners.through.objects.filter(
                module=OuterRef("pk"), partner__name__in=filters.partner
            ))
        )  # fmt: skip
    if filters.starts and skip != "starts":
        in_months = Q()
        for month in filters.starts:
            if bounds := _month_range(month):
                in_months |= Q(start_date__gte=bounds[0], start_date__lt=bounds[1])
        modules = modules.filter(
            Exists(runs_starting_from(today).filter(in_months, module=OuterRef("pk")))
        )
    return modules


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class CatalogueResult:
    modules: QuerySet[Module]
    facets: dict[str, list[FacetOption]]
    searched: bool


def catalogue(filters: CatalogueFilters, *, today: date | None = None) -> CatalogueResult:
    """The catalogue page: matching published modules and, per facet, the counts."""
    today = today or timezone.localdate()
    base = Module.objects.published()
    terms = filters.search_terms
    if terms:
        base = matching_search(base, terms)
    modules = apply_filters(base, filters, today)
    modules = with_next_start(modules, today).select_related("faculty").prefetch_related("themes")
    if terms:
        modules = ranked(modules, terms).order_by(
            "-rank", F("next_start").asc(nulls_last=True), "title"
        )
    else:
        modules = modules.order_by(F("next_start").asc(nulls_last=True), "title")
    facets = {
        name: _facet(name, apply_filters(base, filters, today, skip=name), filters, today)
        for name in CatalogueFilters.FACETS
    }
    return CatalogueResult(modules=modules, facets=facets, searched=bool(terms))


def _facet(name: str, matching: QuerySet[Module], filters, today) -> list[FacetOption]:
    selected = {str(value) for value in getattr(filters, name)}
    if name == "starts":
        rows = (
            runs_starting_from(today)
            .filter(Exists(matching.filter(pk=OuterRef("module_id"))))
            .annotate(month=TruncMonth("start_date"))
            .values("month")
            .annotate(count=Count("module", distinct=True))
            .order_by("month")
        )
        options = [
            (f"{row['month']:%Y-%m}", row["month"], row["count"]) for row in rows if row["month"]
        ]
    else:
        column, label = {
            "faculty": ("faculty__slug", local_name("faculty__")),
            "theme": ("themes__slug", local_name("themes__")),
            "partner": ("partners__name", F("partners__name")),
            "format": ("format", F("format")),
            "language": ("language", F("language")),
            "level": ("level", F("level")),
        }[name]
        rows = (
            matching.filter(**{f"{column}__isnull": False})
            .values(column, label=label)
            # Filters use EXISTS, so each module occurs once per value: no DISTINCT needed.
            .annotate(count=Count("pk"))
            .order_by("label")
        )
        options = [(str(row[column]), row["label"], row["count"]) for row in rows]
    shown = {value for value, _label, _count in options}
    # A chosen value stays on screen even when nothing matches it, so it can be unticked.
    options += [(value, value, 0) for value in sorted(selected - shown)]
    display = _FACET_LABELS.get(name)
    return [
        FacetOption(
            value=value,
            label=display(label) if display else label,
            count=count,
            selected=value in selected,
        )
        for value, label, count in options
    ]


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


_FACET_LABELS = {
    "format": lambda value: Format(value).label,
    "language": _language_name,
    "level": lambda value: Level(int(value)).label,
    "starts": lambda month: date_format(month, "F Y") if isinstance(month, date) else month,
}


def published_module(slug: str, *, today: date | None = None, user=None) -> Module:
    """A module with everything its page shows; drafts only for those who curate them.

    Its `upcoming_runs` know nothing of seats: the page above enrolment counts them
    (`enrolment.queries.fill_seats_taken`)."""
    today = today or timezone.localdate()
    visible = Module.objects.published()
    if user is not None and user.is_authenticated and user.is_staff:
        visible = Module.objects.filter(
            Q(status=Module.Status.PUBLISHED) | Q(pk__in=modules_curated_by(user))
        )
    upcoming_runs = (
        ModuleRun.objects.upcoming(today)
        .prefetch_related(
            "sessions",
            Prefetch(
                "teachings",
                queryset=Teaching.objects.select_related("lecturer").order_by("role", "pk"),
            ),
        )
        .order_by("start_date")
    )
    module = (
        visible.select_related("faculty")
        .prefetch_related(
            "themes", "partners", Prefetch("runs", queryset=upcoming_runs, to_attr="upcoming_runs")
        )
        .get(slug=slug)
    )
    return module


def next_run_to_join(runs, *, today: date | None = None) -> ModuleRun | None:
    """The run the page puts first: the earliest one open for enrolment (a full one has a
    waiting list), else the earliest still to come; runs in start order, as
    `published_module` gives them."""
    runs = list(runs)
    today = today or timezone.localdate()
    open_runs = (run for run in runs if run.why_not_open_for_enrolment(today) is None)
    return next(open_runs, runs[0] if runs else None)


def next_modules_to_start(*, limit: int = 6, today: date | None = None) -> QuerySet[Module]:
    today = today or timezone.localdate()
    return (
        with_next_start(Module.objects.published(), today)
        .filter(next_start__isnull=False)
        .select_related("faculty")
        .order_by("next_start", "title")[:limit]
    )


def themes_with_published_modules() -> QuerySet[Theme]:
    return (
        Theme.objects.annotate(
            module_count=Count("modules", filter=Q(modules__status=Module.Status.PUBLISHED))
        )
        .filter(module_count__gt=0)
        .order_by(local_name(), "pk")
    )


# --- Reports ------------------------------------------------------------------------------


def teaching_report(*, user, year: int) -> QuerySet:
    """Contact hours and runs per lecturer per faculty in a year (runs starting that year)."""
    return (
        Teaching.objects.filter(
            run__module__faculty__in=faculties_curated_by(user), run__start_date__year=year
        )
        .exclude(run__status=ModuleRun.Status.CANCELLED)
        .annotate(faculty_name=local_name("run__module__faculty__"))
        .values(
            "lecturer_id",
            "lecturer__email",
            "lecturer__first_name",
            "lecturer__last_name",
            "faculty_name",
        )
        .annotate(runs=Count("run", distinct=True), contact_hours=Sum("contact_hours"))
        .order_by("faculty_name", "lecturer__last_name", "lecturer__email")
    )
