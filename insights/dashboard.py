"""The dashboard at /insights/: how the academy is doing, per faculty, per module and over
time. Every figure is grouped in the database (one query per kind of row, whatever the
number of enrolments, invoices or answers); Python only folds grouped rows into the
faculties and months they belong to. Scoped to what a person reads: the office, ambassadors
and superusers every faculty, a portfolio holder their own.

What each figure counts, so that a number on the page means one thing:

- enrolments: made in the period (when the learner enrolled), not cancelled;
- runs, seats, fill rate, waiting lists, attendance, lecturers and contact hours: runs that
  start in the period (not cancelled);
- completion and pass rates: participants of those runs that have ended, and their results;
- credentials issued and revoked: in the period; invoices and credit notes: issued in the
  period (paid: of those invoices, the ones marked paid);
- learning needs: submitted in the period; evaluations: every answer so far (they are only
  shown from five answers on, so they are not cut into periods).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from academy.formats import local_date_format
from catalogue.models import Faculty, Module, ModuleRun, Partner, Teaching, Theme, local_name
from catalogue.queries import faculties_curated_by, reads_everything, reads_insights
from credentials.models import Credential
from demand.models import LearningNeed
from enrolment.models import Attendance, Enrolment, Invoice, WaitingListEntry
from evaluations.queries import faculty_scores, module_scores

MAX_MONTHS = 36
HISTORY_YEARS = 5  # the academic-year table: bounded, so the page stays as fast in year ten
SHOWN_MODULES = 20
SHOWN_RUNS = 25
TOP_EMPLOYERS = 10
ZERO = Decimal("0.00")
PARTICIPANTS = (Enrolment.Status.CONFIRMED, Enrolment.Status.COMPLETED)


def today() -> date:
    """The dashboard's today (a function, so that tests can fix it)."""
    return timezone.localdate()


def require_insights_reader(user) -> None:
    if not reads_insights(user):
        raise PermissionDenied(
            _("The dashboard is for the academy office, ambassadors and portfolio holders.")
        )


# --- The period ---------------------------------------------------------------------------


def academic_year_of(day: date) -> int:
    """The academic year runs from 1 September to 31 August; it is named by its first year."""
    return day.year if day.month >= 9 else day.year - 1


def academic_year_label(year: int) -> str:
    return f"{year}–{year + 1}"


def add_months(month: date, count: int) -> date:
    year, index = divmod(month.year * 12 + month.month - 1 + count, 12)
    return date(year, index + 1, 1)


@dataclass(frozen=True)
class Period:
    """From the first day of `start` up to (not including) `end`, whole months."""

    start: date
    end: date
    label: str

    @classmethod
    def academic_year(cls, year: int) -> "Period":
        return cls(date(year, 9, 1), date(year + 1, 9, 1), academic_year_label(year))

    @classmethod
    def months_between(cls, first: date, last: date) -> "Period":
        first, last = first.replace(day=1), last.replace(day=1)
        if last < first:
            first, last = last, first
        last = min(last, add_months(first, MAX_MONTHS - 1))
        label = (
            f"{local_date_format(first, 'SHORT_YEAR_MONTH_FORMAT')} – "
            f"{local_date_format(last, 'SHORT_YEAR_MONTH_FORMAT')}"
        )
        return cls(first, add_months(last, 1), label)

    @property
    def months(self) -> list[date]:
        result, month = [], self.start
        while month < self.end:
            result.append(month)
            month = add_months(month, 1)
        return result

    @property
    def moments(self) -> tuple[datetime, datetime]:
        """The period as aware datetimes in the portal's time zone."""
        return (
            timezone.make_aware(datetime.combine(self.start, time.min)),
            timezone.make_aware(datetime.combine(self.end, time.min)),
        )

    def admin_range(self, field_name: str, *, moments: bool = True) -> str:
        """The period as admin list parameters: aware moments for a date-time field (so the
        admin compares in the portal's time zone), plain days for a date field."""
        start, end = self.moments if moments else (self.start, self.end)
        return urlencode({f"{field_name}__gte": start.isoformat(),
                          f"{field_name}__lt": end.isoformat()})  # fmt: skip


# --- Who sees what ------------------------------------------------------------------------


