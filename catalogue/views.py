from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from catalogue import chips, page_cache, queries, services
from catalogue.calendars import calendar_for
from catalogue.forms import CatalogueFilterForm
from catalogue.models import Module, ModuleRun

PAGE_SIZE = 20
SUGGEST_MIN_LENGTH = 2  # one letter would suggest half the catalogue
SUGGEST_MAX_LENGTH = 200  # as the search box
NOTHING_FOUND = 'data-nothing-found="true"'  # on the empty result of _catalogue.html


def home(request):
    return render(
        request,
        "catalogue/home.html",
        {
            "themes": queries.themes_with_published_modules(),
            "next_modules": queries.next_modules_to_start(limit=6),
        },
    )


@require_GET
def catalogue(request):
    form = CatalogueFilterForm(request.GET)
    filters = form.filters()
    cache_key = page_cache.results_key(request.GET.urlencode())
    results_html = page_cache.get(cache_key)
    if results_html is None:
        result = queries.catalogue(filters)
        page = Paginator(result.modules, PAGE_SIZE).get_page(form.page_number())
        context = {
            "filters": filters,
            "result": result,
            "page": page,
            "page_query": _query_without_page(request),
            "chips": chips.active_filters(filters, result.facets),
            "clear_all_url": chips.clear_all_url(filters),
        }
        if did_you_mean := getattr(result, "did_you_mean", None):
            context["did_you_mean_url"] = chips.catalogue_url(filters, q=did_you_mean)
        results_html = render_to_string("catalogue/_catalogue.html", context, request)
        page_cache.put(cache_key, results_html)
    # Counted also when the page came from the cache: the empty result says so in its HTML.
    if filters.q and NOTHING_FOUND in results_html and not _faceted(filters):
        services.record_search_miss(q=filters.q)
    if request.htmx:
        response = HttpResponse(results_html)
    else:
        response = render(
            request,
            "catalogue/catalogue.html",
            {"filters": filters, "results_html": mark_safe(results_html)},  # noqa: S308 - rendered by us
        )
    patch_vary_headers(response, ["HX-Request"])  # the partial must not be cached as the page
    return response


@require_GET
@cache_control(public=True, max_age=60)  # typing the same letters again costs nothing
@vary_on_headers("Accept-Language", "Cookie")  # the themes' names follow the language
def suggest(request):
    """The search box's suggestions as one types: a listbox of modules and themes."""
    text = request.GET.get("q", "").strip()
    wanted = SUGGEST_MIN_LENGTH <= len(text) <= SUGGEST_MAX_LENGTH and "\x00" not in text
    suggestions = queries.suggest(text) if wanted else []
    groups = [
        (kind, [suggestion for suggestion in suggestions if suggestion.kind == kind])
        for kind in ("module", "theme")
    ]
    return render(
        request,
        "catalogue/_suggestions.html",
        {"groups": [group for group in groups if group[1]], "count": len(suggestions)},
    )


def _faceted(filters) -> bool:
    """A search narrowed by facets that finds nothing says little about the words alone."""
    return any(getattr(filters, name) for name in filters.FACETS)


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_GET
def run_calendar(request, slug, code):
    run = get_object_or_404(
        ModuleRun.objects.select_related("module").prefetch_related("sessions"),
        module__slug=slug,
        module__status=Module.Status.PUBLISHED,
        code=code,
    )
    body = calendar_for(
        run.sessions.all(),
        name=f"{run.module.title} ({run.code})",
        module_title=run.module.title,
        url=request.build_absolute_uri(run.module.get_absolute_url()),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-{code}.ics"'
    return response
