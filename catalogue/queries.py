"""Reads the catalogue's pages and the admin need, shaped to a constant number of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalogue import search
from catalogue.models import (
    Faculty,
    Format,
    Level,
    Module,
    ModuleRun,
    ModuleSearch,
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


SORTS = ("relevance", "start", "price", "ects")


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
    price_max: int | None = None  # euros with VAT, as the cards show prices
    date_from: date | None = None  # a run starting on or after (URL: from)
    date_until: date | None = None  # a run starting on or before (URL: until)
    sort: str = ""  # one of SORTS; "" is relevance for a search, else start date

    FACETS = ("faculty", "theme", "format", "language", "level", "partner", "starts")

    @property
    def search_terms(self) -> list[str]:
        return search.search_terms(self.q)

    @property
    def active_count(self) -> int:
        """What the phone's Filters button counts: ticked values, a price and dates."""
        ticked = sum(len(getattr(self, name)) for name in self.FACETS)
        bounds = (self.price_max, self.date_from, self.date_until)
        return ticked + sum(bound is not None for bound in bounds)

    @property
    def is_filtered(self) -> bool:
        return bool(self.q.strip()) or self.active_count > 0

    @property
    def effective_sort(self) -> str:
        if self.sort in SORTS and (self.sort != "relevance" or self.search_terms):
            return self.sort
        return "relevance" if self.search_terms else "start"


def _month_range(month: str) -> tuple[date, date] | None:
    try:
        year, number = (int(part) for part in month.split("-"))
        first = date(year, number, 1)
        following = date(year + (number == 12), number % 12 + 1, 1)  # 9999-12 has none
    except ValueError:
        return None
    return first, following


def _facet_conditions(filters: CatalogueFilters, today: date) -> dict[str, Q | Exists | None]:
    """Per facet, what its ticked values ask (None: nothing ticked). OR within a facet,
    AND across facets; each facet's counts apply all the others."""
    return {
        "faculty": Q(faculty__in=filters.faculty) if filters.faculty else None,
        "theme": Q(themes__has_any_keys=filters.theme) if filters.theme else None,
        "format": Q(format__in=filters.format) if filters.format else None,
        "language": Q(language__in=filters.language) if filters.language else None,
        "level": Q(level__in=filters.level) if filters.level else None,
        "partner": Q(partners__has_any_keys=filters.partner) if filters.partner else None,
        # Months of runs still to start; a row whose run started is re-indexed within the
        # hour (services.move_on_passed_start_dates).
        "starts": Q(start_months__has_any_keys=filters.starts) if filters.starts else None,
    }


def _searched_rows(filters: CatalogueFilters, terms, today: date) -> QuerySet[ModuleSearch]:
    """Rows matching the words, the price and the dates: what every facet counts within."""
    rows = search.matching(ModuleSearch.objects.all(), terms)
    if filters.price_max is not None:
        rows = rows.filter(price__lte=filters.price_max)
    if filters.date_from or filters.date_until:
        runs = runs_starting_from(max(filters.date_from or today, today))
        if filters.date_until:
            runs = runs.filter(start_date__lte=filters.date_until)
        rows = rows.filter(Exists(runs.filter(module=OuterRef("pk"))))
    return rows


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


class SearchResults:
    """The matching modules in order, read a page at a time (what Paginator slices)."""

    def __init__(self, rows: QuerySet[ModuleSearch], total: int, sort: str):
        self.rows, self.total, self.sort = rows, total, sort

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        columns = ("module", "next_start", "price")
        if self.sort == "relevance":
            columns += ("rank",)
        ordered = self.rows.order_by(*search.order_for(self.sort))
        page = list(ordered.values_list(*columns)[index])
        modules = Module.objects.select_related("faculty").prefetch_related("themes")
        by_id = modules.in_bulk([row[0] for row in page])
        found = []
        for module_id, next_start, price, *rank in page:
            if module := by_id.get(module_id):
                module.next_start = next_start
                module.listed_price = price  # the next run's, with VAT
                module.rank = rank[0] if rank else None
                found.append(module)
        return found

    def __iter__(self):
        return iter(self[0 : self.total])