def readable_faculties(user) -> tuple[bool, list[Faculty]]:
    """(whether the person reads every faculty, the faculties they read), by name."""
    if reads_everything(user):
        return True, list(Faculty.objects.in_local_order())
    return False, list(faculties_curated_by(user).in_local_order())


@dataclass
class Selection:
    """What one request of the dashboard covers: the reader's faculties, narrowed by the
    filters (a faculty, a theme) and a period."""

    everything: bool
    faculties: list[Faculty]
    period: Period
    faculty: Faculty | None = None
    theme: Theme | None = None
    today: date = field(default_factory=lambda: today())

    @classmethod
    def readable_by(cls, user, period: Period) -> "Selection":
        everything, faculties = readable_faculties(user)
        return cls(everything=everything, faculties=faculties, period=period)

    @property
    def faculty_ids(self) -> list[int] | None:
        """The faculties counted; None for all of them (no filter needed)."""
        if self.faculty is not None:
            return [self.faculty.pk]
        return None if self.everything else [f.pk for f in self.faculties]

    @property
    def shown_faculties(self) -> list[Faculty]:
        return [self.faculty] if self.faculty is not None else self.faculties

    def modules(self):
        modules = Module.objects.all()
        if self.faculty_ids is not None:
            modules = modules.filter(faculty__in=self.faculty_ids)
        if self.theme is not None:
            modules = modules.filter(themes=self.theme)
        return modules

    def scoped(self, queryset, module_path: str):
        """`queryset` limited to the selection's modules, `module_path` leading to a module."""
        if self.theme is not None:
            return queryset.filter(**{f"{module_path}__in": self.modules().values("pk")})
        if self.faculty_ids is not None:
            return queryset.filter(**{f"{module_path}__faculty__in": self.faculty_ids})
        return queryset

    def runs(self):
        """Runs starting in the period, not cancelled."""
        runs = ModuleRun.objects.filter(
            start_date__gte=self.period.start, start_date__lt=self.period.end
        ).exclude(status=ModuleRun.Status.CANCELLED)
        return self.scoped(runs, "module")

    def enrolments(self):
        """Enrolments made in the period and not cancelled."""
        since, until = self.period.moments
        enrolments = Enrolment.objects.filter(created_at__gte=since, created_at__lt=until)
        return self.scoped(enrolments.exclude(status=Enrolment.Status.CANCELLED), "run__module")

    @property
    def history_since(self) -> datetime:
        """Where the academic-year table starts: HISTORY_YEARS back, or the period's start."""
        first = date(academic_year_of(self.today) - HISTORY_YEARS + 1, 9, 1)
        return timezone.make_aware(datetime.combine(min(first, self.period.start), time.min))

    def query_string(self, **changes) -> str:
        """The filters as URL parameters (for links that keep them)."""
        params = {"faculty": self.faculty.pk if self.faculty else "",
                  "theme": self.theme.pk if self.theme else ""}  # fmt: skip
        params.update(changes)
        return "&".join(f"{key}={value}" for key, value in params.items() if value != "")


# --- The rows -----------------------------------------------------------------------------


def _rate(part, whole) -> float | None:
    return part / whole if whole else None


@dataclass
class Figures:
    """One faculty's, module's or the whole selection's figures; rates are None when there
    is nothing to divide by."""

    enrolments: int = 0
    individual: int = 0
    employer_paid: int = 0
    runs: int = 0
    seats: int = 0
    capacity: int = 0
    waiting: int = 0
    present: int = 0
    recorded: int = 0
    participants_of_ended: int = 0
    assessed: int = 0
    passed: int = 0
    issued: int = 0
    revoked: int = 0
    invoiced: Decimal = ZERO
    credited: Decimal = ZERO
    paid: Decimal = ZERO
    contact_hours: Decimal = ZERO
    lecturers: int = 0
    employers: int = 0
    partners: int = 0

    ADDITIVE = (
        "enrolments", "individual", "employer_paid", "runs", "seats", "capacity", "waiting",
        "present", "recorded", "participants_of_ended", "assessed", "passed", "issued",
        "revoked", "invoiced", "credited", "paid", "contact_hours",
    )  # fmt: skip

    def add(self, other: "Figures") -> None:
        for name in self.ADDITIVE:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def fill_rate(self):
        return _rate(self.seats, self.capacity)

    @property
    def attendance(self):
        return _rate(self.present, self.recorded)

    @property
    def completion_rate(self):
        return _rate(self.assessed, self.participants_of_ended)

    @property
    def pass_rate(self):
        return _rate(self.passed, self.assessed)

    @property
    def revenue(self) -> Decimal:
        """Invoiced less credited (credit notes carry negative totals)."""
        return self.invoiced + self.credited


