"""Reads for "My learning" and the employer portal; access is checked on the organisation."""

from django.db.models import QuerySet

from academy.models import Invitation, Membership, Organisation, StaffImport
from catalogue.models import Session
from enrolment.models import Enrolment, WaitingListEntry


def organisations_administered_by(user) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.ADMIN
    )


def staff_overview(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by(
        "user__last_name", "user__first_name", "user__email"
    )


def open_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    return organisation.invitations.open().select_related("invited_by").order_by("-created_at")


def recent_imports(organisation: Organisation) -> QuerySet[StaffImport]:
    return organisation.staff_imports.defer("rows", "problems")[:5]


def memberships_of(user) -> QuerySet[Membership]:
    return user.memberships.select_related("organisation").order_by("organisation__name")


def enrolments_of(user):
    return (
        Enrolment.objects.filter(learner=user)
        .exclude(status=Enrolment.Status.CANCELLED)
        .select_related("run__module", "organisation")
        .prefetch_related("run__sessions")
        .order_by("run__start_date")
    )


def waiting_list_places_of(user):
    return (
        WaitingListEntry.objects.filter(learner=user, status__in=WaitingListEntry.ACTIVE)
        .with_position()
        .select_related("run__module")
        .order_by("run__start_date")
    )


def sessions_in_feed(feed):
    """The sessions of runs the feed's owner is enrolled in (not cancelled)."""
    return (
        Session.objects.filter(
            run__enrolments__learner_id=feed.user_id,
            run__enrolments__status__in=Enrolment.SEAT_HOLDING,
        )
        .select_related("run__module")
        .order_by("starts_at")
        .distinct()
    )


def awaiting_approval(organisation):
    return (
        Enrolment.objects.filter(
            organisation=organisation, status=Enrolment.Status.AWAITING_APPROVAL
        )
        .select_related("learner", "run__module")
        .order_by("created_at")
    )


def shared_enrolments_by_member(organisation) -> dict[int, list]:
    """Enrolments of members who consent to share, by user id; others are not read at all."""
    sharing = organisation.memberships.filter(shares_progress=True).values("user_id")
    enrolments = (
        Enrolment.objects.filter(learner_id__in=sharing)
        .exclude(status=Enrolment.Status.CANCELLED)
        .select_related("run__module")
        .order_by("run__start_date")
    )
    by_member: dict[int, list] = {}
    for enrolment in enrolments:
        by_member.setdefault(enrolment.learner_id, []).append(enrolment)
    return by_member