@dataclass
class CatalogueResult:
    modules: SearchResults
    facets: dict[str, list[FacetOption]]
    searched: bool
    sort: str = "start"
    did_you_mean: str | None = None

    @property
    def sort_options(self) -> list[tuple[str, str]]:
        labels = {
            "relevance": _("Relevance"),
            "start": _("Start date"),
            "price": _("Price, lowest first"),
            "ects": _("ECTS, fewest first"),
        }
        return [(key, labels[key]) for key in SORTS if key != "relevance" or self.searched]


FEW_RESULTS = 2  # at most this many found: offer a correction of the words


def catalogue(filters: CatalogueFilters, *, today: date | None = None) -> CatalogueResult:
    """The catalogue page: matching published modules in order and, per facet, the counts
    (one query for all facets and the total, one for the page, two for its modules)."""
    today = today or timezone.localdate()
    words = filters.search_terms
    terms = search.with_synonyms(words)
    searched = _searched_rows(filters, terms, today)
    conditions = _facet_conditions(filters, today)
    counts, total = _facet_counts(searched, conditions, today, filters)
    rows = searched.filter(*(condition for condition in conditions.values() if condition))
    sort = filters.effective_sort
    if sort == "relevance":
        rows = search.ranked(rows, terms)
    result = CatalogueResult(
        modules=SearchResults(rows, total, sort),
        facets={name: _facet(name, counts.get(name, []), filters) for name in filters.FACETS},
        searched=bool(words),
        sort=sort,
    )
    if words and total <= FEW_RESULTS:
        result.did_you_mean = search.correction(words)
    return result


def _facet_counts(rows: QuerySet[ModuleSearch], conditions: dict, today: date, filters):
    """Every facet's counts and the total in one pass over the rows the words match: each
    row carries, per facet, whether it meets that facet's ticks, and each facet counts the
    rows that meet all the others'. Ticked faculties and themes that nothing matches any
    more come with their names (and no count), so they can still be read and unticked."""
    flags = {
        f"in_{name}": ExpressionWrapper(condition, output_field=BooleanField())
        if condition is not None
        else Value(True)
        for name, condition in conditions.items()
    }
    source = rows.annotate(**flags).values(
        "module_id", "faculty", "format", "language", "level", *flags
    )
    source_sql, params = source.query.sql_with_params()

    def others(name: str) -> str:
        return " AND ".join(f"m.{flag}" for flag in flags if flag != f"in_{name}")

    def named(facet: str, table: str, slugs: list[str]) -> str:
        if not slugs:
            return ""
        marks = ", ".join(["%s"] * len(slugs))
        return (
            f"UNION ALL SELECT '{facet}', slug, name, name_nl, 0 FROM {table} "  # noqa: S608 - our names
            f"WHERE slug IN ({marks})"
        )

    every = " AND ".join(f"m.{flag}" for flag in flags)
    themes, partners = Module.themes.through._meta.db_table, Module.partners.through._meta.db_table
    sql = f"""
        WITH m AS ({source_sql})
        SELECT 'faculty', m.faculty, f.name, f.name_nl, COUNT(*) FROM m
            LEFT JOIN catalogue_faculty f ON f.slug = m.faculty
            WHERE {others("faculty")} GROUP BY m.faculty, f.name, f.name_nl
        UNION ALL SELECT 'theme', t.slug, t.name, t.name_nl, COUNT(*) FROM m
            JOIN {themes} mt ON mt.module_id = m.module_id
            JOIN catalogue_theme t ON t.id = mt.theme_id
            WHERE {others("theme")} GROUP BY t.slug, t.name, t.name_nl
        UNION ALL SELECT 'partner', p.name, p.name, NULL, COUNT(*) FROM m
            JOIN {partners} mp ON mp.module_id = m.module_id
            JOIN catalogue_partner p ON p.id = mp.partner_id
            WHERE {others("partner")} GROUP BY p.name
        UNION ALL SELECT 'format', m.format, NULL, NULL, COUNT(*) FROM m
            WHERE {others("format")} GROUP BY m.format
        UNION ALL SELECT 'language', m.language, NULL, NULL, COUNT(*) FROM m
            WHERE {others("language")} GROUP BY m.language
        UNION ALL SELECT 'level', CAST(m.level AS TEXT), NULL, NULL, COUNT(*) FROM m
            WHERE m.level IS NOT NULL AND {others("level")} GROUP BY m.level
        UNION ALL SELECT 'starts', SUBSTR(CAST(r.start_date AS TEXT), 1, 7), NULL, NULL,
            COUNT(DISTINCT m.module_id) FROM m
            JOIN catalogue_modulerun r ON r.module_id = m.module_id
            WHERE r.start_date >= %s AND r.status <> %s AND {others("starts")}
            GROUP BY SUBSTR(CAST(r.start_date AS TEXT), 1, 7)
        {named("faculty", "catalogue_faculty", filters.faculty)}
        {named("theme", "catalogue_theme", filters.theme)}
        UNION ALL SELECT '', NULL, NULL, NULL, COUNT(*) FROM m WHERE {every}
    """  # noqa: S608 - column names and flags are ours; values are parameters
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [*params, today, ModuleRun.Status.CANCELLED.value, *filters.faculty, *filters.theme],
        )
        found = cursor.fetchall()
    counts: dict[str, list] = {}
    total = 0
    for facet, value, name, name_nl, count in found:
        if not facet:
            total = count
            continue
        label = (name_nl or name) if name and _dutch() else name
        options = counts.setdefault(facet, {})
        if count or value not in options:
            options[value] = (value, label, count)
    return {facet: list(options.values()) for facet, options in counts.items()}, total