@dataclass
class Row:
    pk: int
    name: str
    figures: Figures = field(default_factory=Figures)
    scores: object = None
    faculty_id: int | None = None
    faculty_name: str = ""
    slug: str = ""


@dataclass
class RunRow:
    pk: int
    code: str
    module_id: int
    module: str
    faculty_id: int
    start_date: date
    capacity: int
    seats: int
    waiting: int = 0

    @property
    def fill_rate(self):
        return _rate(self.seats, self.capacity)


@dataclass
class MonthRow:
    month: date
    individual: int = 0
    employer_paid: int = 0
    invoiced: Decimal = ZERO
    credited: Decimal = ZERO
    paid: Decimal = ZERO
    issued: int = 0

    @property
    def enrolments(self) -> int:
        return self.individual + self.employer_paid

    @property
    def revenue(self) -> Decimal:
        return self.invoiced + self.credited

    @property
    def label(self) -> str:
        return local_date_format(self.month, "SHORT_YEAR_MONTH_FORMAT")


@dataclass
class YearRow(MonthRow):
    year: int = 0

    @property
    def label(self) -> str:
        return academic_year_label(self.year)


@dataclass
class Dashboard:
    selection: Selection
    total: Figures
    faculties: list[Row]
    modules: list[Row]  # every module with something to show, busiest first
    runs: list[RunRow]
    months: list[MonthRow]
    years: list[YearRow]
    needs: list[dict]
    partners: list[dict]
    employers: list[dict]
    scores: object = None  # of the shown faculties together, when one faculty is selected

    @property
    def shown_modules(self) -> list[Row]:
        return self.modules[:SHOWN_MODULES]

    @property
    def charted_runs(self) -> list[RunRow]:
        """All runs when they fit; otherwise the emptiest (where action is needed)."""
        if len(self.runs) <= SHOWN_RUNS:
            return self.runs
        emptiest = sorted(self.runs, key=lambda r: (r.fill_rate or 0, r.start_date))
        return sorted(emptiest[:SHOWN_RUNS], key=lambda r: (r.start_date, r.code))

    @property
    def partner_modules(self) -> int:
        return sum(1 for row in self.modules if row.figures.partners)

    @property
    def needs_total(self) -> int:
        return sum(row["needs"] for row in self.needs)


