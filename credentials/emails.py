"""The email telling a learner their credential is ready, sent once."""

from academy.emails import overdue, send_each, send_once, templated_email
from credentials.documents import absolute
from credentials.models import Credential


def _notice(credential: Credential):
    return templated_email(
        "credential_issued",
        {"credential": credential, "url": absolute(credential.get_absolute_url())},
        to=credential.learner.email,
        language=credential.learner.preferred_language,
    )


def send_credential_notice(*, credential_id: str) -> bool:
    return send_once(
        Credential.objects.filter(learner__isnull=False).select_related("learner"),
        pk=credential_id,
        sent_field="notified_at",
        message=_notice,
    )


def send_unsent(*, now=None) -> int:
    """Notices of valid credentials that their own task did not send (see `overdue`)."""
    unsent = Credential.objects.valid(now).filter(learner__isnull=False, notified_at__isnull=True)
    ids = overdue(unsent, since="issued_at", now=now)
    return send_each(ids, lambda pk: send_credential_notice(credential_id=pk))
