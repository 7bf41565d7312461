"""The demand overview: where a portfolio holder decides what to build next."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from academy.spreadsheets import write_csv
from insights import charts, queries

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
