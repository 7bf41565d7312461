"""The email telling a learner their credential is ready, or a lecturer that the office
recognised their teaching, sent once."""

from academy.emails import overdue, send_each, send_once, templated_email
from credentials.documents import absolute
from credentials.models import Credential


def _notice(credential: Credential):
    recognition = getattr(credential, "teaching_recognition", None)
    return templated_email(
        "teaching_recognised" if recognition else "credential_issued",
        {
            "credential": credential,
            "url": absolute(credential.get_absolute_url()),
            "recognition": recognition,
        },
        to=credential.learner.email,
        language=credential.learner.preferred_language,
    )


def send_credential_notice(*, credential_id: str) -> bool:
    return send_once(
        Credential.objects.filter(learner__isnull=False).select_related(
            "learner", "teaching_recognition"
        ),
        pk=credential_id,
        sent_field="notified_at",
        message=_notice,
    )


def send_unsent(*, now=None) -> int:
    """Notices of valid credentials that their own task did not send (see `overdue`)."""
    unsent = Credential.objects.valid(now).filter(learner__isnull=False, notified_at__isnull=True)
    ids = overdue(unsent, since="issued_at", now=now)
    return send_each(ids, lambda pk: send_credential_notice(credential_id=pk))
