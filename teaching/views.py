"""The lecturers' and portfolio holders' pages: sessions to record attendance for, and
each run's results and credentials. A run's pages are open to whoever teaches or curates
it; anyone else gets a 404."""

import csv
import io
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.forms import formset_factory
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
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
from teaching.forms import EarlyOverrideForm

SESSIONS_PER_PAGE = 40


# --- Attendance ---------------------------------------------------------------------------


@login_required
def index(request):
    now = timezone.now()
    sessions = queries.sessions_to_record(request.user).with_run_taken_place(now)
    page = Paginator(sessions, SESSIONS_PER_PAGE).get_page(request.GET.get("page"))
    for session in page:
        session.not_yet = not session.has_started(now)
        session.run.not_yet = not session.run_taken_place
    runs = list({session.run_id: session.run for session in page}.values())
    return render(
        request,
        "teaching/index.html",
        {
            "sessions": page,
            "page": page,
            "runs": runs,
            "records_early": enrolment_services.may_record_early(request.user),
            "reads_demand": reads_demand(request.user),
            "reads_insights": reads_insights(request.user),
        },
    )


@login_required
def session_attendance(request, session_id):
    session = get_object_or_404(Session.objects.select_related("run__module"), pk=session_id)
    if not teaches_or_curates(request.user, session.run):
        raise Http404
    not_yet = not session.has_started()
    early = not_yet and enrolment_services.may_record_early(request.user)
    message = enrolment_services.session_not_yet_message(session) if not_yet else ""
    if not_yet and not early:  # nothing to record yet: no form, whatever was posted
        return render(request, "teaching/session_attendance.html",
                      {"session": session, "not_yet": message})  # fmt: skip
    enrolments = queries.attendance_sheet(session)
    recorded = {a.enrolment_id: a.present for a in session.attendance.all()}
    form = AttendanceForm(
        request.POST or None,
        enrolments=enrolments,
        initial={"present": [pk for pk, present in recorded.items() if present]},
    )
    override = EarlyOverrideForm(request.POST or None) if early else None
    if request.method == "POST" and form.is_valid() and (override is None or override.is_valid()):
        present = {enrolment.pk for enrolment in form.cleaned_data["present"]}
        try:
            count = enrolment_services.record_attendance(
                session=session, present=present, by=request.user,
                early_override_reason=override.reason if override else "",
            )  # fmt: skip
        except enrolment_services.TooEarlyError as error:
            _refused_early(error, form, override)
        else:
            messages.success(request, _("Attendance saved: %(present)d of %(total)d present.") % {
                "present": count, "total": len(enrolments)})  # fmt: skip
            return redirect("teaching:index")
    return render(request, "teaching/session_attendance.html", {
        "session": session, "form": form, "override": override, "recorded": bool(recorded),
        "early": message if early else "",
    })  # fmt: skip


def _refused_early(error, form, override) -> None:
    """A refusal for being early shows at the reason's field when only the reason lacked."""
    if override is not None and error.missing_reason:
        override.add_error("early_override_reason", str(error))
    else:
        form.add_error(None, str(error))


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
    not_yet = not run.has_taken_place()
    early = not_yet and credential_services.may_record_early(request.user)
    page = {"run": run, "progress": credential_services.issuing_progress(run),
            "early": credential_services.run_not_yet_message(run) if not_yet else ""}  # fmt: skip
    if not_yet and not early:  # nothing to assess yet: the participants, no forms
        return render(request, "teaching/run_results.html",
                      {**page, "not_yet": page["early"], "participants": enrolments})  # fmt: skip
    posted = request.POST if request.method == "POST" else None
    uploading = posted is not None and "upload" in posted
    grid_posted = posted is not None and not uploading
    initial = [_initial(enrolment) for enrolment in enrolments]
    formset = ResultFormSet(posted if grid_posted else None, initial=initial,
                            prefix="results")  # fmt: skip
    if grid_posted and len(formset.forms) != len(enrolments):  # a stale page or a made-up post
        messages.error(request, _("The participants changed since the page was opened; nothing "
                                  "was saved. Check the grid and save again."))  # fmt: skip
        return redirect("teaching:run_results", run.pk)
    for enrolment, form in zip(enrolments, formset.forms, strict=True):
        if hasattr(enrolment, "result") and enrolment.result.is_locked_by_credential:
            for field in form.fields.values():
                field.disabled = True  # a credential was issued: revoke before changing
    grid_early = EarlyOverrideForm(posted if grid_posted else None, prefix="results")
    upload_early = EarlyOverrideForm(posted if uploading else None, prefix="upload")
    upload, problems = ResultsUploadForm(), []
    if uploading:
        carried = _carried_upload(posted)  # the confirmation step carries the checked rows
        upload = ResultsUploadForm(posted, request.FILES) if carried is None else upload
        if carried is not None or upload.is_valid():
            content = carried if carried is not None else upload.cleaned_data["file"].read()
            parsed = credential_services.parse_results(run=run, content=content)
            problems = parsed.problems
            if not problems and (not early or upload_early.is_valid()):
                response = _confirm_or_save(
                    request, run, parsed.rows, upload_early if early else None,
                    carry={"upload": "1", "upload_rows": _carry_upload(parsed.rows),
                           **_carry_reason(posted, upload_early)},
                )  # fmt: skip
                if response:
                    return response
    elif grid_posted and formset.is_valid() and (not early or grid_early.is_valid()):
        rows = [{"enrolment": enrolment, "passed": form.cleaned_data["outcome"] == "passed",
                 "grade": form.cleaned_data["grade"]}
                for enrolment, form in zip(enrolments, formset.forms, strict=True)
                if form.cleaned_data.get("outcome") and form.has_changed()]  # fmt: skip
        carry = {name: value for name, value in posted.items()
                 if name not in ("csrfmiddlewaretoken", "confirm")}  # fmt: skip
        response = _confirm_or_save(request, run, rows, grid_early if early else None, carry)
        if response:
            return response
    return render(request, "teaching/run_results.html", {
        **page, "rows": list(zip(enrolments, formset.forms, strict=True)), "formset": formset,
        "upload": upload, "problems": problems[:200],
        "grid_early": grid_early if early else None,
        "upload_early": upload_early if early else None,
    })  # fmt: skip