def _dutch() -> bool:
    return (get_language() or settings.LANGUAGE_CODE).startswith("nl")


def _facet(name: str, found: list, filters: CatalogueFilters) -> list[FacetOption]:
    selected = {str(value) for value in getattr(filters, name)}
    display = _FACET_LABELS.get(name)
    shown = {value for value, _label, _count in found}
    # A chosen value stays on screen even when nothing matches it, so it can be unticked.
    found = [*found, *((value, None, 0) for value in sorted(selected - shown))]
    options = [
        (value, display(value) if display else (label or value), count)
        for value, label, count in found
    ]
    options.sort(key=lambda option: option[0] if name in ("starts", "level") else option[1])
    return [
        FacetOption(value=value, label=label, count=count, selected=value in selected)
        for value, label, count in options
    ]


def _language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


_FACET_LABELS = {
    "format": lambda value: Format(value).label,
    "language": _language_name,
    "level": lambda value: Level(int(value)).label,
    "starts": lambda month: _month_label(month),
}


@dataclass
class Suggestion:
    kind: str  # "module" or "theme"
    label: str
    url: str


def suggest(text: str, *, limit: int = 8) -> list[Suggestion]:
    """What the search box offers while typing: module titles whose words start with what
    was typed (soonest start first), then themes with published modules, by name."""
    words = search.words(text)[: search.MAX_TERMS]
    if not words or len("".join(words)) < 2:
        return []
    titles = ModuleSearch.objects.all()
    for word in words:
        titles = titles.filter(text__title_words__contains=f" {word}")
    modules = titles.order_by(F("next_start").asc(nulls_last=True), "title").values_list(
        "title", "module__slug"
    )[: max(limit - 2, 1)]
    found = [
        Suggestion("module", title, reverse("learner:module", kwargs={"slug": slug}))
        for title, slug in modules
    ]
    named = Q()
    for word in words:
        named &= (
            Q(name__istartswith=word) | Q(name__icontains=f" {word}")
            | Q(name_nl__istartswith=word) | Q(name_nl__icontains=f" {word}")
        )  # fmt: skip
    themes = themes_with_published_modules().filter(named)[: limit - len(found)]
    catalogue_url = reverse("catalogue:catalogue")
    found += [
        Suggestion("theme", theme.local_name, f"{catalogue_url}?theme={theme.slug}")
        for theme in themes
    ]
    return found


def _month_label(month: str) -> str:
    bounds = _month_range(month)
    return date_format(bounds[0], "F Y") if bounds else month


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
