"""Publishing a new version of the terms or a statement: the only way their text changes."""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from academy.audit import log_action
from academy.errors import DomainError
from academy.queries import require_permission
from legal.defaults import FIRST_VERSIONS
from legal.models import LegalDocument

AUDIT_ACTIONS = {"legal.published": gettext_lazy("Terms or statement published")}


class LegalDocumentError(DomainError):
    """A version could not be published; the message says why."""


def publication_problem(*, kind: str, effective_from: date, today: date | None = None) -> str:
    """Why a new version may not take effect on that date ("" when it may).

    Never in the past (learners accepted the version then in effect), and never before the
    latest version's own date (the versions follow each other)."""
    today = today or timezone.localdate()
    if effective_from < today:
        return _("A new version cannot take effect in the past; choose today or a later date.")
    latest = LegalDocument.objects.of_kind(kind).order_by("-version").first()
    if latest is not None and effective_from < latest.effective_from:
        return _(
            "Version %(version)d takes effect on %(date)s; a newer version cannot take "
            "effect before it."
        ) % {"version": latest.version, "date": date_format(latest.effective_from, "j F Y")}
    return ""


@transaction.atomic
def publish_document(
    *,
    kind: str,
    body_en: str,
    by,
    body_nl: str = "",
    effective_from: date | None = None,
    changes_en: str = "",
    changes_nl: str = "",
) -> LegalDocument:
    """Publish the next version of a document; earlier versions stay as they were."""
    require_permission(
        by, "legal.add_legaldocument",
        _("Only the academy office publishes the terms and the statements."),
    )  # fmt: skip
    if kind not in LegalDocument.Kind.values:
        raise LegalDocumentError(_("There is no such document."))
    if not body_en.strip():
        raise LegalDocumentError(_("The English text is required."))
    effective_from = effective_from or timezone.localdate()
    # Numbering under a lock on the kind's versions: two publishers queue up.
    numbers = list(
        LegalDocument.objects.select_for_update().of_kind(kind).values_list("version", flat=True)
    )
    if problem := publication_problem(kind=kind, effective_from=effective_from):
        raise LegalDocumentError(problem)
    document = LegalDocument.objects.create(
        kind=kind, version=max(numbers, default=0) + 1, effective_from=effective_from,
        body_en=body_en.strip(), body_nl=body_nl.strip(), changes_en=changes_en.strip(),
        changes_nl=changes_nl.strip(), published_by=by,
    )  # fmt: skip
    log_action(
        actor=by, action="legal.published", target=document,
        details={"title": str(document), "from": effective_from.isoformat()},
    )  # fmt: skip
    return document


def ensure_first_versions() -> int:
    """A document with no version yet gets the shipped text as version 1, in effect today.
    Safe to run after every migrate; returns how many were created."""
    created = 0
    for kind, texts in FIRST_VERSIONS.items():
        if not LegalDocument.objects.of_kind(kind).exists():
            LegalDocument.objects.create(
                kind=kind, version=1, effective_from=timezone.localdate(),
                **{field: text.replace("[contact email]", settings.ACADEMY_CONTACT_EMAIL)
                   for field, text in texts.items()},
            )  # fmt: skip
            created += 1
    return created
