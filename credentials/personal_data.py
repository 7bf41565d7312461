"""What credentials hold about a person. Credentials outlive the account: they are the
learner's proof and employers may still check them, so only the link to the account goes."""

from credentials.documents import absolute
from credentials.models import Credential, Result, TeachingRecognition


def export_credential_data(user) -> dict:
    return {
        "results": [
            {"module": r.enrolment.run.module.title, "run": r.enrolment.run.code,
             "passed": r.passed, "grade": r.grade, "assessed_on": r.assessed_on.isoformat()}
            for r in Result.objects.filter(enrolment__learner=user).select_related(
                "enrolment__run__module")
        ],
        "credentials": [
            {"title": c.title, "name_on_credential": c.recipient_name,
             "issued_at": c.issued_at.isoformat(), "revoked_at": c.revoked_at and
             c.revoked_at.isoformat(), "url": absolute(c.get_absolute_url())}
            for c in Credential.objects.filter(learner=user).defer("pdf", "jwt", "document")
        ],
        "teaching_recognitions": [
            {"academic_year": r.year_label, "requested_at": r.requested_at.isoformat(),
             "credential": r.credential_id and str(r.credential_id)}
            for r in TeachingRecognition.objects.filter(lecturer=user).defer("statement")
        ],
    }  # fmt: skip


def erase_credential_data(user) -> None:
    """Each credential keeps what it states itself (name, title, dates); the account link goes."""
    Credential.objects.filter(learner=user).update(learner=None)
