"""The project's own endpoints: the health and readiness checks and the page for a server error."""

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from academy.health import readiness, service_states


@require_GET
@never_cache
def healthz(request):
    states = service_states()
    unreachable = sorted(name for name, ok in states.items() if not ok)
    body = {
        "status": "unavailable" if unreachable else "ok",
        "checks": {name: "ok" if ok else "unreachable" for name, ok in states.items()},
    }
    if unreachable:
        body["unreachable"] = unreachable
    return JsonResponse(body, status=503 if unreachable else 200)


@require_GET
@never_cache
def readyz(request):
    """For a load balancer: 200 when this process can serve, else 503 naming what is wrong."""
    problems = readiness()
    if problems:
        return JsonResponse({"status": "not ready", "problems": problems}, status=503)
    return JsonResponse({"status": "ready"})


def server_error(request):
    """Render 500.html in the site's frame without context processors.

    The error may come from the database, so the page must not touch it again (the
    auth context processor would, to find the user).
    """
    return HttpResponseServerError(loader.get_template("500.html").render({}))


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page's <link rel="icon"> says."""
    return redirect(static("img/favicon.svg"), permanent=True)