def build(selection: Selection, *, all_modules: bool = False) -> Dashboard:
    """Every figure of the page. `all_modules` scores every module (for the CSV), not only
    the ones the page shows."""
    modules = _modules(selection)
    per_module: dict[int, Figures] = {pk: Figures() for pk in modules}

    def figures(module_id) -> Figures:
        return per_module.setdefault(module_id, Figures())

    for row in (
        selection.enrolments().order_by().values("run__module")
        .annotate(total=Count("pk"),
                  individual=Count("pk", filter=Q(payer=Enrolment.Payer.LEARNER)),
                  employer=Count("pk", filter=Q(payer=Enrolment.Payer.EMPLOYER)))
    ):  # fmt: skip
        f = figures(row["run__module"])
        f.enrolments, f.individual, f.employer_paid = (
            row["total"],
            row["individual"],
            row["employer"],
        )

    runs = _runs(selection)
    for run in runs:
        f = figures(run.module_id)
        f.runs += 1
        f.seats += run.seats
        f.capacity += run.capacity
        f.waiting += run.waiting

    run_ids = selection.runs().values("pk")
    for row in (
        Attendance.objects.filter(session__run__in=run_ids).order_by()
        .values("session__run__module")
        .annotate(present=Count("pk", filter=Q(present=True)), recorded=Count("pk"))
    ):  # fmt: skip
        f = figures(row["session__run__module"])
        f.present, f.recorded = row["present"], row["recorded"]

    ended = selection.runs().filter(end_date__lt=selection.today).values("pk")
    for row in (
        Enrolment.objects.filter(run__in=ended, status__in=PARTICIPANTS)
        .order_by().values("run__module")
        .annotate(participants=Count("pk"), assessed=Count("result"),
                  passed=Count("result", filter=Q(result__passed=True)))
    ):  # fmt: skip
        f = figures(row["run__module"])
        f.participants_of_ended = row["participants"]
        f.assessed, f.passed = row["assessed"], row["passed"]

    since, until = selection.period.moments
    credentials = selection.scoped(
        Credential.objects.filter(Q(issued_at__gte=since, issued_at__lt=until)
                                  | Q(revoked_at__gte=since, revoked_at__lt=until)),
        "achievement__module",
    )  # fmt: skip
    for row in (
        credentials.filter(achievement__module__isnull=False).order_by()
        .values("achievement__module")
        .annotate(issued=Count("pk", filter=Q(issued_at__gte=since, issued_at__lt=until)),
                  revoked=Count("pk", filter=Q(revoked_at__gte=since, revoked_at__lt=until)))
    ):  # fmt: skip
        f = figures(row["achievement__module"])
        f.issued, f.revoked = row["issued"], row["revoked"]

    for module_id, (invoiced, credited, paid) in _revenue(selection, by_month=False).items():
        f = figures(module_id)
        f.invoiced, f.credited, f.paid = invoiced, credited, paid

    for row in (
        Teaching.objects.filter(run__in=run_ids).order_by().values("run__module")
        .annotate(hours=Sum("contact_hours"), lecturers=Count("lecturer", distinct=True))
    ):  # fmt: skip
        f = figures(row["run__module"])
        f.contact_hours, f.lecturers = row["hours"] or ZERO, row["lecturers"]

    # Distinct people and organisations do not add up across modules: counted per faculty.
    employers = _per_faculty_distinct(
        selection.enrolments().filter(organisation__isnull=False), "run__module__faculty",
        "organisation",
    )  # fmt: skip
    lecturers = _per_faculty_distinct(
        Teaching.objects.filter(run__in=run_ids), "run__module__faculty", "lecturer"
    )

    faculty_rows = {f.pk: Row(pk=f.pk, name=f.local_name) for f in selection.shown_faculties}
    module_rows = []
    for pk, f in per_module.items():
        module = modules.get(pk)
        if module is None:  # a module outside the selection (e.g. an answer's run moved)
            continue
        f.partners = module["partners"]
        row = Row(pk=pk, name=module["title"], figures=f, faculty_id=module["faculty"],
                  faculty_name=module["faculty_name"], slug=module["slug"])  # fmt: skip
        if f.enrolments or f.runs or f.issued or f.invoiced or f.credited:
            module_rows.append(row)
        if module["faculty"] in faculty_rows:
            faculty_rows[module["faculty"]].figures.add(f)
    total = Figures()
    for row in faculty_rows.values():
        row.figures.employers = employers.get(row.pk, 0)
        row.figures.lecturers = lecturers.get(row.pk, 0)
        total.add(row.figures)
    total.employers = employers.get("total", 0)
    total.lecturers = lecturers.get("total", 0)
    total.partners = sum(1 for row in module_rows if row.figures.partners)

    module_rows.sort(key=lambda r: (-r.figures.enrolments, -r.figures.seats, r.name))
    scored = module_rows if all_modules else module_rows[:SHOWN_MODULES]
    for pk, scores in module_scores([r.pk for r in scored]).items():
        next(r for r in scored if r.pk == pk).scores = scores
    for pk, scores in faculty_scores(list(faculty_rows)).items():
        faculty_rows[pk].scores = scores

    months, years = _over_time(selection)
    return Dashboard(
        selection=selection, total=total,
        faculties=sorted(faculty_rows.values(), key=lambda r: (-r.figures.enrolments, r.name)),
        modules=module_rows, runs=runs, months=months, years=years,
        needs=_needs(selection), partners=_partners(selection), employers=_employers(selection),
        scores=(faculty_rows[selection.faculty.pk].scores if selection.faculty else None),
    )  # fmt: skip


