"""The demand overview (where a portfolio holder decides what to build next) and the
dashboard (how the academy is doing), each with its tables as CSV."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from academy.spreadsheets import write_csv
from catalogue.models import Theme
from catalogue.queries import curates_everything
from insights import charts, dashboard, queries
from insights.forms import DashboardFilters

CHARTED_THEMES = 6


@login_required
@require_GET
def demand(request):
    queries.require_demand_reader(request.user)
    scope = queries.Scope.of(request.user)
    themes = queries.by_theme(scope)
    charted = themes[:CHARTED_THEMES]
    series = queries.monthly_by_theme(scope, [t.pk for t in charted])
    return render(request, "insights/demand.html", {
        "scope": scope, "faculties": queries.by_faculty(scope), "themes": themes,
        "unthemed": queries.needs_without_a_theme(scope),
        "searches": queries.searches_that_found_nothing(),
        "charts": [(theme, charts.monthly_bars(series[theme.pk])) for theme in charted],
        "months": queries.MONTHS, "weeks": queries.SEARCH_WEEKS,
    })  # fmt: skip


@login_required
@require_GET
def demand_csv(request, table):
    queries.require_demand_reader(request.user)
    scope = queries.Scope.of(request.user)
    columns = [_("open learning needs"), _("expected learners"), _("interest"),
               _("on waiting lists"), _("weight")]  # fmt: skip
    if table in ("themes", "faculties"):
        rows = queries.by_theme(scope) if table == "themes" else queries.by_faculty(scope)
        header = [_("theme") if table == "themes" else _("faculty"), *columns]
        body = [[r.name, r.open_needs, r.expected_learners, r.interest, r.waiting, r.weight]
                for r in rows]  # fmt: skip
    elif table == "searches":
        header = [_("search term"), _("searches")]
        body = [[row["term"], row["searches"]] for row in queries.searches_that_found_nothing()]
    else:
        raise Http404
    response = HttpResponse(write_csv(header, body), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="demand-{table}-{stamp}.csv"'
    return response


# --- The dashboard ------------------------------------------------------------------------


def _dashboard(request, *, all_modules: bool = False):
    dashboard.require_insights_reader(request.user)
    today = dashboard.today()
    everything, faculties = dashboard.readable_faculties(request.user)
    data = request.GET.copy()
    if not any(data.get(name) for name in ("year", "start", "end")):
        data["year"] = str(dashboard.academic_year_of(today))  # shown as chosen in the form
    form = DashboardFilters(data, faculties=faculties,
                            themes=list(Theme.objects.in_local_order()), today=today)  # fmt: skip
    faculty, theme, period = form.selection_filters()
    selection = dashboard.Selection(everything=everything,
                                    faculties=faculties, period=period,
                                    faculty=faculty, theme=theme, today=today)  # fmt: skip
    return form, dashboard.build(selection, all_modules=all_modules)


def _combined_scores(rows):
    """The shown faculties' evaluations together, weighted by answers; only faculties whose
    own figures are shown (five answers or more) count."""
    shown = [r.scores for r in rows if r.scores is not None and r.scores.shown]
    answered = sum(s.answered for s in shown)
    if not answered:
        return None
    return {
        "answered": answered,
        **{name: sum(getattr(s, name) * s.answered for s in shown) / answered
           for name in ("overall", "recommend", "nps")},
    }  # fmt: skip


@login_required
@require_GET
def insights_dashboard(request):
    form, board = _dashboard(request)
    selection = board.selection
    too_few = _("too few answers (%(n)s)")
    period_params = {name: form.cleaned_data.get(name) or "" for name in ("year", "start", "end")}
    for name in ("start", "end"):
        if period_params[name]:
            period_params[name] = period_params[name].strftime("%Y-%m")
    for row in board.faculties:
        row.links = _admin_links(selection, row.pk)
    return render(request, "insights/dashboard.html", {
        "form": form, "board": board, "selection": selection, "period": selection.period,
        "total": board.total, "scores": _combined_scores(board.faculties),
        "links": curates_everything(request.user) or not selection.everything,
        "admin": _admin_links(selection),
        "admin_created": selection.period.admin_range("created_at"),
        "admin_start_dates": selection.period.admin_range("start_date", moments=False),
        "filters": selection.query_string(**period_params),
        "base_filters": selection.query_string(),
        "period_params": "&".join(f"{k}={v}" for k, v in period_params.items() if v),
        "enrolment_chart": charts.monthly_enrolments(board.months),
        "revenue_chart": charts.monthly_revenue(board.months),
        "fill_chart": charts.fill_rates(board.charted_runs),
        "rating_chart": charts.ratings(board.shown_modules, too_few),
        "history_years": dashboard.HISTORY_YEARS,
        "shown_modules": dashboard.SHOWN_MODULES, "shown_runs": dashboard.SHOWN_RUNS,
    })  # fmt: skip


def _percent(rate) -> str:
    return "" if rate is None else f"{rate * 100:.1f}"


def _score(scores, name) -> str:
    if scores is None or not scores.shown:
        return ""
    return str(getattr(scores, name))


def _figure_columns():
    return [_("enrolments"), _("paid by the learner"), _("paid by an employer"), _("runs"),
            _("seats taken"), _("capacity"), _("fill rate %"), _("on waiting lists"),
            _("attendance %"), _("completion %"), _("pass rate %"), _("credentials issued"),
            _("credentials revoked"), _("invoiced (EUR)"), _("credited (EUR)"), _("paid (EUR)"),
            _("contact hours"), _("lecturers"), _("evaluation answers"), _("overall score"),
            _("would recommend"), _("NPS")]  # fmt: skip


def _figure_cells(f, scores):
    return [f.enrolments, f.individual, f.employer_paid, f.runs, f.seats, f.capacity,
            _percent(f.fill_rate), f.waiting, _percent(f.attendance), _percent(f.completion_rate),
            _percent(f.pass_rate), f.issued, f.revoked, f.invoiced, f.credited, f.paid,
            f.contact_hours, f.lecturers, scores.answered if scores else 0,
            _score(scores, "overall"), _score(scores, "recommend"),
            _score(scores, "nps")]  # fmt: skip


def _table(board, table):
    if table == "faculties":
        header = [_("faculty"), *_figure_columns(), _("employers")]
        body = [[r.name, *_figure_cells(r.figures, r.scores), r.figures.employers]
                for r in board.faculties]  # fmt: skip
    elif table == "modules":
        header = [_("module"), _("faculty"), *_figure_columns(), _("partner institutions")]
        body = [[r.name, r.faculty_name, *_figure_cells(r.figures, r.scores), r.figures.partners]
                for r in board.modules]  # fmt: skip
    elif table == "runs":
        header = [_("run"), _("module"), _("starts"), _("seats taken"), _("capacity"),
                  _("fill rate %"), _("on waiting lists")]  # fmt: skip
        body = [[r.code, r.module, r.start_date.isoformat(), r.seats, r.capacity,
                 _percent(r.fill_rate), r.waiting] for r in board.runs]  # fmt: skip
    elif table in ("months", "years"):
        rows = board.months if table == "months" else board.years
        header = [_("month") if table == "months" else _("academic year"), _("enrolments"),
                  _("paid by the learner"), _("paid by an employer"), _("invoiced (EUR)"),
                  _("credited (EUR)"), _("paid (EUR)"), _("credentials issued")]  # fmt: skip
        body = [[r.month.strftime("%Y-%m") if table == "months" else r.label, r.enrolments,
                 r.individual, r.employer_paid, r.invoiced, r.credited, r.paid, r.issued]
                for r in rows]  # fmt: skip
    elif table == "needs":
        header = [_("status"), _("learning needs"), _("expected learners")]
        body = [[r["label"], r["needs"], r["learners"]] for r in board.needs]
    elif table == "partners":
        header = [_("partner institution"), _("modules co-delivered")]
        body = [[r["name"], r["modules"]] for r in board.partners]
    elif table == "employers":
        header = [_("employer"), _("enrolments")]
        body = [[r["organisation__name"], r["enrolments"]] for r in board.employers]
    else:
        raise Http404
    return header, body


@login_required
@require_GET
def insights_dashboard_csv(request, table):
    if table not in DASHBOARD_TABLES:
        raise Http404
    _form, board = _dashboard(request, all_modules=table == "modules")
    header, body = _table(board, table)
    response = HttpResponse(write_csv(header, body), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="insights-{table}-{stamp}.csv"'
    return response


DASHBOARD_TABLES = ("faculties", "modules", "runs", "months", "years", "needs", "partners",
                    "employers")  # fmt: skip


def _admin_links(selection, faculty_id=None) -> dict:
    """Where each figure's rows are in the admin, filtered to the faculty and period, and to
    the theme where the admin can filter by it (enrolments, runs, waiting lists); the admins'
    list filters accept each of these parameters."""
    period = selection.period
    faculty_ids = [faculty_id] if faculty_id else (
        [selection.faculty.pk] if selection.faculty else [])  # fmt: skip

    def url(name, *params, faculty_path=None):
        parts = [p for p in params if p]
        if faculty_path and faculty_ids:
            parts.insert(0, f"{faculty_path}__id__exact={faculty_ids[0]}")
        return reverse(f"admin:{name}_changelist") + ("?" + "&".join(parts) if parts else "")

    seats = "status__in=awaiting_approval,confirmed,completed"
    theme = selection.theme.pk if selection.theme else None
    run_theme = f"run__module__themes__id__exact={theme}" if theme else ""
    return {
        "enrolments": url("enrolment_enrolment", seats, period.admin_range("created_at"),
                          run_theme, faculty_path="run__module__faculty"),
        "individual": url("enrolment_enrolment", seats, "payer__exact=learner", run_theme,
                          period.admin_range("created_at"), faculty_path="run__module__faculty"),
        "employer_paid": url("enrolment_enrolment", seats, "payer__exact=employer", run_theme,
                             period.admin_range("created_at"), faculty_path="run__module__faculty"),
        "runs": url("catalogue_modulerun", period.admin_range("start_date", moments=False),
                    f"module__themes__id__exact={theme}" if theme else "",
                    faculty_path="module__faculty"),
        "waiting": url("enrolment_waitinglistentry", "status__in=waiting,offered", run_theme,
                       faculty_path="run__module__faculty"),
        "attendance": url("enrolment_attendance", faculty_path="session__run__module__faculty"),
        "results": url("credentials_result", faculty_path="enrolment__run__module__faculty"),
        "passed": url("credentials_result", "passed__exact=1",
                      faculty_path="enrolment__run__module__faculty"),
        "issued": url("credentials_credential", period.admin_range("issued_at"),
                      faculty_path="achievement__module__faculty"),
        "revoked": url("credentials_credential", period.admin_range("revoked_at"),
                       faculty_path="achievement__module__faculty"),
        "invoiced": url("enrolment_invoice", period.admin_range("issued_at"),
                        faculty_path="order__enrolments__run__module__faculty"),
        "paid": url("enrolment_invoice", "kind__exact=invoice", "paid_at__isempty=0",
                    period.admin_range("issued_at"),
                    faculty_path="order__enrolments__run__module__faculty"),
        "needs": url("demand_learningneed", period.admin_range("created_at"),
                     faculty_path="faculties"),
        "teaching": reverse("admin:catalogue_teaching_report"),
    }  # fmt: skip
