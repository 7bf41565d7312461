"""The audit trail: who did what, to which object, when, and the details people later ask.

Every service that changes something on someone's behalf calls `log_action` inside its own
transaction, so an entry exists exactly when the change does (pretix's `log_action`).

Details name a person only through `person(user)` under one of PERSON_KEYS, so erasing an
account can find and scrub them; the actor and subject are foreign keys to the account,
whose own row is anonymised. The codes are the trail's vocabulary, described in one table
here as pretix's `logdisplay` does; an app above may add its own with `describe_actions`.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from academy.models import AuditEntry, User

PERSON_KEYS = ("learner", "replacement", "member")

ACTIONS = {
    "enrolment.enrolled": _("Enrolled"),
    "enrolment.waitlisted": _("Joined the waiting list"),
    "enrolment.cancelled": _("Enrolment cancelled"),
    "enrolment.approved": _("Enrolment approved by the employer"),
    "enrolment.declined": _("Enrolment declined by the employer"),
    "enrolment.swapped": _("Seat swapped to a colleague by the employer"),
    "enrolment.given_to_colleague": _("Seat given to a colleague by the academy office"),
    "enrolment.moved": _("Enrolment moved to another run"),
    "cohort.reserved": _("Cohort seats reserved"),
    "run.capacity_changed": _("Run capacity changed"),
    "module.published": _("Module published"),
    "synonym.saved": _("Search synonyms saved"),
    "synonym.deleted": _("Search synonyms deleted"),
    "result.recorded": _("Result recorded"),
    "credential.issued": _("Credential issued"),
    "credential.revoked": _("Credential revoked"),
    "invoice.issued": _("Invoice issued"),
    "invoice.credit_note_issued": _("Credit note issued"),
    "invoice.paid": _("Invoice marked paid"),
    "membership.removed": _("Member removed from the organisation"),
    "personal_data.exported": _("Personal data exported"),
    "account.deleted": _("Account deleted"),
}

# What an employer sees in its portal's activity page: decisions about its people's seats.
EMPLOYER_ACTIVITY = (
    "enrolment.approved",
    "enrolment.declined",
    "enrolment.swapped",
    "enrolment.given_to_colleague",
)


# How the keys of an entry's details read on a page; other keys show as they are stored.
DETAIL_LABELS = {
    "run": _("run"), "module": _("module"), "to_run": _("to run"), "payer": _("paid by"),
    "status": _("status"), "cohort": _("cohort"), "replacement": _("seat given to"),
    "new_enrolment": _("new enrolment"), "from_waiting_list": _("from the waiting list"),
    "by_learner": _("by the learner"), "closing_account": _("closing the account"),
    "title": _("title"), "faculty": _("faculty"), "passed": _("passed"), "grade": _("grade"),
    "changed": _("changed an earlier result"), "result": _("result"), "reason": _("reason"),
    "number": _("number"), "total": _("total"), "corrects": _("corrects"),
    "reference": _("payment reference"), "role": _("role"), "from": _("from"), "to": _("to"),
    "learner": _("learner"), "member": _("member"), "session": _("session"),
    "present": _("present"), "early_override_reason": _("reason for recording early"),
    "provider": _("logged in with"), "affiliation": _("affiliation"), "group": _("group"),
}  # fmt: skip


def details_for_display(details: dict) -> list[tuple[str, str]]:
    """(label, value) pairs; a person shows by name, a yes/no as a word."""
    pairs = []
    for key, value in details.items():
        if key in PERSON_KEYS and isinstance(value, dict):
            value = value.get("name") or _("(account deleted)")
        elif isinstance(value, bool):
            value = _("yes") if value else _("no")
        elif value in (None, ""):
            continue
        pairs.append((str(DETAIL_LABELS.get(key, key)), str(value)))
    return pairs


def describe_actions(descriptions: dict) -> None:
    """An app above the core adds the codes it logs, with how each reads."""
    ACTIONS.update(descriptions)


def describe(action: str) -> str:
    return str(ACTIONS.get(action, action))


def person(user) -> dict | None:
    """A person named in an entry's details: found again (and scrubbed) by their id."""
    if user is None:
        return None
    return {"id": user.pk, "name": user.get_full_name() or user.email}


def log_action(
    *, actor, action: str, target, details: dict | None = None, organisation=None, subject=None
) -> AuditEntry:
    """Record one change; call it inside the transaction that makes the change.
    `organisation` and `subject` may be given as instances or as ids."""
    if action not in ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}; add it to academy.audit.ACTIONS.")
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        target_id=str(target.pk),
        organisation_id=getattr(organisation, "pk", organisation),
        subject_id=getattr(subject, "pk", subject),
        details=details or {},
    )


@transaction.atomic
def forget_actor(user: User) -> int:
    """Erasing an account: its entries keep their action, lose the link to who acted, and
    details that name the person drop the name. Returns how many entries changed."""
    changed = AuditEntry.objects.filter(actor=user).update(actor=None)
    for key in PERSON_KEYS:
        entries = AuditEntry.objects.filter(**{f"details__{key}__id": user.pk})
        for entry in entries.only("details"):
            entry.details[key] = {"id": None, "name": ""}
            entry.save(update_fields=["details"])
            changed += 1
    return changed


def employer_activity(organisation) -> QuerySet[AuditEntry]:
    """Who approved, declined and swapped seats of this organisation's people, newest first."""
    return AuditEntry.objects.filter(
        organisation=organisation, action__in=EMPLOYER_ACTIVITY
    ).select_related("actor", "subject")


def _only_own_name(details: dict, user: User) -> dict:
    """Other people named in an entry are not the exporting person's data."""
    return {
        key: {**value, "name": ""}
        if key in PERSON_KEYS and isinstance(value, dict) and value.get("id") != user.pk
        else value
        for key, value in details.items()
    }


def export_entries(user: User) -> list[dict]:
    """What was logged by or about a person, for their data export."""
    return [
        {
            "when": entry.created_at.isoformat(),
            "action": entry.action,
            "description": entry.description,
            "by_you": entry.actor_id == user.pk,
            "about_you": entry.subject_id == user.pk,
            "organisation": entry.organisation.name if entry.organisation else None,
            "details": _only_own_name(entry.details, user),
        }
        for entry in AuditEntry.objects.concerning(user).select_related("organisation")
    ]
