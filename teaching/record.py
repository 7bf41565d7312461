"""A lecturer's teaching record: per academic year the runs taught, their participants, pass
rates and evaluation averages; the office's recognition of it and the statement for the
appraisal. Open to the lecturer, the portfolio holders of a faculty they taught in, and the
office; anyone else gets a 404 (checked on the lecturer, whatever the URL)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from academy.pdf import pdf_response
from catalogue.queries import curates_everything
from credentials import recognition_queries as queries
from credentials import services
from credentials.models import TeachingRecognition

MIN_YEAR, MAX_YEAR = 2000, 2999


def _lecturer_or_404(request, user_id):
    if user_id is None:
        return request.user
    lecturer = get_object_or_404(get_user_model(), pk=user_id)
    if not queries.may_see_teaching_record(request.user, lecturer):
        raise Http404
    return lecturer


def _year(value: str, years: list[int]) -> int:
    """The year asked for; else this academic year if taught in, else the latest taught."""
    if value.isascii() and value.isdigit() and MIN_YEAR <= int(value) <= MAX_YEAR:
        return int(value)
    current = queries.current_academic_year()
    earlier = [year for year in years if year <= current]
    return current if current in years or not earlier else max(earlier)


@login_required
def record(request, user_id=None):
    lecturer = _lecturer_or_404(request, user_id)
    years = queries.years_taught(lecturer)
    year = _year(request.GET.get("year", ""), years)
    teaching = queries.teaching_record(lecturer, year)
    office = curates_everything(request.user)
    return render(request, "teaching/record.html", {
        "lecturer": lecturer, "record": teaching, "own": lecturer.pk == request.user.pk,
        "years": sorted(set(years) | {year}, reverse=True),
        "may_recognise": office and teaching.recognition is None and bool(teaching.ended_runs),
        "record_url": request.path,
    })  # fmt: skip


@login_required
@require_POST
def recognise(request, user_id):
    lecturer = _lecturer_or_404(request, user_id)
    url = reverse("teaching:record_of", args=[lecturer.pk])
    year = _year(request.POST.get("year", ""), [])
    try:
        services.request_recognition(lecturer=lecturer, year=year, by=request.user)
    except (services.CredentialError, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _(
            "The recognition is being issued: the credential and the statement appear here "
            "in a moment, and the lecturer is emailed."))  # fmt: skip
    return redirect(f"{url}?year={year}")


@login_required
def statement(request, recognition_id):
    try:
        recognition = queries.recognition_statement(recognition_id)
    except TeachingRecognition.DoesNotExist as missing:
        raise Http404 from missing
    if not queries.may_see_teaching_record(request.user, recognition.lecturer):
        raise Http404
    return pdf_response(
        recognition.statement, f"teaching-statement-{recognition.academic_year}.pdf"
    )
