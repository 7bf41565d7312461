"""Public verification and the published documents (credential, issuer, keys, status list)."""

import hashlib
import json
from http import HTTPStatus
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from academy import throttle
from academy.pdf import pdf_response
from credentials import documents, keys, preview, proofs, queries, services, verification
from credentials.forms import CheckCredentialForm
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
    # A lecturer's teaching recognition is an Award: none of the microcredential elements.
    teaching = achievement.get("achievementType") == "Award"
    return render(request, "credentials/verify.html", {
        "credential": credential, "check": check, "url": url, "teaching": teaching,
        "preview_url": documents.absolute(reverse("credentials:preview", args=[credential.pk])),
        "preview_size": (preview.WIDTH, preview.HEIGHT),
        "subject": credential.document["credentialSubject"], "achievement": achievement,
        "runs_taught": documents.runs_taught(credential.document["credentialSubject"]),
        "labels": {} if teaching else documents.element_labels(achievement),
        "outcomes": documents.learning_outcomes(achievement),
        "linkedin_url": _linkedin_url(credential, url), "form": CheckCredentialForm(),
    })  # fmt: skip


def credential_preview(request, credential_id):
    """The picture shared links show (og:image): a PNG, which LinkedIn and others display."""
    credential = _credential_or_404(credential_id)
    response = HttpResponse(preview.preview_png(credential), content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"  # a revocation shows within the hour
    return response


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
