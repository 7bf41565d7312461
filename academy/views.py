import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from academy import personal_data
from academy.forms import DeleteAccountForm
from academy.health import service_states


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


def server_error(request):
    """Render 500.html in the site's frame without context processors.

    The error may come from the database, so the page must not touch it again (the
    auth context processor would, to find the user).
    """
    return HttpResponseServerError(loader.get_template("500.html").render({}))


@login_required
def my_data(request):
    form = DeleteAccountForm(user=request.user)
    return render(request, "academy/my_data.html", {"form": form})


@login_required
@require_GET
def my_data_export(request):
    data = personal_data.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="my-academy-data.json"'
    return response


@login_required
@require_http_methods(["POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return render(request, "academy/my_data.html", {"form": form}, status=400)
    user = request.user
    logout(request)
    personal_data.erase_personal_data(user)
    messages.success(request, _("Your account has been deleted."))
    return redirect("home")