def _modules(selection: Selection) -> dict[int, dict]:
    """The selection's modules with their faculty and number of partner institutions."""
    rows = (
        selection.modules().order_by().values("pk", "title", "slug", "faculty",
                                             faculty_name=local_name("faculty__"))
        .annotate(partners=Count("partners"))
    )  # fmt: skip
    return {row["pk"]: row for row in rows}


def _runs(selection: Selection) -> list[RunRow]:
    seats = Count("enrolments", filter=Q(enrolments__status__in=Enrolment.SEAT_HOLDING))
    rows = (
        selection.runs().order_by("start_date", "code")
        .values("pk", "code", "module", "module__title", "module__faculty", "start_date",
                "capacity")
        .annotate(seats=seats)
    )  # fmt: skip
    waiting = dict(
        WaitingListEntry.objects.filter(status__in=WaitingListEntry.ACTIVE,
                                        run__in=selection.runs().values("pk"))
        .order_by().values("run").annotate(n=Count("pk")).values_list("run", "n")
    )  # fmt: skip
    return [
        RunRow(pk=row["pk"], code=row["code"], module_id=row["module"],
               module=row["module__title"], faculty_id=row["module__faculty"],
               start_date=row["start_date"], capacity=row["capacity"], seats=row["seats"],
               waiting=waiting.get(row["pk"], 0))
        for row in rows
    ]  # fmt: skip


def _revenue(selection: Selection, *, by_month: bool) -> dict:
    """Invoiced, credited and paid per module billed in the period, or per month ever.

    An order buys seats in one run: a cohort's order names its run; any other order holds
    one seat, bought by the enrolment that does not take another's seat (a colleague given
    a seat later keeps the invoice it was bought on). So each invoice is counted once, by
    plain joins: a correlated subquery naming each invoice's module took 290 ms over 40,000
    invoices, and a "first enrolment per order" join 340 ms; these take about 50 ms."""
    since, until = selection.period.moments
    cohorts = selection.scoped(
        Invoice.objects.filter(order__cohort__isnull=False), "order__cohort__run__module"
    ).order_by()
    seats = selection.scoped(
        Enrolment.objects.filter(order__isnull=False, order__cohort__isnull=True,
                                 takes_seat_of__isnull=True),
        "run__module",
    ).order_by()  # fmt: skip
    if by_month:
        since = selection.history_since
    if by_month and selection.theme is None and selection.faculty_ids is None:
        cohorts = Invoice.objects.filter(issued_at__gte=since).order_by()  # every invoice
        cohorts = cohorts.values(key=TruncMonth("issued_at"))
        seats = Invoice.objects.none()
    elif by_month:
        cohorts = cohorts.filter(issued_at__gte=since).values(key=TruncMonth("issued_at"))
        seats = seats.filter(order__invoices__issued_at__gte=since).values(
            key=TruncMonth("order__invoices__issued_at")
        )
    else:
        cohorts = cohorts.filter(issued_at__gte=since, issued_at__lt=until).values(
            key=F("order__cohort__run__module")
        )
        seats = seats.filter(
            order__invoices__issued_at__gte=since, order__invoices__issued_at__lt=until
        ).values(key=F("run__module"))
    result: dict = {}
    for rows in (cohorts.annotate(**_money("")), seats.annotate(**_money("order__invoices__"))):
        if not rows.query.is_empty():
            for row in rows:
                invoiced, credited, paid = result.get(row["key"], (ZERO, ZERO, ZERO))
                result[row["key"]] = (invoiced + row["invoiced"], credited + row["credited"],
                                      paid + row["paid"])  # fmt: skip
    return result


def _money(prefix: str) -> dict:
    total, kind = f"{prefix}total", f"{prefix}kind"
    invoice, credit_note = Q(**{kind: Invoice.Kind.INVOICE}), Q(**{kind: Invoice.Kind.CREDIT_NOTE})
    return {
        "invoiced": Sum(total, filter=invoice, default=ZERO),
        "credited": Sum(total, filter=credit_note, default=ZERO),
        "paid": Sum(total, filter=invoice & Q(**{f"{prefix}paid_at__isnull": False}),
                    default=ZERO),
    }  # fmt: skip


