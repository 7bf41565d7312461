"""Public verification, the published documents, and the lecturers' result pages."""

import hashlib
import json
from http import HTTPStatus
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.forms import formset_factory
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from academy import throttle
from academy.pdf import pdf_response
from catalogue.models import ModuleRun
from credentials import documents, keys, proofs, queries, services, verification
from credentials.forms import CheckCredentialForm, ResultRowForm, ResultsUploadForm
from credentials.models import Credential, SigningKey

JSON_LD = "application/ld+json"
# Checking a pasted credential is real work (JSON-LD canonicalization), open to anyone.
CHECKS_PER_CLIENT = "20/m/ip"


def _credential_or_404(credential_id) -> Credential:
    try:
        return queries.public_credential(credential_id)
    except Credential.DoesNotExist as missing:
        raise Http404 from missing


def verify(request, credential_id):
    credential = _credential_or_404(credential_id)
    check = verification.check_document(credential.document)
    url = documents.absolute(credential.get_absolute_url())
    achievement = credential.document["credentialSubject"]["achievement"]
    return render(request, "credentials/verify.html", {
        "credential": credential, "check": check, "url": url,
        "achievement": achievement, "labels": documents.element_labels(achievement),
        "outcomes": documents.learning_outcomes(achievement),
        "linkedin_url": _linkedin_url(credential, url), "form": CheckCredentialForm(),
    })  # fmt: skip


def _linkedin_url(credential, url) -> str:
    issued = timezone.localtime(credential.issued_at)
    return "https://www.linkedin.com/profile/add?" + urlencode({
        "startTask": "CERTIFICATION_NAME", "name": credential.title,
        "organizationName": credential.document["issuer"]["name"],
        "issueYear": issued.year, "issueMonth": issued.month,
        "certUrl": url, "certId": str(credential.pk),
    })  # fmt: skip


def check(request):
    """Anyone pastes or uploads a credential and learns whether it is genuine."""
    form = CheckCredentialForm(request.POST or None, request.FILES or None)
    result, throttled = None, False
    if request.method == "POST":
        throttled = not throttle.allow(request, action="check_credential", rate=CHECKS_PER_CLIENT)
        if not throttled and form.is_valid():
            result = verification.check_submitted(form.cleaned_data["text"])
    return render(request, "credentials/check.html",
                  {"form": form, "check": result, "throttled": throttled},
                  status=HTTPStatus.TOO_MANY_REQUESTS if throttled else HTTPStatus.OK)  # fmt: skip


def credential_json(request, credential_id):
    credential = _credential_or_404(credential_id)
    response = HttpResponse(json.dumps(credential.document, indent=2, ensure_ascii=False),
                            content_type=f"{JSON_LD}; charset=utf-8")  # fmt: skip
    response["Content-Disposition"] = f'inline; filename="credential-{credential.pk}.json"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def credential_jwt(request, credential_id):
    credential = _credential_or_404(credential_id)
    response = HttpResponse(credential.jwt, content_type="application/jwt")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def credential_pdf(request, credential_id):
    credential = get_object_or_404(Credential.objects.only("pdf", "title"), pk=credential_id)
    return pdf_response(credential.pdf, f"certificate-{credential.pk}.pdf")


def issuer(request):
    """The issuer profile with every Ed25519 key ever used, as Multikey verification methods."""
    profile = {"@context": documents.CONTEXT[:2], **documents.issuer_profile()}
    methods = [
        {"id": services.verification_method(key), "type": "Multikey",
         "controller": profile["id"],
         "publicKeyMultibase": proofs.public_key_multibase(
             keys.ed25519_from_pem(key.private_pem).public_key())}
        for key in SigningKey.objects.filter(kind=SigningKey.Kind.ED25519).order_by("created_at")
    ]  # fmt: skip
    profile["verificationMethod"] = methods
    profile["assertionMethod"] = [method["id"] for method in methods]
    return JsonResponse(profile, content_type=JSON_LD, json_dumps_params={"indent": 2})


def jwks(request):
    return JsonResponse(services.jwks(), json_dumps_params={"indent": 2})


