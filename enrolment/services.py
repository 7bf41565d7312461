"""Business rules of enrolment; for now the professional's interests and consent."""

from django.db import transaction

from academy.services import set_progress_sharing


@transaction.atomic
def update_preferences(*, user, interests, sharing) -> None:
    """Interests (themes) and, per employer, whether the professional shares progress."""
    user.interests.set(interests)
    for membership, shares in sharing:
        if membership.user_id != user.pk:
            raise PermissionError("A person decides about sharing only for themselves.")
        if membership.shares_progress != shares:
            set_progress_sharing(membership=membership, shares=shares)
