"""The lecturers' and portfolio holders' pages: sessions to record attendance for, and
each run's results and credentials. A run's pages are open to whoever teaches or curates
it; anyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.forms import formset_factory
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from catalogue.models import ModuleRun, Session
from catalogue.queries import reads_insights, teaches_or_curates
from credentials import queries as credential_queries
from credentials import services as credential_services
from credentials.forms import ResultRowForm, ResultsUploadForm
from demand.queries import reads_demand
from enrolment import queries
from enrolment import services as enrolment_services
from enrolment.forms import AttendanceForm

SESSIONS_PER_PAGE = 40


# --- Attendance ---------------------------------------------------------------------------


@login_required
def index(request):
    page = Paginator(queries.sessions_to_record(request.user), SESSIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    runs = {session.run_id: session.run for session in page}.values()
    return render(
        request,
        "teaching/index.html",
        {
            "sessions": page,
            "page": page,
            "runs": list(runs),
            "reads_demand": reads_demand(request.user),
            "reads_insights": reads_insights(request.user),
        },
    )


@login_required
def session_attendance(request, session_id):
    session = get_object_or_404(Session.objects.select_related("run__module"), pk=session_id)
    if not teaches_or_curates(request.user, session.run):
        raise Http404
    enrolments = queries.attendance_sheet(session)
    recorded = {a.enrolment_id: a.present for a in session.attendance.all()}
    form = AttendanceForm(
        request.POST or None,
        enrolments=enrolments,
        initial={"present": [pk for pk, present in recorded.items() if present]},
    )
    if request.method == "POST" and form.is_valid():
        present = {enrolment.pk for enrolment in form.cleaned_data["present"]}
        count = enrolment_services.record_attendance(
            session=session, present=present, by=request.user
        )
        messages.success(request, _("Attendance saved: %(present)d of %(total)d present.") % {
            "present": count, "total": len(enrolments)})  # fmt: skip
        return redirect("teaching:index")
    return render(
        request,
        "teaching/session_attendance.html",
        {"session": session, "form": form, "recorded": bool(recorded)},
    )


# --- Results and credentials -------------------------------------------------------------

ResultFormSet = formset_factory(ResultRowForm, extra=0)


def _assessable_run(request, run_id) -> ModuleRun:
    run = get_object_or_404(ModuleRun.objects.select_related("module"), pk=run_id)
    if not teaches_or_curates(request.user, run):
        raise Http404
    return run


@login_required
def run_results(request, run_id):
    run = _assessable_run(request, run_id)
    enrolments = credential_queries.result_grid(run)
    initial = [_initial(enrolment) for enrolment in enrolments]
    grid_posted = request.method == "POST" and "upload" not in request.POST
    formset = ResultFormSet(request.POST if grid_posted else None, initial=initial,
                            prefix="results")  # fmt: skip
    if grid_posted and len(formset.forms) != len(enrolments):  # a stale page or a made-up post
        messages.error(request, _("The participants changed since the page was opened; nothing "
                                  "was saved. Check the grid and save again."))  # fmt: skip
        return redirect("teaching:run_results", run.pk)
    for enrolment, form in zip(enrolments, formset.forms, strict=True):
        if hasattr(enrolment, "result") and enrolment.result.is_locked_by_credential:
            for field in form.fields.values():
                field.disabled = True  # a credential was issued: revoke before changing
    upload, problems = ResultsUploadForm(), []
    if request.method == "POST" and "upload" in request.POST:
        upload = ResultsUploadForm(request.POST, request.FILES)
        if upload.is_valid():
            parsed = credential_services.parse_results(
                run=run, content=upload.cleaned_data["file"].read()
            )
            problems = parsed.problems
            if not problems:
                return _save_results(request, run, parsed.rows)
    elif grid_posted and formset.is_valid():
        rows = [{"enrolment": enrolment, "passed": form.cleaned_data["outcome"] == "passed",
                 "grade": form.cleaned_data["grade"]}
                for enrolment, form in zip(enrolments, formset.forms, strict=True)
                if form.cleaned_data.get("outcome") and form.has_changed()]  # fmt: skip
        return _save_results(request, run, rows)
    return render(request, "teaching/run_results.html", {
        "run": run, "rows": list(zip(enrolments, formset.forms, strict=True)),
        "formset": formset, "upload": upload, "problems": problems[:200],
        "progress": credential_services.issuing_progress(run),
    })  # fmt: skip


def _initial(enrolment) -> dict:
    result = getattr(enrolment, "result", None)
    if result is None:
        return {"outcome": "", "grade": ""}
    return {"outcome": "passed" if result.passed else "failed", "grade": result.grade}


def _save_results(request, run, rows):
    try:
        count = credential_services.record_results(run=run, rows=rows, by=request.user)
    except (credential_services.CredentialError, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, ngettext(
            "%(count)d result saved; a credential is being issued if it is a pass.",
            "%(count)d results saved; credentials for those who passed are being issued.",
            count,
        ) % {"count": count})  # fmt: skip
    return redirect("teaching:run_results", run.pk)


@login_required
@require_POST
def issue_run(request, run_id):
    run = _assessable_run(request, run_id)
    queued = credential_services.issue_run_credentials(run=run, by=request.user)
    messages.success(request, _("Issuing %(count)d credentials; this page shows the progress.")
                     % {"count": queued})  # fmt: skip
    return redirect("teaching:run_results", run.pk)


@login_required
def issuing_progress(request, run_id):
    run = _assessable_run(request, run_id)
    return render(request, "teaching/_progress.html",
                  {"run": run, "progress": credential_services.issuing_progress(run)})  # fmt: skip