def status_list_credential(request, list_name):
    if list_name != services.STATUS_LIST:
        raise Http404
    revoked = sorted(services.revoked_indexes())
    key = "credentials:status:" + hashlib.sha256(json.dumps(revoked).encode()).hexdigest()
    body = cache.get(key)
    if body is None:
        body = json.dumps(services.signed_status_list(revoked), indent=2)
        cache.set(key, body, 60 * 60)
    response = HttpResponse(body, content_type=f"{JSON_LD}; charset=utf-8")
    response["Cache-Control"] = "no-cache"  # revocations must show at once
    response["Access-Control-Allow-Origin"] = "*"
    return response


# --- Results (lecturers and curators) ------------------------------------------------------

ResultFormSet = formset_factory(ResultRowForm, extra=0)


def _assessable_run(request, run_id) -> ModuleRun:
    run = get_object_or_404(ModuleRun.objects.select_related("module"), pk=run_id)
    if not services.teaches_or_curates(request.user, run):
        raise Http404
    return run


@login_required
def run_results(request, run_id):
    run = _assessable_run(request, run_id)
    enrolments = list(
        run.enrolments.holding_a_seat().select_related("learner", "result__credential")
        .order_by("learner__last_name", "learner__first_name")
    )  # fmt: skip
    initial = [_initial(enrolment) for enrolment in enrolments]
    grid_posted = request.method == "POST" and "upload" not in request.POST
    formset = ResultFormSet(request.POST if grid_posted else None, initial=initial,
                            prefix="results")  # fmt: skip
    if grid_posted and len(formset.forms) != len(enrolments):  # a stale page or a made-up post
        messages.error(request, _("The participants changed since the page was opened; nothing "
                                  "was saved. Check the grid and save again."))  # fmt: skip
        return redirect("credentials:run_results", run.pk)
    for enrolment, form in zip(enrolments, formset.forms, strict=True):
        if hasattr(enrolment, "result") and enrolment.result.is_locked_by_credential:
            for field in form.fields.values():
                field.disabled = True  # a credential was issued: revoke before changing
    upload, problems = ResultsUploadForm(), []
    if request.method == "POST" and "upload" in request.POST:
        upload = ResultsUploadForm(request.POST, request.FILES)
        if upload.is_valid():
            parsed = services.parse_results(run=run, content=upload.cleaned_data["file"].read())
            problems = parsed.problems
            if not problems:
                return _save_results(request, run, parsed.rows)
    elif grid_posted and formset.is_valid():
        rows = [{"enrolment": enrolment, "passed": form.cleaned_data["outcome"] == "passed",
                 "grade": form.cleaned_data["grade"]}
                for enrolment, form in zip(enrolments, formset.forms, strict=True)
                if form.cleaned_data.get("outcome") and form.has_changed()]  # fmt: skip
        return _save_results(request, run, rows)
    return render(request, "credentials/run_results.html", {
        "run": run, "rows": list(zip(enrolments, formset.forms, strict=True)),
        "formset": formset, "upload": upload, "problems": problems[:200],
        "progress": services.issuing_progress(run),
    })  # fmt: skip


def _initial(enrolment) -> dict:
    result = getattr(enrolment, "result", None)
    if result is None:
        return {"outcome": "", "grade": ""}
    return {"outcome": "passed" if result.passed else "failed", "grade": result.grade}


def _save_results(request, run, rows):
    try:
        count = services.record_results(run=run, rows=rows, by=request.user)
    except (services.CredentialError, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _(
            "%(count)d results saved; credentials for those who passed are being issued."
        ) % {"count": count})  # fmt: skip
    return redirect("credentials:run_results", run.pk)


@login_required
@require_POST
def issue_run(request, run_id):
    run = _assessable_run(request, run_id)
    queued = services.issue_run_credentials(run=run, by=request.user)
    messages.success(request, _("Issuing %(count)d credentials; this page shows the progress.")
                     % {"count": queued})  # fmt: skip
    return redirect("credentials:run_results", run.pk)


@login_required
def issuing_progress(request, run_id):
    run = _assessable_run(request, run_id)
    return render(request, "credentials/_progress.html",
                  {"run": run, "progress": services.issuing_progress(run)})  # fmt: skip
