"""A professional's own settings: the themes they follow, whether each employer sees their
progress, and the secret address of their calendar feed."""

from django.db import transaction

from academy.services import set_progress_sharing
from enrolment.models import CalendarFeed, new_feed_token


@transaction.atomic
def update_preferences(*, user, interests, sharing) -> None:
    """Interests (themes) and, per employer, whether the professional shares progress."""
    user.interests.set(interests)
    for membership, shares in sharing:
        if membership.user_id != user.pk:
            raise PermissionError("A person decides about sharing only for themselves.")
        if membership.shares_progress != shares:
            set_progress_sharing(membership=membership, shares=shares)


def calendar_feed_for(user) -> CalendarFeed:
    return CalendarFeed.objects.get_or_create(user=user)[0]


def renew_calendar_feed(user) -> CalendarFeed:
    """A new secret address; calendars subscribed to the old one stop updating."""
    feed = calendar_feed_for(user)
    feed.token = new_feed_token()
    feed.save(update_fields=["token", "created_at"])
    return feed
