"""Recognising a lecturer's teaching: the office asks for one academic year, a task signs the
lecturer's Open Badges credential (an Award, with the same keys, status list and verify page
as learners' credentials) and writes the statement for the appraisal.

Asking is refused twice for the same lecturer and year (a unique constraint, the lecturer's
row locked while it is checked) and for a year without a run taught that has ended. The task
is idempotent: the credential and the statement are written in one transaction, and a
repeated task returns what exists.
"""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from academy.audit import log_action
from academy.models import User
from academy.queries import require_permission
from credentials import documents, recognition_queries, tasks
from credentials.models import Achievement, TeachingRecognition
from credentials.services.errors import CredentialError
from credentials.services.issuing import OFFICE_PERMISSION, _issue


def request_recognition(*, lecturer, year: int, by, today=None) -> TeachingRecognition:
    """The office recognises the lecturer's teaching of `year` (2025 for 2025/26)."""
    require_permission(by, OFFICE_PERMISSION,
                       _("Only the academy office recognises a lecturer's teaching."))  # fmt: skip
    today = today or timezone.localdate()
    with transaction.atomic():
        lecturer = User.objects.select_for_update().get(pk=lecturer.pk)
        label = recognition_queries.academic_year_label(year)
        existing = TeachingRecognition.objects.filter(lecturer=lecturer, academic_year=year).first()
        if existing:
            raise CredentialError(_(
                "%(name)s's teaching in %(year)s was already recognised on %(date)s; a year is "
                "recognised once."
            ) % {"name": _name(lecturer), "year": label,
                 "date": timezone.localtime(existing.requested_at).date().isoformat()})  # fmt: skip
        record = recognition_queries.teaching_record(lecturer, year, today=today).only_ended()
        if not record.runs:
            raise CredentialError(_(
                "%(name)s taught no run that has ended in %(year)s, so there is no teaching "
                "to recognise for that year."
            ) % {"name": _name(lecturer), "year": label})  # fmt: skip
        recognition = TeachingRecognition.objects.create(
            lecturer=lecturer, academic_year=year, issued_by=by
        )
        log_action(
            actor=by, action="credential.teaching_recognised", target=recognition,
            subject=lecturer, details={"year": label, "runs": len(record.runs)},
        )  # fmt: skip
        tasks.issue_recognition.delay_on_commit(recognition.pk)
    return recognition


def _name(user) -> str:
    return user.get_full_name() or user.email


@transaction.atomic
def complete_recognition(*, recognition_id: int, now=None) -> TeachingRecognition:
    """Sign the recognition's credential and write its statement, once."""
    from credentials.statement import public_certificate, render_statement

    recognition = (
        TeachingRecognition.objects.select_for_update(of=("self",)).select_related("lecturer")
        .get(pk=recognition_id)
    )  # fmt: skip
    if recognition.is_ready:
        return recognition
    today = timezone.localdate(now) if now else None
    record = recognition_queries.teaching_record(
        recognition.lecturer, recognition.academic_year, today=today
    ).only_ended()
    credential = recognition.credential
    if credential is None:
        achievement, _created = Achievement.objects.get_or_create(
            teaching_year=recognition.academic_year
        )
        with translation.override("en"):  # what is signed is in English, as for learners
            runs = [(f"{taught.run.module.title} ({taught.run.code})",
                     str(taught.teaching.get_role_display()),
                     f"{taught.teaching.contact_hours:.1f}") for taught in record.runs]  # fmt: skip
        credential = _issue(
            achievement=achievement, learner=recognition.lecturer, now=now,
            achievement_document=documents.teaching_achievement(achievement, record.label),
            grade=f"{record.contact_hours:.1f}",
            subject=documents.teaching_subject(year=record.year, year_label=record.label,
                                               runs=runs),
            certificate=public_certificate(record),
        )  # fmt: skip
        recognition.credential = credential
    recognition.statement = render_statement(credential=credential, record=record)
    recognition.save(update_fields=["credential", "statement"])
    return recognition
