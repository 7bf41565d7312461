"""The employer's learning needs: tell the university what the organisation's staff need
(how many, when, how, with what budget in mind) and follow where each request stands.
Only the organisation's admins; anyone else gets a 404, as on every portal page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from demand import queries
from demand.forms import EmployerLearningNeedForm
from employer.views import _administered

NEEDS_PER_PAGE = 20


@login_required
def learning_needs(request, organisation_id):
    organisation = _administered(request, organisation_id)
    needs = queries.learning_needs_of_organisation(organisation)
    page = Paginator(needs, NEEDS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "employer/learning_needs.html",
                  {"organisation": organisation, "page": page})  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def learning_need_new(request, organisation_id):
    organisation = _administered(request, organisation_id)
    form = EmployerLearningNeedForm(request.POST or None, user=request.user)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.submit(request, organisation=organisation)
    ):
        messages.success(request, _(
            "Thank you: the academy office brings it to the faculty that can help, and "
            "replies within two weeks. A confirmation is on its way to %(email)s."
        ) % {"email": form.cleaned_data["contact_email"]})  # fmt: skip
        return redirect("employer:learning_needs", organisation.pk)
    return render(request, "employer/learning_need_new.html",
                  {"organisation": organisation, "form": form})  # fmt: skip
