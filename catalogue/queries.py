"""Reads the catalogue's pages and the admin need, shaped to a constant number of queries."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalogue import facet_index, search
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


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    # follows the value, not its place: htmx gives the ticked box its focus back after a swap
    box_id: str = ""


class SearchResults:
    """The matching modules in order, read a page at a time (what Paginator slices)."""

    def __init__(self, index, found: int, sort: str, ranks: dict | None):
        self.index, self.found, self.sort, self.ranks = index, found, sort, ranks
        self.total = found.bit_count()

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.total)
        positions = self.index.ordered(self.found, self.sort, stop, self.ranks)[start:stop]
        page = []
        # One reverse for the page: slugs are letters, digits and hyphens, as the URL's.
        url_of = reverse("learner:module", kwargs={"slug": "-slug-"}).replace("-slug-", "{}")
        for position in positions:
            module = self.index.card(position)
            module.listed_url = url_of.format(module.slug)
            module.next_start = self.index.next_starts[position]
            module.listed_price = self.index.prices[position]  # the next run's, with VAT
            module.rank = self.ranks[position] if self.ranks else None
            module.listed_themes = self.index.themes[position]
            page.append(module)
        return page

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
    """The catalogue page: matching published modules in order and, per facet, the counts.

    The words are matched in the database (one query through its text indexes); the
    facets are counted on the in-memory bitmaps of `facet_index`, whose version is one
    lookup; the page's modules are two queries more."""
    today = today or timezone.localdate()
    words = filters.search_terms
    index = facet_index.current(today)
    terms = search.with_synonyms(words, index.synonyms)
    sort = filters.effective_sort
    within = index.everything
    if terms:
        within = index.of_modules(search.found_modules(terms))
    if filters.price_max is not None:
        within &= index.priced_at_most(filters.price_max)
    if filters.date_from or filters.date_until:
        within &= index.starting_between(max(filters.date_from or today, today), filters.date_until)
    ticked = {name: index.any_of(name, getattr(filters, name)) for name in filters.FACETS}
    counts = index.counts(within, ticked)
    for bitmap in ticked.values():
        if bitmap is not None:
            within &= bitmap
    ranks = index.relevance(within, terms) if sort == "relevance" else None
    total_found = SearchResults(index, within, sort, ranks)
    result = CatalogueResult(
        modules=total_found,
        facets={
            name: _facet(name, _labelled(index, name, counts[name], filters), filters)
            for name in filters.FACETS
        },
        searched=bool(words),
        sort=sort,
    )
    if words and total_found.total <= FEW_RESULTS:
        result.did_you_mean = search.correction(words)
    return result


def _labelled(index, name: str, counts: dict[str, int], filters) -> list[tuple]:
    """(value, label, count) per value found; ticked faculties and themes that nothing
    matches any more keep their names (and no count), so they can still be read and
    unticked."""
    names = index.names.get(name)
    if names is None:
        label = (lambda value: value) if name == "partner" else (lambda value: None)
        return [(value, label(value), count) for value, count in counts.items()]
    dutch = _dutch()
    found = []
    for value in dict.fromkeys([*counts, *getattr(filters, name)]):
        if value in names:
            english, local = names[value]
            found.append((value, (local or english) if dutch else english, counts.get(value, 0)))
        elif value in counts:
            found.append((value, value, counts[value]))
    return found


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
        FacetOption(
            value=value,
            label=label,
            count=count,
            selected=value in selected,
            box_id=slugify(f"f-{name}-{value}"),
        )
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