def _initial(enrolment) -> dict:
    result = getattr(enrolment, "result", None)
    if result is None:
        return {"outcome": "", "grade": ""}
    return {"outcome": "passed" if result.passed else "failed", "grade": result.grade}


def _carry_upload(rows) -> str:
    """The checked rows of an upload, for the confirmation step to post back (a file input
    cannot be carried); parsed again then, so they are checked against the run once more."""
    return json.dumps([[row["enrolment"].learner.email, "yes" if row["passed"] else "no",
                        row["grade"]] for row in rows])  # fmt: skip


def _carried_upload(posted) -> bytes | None:
    if posted.get("confirm") != "yes" or "upload_rows" not in posted:
        return None
    try:
        rows = [[str(cell) for cell in row][:3] for row in json.loads(posted["upload_rows"])]
    except (ValueError, TypeError):
        rows = []
    text = io.StringIO()
    csv.writer(text).writerows([["email", "passed", "grade"], *rows])
    return text.getvalue().encode()


def _carry_reason(posted, override) -> dict:
    name = override.add_prefix("early_override_reason")
    return {name: posted[name]} if name in posted else {}


def _confirm_or_save(request, run, rows, override, carry):
    """Passes are signed and emailed: the first post asks to confirm (what will follow, the
    submitted values carried along), the confirmed one saves. None: the page shows an error."""
    reason = override.reason if override else ""
    try:  # the office's reason, checked before asking to confirm rather than after
        credential_services.check_run_has_taken_place(
            run=run, by=request.user, early_override_reason=reason
        )
    except credential_services.TooEarlyError as error:
        if override is not None and error.missing_reason:
            override.add_error("early_override_reason", str(error))
            return None
        messages.error(request, str(error))
        return redirect("teaching:run_results", run.pk)
    passes = [row for row in rows if row["passed"]]
    if passes and request.POST.get("confirm") != "yes":
        return _confirmation(request, run, rows, passes, reason, carry)
    return _save_results(request, run, rows, reason)


def _confirmation(request, run, rows, passes, reason, carry):
    others = len(rows) - len(passes)
    consequences = [_signing(len(passes))]
    if others:
        consequences.append(ngettext(
            "%(count)d result that is not a pass will be saved.",
            "%(count)d results that are not a pass will be saved.", others,
        ) % {"count": others})  # fmt: skip
    if reason:
        consequences.append(_("They are recorded before the run has taken place, for the reason "
                              "you gave: “%(reason)s”.") % {"reason": reason})  # fmt: skip
    url = reverse("teaching:run_results", args=[run.pk])
    return render(request, "teaching/run_results_confirm.html", {
        "run": run, "passes": passes,
        "confirm_title": _signing_title(len(passes)),
        "confirm_consequences": consequences, "confirm_action": url,
        "confirm_button": _("Yes, save and sign"), "confirm_back": url,
        "confirm_back_label": _("No, back to the results"), "confirm_hidden": carry,
    })  # fmt: skip


def _signing_title(count: int) -> str:
    return ngettext("Sign and email %(count)d credential?",
                    "Sign and email %(count)d credentials?", count) % {"count": count}  # fmt: skip


def _signing(count: int) -> str:
    return ngettext(
        "%(count)d pass will be signed as a credential and emailed to the learner; this "
        "cannot be undone, only revoked.",
        "%(count)d passes will be signed as credentials and emailed to the learners; this "
        "cannot be undone, only revoked.", count,
    ) % {"count": count}  # fmt: skip


def _save_results(request, run, rows, reason=""):
    try:
        count = credential_services.record_results(
            run=run, rows=rows, by=request.user, early_override_reason=reason
        )
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
    if request.POST.get("confirm") != "yes":  # they are signed and emailed: confirm first
        progress = credential_services.issuing_progress(run)
        due = progress["passed"] - progress["issued"]
        url = reverse("teaching:run_results", args=[run.pk])
        return render(request, "teaching/run_results_confirm.html", {
            "run": run,
            "confirm_title": _signing_title(due), "confirm_consequences": [_signing(due)],
            "confirm_action": reverse("teaching:issue_run", args=[run.pk]),
            "confirm_button": _("Yes, sign and email"), "confirm_back": url,
            "confirm_back_label": _("No, back to the results"),
        })  # fmt: skip
    queued = credential_services.issue_run_credentials(run=run, by=request.user)
    messages.success(request, _("Issuing %(count)d credentials; this page shows the progress.")
                     % {"count": queued})  # fmt: skip
    return redirect("teaching:run_results", run.pk)


@login_required
def issuing_progress(request, run_id):
    run = _assessable_run(request, run_id)
    return render(request, "teaching/_progress.html",
                  {"run": run, "progress": credential_services.issuing_progress(run)})  # fmt: skip
