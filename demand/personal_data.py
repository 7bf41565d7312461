"""What demand holds about a person, for the data export and for erasing an account."""

from django.db.models import Q

from demand.models import Interest, LearningNeed, ModuleProposal


def export_demand_data(user) -> dict:
    return {
        "learning_needs": [
            {
                "topic": need.topic,
                "description": need.description,
                "expected_learners": need.expected_learners,
                "preferred_format": need.preferred_format,
                "preferred_period": need.preferred_period,
                "budget_indication": str(need.budget_indication or ""),
                "contact_name": need.contact_name,
                "contact_email": need.contact_email,
                "contact_phone": need.contact_phone,
                "organisation": need.organisation_name,
                "submitted_at": need.created_at.isoformat(),
                "status": need.status,
                "decline_reason": need.decline_reason,
            }
            for need in LearningNeed.objects.filter(submitted_by=user)
        ],
        "told_when_runs_open": [
            {
                "module": interest.module.title if interest.module_id else None,
                "theme": interest.theme.name if interest.theme_id else None,
                "email": interest.email,
                "asked_at": interest.created_at.isoformat(),
                "confirmed_at": interest.confirmed_at.isoformat()
                if interest.confirmed_at
                else None,
            }
            for interest in _interests_of(user).select_related("module", "theme")
        ],
        "module_proposals": [
            {"title": p.title, "status": p.status, "created_at": p.created_at.isoformat()}
            for p in ModuleProposal.objects.filter(proposer=user)
        ],
    }


def _interests_of(user):
    return Interest.objects.filter(Q(user=user) | Q(email__iexact=user.email))


def erase_demand_data(user) -> None:
    """Interest goes entirely; learning needs stay as anonymous demand, without contact
    details; proposals stay as the university's record of its offer."""
    _interests_of(user).delete()
    LearningNeed.objects.filter(submitted_by=user).update(
        contact_name="", contact_email="removed@deleted.invalid", contact_phone="",
        submitted_by=None,
    )  # fmt: skip
