"""The public pages of the terms of enrolment and the privacy, cookie and accessibility
statements: the version in effect, or an earlier one, with the list of versions."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from legal import queries
from legal.models import LegalDocument
from legal.text import render_body


@require_GET
def document(request, kind, version=None):
    page = queries.document_page(kind, version=version)
    body = render_body(page.document.body) if page.document else ""
    return render(request, "legal/document.html", {
        "page": page, "kind": kind, "title": LegalDocument.Kind(kind).label, "body": body,
    })  # fmt: skip
