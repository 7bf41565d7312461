"""Reads for the credential pages, My learning and the employer's staff overview."""

from django.db.models import QuerySet

from credentials.models import Credential


def credentials_of(user) -> QuerySet[Credential]:
    return Credential.objects.filter(learner=user).defer("pdf", "jwt").order_by("-issued_at")


def result_grid(run) -> list:
    """A run's participants with their result and credential (without its documents)."""
    return list(
        run.enrolments.holding_a_seat()
        .select_related("learner", "result__credential")
        .defer("result__credential__pdf", "result__credential__jwt",
               "result__credential__document")
        .order_by("learner__last_name", "learner__first_name")
    )  # fmt: skip


def public_credential(credential_id) -> Credential:
    return Credential.objects.defer("pdf").get(pk=credential_id)


def shared_credentials(learner_ids) -> dict[int, list[Credential]]:
    """Valid credentials of these learners (those who share with their employer), by learner."""
    by_learner: dict[int, list[Credential]] = {}
    for credential in (
        Credential.objects.valid()
        .filter(learner_id__in=learner_ids)
        .only("id", "title", "issued_at", "learner_id")
    ):
        by_learner.setdefault(credential.learner_id, []).append(credential)
    return by_learner
