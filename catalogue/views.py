from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from catalogue import page_cache, queries, services
from catalogue.calendars import calendar_for
from catalogue.forms import CatalogueFilterForm, LearningNeedForm
from catalogue.models import Module, ModuleRun

PAGE_SIZE = 20


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


def learning_need_create(request):
    form = LearningNeedForm(
        request.POST or None,
        user=request.user,
        initial={"topic": request.GET.get("topic", "")[:200]},  # from "nothing found" links
    )
    if request.method == "POST" and not _within_learning_need_limit(request):
        form.add_error(None, _("You sent several learning needs just now; try again in an hour."))
    elif request.method == "POST" and form.is_valid():
        services.submit_learning_need(
            submitted_by=request.user, language=get_language(), **form.cleaned_data
        )
        messages.success(request, _("Thank you, your learning need has been received."))
        request.session["learning_need_email"] = form.cleaned_data["contact_email"]
        return redirect("catalogue:learning_need_thanks")
    return render(request, "catalogue/learning_need_form.html", {"form": form})


LEARNING_NEEDS_PER_HOUR = 5


def _within_learning_need_limit(request) -> bool:
    """A few per hour per address: the form sends email, so it must not relay spam."""
    key = f"learning-need-limit:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, timeout=60 * 60)
    return cache.incr(key) <= LEARNING_NEEDS_PER_HOUR


def learning_need_thanks(request):
    return render(
        request,
        "catalogue/learning_need_thanks.html",
        {"email": request.session.pop("learning_need_email", "")},
    )