def _per_faculty_distinct(queryset, faculty_path: str, what: str) -> dict:
    """Distinct `what` per faculty, and over the whole queryset under "total"."""
    rows = queryset.order_by().values(faculty_path).annotate(n=Count(what, distinct=True))
    result = {row[faculty_path]: row["n"] for row in rows}
    result["total"] = queryset.aggregate(n=Count(what, distinct=True))["n"]
    return result


def _over_time(selection: Selection) -> tuple[list[MonthRow], list[YearRow]]:
    """Per month of the period, and per academic year of the last HISTORY_YEARS (the filters
    for faculty and theme apply, the period only where it reaches further back)."""
    by_month: dict[date, MonthRow] = {}

    def month_of(value) -> MonthRow:
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        month = value.date().replace(day=1) if isinstance(value, datetime) else value
        return by_month.setdefault(month, MonthRow(month=month))

    enrolments = selection.scoped(
        Enrolment.objects.exclude(status=Enrolment.Status.CANCELLED).filter(
            created_at__gte=selection.history_since
        ),
        "run__module",
    )
    for row in (
        enrolments.order_by().annotate(month=TruncMonth("created_at")).values("month", "payer")
        .annotate(n=Count("pk"))
    ):  # fmt: skip
        target = month_of(row["month"])
        if row["payer"] == Enrolment.Payer.EMPLOYER:
            target.employer_paid += row["n"]
        else:
            target.individual += row["n"]
    for month, (invoiced, credited, paid) in _revenue(selection, by_month=True).items():
        target = month_of(month)
        target.invoiced, target.credited, target.paid = invoiced, credited, paid
    credentials = selection.scoped(Credential.objects.filter(achievement__module__isnull=False,
                                                             issued_at__gte=selection.history_since),
                                   "achievement__module")  # fmt: skip
    for row in (
        credentials.order_by().annotate(month=TruncMonth("issued_at")).values("month")
        .annotate(n=Count("pk"))
    ):  # fmt: skip
        month_of(row["month"]).issued += row["n"]

    months = [by_month.get(m) or MonthRow(month=m) for m in selection.period.months]
    years: dict[int, YearRow] = {}
    for month, row in by_month.items():
        year = years.setdefault(academic_year_of(month),
                                YearRow(month=month, year=academic_year_of(month)))  # fmt: skip
        for name in ("individual", "employer_paid", "invoiced", "credited", "paid", "issued"):
            setattr(year, name, getattr(year, name) + getattr(row, name))
    return months, [years[y] for y in sorted(years)]


def _needs(selection: Selection) -> list[dict]:
    """Learning needs submitted in the period, by status (a merged need counts in the one it
    joined, not on its own)."""
    since, until = selection.period.moments
    needs = LearningNeed.objects.filter(created_at__gte=since, created_at__lt=until,
                                        merged_into__isnull=True)  # fmt: skip
    if selection.faculty_ids is not None:
        needs = needs.filter(
            pk__in=LearningNeed.objects.filter(faculties__in=selection.faculty_ids).values("pk")
        )
    if selection.theme is not None:
        needs = needs.filter(
            pk__in=LearningNeed.objects.filter(themes=selection.theme).values("pk")
        )
    counted = {
        row["status"]: row
        for row in needs.order_by().values("status")
        .annotate(needs=Count("pk"), learners=Sum("expected_learners", default=0))
    }  # fmt: skip
    return [
        {"status": status, "label": label, "needs": counted.get(status, {}).get("needs", 0),
         "learners": counted.get(status, {}).get("learners", 0)}
        for status, label in LearningNeed.Status.choices
    ]  # fmt: skip


def _partners(selection: Selection) -> list[dict]:
    """Partner institutions co-delivering the selection's runs of the period."""
    modules = selection.runs().values("module")
    return list(
        Partner.objects.filter(modules__in=modules).order_by().values("pk", "name")
        .annotate(modules=Count("modules", distinct=True)).order_by("-modules", "name")
    )  # fmt: skip


def _employers(selection: Selection) -> list[dict]:
    """The organisations with the most staff enrolled in the period."""
    return list(
        selection.enrolments().filter(organisation__isnull=False).order_by()
        .values("organisation", "organisation__name").annotate(enrolments=Count("pk"))
        .order_by("-enrolments", "organisation__name")[:TOP_EMPLOYERS]
    )  # fmt: skip
