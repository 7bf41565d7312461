from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from catalogue import page_cache, queries, services
from catalogue.calendars import calendar_for
from catalogue.forms import CatalogueFilterForm
from catalogue.models import Module, ModuleRun

PAGE_SIZE = 20
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
        }
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
